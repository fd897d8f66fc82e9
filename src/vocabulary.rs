//! The vocabulary shared with the page and the embed: category, kind and reason names.
// Written by scripts/vocabulary.py from src/vocabulary.toml: edit that file, not this one.

/// The categories an entry may have, in the page's order; the page colours highlights by them.
pub const CATEGORIES: &[&str] = &[
    "ideology",
    "leadership",
    "party-building",
    "discipline",
    "economy",
    "governance",
    "security-foreign",
    "regions-religion",
    "propaganda",
    "institutions",
    "local",
    "history",
];

/// The names of the kinds of forms, in the order of [`crate::Kind::ALL`].
pub const KIND_NAMES: &[&str] = &["official", "media", "mt", "spelled-out"];

/// The names of the reasons a context-gated form counted, in the order of
/// [`crate::Reason::ALL`].
pub const REASON_NAMES: &[&str] = &[
    "quoted",
    "capitalized",
    "nearby",
    "sentence",
    "document",
    "all",
];
