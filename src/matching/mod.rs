//! Stage 2, matching: word tokens, one automaton over every form, boundaries and plurals, the
//! context gate, leftmost-longest with nesting.

pub mod alphabet;
pub mod automaton;
pub mod context;
pub mod matcher;
