//! Where the rows of `tifa corpus` go: CSV or JSON Lines to a file or standard output, or a
//! Parquet file.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use serde_json::{Map, Value};

use super::parquet::ParquetSink;
use super::table::{write_rows, Format};

/// An open output with its columns.
pub enum Sink {
    /// CSV (header written before the first rows) or JSON Lines.
    Lines {
        out: Box<dyn Write>,
        format: Format,
        columns: Vec<&'static str>,
        header: bool,
    },
    /// A Parquet file.
    Parquet(Box<ParquetSink<BufWriter<File>>>),
}

impl Sink {
    /// Opens `path` (standard output when None) for rows with `columns`.
    pub fn open(
        path: Option<&str>,
        format: Format,
        columns: Vec<&'static str>,
    ) -> Result<Sink, String> {
        let create = |p: &str| {
            File::create(p)
                .map(BufWriter::new)
                .map_err(|e| format!("{p}: cannot write: {e}"))
        };
        Ok(match (format, path) {
            (Format::Parquet, Some(p)) => {
                Sink::Parquet(Box::new(ParquetSink::new(create(p)?, &columns)?))
            }
            (Format::Parquet, None) => {
                return Err(
                    "Parquet is a binary format: give the file to write with --output FILE".into(),
                )
            }
            (_, Some(p)) => Sink::Lines {
                out: Box::new(create(p)?),
                format,
                columns,
                header: false,
            },
            (_, None) => Sink::Lines {
                out: Box::new(BufWriter::new(io::stdout().lock())),
                format,
                columns,
                header: false,
            },
        })
    }

    /// An output that keeps nothing (when the HTML report is the only output wanted).
    pub fn discard(columns: Vec<&'static str>) -> Sink {
        Sink::Lines {
            out: Box::new(io::sink()),
            format: Format::Jsonl,
            columns,
            header: true,
        }
    }

    /// Writes `rows` (a Parquet row group when there are any).
    pub fn rows(&mut self, rows: &[Map<String, Value>]) -> Result<(), String> {
        let written = |e: io::Error| format!("cannot write the output: {e}");
        match self {
            Sink::Lines {
                out,
                format,
                columns,
                header,
            } => {
                if !*header && *format == Format::Csv {
                    writeln!(out, "{}", columns.join(",")).map_err(written)?;
                }
                *header = true;
                write_rows(out, *format, columns, rows).map_err(written)
            }
            Sink::Parquet(p) => p.write_rows(rows),
        }
    }

    /// Completes the output (a CSV header even when there are no rows; Parquet's footer).
    pub fn finish(mut self) -> Result<(), String> {
        self.rows(&[])?;
        match self {
            Sink::Lines { mut out, .. } => out
                .flush()
                .map_err(|e| format!("cannot write the output: {e}")),
            Sink::Parquet(p) => p.finish(),
        }
    }
}
