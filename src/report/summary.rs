//! Making a [`LazyReport`] from what matching found: counts per term and per category, the
//! forms seen but not counted, with density and formula candidates from their own modules.

use super::candidates::unknown_formulas;
use super::density::density;
use super::lazy::LazyReport;
use super::locate::{places, Locator};
use super::types::{CategoryCount, NotCounted, TermCount};
use crate::dictionary::{ContextNeeds, Dictionary};
use crate::matching::choose::Found;
use crate::matching::patterns::Patterns;
use crate::matching::sensitivity::Sensitivity;
use crate::text::normalize::Normalized;
use crate::text::utf16;

/// Why a gated form did not count, at each sensitivity, for what the form asks beyond the
/// usual context; `neighbour`: words the dictionary lists as showing its ordinary sense stand
/// next to it.
fn why_not(sensitivity: Sensitivity, needs: Option<ContextNeeds>, neighbour: bool) -> &'static str {
    if neighbour {
        return "also common in ordinary language: the words right next to it here show the ordinary sense";
    }
    match (sensitivity, needs) {
        (_, Some(ContextNeeds::TitleCase)) => "a proper name, counted only where the text writes it in title case (and with Party context); written otherwise it is the ordinary phrase",
        (Sensitivity::Default, Some(ContextNeeds::Sentence)) => "also common in ordinary language, in Party texts too: counted only when quoted, in title case, or in a sentence with other Party terms",
        (Sensitivity::Strict, _) => "also common in ordinary language: counted only when quoted, in title case, or within about 60 words of an unambiguous Party term (strict)",
        _ => "also common in ordinary language: counted only when quoted, in title case, or in a text or sentence with other Party terms",
    }
}

/// `s` with each run of white space one space and none at the ends (its words joined by
/// spaces), built in one string.
fn one_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The report of `text` from what matching `found`, at `sensitivity`: everything but the
/// matches, which the [`LazyReport`] makes when asked.
pub(crate) fn lazy<'a>(
    dict: &'a Dictionary,
    patterns: &'a Patterns,
    text: &'a str,
    norm: Normalized,
    found: Found,
    sensitivity: Sensitivity,
) -> LazyReport<'a> {
    let chosen = &found.chosen[..];
    let b = Locator::new(patterns, &norm);
    // The entries as read (names, categories): the text of a form comes from `form`, which
    // expands only the templates of the entries asked for (`Dictionary::entry`).
    let entries = dict.entries_as_read();
    let form = |e: usize, f: usize| {
        dict.entry(e)
            .map_or_else(String::new, |e| e.forms[f].text.clone())
    };
    let places = places(text, chosen, &b);

    let mut first_seen: Vec<usize> = Vec::new();
    let mut counts: Vec<(u32, u32)> = vec![(0, 0); entries.len()];
    let mut seen_as: Vec<Option<String>> = vec![None; entries.len()];
    let mut categories: Vec<CategoryCount> = Vec::new();
    for (c, place) in chosen.iter().zip(&places) {
        let (ei, _) = b.owner(&c.outer);
        let (s, e) = (place.bytes.0 as usize, place.bytes.1 as usize);
        for (ni, nf, ..) in b.nested(c, ei) {
            if counts[ni] == (0, 0) {
                first_seen.push(ni);
            }
            counts[ni].1 += 1;
            seen_as[ni].get_or_insert_with(|| form(ni, nf));
        }
        if counts[ei] == (0, 0) {
            first_seen.push(ei);
        }
        counts[ei].0 += 1;
        // What the text says, kept for the first occurrence only (no work for the others).
        if counts[ei].0 == 1 {
            seen_as[ei] = Some(one_spaced(&text[s..e]));
        }
        let category = &entries[ei].category;
        match categories.iter_mut().find(|c| &c.category == category) {
            Some(c) => c.count += 1,
            None => categories.push(CategoryCount {
                category: category.clone(),
                count: 1,
            }),
        }
    }
    // Nested terms are counted when first met inside their outer match; keep text order.
    first_seen.dedup();
    let terms: Vec<TermCount> = first_seen
        .iter()
        .map(|&ei| {
            let e = &entries[ei];
            TermCount {
                id: e.id.clone(),
                count: counts[ei].0,
                nested: counts[ei].1,
                text: seen_as[ei].take().unwrap_or_default(),
                en: e.en.clone(),
                zh: e.zh.clone(),
                category: e.category.clone(),
            }
        })
        .collect();
    let density = density(text, chosen.len() as u64);
    let candidates = unknown_formulas(text, chosen, &places);
    let nc_units: Vec<u32> = found
        .not_counted
        .iter()
        .flat_map(|m| {
            let (s, e) = b.span(m);
            [s, e]
        })
        .collect();
    let nc_bytes = utf16::byte_offsets(text, &nc_units);
    let not_counted = found
        .not_counted
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (ei, fi) = b.owner(m);
            NotCounted {
                id: entries[ei].id.clone(),
                start: nc_units[2 * i],
                end: nc_units[2 * i + 1],
                text: text[nc_bytes[2 * i]..nc_bytes[2 * i + 1]].to_string(),
                form: form(ei, fi),
                why: {
                    let p = patterns.get(m.pattern);
                    let neighbour = p
                        .neighbours
                        .as_ref()
                        .is_some_and(|n| n.show_ordinary_sense(norm.text(), m.start, m.end));
                    why_not(sensitivity, p.needs, neighbour)
                },
            }
        })
        .collect();
    LazyReport {
        length: norm.original_len(),
        terms,
        categories,
        density,
        candidates,
        sensitivity,
        not_counted,
        dict,
        patterns,
        text,
        norm,
        chosen: found.chosen,
        places,
    }
}
