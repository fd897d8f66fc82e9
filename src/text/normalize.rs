//! The normalizer: maps a text to the form the automaton matches, with an offset map back to
//! the original text in UTF-16 code units.
//!
//! What it does, character by character:
//! * ASCII letters are lower-cased (full-width Latin letters and digits become ASCII first);
//! * curly, angled and corner quotes become `'` or `"`;
//! * `-`, U+2010 (hyphen) and U+2011 (non-breaking hyphen) stay `-` and join words; every other
//!   dash (figure, en and em dash, horizontal bar, minus sign, their small and full-width forms)
//!   separates words like a space, and is kept between two CJK characters
//!   (`Principles—to` reads as `principles to`, `维护——确立` as `维护 确立`); the matcher
//!   then reads a hyphen and a space as one token, so a hyphenated form matches spaced text and
//!   a spaced form hyphenated text (`opening up` in `opening-up`), while the boundary rule keeps
//!   a form's ends out of compounds;
//! * any run of white space (NBSP, ideographic space and line breaks included) becomes one
//!   space; the run disappears entirely between two CJK characters, and after a hyphen when it
//!   holds a line break (`Marxism-⏎Leninism` reads as `marxism-leninism`); a hyphen at a line
//!   end between a letter and a lower-case letter is a word hyphenated by print and goes too
//!   (`establish-⏎ments` reads as `establishments`, `self-⏎revolution` as `selfrevolution`,
//!   which hyphenated forms match as well), unless a function word follows (`pre-⏎and`);
//! * a hyphen broken by one space between two letters, as machine translation writes it, joins
//!   again (`self -confidence`, `self- revolution` read as `self-confidence`, `self-revolution`)
//!   unless the word after it is a function word ([`crate::text::boundary::DASH_WORDS`]), where
//!   the hyphen is a dash or a suspended hyphen (`members -its`, `pre- and post-war` stay);
//! * a hyphen with white space on both sides is a dash and separates words like one
//!   (`Eight - Point Decision` reads as `eight point decision`, which hyphenated forms match);
//! * an acronym of capitals in parentheses inside a name, after white space and before a
//!   capital, reads as white space (`Communist Party of China (CPC) Central Committee` reads as
//!   `communist party of china central committee`);
//! * soft hyphens, zero-width spaces and joiners, word joiners and BOMs are dropped;
//! * the Latin ligatures U+FB00–FB06 (`ﬁ`, `ﬂ`…, common in text copied from a PDF) become
//!   their letters;
//! * traditional Chinese characters become simplified ([`crate::text::script`]);
//! * a comma after a Han character is the enumeration comma `、`, as are the enumeration
//!   comma's half-width and small forms: Chinese texts print the same list with `、`, `，` or
//!   `,` (`不参与、不接受、不承认`, `不參與,不接受,不承認`), so a form written with one matches
//!   the others. The full-width and small commas count after a Han character, with white space
//!   between or not; a plain `,` only between two Han characters (`A,B`), so English keeps its
//!   commas (`the Party，its` and `Xi Jinping, 习近平` keep theirs).
//!
//! ```
//! let n = tifa::text::normalize("The “Two\u{a0}Upholds”");
//! assert_eq!(n.text(), "the \"two upholds\"");
//! // "two upholds" is bytes 5..16 of the normalized text, UTF-16 units 5..16 of the original.
//! assert_eq!(n.original_span(5, 16), (5, 16));
//! ```

use crate::text::boundary::{is_dash_word, is_word_char};
use crate::text::script;

mod chars;
mod offsets;

use chars::{acronym_in_name, ascii_run, map_char, take_space, wide_run, Mapped};
use offsets::Builder;
pub use offsets::Normalized;

/// A letter of a script written with spaces (not a digit, not Han).
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !script::is_cjk(c)
}

/// Does `rest` (the original text after a hyphen, or from the letter after a space) start with
/// a word whose first character is a letter and that is no function word
/// ([`crate::text::boundary::DASH_WORDS`])? Then a hyphen and a space between it and a letter
/// are a broken hyphen.
fn joins_after_hyphen(rest: &str) -> bool {
    if !rest.chars().next().is_some_and(is_letter) {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    !is_dash_word(&word)
}

/// Does `rest` (the original text after a hyphen) go on with white space, past any more
/// hyphens, or end there? Then a hyphen after white space is a spaced dash.
fn spaced_after_hyphens(rest: &str) -> bool {
    rest.trim_start_matches(['-', '\u{2010}', '\u{2011}'])
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
}

/// Is `c`, after `last` (the last character kept) and before `rest`, a comma of a Chinese list,
/// which the normalizer writes as `、`? The enumeration comma's half-width and small forms are;
/// a full-width or small comma after a Han character; a plain comma between two Han characters.
fn list_comma(c: char, last: Option<char>, rest: &str) -> bool {
    let after_han = last.is_some_and(script::is_han);
    match c {
        '\u{FF64}' | '\u{FE51}' => true,
        '\u{FF0C}' | '\u{FE50}' => after_han,
        ',' => after_han && rest.chars().next().is_some_and(script::is_han),
        _ => false,
    }
}

/// Normalizes `input`; see the module docs for the rules.
pub fn normalize(input: &str) -> Normalized {
    normalize_runs(input, true)
}

/// [`normalize`], with the fast paths for runs of ASCII and of CJK characters or without them
/// (the tests check that both give the same).
fn normalize_runs(input: &str, runs: bool) -> Normalized {
    let mut out = Builder::new(input.len());
    // A pending run of white space: (start, end, holds a line break, holds a dash).
    let mut space: Option<(u32, u32, bool, bool)> = None;
    let mut last: Option<char> = None;
    let mut pos: u32 = 0;
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of plain ASCII letters, digits and punctuation with single spaces
        // between them, one byte and one UTF-16 unit each, with no pending white space (most
        // of an English text). A single space before printable ASCII is always kept as it is.
        // (Not from a space right after a hyphen: it may be a broken hyphen.)
        // (Nor from a comma after a Han character: it may be a list's comma, below.)
        if runs
            && space.is_none()
            && !(last == Some('-') && bytes[i] == b' ')
            && !(bytes[i] == b',' && last.is_some_and(script::is_han))
        {
            let n = ascii_run(&bytes[i..]);
            if n > 0 {
                out.ascii(&input[i..i + n], pos);
                pos += n as u32;
                i += n;
                last = Some(char::from(bytes[i - 1].to_ascii_lowercase()));
                continue;
            }
            // The same for a run of Han characters and CJK punctuation (most of a Chinese
            // text).
            let n = wide_run(&bytes[i..]);
            if n > 0 {
                out.wide(&input[i..i + n], pos);
                pos += (n / 3) as u32;
                i += n;
                last = out.text.chars().next_back();
                continue;
            }
        }
        let c = input[i..].chars().next().expect("a char boundary");
        i += c.len_utf8();
        let start = pos;
        pos += c.len_utf16() as u32;
        // An acronym in parentheses inside a name, as official English writes the Party's
        // (`the Communist Party of China (CPC) Central Committee`): it and the space after it
        // join the white space before it, so the name reads whole.
        if c == '(' && space.is_some() {
            if let Some(n) = acronym_in_name(&bytes[i..]) {
                // All ASCII: one UTF-16 unit per byte.
                take_space(Mapped::Space(false), &mut space, start, pos + n as u32);
                i += n;
                pos += n as u32;
                continue;
            }
        }
        if list_comma(c, last, &input[i..]) {
            // White space before it goes, as between two CJK characters; a dash stays one.
            if let Some((s, e, _, true)) = space.take() {
                out.push(' ', s, e, false);
            }
            out.push('、', start, pos, false);
            last = Some('、');
            continue;
        }
        let (m, upper, tail) = match map_char(c) {
            Mapped::Char(m, upper) if m != ' ' => (m, upper, ""),
            Mapped::Ligature(letters) => {
                let (first, tail) = letters.split_at(1);
                (char::from(first.as_bytes()[0]), false, tail)
            }
            other => {
                take_space(other, &mut space, start, pos);
                continue;
            }
        };
        // A hyphen with white space on both sides (past any more hyphens: `a -- b`) is a dash
        // and separates words like one: machine translation spaces the hyphens of compounds
        // (`Eight - Point Decision`, `Party - joining activists`), as an en dash would be.
        if m == '-' && space.is_some() && spaced_after_hyphens(&input[i..]) {
            take_space(Mapped::Dash, &mut space, start, pos);
            continue;
        }
        if let Some((s, e, newline, dash)) = space.take() {
            let joins_cjk = !dash && last.is_some_and(script::is_cjk) && script::is_cjk(m);
            let wrapped_hyphen = newline && last == Some('-');
            // A word hyphenated at a line end, as print and PDFs break them
            // (`establish-⏎ments`): the hyphen goes too, when a lower-case letter follows and a
            // letter comes before it. Such a hyphen and a compound's own (`self-⏎revolution`)
            // look the same, so hyphenated forms also match without their hyphens
            // ([`crate::matching`] derives that variant).
            let hyphenation = wrapped_hyphen
                && !dash
                && !upper
                && is_letter(m)
                && out.text.chars().rev().nth(1).is_some_and(is_letter)
                && joins_after_hyphen(&input[i - c.len_utf8()..]);
            if hyphenation {
                out.pop_hyphen();
            }
            // One space (no line break, no dash) inside a hyphenated word: `self -confidence`
            // (this is the hyphen) or `self- revolution` (this is the letter after it).
            let one_space = e == s + 1 && !newline && !dash;
            let broken_hyphen = one_space
                && if m == '-' {
                    last.is_some_and(is_letter) && joins_after_hyphen(&input[i..])
                } else {
                    last == Some('-')
                        && out.text.chars().rev().nth(1).is_some_and(is_letter)
                        && joins_after_hyphen(&input[i - c.len_utf8()..])
                };
            if !joins_cjk && !wrapped_hyphen && !broken_hyphen {
                out.push(' ', s, e, false);
            }
        }
        out.push(m, start, pos, upper);
        // The other letters of a ligature come from the same character.
        for t in tail.chars() {
            out.push(t, start, pos, false);
        }
        last = Some(tail.chars().next_back().unwrap_or(m));
    }
    if let Some((s, e, _, _)) = space {
        out.push(' ', s, e, false);
    }
    out.finish(pos)
}

/// Is `b` a quotation mark of a normalized text? The normalizer writes every quotation mark
/// (curly, angled, corner, full-width) as `"` or `'`: the matcher, the context gate and the
/// validator ask this one question.
///
/// ```
/// use tifa::text::{is_quote, normalize};
/// let n = normalize("「两个维护」‘core’");
/// assert!(n.text().bytes().filter(|&b| is_quote(b)).count() == 4);
/// assert!(!is_quote(b'-'));
/// ```
pub fn is_quote(b: u8) -> bool {
    b == b'"' || b == b'\''
}

/// Normalizes a dictionary form: the same rules, with outer spaces trimmed.
///
/// ```
/// assert_eq!(tifa::text::normalize_form("  Two\u{2011}Upholds "), "two-upholds");
/// assert_eq!(tifa::text::normalize_form("兩個維護"), "两个维护");
/// ```
pub fn normalize_form(form: &str) -> String {
    normalize(form).text().trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, input, normalized text)
    const CASES: &[(&str, &str, &str)] = &[
        ("ascii_case", "Two Upholds", "two upholds"),
        ("curly_quotes", "‘core’ “core”", "'core' \"core\""),
        (
            "hyphens_join",
            "self‐reform self‑reform",
            "self-reform self-reform",
        ),
        ("en_dash_separates", "Marxism–Leninism", "marxism leninism"),
        (
            "em_dash_separates",
            "Principles—to keep",
            "principles to keep",
        ),
        ("spaced_em_dash", "Principles — to", "principles to"),
        ("horizontal_bar", "core―and", "core and"),
        ("minus_sign", "a−b", "a b"),
        ("figure_dash", "a‒b", "a b"),
        ("two_em_dash", "a⸺b", "a b"),
        ("small_em_dash", "a﹘b", "a b"),
        ("full_width_hyphen_minus", "a－b", "a b"),
        ("dash_kept_between_cjk", "维护——确立", "维护 确立"),
        ("nbsp_and_runs", "two\u{a0}\u{a0}  upholds", "two upholds"),
        ("line_break", "two\r\n   upholds", "two upholds"),
        ("soft_hyphen_and_zw", "up\u{ad}holds\u{200b}", "upholds"),
        ("full_width", "ＴＷＯ　Ｕｐｈｏｌｄｓ１２", "two upholds12"),
        ("traditional", "兩個維護", "两个维护"),
        (
            "list_commas",
            "不参与，不接受,不承認､是﹑否﹐对",
            "不参与、不接受、不承认、是、否、对",
        ),
        (
            "list_comma_then_space",
            "不参与， 不接受，\n不承认",
            "不参与、不接受、不承认",
        ),
        ("list_comma_before_latin", "维护，CPC,党", "维护、cpc,党"),
        ("ascii_comma_then_space_stays", "维护, 党", "维护, 党"),
        ("full_width_comma_after_latin", "Party，its", "party,its"),
        ("comma_after_kana_stays", "ア，イ", "ア,イ"),
        ("dash_before_list_comma", "维护——，党", "维护 、党"),
        ("cjk_line_break", "两个\n维护", "两个维护"),
        // A word hyphenated at a line end (print, PDFs) joins; a capital after the hyphen
        // keeps it (a compound of names), and so does a function word (a suspended hyphen).
        ("wrapped_hyphen", "self-\nrevolution", "selfrevolution"),
        (
            "hyphenated_at_line_end",
            "two establish-\r\n  ments",
            "two establishments",
        ),
        (
            "wrapped_hyphen_before_capital",
            "Marxism-\nLeninism",
            "marxism-leninism",
        ),
        (
            "wrapped_hyphen_before_function_word",
            "pre-\nand post-war",
            "pre-and post-war",
        ),
        ("wrapped_hyphen_after_digit", "covid-\n19", "covid-19"),
        (
            "ligatures",
            "self-con\u{fb01}dence, e\u{fb00}ective",
            "self-confidence, effective",
        ),
        (
            "wrapped_non_breaking_hyphen",
            "con\u{2011}\nsciousness",
            "consciousness",
        ),
        // Machine translation, "four self -confidence" (set 6 of tests/recall/after.md).
        (
            "broken_hyphen_space_before",
            "four self -confidence",
            "four self-confidence",
        ),
        (
            "broken_hyphen_space_after",
            "self- revolution",
            "self-revolution",
        ),
        (
            "broken_hyphen_nbsp",
            "self\u{a0}-confidence",
            "self-confidence",
        ),
        (
            "hyphen_as_dash_before_its",
            "members -its decisions",
            "members -its decisions",
        ),
        ("suspended_hyphen", "pre- and post-war", "pre- and post-war"),
        (
            "suspended_hyphen_to",
            "two- to three-year",
            "two- to three-year",
        ),
        // Machine translation spaces a compound's hyphen ("Eight - Point Decision", "Party -
        // joining activists", set 12 of tests/recall/after.md): a spaced hyphen is a dash.
        ("spaced_dash", "reform - opening", "reform opening"),
        (
            "spaced_double_hyphen",
            "reform -- opening",
            "reform opening",
        ),
        ("spaced_hyphen_at_line_end", "eight -\npoint", "eight point"),
        (
            "spaced_non_breaking_hyphen",
            "eight \u{2011} point",
            "eight point",
        ),
        ("spaced_dash_between_cjk", "维护 - 确立", "维护 确立"),
        ("hyphen_at_start_of_line_kept", "- point", "- point"),
        // Official English puts the Party's acronym inside names (off25's sweep, 2026-12-06:
        // "General Office of the Communist Party of China (CPC) Central Committee" was missed).
        (
            "acronym_inside_name",
            "China (CPC) Central Committee",
            "china central committee",
        ),
        (
            "acronym_at_name_end_kept",
            "Congress (NPC) will meet",
            "congress (npc) will meet",
        ),
        (
            "acronym_without_space_kept",
            "China(CPC) Central",
            "china(cpc) central",
        ),
        ("one_capital_kept", "Plan (A) Beta", "plan (a) beta"),
        (
            "lower_case_kept",
            "China (cpc) Central",
            "china (cpc) central",
        ),
        ("two_spaces_kept", "self  -confidence", "self -confidence"),
        ("digit_after_hyphen", "covid -19", "covid -19"),
        ("digit_before_hyphen", "g20 -summit", "g20 -summit"),
        ("broken_hyphen_accented", "café -bar", "café-bar"),
        (
            "line_break_before_hyphen",
            "self\n-confidence",
            "self -confidence",
        ),
        ("corner_quotes", "「兩個確立」", "\"两个确立\""),
    ];

    #[test]
    fn table() {
        for (name, input, want) in CASES {
            assert_eq!(normalize(input).text(), *want, "case {name}");
        }
    }

    #[test]
    fn offsets_are_utf16_of_the_original() {
        let text = "😀 两个\n維護";
        let n = normalize(text);
        assert_eq!(n.text(), "😀 两个维护");
        let start = n.text().find("两个维护").unwrap();
        // 😀 is 2 UTF-16 units, then a space: the term starts at 3 and ends at 8 (line break inside).
        assert_eq!(n.original_span(start, n.text().len()), (3, 8));
    }

    /// Pieces of text whose every mix must normalize the same with and without the fast paths.
    const PIECES: &[&str] = &[
        "a",
        "Party",
        "THE",
        "(CPC) ",
        "(",
        "CC",
        " ",
        "  ",
        "\n",
        "-",
        "'",
        ".",
        "Two Upholds",
        "x Y z",
        "两",
        "兩個",
        "維護",
        "。",
        "、",
        "「",
        "」",
        "〝",
        "ア",
        "㐀",
        "\u{3000}",
        "—",
        "–",
        "\u{a0}",
        "😀",
        "é",
        "Ｐａｒｔｙ",
        "\u{ad}",
        "\u{200b}",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "\t",
        "\u{7f}",
        "~",
        "“",
        "”",
        "«",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The run fast paths give the same text, offset map and capital letters as the
        /// character-by-character path.
        #[test]
        fn runs_equal_char_by_char(text in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let (fast, slow) = (normalize_runs(&text, true), normalize_runs(&text, false));
            proptest::prop_assert_eq!(fast.text(), slow.text());
            for b in 0..fast.text().len() {
                proptest::prop_assert_eq!(fast.locate(b), slow.locate(b), "byte {}", b);
                proptest::prop_assert_eq!(fast.was_upper(b), slow.was_upper(b), "byte {}", b);
            }
        }
    }

    #[test]
    fn long_ascii_capitals_across_words() {
        // Capitals on both sides of every 64-byte boundary of the bitmap.
        let text: String = (0..300)
            .map(|i| if i % 7 == 0 { 'Q' } else { 'q' })
            .collect();
        let n = normalize(&text);
        for i in 0..300 {
            assert_eq!(n.was_upper(i), i % 7 == 0, "byte {i}");
        }
    }

    #[test]
    fn upper_bits() {
        let n = normalize("a Core ＣＯＲＥ");
        assert!(!n.was_upper(0));
        assert!(n.was_upper(2));
        assert!(!n.was_upper(3));
        assert!(n.was_upper(7));
    }

    #[test]
    fn space_run_maps_to_whole_run() {
        let n = normalize("a \u{a0}\n b");
        assert_eq!(n.text(), "a b");
        assert_eq!(n.original_span(1, 2), (1, 5));
    }
}
