//! The JavaScript binding. It only converts types, names and errors; every rule lives in the
//! core. This crate is the only one that names wasm-bindgen, js-sys, web-sys or serde-wasm-bindgen
//! (the corpus counts of the full module are in `corpus.rs`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "corpus")]
mod corpus;

#[cfg(feature = "full")]
use tifa::Dictionary;
use tifa::{Analyzer, DocumentContext, Error, Options, Sensitivity, CATEGORIES};

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
  context_reason?: string;
  /** More than the usual context (README, "Matching rules"). */
  context_needs?: "sentence" | "title-case";
  context_needs_reason?: string;
  /** Words that, right before the form, show its ordinary sense: there it does not count. */
  not_after?: string[];
  /** Words that, right after the form, show its ordinary sense: there it does not count. */
  not_before?: string[];
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
  /** The `en` is a descriptive rendering: no official English was found. */
  en_descriptive?: boolean;
  file: string;
}
/** An entry without its forms and card fields (`summaries()`). */
export interface EntrySummary {
  id: string;
  zh: string;
  zh_hant: string;
  en: string;
  category: string;
  since: number;
  local?: boolean;
  aliases?: string[];
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
  context?: "quoted" | "capitalized" | "nearby" | "sentence" | "document" | "all";
  nested: Nested[];
  also?: string[];
}
export interface TermCount { id: string; count: number; nested: number; text: string; en: string; zh: string; category: string; }
export interface CategoryCount { category: string; count: number; }
export interface Density { unit: "words" | "characters"; size: number; matches: number; per_thousand: number; }
export interface Candidate { text: string; start: number; end: number; count: number; }
/** A form that needs context, seen but not counted. */
export interface NotCounted { id: string; start: number; end: number; text: string; form: string; why: string; }
/** How much context short, ambiguous forms need. */
export type Sensitivity = "strict" | "default" | "all";
/** Options of `analyze` and `spans`. */
export interface AnalyzeOptions {
  /** Default "default". */
  sensitivity?: Sensitivity;
  /** The document rule's answer for the whole document, when the text is one part of it
   * (see `documentVouches`). Default: judge the text itself. */
  documentVouches?: boolean;
}
/** Everything tifa found in one text. */
export interface Report {
  length: number;
  matches: Match[];
  terms: TermCount[];
  categories: CategoryCount[];
  density: Density;
  candidates: Candidate[];
  sensitivity: Sensitivity;
  not_counted: NotCounted[];
}
"#;

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TypeError)]
    type JsTypeError;
    #[wasm_bindgen(constructor, js_class = "TypeError")]
    fn new(message: &str) -> JsTypeError;
}

fn type_error(message: &str) -> JsValue {
    JsTypeError::new(message).into()
}

/// The text argument: a string, or a `TypeError` naming what was given.
fn text_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        type_error(&format!(
            "tifa: {what} must be a string, not {}",
            value.js_typeof().as_string().unwrap_or_default()
        ))
    })
}

/// `{ sensitivity, documentVouches }` from JS (`undefined` means the defaults).
fn options_arg(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(type_error(
            "tifa: options must be an object such as { sensitivity: 'strict' }",
        ));
    }
    let get = |key: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let s = get("sensitivity");
    if !s.is_undefined() {
        let name = s.as_string().unwrap_or_default();
        options.sensitivity = Sensitivity::parse(&name).ok_or_else(|| {
            type_error(&format!(
                "tifa: sensitivity must be \"strict\", \"default\" or \"all\", not {name:?}"
            ))
        })?;
    }
    let d = get("documentVouches");
    if !d.is_undefined() {
        let v = d
            .as_bool()
            .ok_or_else(|| type_error("tifa: documentVouches must be true or false"))?;
        options.document = DocumentContext::Given(v);
    }
    Ok(options)
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
    /// An engine over the compiled built-in dictionary's match parts (written by `tifa dict
    /// compile`), one after another in `matching`: the base part (`pkg/tifa.match.bin`) and
    /// any of the script parts (`pkg/tifa.match.en.bin`, `pkg/tifa.match.zh.bin`,
    /// `pkg/tifa.match.mt.bin`: the English machine-translation forms), in any order; the engine
    /// finds the terms of the parts given. Nothing is parsed at start.
    /// Entries have no card fields (pinyin, explanation, sources…, and the Chinese names
    /// without the Chinese part) until `addCards` gets `pkg/tifa.cards.bin`. A damaged part, or
    /// parts of different builds, throw an `Error` naming the part (and the byte where it goes
    /// wrong).
    #[wasm_bindgen(js_name = fromCompiled)]
    pub fn from_compiled(matching: &[u8]) -> Result<Tifa, JsError> {
        Ok(Tifa {
            inner: Analyzer::from_compiled(matching).map_err(js_error)?,
        })
    }

    /// A *scoped* engine over the same match parts as `fromCompiled`: the same dictionary, but
    /// only the forms whose words all occur in `text` (a form with a word the text lacks
    /// cannot match it), so it builds in a fraction of the time and memory. On `text`, and on
    /// any text it `covers`, it finds exactly what `fromCompiled`'s engine finds. The embed's
    /// first highlight uses it; content added later that it does not cover gets `widen`.
    ///
    /// ```js
    /// const t = Tifa.fromCompiledFor(parts, article.textContent);
    /// t.covers(laterText) ? t : t.widen(parts, laterText);
    /// ```
    #[wasm_bindgen(js_name = fromCompiledFor)]
    pub fn from_compiled_for(matching: &[u8], text: &str) -> Result<Tifa, JsError> {
        let scope = tifa::Scope::of(text);
        Ok(Tifa {
            inner: Analyzer::from_compiled_scoped(matching, &scope).map_err(js_error)?,
        })
    }

    /// The time the start-up code took since the last call, by stage: `name ms count` lines
    /// (a bench-only build with the feature `timing`; benches/embed-start.mjs --breakdown). The
    /// first call starts the clock: call it once before the start to time.
    #[cfg(feature = "timing")]
    pub fn timings() -> String {
        tifa::timing::set_clock(performance_now);
        tifa::timing::take()
            .iter()
            .map(|(name, ms, n)| format!("{name} {ms:.3} {n}\n"))
            .collect()
    }

    /// Does this engine find in `text` all that the whole dictionary finds? Always for an
    /// engine from `fromCompiled`; for a scoped one (`fromCompiledFor`), when `text` holds none
    /// of the words that kept forms out of it (a scan of the text's words, no matching).
    pub fn covers(&self, text: &str) -> bool {
        self.inner.covers(text)
    }

    /// Is this a scoped engine (`fromCompiledFor`)?
    #[wasm_bindgen(getter)]
    pub fn scoped(&self) -> bool {
        self.inner.scope().is_some()
    }

    /// A scoped engine over the same match parts (`matching`, as given to `fromCompiledFor`)
    /// for this engine's texts and `text` as well: what a page's later content that this
    /// engine does not `cover` needs. The engine with every form for an engine that has them.
    pub fn widen(&self, matching: &[u8], text: &str) -> Result<Tifa, JsError> {
        let inner = match self.inner.scope() {
            Some(scope) => {
                let mut scope = scope.clone();
                scope.add(text);
                Analyzer::from_compiled_scoped(matching, &scope)
            }
            None => Analyzer::from_compiled(matching),
        };
        Ok(Tifa {
            inner: inner.map_err(js_error)?,
        })
    }

    /// Runs the start-up code once over the first `entries` entries of a match part and
    /// throws the result away. Browsers first run WebAssembly with a quick baseline compiler
    /// and optimize a function only after it has run for a while; a function that runs once,
    /// over the whole dictionary, stays slow. Warming up with a few hundred entries, then
    /// yielding to the event loop, lets the optimized code be ready for `fromCompiled`.
    #[wasm_bindgen(js_name = warmUp)]
    pub fn warm_up(matching: &[u8], entries: usize) -> Result<(), JsError> {
        Analyzer::from_compiled_first(matching, entries).map_err(js_error)?;
        Ok(())
    }

    /// Adds the card part of the compiled dictionary (`pkg/tifa.cards.bin`). A card part from
    /// another build is refused, and the engine keeps what it had.
    #[wasm_bindgen(js_name = addCards)]
    pub fn add_cards(&mut self, cards: &[u8]) -> Result<(), JsError> {
        self.inner.add_cards(cards).map_err(js_error)
    }

    /// Do the entries hold their card fields (explanation, sources…) yet?
    #[wasm_bindgen(getter, js_name = hasCards)]
    pub fn has_cards(&self) -> bool {
        self.inner.dictionary().has_cards()
    }

    /// The built-in dictionary, parsed and validated from its TOML (the full module only).
    #[cfg(feature = "full")]
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Tifa, JsError> {
        Ok(Tifa {
            inner: Analyzer::builtin().map_err(js_error)?,
        })
    }

    /// The built-in dictionary plus a user dictionary (TOML). Validation errors are thrown as
    /// an `Error` whose message names the file, line, entry and field.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = withDictionary)]
    pub fn with_dictionary(toml: &str, file_name: &str) -> Result<Tifa, JsError> {
        let dict = Dictionary::builtin_with(&[(file_name, toml)]).map_err(js_error)?;
        Ok(Tifa {
            inner: Analyzer::new(dict).map_err(js_error)?,
        })
    }

    /// A user dictionary (TOML) on its own.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = fromDictionary)]
    pub fn from_dictionary(toml: &str, file_name: &str) -> Result<Tifa, JsError> {
        let dict = Dictionary::from_toml(file_name, toml).map_err(js_error)?;
        Ok(Tifa {
            inner: Analyzer::new(dict).map_err(js_error)?,
        })
    }

    /// The full report for `text`. A text that is not a string, or a bad option, throws a
    /// `TypeError`. Not in the embed's module (`tifa_embed`), which highlights from `rows`.
    #[cfg(feature = "report")]
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (text, options) = (text_arg(&text, "the text")?, options_arg(&options)?);
        let report = self
            .inner
            .analyze_options(&text, options)
            .map_err(js_error)?;
        to_js(&report).map_err(Into::into)
    }

    /// What a page needs to highlight and summarize `text`, in one pass: `{ rows, summary }` —
    /// `rows` as `rows()` gives them (a `Uint32Array` of entry and form indices), `summary` the
    /// report without its matches (`length`, `terms`, `categories`, `density`, `candidates`,
    /// `sensitivity`, `not_counted`).
    #[cfg(feature = "report")]
    #[wasm_bindgen(
        unchecked_return_type = "{ rows: Uint32Array; summary: Omit<Report, 'matches'> }"
    )]
    pub fn highlight(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (text, options) = (text_arg(&text, "the text")?, options_arg(&options)?);
        let lazy = self.inner.analyze_lazy(&text, options).map_err(js_error)?;
        let out = js_sys::Object::new();
        let rows = js_sys::Uint32Array::from(&lazy.rows()[..]);
        js_sys::Reflect::set(&out, &"rows".into(), &rows)?;
        js_sys::Reflect::set(&out, &"summary".into(), &to_js(&lazy)?)?;
        Ok(out.into())
    }

    /// The CSV of `text`'s matches, byte for byte what `tifa annotate --format csv` writes for
    /// a file named `source` (the full module only; the same renderer, `tifa::render`): the
    /// header, then one row per top-level match. A text that is not a string, or a bad option,
    /// throws a `TypeError`.
    ///
    /// ```js
    /// full.exportCsv('the Two Upholds', undefined, 'a.txt');
    /// // 'source,id,start,end,text,form,kind,category,context,nested\na.txt,two-upholds,4,15,…\n'
    /// ```
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
        source: &str,
    ) -> Result<String, JsValue> {
        let (_, report) = self.report_of(&text, &options)?;
        let mut out = String::from(tifa::render::CSV_HEADER);
        out.push_str(&tifa::render::csv_rows(source, &report));
        Ok(out)
    }

    /// The HTML document of `text`, byte for byte what `tifa annotate --format html` writes for
    /// a file named `source` (the full module only): the escaped text with a `<mark>` around
    /// each term, then a glossary. Needs the card part (`addCards`) for the glossary's
    /// explanations, as the CLI has them.
    ///
    /// ```js
    /// full.exportHtml('the Two Upholds', undefined, 'a.txt').startsWith('<!doctype html>'); // true
    /// ```
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = exportHtml)]
    pub fn export_html(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
        source: &str,
    ) -> Result<String, JsValue> {
        let (text, report) = self.report_of(&text, &options)?;
        let section = tifa::render::html_section(source, &text, &report, self.inner.dictionary());
        Ok(tifa::render::html_document(&section))
    }

    /// Checks the arguments of the exports and analyses the text.
    #[cfg(feature = "full")]
    fn report_of(
        &self,
        text: &JsValue,
        options: &JsValue,
    ) -> Result<(String, tifa::Report), JsValue> {
        let (text, options) = (text_arg(text, "the text")?, options_arg(options)?);
        let report = self
            .inner
            .analyze_options(&text, options)
            .map_err(js_error)?;
        Ok((text, report))
    }

    /// Does `text`, as a whole document, show Party discourse (the document rule)? Pass the
    /// answer as `documentVouches` when analysing the document in parts.
    #[wasm_bindgen(js_name = documentVouches)]
    pub fn document_vouches(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<bool, JsValue> {
        let text = text_arg(&text, "the text")?;
        self.inner
            .document_vouches(&text)
            .map_err(|e| js_error(e).into())
    }

    /// Top-level spans only: `[start, end, entryIndex]*`, UTF-16 offsets.
    #[cfg(feature = "report")]
    pub fn spans(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        self.numbers(&text, &options, Analyzer::spans_options)
    }

    /// Every entry, in index order (`entryIndex` of `spans` indexes this array).
    #[cfg(feature = "report")]
    #[wasm_bindgen(unchecked_return_type = "Entry[]")]
    pub fn entries(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.dictionary().entries())
    }

    /// The matches as rows of numbers, what a highlighter needs:
    /// `[n, n × (start, end, entry, form, kind, context, nested), nested entries…]` — offsets in
    /// UTF-16 units; `entry` indexes `summaries()`; `form` is the entry's form (`formText`);
    /// `kind` and `context` (0 = none, else 1 + index) index `rowNames()`; `nested` counts the
    /// entries nested in the match, listed after all rows. The same matches as `analyze`,
    /// without building a report.
    pub fn rows(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        self.numbers(&text, &options, Analyzer::rows)
    }

    /// The names behind the numbers of `rows`: `{ kinds, contexts }`.
    #[wasm_bindgen(js_name = rowNames, unchecked_return_type = "{ kinds: string[]; contexts: string[] }")]
    pub fn row_names(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Names {
            kinds: Vec<&'static str>,
            contexts: Vec<&'static str>,
        }
        to_js(&Names {
            kinds: tifa::Kind::ALL.iter().map(|k| k.as_str()).collect(),
            contexts: tifa::Reason::ALL.iter().map(|r| r.as_str()).collect(),
        })
    }

    /// The text of form `form` of entry `entry` (indices as in `rows`), or `undefined`.
    #[wasm_bindgen(js_name = formText)]
    pub fn form_text(&self, entry: usize, form: usize) -> Option<String> {
        // (Only this entry's templates are expanded, if they were not.)
        let e = self.inner.dictionary().entry(entry)?;
        e.forms.get(form).map(|f| f.text.clone())
    }

    /// Checks the arguments of `spans` and `rows` and runs one of them.
    fn numbers(
        &self,
        text: &JsValue,
        options: &JsValue,
        f: fn(&Analyzer, &str, Options) -> Result<Vec<u32>, Error>,
    ) -> Result<Vec<u32>, JsValue> {
        let (text, options) = (text_arg(text, "the text")?, options_arg(options)?);
        f(&self.inner, &text, options).map_err(|e| js_error(e).into())
    }

    /// Every entry without its forms and card fields (`id`, `zh`, `zh_hant`, `en`,
    /// `category`, `since`, `local`, `aliases`): what a page needs to show matches, in a
    /// fraction of the time `entries()` takes.
    #[wasm_bindgen(unchecked_return_type = "EntrySummary[]")]
    pub fn summaries(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Summary<'a> {
            id: &'a str,
            zh: &'a str,
            zh_hant: &'a str,
            en: &'a str,
            category: &'a str,
            since: u16,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            local: bool,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            aliases: &'a [String],
        }
        // (The entries as read: no template is expanded for their names.)
        let list: Vec<Summary> = self
            .inner
            .dictionary()
            .entries_as_read()
            .iter()
            .map(|e| Summary {
                id: &e.id,
                zh: &e.zh,
                zh_hant: &e.zh_hant,
                en: &e.en,
                category: &e.category,
                since: e.since,
                local: e.local,
                aliases: &e.aliases,
            })
            .collect();
        to_js(&list)
    }

    /// The entry with this id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Entry | undefined")]
    pub fn entry(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = text_arg(&id, "the id")?;
        match self.inner.dictionary().get(&id) {
            Some(e) => to_js(e).map_err(Into::into),
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
        self.inner.pattern_count()
    }
}

#[cfg(feature = "timing")]
#[wasm_bindgen]
extern "C" {
    /// The browser's (or node's) clock, for `Tifa.timings`.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}
