//! The compiled dictionary: a validated [`Dictionary`](crate::Dictionary) in a compact binary
//! form, in five parts ([`write_parts`]).
//!
//! * The **base part** (`tifa.match.bin`) holds what every page needs: category, `since`,
//!   aliases, and the shape of every entry's forms (how many groups, each group's flags and
//!   script).
//! * Three **script parts** hold the text: the English part (`tifa.match.en.bin`) each entry's
//!   `en` and its English forms but the late ones, the late part (`tifa.match.mt.bin`, its
//!   text only: no names, no ids) those: the machine-translation forms (kind `mt`) and the
//!   forms that lengthen another form of their entry ("resolutely uphold the Two Upholds"
//!   holds "Two Upholds", which matches wherever it does: `late.rs`), the Chinese part
//!   (`tifa.match.zh.bin`) its `zh` and `zh_hant` and its Chinese forms (a template is stored
//!   once, and expanded only when its forms are asked for: `lazy.rs`). A reader takes the base
//!   part and any of them, in any order ([`read_match_parts`]): the embed fetches the English
//!   part only for a page with Latin letters, the Chinese part only for a page with Han
//!   characters ([`scripts_needed`]), and another one when later content needs it; the late part
//!   (about two fifths of the English forms' compressed bytes) it fetches right after its
//!   first highlight, and then completes it ([`form_parts`] says which part holds each form). With all three, the dictionary is exactly the whole one;
//!   with some, each entry has the forms of those parts, in their order (the base part's group
//!   flags say which part holds each group: its script and its kind), and its names in a script
//!   whose part is missing are empty until the card part comes. The English and the Chinese
//!   part hold the ids too: the English part codes most of them against the English names
//!   (`two-upholds` is the words of "Two Upholds": `ids.rs`), the Chinese part has them whole;
//!   a base part read without either gets its ids with the card part. Nothing is parsed or
//!   validated at start.
//! * The **card part** (`tifa.cards.bin`) holds what a tooltip card adds: pinyin, gloss,
//!   explanation, sources, related ids, each form's years and notes, and every entry's names
//!   again (nothing before the first highlight needs a name: a mark takes its entry's id and
//!   category). It arrives later (on idle or the first card) and fills a dictionary read from
//!   any script parts.
//!
//! Every part carries the hash of its build (of all the match parts' content), and a reader
//! refuses parts of different builds (a stale cached file), naming the part.
//!
//! TOML stays the authors' format: `tifa dict compile DIR` writes the five parts of the
//! built-in dictionary (`make build` puts them in `www/pkg/`).
//!
//! Encoding: a magic tag (and a script part's script byte), the build hash, then unsigned
//! LEB128 integers and length-prefixed UTF-8 strings. Each part keeps like data together in
//! streams, their lengths first (the base part: one per column of entry numbers, the group
//! flags, ids; a script part: its template counts, its text, with frequent words coded (see
//! `words.rs`), the traditional codes, and in the Chinese part the normalizer's traditional →
//! simplified table, which a build without it built in installs), which compresses better;
//! what can be derived at load is not stored (a `zh_hant` that rewrites `zh` character by character: see
//! `derive.rs`). A damaged or truncated part gives an [`Error::Input`](crate::Error::Input)
//! naming the part and the byte offset in it.
//!
//! The writer (`writer.rs`) and the readers (`reader.rs`) share the layout in `layout.rs` (magic
//! tags, flags, year codes), the integer and string codec (`codec.rs`) and the word coding (`words.rs`).
//!
//! ```
//! # #[cfg(feature = "toml")] {
//! use tifa::compiled;
//! let dict = tifa::Dictionary::builtin().unwrap();
//! let parts = compiled::write_parts(dict);
//! let mut back = compiled::read_match_parts(&[&parts.base, &parts.chinese, &parts.mt, &parts.english]).unwrap();
//! assert_eq!(back.get("two-upholds").unwrap().zh, "两个维护");
//! // Without the late part, every English form but the machine-translation ones and those
//! // that lengthen another.
//! let first = compiled::read_match_parts(&[&parts.base, &parts.english]).unwrap();
//! let forms = &first.get("two-upholds").unwrap().forms;
//! assert!(forms.iter().all(|f| !f.chinese && f.kind != tifa::Kind::Mt));
//! assert!(forms.iter().any(|f| f.text == "Two Upholds"));
//! assert!(back.get("two-upholds").unwrap().explanation.is_empty());
//! compiled::read_cards(&mut back, &parts.cards).unwrap();
//! assert_eq!(back.entries(), dict.entries());
//! # }
//! ```

mod codec;
mod derive;
mod ids;
mod late;
mod layout;
mod lazy;
mod norms;
mod reader;
mod words;
mod writer;

pub use layout::Script;

/// The part that holds each form of each of `dict`'s entries (in the order of `entries()` and
/// of each entry's `forms`): Chinese forms in the Chinese part; English forms in the late part
/// ([`Script::Mt`]) when they are of kind `mt` or lengthen another form of the entry that needs
/// no context, where no form of another entry would take that form's place (so the English
/// part's forms still mark the entry wherever a late one would), else in the English part. A
/// template's expansions go to the late part only all together.
///
/// ```
/// use tifa::compiled::{form_parts, Script};
/// let dict = tifa::Dictionary::builtin().unwrap();
/// let at = dict.index_of("two-upholds").unwrap();
/// let (e, parts) = (&dict.entries()[at], &form_parts(dict)[at]);
/// let part = |text: &str| parts[e.forms.iter().position(|f| f.text == text).unwrap()];
/// assert_eq!(part("Two Upholds"), Script::English);
/// assert_eq!(part("两个维护"), Script::Chinese);
/// assert_eq!(part("two maintenances"), Script::Mt);
/// ```
pub fn form_parts(dict: &crate::dictionary::Dictionary) -> Vec<Vec<Script>> {
    writer::form_parts(dict)
}
pub(crate) use lazy::{LazyGroup, LazyTemplates};
pub(crate) use norms::{norm_of, NormalizedForms};
pub use reader::{read_cards, read_match, read_match_first, read_match_parts};
pub(crate) use reader::{read_match_normalized, read_parts_normalized, PendingCards};
pub use writer::{write, write_parts, Parts};

/// The parts a text needs: [`Script::English`] and [`Script::Mt`] when it holds a Latin
/// letter (ASCII, full-width or a ligature such as `ﬁ`: what the normalizer turns into ASCII
/// letters), [`Script::Chinese`] when it holds a Han character. Every English form holds a
/// Latin letter and every Chinese form a Han character, so the dictionary read from these parts
/// finds in `text` exactly what the whole one finds. The embed makes the same scan
/// (`www/lib/engine.js`, `scriptsOf`), and highlights first without the MT part.
///
/// ```
/// use tifa::compiled::{scripts_needed, Script};
/// assert_eq!(scripts_needed("坚决做到两个维护"), vec![Script::Chinese]);
/// assert_eq!(
///     scripts_needed("the Two Upholds (两个维护)"),
///     vec![Script::English, Script::Chinese, Script::Mt]
/// );
/// assert_eq!(scripts_needed("２０２４"), vec![]);
/// ```
pub fn scripts_needed(text: &str) -> Vec<Script> {
    let (mut latin, mut han) = (false, false);
    for c in text.chars() {
        latin |= is_latin_letter(c);
        han |= crate::text::script::is_han(c);
        if latin && han {
            break;
        }
    }
    Script::ALL
        .into_iter()
        .filter(|s| match s {
            Script::English | Script::Mt => latin,
            Script::Chinese => han,
        })
        .collect()
}

/// A character the normalizer turns into one or more ASCII letters.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' | '\u{FB00}'..='\u{FB06}')
}
