//! Build script: compiles the built-in dictionary into its two binary parts in `OUT_DIR`
//! (`build-support/compile_builtin.rs`, shared with the CLI), so `tifa.Analyzer()` starts from
//! them (`build-support/builtin_compiled.rs`) instead of parsing and validating the
//! dictionary's TOML in every process.

#[path = "../../build-support/compile_builtin.rs"]
mod compile_builtin;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../../build-support/compile_builtin.rs");
    compile_builtin::write_builtin();
}
