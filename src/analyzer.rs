//! The engine: a dictionary and its automaton, ready to analyse texts.

use crate::dictionary::Dictionary;
use crate::error::Error;
use crate::matching::alphabet::scope::Scope;
use crate::matching::choose::Found;
use crate::matching::sensitivity::{DocumentContext, Sensitivity};
use crate::matching::Matcher;
use crate::report::{self, LazyReport, Report};
use crate::text::normalize::{normalize, Normalized};

/// The largest text accepted, in bytes of UTF-8 (64 MiB).
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// How to analyse a text.
///
/// ```
/// use tifa::{DocumentContext, Options, Sensitivity};
/// let opts = Options { sensitivity: Sensitivity::Strict, ..Options::default() };
/// assert_eq!(opts.document, DocumentContext::OwnText);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// How much context gated forms need.
    pub sensitivity: Sensitivity,
    /// Where the document rule's evidence comes from.
    pub document: DocumentContext,
}

/// A dictionary compiled into one automaton.
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let report = tifa.analyze("Officials must achieve the “two upholds”.").unwrap();
/// assert_eq!(report.matches[0].id, "two-upholds");
/// assert_eq!((report.matches[0].start, report.matches[0].end), (28, 39));
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    dict: Dictionary,
    matcher: Matcher,
}

impl Analyzer {
    /// Compiles a validated dictionary.
    pub fn new(dict: Dictionary) -> Result<Analyzer, Error> {
        let matcher = Matcher::new(&dict)?;
        Ok(Analyzer { dict, matcher })
    }

    /// The built-in dictionary, compiled.
    #[cfg(feature = "toml")]
    pub fn builtin() -> Result<Analyzer, Error> {
        Analyzer::new(Dictionary::builtin()?.clone())
    }

    /// An analyzer over a compiled dictionary's match parts, written one after another (the
    /// first buffer [`crate::compiled::write`] returns: the base part and both script parts):
    /// nothing is parsed or validated, so it starts fast. Card fields stay empty until
    /// [`Analyzer::add_cards`].
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let (matching, cards) = tifa::compiled::write(tifa::Dictionary::builtin().unwrap());
    /// let mut tifa = tifa::Analyzer::from_compiled(&matching).unwrap();
    /// assert_eq!(tifa.analyze("两个维护").unwrap().matches[0].id, "two-upholds");
    /// tifa.add_cards(&cards).unwrap();
    /// assert!(tifa.dictionary().has_cards());
    /// # }
    /// ```
    pub fn from_compiled(matching: &[u8]) -> Result<Analyzer, Error> {
        Analyzer::from_compiled_first(matching, usize::MAX)
    }

    /// [`Analyzer::from_compiled`] over the first `entries` entries of the match part only
    /// (all of them for `usize::MAX`): a small engine that runs the same start-up code, to warm
    /// it up (the wasm binding's `warmUp`).
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let (matching, _) = tifa::compiled::write(tifa::Dictionary::builtin().unwrap());
    /// let few = tifa::Analyzer::from_compiled_first(&matching, 10).unwrap();
    /// assert_eq!(few.dictionary().len(), 10);
    /// # }
    /// ```
    pub fn from_compiled_first(matching: &[u8], entries: usize) -> Result<Analyzer, Error> {
        let (dict, norms) = {
            let _span = crate::timing::span("read");
            crate::dictionary::compiled::read_match_normalized(matching, entries)?
        };
        let _span = crate::timing::span("patterns");
        let matcher = Matcher::with_normalized(&dict, &norms)?;
        Ok(Analyzer { dict, matcher })
    }

    /// An analyzer over a compiled dictionary's base part and any of its script parts, in any
    /// order ([`crate::compiled::read_match_parts`]): it finds the terms of the scripts given.
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let parts = tifa::compiled::write_parts(tifa::Dictionary::builtin().unwrap());
    /// let zh = tifa::Analyzer::from_compiled_parts(&[&parts.base, &parts.chinese]).unwrap();
    /// assert_eq!(zh.analyze("两个维护").unwrap().matches[0].id, "two-upholds");
    /// assert!(zh.analyze("the Two Upholds").unwrap().matches.is_empty());
    /// # }
    /// ```
    pub fn from_compiled_parts(parts: &[&[u8]]) -> Result<Analyzer, Error> {
        let (dict, norms) = crate::dictionary::compiled::read_parts_normalized(parts, usize::MAX)?;
        let matcher = Matcher::with_normalized(&dict, &norms)?;
        Ok(Analyzer { dict, matcher })
    }

    /// A *scoped* analyzer: over the same match parts as [`Analyzer::from_compiled`] (one
    /// after another), with the same dictionary, but an automaton of only the forms whose
    /// tokens (words, punctuation, Han characters) all occur in `scope`'s texts: a form with a
    /// token a text lacks cannot match it. On a text the scope [covers](Analyzer::covers)
    /// (every text added to it, and any text without the words that kept forms out), its
    /// results are the same as the whole analyzer's, match for match, at every sensitivity.
    /// For an article's few thousand words it builds in a fraction of the time and memory:
    /// what the embed's first highlight uses.
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let (matching, _) = tifa::compiled::write(tifa::Dictionary::builtin().unwrap());
    /// let text = "Officials must achieve the “two upholds”.";
    /// let scoped = tifa::Analyzer::from_compiled_scoped(&matching, &tifa::Scope::of(text)).unwrap();
    /// let whole = tifa::Analyzer::from_compiled(&matching).unwrap();
    /// assert!(scoped.pattern_count() < whole.pattern_count() / 100);
    /// assert_eq!(scoped.analyze(text).unwrap(), whole.analyze(text).unwrap());
    /// assert!(scoped.covers(text));
    /// assert!(!scoped.covers("the two establishments"));
    /// # }
    /// ```
    pub fn from_compiled_scoped(matching: &[u8], scope: &Scope) -> Result<Analyzer, Error> {
        let (dict, norms) = {
            let _span = crate::timing::span("read");
            crate::dictionary::compiled::read_match_normalized(matching, usize::MAX)?
        };
        let _span = crate::timing::span("patterns");
        let matcher = Matcher::scoped(&dict, &norms, scope)?;
        Ok(Analyzer { dict, matcher })
    }

    /// [`Analyzer::from_compiled_scoped`] over a base part and any of its script parts, in
    /// any order ([`Analyzer::from_compiled_parts`]).
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let parts = tifa::compiled::write_parts(tifa::Dictionary::builtin().unwrap());
    /// let text = "坚决做到两个维护";
    /// let zh = tifa::Analyzer::from_compiled_parts_scoped(&[&parts.base, &parts.chinese], &tifa::Scope::of(text)).unwrap();
    /// assert_eq!(zh.analyze(text).unwrap().matches[0].id, "two-upholds");
    /// # }
    /// ```
    pub fn from_compiled_parts_scoped(parts: &[&[u8]], scope: &Scope) -> Result<Analyzer, Error> {
        let (dict, norms) = crate::dictionary::compiled::read_parts_normalized(parts, usize::MAX)?;
        let matcher = Matcher::scoped(&dict, &norms, scope)?;
        Ok(Analyzer { dict, matcher })
    }

    /// The scope of a scoped analyzer ([`Analyzer::from_compiled_scoped`]); `None` for one with
    /// every form. Add a text to a clone of it to build a wider one.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// assert!(tifa.scope().is_none());
    /// ```
    pub fn scope(&self) -> Option<&Scope> {
        self.matcher.patterns().scope.as_ref().map(|b| &b.0)
    }

    /// Does this analyzer find in `text` everything the whole dictionary's analyzer finds?
    /// Always for an analyzer with every form; for a scoped one, when `text` holds none of the
    /// words that kept a form out of it (a quick scan of the text's tokens). A text it does
    /// not cover needs a wider scope (or the whole engine); a text of the scope is always
    /// covered. A text too large to analyse is not covered.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// assert!(tifa.covers("anything at all"));
    /// ```
    pub fn covers(&self, text: &str) -> bool {
        let p = self.matcher.patterns();
        p.scope.is_none() || (Self::check(text).is_ok() && p.covers(normalize(text).text()))
    }

    /// Adds the card part of the compiled dictionary this analyzer was made from.
    pub fn add_cards(&mut self, cards: &[u8]) -> Result<(), Error> {
        crate::dictionary::compiled::read_cards(&mut self.dict, cards)
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The number of distinct normalized forms the automaton holds (a form, its variants with
    /// spaces for hyphens; forms that normalize alike are one).
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// assert!(tifa.pattern_count() > tifa.dictionary().len());
    /// ```
    pub fn pattern_count(&self) -> usize {
        self.matcher.patterns().len()
    }

    /// The first stages for every entry point: check the size, normalize, match.
    fn find(&self, text: &str, options: Options) -> Result<(Normalized, Found), Error> {
        Self::check(text)?;
        let norm = normalize(text);
        let found = self
            .matcher
            .find(&norm, options.sensitivity, options.document);
        Ok((norm, found))
    }

    fn check(text: &str) -> Result<(), Error> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::TooLarge {
                len: text.len(),
                max: MAX_TEXT_BYTES,
            });
        }
        Ok(())
    }

    /// The full report for one text, with the default sensitivity.
    pub fn analyze(&self, text: &str) -> Result<Report, Error> {
        self.analyze_options(text, Options::default())
    }

    /// The full report for one text at a given sensitivity.
    ///
    /// ```
    /// use tifa::Sensitivity;
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let text = "The core of the plan is simple.";
    /// assert!(tifa.analyze_with(text, Sensitivity::Default).unwrap().matches.is_empty());
    /// let all = tifa.analyze_with(text, Sensitivity::All).unwrap();
    /// assert_eq!(all.matches[0].text, "core");
    /// ```
    pub fn analyze_with(&self, text: &str, sensitivity: Sensitivity) -> Result<Report, Error> {
        self.analyze_options(
            text,
            Options {
                sensitivity,
                ..Options::default()
            },
        )
    }

    /// The full report for one text with every option.
    pub fn analyze_options(&self, text: &str, options: Options) -> Result<Report, Error> {
        Ok(self.analyze_lazy(text, options)?.into_report())
    }

    /// The report for one text with its matches made one at a time ([`LazyReport`]): what a
    /// writer streaming a large report needs, without holding every match at once.
    pub fn analyze_lazy<'a>(
        &'a self,
        text: &'a str,
        options: Options,
    ) -> Result<LazyReport<'a>, Error> {
        let (norm, found) = self.find(text, options)?;
        Ok(report::lazy(
            &self.dict,
            self.matcher.patterns(),
            text,
            norm,
            found,
            options.sensitivity,
        ))
    }

    /// Does this text, taken as a whole document, show Party discourse (the document rule of
    /// [`Sensitivity`])? The embed asks this over a whole page before it analyses the page
    /// in batches with [`DocumentContext::Given`].
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// assert!(tifa.document_vouches("全面从严治党").unwrap());
    /// assert!(!tifa.document_vouches("The core of the plan is simple.").unwrap());
    /// ```
    pub fn document_vouches(&self, text: &str) -> Result<bool, Error> {
        Self::check(text)?;
        let norm = normalize(text);
        Ok(self.matcher.vouches(&self.matcher.candidates(&norm)))
    }

    /// How often each form occurs in `text` on word boundaries, whatever its context and
    /// whether or not a longer form covers it: `(entry index, form index, count)`, sorted. The
    /// evidence for `needs_context` (a form found in ordinary prose needs context).
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let hits = tifa.form_hits("the core of the core").unwrap();
    /// let core = hits.iter().find(|&&(e, f, _)| {
    ///     tifa.dictionary().entries()[e].forms[f].text == "core"
    /// });
    /// assert_eq!(core.map(|h| h.2), Some(2));
    /// ```
    pub fn form_hits(&self, text: &str) -> Result<Vec<(usize, usize, u32)>, Error> {
        Self::check(text)?;
        let norm = normalize(text);
        let mut counts: std::collections::BTreeMap<(usize, usize), u32> = Default::default();
        for c in self.matcher.candidates(&norm) {
            for &(e, f) in &self.matcher.patterns().get(c.pattern).owners {
                *counts.entry((e as usize, f as usize)).or_default() += 1;
            }
        }
        Ok(counts.into_iter().map(|((e, f), n)| (e, f, n)).collect())
    }

    /// Only the top-level spans, flat: `[start, end, entry index]*` in UTF-16 code units,
    /// entry index into [`Dictionary::entries`]. The hot path for highlighting.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let spans = tifa.spans("两个维护").unwrap();
    /// assert_eq!(&spans[..2], &[0, 4]);
    /// assert_eq!(tifa.dictionary().entries()[spans[2] as usize].id, "two-upholds");
    /// ```
    pub fn spans(&self, text: &str) -> Result<Vec<u32>, Error> {
        self.spans_options(text, Options::default())
    }

    /// The matches as rows of numbers, what a highlighter needs and nothing it must look up
    /// again: `[n, n × (start, end, entry, form, kind, context, nested), nested entries…]`
    /// ([`crate::ROW`] fields per row). The same matches as
    /// [`Analyzer::analyze_options`], without building a report.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let rows = tifa.rows("两个维护", Default::default()).unwrap();
    /// assert_eq!(rows[0], 1); // one match
    /// let (start, end, entry, form) = (rows[1], rows[2], rows[3] as usize, rows[4] as usize);
    /// assert_eq!((start, end), (0, 4));
    /// assert_eq!(tifa.dictionary().entries()[entry].forms[form].text, "两个维护");
    /// assert_eq!(rows[5], 0); // kind 0: official
    /// ```
    pub fn rows(&self, text: &str, options: Options) -> Result<Vec<u32>, Error> {
        let (norm, found) = self.find(text, options)?;
        Ok(report::rows(
            &self.dict,
            self.matcher.patterns(),
            &norm,
            &found,
        ))
    }

    /// [`Analyzer::spans`] with every option.
    pub fn spans_options(&self, text: &str, options: Options) -> Result<Vec<u32>, Error> {
        let (norm, found) = self.find(text, options)?;
        let mut out = Vec::with_capacity(found.chosen.len() * 3);
        let mut hint = 0;
        for c in found.chosen {
            let (s, e) = norm.original_span_from(&mut hint, c.outer.start, c.outer.end);
            let (entry, _) = self.matcher.patterns().owner(c.outer.pattern);
            out.extend([s, e, entry as u32]);
        }
        Ok(out)
    }
}
