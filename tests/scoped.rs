//! Scoped engines (`Analyzer::from_compiled_scoped`): built from only the forms whose tokens all
//! occur in some texts, they must report on those texts, and on every other text they say they
//! cover, exactly what the engine with every form reports — every match, kind, context reason,
//! nested term, candidate and count — at all three sensitivities.

use crate::common;

use tifa::compiled::write_parts;
use tifa::{Analyzer, Dictionary, Options, Scope, Sensitivity};

const SENSITIVITIES: [Sensitivity; 3] =
    [Sensitivity::Strict, Sensitivity::Default, Sensitivity::All];

/// The base part and the three script parts, one after another (what the page loads).
fn matching() -> Vec<u8> {
    write_parts(Dictionary::builtin().unwrap()).matching()
}

/// Generated texts that put forms of the dictionary in the contexts the gate reads: plain, in
/// quotation marks, title case, as a plural, in British spelling, beside another term, in a
/// sentence of their own; every 11th entry, so that a text holds a few dozen forms.
fn generated(dict: &Dictionary) -> Vec<(String, String)> {
    let title = |s: &str| {
        s.split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for start in 0..11 {
        let mut text = String::new();
        for e in dict.entries().iter().skip(start).step_by(11) {
            for (k, f) in e.forms.iter().enumerate().step_by(3) {
                let t = &f.text;
                let line = match k % 6 {
                    0 => format!("The meeting discussed {t} at length. "),
                    1 => format!("Officials praised the “{t}” again; "),
                    2 => format!("{} and the Two Upholds were named. ", title(t)),
                    3 => format!("Several {t}s were listed. "),
                    4 => format!("{}. ", t.replace("iz", "is").replace("or ", "our ")),
                    _ => format!("Nothing else: {t}\n\n"),
                };
                text.push_str(&line);
            }
        }
        out.push((format!("generated {start}"), text));
    }
    out
}

/// The first 64 KiB of each file of the neutral corpus (ordinary prose: gated forms without
/// their context), as `tests/neutral.rs` reads it.
fn neutral() -> Vec<(String, String)> {
    let dir = std::env::var_os("TIFA_NEUTRAL_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/neutral"));
    [
        "en/python-docs.txt",
        "en/fortunes.txt",
        "en/factbook.txt",
        "zh/manpages-zh.txt",
    ]
    .iter()
    .map(|f| {
        let text = std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| {
            panic!("{f}: {e}: run `scripts/ensure-tools.sh neutral` (make test does)")
        });
        let mut cut = text.len().min(64 << 10);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        (f.to_string(), text[..cut].to_string())
    })
    .collect()
}

fn same(scoped: &Analyzer, whole: &Analyzer, name: &str, text: &str) {
    for s in SENSITIVITIES {
        let (a, b) = (
            scoped.analyze_with(text, s).unwrap(),
            whole.analyze_with(text, s).unwrap(),
        );
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap(),
            "{name} at {s:?}"
        );
        let o = Options {
            sensitivity: s,
            ..Options::default()
        };
        assert_eq!(
            scoped.rows(text, o).unwrap(),
            whole.rows(text, o).unwrap(),
            "{name}: rows at {s:?}"
        );
    }
    assert_eq!(
        scoped.form_hits(text).unwrap(),
        whole.form_hits(text).unwrap(),
        "{name}: form hits"
    );
    assert_eq!(
        scoped.document_vouches(text).unwrap(),
        whole.document_vouches(text).unwrap(),
        "{name}: document rule"
    );
}

/// Each text's own scoped engine reports what the whole engine reports, and covers its text.
#[test]
fn a_scoped_engine_reports_its_text_like_the_whole_one() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let mut texts = common::samples();
    texts.extend(generated(whole.dictionary()));
    texts.extend(neutral());
    for (name, text) in &texts {
        let scoped = Analyzer::from_compiled_scoped(&matching, &Scope::of(text)).unwrap();
        assert!(scoped.covers(text), "{name}: its own text not covered");
        assert!(
            scoped.pattern_count() < whole.pattern_count(),
            "{name}: {} patterns, as many as the whole engine",
            scoped.pattern_count()
        );
        same(&scoped, &whole, name, text);
    }
}

/// Traditional Chinese texts (`common::traditional_texts`): the whole engine from the match
/// parts reports what the TOML dictionary's reports; each text's own scoped engine, and one
/// whose scope an English text widened with it, reports what the whole engine reports and
/// covers it. (The embed's module installs the traditional → simplified table from the
/// Chinese part; these engines have it built in: `tests/browser/embed-t2s.test.mjs` compares
/// the two.)
#[test]
fn traditional_texts_are_reported_like_the_whole_engine() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let toml = Analyzer::builtin().unwrap();
    let english = &common::samples()
        .into_iter()
        .find(|(n, _)| n == "official-en.txt")
        .unwrap()
        .1;
    for (name, text) in common::traditional_texts(whole.dictionary()) {
        let found = whole.analyze(&text).unwrap().matches.len();
        // (A sample of ordinary prose may hold no term.)
        assert!(
            found >= 5 || !name.starts_with("traditional names"),
            "{name}: {found} matches"
        );
        same(
            &whole,
            &toml,
            &format!("{name}, the TOML dictionary"),
            &text,
        );
        let scoped = Analyzer::from_compiled_scoped(&matching, &Scope::of(&text)).unwrap();
        assert!(scoped.covers(&text), "{name}: its own text not covered");
        same(&scoped, &whole, &name, &text);
        let mut scope = Scope::of(english);
        scope.add(&text);
        let widened = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
        assert!(widened.covers(&text) && widened.covers(english), "{name}");
        same(&widened, &whole, &format!("{name}, widened"), &text);
    }
}

/// `a`'s first half and `b`'s second half, cut where no word is cut (at whitespace, or between
/// two characters neither of which is an ASCII letter or digit), so the result holds only tokens
/// of `a` and `b`, in an order neither has: a text a scope of both must cover.
fn splice(a: &str, b: &str) -> String {
    fn cut(t: &str) -> usize {
        let mid = t.len() / 2;
        let word = |c: char| c.is_ascii_alphanumeric();
        t.char_indices()
            .filter(|&(i, _)| i >= mid)
            .find(|&(i, c)| {
                c.is_whitespace()
                    || (!word(c) && t[..i].chars().next_back().is_none_or(|p| !word(p)))
            })
            .map_or(t.len(), |(i, _)| i)
    }
    format!("{}\n{}", &a[..cut(a)], &b[cut(b)..])
}

/// A scope of several texts (the recall files' gold phrases, a dozen at a time): every text of
/// it, and every splice of two of them (new neighbours for their terms), is covered and reported
/// alike; every other text the engine says it covers is reported alike too, and some are not
/// covered (else the check would be no check).
#[test]
fn covered_texts_are_reported_like_the_whole_engine() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let mut texts = common::samples_and_gold_phrases();
    texts.extend(generated(whole.dictionary()));
    let (mut covered_others, mut not_covered, mut spliced) = (0, 0, 0);
    for group in texts.chunks(12).step_by(2) {
        let mut scope = Scope::new();
        for (_, t) in group {
            scope.add(t);
        }
        let scoped = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
        assert_eq!(scoped.scope().map(Scope::len), Some(scope.len()));
        for (name, text) in group {
            assert!(
                scoped.covers(text),
                "{name}: a text of the scope not covered"
            );
            same(&scoped, &whole, name, text);
        }
        for pair in group.windows(2) {
            let (name, text) = (
                format!("{} + {}", pair[0].0, pair[1].0),
                splice(&pair[0].1, &pair[1].1),
            );
            assert!(
                scoped.covers(&text),
                "{name}: a splice of the scope's texts not covered"
            );
            same(&scoped, &whole, &name, &text);
            spliced += 1;
        }
        for (name, text) in &texts {
            if group.iter().any(|(n, _)| n == name) {
                continue;
            }
            if scoped.covers(text) {
                covered_others += 1;
                same(&scoped, &whole, name, text);
            } else {
                not_covered += 1;
            }
        }
    }
    assert!(not_covered > 0, "every other text covered");
    // Whether any unrelated text happens to be covered depends on the dictionary's words; the
    // splices are covered by construction.
    assert!(spliced > 0, "no splice checked: the check proves nothing");
    eprintln!("{spliced} splices and {covered_others} other covered texts checked; {not_covered} not covered");
}

/// (name, scope text, later text, covered?) — a later text is covered unless it holds a word
/// that kept a form out of the scoped engine.
const COVERS: &[(&str, &str, &str, bool)] = &[
    ("same_text", "the Two Upholds", "the Two Upholds", true),
    ("subset", "the Two Upholds and more", "the upholds", true),
    (
        "new_term",
        "the Two Upholds",
        "the two establishments",
        false,
    ),
    ("plural_of_a_term", "the new era", "new eras", true),
    ("words_no_form_needs", "the Two Upholds", "zzqx qqzz", true),
    ("new_chinese_term", "两个维护", "两个确立", false),
    ("traditional_of_the_scope", "两个维护", "兩個維護", true),
];

#[test]
fn covers_table() {
    let matching = matching();
    for &(name, scope, later, want) in COVERS {
        let scoped = Analyzer::from_compiled_scoped(&matching, &Scope::of(scope)).unwrap();
        assert_eq!(scoped.covers(later), want, "case {name}");
    }
}

/// Regression: an engine with a term's words but not the term still finds it after a wider
/// scope is built from its scope and the new text (what the embed does for later content).
#[test]
fn a_widened_scope_finds_the_new_term() {
    let matching = matching();
    let first = "Officials must achieve the “two upholds”.";
    let later = "They also stressed the “two establishments”.";
    let scoped = Analyzer::from_compiled_scoped(&matching, &Scope::of(first)).unwrap();
    assert!(scoped.analyze(later).unwrap().matches.is_empty());
    assert!(!scoped.covers(later));
    let mut scope = scoped.scope().unwrap().clone();
    scope.add(later);
    let wider = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
    assert!(wider.covers(first) && wider.covers(later));
    assert_eq!(
        wider.analyze(later).unwrap().matches[0].id,
        "two-establishments"
    );
}

/// The forms of each English template of the dictionary, in their order (an entry's forms of one
/// template are one after another).
fn templates(dict: &Dictionary) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for e in dict.entries() {
        let mut last: Option<&str> = None;
        for f in e.forms.iter().filter(|f| !f.chinese) {
            let Some(t) = f.template.as_deref() else {
                last = None;
                continue;
            };
            match out.last_mut() {
                Some((_, forms)) if last == Some(t) => forms.push(f.text.clone()),
                _ => out.push((t.to_string(), vec![f.text.clone()])),
            }
            last = Some(t);
        }
    }
    out
}

/// A scoped build passes over a template whose fixed words the scope lacks without looking at
/// its forms one by one. Scopes that hold one expansion of each of a dozen templates (their
/// other alternatives mostly not: templates partly in scope), and that expansion with its last
/// word in the plural: each text is reported like the whole engine; the template's other
/// expansions are too when the engine says it covers them, and some are not covered.
#[test]
fn templates_partly_in_scope_are_reported_like_the_whole_engine() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let templates = templates(whole.dictionary());
    assert!(templates.len() > 500, "{} templates", templates.len());
    let (mut checked, mut covered, mut not_covered) = (0, 0, 0);
    let chosen: Vec<_> = templates.iter().step_by(3).collect();
    for group in chosen.chunks(12) {
        let texts: Vec<(String, String)> = group
            .iter()
            .enumerate()
            .map(|(k, (t, forms))| {
                let f = &forms[k % forms.len()];
                let text = if k % 2 == 0 {
                    format!("The plenum stressed {f} again. ")
                } else {
                    format!("Several “{f}s” were named. ")
                };
                (format!("template {t:?}"), text)
            })
            .collect();
        let mut scope = Scope::new();
        for (_, t) in &texts {
            scope.add(t);
        }
        let scoped = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
        for (name, text) in &texts {
            assert!(
                scoped.covers(text),
                "{name}: a text of the scope not covered"
            );
            same(&scoped, &whole, name, text);
            checked += 1;
        }
        for (t, forms) in group {
            for f in forms.iter().step_by(5) {
                let text = format!("They discussed {f}.");
                if scoped.covers(&text) {
                    same(&scoped, &whole, &format!("{t:?}: {f:?}"), &text);
                    covered += 1;
                } else {
                    not_covered += 1;
                }
            }
        }
    }
    assert!(
        checked > 100 && covered > 0 && not_covered > 0,
        "{checked} {covered} {not_covered}"
    );
    eprintln!("{checked} texts of templates, {covered} other expansions covered and checked, {not_covered} not covered");
}

/// A scoped build does not normalize or test the forms of a template that take an alternative
/// with a word the scope lacks, but counts them, so the template's later forms keep their
/// indices (which duplicates and the expansions an entry lists already shift). Scopes made of
/// the last form of a dozen templates each (the forms before it mostly take alternatives the
/// scope lacks): each text is reported like the whole engine, rows and their form indices
/// included, and names the form the whole engine names; so is every other form of the
/// template that the engine covers.
#[test]
fn forms_of_alternatives_left_out_keep_the_indices_of_the_others() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let templates = templates(whole.dictionary());
    let all = Options {
        sensitivity: Sensitivity::All,
        ..Options::default()
    };
    let (mut checked, mut named, mut covered) = (0, 0, 0);
    for group in templates.chunks(12) {
        let texts: Vec<(String, String)> = group
            .iter()
            .map(|(t, forms)| {
                let f = forms.last().unwrap();
                (
                    format!("template {t:?}, form {f:?}"),
                    format!("The plenum stressed {f} again. "),
                )
            })
            .collect();
        let mut scope = Scope::new();
        for (_, t) in &texts {
            scope.add(t);
        }
        let scoped = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
        for ((name, text), (_, forms)) in texts.iter().zip(group) {
            assert!(
                scoped.covers(text),
                "{name}: a text of the scope not covered"
            );
            same(&scoped, &whole, name, text);
            let rows = scoped.rows(text, all).unwrap();
            for row in rows[1..].chunks(tifa::ROW).take(rows[0] as usize) {
                let (e, k) = (row[2] as usize, row[3] as usize);
                let text = &scoped.dictionary().entry(e).unwrap().forms[k].text;
                assert_eq!(
                    text,
                    &whole.dictionary().entries()[e].forms[k].text,
                    "{name}"
                );
                named += usize::from(text == forms.last().unwrap());
            }
            checked += 1;
        }
        for (t, forms) in group {
            for f in &forms[..forms.len() - 1] {
                let text = format!("They discussed {f}.");
                if scoped.covers(&text) {
                    same(&scoped, &whole, &format!("{t:?}: {f:?}"), &text);
                    covered += 1;
                }
            }
        }
    }
    assert!(
        checked > 500 && named > checked / 2 && covered > 0,
        "{checked} texts, {named} naming the template's last form, {covered} other forms covered"
    );
    eprintln!("{checked} last forms of templates ({named} named), {covered} other forms covered and checked");
}

/// A dictionary read from the match parts keeps its templates unexpanded until asked: an
/// engine scoped to nothing expanded none, and each entry asked for alone (what a card or a
/// row's form text asks: `Dictionary::entry`, `Dictionary::get`) is the whole engine's entry,
/// form for form; then every entry at once; then, after the card part, each entry with its
/// cards, also one expanded before the cards came.
#[test]
fn entries_of_templates_never_expanded_are_the_whole_engines() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let matching = parts.matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let mut empty = Analyzer::from_compiled_scoped(&matching, &Scope::new()).unwrap();
    assert_eq!(empty.pattern_count(), 0);
    let dict = empty.dictionary();
    let read = dict.entries_as_read();
    let unexpanded = read
        .iter()
        .flat_map(|e| &e.forms)
        .filter(|f| f.text.is_empty())
        .count();
    assert!(unexpanded > 10_000, "{unexpanded} forms left unexpanded");
    for (i, want) in whole.dictionary().entries().iter().enumerate() {
        assert_eq!(dict.entry(i), Some(want), "entry {}", want.id);
        assert_eq!(dict.get(&want.id), Some(want), "entry {}", want.id);
    }
    assert_eq!(dict.entries(), whole.dictionary().entries());
    // Expanded before the cards came: the cards reach its forms too.
    let builtin = Dictionary::builtin().unwrap();
    let mut fresh = Analyzer::from_compiled_scoped(&matching, &Scope::new()).unwrap();
    let id = "two-upholds";
    let i = fresh.dictionary().index_of(id).unwrap();
    assert!(fresh.dictionary().entry(i).unwrap().forms.len() > 10);
    fresh.add_cards(&parts.cards).unwrap();
    assert_eq!(fresh.dictionary().entry(i), builtin.get(id));
    empty.add_cards(&parts.cards).unwrap();
    assert_eq!(empty.dictionary().entries(), builtin.entries());
}

/// Regression (templates expanded only when asked): a widening needs templates the first
/// scoped build never expanded. For a dozen templates, an engine scoped to a text without the
/// template's fixed words does not cover a text with one of its forms; the engine widened to
/// that text reports it like the whole engine, and names its form as the whole one does (rows
/// at the sensitivity that counts every form: the templates sampled change with the
/// dictionary, and a gated one failed the test when the sample reached it).
#[test]
fn a_widening_expands_the_templates_it_needs() {
    let matching = matching();
    let whole = Analyzer::from_compiled(&matching).unwrap();
    let first = "The meeting was held in the capital on Monday.";
    let scoped = Analyzer::from_compiled_scoped(&matching, &Scope::of(first)).unwrap();
    let mut widened = 0;
    for (t, forms) in templates(whole.dictionary()).iter().step_by(97) {
        let f = &forms[forms.len() / 2];
        let later = format!("The plenum stressed {f} again.");
        if scoped.covers(&later) {
            continue;
        }
        let mut scope = scoped.scope().unwrap().clone();
        scope.add(&later);
        let wider = Analyzer::from_compiled_scoped(&matching, &scope).unwrap();
        let name = format!("template {t:?}, form {f:?}");
        same(&wider, &whole, &name, &later);
        // Every form counts: a gated form in this bare sentence would count at no other
        // sensitivity (`same` above compares all three).
        let all = Options {
            sensitivity: Sensitivity::All,
            ..Options::default()
        };
        let rows = wider.rows(&later, all).unwrap();
        assert!(rows[0] > 0, "{name}: no match");
        for row in rows[1..].chunks(tifa::ROW).take(rows[0] as usize) {
            let (e, k) = (row[2] as usize, row[3] as usize);
            assert_eq!(
                wider.dictionary().entry(e).unwrap().forms[k].text,
                whole.dictionary().entries()[e].forms[k].text,
                "{name}"
            );
        }
        widened += 1;
    }
    assert!(widened >= 10, "{widened} templates widened to");
}
