#![cfg(not(target_arch = "wasm32"))]
//! `tifa corpus` on the shipped dated test corpus (tests/data/corpus, written by
//! scripts/make-corpus.py with every planted phrase known): exact per-year counts, the same
//! table from JSON Lines, CSV and standard input, on one core or many, per document, filtered.

use std::collections::BTreeMap;

use crate::common;
use common::{corpus, keyed, rows, run, tifa, Key};

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
    // 两个维护 in GBK: read as GB18030, as the page reads it.
    std::fs::write(
        dir.join("gbk-2020.txt"),
        b"\xc1\xbd\xb8\xf6\xce\xac\xbb\xa4",
    )
    .unwrap();
    std::fs::write(dir.join("broken.txt"), b"two \xff here").unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG").unwrap();
    let out = tifa(&["corpus", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    let got = rows(&String::from_utf8(out.stdout).unwrap());
    let periods: Vec<(&str, &str)> = got
        .iter()
        .map(|r| (r["period"].as_str(), r["unit"].as_str()))
        .collect();
    assert_eq!(
        periods,
        vec![
            ("2019", "characters"),
            ("2020", "characters"),
            ("2021", "words")
        ]
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("broken.txt: not valid UTF-8 (line 1, byte 4)"),
        "{err}"
    );
    assert!(err.contains("dates from the file name 3"), "{err}");
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

/// A UTF-8 byte order mark (as Windows tools write) before the first record of a JSON Lines or
/// CSV file is not part of the record: the first document counts, as the page counts it.
#[test]
fn a_byte_order_mark_before_the_first_record_is_skipped() {
    let dir = std::env::temp_dir().join(format!("tifa-corpus-bom-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "records.jsonl",
            "\u{feff}{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"the Two Upholds\"}\n",
        ),
        (
            "records.csv",
            "\u{feff}id,date,text\na,2020-01-01,the Two Upholds\n",
        ),
    ];
    for (name, content) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let out = tifa(&["corpus", path.to_str().unwrap()], None);
        assert!(out.status.success(), "{name}");
        let got = rows(&String::from_utf8(out.stdout).unwrap());
        let terms: Vec<(&str, &str)> = got
            .iter()
            .map(|r| (r["period"].as_str(), r["term"].as_str()))
            .collect();
        assert_eq!(terms, vec![("2020", "two-upholds")], "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.contains("left out"), "{name}: {err}");
    }
}
