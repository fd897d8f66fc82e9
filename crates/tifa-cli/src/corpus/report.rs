//! `tifa corpus --report FILE`: one self-contained HTML file for researchers — trend lines per
//! term (uPlot, embedded), the rising and falling terms between two periods, a heat map of
//! categories by period, and the full table (sortable, downloadable as CSV).
//!
//! The report is built from the same [`Table`] as the CSV and JSON Lines output, so its numbers
//! are the table's. Everything is inline (style, script, data): the file works offline and
//! fetches nothing, and its Content-Security-Policy forbids it to. The data travel as JSON in a
//! `<script type="application/json">` element with `<`, `>`, `&`, U+2028 and U+2029 escaped, so
//! no text from a document or a dictionary can end the element; the page's script puts text in
//! the DOM with `textContent` only.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};

use serde_json::{json, Map, Value};
use tifa::{Dictionary, CATEGORIES};

use super::table::table_rows;
use tifa::corpus::{with_form, Table, TABLE_COLUMNS};

/// The page: markup and style, with `{{NAME}}` slots filled by [`render`].
const TEMPLATE: &str = include_str!("../../assets/report.html");
/// The page's start (after the charts' module, in the same module script).
const SCRIPT: &str = include_str!("../../assets/report.js");
/// The charts and tables: the same module the page's Corpus view imports.
const CHARTS_JS: &str = include_str!("../../../../www/lib/corpus-charts.js");
/// Their style sheet (the page links it).
const CHARTS_CSS: &str = include_str!("../../../../www/lib/corpus-charts.css");
/// uPlot (vendored by scripts/vendor-uplot.sh from node_modules).
const UPLOT_JS: &str = include_str!("../../assets/vendor/uPlot.iife.min.js");
/// uPlot's licence (MIT), kept with it in the report.
const UPLOT_LICENSE: &str = include_str!("../../assets/vendor/uPlot.LICENSE");
/// uPlot's style sheet.
const UPLOT_CSS: &str = include_str!("../../assets/vendor/uPlot.min.css");
/// The vocabulary, for the categories' labels.
const VOCABULARY: &str = include_str!("../../../../src/vocabulary.toml");

/// What the report is about, besides the table.
pub struct About<'a> {
    /// The period length (`year`, `month`, …).
    pub by: &'a str,
    /// Whether the table counts each form of a term apart.
    pub by_form: bool,
    /// Documents counted.
    pub documents: u64,
}

/// Writes the report of `table` to `file`; names and categories come from `dictionary`.
pub fn write(
    file: File,
    table: &Table,
    dictionary: &Dictionary,
    about: &About,
) -> std::io::Result<()> {
    let html = render(table, dictionary, about);
    let mut out = BufWriter::new(file);
    out.write_all(html.as_bytes())?;
    out.flush()
}

/// The report's HTML.
pub fn render(table: &Table, dictionary: &Dictionary, about: &About) -> String {
    let data = data(table, dictionary, about);
    fill(
        TEMPLATE,
        &[
            ("UPLOT_CSS", UPLOT_CSS),
            ("UPLOT_JS", UPLOT_JS),
            ("UPLOT_LICENSE", UPLOT_LICENSE),
            ("CHARTS_CSS", CHARTS_CSS),
            ("CHARTS_JS", CHARTS_JS),
            ("SCRIPT", SCRIPT),
            ("DATA", &script_json(&data)),
        ],
    )
}

/// All the report's data: the table's rows (as written to CSV), each period's size, the terms'
/// names and categories, and the categories' labels (the charts' module sums the categories).
fn data(table: &Table, dictionary: &Dictionary, about: &About) -> Value {
    let rows = table_rows(table);
    let terms = term_names(&rows, dictionary);
    let periods: Vec<Value> = table
        .periods()
        .into_iter()
        .map(|(period, unit, documents, size)| {
            json!({"period": period, "unit": unit, "documents": documents, "size": size})
        })
        .collect();
    json!({
        "tool": concat!("tifa ", env!("CARGO_PKG_VERSION")),
        "by": about.by,
        "by_form": about.by_form,
        "documents": about.documents,
        "columns": with_form(TABLE_COLUMNS, about.by_form),
        "rows": rows,
        "periods": periods,
        "terms": terms,
        "categories": category_labels(),
    })
}

/// Each term of the table: its English and Chinese names and its category (from the
/// dictionary; a term it does not know keeps its id as its name, category `other`).
fn term_names(rows: &[Map<String, Value>], dictionary: &Dictionary) -> Map<String, Value> {
    let mut terms = Map::new();
    for row in rows {
        let id = row["term"].as_str().unwrap_or_default();
        if terms.contains_key(id) {
            continue;
        }
        let names = match dictionary.get(id) {
            Some(e) => json!({"en": e.en, "zh": e.zh, "category": e.category}),
            None => json!({"en": id, "zh": "", "category": "other"}),
        };
        terms.insert(id.to_string(), names);
    }
    terms
}

/// The categories in the vocabulary's order, with their labels: `[{id, label}]`.
fn category_labels() -> Vec<Value> {
    let labels = vocabulary_labels();
    CATEGORIES
        .iter()
        .map(|id| json!({"id": id, "label": labels.get(*id).map_or(*id, String::as_str)}))
        .chain(std::iter::once(json!({"id": "other", "label": "Other"})))
        .collect()
}

/// Category id → label, from src/vocabulary.toml.
fn vocabulary_labels() -> BTreeMap<String, String> {
    let Ok(doc) = VOCABULARY.parse::<toml::Table>() else {
        return BTreeMap::new();
    };
    doc.get("category")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c.get("id")?.as_str()?.to_string(),
                c.get("label")?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// `value` as JSON safe inside a `<script>` element: `<`, `>` and `&` escaped (nothing can
/// close the element or open a comment), and U+2028/U+2029 too (old JavaScript parsers).
/// These characters only occur inside JSON strings, where `\uXXXX` means the same.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// `template` with each `{{NAME}}` replaced by its value from `slots`, in one pass (a value
/// that happens to contain `{{NAME}}` is not filled again); unknown slots stay as they are.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + slots.iter().map(|s| s.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let slot = after.find("}}").and_then(|end| {
            let name = &after[..end];
            slots
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, end + 2))
        });
        match slot {
            Some((value, used)) => {
                out.push_str(value);
                rest = &after[used..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let v = json!({"id": "</script><script>alert(1)</script>", "x": "a&b\u{2028}<!--"});
        let s = script_json(&v);
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        assert!(!s.contains('\u{2028}'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }

    /// A term id the dictionary does not know is shown as its name: even then, markup in it
    /// stays inside the data as text.
    #[test]
    fn a_hostile_term_id_stays_text() {
        use tifa::corpus::{DocCounts, TermCounts, Unit};
        let hostile = "</script><script>alert(1)</script><!--\u{2028}";
        let mut table = Table::default();
        let doc = DocCounts {
            unit: Unit::Words,
            size: 100,
            terms: [(
                (hostile.to_string(), String::new()),
                TermCounts {
                    occurrences: 2,
                    ..TermCounts::default()
                },
            )]
            .into_iter()
            .collect(),
        };
        table.add("2020", &doc);
        let about = About {
            by: "year",
            by_form: false,
            documents: 1,
        };
        let html = render(&table, Dictionary::builtin().unwrap(), &about);
        assert_eq!(html.matches("<script").count(), 3);
        assert_eq!(html.matches("</script").count(), 3);
        assert!(!html.contains("<!--") && !html.contains('\u{2028}'));
        let start = html.find("id=\"tifa-data\">").unwrap() + "id=\"tifa-data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let data: Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(data["terms"][hostile]["en"], hostile);
        assert_eq!(data["rows"][0]["term"], hostile);
    }

    #[test]
    fn fill_replaces_slots_once() {
        let got = fill("a {{X}} b {{Y}} c {{Z}} {{", &[("X", "{{Y}}"), ("Y", "y")]);
        assert_eq!(got, "a {{Y}} b y c {{Z}} {{");
    }

    #[test]
    fn every_category_has_a_label() {
        let labels = vocabulary_labels();
        for c in CATEGORIES {
            assert!(labels.contains_key(*c), "no label for {c}");
        }
    }

    #[test]
    fn the_embedded_assets_cannot_end_their_elements_early() {
        for (name, text) in [
            ("uPlot", UPLOT_JS),
            ("report.js", SCRIPT),
            ("corpus-charts.js", CHARTS_JS),
        ] {
            let text = text.to_ascii_lowercase();
            assert!(
                !text.contains("</script") && !text.contains("<!--"),
                "{name}"
            );
        }
        for css in [UPLOT_CSS, CHARTS_CSS] {
            assert!(!css.to_ascii_lowercase().contains("</style"));
        }
        // The licence sits in a script comment.
        assert!(!UPLOT_LICENSE.contains("*/") && !UPLOT_LICENSE.contains('<'));
    }
}
