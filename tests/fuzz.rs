#![cfg(not(target_arch = "wasm32"))]
//! Fuzz targets, one per parser and entry point (issue 14): the TOML dictionary loader, the
//! compiled dictionary's codec, and text analysis (the CLI's input decoding has its own, in
//! `crates/tifa-cli/src/input.rs`). Each feeds hostile input and asks for no panic and, where
//! there is one, an error that names the input.
//!
//! They run offline on proptest, a few cases in every `cargo test`, and as many as
//! `TIFA_FUZZ_CASES` asks (`make fuzz` runs 100,000 each).

use crate::common;

use std::sync::OnceLock;

use common::{dictionary_toml, Term};
use proptest::prelude::*;
use tifa::compiled;
use tifa::Sensitivity;
use tifa::{Analyzer, Dictionary, Options};

/// Cases per target: `default`, or `TIFA_FUZZ_CASES`.
fn config(default: u32) -> ProptestConfig {
    config_scaled(default, 1)
}

/// [`config`] for a slow target: `TIFA_FUZZ_CASES / divisor` cases, at least `default`.
fn config_scaled(default: u32, divisor: u32) -> ProptestConfig {
    let cases = std::env::var("TIFA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(default, |n| (n / divisor).max(default));
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A small valid dictionary, as TOML.
fn small_toml() -> String {
    dictionary_toml(&[
        Term {
            id: "two-upholds",
            en: "Two Upholds",
            forms: &["two safeguards", "(uphold|maintain) the core"],
            zh: Some("两个维护"),
            gated: &["two safeguards"],
            category: None,
        },
        Term {
            id: "new-era",
            en: "new era",
            forms: &["new-era thought"],
            zh: Some("新时代"),
            gated: &["new era"],
            category: Some("ideology"),
        },
    ])
}

/// The small dictionary, compiled: (match part, card part).
fn small_compiled() -> &'static (Vec<u8>, Vec<u8>) {
    static PARTS: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    PARTS.get_or_init(|| {
        let dict = Dictionary::from_toml("small.toml", &small_toml()).unwrap();
        compiled::write(&dict)
    })
}

fn builtin() -> &'static Analyzer {
    static TIFA: OnceLock<Analyzer> = OnceLock::new();
    TIFA.get_or_init(|| Analyzer::builtin().unwrap())
}

/// Pieces of TOML that a hostile or broken dictionary is made of.
const TOML_PIECES: &[&str] = &[
    "[[term]]\n",
    "id = \"x\"\n",
    "id = \"two-upholds\"\n",
    "zh = \"两个\"\n",
    "zh = \"中\"\n",
    "pinyin = \"liǎng\"\n",
    "en = \"two\"\n",
    "category = \"local\"\n",
    "since = 2018\n",
    "since = 99999999999\n",
    "gloss = \"g\"\n",
    "gloss = \"a\\nb\"\n",
    "explanation = \"x\"\n",
    "sources = [\"Doc, 2018\"]\n",
    "related = [\"x\"]\n",
    "forms = [",
    "]\n",
    "{ text = \"",
    "\", kind = \"mt\" }, ",
    "\", kind = \"mt\", template = true }, ",
    "(a|b",
    "[x|y] z",
    "w{s,ing}",
    "\u{202E}",
    "\u{0}",
    "\"",
    "\\",
    "[[",
    "{",
    "}",
    "=",
    "\n",
    "中中中",
    "<b>",
    "aliases = [\"y\"]\n",
    "needs_context = true",
    "shared = true",
    "x = [[[[[[]]]]]]\n",
];

/// Pieces of text: forms, near-forms, quotes, scripts, marks, controls.
const TEXT_PIECES: &[&str] = &[
    "two upholds",
    "Two Safeguards",
    "two safeguardsman",
    "两个维护",
    "兩個維護",
    "新时代",
    "new era",
    "new-era",
    "“",
    "”",
    "\"",
    "'",
    "—",
    "-",
    "\u{00AD}",
    "\u{200B}",
    "\u{00A0}",
    "\n",
    " ",
    "😀",
    "e\u{301}",
    "ａ",
    "Ｔｗｏ",
    "四个全面",
    "“三个代表”",
    "Three Stricts and Three Earnests",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0}",
    "\r\n",
    "核心",
    "core",
    ".",
    "。",
    "中",
];

fn joined(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::collection::vec(0..pieces.len(), 0..40)
        .prop_map(move |picks| picks.into_iter().map(|i| pieces[i]).collect())
}

/// Every error is a list of dictionary problems, each naming the file it is about
/// (`file:line: …` or `file: …`).
fn names_the_file(err: &tifa::Error, file: &str) -> bool {
    let problems = err.problems();
    !problems.is_empty() && problems.iter().all(|p| p.to_string().starts_with(file))
}

proptest! {
    #![proptest_config(config(64))]

    /// TOML loader: any text gives a dictionary or errors naming the file, never a panic.
    #[test]
    fn fuzz_toml_loader_any_text(text in ".{0,300}") {
        if let Err(e) = Dictionary::from_toml("fuzz.toml", &text) {
            prop_assert!(names_the_file(&e, "fuzz.toml"), "{}", e);
        }
    }

    /// TOML loader: dictionaries made of real and broken pieces; what loads also compiles
    /// into an analyzer, or is refused by the budget.
    #[test]
    fn fuzz_toml_loader_pieces(text in joined(TOML_PIECES)) {
        load_and_analyze(Dictionary::from_toml("fuzz.toml", &text))?;
    }

    /// Compiled codec: any bytes as either part give a dictionary or an error, never a panic.
    #[test]
    fn fuzz_compiled_codec_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(mut dict) = compiled::read_match(&bytes) {
            let _ = compiled::read_cards(&mut dict, &bytes);
        }
        let mut dict = compiled::read_match(&small_compiled().0).unwrap();
        let _ = compiled::read_cards(&mut dict, &bytes);
    }

    /// Compiled codec: a real compiled dictionary with bytes changed, cut short or extended;
    /// what still reads also analyses.
    #[test]
    fn fuzz_compiled_codec_mutations(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
        cut in any::<usize>(),
        which in 0..2usize,
    ) {
        let (matching, cards) = small_compiled();
        let mut bytes = if which == 0 { matching.clone() } else { cards.clone() };
        for (at, b) in edits {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        if which == 0 {
            if let Ok(dict) = compiled::read_match(&bytes) {
                if let Ok(tifa) = Analyzer::new(dict) {
                    tifa.analyze("two safeguards 两个维护 new era").unwrap();
                }
            }
        } else {
            let mut dict = compiled::read_match(matching).unwrap();
            let _ = compiled::read_cards(&mut dict, &bytes);
        }
    }

    /// Text analysis: every entry point over hostile text, at every sensitivity; spans are
    /// sorted, disjoint and inside the text.
    #[test]
    fn fuzz_text_analysis(text in joined(TEXT_PIECES), s in 0..3usize, any_text in "\\PC{0,60}") {
        let tifa = builtin();
        let sensitivity = [Sensitivity::Strict, Sensitivity::Default, Sensitivity::All][s];
        let options = Options { sensitivity, ..Options::default() };
        for t in [&text, &any_text] {
            let len = t.encode_utf16().count() as u32;
            let report = tifa.analyze_options(t, options).unwrap();
            let mut end = 0;
            for m in &report.matches {
                prop_assert!(end <= m.start && m.start < m.end && m.end <= len, "{:?}", m);
                end = m.end;
            }
            let spans = tifa.spans_options(t, options).unwrap();
            prop_assert_eq!(spans.len(), 3 * report.matches.len());
            tifa.rows(t, options).unwrap();
            tifa.document_vouches(t).unwrap();
            tifa.form_hits(t).unwrap();
            let _ = tifa::render::text(t, &report, tifa.dictionary());
            let _ = tifa::render::html_section("x", t, &report, tifa.dictionary());
            let _ = tifa::render::csv_rows("x", &report);
        }
    }
}

proptest! {
    // Each case loads the whole built-in dictionary: few cases in a normal run, and a
    // hundredth of TIFA_FUZZ_CASES under `make fuzz`.
    #![proptest_config(config_scaled(4, 100))]

    /// TOML loader: the pieces together with the built-in dictionary (the cross-file checks).
    #[test]
    fn fuzz_toml_loader_with_builtin(text in joined(TOML_PIECES)) {
        load_and_analyze(Dictionary::builtin_with(&[("fuzz.toml", &text)]))?;
    }
}

fn load_and_analyze(result: Result<Dictionary, tifa::Error>) -> Result<(), TestCaseError> {
    match result {
        Ok(dict) => {
            if let Ok(tifa) = Analyzer::new(dict) {
                tifa.analyze("two upholds 两个维护 中中中").unwrap();
            }
        }
        Err(e) => prop_assert!(
            names_the_file(&e, "fuzz.toml") || names_the_file(&e, "src/"),
            "{}",
            e
        ),
    }
    Ok(())
}
