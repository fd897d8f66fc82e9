//! Coordinated ordinals: two or more numbered meetings written with one prefix and one noun,
//! `二十届二中、三中全会` (the second and the third plenum of the 20th Central Committee),
//! `党的十八大、十九大`, "the second and third plenary sessions of the 20th CPC Central
//! Committee", "the 18th and 19th National Congresses". Each ordinal (a *conjunct*) stands for
//! a whole meeting, and each is reported as its own candidate of that meeting's form.
//!
//! A list is two or more conjuncts joined by `、` or `和` (Chinese) or by ", ", " and ",
//! ", and " (English). A Chinese conjunct is an optional `第`, one to four numerals (Chinese or
//! ASCII digits) and one classifier, the same in every conjunct (`中`, `大`, `次`, `届`, `个`…);
//! the conjuncts before the last may leave the classifier out, and take the last one's
//! (`十九届二、三、四中全会`), and the later ones the first one's `第` (`第二、三次会议`); a list
//! of bare numbers (`一、二、三`) is none.
//! An English conjunct is an ordinal word ("second", "Fifth") or number ("18th"). Ordinary lists
//! (`经济、社会发展`, "economic and social development") have no numerals and are never read.
//!
//! For each conjunct the automaton runs once more, over a short *virtual* text: the text around
//! the list with the other conjuncts and their joints taken out (`二十届三中全会` for the second
//! conjunct of `二十届二中、三中全会`), and in English the first plural word after the list in
//! the singular ("third plenary session of the 20th CPC Central Committee"). A hit there that
//! holds the whole conjunct and reaches past it is a candidate over the conjunct in the real
//! text: widened to the prefix for the first conjunct, to the noun for the last
//! (`二十届二中` → the second plenum, `三中全会` → the third). The automaton stays literal, and
//! the rule costs nothing in a text without such lists.
//!
//! A candidate found so takes the place of a candidate of another entry over the same span
//! (the generic `三中全会` gives way to the third plenum of the 20th Central Committee) and
//! gives way to one of its own entry (`十九大` in `党的十八大、十九大` stays as it was).

use crate::text::normalize::{normalize, Normalized};

use super::joints::Stop;
use super::{merge, scan, Patterns, RawMatch};

/// How far before the first conjunct and after the last one the virtual text reaches (bytes).
const BEFORE: usize = 96;
const AFTER: usize = 160;

/// The most numerals a Chinese conjunct has (`一百零五`).
const MOST_NUMERALS: usize = 4;

/// The English ordinal words a conjunct may be (lower case: the text is normalized).
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// A numeral of a Chinese ordinal or count: the Chinese numerals and the ASCII digits.
pub(super) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

/// A classifier after the numerals: a Han character that is no numeral and no joint.
fn is_classifier(c: char) -> bool {
    crate::text::script::is_han(c) && !is_numeral(c) && c != '和' && c != '第'
}

/// An English ordinal: a word of [`ORDINALS`], or one to three digits and st, nd, rd or th.
fn is_ordinal(word: &str) -> bool {
    if ORDINALS.contains(&word) {
        return true;
    }
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// The number ending at byte `at` (`二十`, `第27`): its start, and whether it starts with `第`;
/// none when no numeral ends there. At most [`MOST_NUMERALS`] numerals are read. Shared with
/// the numbered meetings (`numbered.rs`).
pub(super) fn number_ending_at(text: &str, at: usize) -> Option<(usize, bool)> {
    let mut start = at;
    let mut numerals = 0;
    for (i, c) in text[..at].char_indices().rev() {
        if is_numeral(c) && numerals < MOST_NUMERALS {
            numerals += 1;
            start = i;
        } else {
            if c == '第' && numerals > 0 {
                return Some((i, true));
            }
            break;
        }
    }
    (numerals > 0).then_some((start, false))
}

/// The Chinese conjunct ending at byte `at`: its start and its classifier.
fn chinese_before(text: &str, at: usize) -> Option<(usize, char)> {
    let classifier = text[..at]
        .chars()
        .next_back()
        .filter(|&c| is_classifier(c))?;
    let (start, _) = number_ending_at(text, at - classifier.len_utf8())?;
    Some((start, classifier))
}

/// The end of the Chinese conjunct starting at byte `at`: with `classifier` when one is
/// given; else with any classifier, or bare (its numerals alone) when a joint follows them.
fn chinese_after(text: &str, at: usize, classifier: Option<char>) -> Option<usize> {
    let rest = &text[at..];
    let body = rest.strip_prefix('第').unwrap_or(rest);
    let mut end = at + (rest.len() - body.len());
    let mut numerals = 0;
    for c in body.chars() {
        if is_numeral(c) && numerals < MOST_NUMERALS {
            numerals += 1;
            end += c.len_utf8();
        } else {
            let fits = match classifier {
                Some(k) => c == k,
                None if c == '、' || c == '和' => return (numerals > 0).then_some(end),
                None => is_classifier(c),
            };
            return (numerals > 0 && fits).then_some(end + c.len_utf8());
        }
    }
    None
}

/// Whether a Chinese conjunct is bare: numerals without a classifier (`二` in `二、三中全会`).
fn is_bare(conjunct: &str) -> bool {
    conjunct.chars().next_back().is_some_and(is_numeral)
}

/// The ASCII word ending at byte `at` (its start), when it is an ordinal on a word boundary.
fn ordinal_before(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let start = at
        - b[..at]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    let bounded = start == 0 || !(b[start - 1].is_ascii_alphanumeric() || b[start - 1] >= 0x80);
    (bounded && is_ordinal(&text[start..at])).then_some(start)
}

/// The ASCII word starting at byte `at` (its end), when it is an ordinal on a word boundary.
fn ordinal_after(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let end = at
        + b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    let bounded = b
        .get(end)
        .is_none_or(|&c| !(c.is_ascii_alphanumeric() || c >= 0x80));
    (bounded && is_ordinal(&text[at..end])).then_some(end)
}

/// The conjuncts on both sides of the joint `stop` at byte `at` of `text`: (before, after) as
/// byte ranges; none when either is missing.
pub(super) fn pair_at(text: &str, at: usize, stop: Stop) -> Option<Pair> {
    match stop {
        Stop::Chinese => {
            let after = at + 3;
            let (start, classifier) = match chinese_before(text, at) {
                Some((start, classifier)) => (start, Some(classifier)),
                // A bare conjunct: the classifier comes with a later one.
                None => (number_ending_at(text, at)?.0, None),
            };
            let end = chinese_after(text, after, classifier)?;
            Some(((start, at), (after, end)))
        }
        Stop::And | Stop::Comma => {
            let start = ordinal_before(text, at)?;
            let after = at + if stop == Stop::And { 5 } else { 2 };
            // ", and ": the comma's joint reaches over "and ".
            let after = match text[after..].strip_prefix("and ") {
                Some(_) if stop == Stop::Comma => after + 4,
                _ => after,
            };
            let end = ordinal_after(text, after)?;
            Some(((start, at), (after, end)))
        }
        Stop::Count { .. } => None,
    }
}

/// Two conjuncts around one joint: (before, after) as byte ranges.
pub(super) type Pair = ((usize, usize), (usize, usize));

/// The lists the pairs of conjuncts make, in text order: each two or more conjuncts (byte
/// ranges of `text`), chained from the pairs, which come in text order (`pairs` sorted: a
/// conjunct holds no joint, so the pair of a later joint starts after an earlier joint; no
/// sort, whose code for this type would cost the wasm some 3 kB). A list whose last conjunct
/// is bare (`一、二、三`) is dropped: no conjunct names its classifier.
pub(super) fn lists(text: &str, pairs: Vec<Pair>) -> Vec<Vec<(usize, usize)>> {
    debug_assert!(pairs.is_sorted());
    let mut lists: Vec<Vec<(usize, usize)>> = Vec::new();
    for (before, after) in pairs {
        match lists.last_mut() {
            Some(list) if list.last() == Some(&before) => list.push(after),
            _ => lists.push(vec![before, after]),
        }
    }
    lists.retain(|list| {
        let (s, e) = list[list.len() - 1];
        !is_bare(&text[s..e])
    });
    lists
}

/// The first word ending in a plural `s` among the first three words of `tail`: where its
/// singular ends and how many bytes the plural adds (`sessions`, `congresses`).
fn plural(tail: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for word in tail.split(' ').take(4) {
        let w = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        if let Some(n) = crate::matching::alphabet::scope::plural_len(w) {
            return Some((at + w.len() - n, n));
        }
        at += word.len() + 1;
    }
    None
}

/// The largest char boundary of `text` at or below `at`.
pub(super) fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The candidates the `lists` of the normalized text stand for, over the real text (see the
/// module docs), merged into `out` (sorted as [`super::candidates`] sorts).
pub(super) fn add(
    patterns: &Patterns,
    norm: &Normalized,
    lists: Vec<Vec<(usize, usize)>>,
    out: &mut Vec<RawMatch>,
) {
    let text = norm.text();
    let mut found: Vec<RawMatch> = Vec::new();
    for list in lists {
        let (first, last) = (list[0], list[list.len() - 1]);
        let w0 = floor(text, first.0.saturating_sub(BEFORE));
        let w1 = floor(text, (last.1 + AFTER).min(text.len()));
        let tail = &text[last.1..w1];
        // The plural after an English list, made singular (one noun for each conjunct).
        let english = text[first.1..list[1].0].is_ascii();
        let (cut, removed) = plural(tail).filter(|_| english).unwrap_or((tail.len(), 0));
        let tail_singular = format!("{}{}", &tail[..cut], &tail[cut + removed..]);
        // The classifier a bare conjunct takes: the last conjunct's last character; and the
        // `第` of the first, which the later ones may leave out (`第二、三次会议`).
        let classifier = text[last.0..last.1].chars().next_back().unwrap_or(' ');
        let di = if text[first.0..].starts_with('第') {
            "第"
        } else {
            ""
        };
        for (i, &(cs, ce)) in list.iter().enumerate() {
            let prefix = &text[w0..first.0];
            let conjunct = &text[cs..ce];
            let di = if i > 0 && !conjunct.starts_with('第') {
                di
            } else {
                ""
            };
            let conjunct = if is_bare(conjunct) {
                format!("{di}{conjunct}{classifier}")
            } else {
                format!("{di}{conjunct}")
            };
            let virtual_text = format!("{prefix}{conjunct}{tail_singular}");
            let vnorm = normalize(&virtual_text);
            if vnorm.text() != virtual_text {
                continue;
            }
            let (p, q) = (prefix.len(), prefix.len() + conjunct.len());
            // This conjunct's candidates, each with the length of its hit in the virtual text.
            let mut mine: Vec<(RawMatch, usize)> = Vec::new();
            for hit in scan(patterns, &vnorm) {
                let cut_start = hit.start == 0 && w0 > 0;
                let cut_end = hit.end == virtual_text.len() && w1 < text.len();
                if hit.start > p || hit.end < q || (hit.start == p && hit.end == q) {
                    continue;
                }
                if cut_start || cut_end {
                    continue;
                }
                let start = if i == 0 { w0 + hit.start } else { cs };
                let end = if i + 1 == list.len() && hit.end > q {
                    let t = hit.end - q;
                    last.1 + t + if t >= cut { removed } else { 0 }
                } else {
                    ce
                };
                let candidate = RawMatch {
                    start,
                    end,
                    pattern: hit.pattern,
                    context: None,
                };
                mine.push((candidate, hit.end - hit.start));
            }
            // Hits that map to one span keep the longest: past the first conjunct the prefix is
            // not in the span, so `十九届三中全会` and the generic `三中全会` both cover `三中`.
            let longest = |m: &RawMatch| {
                mine.iter()
                    .filter(|(o, _)| (o.start, o.end) == (m.start, m.end))
                    .map(|&(_, len)| len)
                    .max()
            };
            found.extend(
                mine.iter()
                    .filter(|(m, len)| longest(m) == Some(*len))
                    .map(|(m, _)| m.clone()),
            );
        }
    }
    merge(patterns, out, found, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, the conjuncts of each list)
    const LISTS: &[(&str, &str, &[&[&str]])] = &[
        (
            "two_plenums",
            "二十届二中、三中全会精神",
            &[&["二中", "三中"]],
        ),
        (
            "three_plenums",
            "十八届三中、四中、五中全会",
            &[&["三中", "四中", "五中"]],
        ),
        ("congresses", "党的十八大和十九大", &[&["十八大", "十九大"]]),
        (
            "numbered_di",
            "第四次、第五次全体会议",
            &[&["第四次", "第五次"]],
        ),
        ("digits", "第27次、第28次会议", &[&["第27次", "第28次"]]),
        ("classifiers_differ", "二中、三大", &[]),
        ("ordinary_list", "经济、社会发展", &[]),
        ("bare_numerals", "一、二、三", &[]),
        (
            "bare_then_classified",
            "十九届二、三中全会",
            &[&["二", "三中"]],
        ),
        (
            "bare_three",
            "十九届二、三、四中全会",
            &[&["二", "三", "四中"]],
        ),
        ("bare_di", "第二、三次会议", &[&["第二", "三次"]]),
        ("bare_and", "二和三中全会", &[&["二", "三中"]]),
        (
            "bare_after_classified",
            "二中、三、四中",
            &[&["三", "四中"]],
        ),
        ("bare_list_item", "一、坚持", &[]),
        (
            "english_two",
            "the second and third plenary sessions",
            &[&["second", "third"]],
        ),
        (
            "english_oxford",
            "the 18th, 19th, and 20th national congresses",
            &[&["18th", "19th", "20th"]],
        ),
        ("english_ordinary", "economic and social development", &[]),
        ("english_inside_word", "asecond and third", &[]),
        ("english_not_ordinal", "the 18 and 19th", &[]),
    ];

    /// The lists of `text`, as [`super::super::candidates`] finds them.
    fn lists_of(text: &str) -> Vec<Vec<(usize, usize)>> {
        let mut pairs = Vec::new();
        super::super::joints::each(text, |at, stop| pairs.extend(pair_at(text, at, stop)));
        lists(text, pairs)
    }

    #[test]
    fn lists_table() {
        for (name, text, want) in LISTS {
            let got: Vec<Vec<&str>> = lists_of(text)
                .into_iter()
                .map(|l| l.into_iter().map(|(s, e)| &text[s..e]).collect())
                .collect();
            let want: Vec<Vec<&str>> = want.iter().map(|l| l.to_vec()).collect();
            assert_eq!(got, want, "case {name}");
        }
    }

    /// (name, tail, the singular's end and the bytes the plural adds)
    const PLURALS: &[(&str, &str, Option<(usize, usize)>)] = &[
        ("sessions", " plenary sessions of the", Some((16, 1))),
        ("congresses", " national congresses", Some((18, 2))),
        ("none_near", " plenary session of the party's", None),
        ("class", " class", None),
    ];

    #[test]
    fn plural_table() {
        for (name, tail, want) in PLURALS {
            assert_eq!(plural(tail), *want, "case {name}");
        }
    }
}
