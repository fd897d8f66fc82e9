#![cfg(not(target_arch = "wasm32"))]
//! `tifa corpus` on the shipped dated test corpus (tests/data/corpus, written by
//! scripts/make-corpus.py with every planted phrase known): exact per-year counts, the same
//! table from JSON Lines, CSV and standard input, on one core or many, per document, filtered.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;
use common::tifa;

fn corpus(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/corpus")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Runs `tifa corpus ARGS` and returns standard output (it must succeed).
fn run(args: &[&str]) -> String {
    let mut all = vec!["corpus"];
    all.extend_from_slice(args);
    let out = tifa(&all, None);
    assert!(
        out.status.success(),
        "tifa {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// CSV text (no quoted commas in these tables) as rows of column → value.
fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    lines
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

type Key = (String, String, String);
fn keyed(rows: &[BTreeMap<String, String>], cols: &[&str]) -> BTreeMap<Key, Vec<String>> {
    rows.iter()
        .map(|r| {
            (
                (r["period"].clone(), r["term"].clone(), r["unit"].clone()),
                cols.iter().map(|c| r[*c].clone()).collect(),
            )
        })
        .collect()
}

const COUNTS: &[&str] = &[
    "occurrences",
    "nested",
    "documents",
    "official",
    "media",
    "mt",
];

#[test]
fn per_year_counts_equal_the_planted_ones() {
    let got = rows(&run(&[&corpus("watchwords.jsonl"), "--by", "year"]));
    let expected = rows(&std::fs::read_to_string(corpus("expected-by-year.csv")).unwrap());
    assert!(
        expected.len() > 50,
        "the expected table has {} rows",
        expected.len()
    );
    assert_eq!(keyed(&got, COUNTS), keyed(&expected, COUNTS));
    // The rate is occurrences per 10,000 units of the period's documents in that unit.
    for r in &got {
        let occ: f64 = r["occurrences"].parse().unwrap();
        let size: f64 = r["period_size"].parse().unwrap();
        let rate: f64 = r["rate"].parse().unwrap();
        assert!((rate - occ * 10_000.0 / size).abs() < 0.001, "{r:?}");
    }
    // A trend the corpus was built with: "new quality productive forces" appears in 2023.
    let years: Vec<&str> = got
        .iter()
        .filter(|r| r["term"] == "new-quality-productive-forces")
        .map(|r| r["period"].as_str())
        .collect();
    assert!(years.iter().all(|y| *y >= "2023"), "{years:?}");
}

#[test]
fn the_same_table_from_jsonl_csv_stdin_and_any_number_of_threads() {
    let reference = run(&[&corpus("watchwords.jsonl"), "--jobs", "1"]);
    let jsonl = std::fs::read(corpus("watchwords.jsonl")).unwrap();
    let stdin = tifa(&["corpus", "-"], Some(&jsonl));
    let cases: Vec<(&str, String)> = vec![
        (
            "two threads",
            run(&[&corpus("watchwords.jsonl"), "--jobs", "2"]),
        ),
        ("CSV input", run(&[&corpus("watchwords.csv")])),
        ("standard input", String::from_utf8(stdin.stdout).unwrap()),
    ];
    for (name, out) in cases {
        assert_eq!(out, reference, "{name}");
    }
}

#[test]
fn per_document_rows_add_up_to_the_table() {
    let docs = rows(&run(&[&corpus("watchwords.jsonl"), "--per-document"]));
    let table = rows(&run(&[&corpus("watchwords.jsonl")]));
    let mut sums: BTreeMap<Key, Vec<u64>> = BTreeMap::new();
    for r in &docs {
        let s = sums
            .entry((r["period"].clone(), r["term"].clone(), r["unit"].clone()))
            .or_insert(vec![0; 3]);
        s[0] += r["occurrences"].parse::<u64>().unwrap();
        s[1] += r["nested"].parse::<u64>().unwrap();
        s[2] += 1;
    }
    let want: BTreeMap<Key, Vec<u64>> = keyed(&table, &["occurrences", "nested", "documents"])
        .into_iter()
        .map(|(k, v)| (k, v.iter().map(|x| x.parse().unwrap()).collect()))
        .collect();
    assert_eq!(sums, want);
    // Metadata (the `outlet` field) travels with each document.
    assert!(
        docs.iter().all(|r| r["meta"].contains("outlet")),
        "{:?}",
        &docs[0]
    );
}

#[test]
fn terms_filter_by_id_and_category() {
    let cases: &[(&str, &[&str])] = &[
        ("two-upholds", &["two-upholds"]),
        (
            "two-upholds,self-revolution",
            &["self-revolution", "two-upholds"],
        ),
    ];
    for (filter, want) in cases {
        let got = rows(&run(&[&corpus("watchwords.jsonl"), "--terms", filter]));
        let mut terms: Vec<String> = got.iter().map(|r| r["term"].clone()).collect();
        terms.sort();
        terms.dedup();
        assert_eq!(terms, *want, "{filter}");
    }
    // A category name keeps every term of that category, and only those.
    let all = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--terms",
        "leadership",
    ]));
    assert!(!all.is_empty() && all.iter().any(|r| r["term"] == "two-upholds"));
}

#[test]
fn periods_by_month_and_all() {
    let by_month = rows(&run(&[&corpus("watchwords.jsonl"), "--by", "month"]));
    assert!(
        by_month
            .iter()
            .all(|r| r["period"].len() == 7 && r["period"].as_bytes()[4] == b'-'),
        "{:?}",
        by_month[0]
    );
    let all = rows(&run(&[&corpus("watchwords.jsonl"), "--by", "all"]));
    assert!(all.iter().all(|r| r["period"] == "all"));
    let total = |rs: &[BTreeMap<String, String>]| {
        rs.iter()
            .map(|r| r["occurrences"].parse::<u64>().unwrap())
            .sum::<u64>()
    };
    assert_eq!(total(&by_month), total(&all));
}

#[test]
fn folders_of_files_dated_by_name_and_unreadable_files_named() {
    let dir = std::env::temp_dir().join(format!("tifa-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("speech-2021-07-01.txt"),
        "We must achieve the Two Upholds.",
    )
    .unwrap();
    std::fs::write(dir.join("sub/2019_notice.md"), "坚决做到两个维护。").unwrap();
    std::fs::write(dir.join("gbk.txt"), b"\xc1\xbd\xb8\xf6\xce\xac\xbb\xa4").unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG").unwrap();
    let out = tifa(&["corpus", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    let got = rows(&String::from_utf8(out.stdout).unwrap());
    let periods: Vec<(&str, &str)> = got
        .iter()
        .map(|r| (r["period"].as_str(), r["unit"].as_str()))
        .collect();
    assert_eq!(periods, vec![("2019", "characters"), ("2021", "words")]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("gbk.txt: not valid UTF-8 (line 1, byte 0)"),
        "{err}"
    );
    assert!(err.contains("dates from the file name 2"), "{err}");
    assert!(
        !err.contains("image.png"),
        "files of unknown kinds inside folders are not read: {err}"
    );
}

#[test]
fn bad_records_are_named_and_the_rest_counted() {
    let input = b"{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"the Two Upholds\"}\nnot json\n{\"id\":\"b\"}\n";
    let out = tifa(&["corpus", "-"], Some(input));
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>:2: not JSON"), "{err}");
    assert!(err.contains("<stdin>:3: no `text` field"), "{err}");
    assert_eq!(rows(&String::from_utf8(out.stdout).unwrap()).len(), 1);
}

#[test]
fn a_missing_input_is_an_error() {
    let out = tifa(&["corpus", "/no/such/folder"], None);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/no/such/folder: no such file or folder")
    );
}

#[test]
fn by_form_shows_a_rendering_giving_way_to_another() {
    let got = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--terms",
        "self-revolution",
        "--by-form",
    ]));
    let years = |form: &str| -> Vec<String> {
        got.iter()
            .filter(|r| r["form"] == form)
            .map(|r| r["period"].clone())
            .collect()
    };
    assert_eq!(years("self-reform"), ["2018", "2019", "2020"]);
    assert_eq!(years("self-revolution"), ["2021", "2022", "2023", "2024"]);
    // Split by form, the counts still add up to the term's.
    let by_term = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--terms",
        "self-revolution",
    ]));
    let total = |rs: &[BTreeMap<String, String>]| {
        rs.iter()
            .map(|r| r["occurrences"].parse::<u64>().unwrap())
            .sum::<u64>()
    };
    assert_eq!(total(&got), total(&by_term));
}

#[test]
fn parquet_holds_the_same_table_as_csv() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let dir = std::env::temp_dir().join(format!("tifa-corpus-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("table", &[]),
        ("per document, by form", &["--per-document", "--by-form"]),
    ];
    for (name, extra) in cases {
        let path = dir.join(format!("{}.parquet", name.replace([' ', ','], "-")));
        let mut args = vec![
            corpus("watchwords.jsonl"),
            "--format".into(),
            "parquet".into(),
            "--output".into(),
            path.to_string_lossy().into_owned(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&args);
        let mut csv_args = vec![corpus("watchwords.jsonl")];
        csv_args.extend(extra.iter().map(|s| s.to_string()));
        let csv_args: Vec<&str> = csv_args.iter().map(String::as_str).collect();
        let csv = rows(&run(&csv_args));
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let got: Vec<BTreeMap<String, String>> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| {
                r.unwrap()
                    .get_column_iter()
                    .map(|(k, v)| {
                        let v = match v {
                            Field::Str(s) => s.clone(),
                            Field::Long(n) => n.to_string(),
                            Field::Double(d) => format!("{d:?}"),
                            other => other.to_string(),
                        };
                        (k.clone(), v)
                    })
                    .collect()
            })
            .collect();
        assert_eq!(got.len(), csv.len(), "{name}");
        for (p, c) in got.iter().zip(&csv) {
            for (k, v) in c {
                if k == "meta" {
                    continue; // JSON text in both, quoted differently by CSV
                }
                assert_eq!(&p[k], v, "{name}: column {k}");
            }
        }
    }
    // Parquet is binary: standard output is refused, with the fix.
    let out = tifa(
        &["corpus", &corpus("watchwords.jsonl"), "--format", "parquet"],
        None,
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("give the file to write with --output FILE")
    );
}

// ---- `--report FILE`: the HTML report ---------------------------------------------------------

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tifa-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON inside the report's `<script type="application/json" id="tifa-data">`.
fn report_data(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"tifa-data\">";
    let start = html.find(open).expect("the data element") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("the embedded data is JSON")
}

#[test]
fn the_report_is_self_contained_and_its_numbers_are_the_csv_tables() {
    let dir = temp_dir("numbers");
    let (csv, html) = (dir.join("table.csv"), dir.join("report.html"));
    let stdout = run(&[
        &corpus("watchwords.jsonl"),
        "--output",
        csv.to_str().unwrap(),
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(stdout, "");
    let table = rows(&std::fs::read_to_string(&csv).unwrap());
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<html lang=\"en\">"));
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    // Nothing is fetched: no external script, style sheet, image, frame or import.
    let lower = html.to_ascii_lowercase();
    for fetches in [
        "src=\"http",
        "src='http",
        "src=http",
        "href=\"http",
        "href='http",
        "url(http",
        "url(\"http",
        "url('http",
        "@import",
        "<link",
        "<iframe",
        "<img",
    ] {
        assert!(!lower.contains(fetches), "the report fetches: {fetches}");
    }
    let data = report_data(&html);
    // The same rows, with the same numbers, as the CSV table.
    let got: Vec<BTreeMap<String, String>> = data["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str().map_or_else(|| v.to_string(), String::from),
                    )
                })
                .collect()
        })
        .collect();
    let all: Vec<&str> = table[0].keys().map(String::as_str).collect();
    assert_eq!(keyed(&got, &all), keyed(&table, &all));
    // Per category and period, the sums of the table's rows.
    let total = |rs: &[BTreeMap<String, String>]| -> u64 {
        rs.iter()
            .map(|r| r["occurrences"].parse::<u64>().unwrap())
            .sum()
    };
    let categories: u64 = data["category_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["occurrences"].as_u64().unwrap())
        .sum();
    assert_eq!(categories, total(&table));
    assert_eq!(data["documents"], 364);
    // Names from the dictionary: "Two Upholds 两个维护", not only the id.
    assert_eq!(data["terms"]["two-upholds"]["en"], "Two Upholds");
    assert_eq!(data["terms"]["two-upholds"]["zh"], "两个维护");
    assert!(data["categories"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "leadership" && c["label"] == "Leadership"));
}

#[test]
fn a_report_alone_prints_nothing_and_per_document_output_can_come_with_it() {
    let dir = temp_dir("alone");
    let html = dir.join("report.html");
    assert_eq!(
        run(&[
            &corpus("watchwords.jsonl"),
            "--report",
            html.to_str().unwrap()
        ]),
        ""
    );
    let alone = report_data(&std::fs::read_to_string(&html).unwrap());
    let per_doc = dir.join("documents.csv");
    let quiet = run(&[
        &corpus("watchwords.jsonl"),
        "--per-document",
        "--output",
        per_doc.to_str().unwrap(),
        "--report",
        html.to_str().unwrap(),
    ]);
    assert_eq!(quiet, "");
    let docs = std::fs::read_to_string(&per_doc).unwrap();
    assert!(docs.starts_with("id,date,period,term"), "{docs:.80}");
    let with_docs = report_data(&std::fs::read_to_string(&html).unwrap());
    assert_eq!(alone["rows"], with_docs["rows"]);
}

/// Regression guard: text from documents or the dictionary must not end the data element and
/// run as script.
#[test]
fn hostile_text_cannot_break_out_of_the_report() {
    const HOSTILE: &str = "</script><script>alert(1)</script><!--";
    let dir = temp_dir("hostile");
    let dict = dir.join("hostile.toml");
    // The dictionary refuses markup in names (tested elsewhere); `&` and quotes are text.
    let en = "Three Tests & \\\"Co\\\" &lt;b&gt;";
    std::fs::write(
        &dict,
        format!(
            "[[term]]\nid = \"hostile-slogan\"\nzh = \"三个测试\"\npinyin = \"sān gè cèshì\"\n\
             en = \"{en}\"\ncategory = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\n\
             sources = [\"Doc, 2024\"]\nforms = [{{ text = \"Three Tests\", kind = \"official\" }}]\n"
        ),
    )
    .unwrap();
    let record = serde_json::json!({
        "id": HOSTILE, "date": format!("2020-01-01{HOSTILE}"), "outlet": HOSTILE,
        "text": "The Three Tests and the Two Upholds.",
    });
    let input = dir.join("hostile.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let html = dir.join("report.html");
    let out = tifa(
        &[
            "corpus",
            input.to_str().unwrap(),
            "--dict",
            dict.to_str().unwrap(),
            "--report",
            html.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&html).unwrap();
    // The page's three script elements, and no other.
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script").count(), 3);
    assert!(!html.contains("<!--"));
    let data = report_data(&html);
    assert_eq!(
        data["terms"]["hostile-slogan"]["en"], "Three Tests & \"Co\" &lt;b&gt;",
        "the name survives as text"
    );
    assert!(
        !html.contains("alert"),
        "no document text reaches the report"
    );
}

/// The uPlot copy the binary embeds is the one npm installed (scripts/vendor-uplot.sh refreshes
/// it); skipped when node_modules is absent.
#[test]
fn the_vendored_uplot_is_node_modules_copy() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let npm = root.join("node_modules/uplot");
    if !npm.exists() {
        eprintln!("skipped: node_modules/uplot is absent (npm install)");
        return;
    }
    let vendor = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/vendor");
    for (from, to) in [
        ("dist/uPlot.iife.min.js", "uPlot.iife.min.js"),
        ("dist/uPlot.min.css", "uPlot.min.css"),
        ("LICENSE", "uPlot.LICENSE"),
    ] {
        assert!(
            std::fs::read(npm.join(from)).unwrap() == std::fs::read(vendor.join(to)).unwrap(),
            "crates/tifa-cli/assets/vendor/{to} differs from node_modules/uplot/{from}: run scripts/vendor-uplot.sh"
        );
    }
}

#[test]
fn a_report_that_cannot_be_written_fails_before_counting() {
    let out = tifa(
        &[
            "corpus",
            &corpus("watchwords.jsonl"),
            "--report",
            "/no/such/folder/report.html",
        ],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/no/such/folder/report.html: cannot write") && !err.contains("documents"),
        "{err}"
    );
}

/// `tifa corpus --output FILE` does not use standard output: one that is closed (or a
/// read-write /dev/null, as Node's and Python's "ignore" give) is no reason to refuse.
#[test]
fn writing_to_files_needs_no_standard_output() {
    let dir = std::env::temp_dir().join(format!("tifa-corpus-nostdout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("table.csv");
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args([
            "corpus",
            &corpus("watchwords.jsonl"),
            "--output",
            out.to_str().unwrap(),
        ])
        .stdout(null)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("period,term,"));
}

// ---- `--emerging`: phrases the dictionary lacks ------------------------------------------------

#[test]
fn emerging_finds_the_phrases_planted_from_2023_and_no_known_term() {
    let got = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--emerging",
        "--by",
        "year",
        "--top",
        "20",
    ]));
    let phrases: Vec<&str> = got.iter().map(|r| r["phrase"].as_str()).collect();
    // The two phrases the generator made up (scripts/make-corpus.py) lead the list.
    let mut top2 = phrases[..2].to_vec();
    top2.sort();
    assert_eq!(
        top2,
        ["green lighthouse pilots", "数智赋能基层"],
        "{phrases:?}"
    );
    for r in &got[..2] {
        assert_eq!(
            (r["first_period"].as_str(), r["last_period"].as_str()),
            ("2023", "2024")
        );
        assert!(r["score"].parse::<f64>().unwrap() > 10.0, "{r:?}");
    }
    // No listed phrase is, or holds, a dictionary term: known terms are cut out before counting.
    for p in &phrases {
        let out = tifa(
            &["annotate", "--format", "json", "--sensitivity", "all"],
            Some(p.as_bytes()),
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["matches"].as_array().unwrap().len(),
            0,
            "{p} holds a term: {}",
            report["matches"]
        );
    }
}

#[test]
fn emerging_drops_what_is_as_common_in_ordinary_prose() {
    let filler = "clearer skies by monday afternoon";
    let without = run(&[
        &corpus("watchwords.jsonl"),
        "--emerging",
        "--by",
        "year",
        "--top",
        "300",
    ]);
    assert!(
        rows(&without).iter().any(|r| r["phrase"] == filler),
        "the test needs {filler:?} listed"
    );
    let dir = std::env::temp_dir().join(format!("tifa-emerging-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("weather.txt"),
        "Rain is expected over the weekend, with clearer skies by Monday afternoon. ".repeat(200),
    )
    .unwrap();
    let with = rows(&run(&[
        &corpus("watchwords.jsonl"),
        "--emerging",
        "--by",
        "year",
        "--top",
        "300",
        "--reference",
        dir.to_str().unwrap(),
    ]));
    assert!(!with.iter().any(|r| r["phrase"] == filler));
    assert!(with
        .iter()
        .any(|r| r["phrase"] == "green lighthouse pilots" && r["reference"] == "0"));
}
