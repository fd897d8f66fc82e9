//! Writing the corpus tables: rows as column name → value (JSON values), and CSV or JSON Lines
//! lines of them. The counting itself is the library's (`tifa::corpus`).

use std::io::{self, Write};

use serde_json::{json, Map, Value};
// The CSV rule of `tifa annotate` (RFC 4180 quoting; formula cells defused).
use tifa::corpus::{DocCounts, Row, Table, KIND_COLUMNS};
use tifa::render::csv_field;

/// A row of the period × term table as column name → value (`form` included).
pub fn row_map(r: &Row) -> Map<String, Value> {
    match serde_json::to_value(r) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The table's rows as data, exactly what is written: column name → value, sorted by period,
/// then term (the HTML report is built from these).
pub fn table_rows(table: &Table) -> Vec<Map<String, Value>> {
    table.rows().map(|r| row_map(&r)).collect()
}

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
            row.insert("unit".into(), json!(doc.unit.as_str()));
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
    use tifa::corpus::{TermCounts, Unit, TABLE_COLUMNS};

    #[test]
    fn table_rows_are_written_in_column_order() {
        let mut t = Table::default();
        let doc = |size, o| DocCounts {
            unit: Unit::Words,
            size,
            terms: [(
                ("a".to_string(), String::new()),
                TermCounts {
                    occurrences: o,
                    nested: 0,
                    kinds: [o, 0, 0, 0],
                },
            )]
            .into_iter()
            .collect(),
        };
        t.add("2020", &doc(1000, 2));
        t.add("2020", &doc(3000, 1));
        let cases = [
            (Format::Csv, "2020,a,words,3,0,2,2,4000,7.5,3,0,0,0\n"),
            (
                Format::Jsonl,
                "{\"period\":\"2020\",\"term\":\"a\",\"unit\":\"words\",\"occurrences\":3,\"nested\":0,\"documents\":2,\"period_documents\":2,\"period_size\":4000,\"rate\":7.5,\"official\":3,\"media\":0,\"mt\":0,\"spelled_out\":0}\n",
            ),
        ];
        for (format, want) in cases {
            let mut out = Vec::new();
            write_rows(&mut out, format, TABLE_COLUMNS, &table_rows(&t)).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{format:?}");
        }
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
}
