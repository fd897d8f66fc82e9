//! The vocabulary (`src/vocabulary.toml`) is the one list of categories, kinds and context
//! reasons: the files written from it are fresh, and the Rust enums follow its order.
use std::process::Command;
use tifa::Kind;
use tifa::Reason;
use tifa::{CATEGORIES, KIND_NAMES, REASON_NAMES};

#[test]
fn written_files_are_fresh() {
    let out = Command::new("python3")
        .args(["scripts/vocabulary.py", "--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn kinds_follow_the_vocabulary() {
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(names, KIND_NAMES);
    for name in KIND_NAMES {
        assert_eq!(Kind::parse(name).map(Kind::as_str), Some(*name));
    }
}

#[test]
fn reasons_follow_the_vocabulary() {
    let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(names, REASON_NAMES);
}

#[test]
fn every_builtin_entry_has_a_vocabulary_category() {
    let dict = tifa::Dictionary::builtin().expect("the built-in dictionary loads");
    for e in dict.entries() {
        assert!(
            CATEGORIES.contains(&e.category.as_str()),
            "{}: {}",
            e.id,
            e.category
        );
    }
}
