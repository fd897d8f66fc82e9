//! Checks on the BUILT-IN dictionary as data: it validates, every surface form finds its own
//! entry (alone and inside a sentence) and is not shadowed, ordinary prose gives no matches
//! (`tests/samples/news-prose.txt` and `tests/samples/zh-prose.txt`), and the Party samples in
//! `tests/samples/` are fully covered (`tests/samples/expected.toml`). It reads only files of
//! the repository; ordinary prose installed on the machine (Python's documentation, fortunes,
//! the licence texts of `/usr/share/common-licenses`…) is the neutral corpus of
//! `tests/neutral.rs`.
//!
//! Run with `cargo test -p tifa --test library dictionary:: -- --nocapture` to see the counts table
//! (`builtin_dictionary_validates_and_counts`). Every check collects ALL its failures and
//! reports them in one assertion message, naming entry, form and what happened, so a
//! dictionary writer can fix them in one pass.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use tifa::{Analyzer, Dictionary, Entry, Form, Kind, Report, Sensitivity, CATEGORIES};

/// The English sentence a form is placed in (`{}` is the form, quoted when it is gated).
const EN_SENTENCE: (&str, &str) = ("In a statement, officials referred to ", " again.");
/// The Chinese sentence a form is placed in.
const ZH_SENTENCE: (&str, &str) = ("会议强调", "的重要意义。");

fn analyzer() -> &'static Analyzer {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    ANALYZER.get_or_init(|| {
        Analyzer::builtin().unwrap_or_else(|e| panic!("the built-in dictionary does not load: {e}"))
    })
}

fn dict() -> &'static Dictionary {
    Dictionary::builtin()
        .unwrap_or_else(|e| panic!("the built-in dictionary does not validate: {e}"))
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// The form probes are analysed with sensitivity `all`, so that gated forms count without
/// context (the context rule has its own tests in `tests/matching.rs` and `tests/neutral.rs`).
fn analyze_all(tifa: &Analyzer, text: &str) -> Report {
    tifa.analyze_with(text, Sensitivity::All).unwrap()
}

/// One text built around a form, and where (UTF-16) the bare form sits in it.
struct Probe {
    text: String,
    start: u32,
    end: u32,
}

/// A place name for a form's `{place}` slot (the Cili county of the form's source).
const PLACE: &str = "Cili";

fn probe(prefix: &str, form: &Form, suffix: &str) -> Probe {
    let body = form.text.replace("{place}", PLACE);
    let start = utf16_len(prefix);
    let end = start + utf16_len(&body);
    Probe {
        text: format!("{prefix}{body}{suffix}"),
        start,
        end,
    }
}

fn alone(form: &Form) -> Probe {
    probe("", form, "")
}

fn in_sentence(form: &Form) -> Probe {
    let (pre, post) = if form.chinese {
        ZH_SENTENCE
    } else {
        EN_SENTENCE
    };
    probe(pre, form, post)
}

/// One line describing a report's top-level matches (for failure messages).
fn describe(report: &Report) -> String {
    if report.matches.is_empty() {
        return "no match".to_string();
    }
    let parts: Vec<String> = report
        .matches
        .iter()
        .map(|m| {
            let mut s = format!(
                "{} {:?} [{}..{}] form {:?}",
                m.id, m.text, m.start, m.end, m.form
            );
            if let Some(c) = m.context {
                let _ = write!(s, " ({})", c.as_str());
            }
            if !m.also.is_empty() {
                let _ = write!(s, " also {:?}", m.also);
            }
            if !m.nested.is_empty() {
                let nested: Vec<&str> = m.nested.iter().map(|n| n.id.as_str()).collect();
                let _ = write!(s, " nested {nested:?}");
            }
            s
        })
        .collect();
    parts.join("; ")
}

/// How an entry was found at the probe's span, if it was.
#[derive(Debug, PartialEq)]
enum Found {
    TopLevel,
    Also,
    Nested,
}

fn find_entry(report: &Report, id: &str, p: &Probe) -> Option<Found> {
    for m in &report.matches {
        if m.start > p.start || m.end < p.end {
            continue;
        }
        if m.id == id {
            return Some(Found::TopLevel);
        }
        if m.also.iter().any(|a| a == id) {
            return Some(Found::Also);
        }
        if m.nested
            .iter()
            .any(|n| n.id == id && n.start <= p.start && n.end >= p.end)
        {
            return Some(Found::Nested);
        }
    }
    None
}

fn kind_name(k: Kind) -> &'static str {
    k.as_str()
}

fn form_label(e: &Entry, f: &Form) -> String {
    let mut flags = vec![kind_name(f.kind)];
    if f.needs_context {
        flags.push("needs_context");
    }
    if f.shared {
        flags.push("shared");
    }
    format!(
        "{} ({}): form {:?} [{}]",
        e.id,
        e.file,
        f.text,
        flags.join(", ")
    )
}

fn fail_with(title: &str, failures: &[String]) {
    if !failures.is_empty() {
        let mut msg = format!("{title}: {} failure(s)\n", failures.len());
        for f in failures {
            let _ = writeln!(msg, "  - {f}");
        }
        panic!("{msg}");
    }
}

#[test]
fn builtin_dictionary_validates_and_counts() {
    let dict = dict();
    let entries = dict.entries();

    let mut per_category: BTreeMap<&str, usize> = CATEGORIES.iter().map(|c| (*c, 0)).collect();
    for e in entries {
        *per_category.entry(e.category.as_str()).or_default() += 1;
    }
    let forms: usize = entries.iter().map(|e| e.forms.len()).sum();
    let en_forms: usize = entries
        .iter()
        .map(|e| e.forms.iter().filter(|f| !f.chinese).count())
        .sum();
    let zh_forms = forms - en_forms;
    let gated: usize = entries
        .iter()
        .map(|e| e.forms.iter().filter(|f| f.needs_context).count())
        .sum();
    let shared: usize = entries
        .iter()
        .map(|e| e.forms.iter().filter(|f| f.shared).count())
        .sum();
    let with_kind = |k: Kind| {
        entries
            .iter()
            .filter(|e| e.forms.iter().any(|f| f.kind == k))
            .count()
    };
    let with_mt = with_kind(Kind::Mt);
    let with_spelled = with_kind(Kind::SpelledOut);
    let with_media = with_kind(Kind::Media);
    let dated_official = entries
        .iter()
        .filter(|e| {
            e.forms
                .iter()
                .filter(|f| {
                    f.kind == Kind::Official
                        && !f.chinese
                        && (f.since.is_some() || f.until.is_some())
                })
                .count()
                >= 2
        })
        .count();
    let two_sources = entries.iter().filter(|e| e.sources.len() >= 2).count();
    let single_noted = entries.iter().filter(|e| e.single_source.is_some()).count();
    let templates: std::collections::BTreeSet<(&str, &str)> = entries
        .iter()
        .flat_map(|e| {
            e.forms
                .iter()
                .filter_map(move |f| f.template.as_deref().map(|t| (e.id.as_str(), t)))
        })
        .collect();
    let expanded = entries
        .iter()
        .flat_map(|e| &e.forms)
        .filter(|f| f.template.is_some())
        .count();
    let aliases: usize = entries.iter().map(|e| e.aliases.len()).sum();
    let local = entries.iter().filter(|e| e.local).count();
    let n = entries.len() as f64;

    let mut table = String::new();
    let _ = writeln!(table, "| built-in dictionary | count |");
    let _ = writeln!(table, "|---|---:|");
    let _ = writeln!(table, "| entries | {} |", entries.len());
    for (c, k) in &per_category {
        let _ = writeln!(table, "| category `{c}` | {k} |");
    }
    let _ = writeln!(
        table,
        "| surface forms (all, incl. zh / zh_hant / en) | {forms} |"
    );
    let _ = writeln!(
        table,
        "| forms per entry (average) | {:.2} |",
        forms as f64 / n
    );
    let _ = writeln!(
        table,
        "| English forms per entry (average) | {:.2} |",
        en_forms as f64 / n
    );
    let _ = writeln!(
        table,
        "| Chinese forms per entry (average) | {:.2} |",
        zh_forms as f64 / n
    );
    let _ = writeln!(table, "| forms that need context | {gated} |");
    let _ = writeln!(table, "| forms marked shared | {shared} |");
    let _ = writeln!(table, "| entries with an mt form | {with_mt} |");
    let _ = writeln!(table, "| entries with a media form | {with_media} |");
    let _ = writeln!(
        table,
        "| entries with a spelled-out form | {with_spelled} |"
    );
    let _ = writeln!(
        table,
        "| entries with ≥ 2 dated official renderings | {dated_official} |"
    );
    let _ = writeln!(table, "| local entries | {local} |");
    let _ = writeln!(table, "| entries with ≥ 2 sources | {two_sources} |");
    let _ = writeln!(
        table,
        "| entries with one source and a `single_source` note | {single_noted} |"
    );
    let _ = writeln!(
        table,
        "| templates / forms they expand to | {} / {expanded} |",
        templates.len()
    );
    let _ = writeln!(table, "| former ids kept as aliases | {aliases} |");
    eprintln!("\n{table}");

    assert!(
        entries.len() >= 1000,
        "the built-in dictionary has {} entries; at least 1,000 expected",
        entries.len()
    );
    let unknown: Vec<&str> = per_category
        .keys()
        .copied()
        .filter(|c| !CATEGORIES.contains(c))
        .collect();
    assert!(
        unknown.is_empty(),
        "entries with unknown categories: {unknown:?}"
    );
    for e in entries {
        assert!(
            dict.get(&e.id).is_some_and(|x| std::ptr::eq(x, e)),
            "{}: get(id) does not return the entry",
            e.id
        );
    }
}

#[test]
fn every_form_finds_its_own_entry() {
    let tifa = analyzer();
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for e in tifa.dictionary().entries() {
        for f in &e.forms {
            checked += 1;
            let p = alone(f);
            let report = analyze_all(tifa, &p.text);
            match find_entry(&report, &e.id, &p) {
                Some(Found::TopLevel) | Some(Found::Also) => {}
                _ => failures.push(format!(
                    "{}: alone {:?} gives {}",
                    form_label(e, f),
                    p.text,
                    describe(&report)
                )),
            }
            let p = in_sentence(f);
            let report = analyze_all(tifa, &p.text);
            if find_entry(&report, &e.id, &p).is_none() {
                failures.push(format!(
                    "{}: in {:?} gives {}",
                    form_label(e, f),
                    p.text,
                    describe(&report)
                ));
            }
        }
    }
    eprintln!(
        "every_form_finds_its_own_entry: {checked} forms checked, {} failure(s)",
        failures.len()
    );
    fail_with("forms that do not find their own entry", &failures);
}

#[test]
fn no_form_is_shadowed() {
    let tifa = analyzer();
    let mut failures = Vec::new();
    for e in tifa.dictionary().entries() {
        for f in &e.forms {
            let p = alone(f);
            let report = analyze_all(tifa, &p.text);
            let ok = match report.matches.as_slice() {
                [m] => {
                    (m.id == e.id || m.also.iter().any(|a| a == &e.id))
                        && (m.start, m.end) == (p.start, p.end)
                }
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{}: alone {:?} should give one match of its entry at [{}..{}], gives {}",
                    form_label(e, f),
                    p.text,
                    p.start,
                    p.end,
                    describe(&report)
                ));
            }
        }
    }
    fail_with("shadowed forms", &failures);
}

/// Lists every match in `text` as a failure line naming the file.
fn matches_in(file: &str, text: &str, failures: &mut Vec<String>) -> usize {
    let report = analyzer().analyze(text).unwrap();
    for m in &report.matches {
        let form = tifa::Dictionary::builtin()
            .ok()
            .and_then(|d| d.get(&m.id))
            .and_then(|e| e.forms.iter().find(|f| f.text == m.form))
            .map(|f| {
                if f.needs_context {
                    "needs_context"
                } else {
                    "ungated"
                }
            })
            .unwrap_or("?");
        let (s, e) = (m.start as usize, m.end as usize);
        let units: Vec<u16> = text.encode_utf16().collect();
        let before = String::from_utf16_lossy(&units[s.saturating_sub(40)..s]);
        let after = String::from_utf16_lossy(&units[e..(e + 40).min(units.len())]);
        failures.push(format!(
            "{file}: {} {:?} (form {:?}, {form}, {}, context {}) in “…{}[{}]{}…”",
            m.id,
            m.text,
            m.form,
            m.kind.as_str(),
            m.context.map_or("none", |c| c.as_str()),
            before.replace('\n', " "),
            m.text.replace('\n', " "),
            after.replace('\n', " "),
        ));
    }
    report.matches.len()
}

#[test]
fn zero_matches_on_news_prose() {
    let file = "tests/samples/news-prose.txt";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    assert!(
        text.split_whitespace().count() >= 3000,
        "{file} should hold at least 3,000 words"
    );
    let mut failures = Vec::new();
    matches_in(file, &text, &mut failures);
    fail_with(
        "matches in ordinary news prose (each needs a fix in the dictionary)",
        &failures,
    );
}

/// The same for ordinary Chinese news (sport, weather, software, council, school, culture) that
/// uses 核心, 纪律, 精神, 信心, 自信, 改革, 零容忍, 新时代 and 围观群众 in their everyday senses.
#[test]
fn zero_matches_on_chinese_prose() {
    let file = "tests/samples/zh-prose.txt";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let mut failures = Vec::new();
    matches_in(file, &text, &mut failures);
    fail_with(
        "matches in ordinary Chinese prose (each needs a fix in the dictionary)",
        &failures,
    );
}

#[derive(Deserialize)]
struct Expected {
    sample: Vec<Sample>,
}

#[derive(Deserialize)]
struct Sample {
    file: String,
    ids: Vec<String>,
}

/// The edit script from `want` to `got` (longest common subsequence), as `-id` (missing) and
/// `+id` (extra) lines with the position in `want`.
fn diff(want: &[String], got: &[(String, String)]) -> Vec<String> {
    let (n, m) = (want.len(), got.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if want[i] == got[j].0 {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && want[i] == got[j].0 {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(format!("extra   #{j} {} {:?}", got[j].0, got[j].1));
            j += 1;
        } else {
            out.push(format!(
                "missing #{i} {} (expected after {})",
                want[i],
                if i == 0 { "the start" } else { &want[i - 1] }
            ));
            i += 1;
        }
    }
    out
}

#[test]
fn samples_are_fully_covered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(root.join("expected.toml")).unwrap()).unwrap();
    let files: Vec<&str> = expected.sample.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(
        files,
        ["official-en.txt", "mt-en.txt", "zh-mixed.txt"],
        "expected.toml lists the three Party samples"
    );
    let mut failures = Vec::new();
    for s in &expected.sample {
        let text = std::fs::read_to_string(root.join(&s.file)).unwrap();
        let report = analyzer().analyze(&text).unwrap();
        let got: Vec<(String, String)> = report
            .matches
            .iter()
            .map(|m| (m.id.clone(), m.text.replace('\n', " ")))
            .collect();
        eprintln!(
            "{}: {} top-level matches (expected {})",
            s.file,
            got.len(),
            s.ids.len()
        );
        if got.iter().map(|g| &g.0).ne(s.ids.iter()) {
            for line in diff(&s.ids, &got) {
                failures.push(format!("{}: {line}", s.file));
            }
        }
    }
    fail_with(
        "samples not fully covered (tests/samples/expected.toml)",
        &failures,
    );
}

/// Derived traditional forms use the standard characters a reader expects: OpenCC's `s2tw`
/// once turned 一个中国 into 一箇中國 (build.rs corrects it); each row is (simplified, traditional).
#[test]
fn derived_traditional_forms_read_naturally() {
    let cases = [
        ("一个中国原则", "一個中國原則"),
        ("一个中心、两个基本点", "一個中心、兩個基本點"),
        ("两个维护", "兩個維護"),
        ("全面从严治党", "全面從嚴治黨"),
    ];
    let mut failures = Vec::new();
    for (zh, want) in cases {
        match dict().entries().iter().find(|e| e.zh == zh) {
            Some(e) if e.zh_hant == want => {}
            Some(e) => failures.push(format!("{}: zh_hant {:?}, want {want:?}", e.id, e.zh_hant)),
            None => failures.push(format!("no entry has zh {zh:?}")),
        }
    }
    for e in dict().entries() {
        for f in e
            .forms
            .iter()
            .filter(|f| f.chinese && f.text.contains('箇'))
        {
            failures.push(format!("{}: form {:?} has the literary 箇", e.id, f.text));
        }
    }
    fail_with("derived traditional forms", &failures);
}
