//! The candidates: every occurrence of every pattern in a normalized text that sits on word
//! boundaries, overlaps included: the automaton's raw hits, before any choice.
//!
//! English forms must sit on word boundaries ([`crate::text::boundary`]); a regular plural
//! `s`/`es` after the form is part of the hit (the automaton holds each such form with its
//! suffix too); Chinese forms match anywhere. Filtering boundaries here, *before* the choice of
//! leftmost-longest ([`super::choose`]), matters: "two safeguards" inside "two safeguardsman"
//! fails the boundary, and the shorter valid match at the same place must not be lost to it.

use crate::text::boundary::{boundary_after, boundary_before};
use crate::text::normalize::Normalized;

use super::patterns::Patterns;
use super::sensitivity::Reason;

/// A match in normalized byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawMatch {
    /// Start byte in the normalized text.
    pub start: usize,
    /// End byte (exclusive) in the normalized text, plural suffix included.
    pub end: usize,
    /// Pattern index ([`Patterns::get`]).
    pub pattern: u32,
    /// Why a context-gated form was accepted (set by [`super::gate`]).
    pub context: Option<Reason>,
}

/// Every boundary-valid occurrence of every form, sorted by start, longest first.
pub(crate) fn candidates(patterns: &Patterns, norm: &Normalized) -> Vec<RawMatch> {
    let text = norm.text();
    let (encoded, at) = patterns.alphabet.encode_text(text);
    let mut out: Vec<RawMatch> = Vec::new();
    // The automaton reports hits in order of their end, so they come nearly sorted by start
    // (a hit is out of place only before the shorter hits inside it): each is moved back into
    // place as it comes. Past a budget of moves (a text of many nested hits) the order is left
    // to one sort at the end. The keys are unique (a form and its plural never match the same
    // range), so both give the same order.
    let (mut budget, mut in_order) = (64usize, true);
    patterns.ac.find_overlapping(&encoded, |k, s, e| {
        let pi = patterns.ac_patterns[k as usize];
        let p = patterns.get(pi);
        let (start, end) = (at[s] as usize, at[e] as usize);
        // A plural form ends on a word too (the suffix was the end of its last token).
        if (p.word_start && !boundary_before(text, start))
            || (p.word_end && !boundary_after(text, end))
        {
            return;
        }
        out.push(RawMatch {
            start,
            end,
            pattern: pi,
            context: None,
        });
        if !in_order {
            return;
        }
        budget += 4;
        let mut j = out.len() - 1;
        while j > 0 && before(&out[j], &out[j - 1]) {
            if budget == 0 {
                in_order = false;
                return;
            }
            out.swap(j, j - 1);
            j -= 1;
            budget -= 1;
        }
    });
    if !in_order {
        out.sort_unstable_by(order);
    }
    out
}

/// The candidates' order: by start, longest first, then by pattern.
fn order(a: &RawMatch, b: &RawMatch) -> std::cmp::Ordering {
    a.start
        .cmp(&b.start)
        .then(b.end.cmp(&a.end))
        .then(a.pattern.cmp(&b.pattern))
}

#[inline]
fn before(a: &RawMatch, b: &RawMatch) -> bool {
    order(a, b) == std::cmp::Ordering::Less
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::Dictionary;
    use crate::text::normalize::normalize;

    /// One entry per form (Chinese forms: they match anywhere, so nested ones all hit).
    fn patterns(forms: &[String]) -> Patterns {
        let mut toml = String::new();
        for (i, f) in forms.iter().enumerate() {
            toml.push_str(&format!(
                "[[term]]\nid = \"n{i}\"\nzh = \"{f}测\"\npinyin = \"cè\"\nen = \"Nest {i}\"\n\
                 category = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\n\
                 sources = [\"Doc, 2024\"]\nforms = [{{ text = \"{f}\", kind = \"mt\" }}]\n\n"
            ));
        }
        Patterns::new(&Dictionary::from_toml("t.toml", &toml).unwrap()).unwrap()
    }

    /// (name, forms as repeats of 中, text as repeats of 中 between 甲): the first cases put
    /// each hit back in place as it comes, the last runs past the budget of moves and sorts.
    const NESTED: &[(&str, &[usize], &[usize])] = &[
        ("none_nested", &[2], &[2, 2, 3]),
        ("a_few_nested", &[2, 3, 4], &[3, 1, 2, 5]),
        ("past_the_budget", &[2, 3, 4, 5, 6, 7, 8, 9], &[400]),
    ];

    /// Regression for the insertion of hits in place of the sort (perf branch): the candidates
    /// are the automaton's hits in the order of [`order`], strictly (no key twice), on both
    /// paths.
    #[test]
    fn candidates_come_in_order() {
        for &(name, forms, runs) in NESTED {
            let forms: Vec<String> = forms.iter().map(|&k| "中".repeat(k)).collect();
            let p = patterns(&forms);
            let text: String = runs
                .iter()
                .map(|&k| format!("甲{}", "中".repeat(k)))
                .collect();
            let got = candidates(&p, &normalize(&text));
            // Every hit: each form at each position of each run.
            let hits: usize = runs
                .iter()
                .map(|&r| {
                    forms
                        .iter()
                        .map(|f| (r + 1).saturating_sub(f.len() / 3))
                        .sum::<usize>()
                })
                .sum();
            assert_eq!(got.len(), hits, "case {name}");
            for w in got.windows(2) {
                assert!(
                    before(&w[0], &w[1]),
                    "case {name}: {:?} before {:?}",
                    w[0],
                    w[1]
                );
            }
        }
    }
}
