//! The command line's integration tests, as one test program: each file beside this one is a
//! module of it (the tests run on all cores at once; most of them wait on the `tifa` they start).
//! Run one file's tests by its module name: `cargo test -p tifa-cli --test command corpus::`.
//! A new test file must be declared here (the library's `every_test_file_is_in_a_suite` checks).

mod common;

mod cli;
mod corpus;
mod corpus_emerging;
mod corpus_report;
mod readme;
