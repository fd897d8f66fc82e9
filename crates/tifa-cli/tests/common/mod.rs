//! Shared by the CLI's integration tests: run the `tifa` binary with arguments and input, and
//! read the shipped test corpus (tests/data/corpus) and the CSV tables `tifa corpus` writes.
#![allow(dead_code)] // each test file uses some of these

use std::collections::BTreeMap;
use std::path::PathBuf;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `tifa ARGS`, feeding `stdin` (nothing when None), and returns its output.
pub fn tifa(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// The path of a file of the shipped test corpus.
pub fn corpus(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/corpus")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Runs `tifa corpus ARGS` and returns standard output (it must succeed).
pub fn run(args: &[&str]) -> String {
    let mut all = vec!["corpus"];
    all.extend_from_slice(args);
    let out = tifa(&all, None);
    assert!(
        out.status.success(),
        "tifa {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// CSV text (no quoted commas in these tables) as rows of column → value.
pub fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    lines
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

/// A row's key: (period, term, unit).
pub type Key = (String, String, String);
/// Rows keyed by (period, term, unit), with the values of `cols`.
pub fn keyed(rows: &[BTreeMap<String, String>], cols: &[&str]) -> BTreeMap<Key, Vec<String>> {
    rows.iter()
        .map(|r| {
            (
                (r["period"].clone(), r["term"].clone(), r["unit"].clone()),
                cols.iter().map(|c| r[*c].clone()).collect(),
            )
        })
        .collect()
}
