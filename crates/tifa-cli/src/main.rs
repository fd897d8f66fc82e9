//! The `tifa` command line (see `cli.rs`): a thin front end over the `tifa` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
