//! What the context gate ([`super::gate`]) is asked and what it answers: how much context a
//! gated form needs ([`Sensitivity`]), where the document's evidence comes from
//! ([`DocumentContext`]), and why a gated form counted ([`Reason`]). Plain values, used by every
//! later stage, so they come first.

use serde::Serialize;

/// How much Party context a form marked `needs_context` needs to count (the README's
/// "Matching rules").
///
/// ```
/// use tifa::Sensitivity;
/// let tifa = tifa::Analyzer::builtin()?;
/// let text = "Xi called on officials to implement the two upholds and pursue common prosperity.";
/// let ids = |s| -> Vec<String> {
///     tifa.analyze_with(text, s).unwrap().matches.into_iter().map(|m| m.id).collect()
/// };
/// assert_eq!(ids(Sensitivity::Default), ["two-upholds", "common-prosperity"]);
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitivity {
    /// Quoted, title case, or an unambiguous term within about 60 English words (130 Chinese
    /// characters).
    Strict,
    /// Quoted, title case, an unambiguous term in the same sentence, or a document that
    /// shows Party discourse.
    #[default]
    Default,
    /// Every form counts.
    All,
}

impl Sensitivity {
    /// Parses `strict`, `default` or `all`.
    ///
    /// ```
    /// use tifa::Sensitivity;
    /// assert_eq!(Sensitivity::parse("all"), Some(Sensitivity::All));
    /// assert_eq!(Sensitivity::parse("loose"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Sensitivity> {
        Some(match s {
            "strict" => Sensitivity::Strict,
            "default" => Sensitivity::Default,
            "all" => Sensitivity::All,
            _ => return None,
        })
    }

    /// The name (`strict`, `default`, `all`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Strict => "strict",
            Sensitivity::Default => "default",
            Sensitivity::All => "all",
        }
    }
}

/// Why a context-gated form was accepted.
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let report = tifa.analyze("Officials must uphold the ‘two safeguards’ in all their work.")?;
/// assert_eq!(report.matches[0].context, Some(tifa::Reason::Quoted));
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Enclosed in quotation marks.
    Quoted,
    /// Written in title case.
    Capitalized,
    /// An unambiguous term is nearby (strict sensitivity).
    Nearby,
    /// An unambiguous term is in the same sentence.
    Sentence,
    /// The document shows Party discourse ([`crate::document_vouches`]).
    Document,
    /// Sensitivity `all`: every form counts.
    All,
}

impl Reason {
    /// Every reason, in the order of their numbers in [`crate::Analyzer::rows`] (1 = quoted…).
    pub const ALL: [Reason; 6] = [
        Reason::Quoted,
        Reason::Capitalized,
        Reason::Nearby,
        Reason::Sentence,
        Reason::Document,
        Reason::All,
    ];

    /// The reason's name (`quoted`, `capitalized`, `nearby`, `sentence`, `document`, `all`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Quoted => "quoted",
            Reason::Capitalized => "capitalized",
            Reason::Nearby => "nearby",
            Reason::Sentence => "sentence",
            Reason::Document => "document",
            Reason::All => "all",
        }
    }
}

/// Where the document rule's evidence comes from.
///
/// ```
/// use tifa::{DocumentContext, Options};
/// assert_eq!(Options::default().document, DocumentContext::OwnText);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DocumentContext {
    /// Judge the text given to the analyser as the whole document.
    #[default]
    OwnText,
    /// The caller judged the whole document (the embed analyses a page in batches and asks
    /// [`crate::Analyzer::document_vouches`] over the whole root first).
    Given(bool),
}
