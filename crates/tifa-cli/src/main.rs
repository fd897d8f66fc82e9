//! The `tifa` command line (see `cli.rs`): a thin front end over the `tifa` library.

#[path = "../../../build-support/builtin_compiled.rs"]
mod builtin_compiled;
mod cli;
mod corpus;
mod input;
mod json;

/// How many cases each fuzz target runs: `default` in a normal `cargo test`, or
/// `TIFA_FUZZ_CASES` (`make fuzz` sets it).
#[cfg(test)]
fn fuzz_cases(default: u32) -> u32 {
    std::env::var("TIFA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> std::process::ExitCode {
    cli::main()
}
