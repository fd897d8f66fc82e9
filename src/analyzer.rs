//! The engine: a dictionary and its automaton, ready to analyse texts.

use crate::dictionary::Dictionary;
use crate::error::Error;
use crate::matcher::Matcher;
use crate::normalize::normalize;
use crate::report::{self, Report};

/// The largest text accepted, in bytes of UTF-8 (64 MiB).
pub const MAX_TEXT_BYTES: usize = 64 << 20;

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
    pub fn builtin() -> Result<Analyzer, Error> {
        Analyzer::new(Dictionary::builtin()?.clone())
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The automaton.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    fn check(text: &str) -> Result<(), Error> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::Input(format!(
                "the text is {:.1} MiB; tifa analyses at most {} MiB at a time (split it into parts)",
                text.len() as f64 / (1 << 20) as f64,
                MAX_TEXT_BYTES >> 20
            )));
        }
        Ok(())
    }

    /// The full report for one text.
    pub fn analyze(&self, text: &str) -> Result<Report, Error> {
        Self::check(text)?;
        let norm = normalize(text);
        let chosen = self.matcher.find(&norm);
        Ok(report::build(
            &self.dict,
            &self.matcher,
            text,
            &norm,
            &chosen,
        ))
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
        Self::check(text)?;
        let norm = normalize(text);
        let chosen = self.matcher.find(&norm);
        let mut out = Vec::with_capacity(chosen.len() * 3);
        for c in chosen {
            let (s, e) = norm.original_span(c.outer.start, c.outer.end);
            out.extend([
                s,
                e,
                self.matcher.patterns[c.outer.pattern as usize].owners[0].0,
            ]);
        }
        Ok(out)
    }
}
