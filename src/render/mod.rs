//! Plain-text, HTML and CSV renderings of a report (the CLI's `--format text|html|csv`, the
//! page's CSV and HTML exports): one file per format. JSON is the [`Report`] itself, serialized.

mod csv;
mod html;
mod text;

pub use csv::{csv_field, csv_row, csv_rows, CSV_HEADER};
pub use html::{escape_html, html_document, html_section};
pub use text::{text, write_text, TextParts};

use crate::report::Report;
use crate::text::utf16;

/// The byte offsets of every match's start and end, in match order.
fn match_bytes(text: &str, report: &Report) -> Vec<usize> {
    let units: Vec<u32> = report
        .matches
        .iter()
        .flat_map(|m| [m.start, m.end])
        .collect();
    utf16::byte_offsets(text, &units)
}
