//! The compiled dictionary: a validated [`Dictionary`](crate::Dictionary) in a compact binary
//! form, in two parts.
//!
//! * The **match part** holds what matching and a highlight need: ids, `zh`, `zh_hant`, `en`,
//!   category, `since`, aliases and every form's text and flags (a template is stored
//!   once and expanded again when read). The browser engine starts from it alone, so nothing is
//!   parsed or validated at start.
//! * The **card part** holds what a tooltip card adds: pinyin, gloss, explanation, sources, related
//!   ids, and each form's years and notes. It arrives later (on idle or the first card) and is
//!   tied to its match part by a hash, so a stale card file is refused, not mixed in.
//!
//! TOML stays the authors' format: `tifa dict compile DIR` writes both parts of the built-in
//! dictionary (`make build` puts them in `www/pkg/`).
//!
//! Encoding: a magic tag, then unsigned LEB128 integers and length-prefixed UTF-8 strings. The
//! match part keeps like data together in twelve streams, their lengths first (one per column
//! of entry numbers, form flags, template counts, ids, Chinese text, traditional codes, English
//! text with its frequent words coded: see `words.rs`), which compresses better; what can be derived at load is not stored (an id's prefix shared with its
//! English name, a `zh_hant` that rewrites `zh` character by character: see `derive.rs`).
//! A damaged or truncated file gives an [`Error::Input`](crate::Error::Input) naming the part
//! and the byte offset.
//!
//! The writer (`writer.rs`) and the readers (`reader.rs`) share the layout in `layout.rs` (magic
//! tags, flags, year codes), the integer and string codec (`codec.rs`) and the word coding (`words.rs`).
//!
//! ```
//! # #[cfg(feature = "toml")] {
//! use tifa::compiled;
//! let dict = tifa::Dictionary::builtin().unwrap();
//! let (matching, cards) = compiled::write(dict);
//! let mut back = compiled::read_match(&matching).unwrap();
//! assert_eq!(back.get("two-upholds").unwrap().zh, "两个维护");
//! assert!(back.get("two-upholds").unwrap().explanation.is_empty());
//! compiled::read_cards(&mut back, &cards).unwrap();
//! assert_eq!(back.entries(), dict.entries());
//! # }
//! ```

mod codec;
mod derive;
mod layout;
mod norms;
mod reader;
mod words;
mod writer;

pub(crate) use norms::NormalizedForms;
pub use reader::{read_cards, read_match, read_match_first};
pub(crate) use reader::{read_match_normalized, PendingCards};
pub use writer::write;
