//! `tifa.Analyzer`: the built-in dictionary (plus extra ones) compiled once, then used for any
//! number of texts — one report at a time, or many texts counted together on every core with
//! the GIL released.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use rayon::prelude::*;

use crate::convert::{serialized, to_py};
use crate::errors::{at_index, dictionary_error, from_tifa, InputError};
use crate::source::{self, Source};

/// A sensitivity from its name, as the CLI's `--sensitivity` takes it.
pub fn sensitivity(name: &str) -> PyResult<tifa::Sensitivity> {
    match name {
        "strict" => Ok(tifa::Sensitivity::Strict),
        "default" => Ok(tifa::Sensitivity::Default),
        "all" => Ok(tifa::Sensitivity::All),
        other => Err(InputError::new_err(format!(
            "sensitivity {other:?}: use \"strict\", \"default\" or \"all\""
        ))),
    }
}

fn sensitivity_name(s: tifa::Sensitivity) -> &'static str {
    match s {
        tifa::Sensitivity::Strict => "strict",
        tifa::Sensitivity::Default => "default",
        tifa::Sensitivity::All => "all",
    }
}

/// Runs `f` on a pool of `jobs` threads, or on rayon's global pool (every core) for `None`.
pub fn on_threads<T: Send>(jobs: Option<usize>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    match jobs {
        None => Ok(f()),
        Some(0) => Err(InputError::new_err("jobs: must be at least 1")),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(f))
            .map_err(|e| InputError::new_err(format!("jobs: cannot start {n} threads: {e}"))),
    }
}

/// Every item of a Python iterable as a `str`, or a `TypeError` naming the first that is not.
pub fn texts(items: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        let text: String = item.extract().map_err(|_| {
            let kind = item
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            pyo3::exceptions::PyTypeError::new_err(format!("text {i}: expected str, got {kind}"))
        })?;
        out.push(text);
    }
    Ok(out)
}

/// Finds the set phrases of Chinese Communist Party discourse in English and Chinese text.
///
/// `Analyzer()` uses the built-in dictionary; `extra_dictionary` adds dictionaries (a path,
/// TOML text, or a list of them), validated together with it as the CLI's `--dict` does.
/// `sensitivity` is how much Party context short, ambiguous forms need: "strict", "default"
/// or "all". Building one takes a moment: make one and reuse it (it is safe to share between
/// threads, and pickles by its dictionaries).
#[pyclass(frozen, module = "tifa")]
pub struct Analyzer {
    pub inner: tifa::Analyzer,
    pub sensitivity: tifa::Sensitivity,
    extra: Vec<Source>,
}

impl Analyzer {
    pub fn options(&self) -> tifa::Options {
        tifa::Options {
            sensitivity: self.sensitivity,
            ..Default::default()
        }
    }

    /// With no extra dictionary, the analyzer starts from the built-in dictionary compiled when
    /// the module was built (`build-support/builtin_compiled.rs`, as the CLI does): nothing is
    /// parsed or validated. With some, the built-in one and they are validated together.
    fn build(extra: Vec<Source>, sensitivity: tifa::Sensitivity) -> PyResult<Analyzer> {
        let inner = if extra.is_empty() {
            crate::builtin_compiled::builtin_analyzer()
                .map_err(|message| dictionary_error(message, &[]))?
        } else {
            tifa::Analyzer::new(source::dictionary(&extra)?).map_err(from_tifa)?
        };
        Ok(Analyzer {
            inner,
            sensitivity,
            extra,
        })
    }
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (extra_dictionary=None, *, sensitivity="default"))]
    fn new(
        py: Python<'_>,
        extra_dictionary: Option<&Bound<'_, PyAny>>,
        sensitivity: &str,
    ) -> PyResult<Analyzer> {
        let sensitivity = self::sensitivity(sensitivity)?;
        let extra = source::sources(extra_dictionary)?;
        py.detach(|| Analyzer::build(extra, sensitivity))
    }

    /// Rebuilds a pickled analyzer from its extra dictionaries and sensitivity.
    #[staticmethod]
    fn _from_state(
        py: Python<'_>,
        extra: Vec<(String, String)>,
        sensitivity: &str,
    ) -> PyResult<Analyzer> {
        let sensitivity = self::sensitivity(sensitivity)?;
        py.detach(|| Analyzer::build(extra, sensitivity))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let rebuild = slf.get_type().getattr("_from_state")?;
        let args = (this.extra.clone(), sensitivity_name(this.sensitivity));
        PyTuple::new(py, [rebuild, args.into_pyobject(py)?.into_any()])
    }

    /// The sensitivity this analyzer uses: "strict", "default" or "all".
    #[getter]
    fn sensitivity(&self) -> &'static str {
        sensitivity_name(self.sensitivity)
    }

    /// The number of entries in the dictionary.
    fn __len__(&self) -> usize {
        self.inner.dictionary().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "tifa.Analyzer({} entries, {} extra dictionar{}, sensitivity={:?})",
            self.inner.dictionary().len(),
            self.extra.len(),
            if self.extra.len() == 1 { "y" } else { "ies" },
            sensitivity_name(self.sensitivity)
        )
    }

    /// The report for one text: exactly what `tifa annotate --format json` prints for it, as
    /// a dict (`length`, `matches`, `terms`, `categories`, `density`, `candidates`,
    /// `not_counted`, `sensitivity`; `source` too when given). Offsets are UTF-16 code units.
    #[pyo3(signature = (text, *, source=None))]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        source: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = py
            .detach(|| self.inner.analyze_options(text, self.options()))
            .map_err(from_tifa)?;
        let mut value = serde_json::to_value(&report)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        if let (Some(source), Some(map)) = (source, value.as_object_mut()) {
            map.insert("source".into(), source.into());
        }
        to_py(py, &value)
    }

    /// The top-level matches only, as `(start, end, entry id)` tuples in text order; offsets
    /// are UTF-16 code units. The quick path for highlighting.
    fn spans<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
        let flat = py
            .detach(|| self.inner.spans_options(text, self.options()))
            .map_err(from_tifa)?;
        let entries = self.inner.dictionary().entries();
        let list = PyList::empty(py);
        for s in flat.chunks_exact(3) {
            list.append((s[0], s[1], entries[s[2] as usize].id.as_str()))?;
        }
        Ok(list)
    }

    /// How often each term occurs in each text: one dict per text, entry id → top-level
    /// occurrences (as `terms[].count` in `analyze`), in order of first appearance. The texts
    /// are analysed together on every core (or `jobs` threads) with the GIL released.
    #[pyo3(signature = (texts, *, jobs=None))]
    fn count<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        jobs: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = self::texts(texts)?;
        let options = self.options();
        let counted: Vec<Result<Vec<(String, u32)>, tifa::Error>> = py.detach(|| {
            on_threads(jobs, || {
                texts
                    .par_iter()
                    .map(|t| {
                        self.inner
                            .analyze_options(t, options)
                            .map(|r| r.terms.into_iter().map(|t| (t.id, t.count)).collect())
                    })
                    .collect()
            })
        })?;
        let list = PyList::empty(py);
        for (i, c) in counted.into_iter().enumerate() {
            let dict = PyDict::new(py);
            for (id, n) in c.map_err(|e| at_index(i, e))? {
                dict.set_item(id, n)?;
            }
            list.append(dict)?;
        }
        Ok(list)
    }

    /// Every entry of the dictionary, as dicts: what `tifa dict list --format json` lists.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialized(py, &self.inner.dictionary().entries())
    }

    /// One entry by its id (or a former id), as a dict; `KeyError` when there is none.
    fn entry<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.dictionary().get(id) {
            Some(e) => serialized(py, e),
            None => Err(PyKeyError::new_err(format!("no entry with the id {id:?}"))),
        }
    }
}
