//! The documents of a corpus, one at a time: plain files (`.txt`, `.md`, `.html`… read as
//! text), JSON Lines and CSV files with `id`, `date`, `text` (other fields kept as metadata),
//! folders (read recursively, sorted), and JSON Lines on standard input (`-`). Only one
//! document (or one line of a file) is held at a time, so memory does not grow with the corpus.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use tifa::corpus::{date_in_name, date_of_unix, DateSource};

/// One document of the corpus.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its id: the `id` field, else `file` or `file:line`.
    pub id: String,
    /// Its date as written (`2023-01-31`…), if any.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Its text.
    pub text: String,
    /// The other fields of a JSON Lines or CSV record.
    pub meta: Map<String, Value>,
}

/// A document that could not be read: where, and why. The corpus goes on without it.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// `file` or `file:line`.
    pub place: String,
    /// What was wrong.
    pub why: String,
}

const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// What kind of file a path is, by its extension.
enum FileKind {
    Text,
    JsonLines,
    Csv,
}

fn kind_of(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" => Some(FileKind::JsonLines),
        "csv" => Some(FileKind::Csv),
        e if TEXT_EXTENSIONS.contains(&e) => Some(FileKind::Text),
        _ => None,
    }
}

/// The documents of `inputs` (paths, or `-` for JSON Lines on standard input), in order.
pub struct Documents {
    /// Files still to open, in order.
    files: VecDeque<(PathBuf, bool)>,
    /// The records of the file being read.
    current: Option<Records>,
    /// Problems met, to report at the end.
    pub skipped: Vec<Skipped>,
}

enum Records {
    Lines {
        name: String,
        reader: Box<dyn BufRead + Send>,
        line: usize,
    },
    Csv {
        name: String,
        reader: CsvReader,
        header: Vec<String>,
        record: usize,
    },
}

impl Documents {
    /// Lists the files of `inputs` (folders recursively, sorted; files inside folders only
    /// with a known extension). A path that does not exist is an error.
    pub fn open(inputs: &[String]) -> Result<Documents, String> {
        let mut files = VecDeque::new();
        for input in inputs {
            if input == "-" {
                files.push_back((PathBuf::from("-"), true));
                continue;
            }
            let path = Path::new(input);
            if !path.exists() {
                return Err(format!("{input}: no such file or folder"));
            }
            collect(path, &mut files, true).map_err(|e| format!("{input}: {e}"))?;
        }
        Ok(Documents {
            files,
            current: None,
            skipped: Vec::new(),
        })
    }

    fn skip(&mut self, place: String, why: impl Into<String>) {
        self.skipped.push(Skipped {
            place,
            why: why.into(),
        });
    }

    /// The next document of a file of records, or None when the file is done.
    fn next_record(&mut self) -> Option<Document> {
        loop {
            let rec = self.current.as_mut()?;
            match rec {
                Records::Lines { name, reader, line } => {
                    let mut buf = String::new();
                    *line += 1;
                    let place = format!("{name}:{line}");
                    match reader.read_line(&mut buf) {
                        Ok(0) => {
                            self.current = None;
                            return None;
                        }
                        Ok(_) if buf.trim().is_empty() => continue,
                        // A UTF-8 byte order mark before the first record is not part of it.
                        Ok(_) => match record_from_json(buf.trim_start_matches('\u{feff}'), &place)
                        {
                            Ok(doc) => return Some(doc),
                            Err(why) => self.skip(place, why),
                        },
                        Err(e) => {
                            self.skip(place, format!("cannot read: {e}"));
                            self.current = None;
                            return None;
                        }
                    }
                }
                Records::Csv {
                    name,
                    reader,
                    header,
                    record,
                } => {
                    *record += 1;
                    let place = format!("{name}:record {record}");
                    match reader.record() {
                        Ok(None) => {
                            self.current = None;
                            return None;
                        }
                        Ok(Some(fields)) => match record_from_csv(header, fields, &place) {
                            Ok(doc) => return Some(doc),
                            Err(why) => self.skip(place, why),
                        },
                        Err(why) => {
                            self.skip(place, why);
                            self.current = None;
                            return None;
                        }
                    }
                }
            }
        }
    }
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(doc) = self.next_record() {
                return Some(doc);
            }
            let (path, stdin) = self.files.pop_front()?;
            let name = if stdin {
                "<stdin>".to_string()
            } else {
                path.display().to_string()
            };
            if stdin {
                self.current = Some(Records::Lines {
                    name,
                    reader: Box::new(BufReader::new(io::stdin())),
                    line: 0,
                });
                continue;
            }
            match kind_of(&path).unwrap_or(FileKind::Text) {
                FileKind::Text => match text_document(&path) {
                    Ok(doc) => return Some(doc),
                    Err(why) => self.skip(name, why),
                },
                FileKind::JsonLines => match File::open(&path) {
                    Ok(f) => self.current = Some(Records::Lines { name, reader: Box::new(BufReader::new(f)), line: 0 }),
                    Err(e) => self.skip(name, format!("cannot open: {e}")),
                },
                FileKind::Csv => match File::open(&path).map_err(|e| format!("cannot open: {e}")).and_then(|f| {
                    let mut reader = CsvReader::new(Box::new(BufReader::new(f)));
                    let header = reader.record()?.ok_or("the file is empty: a CSV corpus needs a header row with a `text` column")?;
                    let header: Vec<String> = header.into_iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase()).collect();
                    if !header.iter().any(|h| h == "text") {
                        return Err(format!("its header ({}) has no `text` column", header.join(",")));
                    }
                    Ok((reader, header))
                }) {
                    Ok((reader, header)) => self.current = Some(Records::Csv { name, reader, header, record: 0 }),
                    Err(why) => self.skip(name, why),
                },
            }
        }
    }
}

/// Lists `path` (a file, or a folder's files with known extensions, recursively and sorted).
fn collect(path: &Path, out: &mut VecDeque<(PathBuf, bool)>, top: bool) -> io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            collect(&p, out, false)?;
        }
    } else if top || kind_of(path).is_some() {
        out.push_back((path.to_path_buf(), false));
    }
    Ok(())
}

/// A plain file as one document, decoded as `tifa annotate` decodes files; its date from its
/// name, else its modification time.
fn text_document(path: &Path) -> Result<Document, String> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| {
            f.take(tifa::MAX_TEXT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > tifa::MAX_TEXT_BYTES {
        return Err(format!(
            "it is over {} MiB, the most tifa reads as one document",
            tifa::MAX_TEXT_BYTES >> 20
        ));
    }
    // The same decoding as `tifa annotate` (UTF-8, UTF-16 with or without a byte order mark,
    // GB18030 or Big5 when the file reads as Chinese in one of them).
    let shown = path.display().to_string();
    let text = crate::input::decode(&shown, bytes)
        .map(|d| d.text)
        .map_err(|e| {
            e.strip_prefix(&format!("{shown}: "))
                .unwrap_or(&e)
                .to_string()
        })?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (date, date_source) = match date_in_name(&file_name) {
        Some(d) => (Some(d), DateSource::FileName),
        None => match std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::SystemTime::UNIX_EPOCH).ok())
            .map(|d| date_of_unix(d.as_secs() as i64))
        {
            Some(d) => (Some(d), DateSource::Modified),
            None => (None, DateSource::None),
        },
    };
    Ok(Document {
        id: path.display().to_string(),
        date,
        date_source,
        text,
        meta: Map::new(),
    })
}

/// A JSON Lines record: an object with a string `text`; `id` and `date` (strings or numbers)
/// are used, the rest kept as metadata.
fn record_from_json(line: &str, place: &str) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(mut map) = value else {
        return Err("not a JSON object".into());
    };
    let text = match map.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err("`text` is not a string".into()),
        None => return Err("no `text` field".into()),
    };
    let field = |v: Option<Value>| match v {
        Some(Value::String(s)) if !s.is_empty() => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let id = field(map.remove("id")).unwrap_or_else(|| place.to_string());
    let date = field(map.remove("date"));
    let date_source = if date.is_some() {
        DateSource::Column
    } else {
        DateSource::None
    };
    Ok(Document {
        id,
        date,
        date_source,
        text,
        meta: map,
    })
}

/// A CSV record under `header` (lower-cased names).
fn record_from_csv(
    header: &[String],
    fields: Vec<String>,
    place: &str,
) -> Result<Document, String> {
    if fields.len() != header.len() {
        return Err(format!(
            "{} fields where the header has {}",
            fields.len(),
            header.len()
        ));
    }
    let mut text = None;
    let mut id = None;
    let mut date = None;
    let mut meta = Map::new();
    for (name, value) in header.iter().zip(fields) {
        match name.as_str() {
            "text" => text = Some(value),
            "id" if !value.is_empty() => id = Some(value),
            "date" if !value.is_empty() => date = Some(value),
            "id" | "date" => {}
            _ => {
                meta.insert(name.clone(), Value::String(value));
            }
        }
    }
    let date_source = if date.is_some() {
        DateSource::Column
    } else {
        DateSource::None
    };
    Ok(Document {
        id: id.unwrap_or_else(|| place.to_string()),
        date,
        date_source,
        text: text.unwrap_or_default(),
        meta,
    })
}

/// An RFC 4180 reader, one record at a time (quoted fields may hold commas, quotes and line
/// breaks).
pub struct CsvReader {
    reader: Box<dyn BufRead + Send>,
    /// Nothing read yet (a UTF-8 byte order mark may come first).
    at_start: bool,
}

impl CsvReader {
    /// Reads from `reader`.
    pub fn new(reader: Box<dyn BufRead + Send>) -> CsvReader {
        CsvReader {
            reader,
            at_start: true,
        }
    }

    /// The next record's fields, or None at the end.
    pub fn record(&mut self) -> Result<Option<Vec<String>>, String> {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut started = false;
        let mut line = String::new();
        loop {
            line.clear();
            let n = self
                .reader
                .read_line(&mut line)
                .map_err(|e| format!("cannot read: {e}"))?;
            if n == 0 {
                if quoted {
                    return Err("a quoted field is not closed before the end of the file".into());
                }
                if !started {
                    return Ok(None);
                }
                fields.push(std::mem::take(&mut field));
                return Ok(Some(fields));
            }
            started = true;
            if std::mem::take(&mut self.at_start) && line.starts_with('\u{feff}') {
                line.drain(..'\u{feff}'.len_utf8());
            }
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match (quoted, c) {
                    (true, '"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    (true, '"') => quoted = false,
                    (true, c) => field.push(c),
                    (false, '"') if field.is_empty() => quoted = true,
                    (false, ',') => fields.push(std::mem::take(&mut field)),
                    (false, '\r') if chars.peek() == Some(&'\n') => {}
                    (false, '\n') => {
                        fields.push(std::mem::take(&mut field));
                        return Ok(Some(fields));
                    }
                    (false, c) => field.push(c),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records() {
        let input = "id,date,text\r\n1,2020-01-01,\"a, \"\"quoted\"\"\nline\"\n2,,plain\n";
        let mut r = CsvReader::new(Box::new(io::Cursor::new(input.as_bytes().to_vec())));
        let rows: Vec<Vec<String>> = std::iter::from_fn(|| r.record().unwrap()).collect();
        assert_eq!(
            rows,
            vec![
                vec!["id".to_string(), "date".into(), "text".into()],
                vec![
                    "1".into(),
                    "2020-01-01".into(),
                    "a, \"quoted\"\nline".into()
                ],
                vec!["2".into(), "".into(), "plain".into()],
            ]
        );
    }

    #[test]
    fn csv_unclosed_quote_is_an_error() {
        let mut r = CsvReader::new(Box::new(io::Cursor::new(
            b"text\n\"never closed\n".to_vec(),
        )));
        assert!(r.record().unwrap().is_some());
        assert!(r.record().unwrap_err().contains("not closed"));
    }

    #[test]
    fn json_records() {
        let cases = [
            (
                r#"{"id": 7, "date": "2020-05-01", "text": "x", "source": "a"}"#,
                Ok(("7", Some("2020-05-01"), 1)),
            ),
            (r#"{"text": "x"}"#, Ok(("f:1", None, 0))),
            (r#"{"id": "a"}"#, Err("no `text` field")),
            (r#"[1]"#, Err("not a JSON object")),
            (r#"{"text": 3}"#, Err("`text` is not a string")),
        ];
        for (line, want) in cases {
            let got = record_from_json(line, "f:1");
            match (got, want) {
                (Ok(d), Ok((id, date, meta))) => {
                    assert_eq!(d.id, id);
                    assert_eq!(d.date.as_deref(), date);
                    assert_eq!(d.meta.len(), meta);
                }
                (Err(e), Err(w)) => assert!(e.contains(w), "{e}"),
                (got, want) => panic!("{line}: {got:?} vs {want:?}"),
            }
        }
    }
}
