//! The compiled dictionary (`tifa dict compile`, what the browser engine starts from): it
//! round-trips the built-in dictionary exactly, matches exactly as the TOML-loaded one does, and
//! refuses damaged or mismatched files with a message instead of a panic.

use crate::common;

use tifa::compiled::{
    form_parts, read_cards, read_match, read_match_parts, scripts_needed, write, write_parts,
    Parts, Script,
};
use tifa::{Analyzer, ContextNeeds, Dictionary, Sensitivity};

fn builtin_parts() -> (Vec<u8>, Vec<u8>) {
    write(Dictionary::builtin().unwrap())
}

#[test]
fn round_trip_is_exact() {
    let dict = Dictionary::builtin().unwrap();
    let (matching, cards) = builtin_parts();
    let mut back = read_match(&matching).unwrap();
    assert!(!back.has_cards());
    assert_eq!(back.len(), dict.len());
    read_cards(&mut back, &cards).unwrap();
    assert!(back.has_cards());
    assert_eq!(back.entries(), dict.entries());
    // Aliases resolve as before.
    for e in dict.entries() {
        for a in &e.aliases {
            assert_eq!(back.get(a).map(|x| &x.id), Some(&e.id), "alias {a}");
        }
    }
}

/// The matcher built from the compiled match part (normalized forms read, not recomputed) finds
/// exactly what the matcher built from the TOML finds: the same report, byte for byte, at every
/// sensitivity.
#[test]
fn the_match_part_alone_matches_like_the_toml_dictionary() {
    let (matching, _) = builtin_parts();
    let compiled = Analyzer::from_compiled(&matching).unwrap();
    let toml = Analyzer::builtin().unwrap();
    assert_eq!(compiled.pattern_count(), toml.pattern_count());
    for (name, text) in common::samples_and_gold_phrases() {
        for sensitivity in [Sensitivity::Strict, Sensitivity::Default, Sensitivity::All] {
            let (a, b) = (
                compiled.analyze_with(&text, sensitivity).unwrap(),
                toml.analyze_with(&text, sensitivity).unwrap(),
            );
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&b).unwrap(),
                "{name} at {sensitivity:?}"
            );
        }
    }
}

/// (name, how to damage a part (given the length of its header before the stream lengths),
/// what the message says: `{part}` stands for the part's name)
#[allow(clippy::type_complexity)]
const DAMAGED: &[(&str, fn(&mut Vec<u8>, usize), &str)] = &[
    (
        "empty",
        |b, _| b.clear(),
        "not a part of tifa's compiled dictionary",
    ),
    (
        "toml text",
        |b, _| *b = b"[[term]]\nid = 1\n".to_vec(),
        "not a part of tifa's compiled dictionary",
    ),
    (
        // (tifa-s3: the script parts before the ids moved into them from the base part.)
        "an older format",
        |b, _| b[..8].copy_from_slice(b"tifa-s3\n"),
        "it does not start with \"tifa-b3\" (the base part) or \"tifa-s6\" (a script part)",
    ),
    (
        "cut short",
        |b, _| b.truncate(b.len() / 2),
        "({part} part) is damaged at byte",
    ),
    (
        "cut in its build hash",
        |b, head| b.truncate(head - 3),
        "({part} part) is damaged at byte",
    ),
    (
        "extra bytes",
        |b, _| b.extend_from_slice(b"xyz"),
        "({part} part) is damaged at byte",
    ),
    (
        "huge count",
        |b, head| {
            b.splice(head..head + 1, [0xff, 0xff, 0xff, 0xff, 0x0f])
                .for_each(drop)
        },
        "is more than the file holds",
    ),
];

/// The builtin dictionary's parts: (name in errors, bytes, length of the header before the
/// stream lengths: magic, script byte, build hash).
fn named_parts(parts: &Parts) -> [(&'static str, Vec<u8>, usize); 4] {
    [
        ("base", parts.base.clone(), 16),
        ("English", parts.english.clone(), 17),
        ("Chinese", parts.chinese.clone(), 17),
        ("MT", parts.mt.clone(), 17),
    ]
}

#[test]
fn damaged_parts_are_refused_with_their_position() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    for (part, bytes, head) in named_parts(&parts) {
        for (name, damage, want) in DAMAGED {
            let mut bytes = bytes.clone();
            damage(&mut bytes, head);
            let given: Vec<&[u8]> = match part {
                "base" => vec![&bytes, &parts.english],
                _ => vec![&parts.base, &bytes],
            };
            let err = read_match_parts(&given).unwrap_err().to_string();
            let want = want.replace("{part}", part);
            assert!(err.contains(&want), "{part} part {name}: {err}");
        }
    }
}

/// One entry whose template "(two|both) things [now]" has four expansions, of which the entry
/// lists two already ("two things", "both things": dropped, indices 0 and 2); its forms of
/// kind `KIND`. The two listed forms need context, so the template's expansions lengthen no
/// form that always counts and stay in the part of their kind.
const ONE_TEMPLATE: &str = "[[term]]\nid = \"x\"\nzh = \"两个\"\npinyin = \"liǎng\"\nen = \"two things\"\ncategory = \"leadership\"\nsince = 2018\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2018\"]\nforms = [{ text = \"two things\", kind = \"KIND\", needs_context = true, context_reason = \"a test\" }, { text = \"both things\", kind = \"KIND\", needs_context = true, context_reason = \"a test\" }, { text = \"(two|both) things [now]\", kind = \"KIND\", template = true }]\n";

/// `part` (a script part) with its first stream, the templates' counts, made `counts` (each a
/// number, written as the part writes numbers).
fn with_counts(part: &[u8], counts: &[u64]) -> Vec<u8> {
    let read = |at: &mut usize| {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = part[*at];
            *at += 1;
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return v;
            }
        }
    };
    let write = |out: &mut Vec<u8>, mut v: u64| loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    };
    // Magic, script byte, build hash; then the lengths of the six streams.
    let mut at = 17;
    let lens: Vec<u64> = (0..6).map(|_| read(&mut at)).collect();
    let mut stream = Vec::new();
    counts.iter().for_each(|&v| write(&mut stream, v));
    let mut out = part[..17].to_vec();
    write(&mut out, stream.len() as u64);
    lens[1..].iter().for_each(|&l| write(&mut out, l));
    out.extend_from_slice(&stream);
    out.extend_from_slice(&part[at + lens[0] as usize..]);
    out
}

/// (name, the English part's template counts (said not to be forms, how many dropped, the
/// dropped), what the message says after the part and the byte)
const DAMAGED_COUNTS: &[(&str, &[u64], &str)] = &[
    (
        "dropped_out_of_order",
        &[2, 2, 2, 0],
        "its dropped expansions are not in order (0 after 2)",
    ),
    (
        "dropped_twice",
        &[2, 2, 0, 0],
        "its dropped expansions are not in order (0 after 0)",
    ),
    (
        "dropped_out_of_range",
        &[2, 2, 0, 9],
        "dropped expansion 9 is out of range (it has 4 distinct expansions)",
    ),
    (
        "more_dropped_than_not_forms",
        &[1, 2, 0, 2],
        "2 of its expansions are said to be dropped, more than the 1 combinations",
    ),
    (
        "no_form_left",
        &[4, 2, 0, 2],
        "it has 4 combinations, and 4 of them are said not to be its forms",
    ),
    (
        "more_not_forms_than_combinations",
        &[7, 2, 0, 2],
        "it has 4 combinations, and 7 of them",
    ),
];

/// A script part whose counts of a template's forms or dropped expansions are wrong is refused
/// when it is read, with a message that names the part, the template and its entry (not read
/// into placeholders that stay empty); the part as written reads.
#[test]
fn damaged_template_counts_are_refused_at_read_time() {
    // (kind of the forms, the part that holds them, its name in errors)
    for (kind, part, part_name) in [
        ("media", Script::English, "English"),
        ("mt", Script::Mt, "MT"),
    ] {
        let dict = Dictionary::from_toml("t.toml", &ONE_TEMPLATE.replace("KIND", kind)).unwrap();
        let parts = write_parts(&dict);
        let bytes = parts.script(part);
        let intact = with_counts(bytes, &[2, 2, 0, 2]);
        assert_eq!(intact, bytes, "{kind}: the counts as written");
        let mut read =
            read_match_parts(&[&parts.base, &parts.english, &parts.mt, &parts.chinese]).unwrap();
        read_cards(&mut read, &parts.cards).unwrap();
        assert_eq!(read.entries(), dict.entries(), "{kind}");
        for (name, counts, want) in DAMAGED_COUNTS {
            let damaged = with_counts(bytes, counts);
            let given: Vec<&[u8]> = match part {
                Script::Mt => vec![&parts.base, &parts.english, &damaged],
                _ => vec![&parts.base, &damaged, &parts.mt],
            };
            let err = read_match_parts(&given).unwrap_err().to_string();
            let head = format!("the compiled dictionary ({part_name} part) is damaged at byte");
            let template = "template \"(two|both) things [now]\" of \"x\":";
            assert!(
                err.contains(&head) && err.contains(template) && err.contains(want),
                "{kind}, case {name}: {err}"
            );
        }
    }
}

#[test]
fn a_script_byte_that_names_no_script_is_refused_with_its_position() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let mut bytes = parts.english.clone();
    bytes[8] = 7;
    let err = read_match_parts(&[&parts.base, &bytes])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "(script part) is damaged at byte 8: 7 names no script (0 English, 1 Chinese, 2 MT)"
        ),
        "{err}"
    );
}

/// (name, which parts of this build, which of another build, what the message says)
const MISMATCHED: &[(&str, &[&str], &[&str], &str)] = &[
    (
        "English part of another build",
        &["base", "zh"],
        &["en"],
        "the English part of the compiled dictionary belongs to another build than its base part (the build hash at byte 9 differs",
    ),
    (
        "Chinese part of another build, given first",
        &["en", "base"],
        &["zh"],
        "the Chinese part of the compiled dictionary belongs to another build than its base part",
    ),
    (
        "base part of another build",
        &["en", "zh"],
        &["base"],
        "the English part of the compiled dictionary belongs to another build than its base part",
    ),
    ("no base part", &["en", "zh"], &[], "has no base part among the 2 part(s)"),
    ("two base parts", &["base", "base"], &[], "two base parts"),
    ("a script twice", &["base", "zh", "zh"], &[], "the Chinese part of the compiled dictionary was given twice"),
    (
        "MT part of another build",
        &["base", "en", "zh"],
        &["mt"],
        "the MT part of the compiled dictionary belongs to another build than its base part (the build hash at byte 9 differs",
    ),
    (
        "MT part of another build, given first",
        &["base", "en"],
        &["mt"],
        "the MT part of the compiled dictionary belongs to another build than its base part",
    ),
    ("the MT part twice", &["base", "mt", "en", "mt"], &[], "the MT part of the compiled dictionary was given twice"),
    ("nothing", &[], &[], "has no base part among the 0 part(s)"),
];

#[test]
fn mismatched_parts_are_refused() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let other = write_parts(&other_dictionary());
    let pick = |p: &Parts, name: &str| -> Vec<u8> {
        match name {
            "base" => p.base.clone(),
            "en" => p.english.clone(),
            "mt" => p.mt.clone(),
            _ => p.chinese.clone(),
        }
    };
    for (name, ours, theirs, want) in MISMATCHED {
        let mut given: Vec<Vec<u8>> = ours.iter().map(|n| pick(&parts, n)).collect();
        given.extend(theirs.iter().map(|n| pick(&other, n)));
        let given: Vec<&[u8]> = given.iter().map(|b| &b[..]).collect();
        let err = read_match_parts(&given).unwrap_err().to_string();
        assert!(err.contains(want), "{name}: {err}");
    }
    // The hash the message names is where it was read: byte 9 of the script part.
    let err = read_match_parts(&[&parts.base, &other.english])
        .unwrap_err()
        .to_string();
    assert!(err.contains("at byte 9"), "{err}");
}

#[test]
fn no_truncation_or_flipped_byte_panics() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let cards = parts.cards.clone();
    // 40 prefixes and 40 flipped bytes spread over each part (odd steps, so they fall on
    // every kind of field): errors or a dictionary, never a panic; a flipped card byte never
    // half-fills a dictionary.
    let step = |len: usize| (len / 40) | 1;
    for (part, bytes, _) in named_parts(&parts) {
        let with = |b: &[u8]| -> Result<Dictionary, tifa::Error> {
            match part {
                "base" => read_match_parts(&[b, &parts.english, &parts.chinese, &parts.mt]),
                _ => read_match_parts(&[&parts.base, b]),
            }
        };
        for cut in (0..bytes.len()).step_by(step(bytes.len())) {
            assert!(with(&bytes[..cut]).is_err(), "{part} prefix {cut} accepted");
        }
        for at in (8..bytes.len()).step_by(step(bytes.len())) {
            let mut bytes = bytes.clone();
            bytes[at] ^= 0x5a;
            let _ = with(&bytes);
        }
    }
    let fresh = read_match(&parts.matching()).unwrap();
    for at in (16..cards.len()).step_by(step(cards.len())) {
        let mut dict = fresh.clone();
        let mut bytes = cards.clone();
        bytes[at] ^= 0x5a;
        if read_cards(&mut dict, &bytes).is_err() {
            assert!(!dict.has_cards());
            assert!(dict.entries().iter().all(|e| e.explanation.is_empty()));
        }
    }
}

/// A one-entry dictionary: the parts of another build.
fn other_dictionary() -> Dictionary {
    Dictionary::from_toml(
        "mine.toml",
        "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n",
    )
    .unwrap()
}

/// (name, the parts given, in this order, the scripts they hold)
const COMBINATIONS: &[(&str, &[&str], &[Script])] = &[
    ("base alone", &["base"], &[]),
    ("base and MT", &["base", "mt"], &[Script::Mt]),
    (
        "base, English, MT",
        &["base", "en", "mt"],
        &[Script::English, Script::Mt],
    ),
    (
        "MT, base, English",
        &["mt", "base", "en"],
        &[Script::English, Script::Mt],
    ),
    (
        "base, Chinese, MT",
        &["base", "zh", "mt"],
        &[Script::Chinese, Script::Mt],
    ),
    (
        "all four, MT first",
        &["mt", "zh", "en", "base"],
        &[Script::English, Script::Chinese, Script::Mt],
    ),
    (
        "all four",
        &["base", "en", "zh", "mt"],
        &[Script::English, Script::Chinese, Script::Mt],
    ),
    ("base and English", &["base", "en"], &[Script::English]),
    ("English and base", &["en", "base"], &[Script::English]),
    ("base and Chinese", &["base", "zh"], &[Script::Chinese]),
    ("Chinese and base", &["zh", "base"], &[Script::Chinese]),
    (
        "base, English, Chinese",
        &["base", "en", "zh"],
        &[Script::English, Script::Chinese],
    ),
    (
        "Chinese, English, base",
        &["zh", "en", "base"],
        &[Script::English, Script::Chinese],
    ),
    (
        "English, base, Chinese",
        &["en", "base", "zh"],
        &[Script::English, Script::Chinese],
    ),
];

/// The bytes of the parts a combination names (`base`, `en`, `zh`), in its order.
fn given_parts<'a>(parts: &'a Parts, given: &[&str]) -> Vec<&'a [u8]> {
    given
        .iter()
        .map(|p| match *p {
            "base" => &parts.base[..],
            "en" => &parts.english[..],
            "mt" => &parts.mt[..],
            _ => &parts.chinese[..],
        })
        .collect()
}

/// `entry` with only the forms stored in the parts of `scripts`, given the part of each of its
/// forms (`form_parts`).
fn only_parts(entry: &tifa::Entry, parts: &[Script], scripts: &[Script]) -> tifa::Entry {
    let mut e = entry.clone();
    let mut part = parts.iter();
    e.forms.retain(|_| scripts.contains(part.next().unwrap()));
    e
}

/// Every combination of parts, in several orders, round-trips: every entry whole but for the
/// forms of the scripts not given, which are left out (the others keep their order); the card
/// part fills whatever was read (and the names of a script whose part was not).
#[test]
fn every_combination_of_parts_round_trips() {
    let dict = Dictionary::builtin().unwrap();
    let parts = write_parts(dict);
    let form_parts = form_parts(dict);
    for (name, given, scripts) in COMBINATIONS {
        let bytes = given_parts(&parts, given);
        let mut back = read_match_parts(&bytes).unwrap();
        assert!(!back.has_cards(), "{name}");
        // The names are in their script's part (and the card part); the id in each script
        // part, and with the cards for a base part read alone.
        let at = dict.index_of("two-upholds").unwrap();
        assert_eq!(
            back.get("two-upholds").is_some(),
            scripts.contains(&Script::English) || scripts.contains(&Script::Chinese),
            "{name}"
        );
        let e = &back.entries()[at];
        assert_eq!(
            e.zh == "两个维护",
            scripts.contains(&Script::Chinese),
            "{name}"
        );
        assert_eq!(
            e.en == "Two Upholds",
            scripts.contains(&Script::English),
            "{name}"
        );
        assert_eq!(e.category, "leadership", "{name}");
        read_cards(&mut back, &parts.cards).unwrap();
        assert_eq!(back.index_of("two-upholds"), Some(at), "{name}");
        let want: Vec<_> = dict
            .entries()
            .iter()
            .zip(&form_parts)
            .map(|(e, parts)| only_parts(e, parts, scripts))
            .collect();
        assert_eq!(back.entries(), &want[..], "{name}");
    }
    // The concatenation `write` returns is the whole dictionary too.
    assert_eq!(
        read_match(&parts.matching()).unwrap().len(),
        dict.len(),
        "concatenated"
    );
}

/// The late part holds the machine-translation forms and the English forms that lengthen
/// another form of their entry, and the English part alone (what the embed's first highlight
/// reads) marks that entry in the text of each of the latter (with a shorter form, or the same
/// text where a template of the English part has it too): the late part only lengthens what
/// the first highlight shows. Some do move (the part is not empty of
/// them), and no form is in the late part of a dictionary read without it.
#[test]
fn late_forms_lengthen_a_form_the_english_part_finds() {
    let dict = Dictionary::builtin().unwrap();
    let parts = write_parts(dict);
    let first = Analyzer::from_compiled_parts(&[&parts.base, &parts.english]).unwrap();
    let mut moved = 0;
    let form_parts = form_parts(dict);
    for (e, parts) in dict.entries().iter().zip(&form_parts) {
        for (f, &part) in e.forms.iter().zip(parts) {
            if part != Script::Mt || f.kind == tifa::Kind::Mt {
                continue;
            }
            moved += 1;
            let report = first.analyze_with(&f.text, Sensitivity::All).unwrap();
            assert!(
                report.matches.iter().any(|m| m.id == e.id),
                "{}: the late form {:?} shows no shorter form of its entry without the late part: {:?}",
                e.id,
                f.text,
                report.matches.iter().map(|m| (&m.id, &m.text)).collect::<Vec<_>>()
            );
        }
    }
    assert!(moved > 100, "only {moved} forms are late");
}

/// The parts are what `write` concatenates, and the scan of a text picks the scripts of its
/// forms: every English form holds a Latin letter and every Chinese form a Han character (so a
/// page without Latin letters needs no English part, one without Han no Chinese part).
#[test]
fn every_form_holds_a_character_of_its_script() {
    let dict = Dictionary::builtin().unwrap();
    let parts = form_parts(dict);
    for (i, e) in dict.entries().iter().enumerate() {
        for (f, &want) in e.forms.iter().zip(&parts[i]) {
            assert!(
                scripts_needed(&f.text).contains(&want),
                "{}: form {:?} holds no character of its script",
                e.id,
                f.text
            );
        }
    }
}

/// With the base part and both script parts (in any order), the analyzer reports exactly what
/// the TOML dictionary's does; with only the parts the text's scan asks for (and the card part,
/// which brings the names of the other script, which a report gives), it reports what the
/// whole one does, for the text's English and its Chinese alone as well.
#[test]
fn parts_analyse_like_the_toml_dictionary() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let toml = Analyzer::builtin().unwrap();
    let whole =
        Analyzer::from_compiled_parts(&[&parts.chinese, &parts.mt, &parts.base, &parts.english])
            .unwrap();
    assert_eq!(whole.pattern_count(), toml.pattern_count());
    // The analyzers of the four sets of scripts a scan can ask for.
    let sets: Vec<(Vec<Script>, Analyzer)> = [
        vec![],
        vec![Script::English, Script::Mt],
        vec![Script::Chinese],
        Script::ALL.to_vec(),
    ]
    .into_iter()
    .map(|scripts| {
        let mut given: Vec<&[u8]> = vec![&parts.base];
        given.extend(scripts.iter().map(|&s| parts.script(s)));
        let mut a = Analyzer::from_compiled_parts(&given).unwrap();
        // Without the Chinese part, the Chinese names (which reports give) come with the cards.
        a.add_cards(&parts.cards).unwrap();
        (scripts, a)
    })
    .collect();
    let json = |a: &Analyzer, text: &str| serde_json::to_string(&a.analyze(text).unwrap()).unwrap();
    for (name, text) in common::samples_and_gold_phrases() {
        assert_eq!(json(&whole, &text), json(&toml, &text), "{name}");
        let english: String = text.chars().filter(|c| !tifa::text::is_han(*c)).collect();
        let chinese: String = text.chars().filter(|c| !c.is_ascii_alphabetic()).collect();
        for (which, text) in [
            ("mixed", text.as_str()),
            ("English", &english),
            ("Chinese", &chinese),
        ] {
            let needed = scripts_needed(text);
            let some = &sets.iter().find(|(s, _)| *s == needed).unwrap().1;
            assert_eq!(json(some, text), json(&toml, text), "{name}, {which}");
        }
    }
}

/// Traditional Chinese texts (`common::traditional_texts`): the base part with the Chinese part
/// (what the embed reads for a Chinese page), and with both script parts, report what the TOML
/// dictionary's analyzer reports (on the text's Chinese alone, for the first).
#[test]
fn traditional_texts_analyse_like_the_toml_dictionary() {
    let parts = write_parts(Dictionary::builtin().unwrap());
    let toml = Analyzer::builtin().unwrap();
    let whole =
        Analyzer::from_compiled_parts(&[&parts.base, &parts.english, &parts.chinese, &parts.mt])
            .unwrap();
    let mut chinese = Analyzer::from_compiled_parts(&[&parts.chinese, &parts.base]).unwrap();
    chinese.add_cards(&parts.cards).unwrap();
    let json = |a: &Analyzer, text: &str| serde_json::to_string(&a.analyze(text).unwrap()).unwrap();
    for (name, text) in common::traditional_texts(toml.dictionary()) {
        let han: String = text.chars().filter(|c| !c.is_ascii_alphabetic()).collect();
        let found = toml.analyze(&han).unwrap().matches.len();
        // (A sample of ordinary prose may hold no term.)
        assert!(
            found >= 5 || !name.starts_with("traditional names"),
            "{name}: {found} matches"
        );
        assert_eq!(
            json(&chinese, &han),
            json(&toml, &han),
            "{name}, Chinese part"
        );
        assert_eq!(
            json(&whole, &text),
            json(&toml, &text),
            "{name}, both parts"
        );
    }
}

#[test]
fn cards_from_another_build_are_refused() {
    let (matching, cards) = builtin_parts();
    let (_, other_cards) = write(&other_dictionary());
    let mut dict = read_match(&matching).unwrap();
    let err = read_cards(&mut dict, &other_cards).unwrap_err().to_string();
    assert!(err.contains("belongs to another build"), "{err}");
    assert!(!dict.has_cards());
    read_cards(&mut dict, &cards).unwrap();
    let again = read_cards(&mut dict, &cards).unwrap_err().to_string();
    assert!(again.contains("already"), "{again}");
}

/// A dictionary whose gated forms ask for more context: `sentence` on an English and a
/// Chinese form, `title-case` on another English form, each with its reason.
fn needs_dictionary() -> Dictionary {
    Dictionary::from_toml(
        "needs.toml",
        "[[term]]\nid = \"basic-law\"\nzh = \"测试基本法\"\npinyin = \"cèshì jīběnfǎ\"\nen = \"Test Basic Law\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\nforms = [\n  { text = \"Basic Law\", kind = \"official\", needs_context = true, context_needs = \"title-case\", context_needs_reason = \"a proper name\" },\n  { text = \"political standing\", kind = \"media\", needs_context = true, context_reason = \"a collocation\", context_needs = \"sentence\", context_needs_reason = \"ordinary in Party texts\" },\n  { text = \"战区\", kind = \"official\", needs_context = true, context_needs = \"sentence\", context_needs_reason = \"中国战区\" },\n  { text = \"plain form\", kind = \"mt\" },\n]\n",
    )
    .unwrap()
}

/// `context_needs` is a flag of the base part and its reason is in the card part (only for the
/// forms that have one): both come back, whichever match parts were read.
#[test]
fn context_needs_round_trips_in_every_combination_of_parts() {
    let dict = needs_dictionary();
    let needs: Vec<_> = dict.entries()[0]
        .forms
        .iter()
        .map(|f| {
            (
                f.text.clone(),
                f.context_needs,
                f.context_needs_reason.clone(),
            )
        })
        .collect();
    assert_eq!(
        needs[..4],
        [
            (
                "Basic Law".to_string(),
                Some(ContextNeeds::TitleCase),
                Some("a proper name".to_string())
            ),
            (
                "political standing".to_string(),
                Some(ContextNeeds::Sentence),
                Some("ordinary in Party texts".to_string())
            ),
            (
                "战区".to_string(),
                Some(ContextNeeds::Sentence),
                Some("中国战区".to_string())
            ),
            ("plain form".to_string(), None, None),
        ]
    );
    let parts = write_parts(&dict);
    for (name, given, scripts) in COMBINATIONS {
        let bytes = given_parts(&parts, given);
        let mut back = read_match_parts(&bytes).unwrap();
        read_cards(&mut back, &parts.cards).unwrap();
        let want = only_parts(&dict.entries()[0], &form_parts(&dict)[0], scripts);
        assert_eq!(back.entries()[0], want, "{name}");
    }
}

/// `not_after` and `not_before` are in the match part of their form's script (the gate reads
/// them) and come back, whichever parts were read; a template's forms all keep them.
#[test]
fn neighbours_round_trip_in_every_combination_of_parts() {
    let dict = Dictionary::from_toml(
        "neighbours.toml",
        "[[term]]\nid = \"arduous\"\nzh = \"测试艰苦奋斗\"\npinyin = \"cèshì\"\nen = \"Test Hard Work\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\nforms = [\n  { text = \"arduous struggle\", kind = \"mt\", needs_context = true, not_after = [\"years of\", \"decades of\"] },\n  { text = \"primary responsibility\", kind = \"official\", needs_context = true, not_before = [\"of serving\"] },\n  { text = \"(a|the) strong leading group\", kind = \"media\", template = true, needs_context = true, not_after = [\"a\"], not_before = [\"of companies\"] },\n  { text = \"战区\", kind = \"official\", needs_context = true, not_after = [\"中国\"] },\n  { text = \"plain form\", kind = \"media\" },\n]\n",
    )
    .unwrap();
    let lists: Vec<(usize, usize)> = dict.entries()[0]
        .forms
        .iter()
        .map(|f| (f.not_after.len(), f.not_before.len()))
        .collect();
    assert_eq!(lists[..6], [(2, 0), (0, 1), (1, 1), (1, 1), (1, 0), (0, 0)]);
    let parts = write_parts(&dict);
    for (name, given, scripts) in COMBINATIONS {
        let bytes = given_parts(&parts, given);
        let mut back = read_match_parts(&bytes).unwrap();
        read_cards(&mut back, &parts.cards).unwrap();
        let want = only_parts(&dict.entries()[0], &form_parts(&dict)[0], scripts);
        assert_eq!(back.entry(0).unwrap(), &want, "{name}");
        assert_eq!(back.entries()[0], want, "{name}");
    }
}
