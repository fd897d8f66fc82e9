//! The `tifa` command line (see `cli.rs`): a thin front end over the `tifa` library.

mod cli;
mod corpus;

fn main() -> std::process::ExitCode {
    cli::main()
}
