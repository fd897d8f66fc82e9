//! Where an extra dictionary comes from: a file (a path, `str` or `os.PathLike`) or TOML text
//! held in a `str`, one or a list of them. Files are read as the CLI reads `--dict` files, with
//! its messages.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::errors::unreadable;

/// One extra dictionary: the name its messages use, and its TOML text.
pub type Source = (String, String);

/// The extra dictionaries `arg` names (none for `None`).
///
/// A `str` is TOML text when it holds a newline or `=` and names no file; otherwise it is a
/// path, as is any `os.PathLike`. Several may come in a list or tuple.
pub fn sources(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Source>> {
    let Some(arg) = arg else {
        return Ok(Vec::new());
    };
    if arg.is_none() {
        return Ok(Vec::new());
    }
    let items: Vec<Bound<'_, PyAny>> =
        if arg.is_instance_of::<PyList>() || arg.is_instance_of::<PyTuple>() {
            arg.try_iter()?.collect::<PyResult<_>>()?
        } else {
            vec![arg.clone()]
        };
    let several = items.len() > 1;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(one(item, if several { Some(i) } else { None })?);
    }
    Ok(out)
}

fn one(item: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Source> {
    if item.is_instance_of::<PyString>() {
        let s: String = item.extract()?;
        let is_file = std::path::Path::new(&s).is_file();
        if !is_file && (s.contains('\n') || s.contains('=')) {
            let name = match index {
                Some(i) => format!("<extra_dictionary[{i}]>"),
                None => "<extra_dictionary>".to_string(),
            };
            return Ok((name, s));
        }
        return read(&s);
    }
    if item.hasattr("__fspath__")? {
        let path: String = item.call_method0("__fspath__")?.extract()?;
        return read(&path);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "extra_dictionary: expected a path or TOML text (str or os.PathLike), or a list of them; got {}",
        item.get_type().name()?
    )))
}

/// A dictionary file's text, with the CLI's messages for a file that cannot be read (a
/// `DictionaryError` whose one problem is of the kind `read`).
pub fn read(path: &str) -> PyResult<Source> {
    let bytes =
        std::fs::read(path).map_err(|e| unreadable(path, None, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        unreadable(
            path,
            Some(line),
            format!(
                "not valid UTF-8 (line {line}, byte {at}); convert it to UTF-8 first, e.g. with iconv"
            ),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok((path.to_string(), text))
}

/// The built-in dictionary and the extra ones, validated together (with none, the analyzer
/// starts from the compiled built-in dictionary instead: `Analyzer::build`).
pub fn dictionary(extra: &[Source]) -> PyResult<tifa::Dictionary> {
    let files: Vec<(&str, &str)> = extra
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    tifa::Dictionary::builtin_with(&files).map_err(crate::errors::from_tifa)
}
