//! The JavaScript binding. It only converts types, names and errors; every rule lives in the
//! core. This is the only file that names wasm-bindgen, js-sys, web-sys or serde-wasm-bindgen.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Analyzer, Dictionary, Error, CATEGORIES};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One surface form of an entry. */
export interface Form {
  text: string;
  kind: "official" | "media" | "mt" | "spelled-out";
  since?: number;
  until?: number;
  note?: string;
  needs_context: boolean;
  shared?: boolean;
  chinese: boolean;
}
/** One glossary entry. */
export interface Entry {
  id: string;
  zh: string;
  zh_hant: string;
  pinyin: string;
  en: string;
  category: string;
  since: number;
  gloss: string;
  explanation: string;
  related: string[];
  sources: string[];
  forms: Form[];
  local?: boolean;
  file: string;
}
/** A term inside a longer match. Offsets are UTF-16 code units, end exclusive. */
export interface Nested { id: string; start: number; end: number; form: string; }
/** A term found in the text. Offsets are UTF-16 code units of the original, end exclusive. */
export interface Match {
  id: string;
  start: number;
  end: number;
  text: string;
  form: string;
  kind: "official" | "media" | "mt" | "spelled-out";
  category: string;
  context?: "quoted" | "capitalized" | "nearby";
  nested: Nested[];
  also?: string[];
}
export interface TermCount { id: string; count: number; nested: number; en: string; zh: string; category: string; }
export interface CategoryCount { category: string; count: number; }
export interface Density { unit: "words" | "characters"; size: number; matches: number; per_thousand: number; }
export interface Candidate { text: string; start: number; end: number; count: number; }
/** Everything tifa found in one text. */
export interface Report {
  length: number;
  matches: Match[];
  terms: TermCount[];
  categories: CategoryCount[];
  density: Density;
  candidates: Candidate[];
}
"#;

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result to JS: {e}")))
}

/// A compiled dictionary, ready to analyse texts.
#[wasm_bindgen]
pub struct Tifa {
    inner: Analyzer,
}

#[wasm_bindgen]
impl Tifa {
    /// The built-in dictionary.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Tifa, JsError> {
        Ok(Tifa {
            inner: Analyzer::builtin().map_err(js_error)?,
        })
    }

    /// The built-in dictionary plus a user dictionary (TOML). Validation errors are thrown as
    /// an `Error` whose message names the file, line, entry and field.
    #[wasm_bindgen(js_name = withDictionary)]
    pub fn with_dictionary(toml: &str, file_name: &str) -> Result<Tifa, JsError> {
        let dict = Dictionary::builtin_with(&[(file_name, toml)]).map_err(js_error)?;
        Ok(Tifa {
            inner: Analyzer::new(dict).map_err(js_error)?,
        })
    }

    /// A user dictionary (TOML) on its own.
    #[wasm_bindgen(js_name = fromDictionary)]
    pub fn from_dictionary(toml: &str, file_name: &str) -> Result<Tifa, JsError> {
        let dict = Dictionary::from_toml(file_name, toml).map_err(js_error)?;
        Ok(Tifa {
            inner: Analyzer::new(dict).map_err(js_error)?,
        })
    }

    /// The full report for `text`.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.analyze(text).map_err(js_error)?)
    }

    /// Top-level spans only: `[start, end, entryIndex]*`, UTF-16 offsets.
    pub fn spans(&self, text: &str) -> Result<Vec<u32>, JsError> {
        self.inner.spans(text).map_err(js_error)
    }

    /// Every entry, in index order (`entryIndex` of `spans` indexes this array).
    #[wasm_bindgen(unchecked_return_type = "Entry[]")]
    pub fn entries(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.dictionary().entries())
    }

    /// The entry with this id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Entry | undefined")]
    pub fn entry(&self, id: &str) -> Result<JsValue, JsError> {
        match self.inner.dictionary().get(id) {
            Some(e) => to_js(e),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The category names, in display order.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn categories(&self) -> Result<JsValue, JsError> {
        to_js(CATEGORIES)
    }

    /// Number of entries.
    #[wasm_bindgen(getter, js_name = entryCount)]
    pub fn entry_count(&self) -> usize {
        self.inner.dictionary().len()
    }

    /// Number of distinct normalized forms in the automaton.
    #[wasm_bindgen(getter, js_name = patternCount)]
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher().pattern_count()
    }
}
