//! The matcher: one aho-corasick automaton over every normalized surface form.
//!
//! Semantics, in order (see the README's "Matching rules"):
//! 1. the text is normalized ([`crate::normalize`]); forms were normalized the same way;
//! 2. the automaton reports every occurrence of every form, overlaps included
//!    (`MatchKind::Standard`, overlapping search);
//! 3. English forms must sit on word boundaries ([`crate::boundary`]); a regular plural `s`/`es`
//!    after the form is taken into the match; Chinese forms match anywhere;
//! 4. forms marked `needs_context` survive only in Party context ([`crate::context`]);
//! 5. of the survivors, leftmost-longest wins; a survivor inside a winner is kept as nested in
//!    it; one that only partly overlaps a winner is dropped.
//!
//! Filtering boundaries *before* choosing leftmost-longest matters: "two safeguards" inside
//! "two safeguardsman" fails the boundary, and the shorter valid match at the same place
//! must not be lost to it.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::boundary::{boundary_after, boundary_before, is_word_char};
use crate::context::{self, Reason};
use crate::dictionary::Dictionary;
use crate::error::Error;
use crate::normalize::{normalize_form, Normalized};

/// One normalized form in the automaton.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// (entry index, form index); more than one only for `shared` forms.
    pub owners: Vec<(u32, u32)>,
    /// The boundary rule applies at the start / at the end.
    word_start: bool,
    word_end: bool,
    /// Which plural suffix may follow: "s", "es" or none.
    plural: Option<&'static str>,
    pub needs_context: bool,
    /// Word starts (byte offsets into the normalized form) that must be capitalized for the
    /// title-case context rule; empty when the rule does not apply.
    pub title_words: Vec<usize>,
}

/// A match in normalized byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch {
    /// Start byte in the normalized text.
    pub start: usize,
    /// End byte (exclusive) in the normalized text, plural suffix included.
    pub end: usize,
    /// Pattern index.
    pub pattern: u32,
    /// Why a context-gated form was accepted.
    pub context: Option<Reason>,
}

/// A chosen match with the candidates nested inside it.
#[derive(Debug, Clone)]
pub struct Chosen {
    /// The match.
    pub outer: RawMatch,
    /// Valid matches lying inside it (other entries only).
    pub nested: Vec<RawMatch>,
}

/// The compiled automaton for one dictionary.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    pub(crate) patterns: Vec<Pattern>,
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to", "with",
];

fn plural_suffix(norm: &str) -> Option<&'static str> {
    let last = norm.chars().last()?;
    if !last.is_ascii_alphabetic() {
        return None;
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| norm.ends_with(e))
    {
        Some("es")
    } else {
        Some("s")
    }
}

fn title_words(norm: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    let words: Vec<&str> = norm.split(' ').collect();
    for w in &words {
        if w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && !STOP_WORDS.contains(w) {
            starts.push(offset);
        }
        offset += w.len() + 1;
    }
    if words.len() < 2 || starts.len() < 2 {
        return Vec::new();
    }
    starts
}

impl Matcher {
    /// Builds the automaton over every form of every entry.
    pub fn new(dict: &Dictionary) -> Result<Matcher, Error> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for (ei, entry) in dict.entries().iter().enumerate() {
            for (fi, form) in entry.forms.iter().enumerate() {
                let norm = normalize_form(&form.text);
                if norm.is_empty() {
                    continue;
                }
                let owner = (ei as u32, fi as u32);
                if let Some(&pi) = index.get(&norm) {
                    let p = &mut patterns[pi];
                    if !p.owners.iter().any(|&(e, _)| e == owner.0) {
                        p.owners.push(owner);
                    }
                    continue;
                }
                let (word_start, word_end, plural) = if form.chinese {
                    (false, false, None)
                } else {
                    (
                        norm.chars().next().is_some_and(is_word_char),
                        norm.chars().last().is_some_and(is_word_char),
                        plural_suffix(&norm),
                    )
                };
                let title = if form.chinese {
                    Vec::new()
                } else {
                    title_words(&norm)
                };
                index.insert(norm.clone(), patterns.len());
                texts.push(norm);
                patterns.push(Pattern {
                    owners: vec![owner],
                    word_start,
                    word_end,
                    plural,
                    needs_context: form.needs_context,
                    title_words: title,
                });
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .map_err(|e| Error::Input(format!("cannot build the automaton: {e}")))?;
        Ok(Matcher { ac, patterns })
    }

    /// Number of distinct normalized forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every boundary-valid occurrence of every form, sorted by start, longest first.
    pub fn candidates(&self, norm: &Normalized) -> Vec<RawMatch> {
        let text = norm.text();
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            if p.word_start && !boundary_before(text, m.start()) {
                continue;
            }
            let mut end = m.end();
            if p.word_end && !boundary_after(text, end) {
                match p.plural {
                    Some(suffix)
                        if text[end..].starts_with(suffix)
                            && boundary_after(text, end + suffix.len()) =>
                    {
                        end += suffix.len();
                    }
                    _ => continue,
                }
            }
            out.push(RawMatch {
                start: m.start(),
                end,
                pattern: m.pattern().as_u32(),
                context: None,
            });
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.pattern.cmp(&b.pattern))
        });
        out
    }

    /// The full pipeline: candidates, context gate, leftmost-longest with nesting.
    pub fn find(&self, norm: &Normalized) -> Vec<Chosen> {
        let candidates = context::gate(self, norm, self.candidates(norm));
        choose(candidates)
    }
}

/// Leftmost-longest over sorted candidates; contained ones become nested.
fn choose(candidates: Vec<RawMatch>) -> Vec<Chosen> {
    let mut chosen: Vec<Chosen> = Vec::new();
    for c in candidates {
        match chosen.last_mut() {
            Some(last) if c.start < last.outer.end => {
                if c.end <= last.outer.end && c.pattern != last.outer.pattern {
                    last.nested.push(c);
                }
            }
            _ => chosen.push(Chosen {
                outer: c,
                nested: Vec::new(),
            }),
        }
    }
    chosen
}
