//! The one error type of tifa's core.

use std::fmt;

/// Where a problem sits in a dictionary file: file name, 1-based line and column, entry id and
/// field. Shown as `file:line: term "id": field `name`:` (the column is data only, for tools
/// that point at it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// File name as given to the loader (e.g. `terms.toml`).
    pub file: String,
    /// 1-based line number, when known.
    pub line: Option<usize>,
    /// 1-based column, in characters (Unicode scalar values, as Python counts them) from the
    /// start of the line, when known: where the value, table or syntax error starts.
    pub column: Option<usize>,
    /// The entry's id, when known.
    pub entry: Option<String>,
    /// The field, when known (e.g. `forms[2].text`).
    pub field: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ":")?;
        if let Some(entry) = &self.entry {
            write!(f, " term \"{entry}\":")?;
        }
        if let Some(field) = &self.field {
            write!(f, " field `{field}`:")?;
        }
        Ok(())
    }
}

/// What kind of rule a dictionary [`Problem`] breaks. More kinds may be told apart later, so
/// a `match` needs a wildcard arm; [`ProblemKind::Invalid`] covers every rule not named here.
///
/// ```
/// use tifa::{Error, ProblemKind};
/// let toml = r#"
/// [[term]]
/// id = "two-upholds"
/// zh = "两个维护"
/// pinyin = "liǎng gè wéihù"
/// en = "Two Upholds"
/// gloss = "Uphold the core, uphold the centre."
/// explanation = "A pledge of loyalty."
/// category = "ideology"
/// since = 2016
/// related = ["two-establishments"]
/// sources = ["A speech, 2016-10-27"]
/// "#;
/// let Err(Error::Dictionary(problems)) = tifa::Dictionary::from_toml("mine.toml", toml) else {
///     panic!("it should not validate");
/// };
/// assert_eq!(problems.len(), 1);
/// let p = &problems[0];
/// assert_eq!(p.kind, ProblemKind::Related);
/// assert_eq!((p.at.line, p.at.column, p.at.field.as_deref()), (Some(11), Some(12), Some("related")));
/// assert_eq!(
///     p.to_string(),
///     r#"mine.toml:11: term "two-upholds": field `related`: "two-establishments" is not the id of any entry"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// Not valid TOML, or a value of the wrong type.
    Syntax,
    /// An id (or a former id in `aliases`) that another entry already uses.
    DuplicateId,
    /// A `related` link that cannot stand: to no entry, to a former id, to the entry itself,
    /// or one way where links must go both ways.
    Related,
    /// A form that another entry already uses (and neither is marked `shared`), or that repeats
    /// a form of the same entry.
    FormClash,
    /// A text field holding markup (`<` or `>`), a bidirectional control or a control
    /// character: fields are plain text.
    Markup,
    /// Any other rule: a missing or empty field, an unknown category, an implausible year, a
    /// template that does not expand, a limit exceeded…
    Invalid,
}

impl ProblemKind {
    /// The kind's name in snake case: `syntax`, `duplicate_id`, `related`, `form_clash`,
    /// `markup` or `invalid` (what the Python binding's `DictionaryError.problems` give).
    ///
    /// ```
    /// assert_eq!(tifa::ProblemKind::FormClash.name(), "form_clash");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Syntax => "syntax",
            ProblemKind::DuplicateId => "duplicate_id",
            ProblemKind::Related => "related",
            ProblemKind::FormClash => "form_clash",
            ProblemKind::Markup => "markup",
            ProblemKind::Invalid => "invalid",
        }
    }
}

/// One problem found in a dictionary: where, of what kind, and the message (which does not
/// repeat the location). Displayed as the location then the message, as the CLI prints it:
/// `file:line: term "id": field `name`: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// Where.
    pub at: Location,
    /// Which kind of rule it breaks.
    pub kind: ProblemKind,
    /// What is wrong (for [`ProblemKind::Syntax`], what the TOML parser said).
    pub message: String,
}

impl Problem {
    /// A problem at `at`.
    pub fn new(at: Location, kind: ProblemKind, message: impl Into<String>) -> Problem {
        Problem {
            at,
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.at, self.message)
    }
}

/// An error from loading a dictionary or analysing a text.
///
/// Every message names the problem and where it is. A dictionary that does not load gives
/// [`Error::Dictionary`] with every problem the validator found, one per line:
///
/// ```
/// let err = tifa::Dictionary::from_toml("bad.toml", "[[term]]\nid = 3\n").unwrap_err();
/// assert!(err.to_string().starts_with("bad.toml:2:"), "{err}");
/// let problem = &err.problems()[0];
/// assert_eq!((problem.at.line, problem.kind), (Some(2), tifa::ProblemKind::Syntax));
/// ```
///
/// A text over the size tifa analyses at once is [`Error::TooLarge`], with both sizes:
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let big = "x".repeat(tifa::MAX_TEXT_BYTES + 1);
/// match tifa.spans(&big) {
///     Err(tifa::Error::TooLarge { len, max }) => assert!(len > max),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary that does not load: every problem found (at least one), in the order of
    /// the files and, within a file, mostly of its lines (checks across entries come last).
    Dictionary(Vec<Problem>),
    /// A text larger than tifa analyses at once ([`crate::MAX_TEXT_BYTES`]).
    TooLarge {
        /// The text's size in bytes (UTF-8).
        len: usize,
        /// The most tifa analyses at once, in bytes.
        max: usize,
    },
    /// An input the caller handed over cannot be used (a damaged compiled dictionary…).
    Input(String),
}

impl Error {
    /// The dictionary problems this error holds: those of [`Error::Dictionary`], none for the
    /// other kinds.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Dictionary(problems) => problems,
            _ => &[],
        }
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Error {
        Error::Dictionary(vec![problem])
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Dictionary(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
            Error::TooLarge { len, max } => {
                // Tenths of a MiB in integers: formatting a float would put about 14 KB of
                // float printing code into the wasm module for this one message.
                let tenths = (*len as u64 * 10 + (1 << 19)) >> 20;
                write!(
                    f,
                    "the text is {}.{} MiB; tifa analyses at most {} MiB at a time (split it into parts)",
                    tenths / 10,
                    tenths % 10,
                    max >> 20
                )
            }
            Error::Input(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}
