#![cfg(not(target_arch = "wasm32"))]
//! The README's CLI example is real: every ```console block whose first line is
//! `$ echo '…' | tifa …` is run and its output compared with the block.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn readme_console_examples_are_real_output() {
    let readme = include_str!("../../../README.md");
    let mut checked = 0;
    let mut rest = readme;
    while let Some(i) = rest.find("```console\n") {
        let block = &rest[i + 11..];
        let end = block.find("```").expect("unclosed console block");
        let (body, after) = (&block[..end], &block[end + 3..]);
        rest = after;
        let mut lines = body.lines();
        let cmd = lines.next().unwrap();
        let Some(cmd) = cmd.strip_prefix("$ echo '") else {
            continue;
        };
        let (input, pipeline) = cmd
            .split_once("' | tifa ")
            .expect("form: $ echo '…' | tifa ARGS");
        let expected: String = lines.map(|l| format!("{l}\n")).collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tifa"))
            .args(pipeline.split_whitespace())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{input}\n").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected,
            "README example `{cmd}`"
        );
        checked += 1;
    }
    assert!(checked >= 1, "the README has no console example");
}
