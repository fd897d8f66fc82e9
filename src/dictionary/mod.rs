//! The glossary: entries, their surface forms, and the built-in dictionary.
//!
//! The data lives in `src/dictionary/*.toml`, one file per domain (format:
//! `src/dictionary/FORMAT.md`). The files are compiled in and go through the same validator as
//! a user's dictionary ([`Dictionary::from_toml`]).
//!
//! ```
//! let dict = tifa::Dictionary::builtin().unwrap();
//! let entry = dict.get("two-upholds").unwrap();
//! assert_eq!(entry.zh, "两个维护");
//! assert_eq!(entry.zh_hant, "兩個維護");
//! ```

pub(crate) mod budget;
pub mod compiled;
#[cfg(feature = "toml")]
mod cross;
#[cfg(feature = "toml")]
mod forms;
#[cfg(feature = "toml")]
mod load;
pub(crate) mod template;

use std::collections::HashMap;

use serde::Serialize;

#[cfg(feature = "toml")]
use crate::error::Error;

#[cfg(feature = "toml")]
pub(crate) mod builtin_data {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
    pub use super::hant_table::HANT;
}

/// Committed; written by `scripts/opencc-tables/run`.
#[cfg(feature = "toml")]
mod hant_table;

/// The categories an entry may have (from `src/vocabulary.toml`); the page colours highlights by them.
pub use crate::vocabulary::CATEGORIES;

/// Where a rendering comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Official English (Xinhua, Qiushi, the Party Constitution…) or the Chinese term itself.
    Official,
    /// Media and China-watcher usage.
    Media,
    /// A literal machine-translation rendering.
    Mt,
    /// An official English rendering that spells a numbered slogan out.
    SpelledOut,
}

impl Kind {
    /// Every kind, in the order of their numbers in [`crate::Analyzer::rows`] (0 = official…).
    pub const ALL: [Kind; 4] = [Kind::Official, Kind::Media, Kind::Mt, Kind::SpelledOut];

    /// The kind's name as written in the TOML (`official`, `media`, `mt`, `spelled-out`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Official => "official",
            Kind::Media => "media",
            Kind::Mt => "mt",
            Kind::SpelledOut => "spelled-out",
        }
    }

    /// Parses a kind name.
    ///
    /// ```
    /// assert_eq!(tifa::Kind::parse("mt"), Some(tifa::Kind::Mt));
    /// assert_eq!(tifa::Kind::parse("slang"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "official" => Kind::Official,
            "media" => Kind::Media,
            "mt" => Kind::Mt,
            "spelled-out" => Kind::SpelledOut,
            _ => return None,
        })
    }
}

/// What more than the usual context a gated form asks for (a form's `context_needs`; the
/// README's "Matching rules"): set where evidence shows the form in its ordinary sense inside
/// Party texts themselves, so a whole document of Party discourse does not tell the senses apart.
///
/// ```
/// use tifa::ContextNeeds;
/// assert_eq!(ContextNeeds::parse("title-case"), Some(ContextNeeds::TitleCase));
/// assert_eq!(ContextNeeds::Sentence.as_str(), "sentence");
/// assert_eq!(ContextNeeds::parse("document"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContextNeeds {
    /// The `document` reason is not enough: quoted, capitalized or an unambiguous term in the
    /// same sentence.
    Sentence,
    /// A proper name: the text must write it with the capitals the dictionary gives it ("Basic
    /// Law", not "the first basic law of"), whatever the other reasons.
    TitleCase,
}

impl ContextNeeds {
    /// The name as written in the TOML (`sentence`, `title-case`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContextNeeds::Sentence => "sentence",
            ContextNeeds::TitleCase => "title-case",
        }
    }

    /// Parses a name (`sentence`, `title-case`).
    pub fn parse(s: &str) -> Option<ContextNeeds> {
        Some(match s {
            "sentence" => ContextNeeds::Sentence,
            "title-case" => ContextNeeds::TitleCase,
            _ => return None,
        })
    }
}

/// Words a title leaves in lower case ("Rule of Law"), for the title-case rules of the gate.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// The byte offsets of the content words (not [`STOP_WORDS`], starting with a letter) of a
/// normalized English form: the letters a title-cased text writes in capitals.
pub(crate) fn content_word_starts(norm: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for w in norm.as_bytes().split(|&b| b == b' ') {
        if w.first().is_some_and(u8::is_ascii_alphabetic)
            && !STOP_WORDS.iter().any(|s| s.as_bytes() == w)
        {
            starts.push(offset);
        }
        offset += w.len() + 1;
    }
    starts
}

/// One surface form of an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Form {
    /// The form as written in the dictionary.
    pub text: String,
    /// Where the rendering comes from.
    pub kind: Kind,
    /// First year of (official) use, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<u16>,
    /// Last year of (official) use, if it was replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<u16>,
    /// A short remark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The form also occurs in ordinary language: it counts only in Party context.
    pub needs_context: bool,
    /// The form deliberately belongs to more than one entry.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
    /// Is this a Chinese form (it holds Han characters)?
    pub chinese: bool,
    /// The template this form was expanded from, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Why the form needs context although the neutral corpus never shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_reason: Option<String>,
    /// More than the usual context this gated form asks for ([`ContextNeeds`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_needs: Option<ContextNeeds>,
    /// With `context_needs`: the evidence that the usual context is not enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_needs_reason: Option<String>,
    /// Words that, written right before this gated form, show its ordinary sense: there it
    /// never counts (`not_after = ["years of"]` on "arduous struggle"), whatever the context.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_after: Vec<String>,
    /// Words that, written right after this gated form, show its ordinary sense
    /// (`not_before = ["of serving"]` on "primary responsibility").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_before: Vec<String>,
}

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Stable kebab-case id.
    pub id: String,
    /// Simplified Chinese.
    pub zh: String,
    /// Traditional Chinese (given, or derived with OpenCC).
    pub zh_hant: String,
    /// Pinyin with tone marks.
    pub pinyin: String,
    /// Preferred English.
    pub en: String,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// Year the term entered official use.
    pub since: u16,
    /// One line.
    pub gloss: String,
    /// A short neutral explanation.
    pub explanation: String,
    /// Ids of related entries.
    pub related: Vec<String>,
    /// Public documents, named with their dates.
    pub sources: Vec<String>,
    /// Every surface form: the listed ones, then `zh`, `zh_hant` and `en` unless listed.
    pub forms: Vec<Form>,
    /// A local (provincial or city) campaign.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub local: bool,
    /// The preferred English (`en`) is a descriptive or literal rendering of the project's: no
    /// official English rendering was found. Cards then do not call it official.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub en_descriptive: bool,
    /// Former ids of this entry (merged or renamed): they still resolve to it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Why the entry names only one source, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub single_source: Option<String>,
    /// The file the entry came from.
    pub file: String,
}

/// A validated dictionary.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The entries; in a dictionary read from compiled parts, the forms of its templates are
    /// placeholders until asked for (`lazy`).
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Set while a dictionary read from its compiled match part waits for its card part.
    pending_cards: Option<Box<compiled::PendingCards>>,
    /// The templates read from compiled parts and not expanded yet, when there are any.
    lazy: Option<Box<compiled::LazyTemplates>>,
}

impl Dictionary {
    /// Does the dictionary hold its card fields (pinyin, explanation, sources, related, form
    /// years and notes)? Only a dictionary read from a compiled match part lacks them, until
    /// [`compiled::read_cards`] adds them.
    pub fn has_cards(&self) -> bool {
        self.pending_cards.is_none()
    }

    /// The built-in dictionary (validated once, then shared).
    #[cfg(feature = "toml")]
    pub fn builtin() -> Result<&'static Dictionary, Error> {
        static BUILTIN: std::sync::OnceLock<Result<Dictionary, Error>> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| load::load(builtin_data::FILES, builtin_data::FILES.len()))
            .as_ref()
            .map_err(Clone::clone)
    }

    #[cfg(feature = "toml")]
    /// Loads and validates one dictionary file on its own.
    ///
    /// ```
    /// let toml = r#"
    /// [[term]]
    /// id = "two-upholds"
    /// zh = "两个维护"
    /// pinyin = "liǎng gè wéihù"
    /// en = "Two Upholds"
    /// category = "leadership"
    /// since = 2018
    /// gloss = "Short name for upholding Xi's core status and central authority."
    /// explanation = "A test entry."
    /// sources = ["A document, 2018"]
    /// forms = [{ text = "two maintenances", kind = "mt" }]
    /// "#;
    /// let dict = tifa::Dictionary::from_toml("mine.toml", toml).unwrap();
    /// assert_eq!(dict.len(), 1);
    /// ```
    pub fn from_toml(file: &str, text: &str) -> Result<Dictionary, Error> {
        load::load(&[(file, text)], 0)
    }

    #[cfg(feature = "toml")]
    /// Loads and validates several files as one dictionary (a user's: one source per entry is
    /// enough).
    pub fn from_files(files: &[(&str, &str)]) -> Result<Dictionary, Error> {
        load::load(files, 0)
    }

    #[cfg(feature = "toml")]
    /// Loads and validates files by the built-in dictionary's rules: every entry names two
    /// sources or says why not (`single_source`), as `tifa dict check --builtin-rules` does.
    pub fn from_files_builtin_rules(files: &[(&str, &str)]) -> Result<Dictionary, Error> {
        load::load(files, files.len())
    }

    #[cfg(feature = "toml")]
    /// The built-in files plus `extra` user files, validated together (so a user term that
    /// reuses a built-in form or id is reported, naming the user's file and line).
    pub fn builtin_with(extra: &[(&str, &str)]) -> Result<Dictionary, Error> {
        let mut files: Vec<(&str, &str)> = builtin_data::FILES.to_vec();
        let builtin = files.len();
        files.extend_from_slice(extra);
        load::load(&files, builtin)
    }

    /// All entries, in file order. A dictionary read from compiled parts expands every
    /// template it has not expanded yet (once): [`Dictionary::entry`] and [`Dictionary::get`]
    /// expand only the entry asked for.
    pub fn entries(&self) -> &[Entry] {
        match &self.lazy {
            None => &self.entries,
            Some(lazy) => lazy.all(&self.entries),
        }
    }

    /// Entry `i` of [`Dictionary::entries`], with every form (a template read from compiled
    /// parts is expanded for this entry alone).
    ///
    /// ```
    /// let dict = tifa::Dictionary::builtin().unwrap();
    /// let i = dict.index_of("two-upholds").unwrap();
    /// assert_eq!(dict.entry(i).unwrap().zh, "两个维护");
    /// assert!(dict.entry(dict.len()).is_none());
    /// ```
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        let skeleton = self.entries.get(i)?;
        Some(match &self.lazy {
            None => skeleton,
            Some(lazy) => lazy.entry(i, skeleton),
        })
    }

    /// The entries as read, for what needs no form's text: ids, names, category, years,
    /// aliases, and each form's kind and flags. In a dictionary read from compiled parts, a
    /// form of a template not expanded yet has an empty text and no template here; it costs
    /// nothing, where [`Dictionary::entries`] expands every template.
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let (matching, _) = tifa::compiled::write(tifa::Dictionary::builtin().unwrap());
    /// let dict = tifa::compiled::read_match(&matching).unwrap();
    /// let read = dict.entries_as_read();
    /// assert_eq!(read.len(), dict.len());
    /// assert!(read.iter().any(|e| e.forms.iter().any(|f| f.text.is_empty())));
    /// assert!(dict.entries().iter().all(|e| e.forms.iter().all(|f| !f.text.is_empty())));
    /// # }
    /// ```
    pub fn entries_as_read(&self) -> &[Entry] {
        &self.entries
    }

    /// The templates not expanded yet, in entry and form order (none for a dictionary loaded
    /// from TOML, or one whose templates were all expanded at load).
    pub(crate) fn lazy_templates(&self) -> &[compiled::LazyGroup] {
        self.lazy.as_ref().map_or(&[], |l| l.groups())
    }

    /// The entry with this id, or with this former id (an alias).
    ///
    /// ```
    /// let dict = tifa::Dictionary::builtin().unwrap();
    /// assert_eq!(dict.get("two-upholds").unwrap().zh, "两个维护");
    /// assert!(dict.get("no-such-entry").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|&i| self.entry(i))
    }

    /// The index of the entry with this id in [`Dictionary::entries`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Is the dictionary empty?
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn from_entries(entries: Vec<Entry>) -> Dictionary {
        let mut dict = Dictionary {
            entries,
            by_id: HashMap::new(),
            pending_cards: None,
            lazy: None,
        };
        dict.reindex();
        dict
    }

    /// Makes the index of ids and aliases again (after the card part gave the ids).
    pub(crate) fn reindex(&mut self) {
        self.by_id = self
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                std::iter::once((e.id.clone(), i))
                    .chain(e.aliases.iter().map(move |a| (a.clone(), i)))
            })
            .collect();
    }
}

#[cfg(feature = "toml")]
/// The traditional form of `zh`: OpenCC's phrase-level conversion for built-in strings,
/// character-level conversion otherwise.
pub(crate) fn derive_hant(zh: &str) -> String {
    match builtin_data::HANT.binary_search_by_key(&zh, |&(s, _)| s) {
        Ok(i) => builtin_data::HANT[i].1.to_string(),
        Err(_) => crate::text::script::to_traditional_chars(zh),
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    /// The committed phrase table covers every built-in `zh`: a new term's traditional form
    /// comes from OpenCC's phrase conversion, not the character fallback.
    #[test]
    fn hant_table_is_fresh() {
        let dict = super::Dictionary::builtin().unwrap();
        let missing: Vec<&str> = dict
            .entries()
            .iter()
            .map(|e| e.zh.as_str())
            .filter(|zh| {
                super::hant_table::HANT
                    .binary_search_by_key(zh, |&(s, _)| s)
                    .is_err()
            })
            .collect();
        assert!(
            missing.is_empty(),
            "src/dictionary/hant_table.rs lacks {} built-in zh string(s), e.g. {:?}: run scripts/opencc-tables/run",
            missing.len(),
            &missing[..missing.len().min(5)]
        );
    }
}
