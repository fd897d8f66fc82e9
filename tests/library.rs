//! The library's integration tests, as one test program: each file beside this one is a module
//! of it (one program links the library once, where one per file linked it a dozen times; the
//! tests run on all cores at once). Run one file's tests by its module name:
//! `cargo test -p tifa --test library neutral::`.
//!
//! A new test file must be declared here: `every_test_file_is_in_a_suite` fails otherwise
//! (`autotests = false` in Cargo.toml, so cargo no longer finds it by itself).

mod common;

mod compiled;
mod dictionary;
mod fuzz;
mod hostile;
mod layout;
mod matching;
mod neutral;
mod properties;
mod rows;
mod scoped;
mod validator;
mod vocabulary;

/// Every `*.rs` file in the two test folders is a `mod` of its folder's suite (this file, and
/// `crates/tifa-cli/tests/command.rs`), so no test file is left out of `cargo test`.
#[test]
fn every_test_file_is_in_a_suite() {
    use std::path::Path;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (dir, suite) in [
        ("tests", "library.rs"),
        ("crates/tifa-cli/tests", "command.rs"),
    ] {
        let suite_src = std::fs::read_to_string(root.join(dir).join(suite)).unwrap();
        let declared: Vec<&str> = suite_src
            .lines()
            .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
            .collect();
        for file in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = file.unwrap().file_name().into_string().unwrap();
            let Some(module) = name.strip_suffix(".rs") else {
                continue;
            };
            if name != suite {
                assert!(
                    declared.contains(&module),
                    "{dir}/{name} is not a `mod` of {dir}/{suite}: its tests would not run"
                );
            }
        }
    }
}
