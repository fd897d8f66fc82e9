//! Reliability under hostile input (issue 14): linear time, bounded memory, clear errors.
//! Each test is named after the item it pins. Scaling tests compare two sizes of the same
//! input (10× the input may cost at most about 12× the time), never an absolute time.

use std::time::{Duration, Instant};

use tifa::MAX_ENDS_AT_ONE_PLACE;
use tifa::{Analyzer, Dictionary};

/// CPU time of this thread (Linux: `/proc/thread-self/schedstat`, in nanoseconds), so other
/// work on a busy machine does not count; elsewhere, wall time.
fn cpu_now() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| START.with(|t| t.elapsed()))
}

thread_local! {
    static START: Instant = Instant::now();
}

/// The best of three runs of `f` (the least disturbed by other work on the machine).
fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = cpu_now();
            f();
            cpu_now() - t
        })
        .min()
        .unwrap()
}

/// Asserts that `run(10 × n)` costs at most about 12× `run(n)` (plus a millisecond of noise).
fn assert_linear(name: &str, small: usize, mut run: impl FnMut(usize)) {
    run(small); // warm up (the built-in dictionary, caches)
    let t1 = best_of_three(|| run(small));
    let t10 = best_of_three(|| run(small * 10));
    assert!(
        t10 <= t1 * 12 + Duration::from_millis(1),
        "{name}: 10× the input took {:.1}× the time ({t1:?} → {t10:?})",
        t10.as_secs_f64() / t1.as_secs_f64()
    );
}

/// One entry per form, every field filled.
fn entry(id: &str, zh: &str, en: &str, forms: &[&str]) -> String {
    let mut out = format!(
        "[[term]]\nid = {id:?}\nzh = {zh:?}\npinyin = \"cè shì\"\nen = {en:?}\ncategory = \"local\"\n\
         since = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\nforms = ["
    );
    for f in forms {
        out.push_str(&format!("{{ text = {f:?}, kind = \"mt\" }}, "));
    }
    out.push_str("]\n\n");
    out
}

/// Issue 14, item 3: every unknown-formula candidate was normalized again for each new one
/// (16,000 distinct numbered phrases took 18.5 s). Linear: one map keyed by the normalized form.
#[test]
fn item3_unknown_formula_candidates_are_linear() {
    let tifa = Analyzer::builtin().unwrap();
    let text = |n: usize| {
        let mut t = String::from("全面从严治党。");
        for i in 0..n as u32 {
            let a = char::from_u32(0x4E00 + (i * 7) % 20000).unwrap();
            let b = char::from_u32(0x4E00 + (i * 13 + 5) % 20000).unwrap();
            t.push_str(&format!("“三个{a}{b}”，"));
        }
        t
    };
    let (small, large) = (text(16_000), text(160_000));
    assert!(tifa.analyze(&small).unwrap().candidates.len() >= 15_000);
    assert_linear("unknown formulas", 16_000, |n| {
        let t = if n == 16_000 { &small } else { &large };
        tifa.analyze(t).unwrap();
    });
}

/// (name, extra entry TOML, fragments the error must hold)
const REFUSED: &[(&str, &str, &[&str])] = &[
    (
        "one_character_form",
        "[[term]]\nid = \"one\"\nzh = \"中\"\npinyin = \"zhōng\"\nen = \"Middle Thing\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n",
        &["mine.toml:1:", "term \"one\"", "`zh`", "\"中\" is one character"],
    ),
    (
        "bidi_control",
        "[[term]]\nid = \"rlo\"\nzh = \"测试\u{202E}甲\"\npinyin = \"cè\"\nen = \"Test\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n",
        &["mine.toml:3:", "term \"rlo\"", "`zh`", "U+202E"],
    ),
];

/// Issue 14, item 4: custom dictionaries are held to a budget; what breaks it is refused with
/// a message naming the file, the entry and the form.
#[test]
fn item4_dictionary_budget_is_enforced_with_clear_errors() {
    let mut cases: Vec<(String, String, Vec<String>)> = REFUSED
        .iter()
        .map(|(n, t, f)| {
            (
                n.to_string(),
                t.to_string(),
                f.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    // A form of 1 MB.
    let huge = "测".repeat(350_000);
    cases.push((
        "megabyte_form".into(),
        entry("huge", "测试甲", "Test", &[&huge]),
        vec![
            "term \"huge\"".into(),
            "forms[0]".into(),
            "(350000 characters)".into(),
            "longer than 300".into(),
        ],
    ));
    // Forms nested 200 deep: 中中, 中中中, … (the report of the issue).
    let nested: Vec<String> = (2..=200).map(|k| "中".repeat(k)).collect();
    let refs: Vec<&str> = nested.iter().map(String::as_str).collect();
    cases.push((
        "nested_forms".into(),
        entry("nest", "测试乙", "Nest", &refs),
        vec![
            "mine.toml".into(),
            "term \"nest\"".into(),
            "can all end at the same place".into(),
            "at most 16".into(),
        ],
    ));
    for (name, toml, fragments) in &cases {
        let err = match Dictionary::builtin_with(&[("mine.toml", toml)]).and_then(Analyzer::new) {
            Ok(_) => panic!("{name}: the dictionary was accepted"),
            Err(e) => e,
        };
        let message = err.to_string();
        for f in fragments {
            assert!(
                message.contains(f.as_str()),
                "{name}: {f:?} not in {message}"
            );
        }
        assert!(
            message.len() < 2000,
            "{name}: the message repeats the form: {} bytes",
            message.len()
        );
    }
}

/// Issue 14, item 4: within the budget, nested forms of different entries over a text that
/// repeats one character make work in proportion to the text: at most
/// [`MAX_ENDS_AT_ONE_PLACE`] candidates per character (they were N × K, K the nesting depth),
/// and 10× the text makes 10× the candidates and nested terms. Counted, not timed: sorting the
/// candidates is n log n, which a 12× time bound cannot tell from noise.
#[test]
fn item4_nested_forms_within_budget_are_linear() {
    let mut toml = String::new();
    for k in 2..=MAX_ENDS_AT_ONE_PLACE + 1 {
        let form = "中".repeat(k);
        toml.push_str(&entry(
            &format!("n{k}"),
            &format!("{form}测"),
            &format!("Nest {k}"),
            &[&form],
        ));
    }
    let dict = Dictionary::from_toml("mine.toml", &toml).unwrap();
    let tifa = Analyzer::new(dict).unwrap();
    let work = |n: usize| {
        let text = "中".repeat(n);
        // Every occurrence of every form on word boundaries: the candidates the choice of
        // leftmost-longest works through (one owner per form here, so one hit per candidate).
        let candidates: usize = tifa
            .form_hits(&text)
            .unwrap()
            .iter()
            .map(|&(_, _, n)| n as usize)
            .sum();
        let report = tifa.analyze(&text).unwrap();
        let nested: usize = report.matches.iter().map(|m| m.nested.len()).sum();
        (candidates, nested)
    };
    let (c1, n1) = work(2000);
    let (c10, n10) = work(20_000);
    assert!(n1 > 0, "no nested terms");
    assert!(
        c1 <= MAX_ENDS_AT_ONE_PLACE * 2000,
        "{c1} candidates for 2,000 characters"
    );
    // 10× the text, 10× the work, give or take the ends of the text (1 %).
    assert!(c10 * 100 <= c1 * 1010, "candidates {c1} → {c10}");
    assert!(n10 * 100 <= n1 * 1010, "nested {n1} → {n10}");
}
