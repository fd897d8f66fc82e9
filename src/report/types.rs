//! The report's public types: what tifa found in one text, as the CLI's JSON writes it.

use serde::Serialize;

use crate::dictionary::Kind;
use crate::matching::sensitivity::{Reason, Sensitivity};

/// A term found in the text. Offsets are UTF-16 code units of the original text, end exclusive.
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let text = "😀 The Party’s “two upholds”";
/// let m = &tifa.analyze(text)?.matches[0];
/// assert_eq!((m.id.as_str(), m.text.as_str(), m.kind), ("two-upholds", "two upholds", tifa::Kind::Official));
/// // The emoji is two UTF-16 code units: `start` counts them as a browser does.
/// let units: Vec<u16> = text.encode_utf16().collect();
/// assert_eq!(String::from_utf16_lossy(&units[m.start as usize..m.end as usize]), "two upholds");
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive (UTF-16 code units).
    pub end: u32,
    /// The original text of the match.
    pub text: String,
    /// The dictionary form that matched.
    pub form: String,
    /// That form's kind.
    pub kind: Kind,
    /// The entry's category.
    pub category: String,
    /// For a context-gated form: why it counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Reason>,
    /// Other entries whose forms sit inside this match.
    pub nested: Vec<Nested>,
    /// Other entries sharing the same form (`shared = true`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

/// A term inside a longer match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nested {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive.
    pub end: u32,
    /// The dictionary form that matched.
    pub form: String,
}

/// How often one entry occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCount {
    /// Entry id.
    pub id: String,
    /// Top-level occurrences.
    pub count: u32,
    /// Occurrences nested inside longer terms.
    pub nested: u32,
    /// What the text says at the first occurrence ("two maintenances"), which may differ from
    /// the preferred English; for a term met only inside longer ones, the form that matched.
    pub text: String,
    /// Preferred English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
    /// Category.
    pub category: String,
}

/// How many top-level matches fall in one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCount {
    /// Category name.
    pub category: String,
    /// Top-level matches.
    pub count: u32,
}

/// Terms per 1,000 words (English) or per 1,000 Han characters (Chinese).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Density {
    /// `words` or `characters`, whichever the text has more of.
    pub unit: &'static str,
    /// Number of words or Han characters in the text.
    pub size: u64,
    /// Top-level matches.
    pub matches: u64,
    /// Matches per 1,000 units, rounded to two decimals.
    pub per_thousand: f64,
}

/// A numbered formula the dictionary does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormulaCandidate {
    /// The text as it stands at its first occurrence.
    pub text: String,
    /// First occurrence: start (UTF-16).
    pub start: u32,
    /// First occurrence: end, exclusive (UTF-16).
    pub end: u32,
    /// Occurrences.
    pub count: u32,
}

/// A form that needs context, seen in the text but not counted (not highlighted), so a reader
/// can see why a phrase was left alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCounted {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive (UTF-16 code units).
    pub end: u32,
    /// The original text.
    pub text: String,
    /// The dictionary form.
    pub form: String,
    /// One line: why it did not count.
    pub why: &'static str,
}

/// Everything tifa found in one text. Serialized (serde), it is the CLI's `--format json`.
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let report = tifa.analyze("两个维护，两个维护。The important speech was long.")?;
/// assert_eq!((report.terms[0].id.as_str(), report.terms[0].count), ("two-upholds", 2));
/// assert_eq!(report.density.unit, "characters");
/// // "important speech" needs context: its own sentence gives none, the rest of the document does.
/// let speech = &report.matches[2];
/// assert_eq!(
///     (speech.text.as_str(), speech.context),
///     ("important speech", Some(tifa::Reason::Document))
/// );
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Top-level matches, in text order, disjoint.
    pub matches: Vec<Match>,
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
}
