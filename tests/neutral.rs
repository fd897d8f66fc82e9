//! The neutral corpus: ordinary English and Chinese prose with no Party discourse (about 2.4
//! million English words — Python's documentation, fortunes, the World Factbook, the licence
//! texts of `/usr/share/common-licenses` — and 960,000 Chinese characters; sources and
//! licences in `tests/neutral/SOURCES.md`). It is built from installed packages by
//! `scripts/ensure-tools.sh neutral` into `target/neutral/` (`make test` does this), and it
//! decides which forms need context:
//!
//! * `evidence_decides_needs_context`: a form found in the corpus must be `needs_context`; a
//!   gated form never found there must say why in `context_reason`.
//! * `no_false_hits_at_default_and_strict`: with the default and the strict sensitivity, the
//!   corpus gets zero highlights (0 per 100,000 words).

use std::path::{Path, PathBuf};

use tifa::{Analyzer, Sensitivity};

/// The files `scripts/neutral-corpus.py` writes (tests/neutral/SOURCES.md).
const FILES: &[&str] = &[
    "en/python-docs.txt",
    "en/fortunes.txt",
    "en/factbook.txt",
    "en/licenses.txt",
    "zh/manpages-zh.txt",
    "zh/debian-reference-zh.txt",
];

fn corpus_dir() -> PathBuf {
    std::env::var_os("TIFA_NEUTRAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/neutral"))
}

/// The corpus as documents of about 64 KiB (cut at line ends), with their file names. Our
/// own prose samples are part of it.
fn documents() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = FILES.iter().map(|f| dir.join(f)).collect();
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !f.is_file())
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "the neutral corpus lacks {}: run `scripts/ensure-tools.sh neutral` (make test does)",
        missing.join(", ")
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    files.push(root.join("tests/samples/news-prose.txt"));
    files.push(root.join("tests/samples/zh-prose.txt"));
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(64 << 10);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            cut = rest[cut..].find('\n').map_or(rest.len(), |nl| cut + nl + 1);
            docs.push((name.clone(), rest[..cut].to_string()));
            rest = &rest[cut..];
        }
    }
    docs
}

fn analyzer() -> Analyzer {
    Analyzer::builtin().expect("the built-in dictionary loads")
}

#[test]
fn corpus_is_large_enough() {
    let docs = documents();
    let words: usize = docs
        .iter()
        .map(|(_, t)| {
            t.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .count()
        })
        .sum();
    let han: usize = docs
        .iter()
        .map(|(_, t)| {
            t.chars()
                .filter(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                .count()
        })
        .sum();
    assert!(
        words >= 1_000_000,
        "{words} English words, want at least 1,000,000"
    );
    assert!(
        han >= 500_000,
        "{han} Chinese characters, want at least 500,000"
    );
}

#[test]
fn evidence_decides_needs_context() {
    let tifa = analyzer();
    let entries = tifa.dictionary().entries();
    let mut hits: Vec<Vec<u32>> = entries.iter().map(|e| vec![0; e.forms.len()]).collect();
    for (_, doc) in documents() {
        for (e, f, n) in tifa.form_hits(&doc).unwrap() {
            hits[e][f] += n;
        }
    }
    let mut problems = Vec::new();
    let (mut gated, mut total) = (0, 0);
    for (e, entry) in entries.iter().enumerate() {
        for (f, form) in entry.forms.iter().enumerate() {
            total += 1;
            gated += form.needs_context as usize;
            let n = hits[e][f];
            if n > 0 && !form.needs_context {
                problems.push(format!(
                    "{} ({}): form {:?} occurs {n}× in the neutral corpus: mark it needs_context, lengthen it or remove it",
                    entry.id, entry.file, form.text
                ));
            }
            if n == 0 && form.needs_context && form.context_reason.is_none() {
                problems.push(format!(
                    "{} ({}): form {:?} needs context but never occurs in the neutral corpus: drop needs_context or give a context_reason",
                    entry.id, entry.file, form.text
                ));
            }
        }
    }
    println!(
        "forms: {total}; gated: {gated} ({:.1} %)",
        100.0 * gated as f64 / total as f64
    );
    assert!(
        problems.is_empty(),
        "{} forms disagree with the evidence (scripts/apply-evidence.py fixes the flags):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_false_hits_at_default_and_strict() {
    let tifa = analyzer();
    let docs = documents();
    let words: usize = docs.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    for sensitivity in [Sensitivity::Default, Sensitivity::Strict] {
        let mut hits = Vec::new();
        for (name, doc) in &docs {
            let report = tifa.analyze_with(doc, sensitivity).unwrap();
            for m in report.matches {
                let from = m.start as usize;
                let context: String = doc
                    .encode_utf16()
                    .skip(from.saturating_sub(40))
                    .take(100)
                    .collect::<Vec<u16>>()
                    .iter()
                    .map(|&u| char::from_u32(u as u32).unwrap_or('?'))
                    .collect();
                hits.push(format!(
                    "{name}: {} {:?} ({:?}) in …{}…",
                    m.id,
                    m.text,
                    m.context,
                    context.replace('\n', " ")
                ));
            }
        }
        let per_100k = hits.len() as f64 * 100_000.0 / words as f64;
        assert!(
            hits.is_empty(),
            "{} false hits ({per_100k:.2} per 100,000 words) at sensitivity {}:\n{}",
            hits.len(),
            sensitivity.as_str(),
            hits.join("\n")
        );
    }
}
