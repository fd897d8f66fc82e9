//! Where an extra dictionary comes from: a file (a path, `str` or `os.PathLike`) or TOML text
//! held in a `str`, one or a list of them. Files are read as the CLI reads `--dict` files (in
//! the same encodings), with its messages.

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

/// A dictionary file's text, read as the CLI reads `--dict` files (UTF-8, UTF-16, or GB18030 or
/// Big5 for Chinese: `tifa::text::decode`), with its messages for a file that cannot be read or
/// decoded (a `DictionaryError` whose one problem is of the kind `read`).
pub fn read(path: &str) -> PyResult<Source> {
    let bytes =
        std::fs::read(path).map_err(|e| unreadable(path, None, format!("cannot read: {e}")))?;
    let known = crate::builtin_compiled::known_han();
    let decoded = tifa::text::decode::decode(bytes, &|c| known.contains(&c))
        .map_err(|e| unreadable(path, e.line, e.message))?;
    Ok((path.to_string(), decoded.text))
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
