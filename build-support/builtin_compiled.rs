//! For the front ends whose build script runs `compile_builtin::write_builtin` (the CLI and the
//! Python binding; each includes this file with `#[path]`): the built-in dictionary's compiled
//! parts, embedded, and the analyzer made from them. Nothing is parsed or validated at start,
//! and the entries and matches are those of the TOML dictionary (the CLI's unit test
//! `compiled_builtin_is_the_toml_dictionary` checks it).

/// The built-in dictionary's match part, compiled when the crate was built.
pub static BUILTIN_MATCH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tifa.match.bin"));
/// The built-in dictionary's card part (explanations, sources…).
pub static BUILTIN_CARDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tifa.cards.bin"));

/// The analyzer over the compiled built-in dictionary, cards included. An error (a damaged
/// part: only a build gone wrong) is prefixed with `built-in dictionary: `.
pub fn builtin_analyzer() -> Result<tifa::Analyzer, String> {
    let builtin = |e: tifa::Error| format!("built-in dictionary: {e}");
    let mut tifa = tifa::Analyzer::from_compiled(BUILTIN_MATCH).map_err(builtin)?;
    tifa.add_cards(BUILTIN_CARDS).map_err(builtin)?;
    Ok(tifa)
}

/// The Han characters of the built-in dictionary (simplified and traditional), read from its
/// compiled match part once. Reading a file that is not UTF-8, a decoding into GB18030 or Big5
/// whose Chinese is mostly made of them is the right one; a wrong one yields rare characters
/// (`tifa::text::decode::decode`).
pub fn known_han() -> &'static std::collections::HashSet<char> {
    static KNOWN: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut set = std::collections::HashSet::new();
        if let Ok(d) = tifa::compiled::read_match(BUILTIN_MATCH) {
            for e in d.entries() {
                let forms = e.forms.iter().map(|f| f.text.as_str());
                for text in [e.zh.as_str(), e.zh_hant.as_str()].into_iter().chain(forms) {
                    set.extend(text.chars().filter(|&c| tifa::text::is_han(c)));
                }
            }
        }
        set
    })
}
