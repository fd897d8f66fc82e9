//! `tifa annotate`: find the terms in files (or standard input) and print a report for each,
//! as JSON Lines, text, HTML or CSV.

use std::io::Write;

use tifa::render;

use crate::args::{Annotate, Format};
use crate::{input, json, load, output};

pub(crate) fn run(args: Annotate) -> Result<bool, String> {
    // Before any work: output that cannot be written stops the run at once.
    let mut out = output::stdout()?;
    let tifa = load::analyzer(&args.dicts)?;
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    let mut ok = true;
    let mut html = String::new();
    if matches!(args.format, Format::Csv) {
        out.write_all(render::CSV_HEADER.as_bytes())
            .map_err(|e| output::write_failed(e, "the CSV header"))?;
    }
    let options = tifa::Options {
        sensitivity: args.sensitivity.into(),
        ..Default::default()
    };
    for name in &files {
        let source = input::shown(name);
        let text = match input::read_text(name) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("tifa: {message}");
                ok = false;
                continue;
            }
        };
        let report = match tifa.analyze_lazy(&text, options) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("tifa: {source}: {e}");
                ok = false;
                continue;
            }
        };
        // Each report is written as it is made (the matches one at a time), and a write that
        // fails (a closed pipe, a full disk) stops the run at once.
        let written = match args.format {
            Format::Json => json::write_report(&mut out, source, &report),
            Format::Text => (|| {
                if files.len() > 1 {
                    writeln!(out, "══ {source} ══")?;
                }
                let parts = render::TextParts {
                    terms: &report.terms,
                    candidates: &report.candidates,
                };
                render::write_text(&mut out, &text, report.matches(), parts, tifa.dictionary())?;
                if files.len() > 1 {
                    writeln!(out)?;
                }
                Ok(())
            })(),
            Format::Csv => report
                .matches()
                .try_for_each(|m| out.write_all(render::csv_row(source, &m).as_bytes())),
            Format::Html => {
                let report = report.into_report();
                html.push_str(&render::html_section(
                    source,
                    &text,
                    &report,
                    tifa.dictionary(),
                ));
                Ok(())
            }
        };
        written.map_err(|e| output::write_failed(e, source))?;
    }
    if matches!(args.format, Format::Html) && !html.is_empty() {
        out.write_all(render::html_document(&html).as_bytes())
            .map_err(|e| output::write_failed(e, "the HTML document"))?;
    }
    out.flush()
        .map_err(|e| output::write_failed(e, "the end"))?;
    Ok(ok)
}
