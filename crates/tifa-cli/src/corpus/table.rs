//! Counting: what one document contributes (its terms, their kinds, its size), and the
//! per-period × term table they add up to; both written as CSV or JSON Lines.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

use serde_json::{json, Map, Value};
// The CSV rule of `tifa annotate` (RFC 4180 quoting; formula cells defused).
use tifa::output::csv_field;
use tifa::{Kind, Report};

/// The kinds, in the columns' order (as `Kind::ALL`).
const KIND_COLUMNS: [&str; 4] = ["official", "media", "mt", "spelled_out"];

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// One term in one document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TermCounts {
    /// Top-level occurrences (as highlighted).
    pub occurrences: u64,
    /// Occurrences inside longer terms.
    pub nested: u64,
    /// Top-level occurrences per kind of form (`KIND_COLUMNS`).
    pub kinds: [u64; 4],
}

/// What one document contributes: its unit (`words` or `characters`), its size in that unit,
/// and its terms (entry id → counts), restricted to the wanted terms.
#[derive(Debug, Clone)]
pub struct DocCounts {
    /// `words` or `characters`.
    pub unit: &'static str,
    /// How many words or characters.
    pub size: u64,
    /// Per entry id and form (the form is empty unless counted by form), sorted.
    pub terms: BTreeMap<(String, String), TermCounts>,
}

/// Which terms count: all, or the listed entry ids and categories.
pub struct Filter {
    names: Option<HashSet<String>>,
}

impl Filter {
    /// `list` is comma-separated entry ids and category names (empty: every term).
    pub fn new(list: Option<&str>) -> Filter {
        let names = list.map(|l| {
            l.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        });
        Filter { names }
    }

    fn wants(&self, id: &str, category: &str) -> bool {
        self.names
            .as_ref()
            .is_none_or(|n| n.contains(id) || n.contains(category))
    }
}

impl DocCounts {
    /// The counts of one report; `by_form` counts each dictionary form of a term apart
    /// ("self-reform" and "self-revolution" are two forms of one entry).
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
            unit: report.density.unit,
            size: report.density.size,
            terms,
        }
    }
}

#[derive(Debug, Default)]
struct Cell {
    counts: TermCounts,
    documents: u64,
}

/// The per-period × term table, and each period's size per unit (for rates).
#[derive(Debug, Default)]
pub struct Table {
    cells: BTreeMap<(String, (String, String), &'static str), Cell>,
    sizes: BTreeMap<(String, &'static str), (u64, u64)>, // (size, documents)
}

impl Table {
    /// Adds one document's counts in `period`.
    pub fn add(&mut self, period: &str, doc: &DocCounts) {
        let s = self
            .sizes
            .entry((period.to_string(), doc.unit))
            .or_default();
        s.0 += doc.size;
        s.1 += 1;
        for (key, c) in &doc.terms {
            let cell = self
                .cells
                .entry((period.to_string(), key.clone(), doc.unit))
                .or_default();
            cell.counts.occurrences += c.occurrences;
            cell.counts.nested += c.nested;
            for k in 0..4 {
                cell.counts.kinds[k] += c.kinds[k];
            }
            cell.documents += 1;
        }
    }

    /// One row per period × term (× form) × unit, sorted by period, then term.
    pub fn rows(&self) -> impl Iterator<Item = Map<String, Value>> + '_ {
        self.cells
            .iter()
            .map(|((period, (term, form), unit), cell)| {
                let (size, period_documents) = self
                    .sizes
                    .get(&(period.clone(), *unit))
                    .copied()
                    .unwrap_or((0, 0));
                let rate = if size == 0 {
                    0.0
                } else {
                    cell.counts.occurrences as f64 * 10_000.0 / size as f64
                };
                let mut row = Map::new();
                row.insert("period".into(), json!(period));
                row.insert("term".into(), json!(term));
                row.insert("form".into(), json!(form));
                row.insert("unit".into(), json!(unit));
                row.insert("occurrences".into(), json!(cell.counts.occurrences));
                row.insert("nested".into(), json!(cell.counts.nested));
                row.insert("documents".into(), json!(cell.documents));
                row.insert("period_documents".into(), json!(period_documents));
                row.insert("period_size".into(), json!(size));
                row.insert("rate".into(), json!((rate * 1000.0).round() / 1000.0));
                for (k, name) in KIND_COLUMNS.iter().enumerate() {
                    row.insert((*name).into(), json!(cell.counts.kinds[k]));
                }
                row
            })
    }

    /// The table's rows as data, exactly what [`Table::write`] writes: column name → value,
    /// sorted by period, then term (the HTML report is built from these).
    pub fn data(&self) -> Vec<Map<String, Value>> {
        self.rows().collect()
    }

    /// Each period's documents and size (in words or characters) per unit, sorted by period:
    /// `(period, unit, documents, size)`.
    pub fn periods(&self) -> Vec<(String, &'static str, u64, u64)> {
        self.sizes
            .iter()
            .map(|((period, unit), (size, docs))| (period.clone(), *unit, *docs, *size))
            .collect()
    }
}

/// The table's columns: `rate` is occurrences per 10,000 units (words or characters) of the
/// period's documents in that unit.
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

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet (needs `--output`).
    Parquet,
}

/// `columns` with `form` after `term` when `by_form`.
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

/// One document's rows of the per-document table (one per term, or term and form).
pub fn document_rows(
    id: &str,
    date: Option<&str>,
    period: &str,
    doc: &DocCounts,
    meta: &Map<String, Value>,
) -> Vec<Map<String, Value>> {
    doc.terms
        .iter()
        .map(|((term, form), c)| {
            let mut row = Map::new();
            row.insert("id".into(), json!(id));
            row.insert("date".into(), json!(date.unwrap_or("")));
            row.insert("period".into(), json!(period));
            row.insert("term".into(), json!(term));
            row.insert("form".into(), json!(form));
            row.insert("unit".into(), json!(doc.unit));
            row.insert("size".into(), json!(doc.size));
            row.insert("occurrences".into(), json!(c.occurrences));
            row.insert("nested".into(), json!(c.nested));
            for (k, name) in KIND_COLUMNS.iter().enumerate() {
                row.insert((*name).into(), json!(c.kinds[k]));
            }
            row.insert("meta".into(), Value::Object(meta.clone()));
            row
        })
        .collect()
}

/// Writes `rows` as CSV lines (no header) or JSON Lines, with `columns` in this order.
pub fn write_rows(
    out: &mut dyn Write,
    format: Format,
    columns: &[&str],
    rows: &[Map<String, Value>],
) -> io::Result<()> {
    for row in rows {
        write_row(out, format, columns, row)?;
    }
    Ok(())
}

fn write_row(
    out: &mut dyn Write,
    format: Format,
    columns: &[&str],
    row: &Map<String, Value>,
) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            // In the columns' order (a serde_json Map would sort the keys).
            let fields: Vec<String> = columns
                .iter()
                .map(|c| format!("{}:{}", Value::from(*c), row[*c]))
                .collect();
            writeln!(out, "{{{}}}", fields.join(","))
        }
        Format::Csv | Format::Parquet => {
            let fields: Vec<String> = columns
                .iter()
                .map(|c| match &row[*c] {
                    Value::String(s) => csv_field(s),
                    Value::Object(m) if m.is_empty() => String::new(),
                    v => csv_field(&v.to_string()),
                })
                .collect();
            writeln!(out, "{}", fields.join(","))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(unit: &'static str, size: u64, terms: &[(&str, u64, u64)]) -> DocCounts {
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

    #[test]
    fn table_adds_up_documents_and_rates() {
        let mut t = Table::default();
        t.add("2020", &doc("words", 1000, &[("a", 2, 0), ("b", 1, 1)]));
        t.add("2020", &doc("words", 3000, &[("a", 1, 0)]));
        t.add("2021", &doc("characters", 500, &[("a", 5, 0)]));
        let mut out = Vec::new();
        writeln!(out, "{}", TABLE_COLUMNS.join(",")).unwrap();
        write_rows(
            &mut out,
            Format::Csv,
            TABLE_COLUMNS,
            &t.rows().collect::<Vec<_>>(),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            vec![
                TABLE_COLUMNS.join(",").as_str(),
                "2020,a,words,3,0,2,2,4000,7.5,3,0,0,0",
                "2020,b,words,1,1,1,2,4000,2.5,1,0,0,0",
                "2021,a,characters,5,0,1,1,500,100.0,5,0,0,0",
            ]
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
            ("say \"x\"", "\"say \"\"x\"\"\""),
        ];
        for (input, want) in cases {
            assert_eq!(csv_field(input), want);
        }
    }

    #[test]
    fn filter_by_id_or_category() {
        let f = Filter::new(Some("two-upholds, discipline"));
        assert!(f.wants("two-upholds", "leadership"));
        assert!(f.wants("eight-point-rules", "discipline"));
        assert!(!f.wants("core", "leadership"));
        assert!(Filter::new(None).wants("anything", "x"));
    }
}
