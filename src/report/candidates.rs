//! Unknown-formula candidates for a report: what the scanner in `formulas.rs` finds, less
//! what overlaps a dictionary match, each counted once per normalized text.

use super::formulas;
use super::locate::Place;
use super::types::FormulaCandidate;
use crate::matching::choose::Chosen;
use crate::text::utf16;

/// The numbered formulas of `text` the dictionary does not know, in order of first
/// occurrence; `chosen` are the text's top-level matches, at `places`.
pub(super) fn unknown_formulas(
    text: &str,
    chosen: &[Chosen],
    places: &[Place],
) -> Vec<FormulaCandidate> {
    let found = formulas::find(text);
    if found.is_empty() {
        return Vec::new();
    }
    // Known spans (top-level and nested), in UTF-16, to exclude overlapping candidates.
    let mut known: Vec<(u32, u32)> = places.iter().map(|p| p.units).collect();
    known.sort();
    let mut out: Vec<FormulaCandidate> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let party = !chosen.is_empty();
    let byte_units: Vec<usize> = found.iter().flat_map(|&(s, e)| [s, e]).collect();
    let units = utf16::unit_offsets(text, &byte_units);
    for (i, &(s, e)) in found.iter().enumerate() {
        let (us, ue) = (units[2 * i], units[2 * i + 1]);
        let k = known.partition_point(|&(_, ke)| ke <= us);
        if known.get(k).is_some_and(|&(ks, _)| ks < ue) {
            continue;
        }
        let t = &text[s..e];
        if !party && formulas::is_bare_chinese(text, s) {
            // An unquoted 四个X in a text with no Party term is most likely ordinary Chinese.
            continue;
        }
        let key = crate::text::normalize::normalize_form(t);
        match seen.get(&key) {
            Some(&k) => out[k].count += 1,
            None => {
                seen.insert(key, out.len());
                out.push(FormulaCandidate {
                    text: t.to_string(),
                    start: us,
                    end: ue,
                    count: 1,
                })
            }
        }
    }
    out
}
