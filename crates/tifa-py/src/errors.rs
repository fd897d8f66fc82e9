//! The exceptions: `tifa.TifaError`, and below it `DictionaryError` (an extra dictionary that
//! cannot be read or does not validate) and `InputError` (a text tifa cannot analyse). Their
//! messages are the CLI's, without its `tifa: ` prefix. A `DictionaryError` also carries its
//! problems as data (`problems`: a list of dicts, [`Listed`]).

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

create_exception!(
    tifa,
    TifaError,
    PyException,
    "Every error tifa raises (the CLI's message, without its `tifa: ` prefix)."
);
create_exception!(
    tifa,
    DictionaryError,
    TifaError,
    "An extra dictionary that cannot be read or does not validate. The message lists every problem, one per line, each with its file, line, entry and field, as the CLI prints them; `problems` holds the same problems as dicts with the keys kind, file, line, column, entry, field and message."
);
create_exception!(
    tifa,
    InputError,
    TifaError,
    "A text tifa cannot analyse (over 64 MiB), an unknown sensitivity or period length, or a corpus table that cannot be merged or read."
);

/// One problem of a `DictionaryError`, as a dict of `err.problems`: its kind (a
/// [`tifa::ProblemKind::name`], or `read` for a file that cannot be read or decoded,
/// which the binding reads before the library sees it), where it is (`None` where unknown)
/// and the message without the location.
pub struct Listed {
    pub kind: &'static str,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub entry: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl Listed {
    fn of(p: &tifa::Problem) -> Listed {
        Listed {
            kind: p.kind.name(),
            file: p.at.file.clone(),
            line: p.at.line,
            column: p.at.column,
            entry: p.at.entry.clone(),
            field: p.at.field.clone(),
            message: p.message.clone(),
        }
    }

    /// A file that cannot be read (`file: message`, as the CLI says it).
    fn read(file: &str, line: Option<usize>, message: String) -> Listed {
        Listed {
            kind: "read",
            file: file.to_string(),
            line,
            column: None,
            entry: None,
            field: None,
            message,
        }
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind)?;
        d.set_item("file", &self.file)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("entry", self.entry.as_deref())?;
        d.set_item("field", self.field.as_deref())?;
        d.set_item("message", &self.message)?;
        Ok(d)
    }
}

/// A `DictionaryError` with `message` (the CLI's) and `problems` (as dicts, in the attribute
/// `problems`). Takes the GIL for the attribute, so it may be called with it released.
pub fn dictionary_error(message: String, problems: &[Listed]) -> PyErr {
    Python::attach(|py| {
        let err = DictionaryError::new_err(message);
        let listed = problems
            .iter()
            .map(|p| p.to_dict(py))
            .collect::<PyResult<Vec<_>>>()
            .and_then(|dicts| PyList::new(py, dicts))
            .and_then(|list| err.value(py).setattr("problems", list));
        match listed {
            Ok(()) => err,
            Err(e) => e,
        }
    })
}

/// A file that cannot be read, as a `DictionaryError` with its one problem of the kind `read`.
pub fn unreadable(file: &str, line: Option<usize>, message: String) -> PyErr {
    let problem = Listed::read(file, line, message);
    dictionary_error(format!("{file}: {}", problem.message), &[problem])
}

/// Is this an error about a text (rather than about a dictionary)?
fn about_input(e: &tifa::Error) -> bool {
    matches!(e, tifa::Error::Input(_) | tifa::Error::TooLarge { .. })
}

/// A library error as the exception its kind calls for: `InputError` for a text,
/// `DictionaryError` for a dictionary (and anything the library may add later), with the
/// dictionary's problems (none for an error that is not about a dictionary's content).
pub fn from_tifa(e: tifa::Error) -> PyErr {
    if about_input(&e) {
        InputError::new_err(e.to_string())
    } else {
        let problems: Vec<Listed> = e.problems().iter().map(Listed::of).collect();
        dictionary_error(e.to_string(), &problems)
    }
}

/// An error about one text of many: which one, then what.
pub fn at_index(i: usize, e: tifa::Error) -> PyErr {
    if about_input(&e) {
        InputError::new_err(format!("text {i}: {e}"))
    } else {
        from_tifa(e)
    }
}
