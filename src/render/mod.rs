//! Plain-text, HTML and CSV renderings of a report (the CLI's `--format text|html|csv`).
//! JSON is the [`Report`] itself, serialized.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;

use crate::dictionary::Dictionary;
use crate::report::{Candidate, Match, Report, TermCount};
use crate::utf16;

fn match_bytes(text: &str, report: &Report) -> Vec<usize> {
    let units: Vec<u32> = report
        .matches
        .iter()
        .flat_map(|m| [m.start, m.end])
        .collect();
    utf16::byte_offsets(text, &units)
}

/// The text with every term marked `⟦…⟧ⁿ`, then a numbered glossary of the terms found.
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "Uphold the “two upholds”.";
/// let out = tifa::output::text(text, &tifa.analyze(text).unwrap(), tifa.dictionary());
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
    pub candidates: &'a [Candidate],
}

/// [`text`] written to `out` as it is made, with the matches given one at a time (from
/// [`crate::report::Lazy::matches`]), so a large report is never held whole.
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "Uphold the “two upholds”.";
/// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
/// let parts = tifa::output::TextParts { terms: &lazy.terms, candidates: &lazy.candidates };
/// let mut out = Vec::new();
/// tifa::output::write_text(&mut out, text, lazy.matches(), parts, tifa.dictionary()).unwrap();
/// let report = tifa.analyze(text).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), tifa::output::text(text, &report, tifa.dictionary()));
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

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(tifa::output::escape_html(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One `<section>` of HTML: the escaped text with `<mark data-tifa-term="id">` around each term
/// (its `title` holds the gloss), then a glossary list. Wrap sections with [`html_document`].
pub fn html_section(source: &str, text: &str, report: &Report, dict: &Dictionary) -> String {
    let bytes = match_bytes(text, report);
    let mut out = format!(
        "<section>\n<h2>{}</h2>\n<div class=\"text\">",
        escape_html(source)
    );
    let mut pos = 0;
    for (i, m) in report.matches.iter().enumerate() {
        let (s, e) = (bytes[2 * i], bytes[2 * i + 1]);
        out.push_str(&escape_html(&text[pos..s]));
        let title = dict.get(&m.id).map_or(String::new(), |e| {
            format!("{} · {} · {}", e.en, e.zh, e.gloss)
        });
        let _ = write!(
            out,
            "<mark data-tifa-term=\"{}\" data-category=\"{}\" title=\"{}\">{}</mark>",
            escape_html(&m.id),
            escape_html(&m.category),
            escape_html(&title),
            escape_html(&text[s..e])
        );
        pos = e;
    }
    out.push_str(&escape_html(&text[pos..]));
    out.push_str("</div>\n<dl>\n");
    for t in &report.terms {
        if let Some(e) = dict.get(&t.id) {
            let _ = writeln!(
                out,
                "<dt id=\"term-{}\">{} — {} ({})</dt><dd>{} {}</dd>",
                escape_html(&e.id),
                escape_html(&e.en),
                escape_html(&e.zh),
                escape_html(&e.pinyin),
                escape_html(&e.gloss),
                escape_html(&e.explanation)
            );
        }
    }
    out.push_str("</dl>\n</section>\n");
    out
}

/// A standalone HTML document around sections made by [`html_section`].
pub fn html_document(sections: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>tifa annotation</title>\n<style>\n.text{{white-space:pre-wrap;line-height:1.6}}\nmark{{background:#fde68a;border-bottom:2px solid #b45309}}\n</style>\n</head>\n<body>\n{sections}</body>\n</html>\n"
    )
}

/// One CSV field: RFC 4180 quoting, and a field that a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so
/// `=HYPERLINK(…)` in a text or file name stays text when the CSV is opened.
///
/// ```
/// # use tifa::output::csv_field;
/// assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
/// assert_eq!(csv_field("two upholds"), "two upholds");
/// ```
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV header line of [`csv_rows`].
pub const CSV_HEADER: &str = "source,id,start,end,text,form,kind,category,context,nested\n";

/// One CSV row per top-level match (RFC 4180 quoting; `nested` holds ids joined by `;`).
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "the Two Safeguards";
/// let rows = tifa::output::csv_rows("a.txt", &tifa.analyze(text).unwrap());
/// assert_eq!(rows, "a.txt,two-upholds,4,18,Two Safeguards,two safeguards,media,leadership,capitalized,\n");
/// ```
pub fn csv_rows(source: &str, report: &Report) -> String {
    report.matches.iter().map(|m| csv_row(source, m)).collect()
}

/// The CSV row of one match, line end included ([`csv_rows`] one match at a time).
pub fn csv_row(source: &str, m: &Match) -> String {
    let nested: Vec<&str> = m.nested.iter().map(|n| n.id.as_str()).collect();
    let fields = [
        csv_field(source),
        csv_field(&m.id),
        m.start.to_string(),
        m.end.to_string(),
        csv_field(&m.text),
        csv_field(&m.form),
        m.kind.as_str().to_string(),
        csv_field(&m.category),
        m.context.map_or(String::new(), |r| r.as_str().to_string()),
        csv_field(&nested.join(";")),
    ];
    let mut out = fields.join(",");
    out.push('\n');
    out
}
