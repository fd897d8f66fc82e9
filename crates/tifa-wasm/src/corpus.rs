//! The corpus counts for the page's Corpus view (the `tifa_full` module only, feature `corpus`):
//! `tifa::corpus` behind JavaScript names. Each worker keeps a [`CorpusCount`], adds its
//! documents and hands back its part as JSON; the page merges the parts and takes the rows,
//! the CSV and JSON Lines (written as `tifa corpus` writes them) and the emerging phrases.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tifa::corpus::emerging::{self, Candidate, Counter, Select};
use tifa::corpus::{period, By, DocCounts, Filter, Table, TABLE_COLUMNS};
use tifa::render::csv_field;
use tifa::Sensitivity;
use wasm_bindgen::prelude::*;

use crate::{js_error, to_js, type_error, Tifa};

/// A worker's part of a corpus count, or (merged) the whole of it.
#[wasm_bindgen]
pub struct CorpusCount {
    by: By,
    filter: Filter,
    sensitivity: Sensitivity,
    table: Table,
    /// The n-gram counts of `--emerging`, when asked for.
    emerging: Option<Counter>,
    documents: u64,
}

/// What travels between workers: the table and the document count (the n-grams travel apart,
/// `emergingJson`, since only the worker that picks the candidates needs them).
#[derive(Serialize, Deserialize)]
struct Part {
    table: Table,
    documents: u64,
}

#[wasm_bindgen]
impl CorpusCount {
    /// A new, empty count: `by` is `day`, `month`, `year` or `all`; `terms` the comma-separated
    /// entry ids and categories to count (empty: all); `sensitivity` as in `analyze`;
    /// `emerging` also counts the n-grams the dictionary does not know. A bad `by` or
    /// `sensitivity` throws a `TypeError` naming it.
    #[wasm_bindgen(constructor)]
    pub fn new(
        by: &str,
        terms: &str,
        sensitivity: &str,
        emerging: bool,
    ) -> Result<CorpusCount, JsValue> {
        let by: By = by.parse().map_err(|e: String| type_error(&e))?;
        let sensitivity = Sensitivity::parse(sensitivity).ok_or_else(|| {
            type_error(&format!(
                "tifa: sensitivity must be \"strict\", \"default\" or \"all\", not {sensitivity:?}"
            ))
        })?;
        Ok(CorpusCount {
            by,
            filter: Filter::new(Some(terms)),
            sensitivity,
            table: Table::default(),
            emerging: emerging.then(Counter::default),
            documents: 0,
        })
    }

    /// Counts one document dated `date` (as written: `2023-01-31`, `2023-01`, `2023`…; none:
    /// `undated`) with `tifa`, and returns its period. A text over the size limit throws.
    pub fn add(
        &mut self,
        tifa: &Tifa,
        text: &str,
        date: Option<String>,
    ) -> Result<String, JsError> {
        let report = tifa
            .inner
            .analyze_with(text, self.sensitivity)
            .map_err(js_error)?;
        let p = period(date.as_deref(), self.by);
        self.table
            .add(&p, &DocCounts::of(&report, &self.filter, false));
        if let Some(counter) = &mut self.emerging {
            let grams = emerging::unknown_ngrams(&tifa.inner, text);
            counter.add(&p, grams, emerging::units(text));
        }
        self.documents += 1;
        Ok(p)
    }

    /// This part's table as JSON, for [`merge`](CorpusCount::merge) in another thread.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsError> {
        let part = Part {
            table: self.table.clone(),
            documents: self.documents,
        };
        serde_json::to_string(&part).map_err(|e| JsError::new(&format!("tifa: {e}")))
    }

    /// Adds a part's table (from `toJson`) to this count. JSON that is not a part throws,
    /// saying where.
    pub fn merge(&mut self, json: &str) -> Result<(), JsError> {
        let part: Part = serde_json::from_str(json)
            .map_err(|e| JsError::new(&format!("tifa: not a corpus count part: {e}")))?;
        self.table.merge(part.table);
        self.documents += part.documents;
        Ok(())
    }

    /// This part's n-gram counts as JSON (`null` when counted without them), for
    /// [`mergeEmerging`](CorpusCount::merge_emerging).
    #[wasm_bindgen(js_name = emergingJson)]
    pub fn emerging_json(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.emerging).map_err(|e| JsError::new(&format!("tifa: {e}")))
    }

    /// Adds a part's n-gram counts (from `emergingJson`) to this count's.
    #[wasm_bindgen(js_name = mergeEmerging)]
    pub fn merge_emerging(&mut self, json: &str) -> Result<(), JsError> {
        let theirs: Option<Counter> = serde_json::from_str(json)
            .map_err(|e| JsError::new(&format!("tifa: not n-gram counts: {e}")))?;
        match (&mut self.emerging, theirs) {
            (Some(mine), Some(theirs)) => mine.merge(theirs),
            (None, Some(theirs)) => self.emerging = Some(theirs),
            _ => {}
        }
        Ok(())
    }

    /// Documents counted.
    #[wasm_bindgen(getter)]
    pub fn documents(&self) -> f64 {
        self.documents as f64
    }

    /// The table's columns, in order (`TABLE_COLUMNS`).
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn columns() -> Result<JsValue, JsError> {
        to_js(TABLE_COLUMNS)
    }

    /// The period × term rows, sorted by period, then term (as `tifa corpus` writes them).
    #[wasm_bindgen(unchecked_return_type = "object[]")]
    pub fn rows(&self) -> Result<JsValue, JsError> {
        to_js(&self.table.rows().collect::<Vec<_>>())
    }

    /// Each period's documents and size per unit: `[{ period, unit, documents, size }]`.
    #[wasm_bindgen(
        unchecked_return_type = "{ period: string; unit: string; documents: number; size: number }[]"
    )]
    pub fn periods(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct P {
            period: String,
            unit: &'static str,
            documents: u64,
            size: u64,
        }
        let list: Vec<P> = self
            .table
            .periods()
            .into_iter()
            .map(|(period, unit, documents, size)| P {
                period,
                unit,
                documents,
                size,
            })
            .collect();
        to_js(&list)
    }

    /// The table as the CSV of `tifa corpus --format csv`, header included.
    pub fn csv(&self) -> String {
        let mut out = TABLE_COLUMNS.join(",");
        out.push('\n');
        for row in self.row_maps() {
            let fields: Vec<String> = TABLE_COLUMNS
                .iter()
                .map(|c| match &row[*c] {
                    Value::String(s) => csv_field(s),
                    v => csv_field(&v.to_string()),
                })
                .collect();
            out.push_str(&fields.join(","));
            out.push('\n');
        }
        out
    }

    /// The table as the JSON Lines of `tifa corpus --format jsonl` (keys in column order).
    pub fn jsonl(&self) -> String {
        let mut out = String::new();
        for row in self.row_maps() {
            let fields: Vec<String> = TABLE_COLUMNS
                .iter()
                .map(|c| format!("{}:{}", Value::from(*c), row[*c]))
                .collect();
            out.push('{');
            out.push_str(&fields.join(","));
            out.push_str("}\n");
        }
        out
    }

    /// The emerging phrases (as `tifa corpus --emerging`, without examples: see
    /// `emergingExamples`), best first; `[]` when the count was made without them.
    #[wasm_bindgen(unchecked_return_type = "object[]")]
    pub fn candidates(
        &self,
        tifa: &Tifa,
        min_documents: u32,
        top: u32,
    ) -> Result<JsValue, JsError> {
        let Some(counter) = &self.emerging else {
            return to_js(&Vec::<Candidate>::new());
        };
        let select = Select {
            min_documents: u64::from(min_documents),
            top: top as usize,
        };
        to_js(&counter.candidates(&tifa.inner, &select))
    }

    fn row_maps(&self) -> impl Iterator<Item = Map<String, Value>> + '_ {
        self.table.rows().map(|r| match serde_json::to_value(r) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        })
    }
}

/// The date in a file name (`report-2023-01-31.txt` → `2023-01-31`; also `2023-01`, `2023`),
/// or `undefined`: the rule of `tifa corpus`.
#[wasm_bindgen(js_name = corpusDateInName)]
pub fn corpus_date_in_name(name: &str) -> Option<String> {
    tifa::corpus::date_in_name(name)
}

/// A candidate as JavaScript gives it back (from `candidates`, with its examples).
#[derive(Deserialize)]
struct CandidateArg {
    phrase: String,
    language: String,
    #[serde(default)]
    documents: u64,
    #[serde(default)]
    occurrences: u64,
    #[serde(default)]
    score: f64,
    #[serde(default)]
    by_period: BTreeMap<String, u64>,
    #[serde(default)]
    examples: Vec<String>,
}

impl CandidateArg {
    fn candidate(self) -> Candidate {
        Candidate {
            phrase: self.phrase,
            language: if self.language == "zh" { "zh" } else { "en" },
            documents: self.documents,
            occurrences: self.occurrences,
            score: self.score,
            by_period: self.by_period,
            reference: None,
            examples: self.examples,
        }
    }
}

fn candidates_arg(value: JsValue) -> Result<Vec<Candidate>, JsValue> {
    let list: Vec<CandidateArg> = serde_wasm_bindgen::from_value(value).map_err(|e| {
        type_error(&format!(
            "tifa: expected candidates [{{ phrase, language, … }}]: {e}"
        ))
    })?;
    Ok(list.into_iter().map(CandidateArg::candidate).collect())
}

/// The places (up to three each, with some text around) where each candidate occurs in
/// `text`: one array of strings per candidate, in order.
#[wasm_bindgen(js_name = emergingExamples, unchecked_return_type = "string[][]")]
pub fn emerging_examples(
    #[wasm_bindgen(unchecked_param_type = "{ phrase: string; language: string }[]")]
    candidates: JsValue,
    text: &str,
) -> Result<JsValue, JsValue> {
    let mut list = candidates_arg(candidates)?;
    emerging::add_examples(&mut list, text);
    let examples: Vec<&Vec<String>> = list.iter().map(|c| &c.examples).collect();
    to_js(&examples).map_err(Into::into)
}

/// A candidate (from `candidates`, with its examples) as a dictionary entry stub in the TOML
/// format of the dictionary (`tifa::corpus::toml_stub`, as `tifa corpus --emerging --stubs`).
#[wasm_bindgen(js_name = emergingStub)]
pub fn emerging_stub(
    #[wasm_bindgen(unchecked_param_type = "object")] candidate: JsValue,
) -> Result<String, JsValue> {
    let arg: CandidateArg = serde_wasm_bindgen::from_value(candidate).map_err(|e| {
        type_error(&format!(
            "tifa: expected a candidate {{ phrase, language, … }}: {e}"
        ))
    })?;
    Ok(tifa::corpus::toml_stub(&arg.candidate()))
}
