//! `tifa.CorpusTable`: the per-period × term table of `tifa corpus` ([`tifa::corpus::Table`]),
//! filled from dated documents in batches on every core with the GIL released. Tables counted
//! apart (one per Spark partition, per worker, per file) merge into the table of all their
//! documents, and travel as bytes or pickles.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyMapping, PyTuple};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tifa::corpus::{period, with_form, By, DocCounts, Filter, Table, TABLE_COLUMNS};

use crate::analyzer::{on_threads, Analyzer};
use crate::convert::to_py;
use crate::errors::InputError;

/// Documents analysed together (as `tifa corpus` batches them).
const BATCH: usize = 512;

/// What `to_bytes` writes: the settings, so a table only merges with one counted alike.
#[derive(Serialize, Deserialize)]
struct Saved {
    format: String,
    version: u32,
    by: String,
    terms: Option<String>,
    by_form: bool,
    documents: u64,
    table: Table,
}

const FORMAT: &str = "tifa.CorpusTable";

/// The per-period × term table of `tifa corpus`, from dated documents.
///
/// `by` is the period length ("day", "month", "year" or "all"); `terms` restricts the count
/// to entry ids and categories (comma-separated, as `--terms`); `by_form` counts each form of
/// a term apart (a `form` column, as `--by-form`). `add` documents, `merge` tables of other
/// documents, and `rows()` gives exactly the rows `tifa corpus` writes for the same documents.
#[pyclass(module = "tifa")]
pub struct CorpusTable {
    by: By,
    terms: Option<String>,
    filter: Filter,
    by_form: bool,
    documents: u64,
    table: Table,
}

/// A document's date as `tifa corpus` reads a `date` field: a string (empty: none), a number,
/// or a `datetime.date`/`datetime` (its ISO form).
fn date_of(value: &Bound<'_, PyAny>, at: usize) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(s) = value.extract::<String>() {
        return Ok((!s.is_empty()).then_some(s));
    }
    if value.hasattr("isoformat")? {
        return Ok(Some(value.call_method0("isoformat")?.extract()?));
    }
    if let Ok(n) = value.extract::<i64>() {
        return Ok(Some(n.to_string()));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "document {at}: `date` should be a str, a number, a date or None; got {}",
        value.get_type().name()?
    )))
}

/// One document as (date, text): a `(date, text)` pair, or a mapping with `text` and an
/// optional `date`.
fn document(item: &Bound<'_, PyAny>, at: usize) -> PyResult<(Option<String>, String)> {
    let (date, text) = if let Ok(map) = item.cast::<PyMapping>() {
        let text = map.get_item("text").map_err(|_| {
            pyo3::exceptions::PyKeyError::new_err(format!("document {at}: no `text`"))
        })?;
        let date = if map.contains("date")? {
            Some(map.get_item("date")?)
        } else {
            None
        };
        (date, text)
    } else if item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>() {
        let pair: Vec<Bound<'_, PyAny>> = item.try_iter()?.collect::<PyResult<_>>()?;
        let Ok([date, text]) = <[_; 2]>::try_from(pair) else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "document {at}: expected (date, text), got {} items",
                item.len()?
            )));
        };
        (Some(date), text)
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "document {at}: expected a (date, text) pair or a dict with `text` and `date`; got {}",
            item.get_type().name()?
        )));
    };
    let text: String = text.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!("document {at}: `text` is not a str"))
    })?;
    let date = match date {
        Some(d) => date_of(&d, at)?,
        None => None,
    };
    Ok((date, text))
}

impl CorpusTable {
    fn settings(&self) -> (By, &Option<String>, bool) {
        (self.by, &self.terms, self.by_form)
    }

    fn columns_list(&self) -> Vec<&'static str> {
        with_form(TABLE_COLUMNS, self.by_form)
    }

    /// Counts one batch into the table: (position, message) for each document left out.
    fn add_batch(
        &mut self,
        analyzer: &Analyzer,
        batch: &[(usize, Option<String>, String)],
        jobs: Option<usize>,
    ) -> PyResult<Vec<(usize, String)>> {
        let options = analyzer.options();
        let (filter, by_form) = (&self.filter, self.by_form);
        let counted: Vec<Result<DocCounts, tifa::Error>> = on_threads(jobs, || {
            batch
                .par_iter()
                .map(|(_, _, text)| {
                    analyzer
                        .inner
                        .analyze_options(text, options)
                        .map(|r| DocCounts::of(&r, filter, by_form))
                })
                .collect()
        })?;
        let mut left_out = Vec::new();
        for ((at, date, _), c) in batch.iter().zip(counted) {
            match c {
                Ok(c) => {
                    self.table.add(&period(date.as_deref(), self.by), &c);
                    self.documents += 1;
                }
                Err(e) => left_out.push((*at, e.to_string())),
            }
        }
        Ok(left_out)
    }
}

#[pymethods]
impl CorpusTable {
    #[new]
    #[pyo3(signature = (by="year", terms=None, by_form=false))]
    fn new(by: &str, terms: Option<String>, by_form: bool) -> PyResult<CorpusTable> {
        let by: By = by.parse().map_err(InputError::new_err)?;
        Ok(CorpusTable {
            by,
            filter: Filter::new(terms.as_deref()),
            terms,
            by_form,
            documents: 0,
            table: Table::default(),
        })
    }

    /// Counts `documents` with `analyzer`: an iterable of `(date, text)` pairs or of dicts with
    /// `text` and an optional `date` (a str such as "2023-01-31", a number, a `datetime.date`,
    /// or None: the period "undated"). They are analysed in batches of 512 on every core (or
    /// `jobs` threads) with the GIL released. A document tifa cannot analyse (larger than
    /// 64 MiB) is left out, as `tifa corpus` leaves it out: the result lists those as
    /// `(position, message)`, and is empty when every document was counted.
    #[pyo3(signature = (analyzer, documents, *, jobs=None))]
    fn add(
        &mut self,
        py: Python<'_>,
        analyzer: &Bound<'_, Analyzer>,
        documents: &Bound<'_, PyAny>,
        jobs: Option<usize>,
    ) -> PyResult<Vec<(usize, String)>> {
        let analyzer = analyzer.get();
        let mut left_out = Vec::new();
        let mut batch: Vec<(usize, Option<String>, String)> = Vec::with_capacity(BATCH);
        for (at, item) in documents.try_iter()?.enumerate() {
            let (date, text) = document(&item?, at)?;
            batch.push((at, date, text));
            if batch.len() == BATCH {
                left_out.extend(py.detach(|| self.add_batch(analyzer, &batch, jobs))?);
                batch.clear();
            }
        }
        if !batch.is_empty() {
            left_out.extend(py.detach(|| self.add_batch(analyzer, &batch, jobs))?);
        }
        Ok(left_out)
    }

    /// Adds the counts of `other` (a table of other documents, counted with the same `by`,
    /// `terms` and `by_form`); `other` is unchanged.
    fn merge(&mut self, other: PyRef<'_, CorpusTable>) -> PyResult<()> {
        if self.settings() != other.settings() {
            return Err(InputError::new_err(format!(
                "cannot merge tables counted differently: by={}, terms={:?}, by_form={} here; by={}, terms={:?}, by_form={} in the other",
                self.by, self.terms, self.by_form, other.by, other.terms, other.by_form
            )));
        }
        self.table.merge(other.table.clone());
        self.documents += other.documents;
        Ok(())
    }

    /// The documents counted.
    #[getter]
    fn documents(&self) -> u64 {
        self.documents
    }

    /// The period length: "day", "month", "year" or "all".
    #[getter]
    fn by(&self) -> &'static str {
        self.by.as_str()
    }

    /// The column names of `rows()`, in order: those of `tifa corpus` (with `form` when
    /// counting by form).
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        self.columns_list()
    }

    /// The table: one dict per period × term (× form) × unit, sorted by period, then term,
    /// with exactly the columns and values `tifa corpus` writes for the same documents.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let columns = self.columns_list();
        let list = PyList::empty(py);
        for row in self.table.rows() {
            let value = serde_json::to_value(&row)
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
            let dict = PyDict::new(py);
            for c in &columns {
                dict.set_item(*c, to_py(py, &value[*c])?)?;
            }
            list.append(dict)?;
        }
        Ok(list)
    }

    /// Each period's documents and size per unit: `(period, unit, documents, size)`, sorted.
    fn periods(&self) -> Vec<(String, &'static str, u64, u64)> {
        self.table.periods()
    }

    /// The number of rows.
    fn __len__(&self) -> usize {
        self.table.rows().count()
    }

    fn __repr__(&self) -> String {
        format!(
            "tifa.CorpusTable(by={:?}, terms={:?}, by_form={}: {} documents)",
            self.by.as_str(),
            self.terms,
            if self.by_form { "True" } else { "False" },
            self.documents
        )
    }

    /// The table and its settings as bytes (JSON), for `from_bytes` in another process.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let saved = Saved {
            format: FORMAT.into(),
            version: 1,
            by: self.by.as_str().into(),
            terms: self.terms.clone(),
            by_form: self.by_form,
            documents: self.documents,
            table: self.table.clone(),
        };
        let bytes = serde_json::to_vec(&saved)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// A table from `to_bytes`.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<CorpusTable> {
        let saved: Saved = serde_json::from_slice(data)
            .map_err(|e| InputError::new_err(format!("not a saved tifa.CorpusTable: {e}")))?;
        if saved.format != FORMAT || saved.version != 1 {
            return Err(InputError::new_err(format!(
                "not a saved tifa.CorpusTable of version 1 (format {:?}, version {})",
                saved.format, saved.version
            )));
        }
        let mut table = CorpusTable::new(&saved.by, saved.terms, saved.by_form)?;
        table.documents = saved.documents;
        table.table = saved.table;
        Ok(table)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let rebuild = slf.get_type().getattr("from_bytes")?;
        let bytes = slf.borrow().to_bytes(py)?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [bytes])?.into_any()])
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<CorpusTable>().is_ok_and(|o| {
            let o = o.borrow();
            self.settings() == o.settings()
                && self.documents == o.documents
                && self.table == o.table
        })
    }
}
