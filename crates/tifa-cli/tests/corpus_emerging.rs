#![cfg(not(target_arch = "wasm32"))]
//! `tifa corpus --emerging` on the shipped test corpus, where two made-up phrases are planted
//! from 2023 (scripts/make-corpus.py).

use crate::common;
use common::{corpus, rows, run, tifa};

// ---- `--emerging`: phrases the dictionary lacks ------------------------------------------------

#[test]
fn emerging_finds_the_phrases_planted_from_2023_and_no_known_term() {
    let got = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--emerging",
        "--by",
        "year",
        "--top",
        "20",
    ]));
    let phrases: Vec<&str> = got.iter().map(|r| r["phrase"].as_str()).collect();
    // The two phrases the generator made up (scripts/make-corpus.py) lead the list.
    let mut top2 = phrases[..2].to_vec();
    top2.sort();
    assert_eq!(
        top2,
        ["green lighthouse pilots", "数智赋能基层"],
        "{phrases:?}"
    );
    for r in &got[..2] {
        assert_eq!(
            (r["first_period"].as_str(), r["last_period"].as_str()),
            ("2023", "2024")
        );
        assert!(r["score"].parse::<f64>().unwrap() > 10.0, "{r:?}");
    }
    // No listed phrase is, or holds, a dictionary term: known terms are cut out before counting.
    for p in &phrases {
        let out = tifa(
            &["annotate", "--format", "json", "--sensitivity", "all"],
            Some(p.as_bytes()),
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["matches"].as_array().unwrap().len(),
            0,
            "{p} holds a term: {}",
            report["matches"]
        );
    }
}

#[test]
fn emerging_drops_what_is_as_common_in_ordinary_prose() {
    let filler = "clearer skies by monday afternoon";
    let corpus = corpus("watchwords.jsonl");
    let emerging = |extra: &[&str]| {
        let mut args = vec![
            corpus.as_str(),
            "--emerging",
            "--by",
            "year",
            "--top",
            "300",
        ];
        args.extend_from_slice(extra);
        rows(&run(&args))
    };
    assert!(
        emerging(&[]).iter().any(|r| r["phrase"] == filler),
        "the test needs {filler:?} listed"
    );
    let dir = std::env::temp_dir().join(format!("tifa-emerging-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("weather.txt"),
        "Rain is expected over the weekend, with clearer skies by Monday afternoon. ".repeat(200),
    )
    .unwrap();
    let with = emerging(&["--reference", dir.to_str().unwrap()]);
    assert!(!with.iter().any(|r| r["phrase"] == filler));
    assert!(with
        .iter()
        .any(|r| r["phrase"] == "green lighthouse pilots" && r["reference"] == "0"));
}

/// `--stubs`: one dictionary entry stub per candidate, valid TOML, the planted phrases first with
/// their text in the right field and `since` from the first period they were seen in.
#[test]
fn emerging_stubs_are_dictionary_entries_to_fill_in() {
    let out = run(&[
        &corpus("watchwords.jsonl"),
        "--emerging",
        "--by",
        "year",
        "--top",
        "2",
        "--stubs",
    ]);
    let doc: toml::Table = out.parse().unwrap_or_else(|e| panic!("{out}\n{e}"));
    let terms = doc["term"].as_array().unwrap();
    assert_eq!(terms.len(), 2, "{out}");
    let mut got: Vec<(String, String, String, i64)> = terms
        .iter()
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap().to_string();
            (s("id"), s("zh"), s("en"), t["since"].as_integer().unwrap())
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (String::new(), "数智赋能基层".into(), String::new(), 2023),
            (
                "green-lighthouse-pilots".into(),
                String::new(),
                "green lighthouse pilots".into(),
                2023
            ),
        ]
    );
    // The evidence travels with each stub, as comments.
    assert_eq!(out.matches("# Emerging phrase: ").count(), 2, "{out}");
    assert!(out.contains("# Example: …"), "{out}");
}
