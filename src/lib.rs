//! # tifa (提法)
//!
//! tifa finds the set phrases of Chinese Communist Party discourse — "two establishments",
//! "four consciousnesses", 两个维护, 全面从严治党 — in English or Chinese text, and explains them.
//! Offsets are UTF-16 code units of the original text, ready for a browser.
//!
//! ```
//! let tifa = tifa::Analyzer::builtin()?;
//! let report = tifa.analyze("The meeting stressed the Two Upholds and 兩個確立.")?;
//! let ids: Vec<&str> = report.matches.iter().map(|m| m.id.as_str()).collect();
//! assert_eq!(ids, ["two-upholds", "two-establishments"]);
//! # Ok::<(), tifa::Error>(())
//! ```
//!
//! The pipeline runs one way: the text is normalized (with a sparse map back to the original's
//! offsets), every form of the dictionary is found in it by one Aho–Corasick automaton over
//! word tokens, hits off word boundaries are dropped, forms that need context pass the context
//! gate or not, leftmost-longest wins with shorter terms nested in it (a longer form overlapping
//! the winner's end takes its place when no entry is lost by it), and the matches become a
//! [`Report`] (or rows of numbers, [`Analyzer::rows`]), which [`render`] writes as text, HTML or
//! CSV. The README's "How it works" says where each stage lives.
//!
//! ## What is public, by purpose
//!
//! **Analyse a text.** [`Analyzer`] (a dictionary compiled into one automaton) with
//! [`Options`]: the [`Sensitivity`] of the context gate and where the document rule's evidence
//! comes from ([`DocumentContext`]; [`document_vouches`] is the rule itself). Texts up to
//! [`MAX_TEXT_BYTES`].
//!
//! **What it finds.** A [`Report`]: [`Match`]es (with [`Nested`] terms and, for gated forms,
//! the [`Reason`] they counted), [`TermCount`]s, [`CategoryCount`]s, [`Density`],
//! [`FormulaCandidate`]s and [`NotCounted`] forms; the same report made lazily for streaming
//! ([`LazyReport`]); the highlighter's rows of numbers ([`Analyzer::rows`], [`ROW`] numbers
//! per match).
//!
//! **The dictionary.** [`Dictionary`] of [`Entry`]s and their [`Form`]s, each of a [`Kind`]; the
//! built-in one, or TOML files validated with every problem's [`Location`]; the binary form
//! the browser starts from ([`compiled`]); the shared names of categories, kinds and reasons
//! ([`CATEGORIES`], [`KIND_NAMES`], [`REASON_NAMES`]); the budget a dictionary must keep
//! ([`MAX_ENDS_AT_ONE_PLACE`]).
//!
//! **Errors.** [`Error`]: every message names the problem and where it is; a dictionary that
//! does not load gives every [`Problem`] found, each with its [`Location`] and [`ProblemKind`].
//!
//! **Modules for the front ends.** [`text`]: the text as the matcher sees it (normalization,
//! scripts, word boundaries). [`render`]: a report as plain text, HTML or CSV. [`corpus`]:
//! counts per period over many documents, and the phrases the dictionary lacks.
//! [`compiled`]: the compiled dictionary. [`timing`]: spans of the start-up code, timed only in
//! a bench-only build (feature `timing`).

#![deny(missing_docs)]

// The stages, in the order a text goes through them (README, "How it works"); each imports
// only the ones above it (`tests/layout.rs`).
mod error;
mod vocabulary;

pub mod timing;

pub mod text;

mod dictionary;

mod matching;

mod report;

pub mod render;

mod analyzer;

pub mod corpus;

pub use analyzer::{Analyzer, Options, MAX_TEXT_BYTES};
pub use matching::alphabet::scope::Scope;
pub use matching::gate::document_vouches;
pub use matching::sensitivity::{DocumentContext, Reason, Sensitivity};

pub use report::{
    CategoryCount, Density, FormulaCandidate, LazyReport, Match, Nested, NotCounted, Report,
    TermCount, ROW,
};

pub use dictionary::budget::MAX_ENDS_AT_ONE_PLACE;
pub use dictionary::compiled;
pub use dictionary::{ContextNeeds, Dictionary, Entry, Form, Kind};
pub use vocabulary::{CATEGORIES, KIND_NAMES, REASON_NAMES};

pub use error::{Error, Location, Problem, ProblemKind};
