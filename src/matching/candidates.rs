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
//! A form of two words or more may also end right before a hyphen that stands for a dash
//! ([`hyphen_as_dash`]: "alternate members-its decisions"), unless another candidate runs on
//! across that hyphen (the hyphenated whole is itself a form, or part of one).

use crate::text::boundary::{boundary_after, boundary_before, hyphen_as_dash, is_word_char};
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
    let mut out = Vec::new();
    // Hits of the pieces of forms with a `{place}` slot: (start, end, pattern).
    let mut pieces: Vec<(usize, usize, u32)> = Vec::new();
    // The hyphens that candidates end at as at a dash (normalized byte offsets).
    let mut dashes: Vec<usize> = Vec::new();
    patterns.ac.find_overlapping(&encoded, |k, s, e| {
        let pi = patterns.ac_patterns[k as usize];
        let p = patterns.get(pi);
        let (start, end) = (at[s] as usize, at[e] as usize);
        if p.word_start && !boundary_before(text, start) {
            return;
        }
        // A plural form ends on a word too (the suffix was the end of its last token).
        if p.word_end && !boundary_after(text, end) {
            if !(p.several_words && hyphen_as_dash(norm, end)) {
                return;
            }
            dashes.push(end);
        }
        if p.piece {
            pieces.push((start, end, pi));
            if p.hidden {
                return;
            }
        }
        out.push(RawMatch {
            start,
            end,
            pattern: pi,
            context: None,
        });
    });
    if !pieces.is_empty() {
        join_slots(patterns, norm, &pieces, &mut out);
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
    // The keys are unique (a form and its plural never match the same range), so an
    // unstable sort gives the same order, in place, without a buffer of half the candidates.
    out.sort_unstable_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.pattern.cmp(&b.pattern))
    });
    out
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
