//! Table-driven matching cases from `tests/data/matching.toml`.

use crate::common;

use common::{dictionary_toml, Term};
use serde::Deserialize;
use tifa::{Analyzer, Dictionary, Sensitivity};

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    terms: Vec<CaseTerm>,
    text: String,
    expect: Vec<(String, u32, u32)>,
    #[serde(default)]
    nested: Vec<(String, String, u32, u32)>,
    #[serde(default)]
    context: Vec<(String, String)>,
    /// `strict`, `default` (when absent) or `all`.
    sensitivity: Option<String>,
    /// Gated candidates not counted, as [id, start, end].
    #[serde(default)]
    not_counted: Vec<(String, u32, u32)>,
}

#[derive(Deserialize)]
struct CaseTerm {
    id: String,
    en: String,
    #[serde(default)]
    forms: Vec<String>,
    zh: Option<String>,
    #[serde(default)]
    gated: Vec<String>,
    category: Option<String>,
    /// [gated form listed in `forms`, its `context_needs`].
    #[serde(default)]
    needs: Vec<(String, String)>,
    /// [gated form listed in `forms`, its `not_after` words].
    #[serde(default)]
    not_after: Vec<(String, Vec<String>)>,
    /// [gated form listed in `forms`, its `not_before` words].
    #[serde(default)]
    not_before: Vec<(String, Vec<String>)>,
}

fn analyzer(terms: &[CaseTerm]) -> Analyzer {
    let case_terms = terms;
    let forms: Vec<Vec<&str>> = terms
        .iter()
        .map(|t| t.forms.iter().map(String::as_str).collect())
        .collect();
    let gated: Vec<Vec<&str>> = terms
        .iter()
        .map(|t| t.gated.iter().map(String::as_str).collect())
        .collect();
    let terms: Vec<Term> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| Term {
            id: &t.id,
            en: &t.en,
            forms: &forms[i],
            zh: t.zh.as_deref(),
            gated: &gated[i],
            category: t.category.as_deref(),
        })
        .collect();
    let mut toml = dictionary_toml(&terms);
    for (form, needs) in case_terms.iter().flat_map(|t| &t.needs) {
        let gated = format!("{{ text = {form:?}, kind = \"media\", needs_context = true, ");
        assert!(
            toml.contains(&gated),
            "{form:?} is no gated form of `forms`"
        );
        let with = format!("{gated}context_needs = {needs:?}, context_needs_reason = \"a test\", ");
        toml = toml.replace(&gated, &with);
    }
    for t in case_terms {
        let lists = t.not_after.iter().map(|(f, w)| ("not_after", f, w));
        for (key, form, words) in
            lists.chain(t.not_before.iter().map(|(f, w)| ("not_before", f, w)))
        {
            let gated = format!("{{ text = {form:?}, kind = \"media\", needs_context = true, ");
            assert!(
                toml.contains(&gated),
                "{form:?} is no gated form of `forms`"
            );
            toml = toml.replace(&gated, &format!("{gated}{key} = {words:?}, "));
        }
    }
    let dict = Dictionary::from_toml("case.toml", &toml).unwrap_or_else(|e| panic!("{e}\n{toml}"));
    Analyzer::new(dict).unwrap()
}

#[test]
fn matching_cases() {
    let cases: Cases = toml::from_str(include_str!("data/matching.toml")).unwrap();
    assert!(cases.case.len() >= 25);
    let mut failures = Vec::new();
    for case in &cases.case {
        let tifa = analyzer(&case.terms);
        let sensitivity = case.sensitivity.as_deref().unwrap_or("default");
        let sensitivity = Sensitivity::parse(sensitivity)
            .unwrap_or_else(|| panic!("{}: unknown sensitivity {sensitivity}", case.name));
        let report = tifa.analyze_with(&case.text, sensitivity).unwrap();
        let not_counted: Vec<(String, u32, u32)> = report
            .not_counted
            .iter()
            .map(|m| (m.id.clone(), m.start, m.end))
            .collect();
        if not_counted != case.not_counted {
            failures.push(format!(
                "{}: not counted expected {:?}, got {:?}",
                case.name, case.not_counted, not_counted
            ));
        }
        let got: Vec<(String, u32, u32)> = report
            .matches
            .iter()
            .map(|m| (m.id.clone(), m.start, m.end))
            .collect();
        if got != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, got
            ));
            continue;
        }
        let nested: Vec<(String, String, u32, u32)> = report
            .matches
            .iter()
            .flat_map(|m| {
                m.nested
                    .iter()
                    .map(move |n| (m.id.clone(), n.id.clone(), n.start, n.end))
            })
            .collect();
        if nested != case.nested {
            failures.push(format!(
                "{}: nested expected {:?}, got {:?}",
                case.name, case.nested, nested
            ));
        }
        let context: Vec<(String, String)> = report
            .matches
            .iter()
            .filter_map(|m| m.context.map(|c| (m.id.clone(), c.as_str().to_string())))
            .collect();
        if context != case.context {
            failures.push(format!(
                "{}: context expected {:?}, got {:?}",
                case.name, case.context, context
            ));
        }
        // The matched text is the original slice at the UTF-16 offsets.
        let units: Vec<u16> = case.text.encode_utf16().collect();
        for m in &report.matches {
            let slice = String::from_utf16(&units[m.start as usize..m.end as usize]).unwrap();
            if slice != m.text {
                failures.push(format!(
                    "{}: text {:?} is not the slice {:?}",
                    case.name, m.text, slice
                ));
            }
        }
        // The hot path agrees with the report.
        let options = tifa::Options {
            sensitivity,
            ..Default::default()
        };
        let spans = tifa.spans_options(&case.text, options).unwrap();
        let flat: Vec<u32> = report
            .matches
            .iter()
            .flat_map(|m| [m.start, m.end])
            .collect();
        let spans_se: Vec<u32> = spans.chunks(3).flat_map(|c| [c[0], c[1]]).collect();
        if flat != spans_se {
            failures.push(format!(
                "{}: spans() {:?} differ from analyze() {:?}",
                case.name, spans_se, flat
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
