//! The dictionary every subcommand works with: the built-in one (compiled when the CLI was
//! built) and any `--dict` files.

use tifa::{Analyzer, Dictionary};

use crate::input;

/// The analyzer over the built-in dictionary and `dicts`: with no dictionary files, from the
/// compiled built-in dictionary (`build-support/builtin_compiled.rs`: nothing parsed or
/// validated at start, the same entries and matches as from its TOML); with some, built-in and
/// files parsed and validated together.
pub(crate) fn analyzer(dicts: &[String]) -> Result<Analyzer, String> {
    if dicts.is_empty() {
        return crate::builtin_compiled::builtin_analyzer();
    }
    Analyzer::new(dictionary(dicts)?).map_err(|e| e.to_string())
}

/// The built-in dictionary and `dicts`, parsed and validated together (the built-in one alone,
/// from its TOML, when there are none).
pub(crate) fn dictionary(dicts: &[String]) -> Result<Dictionary, String> {
    if dicts.is_empty() {
        return Dictionary::builtin()
            .cloned()
            .map_err(|e| format!("built-in dictionary: {e}"));
    }
    let mut texts = Vec::new();
    for d in dicts {
        texts.push((d.clone(), input::read(d)?));
    }
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Dictionary::builtin_with(&files).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled built-in dictionary the CLI starts from is the TOML one: the same entries,
    /// card fields included, and the same report, byte for byte, on the samples.
    #[test]
    fn compiled_builtin_is_the_toml_dictionary() {
        let compiled = analyzer(&[]).unwrap();
        let toml = Analyzer::builtin().unwrap();
        assert_eq!(compiled.dictionary().entries(), toml.dictionary().entries());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/samples");
        let mut texts = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let (a, b) = (
                compiled.analyze(&text).unwrap(),
                toml.analyze(&text).unwrap(),
            );
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&b).unwrap(),
                "{}",
                path.display()
            );
            texts += 1;
        }
        assert!(texts >= 4, "only {texts} samples");
    }
}
