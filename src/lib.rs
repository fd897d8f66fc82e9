//! # tifa (提法)
//!
//! tifa finds the set phrases of Chinese Communist Party discourse — "two establishments",
//! "four consciousnesses", 两个维护, 全面从严治党 — in English or Chinese text, and explains them.
//! Offsets are UTF-16 code units of the original text, ready for a browser.
//!
//! The pipeline runs one way: text → [`normalize`] (with an offset map) → one aho-corasick
//! automaton over every surface form ([`matcher`]) → boundary and [`context`] rules →
//! leftmost-longest with nesting → [`Report`].
//!
//! ```
//! let tifa = tifa::Analyzer::builtin()?;
//! let report = tifa.analyze("The meeting stressed the Two Upholds and 兩個確立.")?;
//! let ids: Vec<&str> = report.matches.iter().map(|m| m.id.as_str()).collect();
//! assert_eq!(ids, ["two-upholds", "two-establishments"]);
//! # Ok::<(), tifa::Error>(())
//! ```

pub mod alphabet;
pub mod analyzer;
pub mod automaton;
pub mod boundary;
pub mod context;
pub mod dictionary;
pub mod error;
pub mod formulas;
pub mod matcher;
pub mod normalize;
pub mod output;
pub mod report;
pub mod script;
pub mod utf16;

/// The JavaScript binding (wasm32 only).
#[cfg(target_arch = "wasm32")]
#[path = "wasm.rs"]
pub mod wasm_api;

pub use analyzer::{Analyzer, Options, MAX_TEXT_BYTES};
pub use context::{DocumentContext, Sensitivity};
pub use dictionary::{Dictionary, Entry, Form, Kind, CATEGORIES};
pub use error::{Error, Location};
pub use report::Report;
