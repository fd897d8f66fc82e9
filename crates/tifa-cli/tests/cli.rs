#![cfg(not(target_arch = "wasm32"))]
//! The CLI's contract: JSON shape and offsets, formats, and clear errors on bad input.

use std::process::{Command, Stdio};

use crate::common;
use common::tifa;

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tifa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const MIXED: &str = "😀 Officials vowed to achieve the “two\nupholds” — 做到兩個維護 — and the Two Establishments.\n";

#[test]
fn json_contract_offsets_are_utf16_of_the_original() {
    let out = tifa(&["annotate", "--format", "json"], Some(MIXED.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], "<stdin>");
    let units: Vec<u16> = MIXED.encode_utf16().collect();
    let matches = v["matches"].as_array().unwrap();
    let ids: Vec<&str> = matches.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["two-upholds", "two-upholds", "two-establishments"]);
    for m in matches {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&units[s..e]).unwrap(),
            m["text"].as_str().unwrap()
        );
    }
    assert_eq!(matches[0]["text"], "two\nupholds");
    assert_eq!(matches[1]["text"], "兩個維護");
    let terms = v["terms"].as_array().unwrap();
    assert_eq!(terms[0]["id"], "two-upholds");
    assert_eq!(terms[0]["count"], 2);
    for key in ["categories", "density", "candidates", "length"] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
}

#[test]
fn one_json_object_per_input() {
    let a = temp_file("a.txt", "the “two upholds”".as_bytes());
    let b = temp_file("b.txt", "nothing here".as_bytes());
    let out = tifa(
        &["annotate", a.to_str().unwrap(), b.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["matches"].as_array().unwrap().len(), 1);
    assert_eq!(lines[1]["matches"].as_array().unwrap().len(), 0);
}

/// (name, args, stdin, file contents written to a temp file and appended to args, expected stderr fragment)
const BAD_INPUTS: &[(&str, &[&str], &[u8], &str)] = &[
    (
        "non_utf8",
        &["annotate"],
        b"two upholds \xff\xfe here\n",
        "not valid UTF-8 (line 1, byte 12)",
    ),
    ("empty", &["annotate"], b"   \n", "empty input"),
    (
        "malformed_dict",
        &["annotate", "--dict"],
        b"[[term]]\nid = \"x\"\nzh = \n",
        ":3:",
    ),
    (
        "dict_check_reports_all",
        &["dict", "check"],
        b"[[term]]\nid = \"Bad\"\n",
        "problem(s) found",
    ),
];

#[test]
fn bad_input_gets_a_clear_message_and_nonzero_exit() {
    for (name, args, bytes, fragment) in BAD_INPUTS {
        let path = temp_file(&format!("{name}.txt"), bytes);
        let mut args: Vec<&str> = args.to_vec();
        args.push(path.to_str().unwrap());
        let out = tifa(&args, Some(b"the two upholds"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(fragment),
            "{name}: stderr lacks {fragment:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: panicked: {stderr}");
    }
}

#[test]
fn missing_file_is_named_and_others_still_processed() {
    let good = temp_file("good.txt", "两个维护".as_bytes());
    let out = tifa(
        &["annotate", "/nonexistent/x.txt", good.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.txt: cannot read"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

/// A large file through `annotate`, every match counted: 6 MiB in `make test`; 50 MiB (near
/// the 64 MiB limit) in `make bench`, which sets `TIFA_LARGE=1`.
#[test]
fn large_file_is_analysed() {
    let size = if std::env::var("TIFA_LARGE").as_deref() == Ok("1") {
        50 << 20
    } else {
        6 << 20
    };
    let paragraph = "The plenary session reviewed the “two upholds” and the economy. Weather was mild; the core of the apple was sweet. 两个维护。\n";
    let mut big = String::with_capacity(size);
    while big.len() < size {
        big.push_str(paragraph);
    }
    let path = temp_file("big.txt", big.as_bytes());
    let out = tifa(
        &["annotate", "--format", "csv", path.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = out.stdout.iter().filter(|&&b| b == b'\n').count() - 1;
    let copies = big.len() / paragraph.len();
    let per_paragraph = tifa::Analyzer::builtin()
        .unwrap()
        .analyze(paragraph)
        .unwrap()
        .matches
        .len();
    assert!(per_paragraph >= 2);
    assert_eq!(
        rows,
        copies * per_paragraph,
        "{per_paragraph} matches per paragraph"
    );
}

#[test]
fn oversized_input_is_refused_with_the_limit() {
    let big = vec![b'a'; tifa::MAX_TEXT_BYTES + 1];
    let path = temp_file("huge.txt", &big);
    let out = tifa(&["annotate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 64 MiB"));
}

#[test]
fn text_format_marks_terms_and_prints_a_glossary() {
    let out = tifa(
        &["annotate", "--format", "text"],
        Some("We uphold the Two Upholds.".as_bytes()),
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("We uphold the ⟦Two Upholds⟧1."), "{s}");
    assert!(
        s.contains("── Glossary ──") && s.contains("[1] Two Upholds — 两个维护"),
        "{s}"
    );
}

#[test]
fn html_format_escapes_hostile_text() {
    let out = tifa(
        &["annotate", "--format", "html"],
        Some("<script>alert(1)</script> <img src=x onerror=alert(2)> 两个维护".as_bytes()),
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains("<script>alert") && !s.contains("<img"), "{s}");
    assert!(s.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(s.contains("<mark data-tifa-term=\"two-upholds\""));
}

#[test]
fn dict_list_json_is_an_entries_object() {
    let out = tifa(&["dict", "list", "--format", "json"], None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v["entries"].as_array().unwrap();
    assert!(entries.len() >= 60);
    for key in [
        "id",
        "zh",
        "zh_hant",
        "pinyin",
        "en",
        "forms",
        "gloss",
        "explanation",
        "category",
        "since",
        "related",
        "sources",
    ] {
        assert!(entries[0].get(key).is_some(), "entry lacks {key}");
    }
}

#[test]
fn custom_dictionary_adds_terms() {
    let dict = temp_file(
        "mine.toml",
        "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n".as_bytes(),
    );
    let out = tifa(
        &["annotate", "--dict", dict.to_str().unwrap()],
        Some("the Three Tests and the two upholds".as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["my-slogan", "two-upholds"]);
}

#[test]
fn help_on_every_command() {
    for args in [
        &["--help"][..],
        &["annotate", "--help"],
        &["dict", "--help"],
        &["dict", "check", "--help"],
        &["dict", "list", "--help"],
    ] {
        let out = tifa(args, None);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage:"),
            "{args:?}"
        );
    }
}

/// Regression: CSV cells starting like a formula (`=HYPERLINK(…)`) were written as is, so a
/// spreadsheet would run them (issue 14, item 10).
#[test]
fn csv_neutralises_formula_cells() {
    let file = temp_file("=HYPERLINK(x).txt", b"the Two Upholds");
    let dir = file.parent().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["annotate", "--format", "csv", "=HYPERLINK(x).txt"])
        .current_dir(dir)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().nth(1).unwrap_or_default();
    assert!(
        row.starts_with("'=HYPERLINK(x).txt,two-upholds,4,15,"),
        "{csv}"
    );
}

/// Regression: `tifa dict check` panicked (exit 101, "failed printing to stdout") when its
/// standard output was closed (issue 14, item 6).
#[test]
fn dict_check_reports_a_closed_stdout_without_panicking() {
    let file = temp_file("ok.toml", "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n".as_bytes());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["dict", "check"])
        .arg(&file)
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}

/// `tifa dict compile DIR` writes both parts of the compiled dictionary, byte for byte what the
/// library writes.
#[test]
fn the_cli_writes_every_part() {
    let dir = std::env::temp_dir().join(format!("tifa-compile-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(["dict", "compile"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parts = tifa::compiled::write_parts(tifa::Dictionary::builtin().unwrap());
    for (name, bytes) in [
        ("tifa.match.bin", &parts.base),
        ("tifa.match.en.bin", &parts.english),
        ("tifa.match.zh.bin", &parts.chinese),
        ("tifa.match.mt.bin", &parts.mt),
        ("tifa.cards.bin", &parts.cards),
    ] {
        assert_eq!(&std::fs::read(dir.join(name)).unwrap(), bytes, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Regression (issue 14, item 6): with its standard output closed, `annotate` analysed
/// everything and exited 0, the report lost.
#[test]
fn item6_closed_stdout_is_an_error_before_any_work() {
    let file = temp_file("closed.txt", "两个维护".as_bytes());
    let dict = temp_file("closed.toml", "[[term]]\nid = \"my-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\nen = \"Three Tests\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\nsources = [\"Doc, 2024\"]\n".as_bytes());
    for args in [
        &["annotate"][..],
        &["dict", "check"],
        &["dict", "list", "--dict"],
    ] {
        let file = if args[0] == "annotate" { &file } else { &dict };
        let out = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&-")
            .arg(env!("CARGO_BIN_EXE_tifa"))
            .args(args)
            .arg(file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
}

/// Regression (issue 14, item 6): output that cannot be written (a full disk, a pipe whose
/// reader left) stops the run with a message naming the input, and a non-zero exit.
#[test]
fn item6_failed_output_exits_nonzero_with_a_message() {
    let a = temp_file("many-a.txt", "两个维护。".repeat(40_000).as_bytes());
    let b = temp_file("many-b.txt", "两个维护。".repeat(40_000).as_bytes());
    for format in ["json", "csv", "text"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
            .args(["annotate", "--format", format])
            .arg(&a)
            .arg(&b)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output") && stderr.contains("many-a.txt"),
            "{format}: stops at the first file: {stderr}"
        );
        // A pipe whose reader has gone.
        let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
            .args(["annotate", "--format", format])
            .arg(&a)
            .arg(&b)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

/// Regression (issue 14, item 10): a UTF-16 file without a byte order mark was read as UTF-8
/// with NUL bytes: no match, exit 0, no warning. It is now read as UTF-16, with a note.
#[test]
fn item10_utf16_without_a_mark_is_read_with_a_note() {
    let text = "Officials must achieve the “two upholds”.\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = temp_file("utf16.txt", &bytes);
    let out = tifa(&["annotate", path.to_str().unwrap()], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("read as UTF-16LE (no byte order mark)"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["matches"][0]["id"], "two-upholds");
}

/// Regression (issue 14, item 10): an empty dictionary file was "empty input, nothing to
/// annotate".
#[test]
fn item10_empty_dictionary_file_gets_a_dictionary_message() {
    let path = temp_file("empty-dict.toml", b"\n");
    for args in [&["annotate", "--dict"][..], &["dict", "check"]] {
        let mut args = args.to_vec();
        args.push(path.to_str().unwrap());
        let out = tifa(&args, Some(b"two upholds"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("empty-dict.toml: holds no [[term]] entries"),
            "{args:?}: {stderr}"
        );
        assert!(
            !stderr.contains("nothing to annotate"),
            "{args:?}: {stderr}"
        );
    }
}

/// Issue 14, item 5: the report is written as it is made; peak memory stays a small multiple
/// of the input. Compared by size, not by an absolute figure: 4× the matches may take at most
/// about 5× the memory, and at most 24 bytes per byte of input (a whole JSON tree took over 100).
#[test]
fn item5_memory_grows_with_the_input_not_the_json_tree() {
    let Ok(time) = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("true")
        .output()
    else {
        return; // no GNU time here
    };
    if !time.status.success() {
        return;
    }
    let rss = |copies: usize| -> u64 {
        let path = temp_file(
            &format!("dense-{copies}.txt"),
            "两个维护，".repeat(copies).as_bytes(),
        );
        let out = Command::new("/usr/bin/time")
            .args([
                "-f",
                "%M",
                env!("CARGO_BIN_EXE_tifa"),
                "annotate",
                "--format",
                "json",
            ])
            .arg(&path)
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        stderr
            .lines()
            .last()
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    let (small, large) = (rss(250_000), rss(1_000_000));
    // 1,000,000 copies are 15 MB of text and 1,000,000 matches.
    assert!(
        large < 15_000 * 24,
        "15 MB of dense input took {large} KB (more than 24× the input)"
    );
    assert!(
        large <= small * 5,
        "4× the input took {small} KB → {large} KB"
    );
}
