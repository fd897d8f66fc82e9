//! The report for one text: matches with UTF-16 offsets, counts per term and per category,
//! density, and candidates for unknown formulas. Its JSON form is the CLI's contract.
//!
//! One job per module:
//! * `types`: the public structs ([`Report`], [`Match`], [`TermCount`]…);
//! * `locate`: where a raw match sits (its entry and form, its UTF-16 span, the terms nested
//!   in it), the one rule the report and the rows share;
//! * `summary`: the report from what matching found (counts, categories, forms not counted);
//! * `lazy`: [`LazyReport`], the report with each match made when asked for;
//! * `rows`: the matches as numbers for the highlight API ([`ROW`] per match);
//! * `density`, `candidates` (with the scanner in `formulas`): density and unknown formulas.

mod candidates;
mod density;
mod formulas;
mod lazy;
mod locate;
mod rows;
mod summary;
mod types;

pub use lazy::LazyReport;
pub use rows::ROW;
pub use types::{
    CategoryCount, Density, FormulaCandidate, Match, Nested, NotCounted, Report, TermCount,
};

pub(crate) use rows::rows;
pub(crate) use summary::lazy;
