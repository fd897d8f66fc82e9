//! The candidates: every occurrence of every pattern in a normalized text that sits on word
//! boundaries, overlaps included: the automaton's raw hits, before any choice.
//!
//! English forms must sit on word boundaries ([`crate::text::boundary`]); a regular plural
//! `s`/`es` after the form is part of the hit (the automaton holds each such form with its
//! suffix too); Chinese forms match anywhere. Filtering boundaries here, *before* the choice of
//! leftmost-longest ([`super::choose`]), matters: "two safeguards" inside "two safeguardsman"
//! fails the boundary, and the shorter valid match at the same place must not be lost to it.
//!
//! A form with a `{place}` slot is two literal pieces in the automaton; a candidate of it is a
//! hit of the piece before the slot and the nearest hit of the piece after it with one to three
//! capitalised words between them ([`join_slots`]).
//!
//! Coordinated ordinals (`二十届二中、三中全会`, "the second and third plenary sessions of the
//! 20th CPC Central Committee") add one candidate per ordinal ([`coordination`]); a meeting
//! numbered inside its name (`省委十五届八次全会`) is found by its name without the numbers
//! ([`numbered`]).
//!
//! A form of two words or more may also end right before a hyphen that stands for a dash
//! ([`crate::text::hyphen_as_dash`]: "alternate members-its decisions") or joins a compound
//! modifier on ([`crate::text::hyphen_before_modifier`]: "Belt and Road-related projects"; one
//! call, [`hyphen_ends_a_form`], asks both), unless another candidate runs on across that hyphen
//! (the hyphenated whole is itself a form, or part of one). Any form ending in a letter may end
//! before a hyphen that numbers it ([`crate::text::hyphen_before_number`]: "Tiangong-1"), on the
//! same terms.

mod coordination;
mod joints;
mod numbered;

use crate::text::boundary::{
    boundary_after, boundary_before, hyphen_before_number, hyphen_ends_a_form, is_word_char,
};
use crate::text::is_quote;
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

/// Every boundary-valid occurrence of every form, sorted by start, longest first; the
/// conjuncts of coordinated ordinals ([`coordination`]) and the numbered meetings
/// ([`numbered`]) among them.
pub(crate) fn candidates(patterns: &Patterns, norm: &Normalized) -> Vec<RawMatch> {
    let mut out = scan(patterns, norm);
    // One pass finds the joints of coordinated ordinals and the 届/次 of numbered meetings.
    let text = norm.text();
    let (mut pairs, mut counts) = (Vec::new(), Vec::new());
    joints::each(text, |at, stop| match stop {
        joints::Stop::Count { term } => counts.push((at, term)),
        _ => pairs.extend(coordination::pair_at(text, at, stop)),
    });
    if !pairs.is_empty() {
        coordination::add(patterns, norm, coordination::lists(text, pairs), &mut out);
    }
    if !counts.is_empty() {
        numbered::add(patterns, norm, numbered::runs(text, &counts), &mut out);
    }
    out
}

/// [`candidates`] without the coordinated ordinals: the automaton's hits and the slotted forms.
fn scan(patterns: &Patterns, norm: &Normalized) -> Vec<RawMatch> {
    let text = norm.text();
    let mut out: Vec<RawMatch> = Vec::new();
    // The automaton reports hits in order of their end, so they come nearly sorted by start
    // (a hit is out of place only before the shorter hits inside it): each is moved back into
    // place as it comes. Past a budget of moves (a text of many nested hits), or once slotted
    // forms were joined after the scan, the order is left to one sort at the end. The keys are
    // unique (a form and its plural never match the same range), so both give the same order.
    let (mut budget, mut in_order) = (64usize, true);
    // Hits of the pieces of forms with a `{place}` slot: (start, end, pattern).
    let mut pieces: Vec<(usize, usize, u32)> = Vec::new();
    // The hyphens that candidates end at as at a dash or before a modifier (normalized byte
    // offsets).
    let mut dashes: Vec<usize> = Vec::new();
    let (ac, alphabet, starts) = (&patterns.ac, &patterns.alphabet, &patterns.starts);
    ac.find_in_text(alphabet, starts, text, |k, mut start, mut end| {
        let hit = patterns.hits[k as usize];
        let pi = hit.pattern;
        // Quotation marks are no tokens: a match ends with its last token, never one; a form
        // that starts or ends with quotes spans as many of the text's as it has.
        let b = text.as_bytes();
        for _ in 0..hit.lead {
            if start == 0 || !is_quote(b[start - 1]) {
                break;
            }
            start -= 1;
        }
        for _ in 0..hit.trail {
            if end == b.len() || !is_quote(b[end]) {
                break;
            }
            end += 1;
        }
        // A space and a hyphen are one token: of two forms that differ only there, the one
        // spelled as the text is takes the hit.
        if hit.twin() && patterns.twins.beaten(k, pi, &b[start..end]) {
            return;
        }
        if hit.word_start() && !boundary_before(text, start) {
            return;
        }
        // A plural form ends on a word too (the suffix was the end of its last token).
        if hit.word_end() && !boundary_after(text, end) {
            let may_end = hyphen_before_number(norm, end)
                || (hit.several_words() && hyphen_ends_a_form(norm, end));
            if !may_end {
                return;
            }
            dashes.push(end);
        }
        if hit.piece() {
            pieces.push((start, end, pi));
            if hit.hidden() {
                return;
            }
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
    if !pieces.is_empty() {
        let scanned = out.len();
        join_slots(patterns, norm, &pieces, &mut out);
        in_order &= out.len() == scanned;
    }
    if !dashes.is_empty() {
        // A candidate that runs across one of those hyphens makes it a joining hyphen: the
        // candidates that ended at it as at a dash go.
        let joined: Vec<usize> = dashes
            .into_iter()
            .filter(|&h| out.iter().any(|c| c.start <= h && c.end > h + 1))
            .collect();
        if !joined.is_empty() {
            out.retain(|c| !(joined.contains(&c.end) && text.as_bytes().get(c.end) == Some(&b'-')));
        }
    }
    if !in_order {
        out.sort_unstable_by(order);
    }
    out
}

/// Merges the candidates a rule `found` into `out`, sorted as [`candidates`] sorts. Of the
/// found candidates over one span (and of one entry, when `by_entry`), the first in that order
/// stays; one goes where `out` has a candidate over its span (of its entry, when `by_entry`);
/// the candidates of `out` over the span of one that stays give way to it. One function for
/// both rules ([`coordination`] merges by entry, [`numbered`] by span): each closure of a
/// `retain` or `dedup_by` is its own copy of that code in the wasm.
fn merge(patterns: &Patterns, out: &mut Vec<RawMatch>, mut found: Vec<RawMatch>, by_entry: bool) {
    if found.is_empty() {
        return;
    }
    let same = |a: &RawMatch, b: &RawMatch| {
        a.start == b.start
            && a.end == b.end
            && (!by_entry || patterns.owner(a.pattern).0 == patterns.owner(b.pattern).0)
    };
    found.sort_unstable_by(order);
    found.dedup_by(|a, b| same(a, b));
    found.retain(|f| !out.iter().any(|c| same(c, f)));
    out.retain(|c| !found.iter().any(|f| c.start == f.start && c.end == f.end));
    out.append(&mut found);
    out.sort_unstable_by(order);
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

/// The most words a place name in a `{place}` slot may have.
const MOST_PLACE_WORDS: usize = 3;

/// Joins the pieces of each form with a `{place}` slot into one candidate of that form when the
/// text between a piece before the slot and the nearest piece after it is one to
/// [`MOST_PLACE_WORDS`] words, each of letters only and capitalised in the original, with one
/// space around each ("Standing Committee of the Cili County Party Committee").
fn join_slots(
    patterns: &Patterns,
    norm: &Normalized,
    pieces: &[(usize, usize, u32)],
    out: &mut Vec<RawMatch>,
) {
    let text = norm.text();
    for slot in &patterns.slots {
        for &(start, end, _) in pieces.iter().filter(|p| p.2 == slot.before) {
            let after = pieces
                .iter()
                .filter(|p| p.2 == slot.after && p.0 > end)
                .min_by_key(|p| p.0);
            let Some(&(a_start, a_end, _)) = after else {
                continue;
            };
            if place_name(norm, &text[..a_start], end) {
                out.push(RawMatch {
                    start,
                    end: a_end,
                    pattern: slot.pattern,
                    context: None,
                });
            }
        }
    }
}

/// Is `text[from..]` (`text` ends where the piece after the slot starts) a place name: a space,
/// then one to [`MOST_PLACE_WORDS`] capitalised words of letters, each followed by one space?
fn place_name(norm: &Normalized, text: &str, from: usize) -> bool {
    let Some(gap) = text.get(from..) else {
        return false;
    };
    let Some(words) = gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' ')) else {
        return false;
    };
    let mut at = from + 1;
    let mut n = 0;
    for word in words.split(' ') {
        n += 1;
        if n > MOST_PLACE_WORDS
            || word.is_empty()
            || !word.chars().all(|c| c.is_alphabetic() && is_word_char(c))
            || !norm.was_upper(at)
        {
            return false;
        }
        at += word.len() + 1;
    }
    true
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
