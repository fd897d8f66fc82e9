//! The library's layout stays what the README's "How it works" says: one folder per stage,
//! and a module under `src/` names only modules of earlier stages (no import cycles). The
//! stage order is the table [`STAGES`]; the check reads every `crate::…`, `super::…` and
//! `self::…` path in the code (comments, strings and `#[cfg(test)]` modules left out).

use std::path::Path;

/// The stages, earliest first: (module path under `src/`, rank). A module may name a module of
/// a lower rank, or its own stage; two stages of the same rank may not name each other.
/// Inside `matching/`, each step is a stage of its own, so the steps too run one way.
const STAGES: &[(&str, u32)] = &[
    ("error", 0),
    ("vocabulary", 0),
    ("timing", 0),
    ("text", 1),
    ("dictionary", 2),
    ("matching/sensitivity", 3),
    ("matching/alphabet", 4),
    ("matching/automaton", 5),
    ("matching/twins", 6),
    ("matching/patterns", 7),
    ("matching/candidates", 8),
    ("matching/gate", 9),
    ("matching/choose", 10),
    ("matching", 11),
    ("report", 12),
    ("render", 13),
    ("analyzer", 14),
    ("corpus", 15),
];

/// The stage of a module path: the longest entry of [`STAGES`] it starts with.
fn stage_of(path: &[String]) -> Option<(&'static str, u32)> {
    STAGES
        .iter()
        .filter(|(key, _)| {
            let parts: Vec<&str> = key.split('/').collect();
            parts.len() <= path.len() && parts.iter().zip(path).all(|(a, b)| *a == b.as_str())
        })
        .max_by_key(|(key, _)| key.split('/').count())
        .copied()
}

/// The module path of a file under `src/` (`matching/gate.rs` → `matching::gate`,
/// `matching/mod.rs` → `matching`).
fn module_of(file: &str) -> Vec<String> {
    let rel = file.strip_prefix("src/").unwrap_or(file);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Colons,
    Open,
    Close,
    Comma,
    Other(char),
}

/// Does a raw string literal (`r"…"`, `r#"…"#`) start at `chars[i]`?
fn raw_string_at(chars: &[char], i: usize) -> bool {
    let starts_token = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    starts_token && chars.get(j) == Some(&'"')
}

/// The code's tokens with their line numbers: comments, string and character literals left
/// out (they may mention paths that are not imports).
fn tokens(source: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == 'r' && raw_string_at(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                line += usize::from(chars[j] == '\n');
                j += 1;
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{301}'), or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && at(i + 1) == ':' {
            out.push((Token::Colons, line));
            i += 2;
        } else {
            let t = match c {
                '{' => Token::Open,
                '}' => Token::Close,
                ',' => Token::Comma,
                c if c.is_whitespace() => {
                    i += 1;
                    continue;
                }
                c => Token::Other(c),
            };
            out.push((t, line));
            i += 1;
        }
    }
    out
}

/// A path the code names: the module path it resolves to (from the crate root) and its line.
#[derive(Debug)]
struct Reference {
    path: Vec<String>,
    line: usize,
}

/// Reads the rest of a path whose root (`crate`, `super`, `self`) resolved to `prefix`, from
/// `tokens[i]` (a `::`, or the path ends there); a `{…}` group gives one reference per item.
/// Returns the index after the path.
fn read_path(
    tokens: &[(Token, usize)],
    mut i: usize,
    mut prefix: Vec<String>,
    mut line: usize,
    out: &mut Vec<Reference>,
) -> usize {
    let token = |i: usize| tokens.get(i).map(|t| &t.0);
    loop {
        if token(i) != Some(&Token::Colons) {
            out.push(Reference { path: prefix, line });
            return i;
        }
        match token(i + 1) {
            Some(Token::Ident(name)) => {
                prefix.push(name.clone());
                line = tokens[i + 1].1;
                i += 2;
            }
            Some(Token::Open) => {
                i += 2;
                loop {
                    match token(i) {
                        Some(Token::Ident(name)) if name == "self" => {
                            out.push(Reference {
                                path: prefix.clone(),
                                line: tokens[i].1,
                            });
                            i += 1;
                        }
                        // `a as b`: the new name is no path.
                        Some(Token::Ident(name)) if name == "as" => i += 2,
                        Some(Token::Ident(name)) => {
                            let mut item = prefix.clone();
                            item.push(name.clone());
                            i = read_path(tokens, i + 1, item, tokens[i].1, out);
                        }
                        Some(Token::Close) | None => return i + 1,
                        _ => i += 1,
                    }
                }
            }
            // `::*`, `::<T>`: the path so far.
            _ => {
                out.push(Reference { path: prefix, line });
                return i + 1;
            }
        }
    }
}

/// Every module path the code of `file` names, outside `#[cfg(test)]` modules.
fn references(file: &str, source: &str) -> Vec<Reference> {
    let tokens = tokens(source);
    let ident = |i: usize| match tokens.get(i) {
        Some((Token::Ident(s), _)) => Some(s.as_str()),
        _ => None,
    };
    let is = |i: usize, t: Token| tokens.get(i).map(|x| &x.0) == Some(&t);
    let mut out = Vec::new();
    // The module path at each open brace: inline `mod name { … }` blocks go one deeper.
    let mut module = module_of(file);
    let mut blocks: Vec<bool> = Vec::new();
    let mut test_attribute = false;
    let mut i = 0;
    while i < tokens.len() {
        if ident(i) == Some("cfg") && is(i + 1, Token::Other('(')) && ident(i + 2) == Some("test") {
            test_attribute = true;
        }
        if ident(i) == Some("mod") && is(i + 2, Token::Open) {
            if test_attribute {
                // Skip the unit tests: they may name anything.
                let mut depth = 0;
                i += 2;
                loop {
                    match tokens.get(i).map(|t| &t.0) {
                        Some(Token::Open) => depth += 1,
                        Some(Token::Close) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        None => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                test_attribute = false;
                continue;
            }
            module.push(ident(i + 1).unwrap_or_default().to_string());
            blocks.push(true);
            i += 3;
            continue;
        }
        match &tokens[i].0 {
            Token::Open => blocks.push(false),
            Token::Close => {
                let closes_module = blocks.pop() == Some(true);
                if closes_module {
                    module.pop();
                }
            }
            Token::Ident(s) if matches!(s.as_str(), "fn" | "use" | "struct" | "impl") => {
                test_attribute = false;
            }
            Token::Other(';') => test_attribute = false,
            _ => {}
        }
        let root = match ident(i) {
            Some("crate") if is(i + 1, Token::Colons) => Some(Vec::new()),
            Some("self") if is(i + 1, Token::Colons) => Some(module.clone()),
            Some("super") if is(i + 1, Token::Colons) => {
                let mut m = module.clone();
                let mut j = i;
                while ident(j) == Some("super") && is(j + 1, Token::Colons) {
                    m.pop();
                    j += 2;
                }
                // `super::super::x`: the last `super` is read as the root below.
                i = j - 2;
                Some(m)
            }
            _ => None,
        };
        match root {
            Some(prefix) => i = read_path(&tokens, i + 1, prefix, tokens[i].1, &mut out),
            None => i += 1,
        }
    }
    out
}

/// The layout problems of one file: each names the file, the line and the rule.
fn problems(file: &str, source: &str) -> Vec<String> {
    let module = module_of(file);
    if module.is_empty() {
        return Vec::new(); // lib.rs: the root declares and re-exports every stage.
    }
    let Some((stage, rank)) = stage_of(&module) else {
        return vec![format!(
            "{file}: module {} is not in the stage table of tests/layout.rs",
            module.join("::")
        )];
    };
    // A folder whose steps are listed one by one lists every file in it.
    let listed_steps = STAGES
        .iter()
        .any(|(k, _)| k.starts_with(&format!("{}/", module[0])));
    if listed_steps && module.len() >= 2 && stage != format!("{}/{}", module[0], module[1]) {
        return vec![format!(
            "{file}: step {} is not in the stage table of tests/layout.rs",
            module[..2].join("::")
        )];
    }
    let mut out = Vec::new();
    for r in references(file, source) {
        let named = format!("crate::{}", r.path.join("::"));
        match stage_of(&r.path) {
            None => out.push(format!(
                "{file}:{}: {named}: name an item by the module that defines it, not through the crate root",
                r.line
            )),
            Some((other, other_rank)) if other != stage && other_rank >= rank => {
                out.push(format!(
                    "{file}:{}: {named}: stage {stage} names stage {other}, which is not earlier (tests/layout.rs, STAGES)",
                    r.line
                ))
            }
            _ => {}
        }
    }
    out
}

/// (name, file, source, a problem must mention this; None: no problem)
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "earlier_stage",
        "src/report/mod.rs",
        "use crate::matching::choose::{Chosen, Found};",
        None,
    ),
    (
        "own_stage",
        "src/report/mod.rs",
        "use crate::report::formulas;",
        None,
    ),
    (
        "later_stage",
        "src/matching/gate.rs",
        "use crate::report::Report;",
        Some("stage matching/gate names stage report"),
    ),
    (
        "later_step_in_a_group",
        "src/matching/candidates.rs",
        "use crate::{\n    text::normalize::Normalized,\n    matching::choose::Found,\n};",
        Some("src/matching/candidates.rs:3: crate::matching::choose::Found"),
    ),
    (
        "later_step_through_super",
        "src/matching/candidates.rs",
        "use super::gate::Gated;",
        Some("names stage matching/gate"),
    ),
    (
        "earlier_step_through_super",
        "src/matching/gate.rs",
        "use super::{candidates::RawMatch, patterns::Patterns};",
        None,
    ),
    (
        "path_in_code",
        "src/text/boundary.rs",
        "fn f() -> bool { crate::dictionary::Dictionary::builtin().is_ok() }",
        Some("stage text names stage dictionary"),
    ),
    (
        "peer_stage",
        "src/error.rs",
        "use crate::vocabulary::CATEGORIES;",
        Some("stage error names stage vocabulary"),
    ),
    (
        "through_the_crate_root",
        "src/corpus/counts.rs",
        "use crate::Report;",
        Some("crate::Report: name an item by the module"),
    ),
    (
        "super_in_an_inline_module",
        "src/dictionary/mod.rs",
        "pub(crate) mod data {\n    pub use super::hant_table::HANT;\n}",
        None,
    ),
    (
        "comments_and_strings",
        "src/text/script.rs",
        "// use crate::report::Report;\n/// [`crate::Analyzer`]\nconst S: &str = \"crate::report\";\nconst R: &str = r#\"crate::render\"#;\nconst C: char = '\"';",
        None,
    ),
    (
        "unit_tests",
        "src/text/utf16.rs",
        "fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::report::Report;\n}",
        None,
    ),
    (
        "code_after_unit_tests",
        "src/text/utf16.rs",
        "#[cfg(test)]\nmod tests {\n    use super::*;\n}\nuse crate::render::csv_field;",
        Some("src/text/utf16.rs:5"),
    ),
    (
        "unlisted_step",
        "src/matching/extra.rs",
        "",
        Some("step matching::extra is not in the stage table"),
    ),
    (
        "unlisted_stage",
        "src/plugins.rs",
        "",
        Some("module plugins is not in the stage table"),
    ),
];

#[test]
fn the_check_finds_what_it_should() {
    for &(name, file, source, want) in CASES {
        let found = problems(file, source);
        match want {
            None => assert!(found.is_empty(), "case {name}: {found:?}"),
            Some(w) => assert!(
                found.iter().any(|p| p.contains(w)),
                "case {name}: want a problem mentioning {w:?}, got {found:?}"
            ),
        }
    }
}

/// Every `.rs` file under `dir`, sorted, as paths relative to the package root.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let rel = path.strip_prefix(root).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_module_names_only_earlier_stages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    let mut found = Vec::new();
    let mut named = 0;
    for file in &files {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        named += references(file, &source).len();
        found.extend(problems(file, &source));
    }
    // The check read the code: the library's modules name one another often.
    assert!(files.len() >= 30, "{} files under src/", files.len());
    assert!(named >= 100, "only {named} paths read under src/");
    assert!(found.is_empty(), "{}", found.join("\n"));
}
