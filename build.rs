//! Build script: embeds the built-in dictionary files and derives Chinese script tables.
//!
//! * `builtin.rs`: every `src/dictionary/*.toml` as `(file name, contents)`, plus the traditional
//!   form of each entry's `zh` (and Chinese forms) that the file does not give, converted
//!   phrase-by-phrase with OpenCC (ferrous-opencc, Apache-2.0) `s2tw`.
//! * `script_tables.rs`: character-level traditional→simplified and simplified→traditional
//!   tables, made by running OpenCC's `t2s`/`tw2s`/`hk2s` and `s2tw` over every CJK code point. Only the
//!   tables ship in the library; OpenCC itself is a build-time dependency.
use std::{env, fmt::Write as _, fs, path::Path};

use ferrous_opencc::{config::BuiltinConfig, OpenCC};

#[path = "build-support/char_table.rs"]
mod char_table;

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let dict_dir = Path::new("src/dictionary");
    println!("cargo:rerun-if-changed=src/dictionary");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build-support");

    // Traditional forms for display follow the Taiwan standard (為, 個, 峰), the characters most
    // readers of traditional text see; OpenCC's plain s2t gives older variants (爲, 箇, 峯).
    let s2t = OpenCC::from_config(BuiltinConfig::S2tw).expect("OpenCC s2tw config");
    // Any traditional variant (OpenCC standard, Taiwan or Hong Kong) folds to simplified.
    let t2s: Vec<OpenCC> = [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s]
        .into_iter()
        .map(|c| OpenCC::from_config(c).expect("OpenCC t2s config"))
        .collect();

    let mut files: Vec<_> = fs::read_dir(dict_dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();

    let mut src = String::from("/// Built-in dictionary files: (file name, TOML text).\npub static FILES: &[(&str, &str)] = &[\n");
    let mut hant = std::collections::BTreeMap::new();
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
        // A malformed file is reported by the runtime validator with its line; skip it here.
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let Ok(value) = text.parse::<toml::Table>() else {
            continue;
        };
        for chinese in chinese_strings(&value) {
            hant.entry(chinese.clone())
                .or_insert_with(|| display_hant(&s2t, &chinese));
        }
    }
    src.push_str("];\n\n/// OpenCC s2t conversions of the built-in Chinese strings, sorted by the simplified text.\npub static HANT: &[(&str, &str)] = &[\n");
    for (s, t) in &hant {
        writeln!(src, "    ({s:?}, {t:?}),").unwrap();
    }
    src.push_str("];\n");
    fs::write(Path::new(&out).join("builtin.rs"), src).unwrap();

    let mut tables = String::new();
    write_char_table(&mut tables, "T2S", "traditional → simplified", &t2s);
    write_char_table(
        &mut tables,
        "S2T",
        "simplified → traditional (Taiwan standard)",
        std::slice::from_ref(&s2t),
    );
    fs::write(Path::new(&out).join("script_tables.rs"), tables).unwrap();
}

/// OpenCC `s2tw` of `simplified`, corrected for one segmentation slip: it reads 一个中国 as
/// 一/个中/国 and writes the literary 箇中 ("therein"), giving 一箇中國. No built-in term uses
/// 个中 in that sense, so 箇 becomes the standard 個. (docs/converters.md has the measurements.)
fn display_hant(s2t: &OpenCC, simplified: &str) -> String {
    s2t.convert(simplified).replace('箇', "個")
}

/// Every `zh` value and every Chinese form text without an explicit `zh_hant`.
fn chinese_strings(value: &toml::Table) -> Vec<String> {
    let mut out = Vec::new();
    let Some(terms) = value.get("term").and_then(|t| t.as_array()) else {
        return out;
    };
    for term in terms.iter().filter_map(|t| t.as_table()) {
        if let Some(zh) = term.get("zh").and_then(|v| v.as_str()) {
            out.push(zh.to_string());
        }
        for form in term
            .get("forms")
            .and_then(|f| f.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(text) = form.get("text").and_then(|v| v.as_str()) {
                if text.chars().any(is_han) {
                    out.push(text.to_string());
                }
            }
        }
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Writes `name`, the character table of `converters` over tifa's CJK ranges.
fn write_char_table(out: &mut String, name: &str, what: &str, converters: &[OpenCC]) {
    let refs: Vec<&OpenCC> = converters.iter().collect();
    let pairs = char_table::char_pairs(&char_table::RANGES, &refs);
    writeln!(
        out,
        "/// Character-level {what} table derived from OpenCC; sorted by the first column."
    )
    .unwrap();
    writeln!(out, "pub static {name}: &[(char, char)] = &[").unwrap();
    for (a, b) in pairs {
        writeln!(out, "    ({a:?}, {b:?}),").unwrap();
    }
    out.push_str("];\n");
}
