//! Corpus counting: how often each term occurs per period over many documents, and which
//! recurring phrases the dictionary does not know yet. The command line (`tifa corpus`), the
//! page's Corpus view and the Python binding all count with this module, so their tables agree.
//!
//! A document's [`DocCounts`] come from its [`Report`](crate::Report); a [`Table`] adds them up per
//! period ([`period()`] of its date, [`By`] day, month, year or all). Tables of parts merge.
//!
//! ```
//! use tifa::corpus::{period, By, DocCounts, Filter, Table};
//! let tifa = tifa::Analyzer::builtin()?;
//! let mut table = Table::default();
//! for (date, text) in [("2021-03-05", "The two upholds."), ("2022-10-16", "两个维护。")] {
//!     let counts = DocCounts::of(&tifa.analyze(text)?, &Filter::new(None), false);
//!     table.add(&period(Some(date), By::Year), &counts);
//! }
//! let rows: Vec<_> = table.rows().map(|r| (r.period, r.term, r.unit)).collect();
//! assert_eq!(rows, [
//!     ("2021".to_string(), "two-upholds".to_string(), "words"),
//!     ("2022".to_string(), "two-upholds".to_string(), "characters"),
//! ]);
//! # Ok::<(), tifa::Error>(())
//! ```

mod counts;
pub mod emerging;
mod period;
mod stub;

pub use counts::{
    with_form, DocCounts, Filter, Row, Table, TermCounts, Unit, DOCUMENT_COLUMNS, KIND_COLUMNS,
    TABLE_COLUMNS,
};
pub use period::{date_in_name, date_of_unix, period, By, DateSource};
pub use stub::toml_stub;
