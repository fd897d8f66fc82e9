//! Build script: compiles the built-in dictionary into its two binary parts
//! (`tifa::compiled::write`, what `tifa dict compile` writes) in `OUT_DIR`, so the CLI starts
//! from them, as the browser does, instead of parsing and validating the dictionary's TOML on
//! every run. The library is a build dependency: when its dictionary files change, it is
//! rebuilt, and so this script runs again.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let dict = tifa::Dictionary::builtin()
        .unwrap_or_else(|e| panic!("the built-in dictionary does not load: {e}"));
    let (matching, cards) = tifa::compiled::write(dict);
    for (name, bytes) in [("tifa.match.bin", matching), ("tifa.cards.bin", cards)] {
        let path = Path::new(&out).join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
