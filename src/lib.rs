//! # tifa (提法)
//!
//! tifa finds the set phrases of Chinese Communist Party discourse — "two establishments",
//! "four consciousnesses", 两个维护, 全面从严治党 — in English or Chinese text, and explains them.
//! Offsets are UTF-16 code units of the original text, ready for a browser.
//!
//! The pipeline runs one way: text → [`normalize`] (with a sparse offset map) → word tokens
//! ([`alphabet`]) → one Aho–Corasick [`automaton`] over every surface form ([`matcher`]) →
//! boundary and [`context`] rules →
//! leftmost-longest with nesting → [`Report`].
//!
//! ```
//! let tifa = tifa::Analyzer::builtin()?;
//! let report = tifa.analyze("The meeting stressed the Two Upholds and 兩個確立.")?;
//! let ids: Vec<&str> = report.matches.iter().map(|m| m.id.as_str()).collect();
//! assert_eq!(ids, ["two-upholds", "two-establishments"]);
//! # Ok::<(), tifa::Error>(())
//! ```

#![deny(missing_docs)]

// The stages, in the order a text goes through them (README, "How it works").
pub mod matching;
pub mod render;
pub mod report;
pub mod text;
pub mod vocabulary;

pub mod analyzer;
pub mod corpus;
pub mod dictionary;
pub mod error;

// Each stage's modules by their own names too (`tifa::normalize::normalize_form`).
pub use matching::{alphabet, automaton, context, matcher};
pub use render as output;
pub use report::formulas;
pub use text::{boundary, normalize, script, utf16};

pub use analyzer::{Analyzer, Options, MAX_TEXT_BYTES};
pub use context::{DocumentContext, Sensitivity};
pub use dictionary::{Dictionary, Entry, Form, Kind, CATEGORIES};
pub use error::{Error, Location};
pub use report::Report;
