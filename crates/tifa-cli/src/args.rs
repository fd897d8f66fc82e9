//! The command line's arguments (clap): the subcommands and their options, and their
//! conversions into the library's types. Each subcommand runs in its own module.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Finds the set phrases of Chinese Communist Party discourse in texts and explains them.
#[derive(Parser)]
#[command(name = "tifa", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
pub(crate) struct CorpusArgs {
    /// Files and folders: .txt/.md/.html (one document each; dated by a date in the file name,
    /// else its modification time), .jsonl and .csv (one document per record, with `text` and
    /// optional `id` and `date`; other fields kept as metadata); `-` reads JSON Lines from
    /// standard input.
    #[arg(required = true)]
    pub(crate) inputs: Vec<String>,
    /// Period length.
    #[arg(long, value_enum, default_value_t = ByArg::Year)]
    pub(crate) by: ByArg,
    /// One row per document × term instead of per period × term.
    #[arg(long)]
    pub(crate) per_document: bool,
    /// Count each form of a term apart, in a `form` column ("self-reform" and
    /// "self-revolution" are forms of one entry).
    #[arg(long)]
    pub(crate) by_form: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::corpus::Format::Csv)]
    pub(crate) format: crate::corpus::Format,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<String>,
    /// Also write an HTML report to FILE (self-contained, works offline): trends per term,
    /// rising and falling terms, categories by period, the full table. Without --output, the
    /// table is then not printed.
    #[arg(long, value_name = "FILE")]
    pub(crate) report: Option<String>,
    /// Count only these entry ids and categories (comma-separated).
    #[arg(long, value_name = "LIST")]
    pub(crate) terms: Option<String>,
    /// How much Party context short, ambiguous forms need (as for `annotate`).
    #[arg(long, value_enum, default_value_t = SensitivityArg::Default)]
    pub(crate) sensitivity: SensitivityArg,
    /// Extra dictionary file(s).
    #[arg(long = "dict", value_name = "FILE")]
    pub(crate) dicts: Vec<String>,
    /// Threads to use (default: all cores).
    #[arg(long, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// List candidate set phrases the dictionary lacks (Chinese runs of 4-12 characters,
    /// English runs of 2-6 words) that recur and rise in the last period, instead of counting
    /// terms: phrase, documents, occurrences, score (G² of the last period against the earlier
    /// ones), documents per period and three examples.
    #[arg(long)]
    pub(crate) emerging: bool,
    /// With --emerging: ordinary prose (files or folders); candidates as common there are dropped.
    #[arg(long, value_name = "PATH")]
    pub(crate) reference: Vec<String>,
    /// With --emerging: fewest documents a candidate must be in.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub(crate) min_documents: u64,
    /// With --emerging: how many candidates to list.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub(crate) top: usize,
    /// With --emerging: write each candidate as a dictionary entry stub (TOML, the format of
    /// src/dictionary/FORMAT.md) to fill in, instead of the table.
    #[arg(long, requires = "emerging")]
    pub(crate) stubs: bool,
}

/// `--by`: the length of a period (`tifa::corpus::By`).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum ByArg {
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
pub(crate) struct Annotate {
    /// Input files (UTF-8 text); `-` or none reads standard input.
    pub(crate) files: Vec<String>,
    /// Output format: json (one object per input, one per line), text, html or csv.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub(crate) format: Format,
    /// Extra dictionary file(s), validated together with the built-in dictionary.
    #[arg(long = "dict", value_name = "FILE")]
    pub(crate) dicts: Vec<String>,
    /// How much Party context short, ambiguous forms need: strict (quoted, title case, or an
    /// unambiguous term nearby), default (quoted, title case, or other Party terms in the
    /// sentence or the document) or all (every form counts).
    #[arg(long, value_enum, default_value_t = SensitivityArg::Default)]
    pub(crate) sensitivity: SensitivityArg,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum SensitivityArg {
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
pub(crate) enum DictCommand {
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
    /// five files in DIR: `tifa.match.bin` (the base part: categories, years, the shape of the
    /// forms), `tifa.match.en.bin` and `tifa.match.zh.bin` (the English and the Chinese names,
    /// forms and ids: the browser engine starts from the base part and the ones its text needs),
    /// `tifa.match.mt.bin` (the late part: the English machine-translation forms and the forms
    /// that lengthen a shorter one of their entry, which the embed loads after its first
    /// highlight) and `tifa.cards.bin` (explanations, sources and the rest of each card).
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

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
    Html,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Text,
    Json,
}

impl CorpusArgs {
    /// The options of `tifa corpus` (`corpus::run`).
    pub(crate) fn options(self) -> crate::corpus::Options {
        crate::corpus::Options {
            inputs: self.inputs,
            by: self.by.into(),
            per_document: self.per_document,
            by_form: self.by_form,
            format: self.format,
            output: self.output,
            report: self.report,
            terms: self.terms,
            sensitivity: self.sensitivity.into(),
            jobs: self.jobs,
            emerging: self.emerging.then_some(crate::corpus::Emerging {
                reference: self.reference,
                min_documents: self.min_documents,
                top: self.top,
                stubs: self.stubs,
            }),
        }
    }
}
