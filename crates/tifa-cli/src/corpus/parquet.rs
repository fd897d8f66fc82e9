//! Parquet output of `tifa corpus` (`--format parquet`), so pandas, polars, DuckDB and R read
//! the tables directly: text columns as UTF-8 strings, counts as 64-bit integers, rates as
//! doubles; one row group per batch of rows, so per-document output stays within memory.

use std::io::Write;
use std::sync::Arc;

use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::{Map, Value};

/// The Parquet type of a column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Text,
    Count,
    Rate,
}

fn column_type(name: &str) -> Column {
    match name {
        "period" | "term" | "form" | "unit" | "id" | "date" | "meta" | "phrase" | "language"
        | "first_period" | "last_period" | "by_period" | "examples" => Column::Text,
        "rate" | "score" => Column::Rate,
        _ => Column::Count,
    }
}

/// A Parquet file being written, row group by row group.
pub struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<&'static str>,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a file with `columns` (names as in the CSV output).
    pub fn new(out: W, columns: &[&'static str]) -> Result<Self, String> {
        let fields: Vec<String> = columns
            .iter()
            .map(|c| match column_type(c) {
                Column::Text => format!("REQUIRED BYTE_ARRAY {c} (UTF8);"),
                Column::Count => format!("REQUIRED INT64 {c};"),
                Column::Rate => format!("REQUIRED DOUBLE {c};"),
            })
            .collect();
        let schema = parse_message_type(&format!("message tifa_corpus {{ {} }}", fields.join(" ")))
            .map_err(|e| format!("Parquet schema: {e}"))?;
        let props = Arc::new(
            WriterProperties::builder()
                .set_created_by("tifa corpus".into())
                .build(),
        );
        let writer = SerializedFileWriter::new(out, Arc::new(schema), props)
            .map_err(|e| format!("Parquet: {e}"))?;
        Ok(ParquetSink {
            writer,
            columns: columns.to_vec(),
        })
    }

    /// Writes `rows` (column name → value, as for CSV) as one row group.
    pub fn write_rows(&mut self, rows: &[Map<String, Value>]) -> Result<(), String> {
        if rows.is_empty() {
            return Ok(());
        }
        let err = |e: parquet::errors::ParquetError| format!("cannot write Parquet: {e}");
        let mut group = self.writer.next_row_group().map_err(err)?;
        let mut i = 0;
        while let Some(mut column) = group.next_column().map_err(err)? {
            let name = self.columns[i];
            i += 1;
            match column_type(name) {
                Column::Text => {
                    let values: Vec<ByteArray> = rows
                        .iter()
                        .map(|r| ByteArray::from(text(&r[name]).as_str()))
                        .collect();
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, None, None)
                        .map_err(err)?;
                }
                Column::Count => {
                    let values: Vec<i64> =
                        rows.iter().map(|r| r[name].as_i64().unwrap_or(0)).collect();
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, None, None)
                        .map_err(err)?;
                }
                Column::Rate => {
                    let values: Vec<f64> = rows
                        .iter()
                        .map(|r| r[name].as_f64().unwrap_or(0.0))
                        .collect();
                    column
                        .typed::<DoubleType>()
                        .write_batch(&values, None, None)
                        .map_err(err)?;
                }
            }
            column.close().map_err(err)?;
        }
        group.close().map_err(err)?;
        Ok(())
    }

    /// Writes the footer; the file is complete.
    pub fn finish(self) -> Result<(), String> {
        self.writer
            .close()
            .map(|_| ())
            .map_err(|e| format!("cannot write Parquet: {e}"))
    }
}

/// A string column's value: strings as they are, objects (metadata) as JSON ('' when empty).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(m) if m.is_empty() => String::new(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use serde_json::json;

    #[test]
    fn rows_round_trip() {
        let rows: Vec<Map<String, Value>> = (0..3)
            .map(|i| {
                let v = json!({"period": format!("202{i}"), "term": "two-upholds", "occurrences": i * 2, "rate": 1.5 * i as f64});
                v.as_object().unwrap().clone()
            })
            .collect();
        let path =
            std::env::temp_dir().join(format!("tifa-parquet-{}.parquet", std::process::id()));
        let mut sink = ParquetSink::new(
            std::fs::File::create(&path).unwrap(),
            &["period", "term", "occurrences", "rate"],
        )
        .unwrap();
        sink.write_rows(&rows[..2]).unwrap();
        sink.write_rows(&rows[2..]).unwrap();
        sink.finish().unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().num_row_groups(), 2);
        let got: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert_eq!(
            got,
            vec![
                "{period: \"2020\", term: \"two-upholds\", occurrences: 0, rate: 0E0}",
                "{period: \"2021\", term: \"two-upholds\", occurrences: 2, rate: 1.5}",
                "{period: \"2022\", term: \"two-upholds\", occurrences: 4, rate: 3.0}",
            ]
        );
    }
}
