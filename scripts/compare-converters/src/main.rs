//! Compares Chinese script converters for tifa: accuracy, speed and wasm size.
//!
//! Run from this directory: `cargo run --release` (add `-- --no-wasm` to skip the size probes).
//! Results are printed as text; docs/converters.md records one run.
//!
//! * Corpus: every `zh` value and every Chinese form text of `src/dictionary/*.toml`, plus the
//!   simplified paragraphs of `tests/samples/zh-mixed.txt` and `zh-prose.txt`.
//! * Traditional → simplified: each string is made traditional with OpenCC `s2tw` and `s2hk`
//!   (phrase level; the reference), then converted back by each converter; a string counts as
//!   correct when it comes back exactly as the original.
//! * Simplified → traditional: agreement with OpenCC `s2tw` (and plain `s2t`) output.
//! * Speed: each converter over ~1 MB of the traditional corpus, median of 7 runs.
//! * Size: a tiny wasm32 cdylib per converter (see `wasm-probe/`).

use std::{
    collections::BTreeSet,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use ferrous_opencc::{config::BuiltinConfig, OpenCC};

const RUNS: usize = 7;
const MAX_EXAMPLES: usize = 15;

fn opencc(c: BuiltinConfig) -> OpenCC {
    OpenCC::from_config(c).expect("OpenCC built-in config")
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// tifa's character table lookup (src/script.rs): binary search in a sorted pair table.
struct CharTable(Vec<(char, char)>);

impl CharTable {
    fn convert(&self, s: &str) -> String {
        s.chars()
            .map(|c| {
                if (c as u32) < 0x3400 {
                    return c;
                }
                match self.0.binary_search_by_key(&c, |&(from, _)| from) {
                    Ok(i) => self.0[i].1,
                    Err(_) => c,
                }
            })
            .collect()
    }
}

// tifa's own table builder, so that what is measured is what tifa ships.
#[path = "../../../build-support/char_table.rs"]
mod char_table;
use char_table::char_pairs as char_table;

fn corpus(root: &Path) -> (Vec<String>, usize, usize) {
    let mut dict = BTreeSet::new();
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("src/dictionary"))
        .expect("src/dictionary")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in &files {
        let text = fs::read_to_string(path).expect("dictionary file");
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let terms = table.get("term").and_then(|t| t.as_array()).into_iter().flatten();
        for term in terms.filter_map(|t| t.as_table()) {
            if let Some(zh) = term.get("zh").and_then(|v| v.as_str()) {
                dict.insert(zh.to_string());
            }
            let forms = term.get("forms").and_then(|f| f.as_array()).into_iter().flatten();
            for text in forms.filter_map(|f| f.get("text").and_then(|v| v.as_str())) {
                if text.chars().any(is_han) {
                    dict.insert(text.to_string());
                }
            }
        }
    }
    let n_dict = dict.len();
    let mut out: Vec<String> = dict.into_iter().collect();
    // Sample paragraphs: only the simplified ones (a paragraph OpenCC t2s leaves unchanged); the
    // traditional paragraphs of zh-mixed.txt have no simplified original to compare against.
    let t2s = opencc(BuiltinConfig::T2s);
    let mut skipped = 0;
    for name in ["zh-mixed.txt", "zh-prose.txt"] {
        let text = fs::read_to_string(root.join("tests/samples").join(name)).expect("sample");
        for line in text.lines().map(str::trim).filter(|l| l.chars().any(is_han)) {
            if t2s.convert(line) == line {
                out.push(line.to_string());
            } else {
                skipped += 1;
            }
        }
    }
    (out, n_dict, skipped)
}

/// The part of three parallel strings around their first difference (long paragraphs are cut
/// to a few characters either side).
fn window(trad: &str, got: &str, want: &str) -> (String, String, String) {
    let (g, w): (Vec<char>, Vec<char>) = (got.chars().collect(), want.chars().collect());
    let first = g.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(g.len().min(w.len()));
    let from = first.saturating_sub(6);
    let cut = |s: &str| {
        let n = s.chars().count();
        let body: String = s.chars().skip(from).take(14).collect();
        format!("{}{body}{}", if from > 0 { "…" } else { "" }, if from + 14 < n { "…" } else { "" })
    };
    (cut(trad), cut(got), cut(want))
}

type Converter<'a> = (&'a str, Box<dyn Fn(&str) -> String + 'a>);

fn median_mbps(f: &dyn Fn(&str) -> String, text: &str, runs: usize) -> f64 {
    let _ = f(text); // warm up (lazy statics, caches)
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = f(text);
            let dt = t.elapsed().as_secs_f64();
            std::hint::black_box(out);
            dt
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    text.len() as f64 / 1e6 / times[times.len() / 2]
}

fn main() {
    let no_wasm = std::env::args().any(|a| a == "--no-wasm");
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = here.join("../..").canonicalize().expect("tifa root");

    let (strings, n_dict, skipped) = corpus(&root);
    println!(
        "corpus: {} strings ({} dictionary strings, {} sample paragraphs; {} traditional sample paragraphs skipped)",
        strings.len(),
        n_dict,
        strings.len() - n_dict,
        skipped
    );

    let t2s = opencc(BuiltinConfig::T2s);
    let tw2s = opencc(BuiltinConfig::Tw2s);
    let hk2s = opencc(BuiltinConfig::Hk2s);
    let s2tw = opencc(BuiltinConfig::S2tw);
    let s2hk = opencc(BuiltinConfig::S2hk);
    let s2t = opencc(BuiltinConfig::S2t);

    // (a) tifa's character tables.
    let t0 = Instant::now();
    let brief_ranges = [0x3400u32..=0x9FFF, 0xF900..=0xFAFF, 0x20000..=0x2FA1F];
    let t2s_pairs = char_table(&brief_ranges, &[&t2s, &tw2s, &hk2s]);
    let s2t_pairs = char_table(&brief_ranges, &[&s2tw]);
    // The ranges tifa's build.rs covers.
    let in_tifa_ranges = |c: char| char_table::RANGES.iter().any(|r| r.contains(&(c as u32)));
    println!(
        "char tables ({:.1} s): T2S {} pairs ({} within tifa's build.rs ranges), S2T {} pairs ({} within)",
        t0.elapsed().as_secs_f64(),
        t2s_pairs.len(),
        t2s_pairs.iter().filter(|p| in_tifa_ranges(p.0)).count(),
        s2t_pairs.len(),
        s2t_pairs.iter().filter(|p| in_tifa_ranges(p.0)).count(),
    );
    // The accuracy and speed tests use exactly what tifa ships (its build.rs ranges).
    let t2s_table = CharTable(t2s_pairs.iter().copied().filter(|p| in_tifa_ranges(p.0)).collect());
    let s2t_table = CharTable(s2t_pairs.iter().copied().filter(|p| in_tifa_ranges(p.0)).collect());

    // ---- traditional → simplified -------------------------------------------------------------
    let variants: [(&str, &OpenCC, &OpenCC); 2] = [("s2tw", &s2tw, &tw2s), ("s2hk", &s2hk, &hk2s)];
    let changed_tw = strings.iter().filter(|s| s2tw.convert(s) != **s).count();
    let changed_hk = strings.iter().filter(|s| s2hk.convert(s) != **s).count();
    println!(
        "strings changed by s2tw: {changed_tw}; by s2hk: {changed_hk} (the others stay identical in both scripts)"
    );
    let converters: Vec<Converter> = vec![
        ("tifa char table (OpenCC t2s∪tw2s∪hk2s per code point)", Box::new(|s| t2s_table.convert(s))),
        ("ferrous-opencc t2s (phrase level)", Box::new(|s| t2s.convert(s))),
        ("fast2s", Box::new(fast2s::convert)),
        ("character_converter", Box::new(|s| character_converter::traditional_to_simplified(s).into_owned())),
    ];
    let mut report = String::new();
    println!("\n== traditional → simplified: strings converted back exactly (of {} per variant)", strings.len());
    for (name, f) in &converters {
        let mut examples = Vec::new();
        let mut line = format!("{name}:");
        for (vname, to_trad, _) in &variants {
            let mut ok = 0;
            let mut char_errors = 0;
            for s in &strings {
                let trad = to_trad.convert(s);
                let back = f(&trad);
                if back == *s {
                    ok += 1;
                } else {
                    char_errors += s.chars().zip(back.chars()).filter(|(a, b)| a != b).count()
                        + s.chars().count().abs_diff(back.chars().count());
                    if examples.len() < MAX_EXAMPLES && !examples.iter().any(|(o, _, _, _)| o == s) {
                        examples.push((s.clone(), trad, back, *vname));
                    }
                }
            }
            write!(
                line,
                "  {vname}: {ok}/{} ({:.1}%), {char_errors} wrong chars",
                strings.len(),
                100.0 * ok as f64 / strings.len() as f64
            )
            .unwrap();
        }
        println!("{line}");
        writeln!(report, "\n-- differences, {name}:").unwrap();
        for (orig, trad, back, v) in examples {
            let (t, b, o) = window(&trad, &back, &orig);
            writeln!(report, "  [{v}] {t} → {b} (expected {o})").unwrap();
        }
    }
    // The matched OpenCC config (tw2s for s2tw text, hk2s for s2hk text), for reference.
    let mut line = String::from("ferrous-opencc tw2s/hk2s matched to the variant:");
    for (vname, to_trad, back) in &variants {
        let ok = strings.iter().filter(|s| back.convert(&to_trad.convert(s)) == **s).count();
        write!(line, "  {vname}: {ok}/{}", strings.len()).unwrap();
    }
    println!("{line}");
    print!("{report}");

    // ---- simplified → traditional -------------------------------------------------------------
    println!("\n== simplified → traditional: agreement with OpenCC (reference), of {} strings", strings.len());
    let s2t_converters: Vec<Converter> = vec![
        ("tifa S2T char table (OpenCC s2tw per code point)", Box::new(|s| s2t_table.convert(s))),
        ("character_converter", Box::new(|s| character_converter::simplified_to_traditional(s).into_owned())),
        ("ferrous-opencc s2t (OpenCC standard, not Taiwan)", Box::new(|s| s2t.convert(s))),
    ];
    for (name, f) in &s2t_converters {
        let mut same_tw = 0;
        let mut same_t = 0;
        let mut examples = Vec::new();
        for s in &strings {
            let got = f(s);
            let want = s2tw.convert(s);
            if got == want {
                same_tw += 1;
            } else if examples.len() < 8 {
                examples.push(window(s, &got, &want));
            }
            if got == s2t.convert(s) {
                same_t += 1;
            }
        }
        println!("{name}: = s2tw {same_tw}/{n}  = s2t {same_t}/{n}", n = strings.len());
        for (s, got, want) in examples {
            println!("    {s} → {got} (s2tw: {want})");
        }
    }
    println!("fast2s: no simplified → traditional conversion");

    // ---- speed ----------------------------------------------------------------------------------
    let mut one = String::new();
    for s in &strings {
        one.push_str(&s2tw.convert(s));
        one.push('\n');
    }
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
    }
    println!("\n== speed: traditional → simplified over {} bytes, median of {RUNS} runs", text.len());
    for (name, f) in &converters {
        println!("{name}: {:.1} MB/s", median_mbps(f.as_ref(), &text, RUNS));
    }

    // ---- size -----------------------------------------------------------------------------------
    let bytes = |pairs: &[(char, char)]| pairs.len() * std::mem::size_of::<(char, char)>();
    let (tifa_t2s, tifa_s2t) = (&t2s_table.0, &s2t_table.0);
    println!(
        "\n== size: tifa tables as (char, char) pairs: T2S {} × 8 = {} B, S2T {} × 8 = {} B, total {:.1} KB",
        tifa_t2s.len(),
        bytes(tifa_t2s),
        tifa_s2t.len(),
        bytes(tifa_s2t),
        (bytes(tifa_t2s) + bytes(tifa_s2t)) as f64 / 1024.0
    );
    if let Ok(rd) = fs::read_dir(root.join("target")) {
        for profile in rd.filter_map(|e| e.ok()) {
            let Ok(builds) = fs::read_dir(profile.path().join("build")) else { continue };
            for b in builds.filter_map(|e| e.ok()) {
                let p = b.path().join("out/script_tables.rs");
                if let Ok(m) = fs::metadata(&p) {
                    println!("  generated {} : {} B of Rust source", p.display(), m.len());
                }
            }
        }
    }
    if no_wasm {
        return;
    }
    // Write the tables in tifa's format for the wasm probe.
    let mut src = String::new();
    for (name, pairs) in [("T2S", tifa_t2s), ("S2T", tifa_s2t)] {
        writeln!(src, "pub static {name}: &[(char, char)] = &[").unwrap();
        for (a, b) in pairs.iter() {
            writeln!(src, "    ({a:?}, {b:?}),").unwrap();
        }
        src.push_str("];\n");
    }
    let tables_rs = std::env::temp_dir().join("compare-converters-script_tables.rs");
    fs::write(&tables_rs, src).unwrap();
    let target_dir = std::env::var_os("CMP_WASM_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("cmp-wasm-target"));
    let manifest = here.join("wasm-probe/Cargo.toml");
    let wasm = target_dir.join("wasm32-unknown-unknown/release/wasm_probe.wasm");
    println!("\n== wasm32-unknown-unknown cdylib (opt-level s, lto, strip, panic=abort)");
    let mut baseline = 0u64;
    for feature in ["", "tifa-tables", "ferrous-t2s", "ferrous-both", "fast2s", "character-converter"] {
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.args(["build", "--release", "--quiet", "--target", "wasm32-unknown-unknown", "--manifest-path"])
            .arg(&manifest)
            .arg("--target-dir")
            .arg(&target_dir)
            .env("CMP_TABLES_RS", &tables_rs);
        if !feature.is_empty() {
            cmd.args(["--features", feature]);
        }
        let status = cmd.status().expect("run cargo");
        if !status.success() {
            println!("{feature}: build failed (is the wasm32-unknown-unknown target installed?)");
            continue;
        }
        let size = fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
        if feature.is_empty() {
            baseline = size;
            println!("baseline (identity copy): {size} B");
        } else {
            println!(
                "{feature}: {size} B ({:.1} KB over baseline)",
                (size as f64 - baseline as f64) / 1024.0
            );
        }
    }
}
