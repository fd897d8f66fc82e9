//! The `tifa` command line: a thin front end over the `tifa` library. One module per job:
//! `args` (the arguments, clap), one per subcommand (`annotate`, `dict`, `evidence`,
//! `corpus/`), and what they share: `load` (the dictionary), `input` (reading texts),
//! `output` (standard output), `json` (the report's JSON Lines).

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

#[path = "../../../build-support/builtin_compiled.rs"]
mod builtin_compiled;

mod annotate;
mod args;
mod corpus;
mod dict;
mod evidence;
mod input;
mod json;
mod load;
mod output;

/// How many cases each fuzz target runs: `default` in a normal `cargo test`, or
/// `TIFA_FUZZ_CASES` (`make fuzz` sets it).
#[cfg(test)]
fn fuzz_cases(default: u32) -> u32 {
    std::env::var("TIFA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A command that reports on standard output finds a closed one an error before any work
    // (`tifa corpus` writing to files does not use it).
    let uses_stdout =
        !matches!(&cli.command, Command::Corpus(c) if c.output.is_some() || c.report.is_some());
    if uses_stdout && output::stdout_was_closed() {
        eprintln!("tifa: cannot write to standard output: it was closed when tifa started, so the output would be lost");
        return ExitCode::from(1);
    }
    let result = match cli.command {
        Command::Annotate(a) => annotate::run(a),
        Command::Dict(d) => dict::run(d),
        Command::Corpus(c) => {
            load::analyzer(&c.dicts).and_then(|tifa| corpus::run(&tifa, &c.options()))
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("tifa: {message}");
            ExitCode::from(1)
        }
    }
}
