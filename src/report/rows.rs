//! The matches as rows of numbers, for the highlight API ([`crate::Analyzer::rows`],
//! [`crate::LazyReport::rows`]): entry and form indices, no strings.

use super::locate::Locator;
use crate::dictionary::{Dictionary, Kind};
use crate::matching::choose::{Chosen, Found};
use crate::matching::patterns::Patterns;
use crate::matching::sensitivity::Reason;
use crate::text::normalize::Normalized;

/// Fields per match in [`crate::Analyzer::rows`] and [`crate::LazyReport::rows`].
pub const ROW: usize = 7;

/// The matches as numbers, for highlighting: `[n, n × (start, end, entry, form, kind,
/// context, nested), nested entries…]`. Offsets are UTF-16 units; `entry` and `form` index
/// [`Dictionary::entries`] and its forms; `kind` indexes [`Kind::ALL`]; `context` is 0 or
/// 1 + an index of [`Reason::ALL`]; `nested` counts the entries nested in the match, listed
/// after all the rows in match order (one per entry, as in the report).
pub(crate) fn rows(
    dict: &Dictionary,
    patterns: &Patterns,
    norm: &Normalized,
    found: &Found,
) -> Vec<u32> {
    rows_of(dict, patterns, norm, &found.chosen)
}

pub(super) fn rows_of(
    dict: &Dictionary,
    patterns: &Patterns,
    norm: &Normalized,
    chosen: &[Chosen],
) -> Vec<u32> {
    let b = Locator::new(patterns, norm);
    // Kinds only: the entries as read hold them for every form, expanded or not.
    let entries = dict.entries_as_read();
    let mut out = Vec::with_capacity(1 + chosen.len() * ROW);
    out.push(chosen.len() as u32);
    let mut nested_all: Vec<u32> = Vec::new();
    for c in chosen {
        let (ei, fi) = b.owner(&c.outer);
        let (start, end) = b.span(&c.outer);
        let kind = Kind::ALL
            .iter()
            .position(|&k| k == entries[ei].forms[fi].kind)
            .unwrap_or(0);
        let context = c
            .outer
            .context
            .and_then(|r| Reason::ALL.iter().position(|&x| x == r))
            .map_or(0, |i| i + 1);
        let from = nested_all.len();
        nested_all.extend(b.nested(c, ei).into_iter().map(|(ni, ..)| ni as u32));
        out.extend([
            start,
            end,
            ei as u32,
            fi as u32,
            kind as u32,
            context as u32,
            (nested_all.len() - from) as u32,
        ]);
    }
    out.extend(nested_all);
    out
}
