//! A dictionary entry stub for an emerging phrase, in the TOML format of
//! `src/dictionary/FORMAT.md`: the phrase in its field (`zh` or `en`) and as a form, `since`
//! from the first period it was seen in, and empty required fields for a person to fill in,
//! with the evidence (documents per period, examples) as comments. `tifa corpus --emerging
//! --stubs` prints these; the page's Corpus view copies them.

use super::emerging::Candidate;
use crate::vocabulary::CATEGORIES;

/// The stub of `c`, ending in a newline. It is valid TOML; it is not a valid entry until its
/// empty fields are filled in (the validator says which).
///
/// ```
/// use std::collections::BTreeMap;
/// use tifa::corpus::emerging::Candidate;
/// let c = Candidate {
///     phrase: "green lighthouse pilots".into(),
///     language: "en",
///     documents: 9,
///     occurrences: 11,
///     score: 14.2,
///     by_period: BTreeMap::from([("2023".to_string(), 2), ("2024".to_string(), 7)]),
///     reference: None,
///     examples: vec!["…the green lighthouse pilots of Zhejiang…".into()],
/// };
/// let stub = tifa::corpus::toml_stub(&c);
/// assert!(stub.contains("[[term]]\nid = \"green-lighthouse-pilots\"\n"));
/// assert!(stub.contains("en = \"green lighthouse pilots\"\n"));
/// assert!(stub.contains("since = 2023"));
/// assert!(stub.contains("  { text = \"green lighthouse pilots\", kind = \"media\" },\n"));
/// ```
pub fn toml_stub(c: &Candidate) -> String {
    let zh = c.language == "zh";
    let id = if zh { String::new() } else { kebab(&c.phrase) };
    let since = c
        .by_period
        .keys()
        .find_map(|p| p.get(..4).and_then(|y| y.parse::<u16>().ok()));
    let by_period: Vec<String> = c
        .by_period
        .iter()
        .map(|(p, n)| format!("{p}: {n}"))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "# Emerging phrase: {} documents, {} occurrences, score {:.3} (by period: {}).\n",
        c.documents,
        c.occurrences,
        c.score,
        by_period.join(", ")
    ));
    for e in &c.examples {
        out.push_str(&format!("# Example: {}\n", comment(e)));
    }
    out.push_str("[[term]]\n");
    out.push_str(&format!(
        "id = {}{}\n",
        quoted(&id),
        if zh {
            "  # kebab-case, from the English rendering"
        } else {
            ""
        }
    ));
    let (zh_value, en_value) = if zh {
        (c.phrase.as_str(), "")
    } else {
        ("", c.phrase.as_str())
    };
    out.push_str(&format!("zh = {}\n", quoted(zh_value)));
    out.push_str("pinyin = \"\"\n");
    out.push_str(&format!("en = {}\n", quoted(en_value)));
    out.push_str(&format!(
        "category = \"\"  # one of: {}\n",
        CATEGORIES.join(", ")
    ));
    match since {
        Some(y) => out.push_str(&format!(
            "since = {y}  # first seen in this corpus; use the year of the first attested official use\n"
        )),
        None => out.push_str("since = 0  # the year of the first attested official use\n"),
    }
    out.push_str("gloss = \"\"\n");
    out.push_str("explanation = \"\"\"\n\"\"\"\n");
    out.push_str("sources = []  # two public documents, each with a date\n");
    if !zh {
        out.push_str(&format!(
            "forms = [\n  {{ text = {}, kind = \"media\" }},\n]\n",
            quoted(&c.phrase)
        ));
    }
    out
}

/// `phrase` as a kebab-case id: ASCII letters and digits, runs of anything else one `-`.
fn kebab(phrase: &str) -> String {
    let mut out = String::new();
    for c in phrase.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a TOML comment: one line, no control characters.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn candidate(phrase: &str, language: &'static str, examples: &[&str]) -> Candidate {
        Candidate {
            phrase: phrase.into(),
            language,
            documents: 4,
            occurrences: 5,
            score: 3.25,
            by_period: BTreeMap::from([("2023-05".to_string(), 1), ("2024-01".to_string(), 3)]),
            reference: None,
            examples: examples.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn stubs_are_toml_with_the_phrase_in_its_field() {
        let cases = [
            (candidate("数智赋能基层", "zh", &[]), "", "数智赋能基层", ""),
            (
                candidate("green lighthouse pilots", "en", &["…x\ny\u{0}…"]),
                "green-lighthouse-pilots",
                "",
                "green lighthouse pilots",
            ),
            (
                candidate("county's two-way plan", "en", &[]),
                "county-s-two-way-plan",
                "",
                "county's two-way plan",
            ),
        ];
        for (c, id, zh, en) in cases {
            let stub = toml_stub(&c);
            let doc: toml::Table = stub.parse().unwrap_or_else(|e| panic!("{stub}\n{e}"));
            let term = &doc["term"].as_array().unwrap()[0];
            assert_eq!(term["id"].as_str(), Some(id), "{stub}");
            assert_eq!(term["zh"].as_str(), Some(zh), "{stub}");
            assert_eq!(term["en"].as_str(), Some(en), "{stub}");
            assert_eq!(term["since"].as_integer(), Some(2023), "{stub}");
            assert!(stub.contains("by period: 2023-05: 1, 2024-01: 3"), "{stub}");
        }
    }

    #[test]
    fn quoting_escapes_what_toml_needs() {
        assert_eq!(quoted("a\"b\\c\u{7}"), "\"a\\\"b\\\\c\\u0007\"");
        assert_eq!(kebab("--Two  Upholds!"), "two-upholds");
    }
}
