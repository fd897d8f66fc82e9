//! The exceptions: `tifa.TifaError`, and below it `DictionaryError` (an extra dictionary that
//! cannot be read or does not validate) and `InputError` (a text tifa cannot analyse). Their
//! messages are the CLI's, without its `tifa: ` prefix.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

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
    "An extra dictionary that cannot be read or does not validate; the message lists every problem, one per line, each with its file, line, entry and field."
);
create_exception!(
    tifa,
    InputError,
    TifaError,
    "A text tifa cannot analyse (over 64 MiB), an unknown sensitivity or period length, or a corpus table that cannot be merged or read."
);

/// Is this an error about a text (rather than about a dictionary)?
fn about_input(e: &tifa::Error) -> bool {
    matches!(e, tifa::Error::Input(_) | tifa::Error::TooLarge { .. })
}

/// A library error as the exception its kind calls for: `InputError` for a text,
/// `DictionaryError` for a dictionary (and anything the library may add later).
pub fn from_tifa(e: tifa::Error) -> PyErr {
    if about_input(&e) {
        InputError::new_err(e.to_string())
    } else {
        DictionaryError::new_err(e.to_string())
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
