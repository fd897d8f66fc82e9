//! Counting: what one document contributes (its terms, their kinds, its size), and the
//! per-period × term table they add up to. The table merges, so documents can be counted apart
//! (threads, browser workers, Spark executors) and added up at the end with the same result.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::dictionary::Kind;
use crate::report::Report;

/// The kinds, in the columns' order (as `Kind::ALL`).
pub const KIND_COLUMNS: [&str; 4] = ["official", "media", "mt", "spelled_out"];

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// The unit a document's size and a term's rate are counted in: words for English, Han
/// characters for Chinese (whichever the text has more of, as [`crate::report::Density`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Han characters (declared first: rows sort `characters` before `words`).
    Characters,
    /// Words.
    Words,
}

impl Unit {
    /// `characters` or `words`.
    ///
    /// ```
    /// assert_eq!(tifa::corpus::Unit::Words.as_str(), "words");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Characters => "characters",
            Unit::Words => "words",
        }
    }

    /// The unit a report's density is counted in.
    fn of(name: &str) -> Unit {
        if name == "characters" {
            Unit::Characters
        } else {
            Unit::Words
        }
    }
}

/// One term in one document (or, added up, in one period).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCounts {
    /// Top-level occurrences (as highlighted).
    pub occurrences: u64,
    /// Occurrences inside longer terms.
    pub nested: u64,
    /// Top-level occurrences per kind of form ([`KIND_COLUMNS`]).
    pub kinds: [u64; 4],
}

/// What one document contributes: its unit, its size in that unit, and its terms (entry id and
/// form → counts), restricted to the wanted terms.
#[derive(Debug, Clone)]
pub struct DocCounts {
    /// Words or characters.
    pub unit: Unit,
    /// How many words or characters.
    pub size: u64,
    /// Per entry id and form (the form is empty unless counted by form), sorted.
    pub terms: BTreeMap<(String, String), TermCounts>,
}

/// Which terms count: all, or the listed entry ids and categories.
///
/// ```
/// let f = tifa::corpus::Filter::new(Some("two-upholds, discipline"));
/// assert!(f.wants("eight-point-rules", "discipline"));
/// assert!(!f.wants("core", "leadership"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Filter {
    names: Option<HashSet<String>>,
}

impl Filter {
    /// `list` is comma-separated entry ids and category names (None or empty: every term).
    pub fn new(list: Option<&str>) -> Filter {
        let names: Option<HashSet<String>> = list.map(|l| {
            l.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        });
        Filter {
            names: names.filter(|n| !n.is_empty()),
        }
    }

    /// Does the term `id` of `category` count?
    pub fn wants(&self, id: &str, category: &str) -> bool {
        self.names
            .as_ref()
            .is_none_or(|n| n.contains(id) || n.contains(category))
    }
}

impl DocCounts {
    /// The counts of one report; `by_form` counts each dictionary form of a term apart
    /// ("self-reform" and "self-revolution" are two forms of one entry).
    ///
    /// ```
    /// use tifa::corpus::{DocCounts, Filter};
    /// let tifa = tifa::Analyzer::builtin()?;
    /// let report = tifa.analyze("The Two Upholds and the two upholds again.")?;
    /// let counts = DocCounts::of(&report, &Filter::new(None), false);
    /// let c = &counts.terms[&("two-upholds".to_string(), String::new())];
    /// assert_eq!(c.occurrences, 2);
    /// # Ok::<(), tifa::Error>(())
    /// ```
    pub fn of(report: &Report, filter: &Filter, by_form: bool) -> DocCounts {
        let mut terms: BTreeMap<(String, String), TermCounts> = BTreeMap::new();
        if by_form {
            let category: BTreeMap<&str, &str> = report
                .terms
                .iter()
                .map(|t| (t.id.as_str(), t.category.as_str()))
                .collect();
            let wants = |id: &str| filter.wants(id, category.get(id).copied().unwrap_or(""));
            for m in &report.matches {
                if wants(&m.id) {
                    let c = terms.entry((m.id.clone(), m.form.clone())).or_default();
                    c.occurrences += 1;
                    c.kinds[kind_index(m.kind)] += 1;
                }
                for n in &m.nested {
                    if wants(&n.id) {
                        terms
                            .entry((n.id.clone(), n.form.clone()))
                            .or_default()
                            .nested += 1;
                    }
                }
            }
        } else {
            for t in &report.terms {
                if filter.wants(&t.id, &t.category) {
                    let c = terms.entry((t.id.clone(), String::new())).or_default();
                    c.occurrences = u64::from(t.count);
                    c.nested = u64::from(t.nested);
                }
            }
            for m in &report.matches {
                if let Some(c) = terms.get_mut(&(m.id.clone(), String::new())) {
                    c.kinds[kind_index(m.kind)] += 1;
                }
            }
        }
        DocCounts {
            unit: Unit::of(report.density.unit),
            size: report.density.size,
            terms,
        }
    }
}

/// One period × term (× form) × unit: the counts added up, and the documents holding it.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Cell {
    counts: TermCounts,
    documents: u64,
}

/// A period's size in one unit: its documents in that unit and their words or characters.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Size {
    size: u64,
    documents: u64,
}

/// The per-period × term table, and each period's size per unit (for rates). Tables of parts of
/// a corpus [`merge`](Table::merge) into the table of the whole; a table serializes (with serde)
/// so the parts can be counted in other threads, workers or machines.
///
/// ```
/// use tifa::corpus::{DocCounts, Filter, Table};
/// let tifa = tifa::Analyzer::builtin()?;
/// let count = |text: &str| DocCounts::of(&tifa.analyze(text).unwrap(), &Filter::new(None), false);
/// let (mut a, mut b) = (Table::default(), Table::default());
/// a.add("2021", &count("The two upholds were stressed."));
/// b.add("2021", &count("Officials pledged the two upholds."));
/// a.merge(b);
/// let row = a.rows().find(|r| r.term == "two-upholds").unwrap();
/// assert_eq!((row.occurrences, row.documents, row.period_documents), (1 + 1, 2, 2));
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "Parts", from = "Parts")]
pub struct Table {
    cells: BTreeMap<(String, (String, String), Unit), Cell>,
    sizes: BTreeMap<(String, Unit), Size>,
}

/// A table as lists (JSON object keys must be strings; the table's keys are tuples).
#[derive(Serialize, Deserialize)]
struct Parts {
    cells: Vec<(String, String, String, Unit, Cell)>,
    sizes: Vec<(String, Unit, Size)>,
}

impl From<Table> for Parts {
    fn from(t: Table) -> Parts {
        Parts {
            cells: t
                .cells
                .into_iter()
                .map(|((p, (term, form), u), c)| (p, term, form, u, c))
                .collect(),
            sizes: t.sizes.into_iter().map(|((p, u), s)| (p, u, s)).collect(),
        }
    }
}

impl From<Parts> for Table {
    fn from(p: Parts) -> Table {
        let mut t = Table::default();
        for (period, term, form, unit, cell) in p.cells {
            t.cell(period, (term, form), unit).add(&cell);
        }
        for (period, unit, size) in p.sizes {
            t.size(period, unit).add(size);
        }
        t
    }
}

impl Cell {
    fn add(&mut self, other: &Cell) {
        self.counts.occurrences += other.counts.occurrences;
        self.counts.nested += other.counts.nested;
        for k in 0..4 {
            self.counts.kinds[k] += other.counts.kinds[k];
        }
        self.documents += other.documents;
    }
}

impl Size {
    fn add(&mut self, other: Size) {
        self.size += other.size;
        self.documents += other.documents;
    }
}

/// One row of the period × term table (the columns of [`TABLE_COLUMNS`], and `form`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The period (`2023`, `2023-01`, `2023-01-31`, `all` or `undated`).
    pub period: String,
    /// The entry id.
    pub term: String,
    /// The form (empty unless counted by form).
    pub form: String,
    /// `words` or `characters`.
    pub unit: &'static str,
    /// Top-level occurrences.
    pub occurrences: u64,
    /// Occurrences inside longer terms.
    pub nested: u64,
    /// Documents of the period holding the term.
    pub documents: u64,
    /// Documents of the period in this unit.
    pub period_documents: u64,
    /// Their size in this unit.
    pub period_size: u64,
    /// Occurrences per 10,000 units, rounded to three decimals.
    pub rate: f64,
    /// Occurrences by official forms.
    pub official: u64,
    /// … by media forms.
    pub media: u64,
    /// … by machine-translation forms.
    pub mt: u64,
    /// … by spelled-out forms.
    pub spelled_out: u64,
}

impl Table {
    fn cell(&mut self, period: String, key: (String, String), unit: Unit) -> &mut Cell {
        self.cells.entry((period, key, unit)).or_default()
    }

    fn size(&mut self, period: String, unit: Unit) -> &mut Size {
        self.sizes.entry((period, unit)).or_default()
    }

    /// Adds one document's counts in `period`.
    pub fn add(&mut self, period: &str, doc: &DocCounts) {
        self.size(period.to_string(), doc.unit).add(Size {
            size: doc.size,
            documents: 1,
        });
        for (key, c) in &doc.terms {
            self.cell(period.to_string(), key.clone(), doc.unit)
                .add(&Cell {
                    counts: c.clone(),
                    documents: 1,
                });
        }
    }

    /// Adds another table (of other documents) to this one.
    pub fn merge(&mut self, other: Table) {
        for ((period, key, unit), cell) in other.cells {
            self.cell(period, key, unit).add(&cell);
        }
        for ((period, unit), size) in other.sizes {
            self.size(period, unit).add(size);
        }
    }

    /// Is nothing counted yet?
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// One row per period × term (× form) × unit, sorted by period, then term, form and unit.
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        self.cells
            .iter()
            .map(|((period, (term, form), unit), cell)| {
                let size = self
                    .sizes
                    .get(&(period.clone(), *unit))
                    .copied()
                    .unwrap_or_default();
                let rate = if size.size == 0 {
                    0.0
                } else {
                    cell.counts.occurrences as f64 * 10_000.0 / size.size as f64
                };
                let k = cell.counts.kinds;
                Row {
                    period: period.clone(),
                    term: term.clone(),
                    form: form.clone(),
                    unit: unit.as_str(),
                    occurrences: cell.counts.occurrences,
                    nested: cell.counts.nested,
                    documents: cell.documents,
                    period_documents: size.documents,
                    period_size: size.size,
                    rate: (rate * 1000.0).round() / 1000.0,
                    official: k[0],
                    media: k[1],
                    mt: k[2],
                    spelled_out: k[3],
                }
            })
    }

    /// Each period's documents and size (in words or characters) per unit, sorted by period:
    /// `(period, unit, documents, size)`.
    pub fn periods(&self) -> Vec<(String, &'static str, u64, u64)> {
        self.sizes
            .iter()
            .map(|((period, unit), s)| (period.clone(), unit.as_str(), s.documents, s.size))
            .collect()
    }
}

/// The period × term table's columns, in order: `rate` is occurrences per 10,000 units (words
/// or characters) of the period's documents in that unit. With counting by form, `form` follows
/// `term` ([`with_form`]).
pub const TABLE_COLUMNS: &[&str] = &[
    "period",
    "term",
    "unit",
    "occurrences",
    "nested",
    "documents",
    "period_documents",
    "period_size",
    "rate",
    "official",
    "media",
    "mt",
    "spelled_out",
];

/// The per-document table's columns (`meta`: the record's other fields, as JSON).
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "id",
    "date",
    "period",
    "term",
    "unit",
    "size",
    "occurrences",
    "nested",
    "official",
    "media",
    "mt",
    "spelled_out",
    "meta",
];

/// `columns` with `form` after `term` when `by_form`.
///
/// ```
/// let c = tifa::corpus::with_form(&["period", "term", "rate"], true);
/// assert_eq!(c, ["period", "term", "form", "rate"]);
/// ```
pub fn with_form(columns: &[&'static str], by_form: bool) -> Vec<&'static str> {
    let mut out = columns.to_vec();
    if by_form {
        let at = out
            .iter()
            .position(|c| *c == "term")
            .map_or(out.len(), |i| i + 1);
        out.insert(at, "form");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(unit: Unit, size: u64, terms: &[(&str, u64, u64)]) -> DocCounts {
        DocCounts {
            unit,
            size,
            terms: terms
                .iter()
                .map(|(id, o, n)| {
                    (
                        (id.to_string(), String::new()),
                        TermCounts {
                            occurrences: *o,
                            nested: *n,
                            kinds: [*o, 0, 0, 0],
                        },
                    )
                })
                .collect(),
        }
    }

    fn brief(t: &Table) -> Vec<(String, String, &'static str, u64, u64, u64, u64, u64, f64)> {
        t.rows()
            .map(|r| {
                (
                    r.period,
                    r.term,
                    r.unit,
                    r.occurrences,
                    r.nested,
                    r.documents,
                    r.period_documents,
                    r.period_size,
                    r.rate,
                )
            })
            .collect()
    }

    fn three_documents() -> [(&'static str, DocCounts); 3] {
        [
            ("2020", doc(Unit::Words, 1000, &[("a", 2, 0), ("b", 1, 1)])),
            ("2020", doc(Unit::Words, 3000, &[("a", 1, 0)])),
            ("2021", doc(Unit::Characters, 500, &[("a", 5, 0)])),
        ]
    }

    #[test]
    fn table_adds_up_documents_and_rates() {
        let mut t = Table::default();
        for (p, d) in three_documents() {
            t.add(p, &d);
        }
        let s = |x: &str| x.to_string();
        assert_eq!(
            brief(&t),
            vec![
                (s("2020"), s("a"), "words", 3, 0, 2, 2, 4000, 7.5),
                (s("2020"), s("b"), "words", 1, 1, 1, 2, 4000, 2.5),
                (s("2021"), s("a"), "characters", 5, 0, 1, 1, 500, 100.0),
            ]
        );
    }

    #[test]
    fn merged_parts_equal_the_whole_in_any_split() {
        let docs = three_documents();
        let mut whole = Table::default();
        for (p, d) in &docs {
            whole.add(p, d);
        }
        for split in 0..=docs.len() {
            let (mut left, mut right) = (Table::default(), Table::default());
            for (i, (p, d)) in docs.iter().enumerate() {
                if i < split { &mut left } else { &mut right }.add(p, d);
            }
            right.merge(left);
            assert_eq!(right, whole, "split at {split}");
        }
    }

    #[test]
    fn a_table_survives_serialization() {
        let mut t = Table::default();
        for (p, d) in three_documents() {
            t.add(p, &d);
        }
        let json = serde_json::to_string(&t).unwrap();
        let back: Table = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        assert!(json.contains("\"characters\""), "{json}");
    }

    #[test]
    fn filter_by_id_or_category() {
        let cases = [
            (
                Some("two-upholds, discipline"),
                "two-upholds",
                "leadership",
                true,
            ),
            (
                Some("two-upholds, discipline"),
                "eight-point-rules",
                "discipline",
                true,
            ),
            (Some("two-upholds, discipline"), "core", "leadership", false),
            (None, "anything", "x", true),
            (Some(" , "), "anything", "x", true),
        ];
        for (list, id, category, want) in cases {
            assert_eq!(Filter::new(list).wants(id, category), want, "{list:?} {id}");
        }
    }
}
