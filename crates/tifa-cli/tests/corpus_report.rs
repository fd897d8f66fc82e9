#![cfg(not(target_arch = "wasm32"))]
//! `tifa corpus --report FILE`: the self-contained HTML report of the shipped test corpus.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::common;
use common::{corpus, keyed, rows, run, tifa};

// ---- `--report FILE`: the HTML report ---------------------------------------------------------

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tifa-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON inside the report's `<script type="application/json" id="tifa-data">`.
fn report_data(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"tifa-data\">";
    let start = html.find(open).expect("the data element") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("the embedded data is JSON")
}

#[test]
fn the_report_is_self_contained_and_its_numbers_are_the_csv_tables() {
    let dir = temp_dir("numbers");
    let (csv, html) = (dir.join("table.csv"), dir.join("report.html"));
    let stdout = run(&[
        &corpus("watchwords.jsonl"),
        "--output",
        csv.to_str().unwrap(),
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(stdout, "");
    let table = rows(&std::fs::read_to_string(&csv).unwrap());
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<html lang=\"en\">"));
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    // Nothing is fetched: no external script, style sheet, image, frame or import.
    let lower = html.to_ascii_lowercase();
    for fetches in [
        "src=\"http",
        "src='http",
        "src=http",
        "href=\"http",
        "href='http",
        "url(http",
        "url(\"http",
        "url('http",
        "@import",
        "<link",
        "<iframe",
        "<img",
    ] {
        assert!(!lower.contains(fetches), "the report fetches: {fetches}");
    }
    let data = report_data(&html);
    // The same rows, with the same numbers, as the CSV table.
    let got: Vec<BTreeMap<String, String>> = data["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str().map_or_else(|| v.to_string(), String::from),
                    )
                })
                .collect()
        })
        .collect();
    let all: Vec<&str> = table[0].keys().map(String::as_str).collect();
    assert_eq!(keyed(&got, &all), keyed(&table, &all));
    assert_eq!(data["documents"], 364);
    // Names from the dictionary: "Two Upholds 两个维护", not only the id.
    assert_eq!(data["terms"]["two-upholds"]["en"], "Two Upholds");
    assert_eq!(data["terms"]["two-upholds"]["zh"], "两个维护");
    assert!(data["categories"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "leadership" && c["label"] == "Leadership"));
}

#[test]
fn a_report_alone_prints_nothing_and_per_document_output_can_come_with_it() {
    let dir = temp_dir("alone");
    let html = dir.join("report.html");
    assert_eq!(
        run(&[
            &corpus("watchwords.jsonl"),
            "--report",
            html.to_str().unwrap()
        ]),
        ""
    );
    let alone = report_data(&std::fs::read_to_string(&html).unwrap());
    let per_doc = dir.join("documents.csv");
    let quiet = run(&[
        &corpus("watchwords.jsonl"),
        "--per-document",
        "--output",
        per_doc.to_str().unwrap(),
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(quiet, "");
    let docs = std::fs::read_to_string(&per_doc).unwrap();
    assert!(docs.starts_with("id,date,period,term"), "{docs:.80}");
    let with_docs = report_data(&std::fs::read_to_string(&html).unwrap());
    assert_eq!(alone["rows"], with_docs["rows"]);
}

/// Regression guard: text from documents or the dictionary must not end the data element and
/// run as script.
#[test]
fn hostile_text_cannot_break_out_of_the_report() {
    const HOSTILE: &str = "</script><script>alert(1)</script><!--";
    let dir = temp_dir("hostile");
    let dict = dir.join("hostile.toml");
    // The dictionary refuses markup in names (tested elsewhere); `&` and quotes are text.
    let en = "Three Tests & \\\"Co\\\" &lt;b&gt;";
    std::fs::write(
        &dict,
        format!(
            "[[term]]\nid = \"hostile-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\n\
             en = \"{en}\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\n\
             sources = [\"Doc, 2024\"]\nforms = [{{ text = \"Three Tests\", kind = \"official\" }}]\n"
        ),
    )
    .unwrap();
    let record = serde_json::json!({
        "id": HOSTILE, "date": format!("2020-01-01{HOSTILE}"), "outlet": HOSTILE,
        "text": "The Three Tests and the Two Upholds.",
    });
    let input = dir.join("hostile.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let html = dir.join("report.html");
    let out = tifa(
        &[
            "corpus",
            input.to_str().unwrap(),
            "--dict",
            dict.to_str().unwrap(),
            "--report",
            html.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&html).unwrap();
    // The page's three script elements, and no other.
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script").count(), 3);
    assert!(!html.contains("<!--"));
    let data = report_data(&html);
    assert_eq!(
        data["terms"]["hostile-slogan"]["en"], "Three Tests & \"Co\" &lt;b&gt;",
        "the name survives as text"
    );
    assert!(
        !html.contains("alert"),
        "no document text reaches the report"
    );
}

/// The uPlot copy the binary embeds is the one npm installed (scripts/vendor-uplot.sh refreshes
/// it); skipped when node_modules is absent.
#[test]
fn the_vendored_uplot_is_node_modules_copy() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let npm = root.join("node_modules/uplot");
    if !npm.exists() {
        eprintln!("skipped: node_modules/uplot is absent (npm install)");
        return;
    }
    let vendor = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/vendor");
    for (from, to) in [
        ("dist/uPlot.iife.min.js", "uPlot.iife.min.js"),
        ("dist/uPlot.min.css", "uPlot.min.css"),
        ("LICENSE", "uPlot.LICENSE"),
    ] {
        assert!(
            std::fs::read(npm.join(from)).unwrap() == std::fs::read(vendor.join(to)).unwrap(),
            "crates/tifa-cli/assets/vendor/{to} differs from node_modules/uplot/{from}: run scripts/vendor-uplot.sh"
        );
    }
}

#[test]
fn a_report_that_cannot_be_written_fails_before_counting() {
    let out = tifa(
        &[
            "corpus",
            &corpus("watchwords.jsonl"),
            "--report",
            "/no/such/folder/report.html",
        ],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/no/such/folder/report.html: cannot write") && !err.contains("documents"),
        "{err}"
    );
}
