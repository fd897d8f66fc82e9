//! Candidates for unknown numbered formulas: jargon shaped like "the Two X" or 两个X that the
//! dictionary does not know yet, so users (and dictionary editors) can see it.
//!
//! Patterns (on the original text):
//! * a quoted English phrase starting with a number word: `"four comprehensives"`;
//! * a capitalized one: `Three Stricts and Three Earnests`, `Two Upholds`;
//! * Chinese: a quoted `"三个代表"`-style phrase, or 两个/三个/四个… followed by two Han characters.
//!
//! A small hand-written scanner finds them (the `regex` crate it replaced was a third of the
//! WebAssembly module); a property test checks it against the regular expressions.
//!
//! Candidates overlapping a dictionary match are left out. An unquoted Chinese candidate
//! (四个季节) is listed only in a text that holds at least one dictionary term, and never when
//! its noun is an ordinary counted noun ([`ORDINARY_NOUNS`]: 季节, 孩子, 小时…).

use crate::text::script::is_han;
use crate::text::swar;

/// The number words a formula starts with, capitalized.
const NUMBERS: &[&str] = &[
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
];

/// A word character as `\b` sees it: letters, digits, `_`, combining marks, CJK included.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || crate::text::boundary::is_combining(c)
}

/// The length of the number word at the start of `s`, in either case or exactly capitalized.
fn number_at(s: &str, any_case: bool) -> Option<usize> {
    NUMBERS.iter().map(|w| w.len()).find(|&n| {
        s.get(..n).is_some_and(|head| {
            let w = NUMBERS.iter().find(|w| {
                w.len() == n
                    && if any_case {
                        w.eq_ignore_ascii_case(head)
                    } else {
                        **w == head
                    }
            });
            w.is_some()
        })
    })
}

/// A quoted English phrase starting with a number word: the phrase's range without the quotes,
/// and where the search goes on (after the closing quote).
fn quoted_english(text: &str, at: usize) -> Option<((usize, usize), usize)> {
    // Only ", ' and the curly quotes (E2 80 9C, E2 80 98) can open one.
    if !matches!(text.as_bytes()[at], b'"' | b'\'' | 0xE2) {
        return None;
    }
    let mut chars = text[at..].char_indices();
    let (_, open) = chars.next()?;
    if !matches!(open, '"' | '“' | '‘' | '\'') {
        return None;
    }
    let start = at + open.len_utf8();
    let n = number_at(&text[start..], true)?;
    let mut rest = text[start + n..]
        .char_indices()
        .map(|(i, c)| (start + n + i, c));
    if !matches!(rest.next(), Some((_, ' ' | '-')))
        || !rest.next().is_some_and(|(_, c)| c.is_ascii_alphabetic())
    {
        return None;
    }
    // 1 to 60 more characters, as few as possible, then a closing quote.
    let mut count = 0;
    for (i, c) in rest {
        if count >= 1 && matches!(c, '"' | '”' | '’' | '\'') {
            return Some(((start, i), i + c.len_utf8()));
        }
        if count < 60 && (c.is_ascii_alphabetic() || matches!(c, '\'' | '’' | ' ' | '-')) {
            count += 1;
        } else {
            return None;
        }
    }
    None
}

/// After a number word ending at `at`: the ends of one, two and three following capitalized
/// words (`[ -][A-Z][a-z]+`).
fn capital_words(text: &str, mut at: usize) -> Vec<usize> {
    let b = text.as_bytes();
    let mut ends = Vec::new();
    while ends.len() < 3
        && b.get(at).is_some_and(|&c| c == b' ' || c == b'-')
        && b.get(at + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(at + 2).is_some_and(u8::is_ascii_lowercase)
    {
        at += 2;
        while b.get(at).is_some_and(u8::is_ascii_lowercase) {
            at += 1;
        }
        ends.push(at);
    }
    ends
}

/// A capitalized formula at `at` (`Two Upholds`, `Three Stricts and Three Earnests`): its end.
fn capitalized(text: &str, at: usize) -> Option<usize> {
    // Two, Three, Four, Five, Six, Seven, Eight, Nine, Ten, Eleven, Twelve.
    if !matches!(text.as_bytes()[at], b'T' | b'F' | b'S' | b'E' | b'N') {
        return None;
    }
    if text[..at].chars().next_back().is_some_and(is_word) {
        return None;
    }
    let boundary = |e: usize| !text[e..].chars().next().is_some_and(is_word);
    let n = number_at(&text[at..], false)?;
    for &end in capital_words(text, at + n).iter().rev() {
        if text[end..].starts_with(" and ") {
            let second = end + 5;
            if let Some(m) = number_at(&text[second..], false) {
                if let Some(&e) = capital_words(text, second + m)
                    .iter()
                    .rev()
                    .find(|&&e| boundary(e))
                {
                    return Some(e);
                }
            }
        }
        if boundary(end) {
            return Some(end);
        }
    }
    None
}

const CN_NUMERALS: &str = "一二两三四五六七八九十百";
const CN_CLASSIFIERS: &str = "个項项大种條条位";

/// A quoted Chinese formula (`“三个代表”`): the range inside the quotes, and where the search
/// goes on.
fn quoted_chinese(text: &str, at: usize) -> Option<((usize, usize), usize)> {
    // " or “ (E2 80 9C) or 「 『 (E3 80 8C, E3 80 8E).
    if !matches!(text.as_bytes()[at], b'"' | 0xE2 | 0xE3) {
        return None;
    }
    let open = text[at..].chars().next()?;
    if !matches!(open, '“' | '"' | '「' | '『') {
        return None;
    }
    let start = at + open.len_utf8();
    let han: Vec<(usize, char)> = text[start..]
        .char_indices()
        .take_while(|&(_, c)| is_han(c))
        .map(|(i, c)| (start + i, c))
        .collect();
    let end = han.last().map(|&(i, c)| i + c.len_utf8())?;
    let close = text[end..].chars().next()?;
    if !matches!(close, '”' | '"' | '」' | '』') {
        return None;
    }
    let len = han.len();
    let numerals = han
        .iter()
        .take_while(|&&(_, c)| CN_NUMERALS.contains(c))
        .count();
    // Numerals (at least one), an optional classifier, then 1 to 6 characters.
    let fits = (1..=numerals).any(|a| {
        (1..=6).contains(&(len - a))
            || (a < len && CN_CLASSIFIERS.contains(han[a].1) && (1..=6).contains(&(len - a - 1)))
    });
    fits.then_some(((start, end), end + close.len_utf8()))
}

/// 两个X / 三個X…: a number, 个 or 個, two characters.
fn counted_chinese(text: &str, at: usize) -> Option<usize> {
    // The numbers are all three-byte characters from E4 upwards, so 个 or 個 must be the
    // next three bytes: most Han characters are rejected on that alone.
    let b = text.as_bytes();
    if b[at] < 0xE4
        || !matches!(
            b.get(at + 3..at + 6),
            Some([0xE4, 0xB8, 0xAA] | [0xE5, 0x80, 0x8B])
        )
    {
        return None;
    }
    let mut chars = text[at..].chars();
    let ok = chars.next().is_some_and(|c| {
        matches!(
            c,
            '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    }) && chars.next().is_some_and(|c| c == '个' || c == '個')
        && chars.next().is_some_and(is_han)
        && chars.next().is_some_and(is_han);
    ok.then(|| {
        at + text[at..]
            .chars()
            .take(4)
            .map(char::len_utf8)
            .sum::<usize>()
    })
}

/// Can a scanner start at this byte? `"` and `'` (quotes), `T F S E N` (number words) and
/// the lead bytes E2–E5 (curly and corner quotes; the numbers of 两个X). All are ASCII or lead
/// bytes, so the search stays on character boundaries.
fn first(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\'' | b'T' | b'F' | b'S' | b'E' | b'N' | 0xE2..=0xE5
    )
}

/// [`first`] eight bytes at a time, from the eight bytes `x` at some offset and the eight at 3
/// and 4 bytes further (`x3`, `x4`): a lead byte E4 or E5 is flagged only when 个 (E4 B8 AA) or
/// 個 (E5 80 8B) may follow it, the one place [`counted_chinese`] can match (most Han
/// characters of a Chinese text start with E4 or E5).
fn firsts(x: u64, x3: u64, x4: u64) -> u64 {
    // E2–E5 are 62–65 with the top bit flipped (and only they).
    let quotes =
        swar::eq(x, b'"') | swar::eq(x, b'\'') | swar::in_range(x ^ swar::HIGH, 0x62, 0x63);
    let numbers = swar::eq(x, b'T')
        | swar::eq(x, b'F')
        | swar::eq(x, b'S')
        | swar::eq(x, b'E')
        | swar::eq(x, b'N');
    let counted = swar::in_range(x ^ swar::HIGH, 0x64, 0x65)
        & swar::in_range(x3 ^ swar::HIGH, 0x64, 0x65)
        & (swar::eq(x4, 0xB8) | swar::eq(x4, 0x80));
    quotes | numbers | counted
}

/// The first byte from `i` on where a scanner may start (every byte where one can match is
/// among them), or `None`.
fn next_start(b: &[u8], mut i: usize) -> Option<usize> {
    while i + 12 <= b.len() {
        let flags = firsts(swar::load(b, i), swar::load(b, i + 3), swar::load(b, i + 4));
        if flags != 0 {
            return Some(i + (flags.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&x| first(x)).map(|k| i + k)
}

/// Ordinary nouns that follow a number and 个 in everyday Chinese: 四个季节 is not a formula.
pub const ORDINARY_NOUNS: &[&str] = &[
    "季节", "孩子", "小时", "星期", "礼拜", "月份", "学生", "朋友", "同学", "房间", "城市", "国家",
    "省份", "苹果", "鸡蛋", "字母", "汉字", "单词", "问题", "例子", "办法", "选择", "选项", "步骤",
    "部分", "阶段", "女儿", "儿子", "兄弟", "姐妹", "家庭", "村子", "人员", "队员", "球队", "座位",
    "窗口", "文件", "版本", "数字", "故事", "晚上", "早上", "上午", "下午", "周末", "时辰", "方向",
];

/// Is the candidate starting at byte `start` of `text` an unquoted Chinese one (两个X)?
pub fn is_bare_chinese(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let before = text[..start].chars().next_back();
    first.is_some_and(|c| "两兩三四五六七八九十".contains(c))
        && !before.is_some_and(|c| "\"“「『".contains(c))
}

fn ordinary(text: &str, (s, e): (usize, usize)) -> bool {
    let t = &text[s..e];
    ORDINARY_NOUNS.iter().any(|n| t.ends_with(n)) && is_bare_chinese(text, s)
}

/// Sorted, with each range that overlaps an earlier one left out.
fn first_of_overlaps(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last() {
            Some(&(_, le)) if s < le => {}
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Every candidate as a byte range of `text` (group 1 or 2 of each pattern), in text order,
/// overlapping ones merged to the first.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Three scanners, each run the way a regular expression search runs: the leftmost match,
    // then on from its end (`next`). One pass over the text visits every byte where any of
    // them may start; each tries there when the byte is one of its own and it has not
    // matched past it. (A scanner that fails at a byte would go on from the next character,
    // and the bytes between are continuation bytes, which none starts at.)
    let b = text.as_bytes();
    let mut next = [0usize; 3];
    let mut i = 0;
    while let Some(at) = next_start(b, i) {
        let x = b[at];
        if next[0] <= at && matches!(x, b'"' | b'\'' | 0xE2) {
            if let Some((range, end)) = quoted_english(text, at) {
                out.push(range);
                next[0] = end;
            }
        }
        if next[1] <= at && matches!(x, b'T' | b'F' | b'S' | b'E' | b'N') {
            if let Some(end) = capitalized(text, at) {
                out.push((at, end));
                next[1] = end;
            }
        }
        if next[2] <= at && matches!(x, b'"' | 0xE2..=0xE5) {
            let found = quoted_chinese(text, at)
                .or_else(|| counted_chinese(text, at).map(|e| ((at, e), e)));
            if let Some((range, end)) = found {
                out.push(range);
                next[2] = end;
            }
        }
        i = at + 1;
    }
    out.retain(|&r| !ordinary(text, r));
    first_of_overlaps(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, expected candidate texts)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "quoted_english",
            "the so-called “four comprehensives” line",
            &["four comprehensives"],
        ),
        (
            "capitalized",
            "study the Three Stricts and Three Earnests now",
            &["Three Stricts and Three Earnests"],
        ),
        ("chinese_plain", "落实两个确立的要求", &["两个确立"]),
        ("chinese_quoted", "“三个代表”重要思想", &["三个代表"]),
        ("ordinary_english", "two cats and three dogs", &[]),
        ("ordinary_counted_noun", "一年有四个季节", &[]),
    ];

    /// The regular expressions the scanner replaced, with its semantics.
    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        const NUMBER: &str = "(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)";
        let quoted = format!(r#"["“‘']((?i:{NUMBER})[ -][A-Za-z][A-Za-z'’ -]{{1,60}}?)["”’']"#);
        let capital = format!(
            r"\b({NUMBER}(?:[ -][A-Z][a-z]+){{1,3}}(?: and {NUMBER}(?:[ -][A-Z][a-z]+){{1,3}})?)\b"
        );
        let chinese = r#"[“"「『]([一二两三四五六七八九十百]+[个項项大种條条位]?[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2FA1F}]{1,6})[”"」』]|((?:两|兩|三|四|五|六|七|八|九|十)(?:个|個)[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2FA1F}]{2})"#;
        let mut out = Vec::new();
        for re in [quoted.as_str(), capital.as_str(), chinese] {
            for caps in regex::Regex::new(re).unwrap().captures_iter(text) {
                let m = caps.get(1).or_else(|| caps.get(2)).unwrap();
                if !ordinary(text, (m.start(), m.end())) {
                    out.push((m.start(), m.end()));
                }
            }
        }
        first_of_overlaps(out)
    }

    /// Whole and broken candidates, and the characters around them.
    const PIECES: &[&str] = &[
        "Two",
        "two",
        "TWO",
        "Three",
        "Ten",
        "Twelve",
        "Upholds",
        "Big",
        "X",
        "and",
        " and ",
        " ",
        "-",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "两",
        "兩",
        "个",
        "個",
        "三",
        "代表",
        "季节",
        "「",
        "」",
        "确立",
        "百",
        "项",
        "a",
        "A",
        "é",
        "_",
        "1",
        "。",
        "“Two X”",
        "\"two big\"",
        "'Ten-Up'",
        "“Two X’s”",
        "Two Upholds",
        "Three Stricts and Three Earnests",
        "Two A-B-C-D",
        "“三个代表”",
        "「两个确立」",
        "两个确立",
        "“一百二十三四五六七”",
        "“两项工作”",
        "“两大一二三四五六”",
        "“两代表代表代表”",
        "“两个代表代表代表”",
        "“两代表代表代表代”",
        // A letter and then 60 (the most), and 61, more characters.
        "‘six xabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij’",
        "‘six xxabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij’",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The scanner finds exactly what the regular expressions found.
        #[test]
        fn scanner_equals_regex(picks in proptest::collection::vec(0..PIECES.len(), 0..24)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(find(&text), by_regex(&text), "text {:?}", text);
        }
    }

    #[test]
    fn table() {
        for (name, text, want) in CASES {
            let got: Vec<&str> = find(text).into_iter().map(|(s, e)| &text[s..e]).collect();
            assert_eq!(&got, want, "case {name}");
        }
    }
}
