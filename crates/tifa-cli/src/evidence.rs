//! `tifa dict evidence`: how often every form occurs in a corpus of ordinary prose, the
//! evidence for `needs_context`.

use std::io::{self, Write};

use crate::{input, load};

/// Every *.txt file under `path` (or `path` itself), sorted.
fn text_files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() || p.extension().is_some_and(|x| x == "txt") {
                text_files(&p, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

pub(crate) fn run(paths: &[String], dicts: &[String]) -> Result<bool, String> {
    let tifa = load::analyzer(dicts)?;
    let mut files = Vec::new();
    for p in paths {
        text_files(std::path::Path::new(p), &mut files)?;
    }
    let entries = tifa.dictionary().entries();
    let mut hits: Vec<Vec<u32>> = entries.iter().map(|e| vec![0; e.forms.len()]).collect();
    for f in &files {
        let text = input::read(&f.to_string_lossy())?;
        // Large files are read in parts of about 1 MiB, cut at line ends.
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(1 << 20);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            if let Some(nl) = rest[cut..].find('\n') {
                cut += nl + 1;
            } else {
                cut = rest.len();
            }
            for (e, fi, n) in tifa.form_hits(&rest[..cut]).map_err(|e| e.to_string())? {
                hits[e][fi] += n;
            }
            rest = &rest[cut..];
        }
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (e, entry) in entries.iter().enumerate() {
        for (fi, form) in entry.forms.iter().enumerate() {
            let n = hits[e][fi];
            if n == 0 && !form.needs_context {
                continue;
            }
            let value = serde_json::json!({
                "id": entry.id, "file": entry.file, "form": form.text, "template": form.template,
                "needs_context": form.needs_context, "context_reason": form.context_reason, "hits": n,
            });
            writeln!(out, "{value}").map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(true)
}
