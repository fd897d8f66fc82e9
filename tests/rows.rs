//! `Analyzer::rows` (the numbers the browser highlights from) says exactly what the report says,
//! on every shipped sample and at every sensitivity.

use crate::common;

use tifa::ROW;
use tifa::{Analyzer, Kind, Options};
use tifa::{Reason, Sensitivity};

#[test]
fn rows_agree_with_the_report() {
    let tifa = Analyzer::builtin().unwrap();
    let entries = tifa.dictionary().entries();
    let mut checked = 0;
    for (path, text) in common::samples() {
        for sensitivity in [Sensitivity::Strict, Sensitivity::Default, Sensitivity::All] {
            let options = Options {
                sensitivity,
                ..Options::default()
            };
            let report = tifa.analyze_options(&text, options).unwrap();
            let rows = tifa.rows(&text, options).unwrap();
            let n = rows[0] as usize;
            assert_eq!(n, report.matches.len(), "{}", path);
            let mut nested = &rows[1 + n * ROW..];
            for (i, m) in report.matches.iter().enumerate() {
                let r = &rows[1 + i * ROW..1 + (i + 1) * ROW];
                let entry = &entries[r[2] as usize];
                let got = (
                    r[0],
                    r[1],
                    entry.id.as_str(),
                    entry.forms[r[3] as usize].text.as_str(),
                    Kind::ALL[r[4] as usize],
                );
                assert_eq!(
                    got,
                    (m.start, m.end, m.id.as_str(), m.form.as_str(), m.kind),
                    "{} match {i}",
                    path
                );
                let context = (r[5] > 0).then(|| Reason::ALL[r[5] as usize - 1]);
                assert_eq!(context, m.context, "{} match {i}", path);
                let (here, rest) = nested.split_at(r[6] as usize);
                let ids: Vec<&str> = here
                    .iter()
                    .map(|&e| entries[e as usize].id.as_str())
                    .collect();
                let want: Vec<&str> = m.nested.iter().map(|x| x.id.as_str()).collect();
                assert_eq!(ids, want, "{} match {i}", path);
                nested = rest;
                checked += 1;
            }
            assert!(nested.is_empty());
        }
    }
    assert!(checked > 100, "only {checked} matches checked");
}
