//! Build script: embeds the built-in dictionary files (`src/dictionary/*.toml`) as
//! `(file name, contents)` in `builtin.rs`, so the library has them without reading files at
//! run time. The Chinese script tables are committed sources (`src/text/script_tables.rs`,
//! `src/dictionary/hant_table.rs`), written by `scripts/opencc-tables/run`: OpenCC is not a
//! build dependency.
use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let dict_dir = Path::new("src/dictionary");
    println!("cargo:rerun-if-changed=src/dictionary");
    println!("cargo:rerun-if-changed=build.rs");

    let mut files: Vec<_> = fs::read_dir(dict_dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();

    let mut src = String::from(
        "/// Built-in dictionary files: (file name, TOML text).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let abs = fs::canonicalize(path).expect("canonical path");
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            src,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    src.push_str("];\n");
    fs::write(Path::new(&out).join("builtin.rs"), src).unwrap();
}
