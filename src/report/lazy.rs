//! The lazy report: everything but the matches at once, each match made when it is asked for.

use serde::Serialize;

use super::locate::{Locator, Place};
use super::rows::rows_of;
use super::types::{
    CategoryCount, Density, FormulaCandidate, Match, Nested, NotCounted, Report, TermCount,
};
use crate::dictionary::Dictionary;
use crate::matching::choose::Chosen;
use crate::matching::patterns::Patterns;
use crate::matching::sensitivity::Sensitivity;
use crate::text::normalize::Normalized;

/// A report made in two steps, so that a writer can stream a large one: everything but the
/// matches at once, and the matches one at a time ([`LazyReport::matches`]). Holding every match of a
/// 64 MiB text at once took gigabytes. [`LazyReport::into_report`] gives the same [`Report`] as
/// [`crate::Analyzer::analyze_options`].
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "两个维护 and the two upholds";
/// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
/// assert_eq!(lazy.match_count(), 2);
/// let first = lazy.matches().next().unwrap();
/// assert_eq!((first.id.as_str(), first.start, first.end), ("two-upholds", 0, 4));
/// assert_eq!(lazy.into_report(), tifa.analyze(text).unwrap());
/// ```
///
/// It serializes as the report without its matches (`length`, `terms`, `categories`,
/// `density`, `candidates`, `sensitivity`, `not_counted`): with [`LazyReport::rows`], what a page
/// needs to highlight a text and summarize it, without a string per match.
#[derive(Debug, Serialize)]
pub struct LazyReport<'a> {
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Counts per entry, in order of first appearance.
    pub terms: Vec<TermCount>,
    /// Counts per category, in order of first appearance.
    pub categories: Vec<CategoryCount>,
    /// Match density.
    pub density: Density,
    /// Candidates for unknown numbered formulas.
    pub candidates: Vec<FormulaCandidate>,
    /// The sensitivity the text was analysed with.
    pub sensitivity: Sensitivity,
    /// Gated forms seen but not counted, in text order.
    pub not_counted: Vec<NotCounted>,
    #[serde(skip)]
    pub(super) dict: &'a Dictionary,
    #[serde(skip)]
    pub(super) patterns: &'a Patterns,
    #[serde(skip)]
    pub(super) text: &'a str,
    #[serde(skip)]
    pub(super) norm: Normalized,
    #[serde(skip)]
    pub(super) chosen: Vec<Chosen>,
    /// Where each of `chosen` sits, found once for the summary and the matches.
    #[serde(skip)]
    pub(super) places: Vec<Place>,
}

impl<'a> LazyReport<'a> {
    /// The number of top-level matches.
    pub fn match_count(&self) -> usize {
        self.chosen.len()
    }

    /// The top-level matches, in text order, each made when it is asked for.
    pub fn matches(&self) -> impl Iterator<Item = Match> + '_ {
        let b = Locator::new(self.patterns, &self.norm);
        // The entries as read (names, categories), and each matched form from its entry with
        // its templates expanded (`Dictionary::entry`: only the entries asked for).
        let entries = self.dict.entries_as_read();
        let dict = self.dict;
        let form = move |e: usize, f: usize| {
            dict.entry(e)
                .map_or_else(String::new, |e| e.forms[f].text.clone())
        };
        self.chosen.iter().zip(&self.places).map(move |(c, place)| {
            let (ei, fi) = b.owner(&c.outer);
            let entry = &entries[ei];
            let (start, end) = place.units;
            let (s, e) = (place.bytes.0 as usize, place.bytes.1 as usize);
            let nested = b
                .nested(c, ei)
                .into_iter()
                .map(|(ni, nf, s, e)| Nested {
                    id: entries[ni].id.clone(),
                    start: s,
                    end: e,
                    form: form(ni, nf),
                })
                .collect();
            let also = self.patterns.get(c.outer.pattern).owners[1..]
                .iter()
                .map(|&(e, _)| entries[e as usize].id.clone())
                .collect();
            Match {
                id: entry.id.clone(),
                start,
                end,
                text: self.text[s..e].to_string(),
                form: form(ei, fi),
                kind: entry.forms[fi].kind,
                category: entry.category.clone(),
                context: c.outer.context,
                nested,
                also,
            }
        })
    }

    /// The matches as rows of numbers, as [`crate::Analyzer::rows`] gives them: entry and form
    /// indices, no strings.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let text = "两个维护 and the two upholds";
    /// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
    /// assert_eq!(lazy.rows(), tifa.rows(text, Default::default()).unwrap());
    /// ```
    pub fn rows(&self) -> Vec<u32> {
        rows_of(self.dict, self.patterns, &self.norm, &self.chosen)
    }

    /// The whole report, every match made.
    pub fn into_report(self) -> Report {
        let matches = self.matches().collect();
        Report {
            length: self.length,
            matches,
            terms: self.terms,
            categories: self.categories,
            density: self.density,
            candidates: self.candidates,
            sensitivity: self.sensitivity,
            not_counted: self.not_counted,
        }
    }
}
