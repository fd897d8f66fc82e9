//! For build scripts: compiles the built-in dictionary into its two binary parts
//! (`tifa::compiled::write`, what `tifa dict compile` writes) in `OUT_DIR`, where
//! `builtin_compiled.rs` includes them. Shared by the CLI's and the Python binding's build
//! scripts (each includes this file with `#[path]`), so both front ends start from the same
//! compiled dictionary, as the browser does, instead of parsing and validating its TOML on
//! every start. A build script that uses it lists `tifa` (feature `toml`) as a build
//! dependency: when the dictionary files change, the library is rebuilt, and so the script
//! runs again.

use std::{env, fs, path::Path};

/// The names of the two parts in `OUT_DIR`: the match part, then the card part.
pub const PARTS: [&str; 2] = ["tifa.match.bin", "tifa.cards.bin"];

/// Writes the built-in dictionary's compiled parts into `OUT_DIR`; panics (failing the build)
/// when the dictionary does not load or a file cannot be written.
pub fn write_builtin() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let dict = tifa::Dictionary::builtin()
        .unwrap_or_else(|e| panic!("the built-in dictionary does not load: {e}"));
    let (matching, cards) = tifa::compiled::write(dict);
    for (name, bytes) in PARTS.into_iter().zip([matching, cards]) {
        let path = Path::new(&out).join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
