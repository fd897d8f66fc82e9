//! Reading the two compiled parts: the match part into a [`Dictionary`] without its cards
//! ([`read_match`] and its variants), then the card part into it ([`read_cards`]).

use super::codec::{fnv, Reader};
use super::derive::{join_id, Traditional};
use super::layout::{
    year_from_code, CARDS_MAGIC, ENTRY_HANT_TEXT, ENTRY_LOCAL, FLAG_CHINESE, FLAG_CONTEXT,
    FLAG_FROM_TEMPLATE, FLAG_NORMALIZE, FLAG_SAME_AS, FLAG_SHARED, FLAG_TEMPLATE, MATCH_MAGIC,
    SAME_AS_EN, SAME_AS_HANT, SAME_AS_ZH, STREAMS,
};
use super::norms::NormalizedForms;
use super::words;
use crate::dictionary::{template, Dictionary, Entry, Form, Kind, CATEGORIES};
use crate::error::Error;

/// What [`read_cards`] needs to know about a dictionary read by [`read_match`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PendingCards {
    /// The match part's hash.
    hash: u64,
    /// For each entry, the number of forms in each group.
    groups: Vec<Vec<u32>>,
}

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
