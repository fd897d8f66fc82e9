//! The HTML rendering: sections of marked text and glossaries, and the document around them.

use std::fmt::Write as _;

use super::match_bytes;
use crate::dictionary::Dictionary;
use crate::report::Report;

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(tifa::render::escape_html(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
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
