//! The context rule for forms marked `needs_context`.
//!
//! Short forms such as "core", "new era" or "two safeguards" also occur in ordinary English. Such
//! a form counts only when the text itself shows Party context, for one of three reasons (the
//! first that holds is reported):
//! 1. **quoted**: the form is enclosed in quotation marks (`"core"`, `‘two safeguards’`, `「核心」`);
//! 2. **capitalized**: a form of two or more words is written in title case, every word that is
//!    not a short function word starting with a capital ("Two Safeguards", "New Era");
//! 3. **nearby**: an occurrence of a form that does *not* need context starts within
//!    [`WINDOW`] bytes of the normalized text (about 60 English words or 130 Chinese
//!    characters) of this one.
//!
//! Other gated forms do not count as context for each other, so ordinary prose that happens to
//! say "core" and "the masses" stays unmarked.

use serde::Serialize;

use crate::matcher::{Matcher, RawMatch};
use crate::normalize::Normalized;

/// How far (in normalized bytes) an unambiguous term may be from a gated one.
pub const WINDOW: usize = 400;

/// Why a context-gated form was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Enclosed in quotation marks.
    Quoted,
    /// Written in title case.
    Capitalized,
    /// An unambiguous term is nearby.
    Nearby,
}

impl Reason {
    /// The reason's name (`quoted`, `capitalized`, `nearby`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Quoted => "quoted",
            Reason::Capitalized => "capitalized",
            Reason::Nearby => "nearby",
        }
    }
}

fn is_quote(c: Option<char>) -> bool {
    matches!(c, Some('"') | Some('\''))
}

fn quoted(text: &str, m: &RawMatch) -> bool {
    is_quote(text[..m.start].chars().next_back()) && is_quote(text[m.end..].chars().next())
}

/// Keeps ungated candidates, and gated ones that pass the rule (with their reason).
pub(crate) fn gate(
    matcher: &Matcher,
    norm: &Normalized,
    candidates: Vec<RawMatch>,
) -> Vec<RawMatch> {
    let text = norm.text();
    let anchors: Vec<usize> = candidates
        .iter()
        .filter(|c| !matcher.patterns[c.pattern as usize].needs_context)
        .map(|c| c.start)
        .collect();
    let nearby = |start: usize| {
        let i = anchors.partition_point(|&a| a + WINDOW < start);
        anchors.get(i).is_some_and(|&a| a <= start + WINDOW)
    };
    candidates
        .into_iter()
        .filter_map(|mut c| {
            let p = &matcher.patterns[c.pattern as usize];
            if !p.needs_context {
                return Some(c);
            }
            let title = !p.title_words.is_empty()
                && p.title_words.iter().all(|&w| norm.was_upper(c.start + w));
            c.context = if quoted(text, &c) {
                Some(Reason::Quoted)
            } else if title {
                Some(Reason::Capitalized)
            } else if nearby(c.start) {
                Some(Reason::Nearby)
            } else {
                None
            };
            c.context.map(|_| c)
        })
        .collect()
}
