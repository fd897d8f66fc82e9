//! The JSON report, written as it is made: one line per input, keys in sorted order (as
//! `serde_json::Value` writes them), each match serialized on its own, so the memory a report
//! takes no longer grows with the number of matches times the size of a JSON tree.

use std::io::{self, Write};

use serde::Serialize;
use tifa::LazyReport;

/// One value as `serde_json::Value` writes it (sorted keys), the bytes the CLI always wrote.
fn value<W: Write>(out: &mut W, v: &impl Serialize) -> io::Result<()> {
    let v = serde_json::to_value(v).map_err(io::Error::other)?;
    serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)
}

/// A JSON array of `items`, one element at a time.
fn array<W: Write, T: Serialize>(
    out: &mut W,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        value(out, &item)?;
    }
    out.write_all(b"]")
}

/// The report of one input as one line of JSON, with its `source`.
pub fn write_report<W: Write>(out: &mut W, source: &str, r: &LazyReport) -> io::Result<()> {
    out.write_all(b"{\"candidates\":")?;
    array(out, &r.candidates)?;
    out.write_all(b",\"categories\":")?;
    array(out, &r.categories)?;
    out.write_all(b",\"density\":")?;
    value(out, &r.density)?;
    out.write_all(b",\"length\":")?;
    value(out, &r.length)?;
    out.write_all(b",\"matches\":")?;
    array(out, r.matches())?;
    out.write_all(b",\"not_counted\":")?;
    array(out, &r.not_counted)?;
    out.write_all(b",\"sensitivity\":")?;
    value(out, &r.sensitivity)?;
    out.write_all(b",\"source\":")?;
    value(out, &source)?;
    out.write_all(b",\"terms\":")?;
    array(out, &r.terms)?;
    out.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    /// The streamed report is byte for byte what serializing the whole report as a
    /// `serde_json::Value` wrote before (the CLI's contract).
    #[test]
    fn same_bytes_as_the_value() {
        let tifa = tifa::Analyzer::builtin().unwrap();
        for (name, text) in [
            ("empty", ""),
            (
                "mixed",
                "😀 the “two\nupholds” — 做到兩個維護 — and “四个全面” and “三个测试”, core",
            ),
            (
                "nested",
                "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
            ),
            ("not_counted", "The core of the plan is simple."),
        ] {
            let report = tifa.analyze(text).unwrap();
            let mut value = serde_json::to_value(&report).unwrap();
            value
                .as_object_mut()
                .unwrap()
                .insert("source".into(), "a \"b\".txt".into());
            let want = format!("{}\n", serde_json::to_string(&value).unwrap());
            let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
            let mut got = Vec::new();
            super::write_report(&mut got, "a \"b\".txt", &lazy).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want, "case {name}");
        }
    }
}
