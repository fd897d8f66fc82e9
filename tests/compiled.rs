//! The compiled dictionary (`tifa dict compile`, what the browser engine starts from): it
//! round-trips the built-in dictionary exactly, matches exactly as the TOML-loaded one does, and
//! refuses damaged or mismatched files with a message instead of a panic.

use crate::common;

use tifa::compiled::{read_cards, read_match, write};
use tifa::{Analyzer, Dictionary, Sensitivity};

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

/// The texts both engines are compared on: the samples, and every gold phrase of the recall
/// benchmark (`tests/recall/gold.toml`), one text per recall file.
fn comparison_texts() -> Vec<(String, String)> {
    let mut out = common::samples();
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

/// The matcher built from the compiled match part (normalized forms read, not recomputed) finds
/// exactly what the matcher built from the TOML finds: the same report, byte for byte, at every
/// sensitivity.
#[test]
fn the_match_part_alone_matches_like_the_toml_dictionary() {
    let (matching, _) = builtin_parts();
    let compiled = Analyzer::from_compiled(&matching).unwrap();
    let toml = Analyzer::builtin().unwrap();
    assert_eq!(compiled.pattern_count(), toml.pattern_count());
    for (name, text) in comparison_texts() {
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

/// (name, how to damage the match part, what the message says)
#[allow(clippy::type_complexity)]
const DAMAGED: &[(&str, fn(&mut Vec<u8>), &str)] = &[
    (
        "empty",
        |b| b.clear(),
        "not tifa's compiled dictionary (match part)",
    ),
    (
        "toml text",
        |b| *b = b"[[term]]\nid = 1\n".to_vec(),
        "not tifa's compiled dictionary",
    ),
    (
        "an older format",
        |b| b[..8].copy_from_slice(b"tifa-m2\n"),
        "it does not start with \"tifa-m3\"",
    ),
    (
        "cut short",
        |b| b.truncate(b.len() / 2),
        "(match part) is damaged at byte",
    ),
    (
        "extra bytes",
        |b| b.extend_from_slice(b"xyz"),
        "there are bytes after the last entry",
    ),
    (
        "huge count",
        |b| {
            b.splice(8..9, [0xff, 0xff, 0xff, 0xff, 0x0f])
                .for_each(drop)
        },
        "is more than the file holds",
    ),
];

#[test]
fn damaged_match_parts_are_refused_with_their_position() {
    let (matching, _) = builtin_parts();
    for (name, damage, want) in DAMAGED {
        let mut bytes = matching.clone();
        damage(&mut bytes);
        let err = read_match(&bytes).unwrap_err().to_string();
        assert!(err.contains(want), "{name}: {err}");
    }
}

#[test]
fn no_truncation_or_flipped_byte_panics() {
    let (matching, cards) = builtin_parts();
    // 40 prefixes and 40 flipped bytes spread over each part (odd steps, so they fall on
    // every kind of field): errors or a dictionary, never a panic; a flipped card byte never
    // half-fills a dictionary.
    let step = |len: usize| (len / 40) | 1;
    for cut in (0..matching.len()).step_by(step(matching.len())) {
        assert!(
            read_match(&matching[..cut]).is_err(),
            "prefix {cut} accepted"
        );
    }
    for at in (8..matching.len()).step_by(step(matching.len())) {
        let mut bytes = matching.clone();
        bytes[at] ^= 0x5a;
        let _ = read_match(&bytes);
    }
    let fresh = read_match(&matching).unwrap();
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

#[test]
fn cards_from_another_build_are_refused() {
    let (matching, cards) = builtin_parts();
    let other = Dictionary::from_toml(
        "mine.toml",
        "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n",
    )
    .unwrap();
    let (_, other_cards) = write(&other);
    let mut dict = read_match(&matching).unwrap();
    let err = read_cards(&mut dict, &other_cards).unwrap_err().to_string();
    assert!(err.contains("belongs to another build"), "{err}");
    assert!(!dict.has_cards());
    read_cards(&mut dict, &cards).unwrap();
    let again = read_cards(&mut dict, &cards).unwrap_err().to_string();
    assert!(again.contains("already"), "{again}");
}
