//! Form templates: a small pattern language that expands, when the dictionary is loaded, into
//! literal forms, so the automaton stays one literal aho-corasick automaton.
//!
//! | syntax | meaning | example | expands to |
//! |---|---|---|---|
//! | `(a\|b)` | one of the alternatives | `(uphold\|maintain) the core` | `uphold the core`, `maintain the core` |
//! | `[a\|b]` | nothing, or one of them | `remain true to [our\|the] original aspiration` | 3 forms |
//! | `word{s,ing}` | the word as is, or with one of the endings | `govern{s,ing,ed} the Party` | 4 forms |
//!
//! Alternatives may hold spaces and may be empty (`(and|,)` for enumerations). Groups do not
//! nest. White space is tidied after expansion (runs become one space, no space before a
//! comma). A template may expand to at most [`MAX_EXPANSIONS`] distinct forms: `(uphold|maintain)
//! [the] two upholds` gives `uphold two upholds`, `uphold the two upholds`, `maintain two
//! upholds` and `maintain the two upholds` (the `expansions` test lists more).

/// The most distinct forms one template may expand to.
pub const MAX_EXPANSIONS: usize = 256;

/// Characters that mark a form as a template when it lacks `template = true` (plain forms
/// may hold parentheses: "Party School (National Academy of Governance)").
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub const SYNTAX: &[char] = &['[', ']', '{', '}', '|'];

/// One piece of a parsed template.
enum Piece {
    Literal(String),
    /// Alternatives; `optional` adds the empty one.
    Choice(Vec<String>, bool),
    /// Endings appended to the preceding word (the bare word is always an option).
    Endings(Vec<String>),
}

fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices();
    while let Some((at, c)) = chars.next() {
        let close = match c {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            ')' | ']' | '}' | '|' => {
                return Err(format!(
                    "{c:?} at character {} has no opening bracket",
                    char_pos(template, at)
                ))
            }
            _ => {
                literal.push(c);
                continue;
            }
        };
        let mut body = String::new();
        let mut closed = false;
        for (at2, d) in chars.by_ref() {
            if d == close {
                closed = true;
                break;
            }
            if matches!(d, '(' | '[' | '{' | ')' | ']' | '}') {
                return Err(format!(
                    "groups do not nest ({d:?} at character {})",
                    char_pos(template, at2)
                ));
            }
            body.push(d);
        }
        if !closed {
            return Err(format!(
                "{c:?} at character {} is not closed",
                char_pos(template, at)
            ));
        }
        if c == '{' {
            if literal.is_empty() || literal.ends_with(' ') {
                return Err(format!(
                    "endings {{{body}}} at character {} must follow a word",
                    char_pos(template, at)
                ));
            }
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            let endings: Vec<String> = body.split(',').map(|e| e.trim().to_string()).collect();
            if endings.iter().any(String::is_empty) {
                return Err(format!("endings {{{body}}} hold an empty ending"));
            }
            pieces.push(Piece::Endings(endings));
        } else {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            let alternatives: Vec<String> = body.split('|').map(str::to_string).collect();
            if c == '(' && alternatives.len() < 2 {
                return Err(format!(
                    "({body}) needs two alternatives or more, separated by |"
                ));
            }
            pieces.push(Piece::Choice(alternatives, c == '['));
        }
    }
    pieces.push(Piece::Literal(literal));
    Ok(pieces)
}

fn char_pos(s: &str, byte: usize) -> usize {
    s[..byte].chars().count() + 1
}

fn tidy(s: String) -> String {
    // Most expansions are tidy already: single spaces, none at either end, no " ,".
    let tidy_already = !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.contains("  ")
        && !s.contains(" ,")
        && if s.is_ascii() {
            // (`char::is_whitespace` on ASCII: these and the space.)
            !s.bytes()
                .any(|c| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))
        } else {
            s.chars().all(|c| c == ' ' || !c.is_whitespace())
        };
    if tidy_already {
        return s;
    }
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    while let Some(i) = out.find(" ,") {
        out.replace_range(i..i + 2, ",");
    }
    out
}

/// Is `text` a template (does it hold template syntax)?
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub fn is_template(text: &str) -> bool {
    text.replace(PLACE_SLOT, " ").contains(SYNTAX)
}

/// The slot a plain English form may hold once, between two words, for a place name:
/// "Standing Committee of the {place} County Party Committee". The automaton stays literal:
/// the words before and after the slot are its two pieces, and the candidates stage joins them
/// when one to three capitalised words stand between them (`src/matching/candidates.rs`).
pub const PLACE_SLOT: &str = "{place}";

/// Checks a form that holds [`PLACE_SLOT`]: once, not in a template, with a space on each side
/// and words before and after it, in an English form.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub fn check_slot(text: &str, is_template: bool) -> Result<(), String> {
    if is_template {
        return Err(format!(
            "a form with a {PLACE_SLOT} slot cannot be a template: list each variant as a form"
        ));
    }
    if text.matches(PLACE_SLOT).count() > 1 {
        return Err(format!("holds {PLACE_SLOT} more than once"));
    }
    if text.chars().any(crate::text::script::is_han) {
        return Err(format!("a {PLACE_SLOT} slot is for English forms"));
    }
    let at = text.find(PLACE_SLOT).unwrap_or(0);
    let (before, after) = (&text[..at], &text[at + PLACE_SLOT.len()..]);
    if !before.ends_with(' ') || !after.starts_with(' ') {
        return Err(format!(
            "{PLACE_SLOT} must stand alone, with a space on each side"
        ));
    }
    let word = |s: &str| s.chars().any(crate::text::is_word_char);
    if !word(before) || !word(after) {
        return Err(format!(
            "{PLACE_SLOT} needs words before and after it (the two pieces the automaton finds)"
        ));
    }
    Ok(())
}

/// Expands a template into its distinct literal forms, in order. Errors name the problem and
/// its character position.
pub fn expand(template: &str) -> Result<Vec<String>, String> {
    let pieces = parse(template)?;
    let options = options(&pieces);
    let Some(count) = combinations(&options) else {
        return Err(format!(
            "expands to more than {MAX_EXPANSIONS} forms; split it into several templates"
        ));
    };
    let forms = combine(&options, count);
    if forms.len() > MAX_EXPANSIONS {
        return Err(format!(
            "expands to {} forms, more than {MAX_EXPANSIONS}; split it into several templates",
            forms.len()
        ));
    }
    Ok(forms)
}

/// How many combinations of its options a template has (before empty and duplicate forms are
/// dropped): what [`expand`] goes through, counted without writing any (a scan of its bytes
/// for its groups and their `|` or `,`). Errors when a group is not closed or nests, or past
/// four times [`MAX_EXPANSIONS`]; [`expand`] checks the rest of the syntax.
pub fn count(template: &str) -> Result<usize, &'static str> {
    let b = template.as_bytes();
    let mut n = 1usize;
    let mut i = 0;
    while i < b.len() {
        let (close, sep, extra) = match b[i] {
            b'(' => (b')', b'|', 1),
            b'[' => (b']', b'|', 2),
            b'{' => (b'}', b',', 2),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut options = extra;
        let mut j = i + 1;
        loop {
            match b.get(j) {
                None => return Err("a group is not closed"),
                Some(&c) if c == close => break,
                Some(b'(' | b'[' | b'{' | b')' | b']' | b'}') => return Err("groups do not nest"),
                Some(&c) => options += usize::from(c == sep),
            }
            j += 1;
        }
        n = n
            .checked_mul(options)
            .filter(|&n| n <= MAX_EXPANSIONS * 4)
            .ok_or("it has too many combinations")?;
        i = j + 1;
    }
    Ok(n)
}

/// [`expand`] for a template read from a compiled part, whose syntax and size were checked when
/// it was read ([`count`]): its forms, or none if it is not well formed after all, without the
/// limit on distinct forms.
pub(crate) fn expand_unchecked(template: &str) -> Vec<String> {
    let Ok(pieces) = parse(template) else {
        return Vec::new();
    };
    let options = options(&pieces);
    combinations(&options).map_or_else(Vec::new, |n| combine(&options, n))
}

/// [`expand_unchecked`], each form with whether it takes an alternative that `ruled_out`
/// rules out. `ruled_out(alternative, open_start, open_end)` is asked once about each
/// non-empty alternative of each `(a|b)` and `[a|b]` group; `open_start` says whether the
/// group stands at the template's start or after a space, `open_end` whether it stands at its
/// end or before a space. The forms are those [`expand_unchecked`] gives, in its order (so
/// their indices are the same): a form ruled out is still written, since a later form equal
/// to it is dropped as a duplicate.
pub(crate) fn expand_unchecked_marked(
    template: &str,
    ruled_out: &mut dyn FnMut(&str, bool, bool) -> bool,
) -> Vec<(String, bool)> {
    let Ok(pieces) = parse(template) else {
        return Vec::new();
    };
    let options = options(&pieces);
    let Some(n) = combinations(&options) else {
        return Vec::new();
    };
    let out_of = ruled_out_options(&pieces, &options, ruled_out);
    combine_marked(&options, &out_of, n)
}

/// For each piece of a template, which of its options `ruled_out` rules out (see
/// [`expand_unchecked_marked`]; only a group with one ruled out gets a list).
fn ruled_out_options(
    pieces: &[Piece],
    options: &[Vec<&str>],
    ruled_out: &mut dyn FnMut(&str, bool, bool) -> bool,
) -> Vec<Vec<bool>> {
    // For each piece, which of its options are ruled out (only alternatives of a group with
    // at least one ruled out get a list).
    let spaced_before = |i: usize| match &pieces[i - 1] {
        Piece::Literal(s) => (i == 1 && s.is_empty()) || s.ends_with(' '),
        _ => false,
    };
    let spaced_after = |i: usize| match pieces.get(i + 1) {
        Some(Piece::Literal(s)) => (i + 2 == pieces.len() && s.is_empty()) || s.starts_with(' '),
        Some(_) => false,
        None => true,
    };
    let mut out_of: Vec<Vec<bool>> = Vec::with_capacity(options.len());
    for (i, (piece, opts)) in pieces.iter().zip(options).enumerate() {
        let flags = match piece {
            Piece::Choice(..) => {
                let (before, after) = (spaced_before(i), spaced_after(i));
                let flags: Vec<bool> = opts
                    .iter()
                    .map(|o| !o.is_empty() && ruled_out(o, before, after))
                    .collect();
                if flags.contains(&true) {
                    flags
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        };
        out_of.push(flags);
    }
    out_of
}

/// [`expand_unchecked_marked`] for a template whose combinations are all distinct forms (none
/// empty, none equal to another but for case: what a part says of a template whose counts of
/// forms and of dropped expansions add up to its combinations), without `skip` (combination
/// indices, sorted): a form that takes an alternative ruled out is `None`, and is not written.
pub(crate) fn expand_distinct_unless(
    template: &str,
    skip: &[u64],
    ruled_out: &mut dyn FnMut(&str, bool, bool) -> bool,
) -> Vec<Option<String>> {
    let Ok(pieces) = parse(template) else {
        return Vec::new();
    };
    let options = options(&pieces);
    let Some(count) = combinations(&options) else {
        return Vec::new();
    };
    let out_of = ruled_out_options(&pieces, &options, ruled_out);
    let marked = |i: usize, k: usize| out_of.get(i).and_then(|o| o.get(k)).copied() == Some(true);
    let mut out = Vec::with_capacity(count);
    let mut pick = vec![0usize; options.len()];
    let mut skip = skip.iter().peekable();
    let mut buf = String::new();
    for c in 0..count as u64 {
        if skip.next_if(|&&k| k == c).is_none() {
            if pick.iter().enumerate().any(|(i, &k)| marked(i, k)) {
                out.push(None);
            } else {
                buf.clear();
                for (o, &k) in options.iter().zip(&pick) {
                    buf.push_str(o[k]);
                }
                out.push(Some(tidy(buf.clone())));
            }
        }
        // The next combination, as `combine_marked` takes it.
        if let Some(j) = (0..options.len())
            .rev()
            .find(|&j| pick[j] + 1 < options[j].len())
        {
            pick[j] += 1;
            pick[j + 1..].iter_mut().for_each(|k| *k = 0);
        }
    }
    out
}

/// Each piece's options: a literal its text, a choice its alternatives (an optional one the
/// empty one first), endings the bare word and each ending.
fn options(pieces: &[Piece]) -> Vec<Vec<&str>> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(s) => vec![s.as_str()],
            Piece::Choice(alts, optional) => {
                let empty = optional.then_some("");
                empty
                    .into_iter()
                    .chain(alts.iter().map(String::as_str))
                    .collect()
            }
            Piece::Endings(ends) => std::iter::once("")
                .chain(ends.iter().map(String::as_str))
                .collect(),
        })
        .collect()
}

/// The number of combinations of `options`, `None` past four times [`MAX_EXPANSIONS`].
fn combinations(options: &[Vec<&str>]) -> Option<usize> {
    options.iter().try_fold(1usize, |n, o| {
        n.checked_mul(o.len()).filter(|&n| n <= MAX_EXPANSIONS * 4)
    })
}

/// The `count` combinations of `options`, tidied, without empty ones and without those equal to
/// an earlier one but for ASCII case.
fn combine(options: &[Vec<&str>], count: usize) -> Vec<String> {
    combine_marked(options, &[], count)
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

/// [`combine`], each form with whether it takes an option that `out_of` marks (`out_of[i][k]`
/// for option `k` of piece `i`; a piece with an empty list, or past the list's end, marks
/// none). A form equal to an earlier one is dropped whether either is marked or not.
fn combine_marked(
    options: &[Vec<&str>],
    out_of: &[Vec<bool>],
    count: usize,
) -> Vec<(String, bool)> {
    let marked = |i: usize, k: usize| out_of.get(i).and_then(|o| o.get(k)).copied() == Some(true);
    // Every combination in order (the first piece's options vary slowest), each written into
    // one buffer and copied out at its size.
    let mut out: Vec<(String, bool)> = Vec::with_capacity(count);
    let mut pick = vec![0usize; options.len()];
    let mut buf = String::new();
    for _ in 0..count {
        buf.clear();
        let mut out_marked = false;
        for (i, (o, &k)) in options.iter().zip(&pick).enumerate() {
            buf.push_str(o[k]);
            out_marked |= marked(i, k);
        }
        out.push((buf.clone(), out_marked));
        // The next combination: the last piece that has another option takes it, and the
        // pieces after it start over.
        if let Some(j) = (0..options.len())
            .rev()
            .find(|&j| pick[j] + 1 < options[j].len())
        {
            pick[j] += 1;
            pick[j + 1..].iter_mut().for_each(|k| *k = 0);
        }
    }
    // (A template has a few dozen expansions at most: comparing each with those kept costs
    // less than hashing lower-cased copies.)
    let mut forms: Vec<(String, bool)> = Vec::with_capacity(out.len());
    for (f, m) in out.into_iter().map(|(f, m)| (tidy(f), m)) {
        if !f.is_empty() && !forms.iter().any(|(k, _)| k.eq_ignore_ascii_case(&f)) {
            forms.push((f, m));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tidy`'s fast path (text that is tidy already) gives what the general path gives.
    #[test]
    fn tidy_fast_path_agrees() {
        let slow = |s: &str| {
            let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
            while let Some(i) = out.find(" ,") {
                out.replace_range(i..i + 2, ",");
            }
            out
        };
        let cases = [
            "two upholds",
            " two upholds",
            "two upholds ",
            "two  upholds",
            "a , b",
            "a ,b",
            "a\tb",
            "a\u{3000}b",
            "",
            " ",
            "两个 维护",
            "a,b",
        ];
        for s in cases {
            assert_eq!(tidy(s.to_string()), slow(s), "{s:?}");
        }
    }

    /// (name, template, expansions)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("literal", "two upholds", &["two upholds"]),
        ("ascii case duplicates", "(The|the) core", &["The core"]),
        (
            "other letters keep their case, as the normalizer does",
            "(Élan|élan) vital",
            &["Élan vital", "élan vital"],
        ),
        ("choice", "(a|b) c", &["a c", "b c"]),
        ("optional", "x [the|our] y", &["x y", "x the y", "x our y"]),
        (
            "endings",
            "govern{s,ing} it",
            &["govern it", "governs it", "governing it"],
        ),
        (
            "enumeration",
            "reform(,| and) opening",
            &["reform, opening", "reform and opening"],
        ),
        (
            "empty_alternative",
            "(two|) maintains",
            &["two maintains", "maintains"],
        ),
        ("duplicates_removed", "(a|a) b", &["a b"]),
        (
            "choice_then_optional",
            "(uphold|maintain) [the] two upholds",
            &[
                "uphold two upholds",
                "uphold the two upholds",
                "maintain two upholds",
                "maintain the two upholds",
            ],
        ),
    ];

    #[test]
    fn expansions() {
        for (name, template, want) in CASES {
            assert_eq!(expand(template).unwrap(), *want, "case {name}");
            assert_eq!(expand_unchecked(template), *want, "case {name}");
        }
    }

    /// (name, template, combinations counted before duplicates and empty forms go)
    const COUNTS: &[(&str, &str, usize)] = &[
        ("literal", "two upholds", 1),
        ("choice", "(a|b) c", 2),
        ("optional", "x [the|our] y", 3),
        ("endings", "govern{s,ing} it", 3),
        ("duplicates_counted", "(a|a) b", 2),
        ("empty_alternative_counted", "(two|) maintains", 2),
        ("product", "(uphold|maintain) [the] two uphold{s}", 8),
    ];

    #[test]
    fn count_table() {
        for &(name, template, want) in COUNTS {
            assert_eq!(count(template), Ok(want), "case {name}");
        }
        // The scan counts what the parser's options give.
        let templates = CASES.iter().map(|c| (c.0, c.1));
        for (name, template) in templates.chain(COUNTS.iter().map(|c| (c.0, c.1))) {
            let parsed = combinations(&options(&parse(template).unwrap()));
            assert_eq!(count(template).ok(), parsed, "case {name}");
        }
        for name in ["unclosed", "nested", "too_many"] {
            let template = ERRORS.iter().find(|e| e.0 == name).unwrap().1;
            assert!(count(template).is_err(), "case {name}");
        }
        for (name, template, _) in ERRORS.iter().filter(|e| e.0 != "too_many") {
            assert!(expand_unchecked(template).is_empty(), "case {name}");
        }
    }

    /// (name, template, error contains)
    const ERRORS: &[(&str, &str, &str)] = &[
        ("unclosed", "(a|b c", "not closed"),
        ("stray_close", "a) b", "no opening bracket"),
        ("nested", "(a|(b|c))", "do not nest"),
        ("single_alternative", "(a) b", "two alternatives"),
        ("endings_without_word", "{s} word", "must follow a word"),
        (
            "too_many",
            "(a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d) (e|f|g|h|i)",
            "more than 256",
        ),
    ];

    /// (name, form, is a template, the error names)
    const SLOTS: &[(&str, &str, bool, Option<&str>)] = &[
        (
            "cili",
            "Standing Committee of the {place} County Party Committee",
            false,
            None,
        ),
        (
            "in_a_template",
            "(Standing|standing) Committee of the {place} County",
            true,
            Some("cannot be a template"),
        ),
        (
            "twice",
            "Standing {place} of the {place} County",
            false,
            Some("more than once"),
        ),
        ("chinese", "中共 {place} 县委", false, Some("English")),
        (
            "glued",
            "Standing Committee of{place} County",
            false,
            Some("space on each side"),
        ),
        (
            "at_the_start",
            " {place} County Party Committee",
            false,
            Some("words before and after"),
        ),
        (
            "at_the_end",
            "Secretary of the {place} ",
            false,
            Some("words before and after"),
        ),
    ];

    #[test]
    fn slot_table() {
        for &(name, form, is_template, want) in SLOTS {
            match (check_slot(form, is_template), want) {
                (Ok(()), None) => {}
                (Err(e), Some(w)) => assert!(e.contains(w), "case {name}: {e}"),
                (got, _) => panic!("case {name}: {got:?}"),
            }
        }
        assert!(!is_template(
            "Standing Committee of the {place} County Party Committee"
        ));
        assert!(is_template("Standing Committee of the {place} County{s}"));
    }

    #[test]
    fn errors() {
        for (name, template, want) in ERRORS {
            let err = expand(template).unwrap_err();
            assert!(err.contains(want), "case {name}: {err}");
        }
    }

    /// (name, template, alternatives ruled out, (form, ruled out) in order)
    const MARKED: &[(&str, &str, &[&str], &[(&str, bool)])] = &[
        (
            "one_alternative_out",
            "(uphold|maintain) the core",
            &["maintain"],
            &[("uphold the core", false), ("maintain the core", true)],
        ),
        (
            "optional_group",
            "[our|the] original aspiration",
            &["our"],
            &[
                ("original aspiration", false),
                ("our original aspiration", true),
                ("the original aspiration", false),
            ],
        ),
        // A later form equal to a form ruled out is still dropped as its duplicate, so the
        // forms after it keep the indices `expand_unchecked` gives them.
        (
            "duplicate_of_a_form_ruled_out",
            "(big party|big) [party] (now|then)",
            &["big party"],
            &[
                ("big party now", true),
                ("big party then", true),
                ("big party party now", true),
                ("big party party then", true),
                ("big now", false),
                ("big then", false),
            ],
        ),
        (
            "nothing_out",
            "(a|b) c",
            &[],
            &[("a c", false), ("b c", false)],
        ),
        (
            "no_groups",
            "two upholds",
            &["two"],
            &[("two upholds", false)],
        ),
        ("not_well_formed", "(a|b c", &["a"], &[]),
    ];

    /// `expand_unchecked_marked` gives `expand_unchecked`'s forms, in its order, each marked
    /// when it takes an alternative ruled out.
    #[test]
    fn marked_table() {
        for &(name, template, out, want) in MARKED {
            let got = expand_unchecked_marked(template, &mut |alt, _, _| out.contains(&alt));
            let got: Vec<(&str, bool)> = got.iter().map(|(f, m)| (f.as_str(), *m)).collect();
            assert_eq!(got, want, "case {name}");
            let texts: Vec<&str> = got.iter().map(|(f, _)| *f).collect();
            assert_eq!(texts, expand_unchecked(template), "case {name}");
        }
    }

    /// (name, template, each alternative asked about with whether its group stands after a
    /// space or at the start, and before a space or at the end)
    const ASKED: &[(&str, &str, &[(&str, bool, bool)])] = &[
        (
            "edges_and_spaces",
            "(a|b)c (d|e) x(f|g)",
            &[
                ("a", true, false),
                ("b", true, false),
                ("d", true, true),
                ("e", true, true),
                ("f", false, true),
                ("g", false, true),
            ],
        ),
        // The empty alternative of an optional group, and endings, are not asked about.
        (
            "optional_and_endings",
            "govern{s,ing} [the|our] party",
            &[("the", true, true), ("our", true, true)],
        ),
        (
            "groups_side_by_side",
            "(a|b)(c|d)",
            &[
                ("a", true, false),
                ("b", true, false),
                ("c", false, true),
                ("d", false, true),
            ],
        ),
        (
            "a_letter_before",
            "x(a|b) c",
            &[("a", false, true), ("b", false, true)],
        ),
    ];

    #[test]
    fn asked_table() {
        for &(name, template, want) in ASKED {
            let mut asked = Vec::new();
            expand_unchecked_marked(template, &mut |alt, start, end| {
                asked.push((alt.to_string(), start, end));
                false
            });
            let asked: Vec<(&str, bool, bool)> =
                asked.iter().map(|(a, s, e)| (a.as_str(), *s, *e)).collect();
            assert_eq!(asked, want, "case {name}");
        }
    }

    /// (name, template, combinations skipped, alternatives ruled out, forms: `None` ruled out)
    const DISTINCT: &[(&str, &str, &[u64], &[&str], &[Option<&str>])] = &[
        (
            "one_alternative_out",
            "(uphold|maintain) the core",
            &[],
            &["maintain"],
            &[Some("uphold the core"), None],
        ),
        (
            "skipped_and_ruled_out",
            "[our|the] (original|first) aspiration",
            &[1, 4],
            &["our"],
            &[
                Some("original aspiration"),
                None,
                None,
                Some("the first aspiration"),
            ],
        ),
        (
            "nothing_out",
            "(a|b) c",
            &[],
            &[],
            &[Some("a c"), Some("b c")],
        ),
        ("not_well_formed", "(a|b c", &[], &[], &[]),
    ];

    /// `expand_distinct_unless` gives, for a template whose combinations are all distinct,
    /// what `expand_unchecked_marked` gives without the skipped combinations.
    #[test]
    fn distinct_table() {
        for &(name, template, skip, out, want) in DISTINCT {
            let got = expand_distinct_unless(template, skip, &mut |alt, _, _| out.contains(&alt));
            let got: Vec<Option<&str>> = got.iter().map(Option::as_deref).collect();
            assert_eq!(got, want, "case {name}");
            let marked: Vec<Option<String>> =
                expand_unchecked_marked(template, &mut |alt, _, _| out.contains(&alt))
                    .into_iter()
                    .enumerate()
                    .filter(|(k, _)| !skip.contains(&(*k as u64)))
                    .map(|(_, (f, m))| (!m).then_some(f))
                    .collect();
            let marked: Vec<Option<&str>> = marked.iter().map(Option::as_deref).collect();
            assert_eq!(got, marked, "case {name}");
        }
    }
}
