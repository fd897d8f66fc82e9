//! tifa for Python: the native module `tifa._tifa`, re-exported by the package `tifa`
//! (`python/tifa/__init__.py`), which adds the pure-Python helpers.
//!
//! - [`analyzer`]: `Analyzer` — one text's report (the CLI's JSON contract), spans, batched
//!   counts on all cores, the dictionary's entries;
//! - [`table`]: `CorpusTable` — `tifa::corpus::Table` (the `tifa corpus` table) built from
//!   dated documents, merged across workers and pickled;
//! - [`errors`]: the exceptions, with the CLI's messages (and a `DictionaryError`'s problems
//!   as data);
//! - [`convert`]: JSON values as Python objects;
//! - [`source`]: reading extra dictionaries from files or TOML text;
//! - `builtin_compiled`: the built-in dictionary compiled by `build.rs`, which `Analyzer()`
//!   starts from (shared with the CLI: `build-support/`).

use pyo3::prelude::*;

mod analyzer;
#[path = "../../../build-support/builtin_compiled.rs"]
mod builtin_compiled;
mod convert;
mod errors;
mod source;
mod table;

/// The native part of the `tifa` package (import `tifa`, not this module).
#[pymodule]
fn _tifa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<analyzer::Analyzer>()?;
    m.add_class::<table::CorpusTable>()?;
    m.add("TifaError", py.get_type::<errors::TifaError>())?;
    m.add("DictionaryError", py.get_type::<errors::DictionaryError>())?;
    m.add("InputError", py.get_type::<errors::InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_TEXT_BYTES", tifa::MAX_TEXT_BYTES)?;
    Ok(())
}
