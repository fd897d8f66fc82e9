//! Validator errors: each names the file, the line, the entry and the field.

use crate::common;

use common::{dictionary_toml, Term};
use tifa::{Dictionary, ProblemKind};

const GOOD: &str = r#"[[term]]
id = "two-upholds"
zh = "两个维护"
pinyin = "liǎng gè wéihù"
en = "Two Upholds"
category = "leadership"
since = 2018
gloss = "A test gloss."
explanation = "A test explanation."
sources = ["A document, 2018"]
forms = [{ text = "two safeguards", kind = "media", needs_context = true }]
"#;

/// (name, files, expected fragments of the message)
const CASES: &[(&str, &[(&str, &str)], &[&str])] = &[
    ("toml_syntax", &[("bad.toml", "[[term]]\nid = \"x\"\nzh = \n")], &["bad.toml:3:"]),
    ("wrong_type", &[("bad.toml", "[[term]]\nid = 3\n")], &["bad.toml:2:"]),
    ("unknown_field", &[("bad.toml", "[[term]]\nid = \"x\"\nglos = \"typo\"\n")], &["bad.toml:3:", "glos"]),
    ("empty_file", &[("empty.toml", "")], &["empty.toml:", "no [[term]]"]),
    (
        "missing_field",
        &[("t.toml", "[[term]]\nid = \"a-b\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")],
        &["t.toml:1: term \"a-b\": field `gloss`: is missing"],
    ),
    (
        "form_used_by_another_entry",
        &[("a.toml", GOOD), ("terms.toml", "\n\n[[term]]\nid = \"two-safeguards\"\nzh = \"两个保障\"\npinyin = \"liǎng gè bǎozhàng\"\nen = \"two guarantees\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"Two\u{a0}Safeguards\", kind = \"media\" },\n]\n")],
        &["terms.toml:14: term \"two-safeguards\": field `forms[0]`: form \"Two\\u{a0}Safeguards\" is already used by \"two-upholds\" (a.toml)"],
    ),
    ("duplicate_id", &[("a.toml", GOOD), ("b.toml", GOOD)], &["b.toml:2: term \"two-upholds\": field `id`: id is already used by the entry at a.toml:2"]),
    ("unknown_related", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nrelated = [\"nope\"]\n")], &["a.toml:11: term \"x\": field `related`: \"nope\" is not the id"]),
    ("markup_in_explanation", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"<img src=x onerror=alert(1)>\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:9: term \"x\": field `explanation`: must be plain text"]),
    ("id_not_kebab", &[("a.toml", "[[term]]\nid = \"Two_Upholds\"\n")], &["a.toml:2:", "not kebab-case"]),
    ("bad_kind", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"t\", kind = \"slang\" }]\n")], &["a.toml:11: term \"x\": field `forms[0].kind`: \"slang\" is not one of"]),
    ("bad_category", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"politics\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:6: term \"x\": field `category`"]),
    ("source_without_year", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Some speech\"]\n")], &["a.toml:10: term \"x\": field `sources[0]`: \"Some speech\" names no year"]),
    ("pinyin_without_tones", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liang3 ge4\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:4: term \"x\": field `pinyin`: \"liang3 ge4\" has no tone marks"]),
    ("implausible_year", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 18\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:7: term \"x\": field `since`: 18 is not a plausible year"]),
    ("gloss_too_long", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:8: term \"x\": field `gloss`: is 106 characters long; a gloss may have at most 100"]),
    // Regression (issue 14, item 10): a short gloss with a line break was told "(has 3)".
    ("gloss_with_line_break", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"a\\nb\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")], &["a.toml:8: term \"x\": field `gloss`: must be one line, but holds 1 line break(s)"]),
    ("form_repeated_in_entry", &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"Two Upholds\", kind = \"official\" }, { text = \"two upholds\", kind = \"media\" }]\n")], &["a.toml:11: term \"x\": field `forms[1]`: form \"two upholds\" repeats form \"Two Upholds\""]),
];

/// Runs a table of (name, files, expected fragments): each must be refused with a message that
/// holds every fragment.
fn check_cases(cases: &[(&str, &[(&str, &str)], &[&str])]) {
    let mut failures = Vec::new();
    for (name, files, fragments) in cases {
        match Dictionary::from_files(files) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                let msg = e.to_string();
                for f in *fragments {
                    if !msg.contains(f) {
                        failures.push(format!("{name}: message lacks {f:?}:\n  {msg}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn validator_errors_are_positioned() {
    check_cases(CASES);
}

/// The kind of the problem each case of [`CASES`] is about, where the validator tells kinds
/// apart: (case name, kind). The problem is the one whose message holds the case's first
/// fragment.
const KINDS: &[(&str, ProblemKind)] = &[
    ("toml_syntax", ProblemKind::Syntax),
    ("wrong_type", ProblemKind::Syntax),
    ("unknown_field", ProblemKind::Syntax),
    ("empty_file", ProblemKind::Invalid),
    ("missing_field", ProblemKind::Invalid),
    ("form_used_by_another_entry", ProblemKind::FormClash),
    ("form_repeated_in_entry", ProblemKind::FormClash),
    ("duplicate_id", ProblemKind::DuplicateId),
    ("unknown_related", ProblemKind::Related),
    ("markup_in_explanation", ProblemKind::Markup),
    ("bad_category", ProblemKind::Invalid),
    ("implausible_year", ProblemKind::Invalid),
];

#[test]
fn problems_carry_their_kind_and_location_apart() {
    let mut failures = Vec::new();
    for (name, kind) in KINDS {
        let (_, files, fragments) = CASES.iter().find(|c| c.0 == *name).expect("a case");
        let err = Dictionary::from_files(files).expect_err(name);
        let Some(p) = err
            .problems()
            .iter()
            .find(|p| p.to_string().contains(fragments[0]))
        else {
            failures.push(format!(
                "{name}: no problem holds {:?}: {err}",
                fragments[0]
            ));
            continue;
        };
        if p.kind != *kind {
            failures.push(format!("{name}: {:?}, not {kind:?}: {p}", p.kind));
        }
        // The location is data, apart from the message.
        if p.at.file.is_empty() || p.message.starts_with(&p.at.file) {
            failures.push(format!("{name}: the location is not apart: {p:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let toml = "[[term]]\nid = \"Bad\"\n\n[[term]]\nid = \"also-bad\"\nzh = \"x\"\n";
    let err = Dictionary::from_toml("many.toml", toml).unwrap_err();
    assert!(err.problems().len() >= 5, "{err}");
}

#[test]
fn shared_forms_are_accepted_when_both_sides_say_so() {
    let shared = GOOD.replace(
        "needs_context = true",
        "needs_context = true, shared = true",
    );
    let other = shared
        .replace("two-upholds", "two-upholds-copy")
        .replace("两个维护", "两个拥护")
        .replace("Two Upholds", "Two Supports");
    let dict = Dictionary::from_files(&[("a.toml", &shared), ("b.toml", &other)]).unwrap();
    assert_eq!(dict.len(), 2);
}

#[test]
fn user_dictionary_conflicting_with_builtin_names_the_user_file() {
    let terms = [Term {
        id: "my-term",
        en: "Two Upholds",
        forms: &[],
        zh: None,
        gated: &[],
        category: None,
    }];
    let err = Dictionary::builtin_with(&[("mine.toml", &dictionary_toml(&terms))]).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("mine.toml:1: term \"my-term\": field `en`: form \"Two Upholds\" is already used by \"two-upholds\""), "{msg}");
}

#[test]
fn traditional_form_is_derived_when_absent() {
    let dict = Dictionary::from_toml("a.toml", GOOD).unwrap();
    assert_eq!(dict.get("two-upholds").unwrap().zh_hant, "兩個維護");
}

/// A second valid entry, for the cross-entry checks.
const OTHER: &str = r#"[[term]]
id = "two-establishments"
zh = "两个确立"
pinyin = "liǎng gè quèlì"
en = "Two Establishments"
category = "leadership"
since = 2021
gloss = "Another test gloss."
explanation = "Another test explanation."
sources = ["A document, 2021"]
"#;

/// Checks added with dictionary v2 and the recall work: (name, files, expected fragments).
const V2_CASES: &[(&str, &[(&str, &str)], &[&str])] = &[
    (
        "related_one_way",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nrelated = [\"two-upholds\"]\n"), ("b.toml", GOOD)],
        &["a.toml:11: term \"x\": field `related`: links to \"two-upholds\", but \"two-upholds\" (b.toml) does not link back"],
    ),
    (
        "related_to_an_alias",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nrelated = [\"old-id\"]\n"), ("b.toml", "[[term]]\nid = \"y\"\nzh = \"三个\"\npinyin = \"sān\"\nen = \"three\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\naliases = [\"old-id\"]\n")],
        &["field `related`: \"old-id\" is a former id of \"y\": use that"],
    ),
    (
        "alias_equal_to_an_id",
        &[("a.toml", GOOD), ("b.toml", "[[term]]\nid = \"y\"\nzh = \"三个\"\npinyin = \"sān\"\nen = \"three\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\naliases = [\"two-upholds\"]\n")],
        &["b.toml:2: term \"y\": field `aliases`: \"two-upholds\" is the id of \"two-upholds\""],
    ),
    (
        "loaded_word_in_explanation",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"The so-called policy.\"\nsources = [\"Doc, 2018\"]\n")],
        &["a.toml:9: term \"x\": field `explanation`: uses the loaded word \"so-called\""],
    ),
    (
        "since_before_1921",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 1900\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\n")],
        &["field `since`: 1900 is not a plausible year (1921–2030)"],
    ),
    (
        "template_syntax_without_flag",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"[the] two things\", kind = \"mt\" }]\n")],
        &["a.toml:11: term \"x\": field `forms[0].text`: \"[the] two things\" holds template syntax"],
    ),
    (
        "form_wrapped_in_quotes",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"“四史”\", kind = \"official\" }]\n")],
        &["a.toml:11: term \"x\": field `forms[0].text`: \"“四史”\" is wrapped in quotation marks, which matching skips"],
    ),
    (
        "form_wrapped_in_single_quotes",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"‘two things’\", kind = \"media\" }]\n")],
        &["a.toml:11: term \"x\": field `forms[0].text`: \"‘two things’\" is wrapped in quotation marks"],
    ),
    (
        "form_wrapped_in_corner_quotes",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"「兩個」\", kind = \"official\" }]\n")],
        &["a.toml:11: term \"x\": field `forms[0].text`: \"「兩個」\" is wrapped in quotation marks"],
    ),
    (
        "template_expansion_wrapped_in_quotes",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"(\\\"|')two health(\\\"|')\", kind = \"mt\", template = true }]\n")],
        &["field `forms[0].text`: \"\\\"two health\\\"\" is wrapped in quotation marks"],
    ),
    (
        "template_unclosed",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"(two|three things\", kind = \"mt\", template = true }]\n")],
        &["field `forms[0].text`: template \"(two|three things\": '(' at character 1 is not closed"],
    ),
    (
        "template_expands_to_another_entrys_form",
        &[("a.toml", GOOD), ("b.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two (safeguards|guards)\", kind = \"mt\", template = true }]\n")],
        &["form \"two safeguards\" (from template \"two (safeguards|guards)\") is already used by \"two-upholds\""],
    ),
    (
        "context_reason_without_needs_context",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", context_reason = \"why\" }]\n")],
        &["field `forms[0].context_reason`: explains why a form needs context"],
    ),
    (
        "context_needs_unknown_value",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", context_needs = \"document\", context_needs_reason = \"why\" }]\n")],
        &["field `forms[0].context_needs`: \"document\" is not one of: sentence, title-case"],
    ),
    (
        "context_needs_without_needs_context",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", context_needs = \"sentence\", context_needs_reason = \"why\" }]\n")],
        &["field `forms[0].context_needs`: asks for more context, but the form has no `needs_context = true`"],
    ),
    (
        "context_needs_without_reason",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", context_needs = \"sentence\" }]\n")],
        &["field `forms[0].context_needs`: needs a `context_needs_reason`"],
    ),
    (
        "context_needs_reason_without_context_needs",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", context_needs_reason = \"why\" }]\n")],
        &["field `forms[0].context_needs_reason`: gives evidence for `context_needs`, but the form has none"],
    ),
    (
        "context_needs_title_case_on_lower_case_form",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", context_needs = \"title-case\", context_needs_reason = \"why\" }]\n")],
        &["field `forms[0].context_needs`: \"title-case\" needs an English form that writes every content word with a capital, not \"two things\""],
    ),
    (
        "not_after_is_a_string",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_after = \"years of\" }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_after`: must be a non-empty array of words, such as [\"years of\"], not a string"],
    ),
    (
        "not_before_is_empty",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_before = [] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_before`: must be a non-empty array of words", "not an empty array"],
    ),
    (
        "not_after_holds_a_number",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_after = [\"years of\", 3] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_after[1]`: must be a string, not an integer"],
    ),
    (
        "not_after_word_is_blank",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_after = [\" \"] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_after[0]`: is empty"],
    ),
    (
        "not_before_word_is_too_long",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_before = [\"of of of of of of of of of of of of of of x\"] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_before[0]`:", "is longer than 40 characters"],
    ),
    (
        "not_after_lists_too_many",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", needs_context = true, context_reason = \"why\", not_after = [\"w0\", \"w1\", \"w2\", \"w3\", \"w4\", \"w5\", \"w6\", \"w7\", \"w8\"] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_after`: lists 9 entries; at most 8"],
    ),
    (
        "not_before_without_needs_context",
        &[("a.toml", "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [\n  { text = \"two things\", kind = \"mt\", not_before = [\"of serving\"] }\n]\n")],
        &["a.toml:12: term \"x\": field", "field `forms[0].not_before`: names words that show the ordinary sense, but the form has no `needs_context = true`"],
    ),
];

#[test]
fn v2_validator_errors_are_positioned() {
    check_cases(V2_CASES);
}

#[test]
fn builtin_rules_ask_for_two_sources_user_files_for_one() {
    let files = [("a.toml", GOOD)];
    assert!(Dictionary::from_files(&files).is_ok());
    let msg = Dictionary::from_files_builtin_rules(&files)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("a.toml:2: term \"two-upholds\": field `sources`: names one source"),
        "{msg}"
    );
    let noted = GOOD.replace(
        "sources = [\"A document, 2018\"]",
        "sources = [\"A document, 2018\"]\nsingle_source = \"only one document names it\"",
    );
    assert!(Dictionary::from_files_builtin_rules(&[("a.toml", &noted)]).is_ok());
}

/// (name, forms after the entry's `en` "Two Upholds", refused by the built-in rules): a form
/// the matcher derives from another form of its entry, matching the same way, is refused
/// (`form` names it); one told apart by kind, years or context, or the preferred English, is
/// kept (`None`).
const DERIVED_REPEATS: &[(&str, &str, Option<&str>)] = &[
    (
        "plural_of_a_form",
        r#"{ text = "core interest", kind = "official" }, { text = "core interests", kind = "official" }"#,
        Some(r#"field `forms[1]`: form "core interests" only repeats form "core interest""#),
    ),
    (
        "preferred_english_kept_though_derived",
        r#"{ text = "two uphold", kind = "official" }"#,
        None,
    ),
    (
        "article_after_of_dropped",
        r#"{ text = "cage of the system", kind = "media" }, { text = "cage of systems", kind = "media" }"#,
        Some(r#"form "cage of systems" only repeats form "cage of the system""#),
    ),
    (
        "another_kind",
        r#"{ text = "core interest", kind = "official" }, { text = "core interests", kind = "mt" }"#,
        None,
    ),
    (
        "other_years",
        r#"{ text = "core interest", kind = "official" }, { text = "core interests", kind = "official", until = 2019 }"#,
        None,
    ),
    (
        "gated_and_not",
        r#"{ text = "core interest", kind = "official", needs_context = true, context_reason = "r" }, { text = "core interests", kind = "official" }"#,
        None,
    ),
    (
        "serial_comma_the_second_of_two_goes",
        r#"{ text = "tigers, flies and foxes", kind = "media" }, { text = "tigers, flies, and foxes", kind = "media" }"#,
        Some(
            r#"field `forms[1]`: form "tigers, flies, and foxes" only repeats form "tigers, flies and foxes""#,
        ),
    ),
    (
        "the_preferred_english_listed_to_gate_it",
        r#"{ text = "two uphold", kind = "official", needs_context = true, context_reason = "r" }, { text = "two upholds", kind = "official", needs_context = true, context_reason = "r" }"#,
        None,
    ),
    (
        "singular_after_the_plural",
        r#"{ text = "core interests", kind = "official" }, { text = "core interest", kind = "official" }"#,
        Some(r#"form "core interests" only repeats form "core interest""#),
    ),
];

#[test]
fn builtin_rules_refuse_a_form_the_matcher_derives() {
    for &(name, forms, refused) in DERIVED_REPEATS {
        let toml = GOOD
            .replace(
                "sources = [\"A document, 2018\"]",
                "sources = [\"A document, 2018\", \"Another, 2019\"]",
            )
            .replace(
                r#"forms = [{ text = "two safeguards", kind = "media", needs_context = true }]"#,
                &format!("forms = [{forms}]"),
            );
        // User files keep such forms.
        assert!(
            Dictionary::from_files(&[("a.toml", &toml)]).is_ok(),
            "case {name}"
        );
        let got = Dictionary::from_files_builtin_rules(&[("a.toml", &toml)]);
        match (refused, got) {
            (None, Ok(_)) => {}
            (Some(fragment), Err(e)) => {
                let msg = e.to_string();
                assert!(msg.contains(fragment), "case {name}: {msg}");
                assert_eq!(e.problems().len(), 1, "case {name}: {msg}");
            }
            (want, got) => panic!("case {name}: want {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn aliases_resolve_to_their_entry() {
    let aliased = OTHER.replace(
        "sources = [",
        "aliases = [\"establishments-old\"]\nsources = [",
    );
    let dict = Dictionary::from_files(&[("a.toml", GOOD), ("b.toml", &aliased)]).unwrap();
    assert_eq!(
        dict.get("establishments-old").unwrap().id,
        "two-establishments"
    );
    assert_eq!(
        dict.index_of("establishments-old"),
        dict.index_of("two-establishments")
    );
}

#[test]
fn templates_expand_into_forms_that_match() {
    let toml = GOOD.replace(
        "forms = [{ text = \"two safeguards\", kind = \"media\", needs_context = true }]",
        "forms = [{ text = \"(uphold|maintain) [the] two (maintains|maintenances)\", kind = \"mt\", template = true }]",
    );
    let dict = Dictionary::from_toml("t.toml", &toml).unwrap();
    let entry = dict.get("two-upholds").unwrap();
    let expanded: Vec<&str> = entry
        .forms
        .iter()
        .filter(|f| f.template.is_some())
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(expanded.len(), 8, "{expanded:?}");
    let tifa = tifa::Analyzer::new(dict).unwrap();
    let report = tifa.analyze("They maintain the two maintenances.").unwrap();
    assert_eq!(report.matches[0].form, "maintain the two maintenances");
    assert_eq!((report.matches[0].start, report.matches[0].end), (5, 34));
}

/// A load of `n` entries whose one template each expands to 256 forms (4 × 4 × 4 × 4).
fn template_heavy_toml(n: usize) -> String {
    let mut toml = String::new();
    for i in 0..n {
        let (a, b) = (
            char::from_u32(0x4E00 + 2 * i as u32).unwrap(),
            char::from_u32(0x4E01 + 2 * i as u32).unwrap(),
        );
        toml.push_str(&format!(
            "[[term]]\nid = \"t{i}\"\nzh = \"{a}{b}\"\npinyin = \"liǎng\"\nen = \"term {i}\"\n\
             category = \"local\"\nsince = 2020\ngloss = \"g\"\nexplanation = \"x\"\n\
             sources = [\"Doc, 2020\"]\nforms = [{{ text = \"w{i}x (a|b|c|d) (e|f|g|h) (i|j|k|l) (m|n|o|p)\", \
             kind = \"mt\", template = true }}]\n\n"
        ));
    }
    toml
}

#[test]
fn templates_past_the_load_budget_are_refused_with_the_limit_named() {
    // 390 × 256 = 99,840 template forms fit the budget of 100,000; 391 × 256 = 100,096 do not.
    for (name, n, refused) in [("within", 390, false), ("past", 391, true)] {
        match Dictionary::from_toml("many.toml", &template_heavy_toml(n)) {
            Ok(_) => assert!(!refused, "case {name}: accepted"),
            Err(e) => {
                assert!(refused, "case {name}: refused: {e}");
                let msg = e.to_string();
                assert!(
                    msg.contains("term \"t390\"")
                        && msg.contains("templates expand to more than 100000 forms in all"),
                    "case {name}: {msg}"
                );
            }
        }
    }
}
