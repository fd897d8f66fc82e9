//! The plain-text rendering: the text with each term marked, then a numbered glossary.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::io;

use crate::dictionary::Dictionary;
use crate::report::{FormulaCandidate, Match, Report, TermCount};
use crate::text::utf16;

/// The text with every term marked `⟦…⟧ⁿ`, then a numbered glossary of the terms found.
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "Uphold the “two upholds”.";
/// let out = tifa::render::text(text, &tifa.analyze(text).unwrap(), tifa.dictionary());
/// assert!(out.starts_with("Uphold the “⟦two upholds⟧1”."));
/// assert!(out.contains("[1] Two Upholds — 两个维护"));
/// ```
pub fn text(text: &str, report: &Report, dict: &Dictionary) -> String {
    let mut out = Vec::with_capacity(text.len() + 64 * report.terms.len());
    let parts = TextParts {
        terms: &report.terms,
        candidates: &report.candidates,
    };
    // Writing into a Vec cannot fail.
    let _ = write_text(&mut out, text, &report.matches, parts, dict);
    String::from_utf8(out).unwrap_or_default()
}

/// What [`write_text`] needs of a report besides its matches.
#[derive(Debug, Clone, Copy)]
pub struct TextParts<'a> {
    /// The report's terms.
    pub terms: &'a [TermCount],
    /// The report's unknown-formula candidates.
    pub candidates: &'a [FormulaCandidate],
}

/// [`text`] written to `out` as it is made, with the matches given one at a time (from
/// [`crate::LazyReport::matches`]), so a large report is never held whole.
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "Uphold the “two upholds”.";
/// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
/// let parts = tifa::render::TextParts { terms: &lazy.terms, candidates: &lazy.candidates };
/// let mut out = Vec::new();
/// tifa::render::write_text(&mut out, text, lazy.matches(), parts, tifa.dictionary()).unwrap();
/// let report = tifa.analyze(text).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), tifa::render::text(text, &report, tifa.dictionary()));
/// ```
pub fn write_text<W: io::Write, M: Borrow<Match>>(
    out: &mut W,
    text: &str,
    matches: impl IntoIterator<Item = M>,
    parts: TextParts,
    dict: &Dictionary,
) -> io::Result<()> {
    let numbers: HashMap<&str, usize> = parts
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i + 1))
        .collect();
    let mut at = utf16::Cursor::new(text);
    let mut pos = 0;
    let mut ends_with_newline = false;
    for m in matches {
        let m = m.borrow();
        let (s, e) = (at.byte(m.start), at.byte(m.end));
        if s > pos {
            out.write_all(&text.as_bytes()[pos..s])?;
        }
        let number = numbers.get(m.id.as_str()).copied().unwrap_or(0);
        write!(out, "⟦{}⟧{}", &text[s..e], number)?;
        ends_with_newline = false;
        pos = e;
    }
    if pos < text.len() {
        out.write_all(&text.as_bytes()[pos..])?;
        ends_with_newline = text.ends_with('\n');
    }
    if !ends_with_newline {
        out.write_all(b"\n")?;
    }
    if parts.terms.is_empty() {
        return out.write_all(b"\n(no terms found)\n");
    }
    out.write_all("\n── Glossary ──\n".as_bytes())?;
    for (i, t) in parts.terms.iter().enumerate() {
        let Some(e) = dict.get(&t.id) else { continue };
        writeln!(
            out,
            "[{}] {} — {} ({}) {} ×{}",
            i + 1,
            e.en,
            e.zh,
            e.pinyin,
            e.zh_hant,
            t.count + t.nested
        )?;
        writeln!(out, "    {}", e.gloss)?;
    }
    if !parts.candidates.is_empty() {
        out.write_all("\n── Possible formulas not in the dictionary ──\n".as_bytes())?;
        for c in parts.candidates {
            writeln!(out, "  {} ×{}", c.text, c.count)?;
        }
    }
    Ok(())
}
