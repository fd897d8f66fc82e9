//! The one error type of tifa's core.

use std::fmt;

/// Where a problem sits in a dictionary file: file name, 1-based line, entry id and field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// File name as given to the loader (e.g. `terms.toml`).
    pub file: String,
    /// 1-based line number, when known.
    pub line: Option<usize>,
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

/// An error from loading a dictionary or analysing a text.
///
/// Every message names the problem and where it is:
///
/// ```
/// let err = tifa::Dictionary::from_toml("bad.toml", "[[term]]\nid = 3\n").unwrap_err();
/// assert!(err.to_string().starts_with("bad.toml:2:"), "{err}");
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
    /// The dictionary is not valid TOML, or a value has the wrong type.
    Syntax {
        /// Where.
        at: Location,
        /// What the parser said.
        message: String,
    },
    /// The dictionary parses but breaks a rule (duplicate id, unknown related id, markup…).
    Invalid {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// Several validation problems at once (the validator reports all it finds).
    Many(Vec<Error>),
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
    /// Every single error inside this one (flattening [`Error::Many`]).
    pub fn all(&self) -> Vec<&Error> {
        match self {
            Error::Many(list) => list.iter().flat_map(|e| e.all()).collect(),
            other => vec![other],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { at, message } => write!(f, "{at} {message}"),
            Error::Invalid { at, message } => write!(f, "{at} {message}"),
            Error::Many(list) => {
                for (i, e) in list.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            Error::TooLarge { len, max } => write!(
                f,
                "the text is {:.1} MiB; tifa analyses at most {} MiB at a time (split it into parts)",
                *len as f64 / (1 << 20) as f64,
                max >> 20
            ),
            Error::Input(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}
