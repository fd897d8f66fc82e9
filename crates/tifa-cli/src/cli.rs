//! The `tifa` command line: annotate files, list and check dictionaries.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tifa::{render, Analyzer, Dictionary};

use crate::{input, json};

/// Finds the set phrases of Chinese Communist Party discourse in texts and explains them.
#[derive(Parser)]
#[command(name = "tifa", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find terms in files (or standard input) and print a report.
    Annotate(Annotate),
    /// Dictionary tools.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Count terms over a corpus: per period × term (or per document), as CSV or JSON Lines.
    Corpus(CorpusArgs),
}

/// `tifa corpus` (see `corpus/`).
#[derive(Args)]
struct CorpusArgs {
    /// Files and folders: .txt/.md/.html (one document each; dated by a date in the file name,
    /// else its modification time), .jsonl and .csv (one document per record, with `text` and
    /// optional `id` and `date`; other fields kept as metadata); `-` reads JSON Lines from
    /// standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Period length.
    #[arg(long, value_enum, default_value_t = ByArg::Year)]
    by: ByArg,
    /// One row per document × term instead of per period × term.
    #[arg(long)]
    per_document: bool,
    /// Count each form of a term apart, in a `form` column ("self-reform" and
    /// "self-revolution" are forms of one entry).
    #[arg(long)]
    by_form: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::corpus::Format::Csv)]
    format: crate::corpus::Format,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<String>,
    /// Also write an HTML report to FILE (self-contained, works offline): trends per term,
    /// rising and falling terms, categories by period, the full table. Without --output, the
    /// table is then not printed.
    #[arg(long, value_name = "FILE")]
    report: Option<String>,
    /// Count only these entry ids and categories (comma-separated).
    #[arg(long, value_name = "LIST")]
    terms: Option<String>,
    /// How much Party context short, ambiguous forms need (as for `annotate`).
    #[arg(long, value_enum, default_value_t = SensitivityArg::Default)]
    sensitivity: SensitivityArg,
    /// Extra dictionary file(s).
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<String>,
    /// Threads to use (default: all cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// List candidate set phrases the dictionary lacks (Chinese runs of 4-12 characters,
    /// English runs of 2-6 words) that recur and rise in the last period, instead of counting
    /// terms: phrase, documents, occurrences, score (G² of the last period against the earlier
    /// ones), documents per period and three examples.
    #[arg(long)]
    emerging: bool,
    /// With --emerging: ordinary prose (files or folders); candidates as common there are dropped.
    #[arg(long, value_name = "PATH")]
    reference: Vec<String>,
    /// With --emerging: fewest documents a candidate must be in.
    #[arg(long, value_name = "N", default_value_t = 3)]
    min_documents: u64,
    /// With --emerging: how many candidates to list.
    #[arg(long, value_name = "N", default_value_t = 50)]
    top: usize,
    /// With --emerging: write each candidate as a dictionary entry stub (TOML, the format of
    /// src/dictionary/FORMAT.md) to fill in, instead of the table.
    #[arg(long, requires = "emerging")]
    stubs: bool,
}

fn corpus(a: CorpusArgs) -> Result<bool, String> {
    let tifa = load_analyzer(&a.dicts)?;
    crate::corpus::run(
        &tifa,
        &crate::corpus::Options {
            inputs: a.inputs,
            by: a.by.into(),
            per_document: a.per_document,
            by_form: a.by_form,
            format: a.format,
            output: a.output,
            report: a.report,
            terms: a.terms,
            sensitivity: a.sensitivity.into(),
            jobs: a.jobs,
            emerging: a.emerging.then(|| crate::corpus::Emerging {
                reference: a.reference.clone(),
                min_documents: a.min_documents,
                top: a.top,
                stubs: a.stubs,
            }),
        },
    )
}

/// `--by`: the length of a period (`tifa::corpus::By`).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum ByArg {
    /// `2023-01-31`
    Day,
    /// `2023-01`
    Month,
    /// `2023`
    Year,
    /// One period, `all`, for the whole corpus.
    All,
}

impl From<ByArg> for tifa::corpus::By {
    fn from(b: ByArg) -> Self {
        match b {
            ByArg::Day => tifa::corpus::By::Day,
            ByArg::Month => tifa::corpus::By::Month,
            ByArg::Year => tifa::corpus::By::Year,
            ByArg::All => tifa::corpus::By::All,
        }
    }
}

#[derive(Args)]
struct Annotate {
    /// Input files (UTF-8 text); `-` or none reads standard input.
    files: Vec<String>,
    /// Output format: json (one object per input, one per line), text, html or csv.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Extra dictionary file(s), validated together with the built-in dictionary.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<String>,
    /// How much Party context short, ambiguous forms need: strict (quoted, title case, or an
    /// unambiguous term nearby), default (quoted, title case, or other Party terms in the
    /// sentence or the document) or all (every form counts).
    #[arg(long, value_enum, default_value_t = SensitivityArg::Default)]
    sensitivity: SensitivityArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum SensitivityArg {
    Strict,
    Default,
    All,
}

impl From<SensitivityArg> for tifa::Sensitivity {
    fn from(s: SensitivityArg) -> Self {
        match s {
            SensitivityArg::Strict => tifa::Sensitivity::Strict,
            SensitivityArg::Default => tifa::Sensitivity::Default,
            SensitivityArg::All => tifa::Sensitivity::All,
        }
    }
}

#[derive(Subcommand)]
enum DictCommand {
    /// Validate dictionary files (together, as one dictionary) and report every problem.
    Check {
        /// TOML dictionary files.
        #[arg(required = true)]
        files: Vec<String>,
        /// Validate them together with the built-in dictionary (as `--dict` does).
        #[arg(long)]
        with_builtin: bool,
        /// Apply the built-in dictionary's own rules (two sources per entry) to these files.
        #[arg(long)]
        builtin_rules: bool,
    },
    /// List the entries of the built-in dictionary (plus any --dict files).
    List {
        /// Output format: text (one line per entry) or json (`{"entries": [...]}`).
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Extra dictionary file(s).
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<String>,
        /// Text format: also list each entry's forms (a template once, with its expansions).
        #[arg(long)]
        forms: bool,
    },
    /// Write the dictionary (built-in plus any --dict files) in its compiled binary form, as
    /// two files in DIR: `tifa.match.bin` (what matching needs; the browser engine starts from
    /// it) and `tifa.cards.bin` (explanations, sources and the rest of each card).
    Compile {
        /// The folder to write into (created if missing).
        dir: String,
        /// Extra dictionary file(s).
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<String>,
    },
    /// Count every form's occurrences in a corpus of ordinary prose (files or folders of
    /// .txt): the evidence for `needs_context`. Prints one JSON object per form that occurs
    /// or is gated: {"id", "form", "template"?, "needs_context", "context_reason"?, "hits"}.
    Evidence {
        /// Text files or folders (read recursively, *.txt).
        #[arg(required = true)]
        paths: Vec<String>,
        /// Extra dictionary file(s).
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<String>,
    },
}

/// Every *.txt file under `path` (or `path` itself), sorted.
fn text_files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() || p.extension().is_some_and(|x| x == "txt") {
                text_files(&p, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn evidence(paths: &[String], dicts: &[String]) -> Result<bool, String> {
    let tifa = load_analyzer(dicts)?;
    let mut files = Vec::new();
    for p in paths {
        text_files(std::path::Path::new(p), &mut files)?;
    }
    let entries = tifa.dictionary().entries();
    let mut hits: Vec<Vec<u32>> = entries.iter().map(|e| vec![0; e.forms.len()]).collect();
    for f in &files {
        let text = input::read(&f.to_string_lossy())?;
        // Large files are read in parts of about 1 MiB, cut at line ends.
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(1 << 20);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            if let Some(nl) = rest[cut..].find('\n') {
                cut += nl + 1;
            } else {
                cut = rest.len();
            }
            for (e, fi, n) in tifa.form_hits(&rest[..cut]).map_err(|e| e.to_string())? {
                hits[e][fi] += n;
            }
            rest = &rest[cut..];
        }
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (e, entry) in entries.iter().enumerate() {
        for (fi, form) in entry.forms.iter().enumerate() {
            let n = hits[e][fi];
            if n == 0 && !form.needs_context {
                continue;
            }
            let value = serde_json::json!({
                "id": entry.id, "file": entry.file, "form": form.text, "template": form.template,
                "needs_context": form.needs_context, "context_reason": form.context_reason, "hits": n,
            });
            writeln!(out, "{value}").map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(true)
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

/// The analyzer over the built-in dictionary and `dicts`: with no dictionary files, from the
/// compiled built-in dictionary (`build-support/builtin_compiled.rs`: nothing parsed or
/// validated at start, the same entries and matches as from its TOML); with some, built-in and
/// files parsed and validated together.
fn load_analyzer(dicts: &[String]) -> Result<Analyzer, String> {
    if dicts.is_empty() {
        return crate::builtin_compiled::builtin_analyzer();
    }
    Analyzer::new(load_dictionary(dicts)?).map_err(|e| e.to_string())
}

fn load_dictionary(dicts: &[String]) -> Result<Dictionary, String> {
    if dicts.is_empty() {
        return Dictionary::builtin()
            .cloned()
            .map_err(|e| format!("built-in dictionary: {e}"));
    }
    let mut texts = Vec::new();
    for d in dicts {
        texts.push((d.clone(), input::read(d)?));
    }
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Dictionary::builtin_with(&files).map_err(|e| e.to_string())
}

/// Standard output, checked to be open. A program started with its standard output closed
/// (`tifa annotate x >&-`) gets `/dev/null` there from the Rust runtime, opened for reading
/// and writing, so its report would vanish and it would exit 0 (issue 14, item 6). A shell's
/// `> /dev/null` opens it for writing only, which stays allowed.
fn stdout() -> Result<io::BufWriter<io::StdoutLock<'static>>, String> {
    if stdout_was_closed() {
        return Err(
            "cannot write to standard output: it was closed when tifa started, so the report would be lost"
                .into(),
        );
    }
    Ok(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
}

/// Linux: is standard output the `/dev/null` the runtime puts in place of a closed one?
fn stdout_was_closed() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok());
    // O_ACCMODE is 3; O_RDWR is 2.
    target == std::path::Path::new("/dev/null") && flags.is_some_and(|f| f & 3 == 2)
}

/// The message for output that could not be written, naming the input it was for.
fn write_failed(e: io::Error, source: &str) -> String {
    format!("cannot write to standard output: {e}; stopped at {source}")
}

fn annotate(args: Annotate) -> Result<bool, String> {
    // Before any work: output that cannot be written stops the run at once.
    let mut out = stdout()?;
    let tifa = load_analyzer(&args.dicts)?;
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    let mut ok = true;
    let mut html = String::new();
    if matches!(args.format, Format::Csv) {
        out.write_all(render::CSV_HEADER.as_bytes())
            .map_err(|e| write_failed(e, "the CSV header"))?;
    }
    let options = tifa::Options {
        sensitivity: args.sensitivity.into(),
        ..Default::default()
    };
    for name in &files {
        let source = input::shown(name);
        let text = match input::read_text(name) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("tifa: {message}");
                ok = false;
                continue;
            }
        };
        let report = match tifa.analyze_lazy(&text, options) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("tifa: {source}: {e}");
                ok = false;
                continue;
            }
        };
        // Each report is written as it is made (the matches one at a time), and a write that
        // fails (a closed pipe, a full disk) stops the run at once.
        let written = match args.format {
            Format::Json => json::write_report(&mut out, source, &report),
            Format::Text => (|| {
                if files.len() > 1 {
                    writeln!(out, "══ {source} ══")?;
                }
                let parts = render::TextParts {
                    terms: &report.terms,
                    candidates: &report.candidates,
                };
                render::write_text(&mut out, &text, report.matches(), parts, tifa.dictionary())?;
                if files.len() > 1 {
                    writeln!(out)?;
                }
                Ok(())
            })(),
            Format::Csv => report
                .matches()
                .try_for_each(|m| out.write_all(render::csv_row(source, &m).as_bytes())),
            Format::Html => {
                let report = report.into_report();
                html.push_str(&render::html_section(
                    source,
                    &text,
                    &report,
                    tifa.dictionary(),
                ));
                Ok(())
            }
        };
        written.map_err(|e| write_failed(e, source))?;
    }
    if matches!(args.format, Format::Html) && !html.is_empty() {
        out.write_all(render::html_document(&html).as_bytes())
            .map_err(|e| write_failed(e, "the HTML document"))?;
    }
    out.flush().map_err(|e| write_failed(e, "the end"))?;
    Ok(ok)
}

fn dict(cmd: DictCommand) -> Result<bool, String> {
    match cmd {
        DictCommand::Check {
            files,
            with_builtin,
            builtin_rules,
        } => {
            let mut texts = Vec::new();
            for f in &files {
                texts.push((f.clone(), input::read(f)?));
            }
            let refs: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            let result = if with_builtin {
                Dictionary::builtin_with(&refs)
            } else if builtin_rules {
                Dictionary::from_files_builtin_rules(&refs)
            } else {
                Dictionary::from_files(&refs)
            };
            match result {
                Ok(d) => {
                    let forms: usize = d.entries().iter().map(|e| e.forms.len()).sum();
                    // A closed or full standard output is an error to report, not a panic.
                    writeln!(
                        io::stdout(),
                        "ok: {} entries, {} forms in {} file(s)",
                        d.len(),
                        forms,
                        files.len()
                    )
                    .map_err(|e| format!("cannot write to standard output: {e}"))?;
                    Ok(true)
                }
                Err(e) => {
                    // A dictionary's problems, one per line (any other error is one problem).
                    let problems = e.problems();
                    let mut err_out = io::stderr().lock();
                    if problems.is_empty() {
                        let _ = writeln!(err_out, "{e}");
                    }
                    for p in problems {
                        let _ = writeln!(err_out, "{p}");
                    }
                    let _ = writeln!(err_out, "tifa: {} problem(s) found", problems.len().max(1));
                    Ok(false)
                }
            }
        }
        DictCommand::Evidence { paths, dicts } => evidence(&paths, &dicts),
        DictCommand::Compile { dir, dicts } => {
            let dict = load_dictionary(&dicts)?;
            let (matching, cards) = tifa::compiled::write(&dict);
            let dir = std::path::Path::new(&dir);
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for (name, bytes) in [("tifa.match.bin", &matching), ("tifa.cards.bin", &cards)] {
                let path = dir.join(name);
                std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            writeln!(
                io::stdout(),
                "wrote {} entries: {} ({} bytes), {} ({} bytes)",
                dict.len(),
                dir.join("tifa.match.bin").display(),
                matching.len(),
                dir.join("tifa.cards.bin").display(),
                cards.len()
            )
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
            Ok(true)
        }
        DictCommand::List {
            format,
            dicts,
            forms,
        } => {
            let dict = load_dictionary(&dicts)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            match format {
                ListFormat::Json => {
                    let value = serde_json::json!({ "entries": dict.entries() });
                    serde_json::to_writer(&mut out, &value).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(|e| e.to_string())?;
                }
                ListFormat::Text => {
                    for e in dict.entries() {
                        writeln!(
                            out,
                            "{}\t{}\t{}\t{}\t{}",
                            e.id, e.zh, e.pinyin, e.en, e.category
                        )
                        .map_err(|e| e.to_string())?;
                        if forms {
                            write_forms(&mut out, e).map_err(|e| e.to_string())?;
                        }
                    }
                }
            }
            Ok(true)
        }
    }
}

/// The forms of one entry, indented; a template once, followed by its expansions.
fn write_forms(out: &mut impl Write, e: &tifa::Entry) -> io::Result<()> {
    let mut i = 0;
    while i < e.forms.len() {
        let f = &e.forms[i];
        let gated = if f.needs_context {
            " (needs context)"
        } else {
            ""
        };
        match &f.template {
            Some(t) => {
                let n = e.forms[i..]
                    .iter()
                    .take_while(|g| g.template.as_ref() == Some(t))
                    .count();
                let list: Vec<&str> = e.forms[i..i + n].iter().map(|g| g.text.as_str()).collect();
                writeln!(
                    out,
                    "    {} template {t:?}{gated} → {n} forms: {}",
                    f.kind.as_str(),
                    list.join("; ")
                )?;
                i += n;
            }
            None => {
                writeln!(out, "    {} {:?}{gated}", f.kind.as_str(), f.text)?;
                i += 1;
            }
        }
    }
    Ok(())
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // A command that reports on standard output finds a closed one an error before any work
    // (`tifa corpus` writing to files does not use it).
    let uses_stdout =
        !matches!(&cli.command, Command::Corpus(c) if c.output.is_some() || c.report.is_some());
    if uses_stdout && stdout_was_closed() {
        eprintln!("tifa: cannot write to standard output: it was closed when tifa started, so the output would be lost");
        return ExitCode::from(1);
    }
    let result = match cli.command {
        Command::Annotate(a) => annotate(a),
        Command::Dict(d) => dict(d),
        Command::Corpus(c) => corpus(c),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("tifa: {message}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled built-in dictionary the CLI starts from is the TOML one: the same entries,
    /// card fields included, and the same report, byte for byte, on the samples.
    #[test]
    fn compiled_builtin_is_the_toml_dictionary() {
        let compiled = load_analyzer(&[]).unwrap();
        let toml = Analyzer::builtin().unwrap();
        assert_eq!(compiled.dictionary().entries(), toml.dictionary().entries());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/samples");
        let mut texts = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let (a, b) = (
                compiled.analyze(&text).unwrap(),
                toml.analyze(&text).unwrap(),
            );
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&b).unwrap(),
                "{}",
                path.display()
            );
            texts += 1;
        }
        assert!(texts >= 4, "only {texts} samples");
    }
}
