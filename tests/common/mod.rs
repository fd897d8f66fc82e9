//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fmt::Write as _;

/// A minimal test term: id, preferred English, more forms, optional Chinese, gated forms.
pub struct Term<'a> {
    pub id: &'a str,
    pub en: &'a str,
    pub forms: &'a [&'a str],
    pub zh: Option<&'a str>,
    pub gated: &'a [&'a str],
    /// The category (default `leadership`).
    pub category: Option<&'a str>,
}

const PLACEHOLDER_ZH: &[&str] = &[
    "测试甲",
    "测试乙",
    "测试丙",
    "测试丁",
    "测试戊",
    "测试己",
    "测试庚",
    "测试辛",
    "测试壬",
    "测试癸",
];

/// Writes a valid dictionary TOML holding `terms`, every required field filled.
pub fn dictionary_toml(terms: &[Term]) -> String {
    let mut out = String::new();
    for (i, t) in terms.iter().enumerate() {
        let zh = t.zh.unwrap_or_else(|| PLACEHOLDER_ZH[i]);
        let _ = writeln!(
            out,
            "[[term]]\nid = {:?}\nzh = {:?}\npinyin = \"cè shì\"\nen = {:?}",
            t.id, zh, t.en
        );
        let _ = writeln!(out, "category = {:?}\nsince = 2016\ngloss = \"Test term.\"\nexplanation = \"Test term.\"\nsources = [\"Test document, 2016\"]", t.category.unwrap_or("leadership"));
        out.push_str("forms = [");
        for f in t.forms {
            let _ = write!(
                out,
                "{{ text = {:?}, kind = \"media\", needs_context = {}, template = {} }}, ",
                f,
                t.gated.contains(f),
                f.replace("{place}", "").contains(['|', '[', '{'])
            );
        }
        if t.gated.contains(&t.en) {
            let _ = write!(
                out,
                "{{ text = {:?}, kind = \"official\", needs_context = true }}, ",
                t.en
            );
        }
        out.push_str("]\n\n");
    }
    out
}

/// Every shipped sample (`tests/samples/*.txt`) as (file name, text), sorted by name.
pub fn samples() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(out.len() >= 4, "only {} samples", out.len());
    out
}

/// The samples, then the recall benchmark's gold phrases (`tests/recall/gold.toml`) joined into
/// one text per recall file: texts that hold every kind of term the dictionary must find.
pub fn samples_and_gold_phrases() -> Vec<(String, String)> {
    let mut out = samples();
    let gold = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recall/gold.toml"),
    )
    .unwrap();
    let gold: toml::Value = toml::from_str(&gold).unwrap();
    for t in gold["text"].as_array().unwrap() {
        let phrases: Vec<&str> = t["gold"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| [g["text"].as_str().unwrap(), g["zh"].as_str().unwrap_or("")])
            .collect();
        out.push((
            t["file"].as_str().unwrap().to_string(),
            phrases.join(". The “"),
        ));
    }
    assert!(out.len() > 40, "only {} texts", out.len());
    out
}

/// Traditional Chinese texts, as (name, text): each shipped sample with Han characters in it,
/// with every entry's `zh` written as its `zh_hant` (the longest first), and lines that put
/// every 4th entry's `zh_hant` in a sentence of traditional characters, plain and in corner
/// quotes. `dict` needs the entries' Chinese names.
pub fn traditional_texts(dict: &tifa::Dictionary) -> Vec<(String, String)> {
    let mut names: Vec<(&str, &str)> = dict
        .entries()
        .iter()
        .filter(|e| !e.zh.is_empty() && e.zh_hant != e.zh)
        .map(|e| (e.zh.as_str(), e.zh_hant.as_str()))
        .collect();
    assert!(
        names.len() > 300,
        "{} entries with a traditional name",
        names.len()
    );
    let mut out = Vec::new();
    for start in 0..4 {
        let text: String = names
            .iter()
            .skip(start)
            .step_by(4)
            .map(|(_, hant)| format!("會議強調「{hant}」，並要求各級組織認真落實{hant}。\n"))
            .collect();
        out.push((format!("traditional names {start}"), text));
    }
    names.sort_by_key(|(zh, _)| std::cmp::Reverse(zh.chars().count()));
    for (name, text) in samples() {
        if !text.chars().any(tifa::text::is_han) {
            continue;
        }
        let hant = names.iter().fold(text, |t, (zh, hant)| t.replace(zh, hant));
        out.push((format!("traditional {name}"), hant));
    }
    out
}

/// The text of issue 14, item 3: `n` numbered phrases in quotation marks ("三个甲乙"), none of
/// them in the dictionary, distinct up to 20,000 (`tests/hostile.rs` counts its candidates,
/// `benches/throughput.rs` times it).
pub fn unknown_formulas(n: usize) -> String {
    let mut t = String::from("全面从严治党。");
    for i in 0..n as u32 {
        let a = char::from_u32(0x4E00 + (i * 7) % 20000).unwrap();
        let b = char::from_u32(0x4E00 + (i * 13 + 5) % 20000).unwrap();
        t.push_str(&format!("“三个{a}{b}”，"));
    }
    t
}
