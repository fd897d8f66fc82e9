//! The CSV rendering: one row per match, and the field rule the corpus tables share.

use crate::report::{Match, Report};

/// One CSV field: RFC 4180 quoting, and a field that a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so
/// `=HYPERLINK(…)` in a text or file name stays text when the CSV is opened.
///
/// ```
/// # use tifa::render::csv_field;
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
/// let rows = tifa::render::csv_rows("a.txt", &tifa.analyze(text).unwrap());
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
