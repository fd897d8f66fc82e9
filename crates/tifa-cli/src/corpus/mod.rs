//! `tifa corpus`: watchword counts over many documents — per period × term (or per document ×
//! term), with occurrences, nesting, documents, rates per 10,000 words or characters and the
//! kinds of forms used. Documents are read one batch at a time and analysed on all cores, so
//! memory stays flat however many there are; the output is the same whatever the core count.

mod input;
mod parquet;
mod report;
mod scan;
mod sink;
mod table;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, IsTerminal, Write};

use tifa::corpus::{emerging, period, DateSource, DocCounts, Filter, Table};
use tifa::{Analyzer, Sensitivity};

use input::{Document, Documents};
use scan::Scan;
use sink::Sink;
use table::document_rows;
pub use table::Format;
pub use tifa::corpus::By;

/// Documents analysed together (at most; a batch also stops at `BATCH_BYTES`).
const BATCH_DOCS: usize = 512;
/// Text analysed together, at most (bytes).
const BATCH_BYTES: usize = 32 << 20;

/// What to count and how to write it.
pub struct Options {
    /// Files, folders, or `-` (JSON Lines on standard input).
    pub inputs: Vec<String>,
    /// The length of a period.
    pub by: By,
    /// The document × term table instead of the period × term table.
    pub per_document: bool,
    /// Count each form of a term apart (a `form` column).
    pub by_form: bool,
    /// CSV, JSON Lines or Parquet.
    pub format: Format,
    /// Where to write (standard output when None, nowhere when only a report is wanted).
    pub output: Option<String>,
    /// Also write the period × term table as a self-contained HTML report to this file.
    pub report: Option<String>,
    /// Comma-separated entry ids and categories to count (all when None).
    pub terms: Option<String>,
    /// How much context gated forms need.
    pub sensitivity: Sensitivity,
    /// Threads (all cores when None).
    pub jobs: Option<usize>,
    /// List candidate phrases the dictionary lacks instead of counting terms.
    pub emerging: Option<Emerging>,
}

/// `--emerging`: what to list.
pub struct Emerging {
    /// Ordinary prose (files, folders): candidates not rarer there are dropped.
    pub reference: Vec<String>,
    /// Fewest documents a candidate must be in.
    pub min_documents: u64,
    /// How many candidates to list.
    pub top: usize,
    /// Write each candidate as a dictionary entry stub (TOML) instead of the table.
    pub stubs: bool,
}

/// Runs the corpus count with `tifa`; a summary goes to standard error. Documents that
/// cannot be read or analysed are named there and left out; the run still succeeds.
pub fn run(tifa: &Analyzer, opts: &Options) -> Result<bool, String> {
    if let Some(e) = &opts.emerging {
        return run_emerging(tifa, opts, e);
    }
    let mut scan = Scan::new(opts.jobs)?;
    let filter = Filter::new(opts.terms.as_deref());
    let mut docs = Documents::open(&opts.inputs)?;
    let columns = tifa::corpus::with_form(
        if opts.per_document {
            tifa::corpus::DOCUMENT_COLUMNS
        } else {
            tifa::corpus::TABLE_COLUMNS
        },
        opts.by_form,
    );
    let mut sink = match (&opts.output, &opts.report) {
        // `--report FILE` alone: the report is the output; nothing on standard output.
        (None, Some(_)) => Sink::discard(columns),
        _ => Sink::open(opts.output.as_deref(), opts.format, columns)?,
    };
    // Created now, so a report that cannot be written fails before the counting, not after.
    let report_file = match &opts.report {
        Some(path) => Some((
            path,
            File::create(path).map_err(|e| format!("{path}: cannot write: {e}"))?,
        )),
        None => None,
    };
    let mut table = Table::default();
    let analyse = |d: &Document| {
        tifa.analyze_with(&d.text, opts.sensitivity)
            .map(|r| DocCounts::of(&r, &filter, opts.by_form))
            .map_err(|e| e.to_string())
    };
    while let Some(done) = scan.batch(&mut docs, analyse) {
        let mut rows = Vec::new();
        for (doc, c) in &done {
            let p = period(doc.date.as_deref(), opts.by);
            if opts.per_document {
                rows.extend(document_rows(
                    &doc.id,
                    doc.date.as_deref(),
                    &p,
                    c,
                    &doc.meta,
                ));
            }
            if !opts.per_document || opts.report.is_some() {
                table.add(&p, c);
            }
        }
        sink.rows(&rows)?;
    }
    if !opts.per_document {
        sink.rows(&table::table_rows(&table))?;
    }
    sink.finish()?;
    if let Some((path, file)) = report_file {
        let by = opts.by.to_string();
        let about = report::About {
            by: &by,
            by_form: opts.by_form,
            documents: scan.count,
        };
        report::write(file, &table, tifa.dictionary(), &about)
            .map_err(|e| format!("{path}: cannot write the report: {e}"))?;
    }
    scan.finish(&docs);
    Ok(true)
}

/// The next documents to analyse together.
fn next_batch(docs: &mut Documents) -> Vec<Document> {
    let mut batch = Vec::new();
    let mut size = 0;
    while batch.len() < BATCH_DOCS && size < BATCH_BYTES {
        let Some(d) = docs.next() else { break };
        size += d.text.len();
        batch.push(d);
    }
    batch
}

fn summary(
    count: u64,
    bytes: u64,
    secs: f64,
    dated: &BTreeMap<DateSource, u64>,
    failed: &[(String, String)],
) {
    let mut err = io::stderr().lock();
    let mib = bytes as f64 / (1 << 20) as f64;
    let _ = writeln!(
        err,
        "tifa corpus: {count} documents, {mib:.1} MiB in {secs:.1} s ({:.0} documents/s, {:.1} MiB/s)",
        count as f64 / secs.max(1e-9),
        mib / secs.max(1e-9)
    );
    let names = [
        (DateSource::Column, "a date field"),
        (DateSource::FileName, "the file name"),
        (DateSource::Modified, "the file's modification time"),
        (DateSource::None, "none (period `undated`)"),
    ];
    let parts: Vec<String> = names
        .iter()
        .filter_map(|(k, name)| dated.get(k).map(|n| format!("{name} {n}")))
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(err, "tifa corpus: dates from {}", parts.join(", "));
    }
    if !failed.is_empty() {
        let _ = writeln!(err, "tifa corpus: {} left out:", failed.len());
        for (place, why) in failed.iter().take(20) {
            let _ = writeln!(err, "  {place}: {why}");
        }
        if failed.len() > 20 {
            let _ = writeln!(err, "  … and {} more", failed.len() - 20);
        }
    }
}

/// A progress line on a terminal (none when standard error is piped or a file).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new() -> Progress {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress { bar }
    }

    fn show(&self, count: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "{count} documents, {:.1} MiB",
                bytes as f64 / (1 << 20) as f64
            ));
            bar.tick();
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `tifa corpus --emerging`: candidate phrases the dictionary lacks, best first.
fn run_emerging(tifa: &Analyzer, opts: &Options, e: &Emerging) -> Result<bool, String> {
    let mut scan = Scan::new(opts.jobs)?;
    let mut docs = Documents::open(&opts.inputs)?;
    let mut counter = emerging::Counter::default();
    let grams = |d: &Document| {
        Ok((
            emerging::unknown_ngrams(tifa, &d.text),
            emerging::units(&d.text),
        ))
    };
    while let Some(done) = scan.batch(&mut docs, grams) {
        for (doc, (g, u)) in done {
            counter.add(&period(doc.date.as_deref(), opts.by), g, u);
        }
    }
    let select = emerging::Select {
        min_documents: e.min_documents,
        top: e.top,
    };
    let mut cands = counter.candidates(tifa, &select);
    // Ordinary prose: a candidate as common there is no set phrase.
    if !e.reference.is_empty() {
        let reference = Documents::open(&e.reference)?.map(|d| d.text);
        emerging::drop_ordinary(&mut cands, counter.units(), reference);
    }
    // Three places each, from a second reading of the corpus (not possible from standard input).
    if !opts.inputs.iter().any(|i| i == "-") {
        for d in Documents::open(&opts.inputs)? {
            emerging::add_examples(&mut cands, &d.text);
            if cands.iter().all(|c| c.examples.len() >= 3) {
                break;
            }
        }
    }
    if e.stubs {
        let text: Vec<String> = cands.iter().map(tifa::corpus::toml_stub).collect();
        write_text(opts.output.as_deref(), &text.join("\n"))?;
        scan.finish(&docs);
        return Ok(true);
    }
    let mut columns = vec!["phrase", "language", "documents", "occurrences", "score"];
    if !e.reference.is_empty() {
        columns.push("reference");
    }
    columns.extend(["first_period", "last_period", "by_period", "examples"]);
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = cands
        .iter()
        .map(|c| {
            let mut row = serde_json::Map::new();
            row.insert("phrase".into(), c.phrase.clone().into());
            row.insert("language".into(), c.language.into());
            row.insert("documents".into(), c.documents.into());
            row.insert("occurrences".into(), c.occurrences.into());
            row.insert("score".into(), ((c.score * 1000.0).round() / 1000.0).into());
            row.insert("reference".into(), c.reference.unwrap_or(0).into());
            row.insert(
                "first_period".into(),
                c.by_period
                    .keys()
                    .next()
                    .cloned()
                    .unwrap_or_default()
                    .into(),
            );
            row.insert(
                "last_period".into(),
                c.by_period
                    .keys()
                    .last()
                    .cloned()
                    .unwrap_or_default()
                    .into(),
            );
            row.insert(
                "by_period".into(),
                serde_json::to_string(&c.by_period)
                    .unwrap_or_default()
                    .into(),
            );
            row.insert(
                "examples".into(),
                serde_json::to_string(&c.examples)
                    .unwrap_or_default()
                    .into(),
            );
            row
        })
        .collect();
    let mut sink = Sink::open(opts.output.as_deref(), opts.format, columns)?;
    sink.rows(&rows)?;
    sink.finish()?;
    scan.finish(&docs);
    if counter.pruned {
        eprintln!("tifa corpus: over {} distinct phrases: those seen in one document were dropped while counting", 2_000_000);
    }
    Ok(true)
}

/// Writes `text` to `path`, or to standard output when None.
fn write_text(path: Option<&str>, text: &str) -> Result<(), String> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| format!("{p}: cannot write: {e}")),
        None => io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write the output: {e}")),
    }
}
