//! Where a raw match sits: the entry and form that own it, its span in the original text
//! (UTF-16), and the terms nested in it. The report, the lazy report and the rows all place
//! matches through this one rule.

use std::cell::Cell;

use crate::matching::candidates::RawMatch;
use crate::matching::choose::Chosen;
use crate::matching::patterns::Patterns;
use crate::text::normalize::Normalized;

/// Places raw matches of one text.
pub(super) struct Locator<'a> {
    patterns: &'a Patterns,
    norm: &'a Normalized,
    /// Where the last span was found in the offset map: spans are mostly asked for in text
    /// order ([`Normalized::original_span_from`]).
    hint: Cell<usize>,
}

impl<'a> Locator<'a> {
    /// Places the matches of the text normalized as `norm`.
    pub(super) fn new(patterns: &'a Patterns, norm: &'a Normalized) -> Locator<'a> {
        Locator {
            patterns,
            norm,
            hint: Cell::new(0),
        }
    }

    /// A match's span in the original text, in UTF-16 code units.
    pub(super) fn span(&self, m: &RawMatch) -> (u32, u32) {
        let mut hint = self.hint.get();
        let span = self.norm.original_span_from(&mut hint, m.start, m.end);
        self.hint.set(hint);
        span
    }
}

/// Where a top-level match sits in the original text: its UTF-16 span (what the report
/// shows) and its byte span (to slice its text), found once per match.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    /// Start and end, UTF-16 code units.
    pub(super) units: (u32, u32),
    /// Start and end, bytes of UTF-8.
    pub(super) bytes: (u32, u32),
}

/// The places of `chosen` (in text order) in `text`, the text normalized as `b` knows it: one
/// pass of the offset map and one of the text for all of them.
pub(super) fn places(text: &str, chosen: &[Chosen], b: &Locator) -> Vec<Place> {
    let mut at = crate::text::utf16::Cursor::new(text);
    chosen
        .iter()
        .map(|c| {
            let (start, end) = b.span(&c.outer);
            let bytes = (at.byte(start) as u32, at.byte(end) as u32);
            Place {
                units: (start, end),
                bytes,
            }
        })
        .collect()
}

impl Locator<'_> {
    /// The entry and form a match belongs to (the first owner of a shared form).
    pub(super) fn owner(&self, m: &RawMatch) -> (usize, usize) {
        self.patterns.owner(m.pattern)
    }

    /// The terms nested in a chosen match whose entry is `outer`: `(entry, form, start, end)`,
    /// one occurrence per entry (two overlapping forms of the same entry are one), not the
    /// outer entry itself. The report and the rows both use this rule.
    pub(super) fn nested(&self, c: &Chosen, outer: usize) -> Vec<(usize, usize, u32, u32)> {
        let mut out: Vec<(usize, usize, u32, u32)> = Vec::new();
        // The nested candidates come in order of their start, so one kept earlier overlaps
        // this one exactly when it ends after this one starts: the furthest end kept per entry
        // is all the rule needs (a scan of everything kept made it quadratic).
        let mut kept_end: std::collections::HashMap<usize, u32> = Default::default();
        for n in &c.nested {
            let (ni, nf) = self.owner(n);
            let (s, e) = self.span(n);
            if ni == outer || kept_end.get(&ni).is_some_and(|&xe| s < xe) {
                continue;
            }
            let end = kept_end.entry(ni).or_insert(e);
            *end = (*end).max(e);
            out.push((ni, nf, s, e));
        }
        out
    }
}
