//! The matcher: one Aho–Corasick automaton ([`crate::automaton`]) over every normalized surface
//! form, written in word tokens ([`crate::alphabet`]).
//!
//! Semantics, in order (see the README's "Matching rules"):
//! 1. the text is normalized ([`crate::normalize`]); forms were normalized the same way;
//! 2. the automaton reports every occurrence of every form on token boundaries, overlaps
//!    included; a form that takes a plural is also in the automaton with its suffix;
//! 3. English forms must sit on word boundaries ([`crate::boundary`]); a regular plural `s`/`es`
//!    after the form is taken into the match; Chinese forms match anywhere;
//! 4. forms marked `needs_context` survive only in Party context, as much as the
//!    [`Sensitivity`] asks ([`crate::context`]); the others are kept as "not counted";
//! 5. of the survivors, leftmost-longest wins; a survivor inside a winner is kept as nested in
//!    it; one that only partly overlaps a winner is dropped.
//!
//! Filtering boundaries *before* choosing leftmost-longest matters: "two safeguards" inside
//! "two safeguardsman" fails the boundary, and the shorter valid match at the same place
//! must not be lost to it.

use crate::alphabet::{Alphabet, FastMap};
use crate::automaton::Automaton;
use crate::boundary::{boundary_after, boundary_before, is_word_char};
use crate::context::{self, DocumentContext, Reason, Sensitivity};
use crate::dictionary::budget::{shown, MAX_ENDS_AT_ONE_PLACE};
use crate::dictionary::Dictionary;
use crate::error::{Error, Location};
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
    /// One or two English words, or one or two Chinese characters: quotation marks alone do
    /// not make it Party usage (`"core"` in software manuals, `"People's Assessors"` in a
    /// description of another country's courts); a numbered formula is never short.
    pub short: bool,
    /// The form starts with a number word ("Two Establishments"): title case alone marks it
    /// as a Party formula, where a title-cased "State Council" may be any country's.
    pub numbered: bool,
}

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fourteen",
];

/// Short forms: one or two English words, or one or two Chinese characters.
fn is_short(norm: &str, chinese: bool) -> bool {
    if chinese {
        norm.chars().count() <= 2
    } else {
        norm.split(' ').count() <= 2
    }
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

/// What [`Matcher::find`] returns: the chosen matches, and gated candidates that did not
/// count (outside every chosen match, leftmost-longest among themselves).
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Top-level matches with their nested ones, in text order.
    pub chosen: Vec<Chosen>,
    /// Gated candidates seen but not counted, in text order, disjoint.
    pub not_counted: Vec<RawMatch>,
}

/// The compiled automaton for one dictionary.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Token numbers for every form ([`crate::alphabet`]): the automaton's alphabet.
    alphabet: Alphabet,
    /// Over the forms written in tokens; its pattern `i` is `ac_patterns[i]`.
    ac: Automaton,
    /// For each automaton pattern, the form (index into `patterns`) it stands for: the form
    /// itself or the form with its plural suffix.
    ac_patterns: Vec<u32>,
    pub(crate) patterns: Vec<Pattern>,
    /// Each entry's category, for the document rule.
    categories: Vec<String>,
}

/// The extra literal forms a form stands for: an English form with hyphens also matches with
/// the hyphens replaced by spaces, since a separating dash (`Marxism–Leninism`) and a dropped
/// hyphen (`high quality development`) normalize to a space.
fn variants(norm: &str, chinese: bool) -> Option<String> {
    if chinese || !norm.contains('-') {
        return None;
    }
    let spaced: String = norm
        .split('-')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (spaced != norm && !spaced.is_empty()).then_some(spaced)
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
        let forms: usize = dict.entries().iter().map(|e| e.forms.len()).sum();
        // The dictionary's own forms first, then the derived variants, which never take a
        // form another entry lists.
        let mut derived: Vec<(String, (u32, u32), bool)> = Vec::new();
        let mut items: Vec<(String, (u32, u32), bool)> = Vec::with_capacity(forms);
        for (ei, entry) in dict.entries().iter().enumerate() {
            for (fi, form) in entry.forms.iter().enumerate() {
                let norm = normalize_form(&form.text);
                if norm.is_empty() {
                    continue;
                }
                if let Some(v) = variants(&norm, form.chinese) {
                    derived.push((v, (ei as u32, fi as u32), true));
                }
                items.push((norm, (ei as u32, fi as u32), false));
            }
        }
        items.extend(derived);
        let mut index: FastMap<&str, usize> = FastMap::default();
        index.reserve(items.len());
        let mut texts: Vec<&str> = Vec::with_capacity(items.len());
        let mut patterns: Vec<Pattern> = Vec::with_capacity(items.len());
        for (norm, owner, is_variant) in &items {
            let (norm, owner, is_variant) = (norm.as_str(), *owner, *is_variant);
            let form = &dict.entries()[owner.0 as usize].forms[owner.1 as usize];
            {
                if let Some(&pi) = index.get(norm) {
                    let p = &mut patterns[pi];
                    if !is_variant && !p.owners.iter().any(|&(e, _)| e == owner.0) {
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
                        plural_suffix(norm),
                    )
                };
                let title = if form.chinese {
                    Vec::new()
                } else {
                    title_words(norm)
                };
                let short = is_short(norm, form.chinese);
                let numbered = norm
                    .split([' ', '-'])
                    .next()
                    .is_some_and(|w| NUMBER_WORDS.contains(&w));
                index.insert(norm, patterns.len());
                texts.push(norm);
                patterns.push(Pattern {
                    owners: vec![owner],
                    word_start,
                    word_end,
                    plural,
                    needs_context: form.needs_context,
                    title_words: title,
                    short: short && !numbered,
                    numbered,
                });
            }
        }
        // Each form, and each form that takes a plural with its suffix: a plural is a
        // different word token, the form's last token with the suffix.
        let mut alphabet = Alphabet::new();
        let mut flat: Vec<u32> = Vec::with_capacity(texts.len() * 8);
        let mut bounds: Vec<u32> = Vec::with_capacity(texts.len() * 2 + 1);
        bounds.push(0);
        let mut ac_patterns = Vec::with_capacity(texts.len() * 2);
        let mut word = String::new();
        for (pi, (text, p)) in texts.iter().zip(&patterns).enumerate() {
            let from = flat.len();
            for (_, t) in crate::alphabet::tokens(text) {
                flat.push(alphabet.add(t));
            }
            let to = flat.len();
            bounds.push(to as u32);
            ac_patterns.push(pi as u32);
            if let (true, Some(suffix), true) = (p.word_end, p.plural, to > from) {
                // The same tokens with the last word's plural in place of the word.
                let start = text
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_word_char(c))
                    .last()
                    .map_or(text.len(), |(i, _)| i);
                word.clear();
                word.push_str(&text[start..]);
                word.push_str(suffix);
                flat.extend_from_within(from..to - 1);
                let plural = alphabet.add(&word);
                flat.push(plural);
                bounds.push(flat.len() as u32);
                ac_patterns.push(pi as u32);
            }
        }
        let ac = Automaton::from_flat(&flat, &bounds, alphabet.size());
        if let (n, Some(k)) = ac.most_ends() {
            if n > MAX_ENDS_AT_ONE_PLACE {
                let (e, f) = patterns[ac_patterns[k as usize] as usize].owners[0];
                let entry = &dict.entries()[e as usize];
                return Err(Error::Invalid {
                    at: Location {
                        file: entry.file.clone(),
                        line: None,
                        entry: Some(entry.id.clone()),
                        field: Some("forms".into()),
                    },
                    message: format!(
                        "form {} and {} other forms that end like it can all end at the same place of a text; \
                         at most {MAX_ENDS_AT_ONE_PLACE} may, or every text would be matched that many times over \
                         (forms nested in one another, such as 中中, 中中中, 中中中中…: keep fewer of them)",
                        shown(&entry.forms[f as usize].text),
                        n - 1
                    ),
                });
            }
        }
        let categories = dict.entries().iter().map(|e| e.category.clone()).collect();
        Ok(Matcher {
            alphabet,
            ac,
            ac_patterns,
            patterns,
            categories,
        })
    }

    /// The document rule over these candidates ([`context::document_vouches`]).
    pub(crate) fn vouches(&self, candidates: &[RawMatch]) -> bool {
        context::document_vouches(
            candidates
                .iter()
                .map(|c| &self.patterns[c.pattern as usize])
                .filter(|p| !p.needs_context)
                .map(|p| {
                    let e = p.owners[0].0 as usize;
                    (e, self.categories[e].as_str())
                }),
        )
    }

    /// Number of distinct normalized forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every boundary-valid occurrence of every form, sorted by start, longest first.
    pub fn candidates(&self, norm: &Normalized) -> Vec<RawMatch> {
        let text = norm.text();
        let (encoded, at) = self.alphabet.encode_text(text);
        let mut out = Vec::new();
        self.ac.find_overlapping(&encoded, |k, s, e| {
            let pi = self.ac_patterns[k as usize];
            let p = &self.patterns[pi as usize];
            let (start, end) = (at[s] as usize, at[e] as usize);
            // A plural form ends on a word too (the suffix was the end of its last token).
            if (p.word_start && !boundary_before(text, start))
                || (p.word_end && !boundary_after(text, end))
            {
                return;
            }
            out.push(RawMatch {
                start,
                end,
                pattern: pi,
                context: None,
            });
        });
        // The keys are unique (a form and its plural never match the same range), so an
        // unstable sort gives the same order, in place, without a buffer of half the candidates.
        out.sort_unstable_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.pattern.cmp(&b.pattern))
        });
        out
    }

    /// The full pipeline: candidates, context gate, leftmost-longest with nesting.
    pub fn find(
        &self,
        norm: &Normalized,
        sensitivity: Sensitivity,
        document: DocumentContext,
    ) -> Found {
        let gated = context::gate(self, norm, self.candidates(norm), sensitivity, document);
        let chosen = choose(gated.counted);
        // Not-counted candidates: only those outside every chosen match, leftmost-longest.
        let mut not_counted: Vec<RawMatch> = Vec::new();
        let mut k = 0;
        for c in gated.not_counted {
            while k < chosen.len() && chosen[k].outer.end <= c.start {
                k += 1;
            }
            let overlaps = chosen.get(k).is_some_and(|w| w.outer.start < c.end);
            let inside_last = not_counted.last().is_some_and(|l| c.start < l.end);
            if !overlaps && !inside_last {
                not_counted.push(c);
            }
        }
        Found {
            chosen,
            not_counted,
        }
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
