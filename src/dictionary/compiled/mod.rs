//! The compiled dictionary: a validated [`Dictionary`] in a compact binary form, in two parts.
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
//! A damaged or truncated file gives an [`Error::Input`] naming the part and the byte offset.
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

use std::collections::HashSet;

mod codec;
mod derive;
mod norms;
mod words;

pub(crate) use norms::NormalizedForms;

use codec::{fnv, Reader, Writer};
use derive::{join_id, split_id, Traditional};

use super::{template, Dictionary, Entry, Form, Kind, CATEGORIES};
use crate::error::Error;
use crate::text::normalize::normalize_form;

const MATCH_MAGIC: &[u8; 8] = b"tifa-m3\n";
const CARDS_MAGIC: &[u8; 8] = b"tifa-c1\n";

/// Entry flags: a local entry; a `zh_hant` stored as text (not as codes against `zh`).
const ENTRY_LOCAL: u64 = 1;
const ENTRY_HANT_TEXT: u64 = 1 << 1;

// Form flags (bits 0 and 1: the kind). The common ones in the low seven bits: one byte each.
const FLAG_CHINESE: u64 = 1 << 2;
/// A literal form equal to the entry's `zh`, `zh_hant` or `en` (its text is not repeated).
const FLAG_SAME_AS: u64 = 3 << 3;
const SAME_AS_ZH: u64 = 1 << 3;
const SAME_AS_HANT: u64 = 2 << 3;
const SAME_AS_EN: u64 = 3 << 3;
const FLAG_TEMPLATE: u64 = 1 << 5;
const FLAG_CONTEXT: u64 = 1 << 6;
const FLAG_SHARED: u64 = 1 << 7;
/// A single form expanded from a template that could not be stored as one (rare).
const FLAG_FROM_TEMPLATE: u64 = 1 << 8;
/// The normalized text of some form of the group is not its text with ASCII letters
/// lower-cased: the loader runs the normalizer on the group's forms (see `norms.rs`).
const FLAG_NORMALIZE: u64 = 1 << 9;

/// Entry years are stored as their distance from this one, so the usual years (1921–2030)
/// take one byte, not two, and repeat more (zig-zag: 0, -1, 1, -2… are 0, 1, 2, 3…).
const YEAR_BASE: i64 = 2030;

/// The number an entry's `since` is stored as.
fn year_code(year: u16) -> u64 {
    let d = YEAR_BASE - i64::from(year);
    ((d << 1) ^ (d >> 63)) as u64
}

/// The year back from [`year_code`]'s number; `None` when it is no `u16`.
fn year_from_code(code: u64) -> Option<u16> {
    let d = (code >> 1) as i64 ^ -((code & 1) as i64);
    u16::try_from(YEAR_BASE.checked_sub(d)?).ok()
}

/// What [`read_cards`] needs to know about a dictionary read by [`read_match`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PendingCards {
    /// The match part's hash.
    hash: u64,
    /// For each entry, the number of forms in each group.
    groups: Vec<Vec<u32>>,
}

/// A run of forms that share their attributes: one listed form, or one template's expansions.
struct Group<'a> {
    forms: &'a [Form],
    template: Option<&'a str>,
    /// For a template: which of its expansions the entry had already (dropped), by index.
    dropped: Vec<u32>,
}

/// Splits an entry's forms into groups; a template run is kept as a template only when
/// expanding it again (dropping what the entry already has) gives exactly the same forms.
fn groups(entry: &Entry) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let forms = &entry.forms;
    let mut i = 0;
    while i < forms.len() {
        let mut j = i + 1;
        if let Some(t) = &forms[i].template {
            while j < forms.len()
                && forms[j].template.as_ref() == Some(t)
                && same(&forms[i], &forms[j])
            {
                j += 1;
            }
            let mut dropped = Vec::new();
            let again: Option<Vec<String>> = template::expand(t).ok().map(|v| {
                let mut local = seen.clone();
                v.into_iter()
                    .enumerate()
                    .filter(|(k, x)| {
                        local.insert(normalize_form(x)) || {
                            dropped.push(*k as u32);
                            false
                        }
                    })
                    .map(|(_, x)| x)
                    .collect()
            });
            let run: Vec<&str> = forms[i..j].iter().map(|f| f.text.as_str()).collect();
            if again.is_some_and(|a| a == run) {
                out.push(Group {
                    forms: &forms[i..j],
                    template: Some(t),
                    dropped,
                });
            } else {
                for k in i..j {
                    out.push(Group {
                        forms: &forms[k..k + 1],
                        template: None,
                        dropped: Vec::new(),
                    });
                }
            }
        } else {
            out.push(Group {
                forms: &forms[i..j],
                template: None,
                dropped: Vec::new(),
            });
        }
        for f in &forms[i..j] {
            seen.insert(normalize_form(&f.text));
        }
        i = j;
    }
    out
}

fn same(a: &Form, b: &Form) -> bool {
    (
        a.kind,
        a.since,
        a.until,
        &a.note,
        a.needs_context,
        a.shared,
        &a.context_reason,
    ) == (
        b.kind,
        b.since,
        b.until,
        &b.note,
        b.needs_context,
        b.shared,
        &b.context_reason,
    )
}

/// Writes both parts of a dictionary: `(match part, card part)`.
pub fn write(dict: &Dictionary) -> (Vec<u8>, Vec<u8>) {
    // The match part is written in streams of like data (numbers of each kind, ids, Chinese,
    // traditional codes, English), one after another: it compresses better than entry by entry. What can be derived at load (most of an id, `zh_hant`) is not stored.
    let mut streams: [Writer; STREAMS] = std::array::from_fn(|_| Writer(Vec::new()));
    let [m, cats, years, entry_flags, alias_counts, group_counts, g, counts, id_stream, zh_stream, hant, en_stream] =
        &mut streams;
    let mut ids: Vec<String> = Vec::new();
    // The Chinese and the English text, each in entry order (written at the end).
    let (mut zh, mut en): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut c = Writer(Vec::new());
    let traditional = Traditional::new();
    m.int(dict.entries().len() as u64);
    for e in dict.entries() {
        let (prefix, rest) = split_id(&e.id, &e.en);
        m.int(prefix as u64);
        ids.push(rest.to_string());
        zh.push(e.zh.clone());
        let codes = traditional.codes(&e.zh, &e.zh_hant);
        match &codes {
            Some(codes) => codes.iter().for_each(|&k| hant.int(u64::from(k))),
            None => zh.push(e.zh_hant.clone()),
        }
        en.push(e.en.clone());
        let cat = CATEGORIES.iter().position(|c| *c == e.category);
        cats.int(cat.map_or(u64::MAX >> 1, |i| i as u64));
        if cat.is_none() {
            ids.push(e.category.clone());
        }
        years.int(year_code(e.since));
        entry_flags.int(
            if e.local { ENTRY_LOCAL } else { 0 }
                | if codes.is_none() { ENTRY_HANT_TEXT } else { 0 },
        );
        alias_counts.int(e.aliases.len() as u64);
        ids.extend(e.aliases.iter().cloned());
        let groups = groups(e);
        group_counts.int(groups.len() as u64);

        c.str(&e.pinyin);
        c.str(&e.gloss);
        c.str(&e.explanation);
        c.strs(&e.related);
        c.strs(&e.sources);
        c.opt(e.single_source.as_deref());
        c.str(&e.file);
        for grp in &groups {
            let f = &grp.forms[0];
            let kind = match f.kind {
                Kind::Official => 0,
                Kind::Media => 1,
                Kind::Mt => 2,
                Kind::SpelledOut => 3,
            };
            let same_as = match grp.template {
                Some(_) => 0,
                None if f.text == e.zh => SAME_AS_ZH,
                None if f.text == e.zh_hant => SAME_AS_HANT,
                None if f.text == e.en => SAME_AS_EN,
                None => 0,
            };
            let flags = kind
                | same_as
                | if f.needs_context { FLAG_CONTEXT } else { 0 }
                | if f.shared { FLAG_SHARED } else { 0 }
                | if f.chinese { FLAG_CHINESE } else { 0 }
                | if grp.template.is_some() {
                    FLAG_TEMPLATE
                } else {
                    0
                }
                | if grp.template.is_none() && f.template.is_some() {
                    FLAG_FROM_TEMPLATE
                } else {
                    0
                }
                | if grp
                    .forms
                    .iter()
                    .all(|f| norms::lowercase_is_normal(&f.text))
                {
                    0
                } else {
                    FLAG_NORMALIZE
                };
            g.int(flags);
            // Chinese and English text each in one stream, in entry order: a form is near the
            // entry's name and the other forms it shares words with.
            let text = if f.chinese { &mut zh } else { &mut en };
            match grp.template {
                Some(t) => {
                    text.push(t.to_string());
                    counts.int(grp.dropped.len() as u64);
                    for &k in &grp.dropped {
                        counts.int(u64::from(k));
                    }
                }
                None => {
                    if same_as == 0 {
                        text.push(f.text.clone())
                    }
                    if let Some(t) = &f.template {
                        text.push(t.clone());
                    }
                }
            }
            c.int(f.since.map_or(0, u64::from));
            c.int(f.until.map_or(0, u64::from));
            c.opt(f.note.as_deref());
            c.opt(f.context_reason.as_deref());
        }
    }
    words::write(id_stream, &ids, words::Script::Latin);
    words::write(zh_stream, &zh, words::Script::Han);
    words::write(en_stream, &en, words::Script::Latin);
    let mut matching = Writer(MATCH_MAGIC.to_vec());
    for s in &streams {
        matching.int(s.0.len() as u64);
    }
    for s in &streams {
        matching.0.extend_from_slice(&s.0);
    }
    let mut cards = CARDS_MAGIC.to_vec();
    cards.extend_from_slice(&fnv(&matching.0).to_le_bytes());
    cards.extend_from_slice(&c.0);
    (matching.0, cards)
}

/// The match part's streams: the entry count and each entry's id prefix length, category,
/// year, flags, alias count and form group count (one column each), form group flags, template
/// counts, ids (and aliases, unusual categories), Chinese (names, forms, templates),
/// traditional codes, English (names, forms, templates).
const STREAMS: usize = 12;

/// Reads a match part: a dictionary whose card fields (pinyin, explanation, sources, related,
/// form years and notes) are empty until [`read_cards`] fills them.
pub fn read_match(bytes: &[u8]) -> Result<Dictionary, Error> {
    read_match_first(bytes, usize::MAX)
}

/// The first `limit` entries of a match part (all of them for `usize::MAX`): a small
/// dictionary that runs the same code as the whole one, to warm it up (see the wasm binding's
/// `warmUp`).
pub fn read_match_first(bytes: &[u8], limit: usize) -> Result<Dictionary, Error> {
    read_match_normalized(bytes, limit).map(|(dict, _)| dict)
}

/// [`read_match_first`], and every form of the dictionary normalized: what the matcher is built
/// from, most of it without running the normalizer (`norms.rs`).
pub(crate) fn read_match_normalized(
    bytes: &[u8],
    limit: usize,
) -> Result<(Dictionary, NormalizedForms), Error> {
    let mut head = Reader::new(bytes, "match", MATCH_MAGIC)?;
    let mut lens = [0usize; STREAMS];
    for l in &mut lens {
        *l = head.count()?;
    }
    let mut streams: Vec<Reader> = Vec::with_capacity(STREAMS);
    let mut at = head.pos;
    for l in lens {
        let end = at
            .checked_add(l)
            .filter(|&e| e <= bytes.len())
            .ok_or_else(|| head.damaged(at, "it ends too early"))?;
        streams.push(Reader {
            bytes: &bytes[..end],
            pos: at,
            part: "match",
        });
        at = end;
    }
    if at != bytes.len() {
        return Err(head.damaged(at, "there are bytes after the last entry"));
    }
    let [r, cats, years, entry_flags, alias_counts, group_counts, gs, counts, id_stream, zhs, hants, ens]: &mut [Reader; STREAMS] =
        (&mut streams[..]).try_into().expect("STREAMS readers");
    let traditional = Traditional::new();
    let id_words = words::Words::read(id_stream)?;
    let mut ids = || id_words.str(id_stream);
    let mut texts = Texts {
        zh_words: words::Words::read(zhs)?,
        words: words::Words::read(ens)?,
        zh: zhs,
        en: ens,
    };
    let n = r.count_of(bytes.len())?.min(limit);
    let mut entries = Vec::with_capacity(n);
    let mut all_groups = Vec::with_capacity(n);
    let mut norms = NormalizedForms::default();
    for _ in 0..n {
        let at = r.pos;
        let prefix = r.count_of(bytes.len())?;
        let rest = ids()?;
        let zh = texts.str(true)?;
        let en = texts.str(false)?;
        let id = join_id(prefix, &rest, &en)
            .ok_or_else(|| r.damaged(at, "an id's shared prefix is longer than its name"))?;
        let cat = cats.int()?;
        let category = match CATEGORIES.get(cat as usize) {
            Some(c) => c.to_string(),
            None => ids()?,
        };
        let at = years.pos;
        let since = year_from_code(years.int()?)
            .ok_or_else(|| years.damaged(at, "a year is out of range"))?;
        let entry_flags = entry_flags.int()?;
        let local = entry_flags & ENTRY_LOCAL != 0;
        let zh_hant = if entry_flags & ENTRY_HANT_TEXT != 0 {
            texts.str(true)?
        } else {
            let at = hants.pos;
            let mut failed = None;
            let text = traditional.text(&zh, || hants.int().map_err(|e| failed = Some(e)).ok());
            if let Some(e) = failed {
                return Err(e);
            }
            text.ok_or_else(|| {
                hants.damaged(
                    at,
                    &format!("a traditional code of {id:?} names no character"),
                )
            })?
        };
        let aliases = (0..alias_counts.count_of(bytes.len())?)
            .map(|_| ids())
            .collect::<Result<Vec<_>, _>>()?;
        let groups = group_counts.count_of(bytes.len())?;
        let mut forms: Vec<Form> = Vec::new();
        let mut lens = Vec::with_capacity(groups);
        for _ in 0..groups {
            let before = forms.len();
            let flags = gs.int()?;
            let kind = match flags & 3 {
                0 => Kind::Official,
                1 => Kind::Media,
                2 => Kind::Mt,
                _ => Kind::SpelledOut,
            };
            let base = Form {
                text: String::new(),
                kind,
                since: None,
                until: None,
                note: None,
                needs_context: flags & FLAG_CONTEXT != 0,
                shared: flags & FLAG_SHARED != 0,
                chinese: flags & FLAG_CHINESE != 0,
                template: None,
                context_reason: None,
            };
            let chinese = flags & FLAG_CHINESE != 0;
            if flags & FLAG_TEMPLATE != 0 {
                let at = texts.pos(chinese);
                let t = texts.str(chinese)?;
                let n = counts.count_of(bytes.len())?;
                let dropped = (0..n)
                    .map(|_| counts.int())
                    .collect::<Result<Vec<u64>, Error>>()?;
                // The expansions the entry had already were dropped when it was compiled:
                // nothing is normalized here.
                let run: Vec<String> = template::expand(&t)
                    .map_err(|e| texts.damaged(chinese, at, &format!("template {t:?}: {e}")))?
                    .into_iter()
                    .enumerate()
                    .filter(|(k, _)| dropped.binary_search(&(*k as u64)).is_err())
                    .map(|(_, x)| x)
                    .collect();
                for text in run {
                    forms.push(Form {
                        text,
                        template: Some(t.clone()),
                        ..base.clone()
                    });
                }
            } else {
                let text = match flags & FLAG_SAME_AS {
                    SAME_AS_ZH => zh.clone(),
                    SAME_AS_HANT => zh_hant.clone(),
                    SAME_AS_EN => en.clone(),
                    _ => texts.str(chinese)?,
                };
                let template = if flags & FLAG_FROM_TEMPLATE != 0 {
                    Some(texts.str(chinese)?)
                } else {
                    None
                };
                forms.push(Form {
                    text,
                    template,
                    ..base
                });
            }
            for f in &forms[before..] {
                norms.push(&f.text, flags & FLAG_NORMALIZE != 0);
            }
            lens.push((forms.len() - before) as u32);
        }
        all_groups.push(lens);
        entries.push(Entry {
            id,
            zh,
            zh_hant,
            pinyin: String::new(),
            en,
            category,
            since,
            gloss: String::new(),
            explanation: String::new(),
            related: Vec::new(),
            sources: Vec::new(),
            forms,
            local,
            aliases,
            single_source: None,
            file: String::new(),
        });
    }
    if limit == usize::MAX {
        for s in streams.iter() {
            s.end()?;
        }
    }
    let mut dict = Dictionary::from_entries(entries);
    dict.pending_cards = Some(Box::new(PendingCards {
        hash: fnv(bytes),
        groups: all_groups,
    }));
    Ok((dict, norms))
}

/// The match part's two text streams while reading.
struct Texts<'r, 'a> {
    zh: &'r mut Reader<'a>,
    en: &'r mut Reader<'a>,
    zh_words: words::Words,
    words: words::Words,
}

impl Texts<'_, '_> {
    fn str(&mut self, chinese: bool) -> Result<String, Error> {
        if chinese {
            self.zh_words.str(self.zh)
        } else {
            self.words.str(self.en)
        }
    }
    fn pos(&self, chinese: bool) -> usize {
        if chinese {
            self.zh.pos
        } else {
            self.en.pos
        }
    }
    fn damaged(&self, chinese: bool, at: usize, what: &str) -> Error {
        if chinese { &self.zh } else { &self.en }.damaged(at, what)
    }
}

/// Fills a dictionary read by [`read_match`] with its card part. Refuses a card part written
/// for another match part (a stale cached file) and leaves the dictionary unchanged then.
pub fn read_cards(dict: &mut Dictionary, bytes: &[u8]) -> Result<(), Error> {
    let mut r = Reader::new(bytes, "card", CARDS_MAGIC)?;
    let hash = r.take(8)?;
    let hash = u64::from_le_bytes(hash.try_into().expect("8 bytes"));
    let Some(pending) = &dict.pending_cards else {
        return Err(Error::Input(
            "this dictionary has its card part already".into(),
        ));
    };
    if pending.hash != hash {
        return Err(Error::Input(
            "the card part of the dictionary belongs to another build of the match part (a stale cache?): reload both".into(),
        ));
    }
    // Read everything first, so a damaged file changes nothing.
    let mut filled = dict.entries.clone();
    for (e, groups) in filled.iter_mut().zip(&pending.groups) {
        e.pinyin = r.str()?;
        e.gloss = r.str()?;
        e.explanation = r.str()?;
        e.related = r.strs()?;
        e.sources = r.strs()?;
        e.single_source = r.opt()?;
        e.file = r.str()?;
        let mut k = 0;
        for &len in groups {
            let len = len as usize;
            let since = r.year()?;
            let until = r.year()?;
            let note = r.opt()?;
            let context_reason = r.opt()?;
            for f in &mut e.forms[k..k + len] {
                f.since = since;
                f.until = until;
                f.note = note.clone();
                f.context_reason = context_reason.clone();
            }
            k += len;
        }
    }
    r.end()?;
    dict.entries = filled;
    dict.pending_cards = None;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_codes_round_trip() {
        // (year, stored number)
        let cases = [
            (2030, 0),
            (2029, 2),
            (2031, 1),
            (1921, 218),
            (0, 4060),
            (u16::MAX, 127009),
        ];
        for (year, code) in cases {
            assert_eq!(year_code(year), code, "{year}");
            assert_eq!(year_from_code(code), Some(year), "{year}");
        }
        // Numbers no year has: damage, not a panic.
        assert_eq!(year_from_code(127011), None);
        assert_eq!(year_from_code(u64::MAX), None);
    }
}
