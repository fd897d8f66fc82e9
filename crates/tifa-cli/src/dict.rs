//! `tifa dict`: check dictionary files, list the entries, compile the dictionary into its
//! binary parts; `tifa dict evidence` is in `evidence.rs`.

use std::io::{self, Write};

use tifa::Dictionary;

use crate::args::{DictCommand, ListFormat};
use crate::{evidence, input, load};

pub(crate) fn run(cmd: DictCommand) -> Result<bool, String> {
    match cmd {
        DictCommand::Check {
            files,
            with_builtin,
            builtin_rules,
        } => {
            let mut texts = Vec::new();
            for f in &files {
                texts.push((f.clone(), input::read(f)?));
            }
            let refs: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            let result = if with_builtin {
                Dictionary::builtin_with(&refs)
            } else if builtin_rules {
                Dictionary::from_files_builtin_rules(&refs)
            } else {
                Dictionary::from_files(&refs)
            };
            match result {
                Ok(d) => {
                    let forms: usize = d.entries().iter().map(|e| e.forms.len()).sum();
                    // A closed or full standard output is an error to report, not a panic.
                    writeln!(
                        io::stdout(),
                        "ok: {} entries, {} forms in {} file(s)",
                        d.len(),
                        forms,
                        files.len()
                    )
                    .map_err(|e| format!("cannot write to standard output: {e}"))?;
                    Ok(true)
                }
                Err(e) => {
                    // A dictionary's problems, one per line (any other error is one problem).
                    let problems = e.problems();
                    let mut err_out = io::stderr().lock();
                    if problems.is_empty() {
                        let _ = writeln!(err_out, "{e}");
                    }
                    for p in problems {
                        let _ = writeln!(err_out, "{p}");
                    }
                    let _ = writeln!(err_out, "tifa: {} problem(s) found", problems.len().max(1));
                    Ok(false)
                }
            }
        }
        DictCommand::Evidence { paths, dicts } => evidence::run(&paths, &dicts),
        DictCommand::Compile { dir, dicts } => {
            let dict = load::dictionary(&dicts)?;
            let parts = tifa::compiled::write_parts(&dict);
            let dir = std::path::Path::new(&dir);
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut written = Vec::new();
            for (name, bytes) in [
                ("tifa.match.bin", &parts.base),
                ("tifa.match.en.bin", &parts.english),
                ("tifa.match.zh.bin", &parts.chinese),
                ("tifa.match.mt.bin", &parts.mt),
                ("tifa.cards.bin", &parts.cards),
            ] {
                let path = dir.join(name);
                std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
                written.push(format!("{} ({} bytes)", path.display(), bytes.len()));
            }
            writeln!(
                io::stdout(),
                "wrote {} entries: {}",
                dict.len(),
                written.join(", ")
            )
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
            Ok(true)
        }
        DictCommand::List {
            format,
            dicts,
            forms,
        } => {
            let dict = load::dictionary(&dicts)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            match format {
                ListFormat::Json => {
                    let value = serde_json::json!({ "entries": dict.entries() });
                    serde_json::to_writer(&mut out, &value).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(|e| e.to_string())?;
                }
                ListFormat::Text => {
                    for e in dict.entries() {
                        writeln!(
                            out,
                            "{}\t{}\t{}\t{}\t{}",
                            e.id, e.zh, e.pinyin, e.en, e.category
                        )
                        .map_err(|e| e.to_string())?;
                        if forms {
                            write_forms(&mut out, e).map_err(|e| e.to_string())?;
                        }
                    }
                }
            }
            Ok(true)
        }
    }
}

/// The forms of one entry, indented; a template once, followed by its expansions.
fn write_forms(out: &mut impl Write, e: &tifa::Entry) -> io::Result<()> {
    let mut i = 0;
    while i < e.forms.len() {
        let f = &e.forms[i];
        let gated = match (f.needs_context, f.context_needs) {
            (true, Some(tifa::ContextNeeds::Sentence)) => " (needs context: its sentence's)",
            (true, Some(tifa::ContextNeeds::TitleCase)) => " (needs context, in title case)",
            (true, None) => " (needs context)",
            (false, _) => "",
        };
        match &f.template {
            Some(t) => {
                let n = e.forms[i..]
                    .iter()
                    .take_while(|g| g.template.as_ref() == Some(t))
                    .count();
                let list: Vec<&str> = e.forms[i..i + n].iter().map(|g| g.text.as_str()).collect();
                writeln!(
                    out,
                    "    {} template {t:?}{gated} → {n} forms: {}",
                    f.kind.as_str(),
                    list.join("; ")
                )?;
                i += n;
            }
            None => {
                writeln!(out, "    {} {:?}{gated}", f.kind.as_str(), f.text)?;
                i += 1;
            }
        }
    }
    Ok(())
}
