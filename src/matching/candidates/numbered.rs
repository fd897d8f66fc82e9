//! Numbered meetings: a body's meeting written with its term and session numbers inside the
//! name, `省委十五届八次全会` (the eighth plenary session of the 15th provincial Party
//! committee), `中央政法委第27次全体会议` (the 27th plenary meeting of the Central Political and
//! Legal Affairs Commission). The dictionary lists such a meeting once, without its numbers
//! (`省委全会`, `中央政法委全体会议`), and the numbers are read as a slot.
//!
//! A number is one to four numerals (Chinese or ASCII digits) and `届` (term) or `次`
//! (session); a run of them counts when it holds a `届` or starts with `第` (`十五届八次`,
//! `第27次`, `二十届`), so the everyday `一次`, `两次` are never read. The automaton runs once
//! more over a short *virtual* text, the text around the run with the run taken out; a hit
//! there with two characters at least on each side of the run's place is a candidate over the
//! run and the words around it (`党第二十届中央` is not read as `党中央`). The automaton stays
//! literal.
//!
//! Such a candidate never takes the place of another: where the text's own words give a
//! candidate over the same span (`中国共产党第二十次全国代表大会` is a form of the 20th
//! Congress), the numbered one is left out.

use crate::text::normalize::{normalize, Normalized};

use super::coordination::{floor, number_ending_at};
use super::{merge, scan, Patterns, RawMatch};

/// How far the virtual text reaches on each side of the run (bytes: 16 Han characters).
const AROUND: usize = 48;

/// The fewest bytes of a name on each side of the number (two Han characters).
const SIDE: usize = 6;

/// The runs of numbers that count (see the module docs), as byte ranges, from `counts`: the
/// byte offset of each `届` or `次` of the text, in text order, and whether it is `届`.
pub(super) fn runs(text: &str, counts: &[(usize, bool)]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    for &(at, term) in counts {
        let Some((start, di)) = number_ending_at(text, at) else {
            continue;
        };
        let end = at + 3;
        match runs.last_mut() {
            Some(run) if run.1 == start => {
                run.1 = end;
                run.2 |= term;
            }
            _ => runs.push((start, end, di || term)),
        }
    }
    runs.into_iter()
        .filter(|&(_, _, counts)| counts)
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// The candidates of the numbered meetings of the normalized text (their numbers' `runs`), merged into `out` (sorted
/// as [`super::candidates`] sorts).
pub(super) fn add(
    patterns: &Patterns,
    norm: &Normalized,
    runs: Vec<(usize, usize)>,
    out: &mut Vec<RawMatch>,
) {
    let text = norm.text();
    let mut found: Vec<RawMatch> = Vec::new();
    for (rs, re) in runs {
        let w0 = floor(text, rs.saturating_sub(AROUND));
        let w1 = floor(text, (re + AROUND).min(text.len()));
        let virtual_text = format!("{}{}", &text[w0..rs], &text[re..w1]);
        let vnorm = normalize(&virtual_text);
        if vnorm.text() != virtual_text {
            continue;
        }
        let cut = rs - w0;
        for hit in scan(patterns, &vnorm) {
            let at_edge =
                (hit.start == 0 && w0 > 0) || (hit.end == virtual_text.len() && w1 < text.len());
            // Two characters (six bytes) of the name at least on each side of the number:
            // 党第二十届中央 is no 党中央.
            if hit.start + SIDE <= cut && hit.end >= cut + SIDE && !at_edge {
                found.push(RawMatch {
                    start: w0 + hit.start,
                    end: hit.end - cut + re,
                    pattern: hit.pattern,
                    context: None,
                });
            }
        }
    }
    merge(patterns, out, found, false);
}

#[cfg(test)]
mod tests {
    use super::super::joints::Stop;
    use super::*;

    /// (name, text, the runs that count)
    const RUNS: &[(&str, &str, &[&str])] = &[
        ("term_and_session", "省委十五届八次全会", &["十五届八次"]),
        ("di_session_digits", "中央政法委第27次全体会议", &["第27次"]),
        ("term_only", "二十届中央纪委", &["二十届"]),
        (
            "di_term_di_session",
            "第十九届中央委员会第四次全体会议",
            &["第十九届", "第四次"],
        ),
        ("everyday_once", "再一次强调，两次会议", &[]),
        ("no_numeral", "这次会议、本届政府", &[]),
    ];

    /// The runs of `text`, as [`super::super::candidates`] finds them.
    fn runs_of(text: &str) -> Vec<(usize, usize)> {
        let mut counts = Vec::new();
        super::super::joints::each(text, |at, stop| {
            if let Stop::Count { term } = stop {
                counts.push((at, term));
            }
        });
        runs(text, &counts)
    }

    #[test]
    fn runs_table() {
        for (name, text, want) in RUNS {
            let got: Vec<&str> = runs_of(text)
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect();
            assert_eq!(&got, want, "case {name}");
        }
    }
}
