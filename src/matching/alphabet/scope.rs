//! The words of some texts: what a *scoped* engine is built for.
//!
//! A form can match a text only if the text holds every one of its tokens (words, single
//! punctuation characters, single Han characters: [`super::tokens`]). A news article has a few
//! thousand distinct tokens against the dictionary's tens of thousands of forms, so an engine
//! built only from the forms whose tokens all occur in the text (`Patterns` with a scope) is a
//! small fraction of the whole one and finds exactly what the whole one finds in that text.
//!
//! A word is kept in its American spelling ([`super::spelling::american`]), so "labour" in a
//! text and "labor" in a form are one, as the alphabet numbers them alike.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use crate::text::normalize::normalize;
use crate::text::script;

use super::{spelling, tokens};
use crate::text::swar::ByteHasher;

/// `token` as a scope keeps it: a word in its American spelling, anything else as it is.
fn canonical(token: &[u8]) -> Cow<'_, [u8]> {
    match spelling::american(token) {
        Some(us) => Cow::Owned(us),
        None => Cow::Borrowed(token),
    }
}

/// How many bytes a plural ending adds to the word `w`, as the lists read it: 2 for `-sses`
/// (`congresses`), 1 for another `-s` (`sessions`), none for `-ss` or a word of three letters or
/// less or one whose `s` follows a digit. A list of ordinals before one plural noun is matched in its singular
/// (`matching/candidates/coordination.rs`), and a scope holds the singular of such a word too, so
/// that a scoped engine keeps the forms that singular finds.
/// (Table-tested below: `plural_len_table`.)
pub(crate) fn plural_len(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    // A word: the letter before the `s` is a letter ("2015s" is a decade, not a plural).
    if w.len() <= 3 || !b[b.len() - 2].is_ascii_alphabetic() {
        None
    } else if w.ends_with("sses") {
        Some(2)
    } else if w.ends_with('s') && !w.ends_with("ss") {
        Some(1)
    } else {
        None
    }
}

/// The set of distinct tokens of some normalized texts (quotation marks left out: they are no
/// tokens, `QUOTE` in `alphabet.rs`).
///
/// Built from one or more texts with [`Scope::add`]; [`crate::Analyzer::from_compiled_scoped`]
/// builds an engine with only the forms whose tokens are all in it.
///
/// ```
/// let mut scope = tifa::Scope::new();
/// scope.add("Uphold the Two Upholds.");
/// assert!(scope.has_word("upholds") && scope.has_word("the"));
/// assert!(!scope.has_word("establishments"));
/// scope.add("the two establishments");
/// assert!(scope.has_word("establishments"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Scope {
    words: HashSet<Box<[u8]>, BuildHasherDefault<ByteHasher>>,
    /// Were characters of U+3000 and up added before the normalizer had its traditional →
    /// simplified table (a build without the feature `builtin-t2s`, before a Chinese match part
    /// was read)? Then [`Scope::simplified`] simplifies them for an engine built later.
    unmapped: bool,
}

impl Scope {
    /// An empty scope: an engine built for it has no forms.
    pub fn new() -> Scope {
        Scope::default()
    }

    /// The scope of one text.
    ///
    /// ```
    /// assert!(tifa::Scope::of("坚决做到两个维护").has_word("维"));
    /// ```
    pub fn of(text: &str) -> Scope {
        let mut s = Scope::new();
        s.add(text);
        s
    }

    /// Adds the tokens of `text`, normalized as the matcher normalizes it (case, width,
    /// quotes, traditional characters…).
    pub fn add(&mut self, text: &str) {
        self.add_normalized(normalize(text).text());
    }

    /// Adds the tokens of a normalized text.
    pub(crate) fn add_normalized(&mut self, norm: &str) {
        // (Always false with the table built in: the check is compiled out.)
        if !script::t2s_ready() && norm.bytes().any(|b| b >= 0xE3) {
            self.unmapped = true;
        }
        for (_, t) in tokens(norm) {
            if t == "'" || t == "\"" {
                continue;
            }
            self.insert(t.as_bytes());
            // The singular of a plural word as well: a list of ordinals before one plural noun
            // ("the second and third plenary sessions") is matched in its singular
            // (`candidates/coordination.rs`), so the forms that singular finds must be kept.
            if let Some(n) = plural_len(t) {
                self.insert(&t.as_bytes()[..t.len() - n]);
            }
        }
    }

    /// Adds one token, as it is (in its American spelling).
    pub(crate) fn insert(&mut self, token: &[u8]) {
        let t = canonical(token);
        if !self.words.contains(t.as_ref()) {
            self.words.insert(t.into_owned().into_boxed_slice());
        }
    }

    /// Does the scope hold the token `token` of a normalized text or form?
    pub(crate) fn has(&self, token: &[u8]) -> bool {
        self.words.contains(canonical(token).as_ref())
    }

    /// Does the scope hold the word `word` (lower case, as the normalizer writes it)?
    pub fn has_word(&self, word: &str) -> bool {
        self.has(word.as_bytes())
    }

    /// Does the scope hold any token of `text` ([`Scope::add`] normalizes it the same way)?
    pub(crate) fn meets(&self, norm: &str) -> bool {
        tokens(norm).any(|(_, t)| self.has(t.as_bytes()))
    }

    /// This scope as its texts would give it now. In a build without the traditional →
    /// simplified table built in, a text added before a Chinese match part brought the table
    /// kept its traditional characters; an engine with Chinese forms is built from this scope
    /// with them simplified (the normalizer maps those characters one by one, each a token of
    /// its own, so simplifying each token is normalizing the texts again). Otherwise the
    /// scope itself.
    pub(crate) fn simplified(&self) -> Cow<'_, Scope> {
        if !self.unmapped || !script::t2s_ready() {
            return Cow::Borrowed(self);
        }
        let mut out = Scope::new();
        for w in &self.words {
            match std::str::from_utf8(w) {
                Ok(t) if t.bytes().any(|b| b >= 0xE3) => {
                    let s: String = t.chars().map(script::to_simplified).collect();
                    out.insert(s.as_bytes());
                }
                _ => out.insert(w),
            }
        }
        Cow::Owned(out)
    }

    /// The number of distinct tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Does it hold no token?
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// `Scope::simplified` (the scopes of a build with the table built in are never unmapped, so
/// the test marks one so).
#[cfg(test)]
mod simplified_tests {
    use super::*;

    /// (name, tokens of a scope made before the table came, tokens it has after)
    const SIMPLIFIED: &[(&str, &[&str], &[&str])] = &[
        (
            "traditional_han",
            &["兩", "個", "維", "護"],
            &["两", "个", "维", "护"],
        ),
        ("simplified_stays", &["两", "党"], &["两", "党"]),
        (
            "words_stay",
            &["the", "labour", "\""],
            &["the", "labor", "\""],
        ),
    ];

    #[test]
    fn simplified_table() {
        for &(name, tokens, want) in SIMPLIFIED {
            let mut scope = Scope::new();
            tokens.iter().for_each(|t| scope.insert(t.as_bytes()));
            scope.unmapped = true;
            let out = scope.simplified();
            assert_eq!(out.len(), want.len(), "case {name}");
            assert!(want.iter().all(|w| out.has(w.as_bytes())), "case {name}");
            assert!(!out.unmapped, "case {name}");
        }
    }
}

/// A scope's answer for each token of many forms, each distinct token looked up once (its
/// American spelling, its hash in the scope): a scoped build asks it for every token of every
/// form it tests, and the forms of the dictionary share most of their words ("the", "party",
/// the words of one template's forms).
pub(crate) struct Lookups<'s, 'a> {
    scope: &'s Scope,
    /// For each token asked about: 1 when the scope holds it, else 0; and 2 or 4 added once it
    /// was recorded as a missing word without or with its plural ([`Lookups::block`]). (The
    /// map's type is the matcher's index of forms, so the embed's module carries one copy of
    /// its code.)
    seen: HashMap<&'a str, usize, BuildHasherDefault<ByteHasher>>,
}

impl<'s, 'a> Lookups<'s, 'a> {
    pub fn new(scope: &'s Scope) -> Self {
        Lookups {
            scope,
            seen: HashMap::default(),
        }
    }

    /// Records in `blocked` the word (and plural) that keeps a form out, once per word.
    pub fn block(&mut self, blocked: &mut Scope, m: Missing<'a>) {
        let flag = if m.plural.is_some() { 4 } else { 2 };
        let known = self.seen.get(m.word).copied().unwrap_or(0);
        if known & flag == 0 {
            self.seen.insert(m.word, known | flag);
            blocked.insert(m.word.as_bytes());
            if let Some(p) = &m.plural {
                blocked.insert(p);
            }
        }
    }

    /// Does the scope hold `token` ([`Scope::has`])?
    pub fn has(&mut self, token: &'a str) -> bool {
        if let Some(&k) = self.seen.get(token) {
            return k & 1 != 0;
        }
        let has = self.scope.has(token.as_bytes());
        self.seen.insert(token, usize::from(has));
        has
    }
}

/// Why a form stays out of a scoped engine: the first of its tokens (in the form's order) that
/// the scope lacks, and, when that is the form's last word and a plural may follow it, that
/// word's plural too. `None`: every token is in the scope (or, for the last word, its plural).
#[cfg(test)]
pub(crate) fn missing<'a>(
    scope: &Scope,
    form: &'a str,
    plural: Option<&str>,
) -> Option<Missing<'a>> {
    missing_in(&mut Lookups::new(scope), form, plural)
}

/// [`missing`], the scope asked through `lookups`.
pub(crate) fn missing_in<'a>(
    lookups: &mut Lookups<'_, 'a>,
    form: &'a str,
    plural: Option<&str>,
) -> Option<Missing<'a>> {
    let scope = lookups.scope;
    for (at, t) in tokens(form) {
        if t == "'" || t == "\"" || lookups.has(t) {
            continue;
        }
        let last = at + t.len() == form.len();
        if let (true, Some(suffix)) = (last, plural) {
            let mut p = Vec::with_capacity(t.len() + suffix.len());
            p.extend_from_slice(t.as_bytes());
            p.extend_from_slice(suffix.as_bytes());
            if scope.has(&p) {
                return None;
            }
            return Some(Missing {
                word: t,
                at,
                plural: Some(p),
            });
        }
        return Some(Missing {
            word: t,
            at,
            plural: None,
        });
    }
    None
}

/// Words that keep every form of a template out of a scoped engine: a word that every form
/// holds and `scope` lacks (nor its plural, in case it is a form's last word), or, for a group
/// of alternatives `(a|b)` that every form takes one of, a word each alternative holds and the
/// scope lacks. Empty when no such word or group is found: the forms are then looked at one by
/// one. Each word comes with its plural when it ends in a letter (all of them block the forms,
/// as [`Missing`] does).
///
/// Only words between two spaces (or an end of the template, or of an alternative whose group
/// stands between spaces) count, in ASCII letters and digits, lower-cased: those the normalizer
/// leaves as they are but for case, and that every variant of a form keeps (hyphens are not
/// spaces: a word beside one may lose it in a variant; `the` is left out: the article-less
/// variant drops it). Optional groups `[a|b]` and endings `{s,ing}` hold no such word.
pub(crate) fn template_lacks(scope: &Scope, template: &str) -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
    let b = template.as_bytes();
    let spaced = |at: usize| at == 0 || at >= b.len() || b[at] == b' ';
    let mut literal_start = 0;
    let mut i = 0;
    while i < b.len() {
        let close = match b[i] {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            _ => {
                i += 1;
                continue;
            }
        };
        // The literal before the group: its start is the template's start or a bracket.
        if let Some(w) = lacking_word(scope, &b[literal_start..i], literal_start == 0, false) {
            return vec![w];
        }
        let end = b[i + 1..]
            .iter()
            .position(|&c| c == close)
            .map_or(b.len(), |k| i + 1 + k);
        if close == b')' {
            let (before, after) = (i == 0 || spaced(i - 1), spaced(end + 1));
            let mut words = Vec::new();
            for alt in b[(i + 1).min(end)..end].split(|&c| c == b'|') {
                match lacking_word(scope, alt, before, after) {
                    Some(w) => words.push(w),
                    None => {
                        words.clear();
                        break;
                    }
                }
            }
            if !words.is_empty() {
                return words;
            }
        }
        i = end + 1;
        literal_start = i;
    }
    let rest = &b[literal_start.min(b.len())..];
    lacking_word(scope, rest, literal_start == 0, true)
        .into_iter()
        .collect()
}

/// The first word of `seg` (a piece of a template) between two spaces, or an edge of `seg`
/// that counts as one (`open_start`, `open_end`), that `scope` lacks, nor its plural: see
/// [`template_lacks`]. A scoped build also asks it about each alternative of a template it
/// expands, to leave out the forms that take one the scope lacks a word of.
pub(crate) fn lacking_word(
    scope: &Scope,
    seg: &[u8],
    open_start: bool,
    open_end: bool,
) -> Option<(Vec<u8>, Option<Vec<u8>>)> {
    let mut i = 0;
    while i < seg.len() {
        if !seg[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < seg.len() && seg[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let before = if start == 0 {
            open_start
        } else {
            seg[start - 1] == b' '
        };
        let after = if i == seg.len() {
            open_end
        } else {
            seg[i] == b' '
        };
        if !(before && after) {
            continue;
        }
        let word = seg[start..i].to_ascii_lowercase();
        if word == b"the" || scope.has(&word) {
            continue;
        }
        // As `missing` does for a last word: its plural in the text would do (a word that
        // ends in a digit takes none).
        let plural = word.last().is_some_and(u8::is_ascii_alphabetic).then(|| {
            let es = matches!(word.last(), Some(b's' | b'x' | b'z'))
                || word.ends_with(b"ch")
                || word.ends_with(b"sh");
            [&word[..], if es { b"es" } else { b"s" }].concat()
        });
        if !plural.as_ref().is_some_and(|p| scope.has(p)) {
            return Some((word, plural));
        }
    }
    None
}

/// See [`missing`].
pub(crate) struct Missing<'a> {
    pub word: &'a str,
    /// Where `word` starts in the form.
    pub at: usize,
    pub plural: Option<Vec<u8>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, scope text, form, plural suffix, the missing word and its plural)
    const MISSING: &[(&str, &str, &str, Option<&str>, Option<(&str, Option<&str>)>)] = &[
        (
            "all_there",
            "the Two Upholds",
            "two upholds",
            Some("es"),
            None,
        ),
        (
            "first_missing_named",
            "two words",
            "two upholds",
            Some("es"),
            Some(("upholds", Some("upholdses"))),
        ),
        (
            "middle_word",
            "upholds and",
            "two upholds",
            None,
            Some(("two", None)),
        ),
        ("plural_in_text", "new eras", "new era", Some("s"), None),
        (
            "british_text",
            "labour union",
            "labor union",
            Some("s"),
            None,
        ),
        (
            "quotes_ignored",
            "two upholds",
            "\"two upholds\"",
            None,
            None,
        ),
        ("han", "两个维护", "两个维护", None, None),
        ("traditional_text", "兩個維護", "两个维护", None, None),
        ("han_missing", "两个", "两个维护", None, Some(("维", None))),
    ];

    #[test]
    fn missing_table() {
        for &(name, text, form, plural, want) in MISSING {
            let got = missing(&Scope::of(text), form, plural)
                .map(|m| (m.word, m.plural.map(|p| String::from_utf8(p).unwrap())));
            let want = want.map(|(w, p)| (w, p.map(str::to_string)));
            assert_eq!(got, want, "case {name}");
        }
    }

    /// (name, scope text, template, the word the scope lacks)
    const TEMPLATE_LACKS: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "all_there",
            "uphold the two upholds",
            "(uphold|maintain) the two upholds",
            None,
        ),
        (
            "fixed_word_missing",
            "uphold the upholds",
            "(uphold|maintain) the two upholds",
            Some("two"),
        ),
        (
            "only_alternatives_missing",
            "two upholds",
            "(uphold|maintain) the two upholds",
            None,
        ),
        ("plural_in_scope", "the new eras", "[the] new era", None),
        (
            "plural_missing_too",
            "the new",
            "[the] new era",
            Some("era"),
        ),
        (
            "word_before_endings_not_fixed",
            "the party",
            "govern{s,ing} the party",
            None,
        ),
        (
            "word_beside_group_not_fixed",
            "of the party",
            "self(-| )revolution of the party",
            None,
        ),
        (
            "hyphened_word_not_fixed",
            "of the party",
            "self-revolution of the party",
            None,
        ),
        ("article_not_fixed", "two upholds", "the two upholds", None),
        ("case_folded", "two", "Two Upholds", Some("upholds")),
        ("british_scope", "labour union", "labor union", None),
        (
            "every_alternative_missing",
            "the core",
            "(uphold|maintain) the core",
            Some("uphold maintain"),
        ),
        (
            "one_alternative_there",
            "maintain the core",
            "(uphold|maintain) the core",
            None,
        ),
        (
            "optional_alternatives_never_lack",
            "two upholds",
            "[uphold|maintain] two upholds",
            None,
        ),
        (
            "alternatives_without_words",
            "self revolution",
            "self(-| )revolution",
            None,
        ),
        ("article_alternative", "core", "(the|a) core", None),
        ("group_beside_a_word", "core", "up(hold|keep) core", None),
        // Regression: a last word that ends in a digit takes no plural, so its "plural" in
        // the scope ("2015s") neither keeps the template nor is blocked.
        (
            "digit_word_no_plural",
            "fox hunting 2015s",
            "(Fox Hunt|fox hunting) 2015",
            Some("2015"),
        ),
    ];

    #[test]
    fn template_lacks_table() {
        for &(name, text, template, want) in TEMPLATE_LACKS {
            let scope = Scope::of(text);
            let got = template_lacks(&scope, template);
            for (word, plural) in &got {
                assert!(
                    !scope.has(word),
                    "case {name}: blocks a word the scope holds"
                );
                if let Some(p) = plural {
                    assert!(
                        !scope.has(p),
                        "case {name}: blocks a plural the scope holds"
                    );
                }
            }
            let got: Vec<String> = got
                .into_iter()
                .map(|(w, _)| String::from_utf8(w).unwrap())
                .collect();
            assert_eq!(got.join(" "), want.unwrap_or(""), "case {name}");
        }
    }

    #[test]
    fn meets_is_any_token() {
        let s = Scope::of("the core");
        assert!(s.meets("core values"));
        assert!(!s.meets("upholds"));
        assert!(s.meets("two upholds")); // the space
    }
}

/// `plural_len` and the singulars a scope keeps beside the plurals of a text.
#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn plural_len_table() {
        // (word, bytes the plural adds)
        let cases: &[(&str, Option<usize>)] = &[
            ("sessions", Some(1)),
            ("congresses", Some(2)),
            ("plenums", Some(1)),
            ("class", None),
            ("its", None),
            ("session", None),
            ("2015s", None),
            ("1990s", None),
        ];
        for &(w, want) in cases {
            assert_eq!(plural_len(w), want, "{w}");
        }
    }

    #[test]
    fn a_scope_holds_the_singular_of_a_plural_word() {
        let scope = Scope::of("the second and third plenary sessions; two congresses");
        for w in ["sessions", "session", "congresses", "congress"] {
            assert!(scope.has_word(w), "{w}");
        }
        assert!(!scope.has_word("thir"));
    }
}
