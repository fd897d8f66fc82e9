//! Reading the compiled parts: the base part and any script parts into a [`Dictionary`]
//! without its cards ([`read_match_parts`] and its variants), then the card part into it
//! ([`read_cards`]).

use super::codec::Reader;
use super::derive::Traditional;
use super::ids::IdReader;
use super::layout::{
    year_from_code, Script, BASE_MAGIC, BASE_STREAMS, CARDS_MAGIC, ENTRY_EN_DESCRIPTIVE,
    ENTRY_HANT_TEXT, ENTRY_LOCAL, FLAG_CHINESE, FLAG_CONTEXT, FLAG_FROM_TEMPLATE,
    FLAG_NEEDS_SENTENCE, FLAG_NEEDS_TITLE, FLAG_NEIGHBOURS, FLAG_NORMALIZE, FLAG_SAME_AS,
    FLAG_SHARED, FLAG_TEMPLATE, HASH_LEN, LATE_ENGLISH, SAME_AS_EN, SAME_AS_HANT, SAME_AS_ZH,
    SCRIPT_MAGIC, SCRIPT_STREAMS,
};
use super::lazy::{LazyGroup, LazyTemplates};
use super::norms::NormalizedForms;
use super::words;
use crate::dictionary::{template, ContextNeeds, Dictionary, Entry, Form, Kind, CATEGORIES};
use crate::error::Error;

/// The bit of a [`PendingCards`] group length saying that the group has `context_needs`.
const GROUP_NEEDS_REASON: u32 = 1 << 31;

/// What [`read_cards`] needs to know about a dictionary read by [`read_match_parts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PendingCards {
    /// The build hash of the parts read.
    hash: u64,
    /// For each entry, the number of forms read in each group (0 for a group of a script
    /// whose part was not read: its card data is skipped), with [`GROUP_NEEDS_REASON`] set for
    /// a group whose card data holds a `context_needs_reason`.
    groups: Vec<Vec<u32>>,
    /// Which of the English and the Chinese part were not read (by [`Script`] code): their
    /// names (`en`; `zh` and `zh_hant`) come with the cards.
    names: [bool; 2],
    /// Neither the English nor the Chinese part was read: the ids come with the cards too.
    ids: bool,
}

/// One match part, its header read: its script (`None`: the base part), build hash and
/// streams.
struct Part<'a> {
    script: Option<Script>,
    hash: u64,
    streams: Vec<Reader<'a>>,
    /// Where its last stream ends (its length, unless more parts follow it).
    len: usize,
}

/// Reads the header of the part `bytes` starts with.
fn part(bytes: &[u8]) -> Result<Part<'_>, Error> {
    let (script, count, mut head) = if bytes.starts_with(BASE_MAGIC) {
        let head = Reader {
            bytes,
            pos: BASE_MAGIC.len(),
            part: "base",
        };
        (None, BASE_STREAMS, head)
    } else if bytes.starts_with(SCRIPT_MAGIC) {
        let at = SCRIPT_MAGIC.len();
        let named = |part| Reader {
            bytes,
            pos: at + 1,
            part,
        };
        let code = *bytes
            .get(at)
            .ok_or_else(|| named("script").damaged(at, "it ends too early"))?;
        let script = Script::from_code(code).ok_or_else(|| {
            named("script").damaged(
                at,
                &format!("{code} names no script (0 English, 1 Chinese, 2 MT)"),
            )
        })?;
        (Some(script), SCRIPT_STREAMS, named(script.name()))
    } else {
        return Err(Error::Input(format!(
            "this is not a part of tifa's compiled dictionary: it does not start with {:?} (the base part) or {:?} (a script part)",
            String::from_utf8_lossy(BASE_MAGIC).trim_end(),
            String::from_utf8_lossy(SCRIPT_MAGIC).trim_end()
        )));
    };
    let hash = u64::from_le_bytes(head.take(HASH_LEN)?.try_into().expect("8 bytes"));
    let mut lens = Vec::with_capacity(count);
    for _ in 0..count {
        lens.push(head.count()?);
    }
    let mut streams = Vec::with_capacity(count);
    let mut at = head.pos;
    for l in lens {
        let end = at
            .checked_add(l)
            .filter(|&e| e <= bytes.len())
            .ok_or_else(|| head.damaged(at, "it ends too early"))?;
        streams.push(Reader {
            bytes: &bytes[..end],
            pos: at,
            part: head.part,
        });
        at = end;
    }
    Ok(Part {
        script,
        hash,
        streams,
        len: at,
    })
}

/// Splits match parts written one after another ([`Parts::matching`](super::Parts::matching))
/// into the parts.
fn split(bytes: &[u8]) -> Result<Vec<&[u8]>, Error> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() || out.is_empty() {
        let len = part(&bytes[at..])?.len;
        out.push(&bytes[at..at + len]);
        at += len;
    }
    Ok(out)
}

/// Reads match parts written one after another (as [`write`](super::write) returns them, or
/// any base part followed by script parts): a dictionary whose card fields (pinyin,
/// explanation, sources, related, form years and notes) are empty until [`read_cards`] fills
/// them.
pub fn read_match(bytes: &[u8]) -> Result<Dictionary, Error> {
    read_match_first(bytes, usize::MAX)
}

/// Reads a base part and any script parts, in any order: a dictionary with every entry and
/// the forms of the scripts given (an entry's forms keep their order). Card fields are empty
/// until [`read_cards`] fills them.
///
/// Refuses, with an [`Error::Input`] that names the part (and the byte, when one is damaged):
/// no base part or two, a script given twice, a part of another build (each part carries its
/// build's hash), a damaged or truncated part.
///
/// ```
/// # #[cfg(feature = "toml")] {
/// use tifa::compiled::{read_match_parts, write_parts};
/// let parts = write_parts(tifa::Dictionary::builtin().unwrap());
/// let english = read_match_parts(&[&parts.base, &parts.english]).unwrap();
/// let forms = &english.get("two-upholds").unwrap().forms;
/// assert!(forms.iter().all(|f| !f.chinese));
/// assert!(read_match_parts(&[&parts.english]).is_err()); // no base part
/// # }
/// ```
pub fn read_match_parts(parts: &[&[u8]]) -> Result<Dictionary, Error> {
    read_parts_normalized(parts, usize::MAX).map(|(dict, _)| dict)
}

/// The first `limit` entries of match parts written one after another (all of them for
/// `usize::MAX`): a small dictionary that runs the same code as the whole one, to warm it up
/// (see the wasm binding's `warmUp`).
pub fn read_match_first(bytes: &[u8], limit: usize) -> Result<Dictionary, Error> {
    read_match_normalized(bytes, limit).map(|(dict, _)| dict)
}

/// [`read_match_first`], and every form of the dictionary normalized: what the matcher is built
/// from, most of it without running the normalizer (`norms.rs`).
pub(crate) fn read_match_normalized(
    bytes: &[u8],
    limit: usize,
) -> Result<(Dictionary, NormalizedForms), Error> {
    read_parts_normalized(&split(bytes)?, limit)
}

/// A script part while reading: its template counts, its text and the text's word list, its
/// traditional codes, its ids.
/// A form's `not_after` and `not_before` ([`FLAG_NEIGHBOURS`]): two counts, then the words,
/// after its group's text.
fn read_neighbours(sp: &mut ScriptPart, total: usize, form: &mut Form) -> Result<(), Error> {
    let after = sp.counts.count_of(total)?;
    let before = sp.counts.count_of(total)?;
    for k in 0..after + before {
        let w = sp.words.str(&mut sp.text)?;
        if k < after {
            form.not_after.push(w);
        } else {
            form.not_before.push(w);
        }
    }
    Ok(())
}

struct ScriptPart<'a> {
    counts: Reader<'a>,
    text: Reader<'a>,
    hant: Reader<'a>,
    words: words::Words,
    ids: IdReader<'a>,
    /// Its ids are read (not in the MT part).
    has_ids: bool,
}

/// Installs the traditional → simplified table a Chinese part carries (its last stream,
/// `table`), for a build without it built in (`crate::text::script::install_t2s`).
fn install_table(table: &Reader) -> Result<(), Error> {
    crate::text::script::install_t2s(&table.bytes[table.pos..]).map_err(|why| match why {
        Some(what) => table.damaged(table.pos, what),
        None => Error::Input(
            "the Chinese part of the compiled dictionary carries no traditional → simplified table, which this build of tifa needs (it has none built in: the feature `builtin-t2s` is off): compile the parts again with `tifa dict compile` of this version".into(),
        ),
    })
}

/// [`read_match_parts`] over the first `limit` entries, and every form read normalized.
pub(crate) fn read_parts_normalized(
    given: &[&[u8]],
    limit: usize,
) -> Result<(Dictionary, NormalizedForms), Error> {
    let mut scripts: [Option<ScriptPart>; 3] = [None, None, None];
    let mut opened = Vec::with_capacity(given.len());
    for bytes in given {
        let p = part(bytes)?;
        if p.len != bytes.len() {
            return Err(p.streams[0].damaged(p.len, "there are bytes after the last stream"));
        }
        opened.push(p);
    }
    let total: usize = given.iter().map(|b| b.len()).sum();
    // The base part first: the script parts' hashes are checked against it.
    let Some(at) = opened.iter().position(|p| p.script.is_none()) else {
        return Err(Error::Input(format!(
            "the compiled dictionary has no base part among the {} part(s) given (tifa.match.bin)",
            given.len()
        )));
    };
    let b = opened.remove(at);
    if opened.iter().any(|p| p.script.is_none()) {
        return Err(Error::Input(
            "the compiled dictionary was given two base parts: give one, and script parts".into(),
        ));
    }
    for p in opened {
        let script = p.script.expect("a script part");
        if p.hash != b.hash {
            return Err(Error::Input(format!(
                "the {} part of the compiled dictionary belongs to another build than its base part (the build hash at byte {} differs: a stale cache?): reload every part",
                script.name(),
                SCRIPT_MAGIC.len() + 1,
            )));
        }
        let slot = &mut scripts[script as usize];
        if slot.is_some() {
            return Err(Error::Input(format!(
                "the {} part of the compiled dictionary was given twice",
                script.name()
            )));
        }
        let [counts, mut text, hant, table, codes, ids]: [Reader; SCRIPT_STREAMS] =
            p.streams.try_into().ok().expect("SCRIPT_STREAMS readers");
        // The normalizer's traditional → simplified table, before anything Chinese is read:
        // a build without it built in installs it here.
        if script == Script::Chinese {
            install_table(&table)?;
        }
        let words = words::Words::read(&mut text)?;
        *slot = Some(ScriptPart {
            counts,
            text,
            hant,
            words,
            // The Chinese part has every id as text, and no codes; the MT part none.
            ids: IdReader::new(codes, ids, script == Script::Chinese)?,
            has_ids: script != Script::Mt,
        });
    }
    let hash = b.hash;
    let mut streams = b.streams;
    let [r, cats, years, entry_flags, alias_counts, group_counts, gs, id_stream]: &mut [Reader; BASE_STREAMS] =
        (&mut streams[..]).try_into().expect("BASE_STREAMS readers");
    let names = [0, 1].map(|k| scripts[k].is_none());
    // Only the Chinese part's codes need the table.
    let traditional = if names[Script::Chinese as usize] {
        None
    } else {
        Some(Traditional::new())
    };
    let id_words = words::Words::read(id_stream)?;
    let mut ids = || id_words.str(id_stream);
    let n = r.count_of(total)?.min(limit);
    let mut entries = Vec::with_capacity(n);
    let mut all_groups = Vec::with_capacity(n);
    let mut norms = NormalizedForms::default();
    let mut lazy: Vec<LazyGroup> = Vec::new();
    for _ in 0..n {
        // The English name, from the English part (else from the card part, later).
        let en = match &mut scripts[Script::English as usize] {
            Some(sp) => sp.words.str(&mut sp.text)?,
            None => String::new(),
        };
        // The id: coded against `en` in the English part, whole in the Chinese part (both are
        // read when both are given, and must agree), else from the card part, later.
        let mut id = String::new();
        for (k, sp) in scripts.iter_mut().enumerate() {
            if let Some(sp) = sp.as_mut().filter(|sp| sp.has_ids) {
                let at = sp.ids.pos();
                let read = sp.ids.id(&en)?;
                if k == Script::English as usize || id.is_empty() {
                    id = read;
                } else if read != id {
                    return Err(sp.ids.damaged(
                        at,
                        &format!("the id {read:?} is {id:?} in the English part"),
                    ));
                }
            }
        }
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
        let en_descriptive = entry_flags & ENTRY_EN_DESCRIPTIVE != 0;
        // The Chinese names, from the Chinese part (else from the card part, later).
        let (zh, zh_hant) = match (&mut scripts[Script::Chinese as usize], &traditional) {
            (Some(sp), Some(traditional)) => {
                let zh = sp.words.str(&mut sp.text)?;
                let zh_hant = if entry_flags & ENTRY_HANT_TEXT != 0 {
                    sp.words.str(&mut sp.text)?
                } else {
                    let hants = &mut sp.hant;
                    let at = hants.pos;
                    let mut failed = None;
                    let text =
                        traditional.text(&zh, || hants.int().map_err(|e| failed = Some(e)).ok());
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
                (zh, zh_hant)
            }
            _ => (String::new(), String::new()),
        };
        let aliases = (0..alias_counts.count_of(total)?)
            .map(|_| ids())
            .collect::<Result<Vec<_>, _>>()?;
        let groups = group_counts.count_of(total)?;
        let mut forms: Vec<Form> = Vec::new();
        let mut lens = Vec::with_capacity(groups);
        for _ in 0..groups {
            let before = forms.len();
            let flags = gs.int()?;
            let marker = if flags & (FLAG_NEEDS_SENTENCE | FLAG_NEEDS_TITLE) != 0 {
                GROUP_NEEDS_REASON
            } else {
                0
            };
            // A bench-only build times the templates: their expansion and its forms' norms.
            let _span = (flags & FLAG_TEMPLATE != 0).then(|| crate::timing::span("templates"));
            let chinese = flags & FLAG_CHINESE != 0;
            let kind = match flags & 3 {
                0 => Kind::Official,
                1 => Kind::Media,
                2 => Kind::Mt,
                _ => Kind::SpelledOut,
            };
            let late = !chinese && flags & FLAG_SAME_AS == LATE_ENGLISH;
            // A group of a part that was not given: nothing of it is read.
            let Some(sp) = &mut scripts[Script::of_form(chinese, kind, late) as usize] else {
                lens.push(marker);
                continue;
            };
            let mut base = Form {
                text: String::new(),
                kind,
                since: None,
                until: None,
                note: None,
                needs_context: flags & FLAG_CONTEXT != 0,
                shared: flags & FLAG_SHARED != 0,
                chinese,
                template: None,
                context_reason: None,
                context_needs: if flags & FLAG_NEEDS_SENTENCE != 0 {
                    Some(ContextNeeds::Sentence)
                } else if flags & FLAG_NEEDS_TITLE != 0 {
                    Some(ContextNeeds::TitleCase)
                } else {
                    None
                },
                context_needs_reason: None,
                not_after: Vec::new(),
                not_before: Vec::new(),
            };
            if flags & FLAG_TEMPLATE != 0 {
                // Not expanded here: one placeholder per form (its kind and flags, no text),
                // and the template kept to expand when asked (`lazy.rs`).
                let at = sp.text.pos;
                let t = sp.words.str(&mut sp.text)?;
                let all = template::count(&t).map_err(|e| sp.text.damaged(at, e))?;
                let at = sp.counts.pos;
                let not_forms = sp.counts.int()?;
                let n = sp.counts.count_of(total)?;
                let dropped = (0..n)
                    .map(|_| sp.counts.int())
                    .collect::<Result<Vec<u64>, Error>>()?;
                let count = template_count(all as u64, not_forms, &dropped).map_err(|what| {
                    sp.counts
                        .damaged(at, &format!("template {t:?} of {id:?}: {what}"))
                })?;
                if flags & FLAG_NEIGHBOURS != 0 {
                    read_neighbours(sp, total, &mut base)?;
                }
                lazy.push(LazyGroup {
                    entry: entries.len() as u32,
                    first: forms.len() as u32,
                    count: count as u32,
                    combinations: all as u32,
                    template: t,
                    dropped,
                    normalize: flags & FLAG_NORMALIZE != 0,
                });
                for _ in 0..count {
                    forms.push(base.clone());
                    norms.push_none();
                }
                lens.push(count as u32 | marker);
                continue;
            } else {
                // A late group's same-as code is its mark: its text is always stored.
                let same_as = if late { 0 } else { flags & FLAG_SAME_AS };
                let text = match same_as {
                    SAME_AS_ZH => zh.clone(),
                    SAME_AS_HANT => zh_hant.clone(),
                    SAME_AS_EN => en.clone(),
                    _ => sp.words.str(&mut sp.text)?,
                };
                let template = if flags & FLAG_FROM_TEMPLATE != 0 {
                    Some(sp.words.str(&mut sp.text)?)
                } else {
                    None
                };
                if flags & FLAG_NEIGHBOURS != 0 {
                    read_neighbours(sp, total, &mut base)?;
                }
                forms.push(Form {
                    text,
                    template,
                    ..base
                });
            }
            for f in &forms[before..] {
                norms.push(&f.text, flags & FLAG_NORMALIZE != 0);
            }
            lens.push((forms.len() - before) as u32 | marker);
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
            en_descriptive,
            aliases,
            single_source: None,
            file: String::new(),
        });
    }
    if limit == usize::MAX {
        for s in streams.iter() {
            s.end()?;
        }
        for sp in scripts.iter().flatten() {
            sp.counts.end()?;
            sp.text.end()?;
            sp.hant.end()?;
            sp.ids.end()?;
        }
    }
    let entry_count = entries.len();
    let mut dict = Dictionary::from_entries(entries);
    if !lazy.is_empty() {
        dict.lazy = Some(Box::new(LazyTemplates::new(lazy, entry_count)));
    }
    dict.pending_cards = Some(Box::new(PendingCards {
        hash,
        groups: all_groups,
        names,
        ids: names == [true, true],
    }));
    Ok((dict, norms))
}

/// The number of forms of a template of `all` combinations whose counts in a script part say
/// that `not_forms` of them are not its forms, `dropped` (indices into its distinct
/// expansions) among them: a damaged part's counts are refused, so that an entry never holds
/// more placeholders than its template has forms, nor a dropped expansion it lacks. Checked:
/// the template gives one form at least; no more are dropped than are not its forms (the
/// others are duplicates); the dropped indices are in order, each once, and below the
/// number of its distinct expansions (its forms and the dropped ones). (Whether that number is
/// right is known only by expanding the template: a part damaged so that only it changes is
/// found then, its forms cut to the count.)
fn template_count(all: u64, not_forms: u64, dropped: &[u64]) -> Result<u64, String> {
    let n = dropped.len() as u64;
    if not_forms >= all {
        return Err(format!(
            "it has {all} combinations, and {not_forms} of them are said not to be its forms: it would have no form"
        ));
    }
    if n > not_forms {
        return Err(format!(
            "{n} of its expansions are said to be dropped, more than the {not_forms} combinations that are not its forms"
        ));
    }
    let count = all - not_forms;
    let distinct = count + n;
    if let Some(w) = dropped.windows(2).find(|w| w[0] >= w[1]) {
        return Err(format!(
            "its dropped expansions are not in order ({} after {})",
            w[1], w[0]
        ));
    }
    if let Some(&k) = dropped.iter().find(|&&k| k >= distinct) {
        return Err(format!(
            "dropped expansion {k} is out of range (it has {distinct} distinct expansions)"
        ));
    }
    Ok(count)
}

/// Fills a dictionary read by [`read_match_parts`] (or [`read_match`]) with its card part,
/// whichever script parts were read. Refuses a card part of another build (a stale cached
/// file) and leaves the dictionary unchanged then.
pub fn read_cards(dict: &mut Dictionary, bytes: &[u8]) -> Result<(), Error> {
    let mut r = Reader::new(bytes, "card", CARDS_MAGIC)?;
    let hash = r.take(HASH_LEN)?;
    let hash = u64::from_le_bytes(hash.try_into().expect("8 bytes"));
    let Some(pending) = &dict.pending_cards else {
        return Err(Error::Input(
            "this dictionary has its card part already".into(),
        ));
    };
    if pending.hash != hash {
        return Err(Error::Input(
            "the card part of the dictionary belongs to another build than its match parts (a stale cache?): reload every part".into(),
        ));
    }
    // Five streams: the Chinese names and the English names (for a dictionary read without
    // the Chinese or the English part), the cards entry by entry, and the ids' codes and texts
    // (for a dictionary read without a script part).
    let lens = [r.count()?, r.count()?, r.count()?, r.count()?, r.count()?];
    let mut at = r.pos;
    let mut streams = Vec::with_capacity(5);
    for len in lens {
        let end = at.checked_add(len).filter(|&e| e <= bytes.len());
        let end = end.ok_or_else(|| r.damaged(at, "it ends too early"))?;
        streams.push(Reader {
            bytes: &bytes[..end],
            pos: at,
            part: "card",
        });
        at = end;
    }
    if at != bytes.len() {
        return Err(r.damaged(at, "there are bytes after the last entry"));
    }
    let [mut zh_names, mut en_names, mut r, codes, ids]: [Reader; 5] =
        streams.try_into().ok().expect("five readers");
    let mut ids = IdReader::new(codes, ids, false)?;
    let zh_words = words::Words::read(&mut zh_names)?;
    let en_words = words::Words::read(&mut en_names)?;
    // Read everything first, so a damaged file changes nothing.
    let mut filled = dict.entries.clone();
    for (e, groups) in filled.iter_mut().zip(&pending.groups) {
        let zh = zh_words.str(&mut zh_names)?;
        let zh_hant = zh_words.str(&mut zh_names)?;
        let en = en_words.str(&mut en_names)?;
        let id = ids.id(&en)?;
        if pending.ids {
            e.id = id;
        }
        if pending.names[Script::Chinese as usize] {
            (e.zh, e.zh_hant) = (zh, zh_hant);
        }
        if pending.names[Script::English as usize] {
            e.en = en;
        }
        e.pinyin = r.str()?;
        e.gloss = r.str()?;
        e.explanation = r.str()?;
        e.related = r.strs()?;
        e.sources = r.strs()?;
        e.single_source = r.opt()?;
        e.file = r.str()?;
        let mut k = 0;
        for &len in groups {
            let has_needs_reason = len & GROUP_NEEDS_REASON != 0;
            let len = (len & !GROUP_NEEDS_REASON) as usize;
            let since = r.year()?;
            let until = r.year()?;
            let note = r.opt()?;
            let context_reason = r.opt()?;
            // Written only for a group whose flags (read with the base part) carry
            // `context_needs`: read whether or not its script's part was.
            let needs_reason = if has_needs_reason { r.opt()? } else { None };
            for f in &mut e.forms[k..k + len] {
                f.since = since;
                f.until = until;
                f.note = note.clone();
                f.context_reason = context_reason.clone();
                f.context_needs_reason = needs_reason.clone();
            }
            k += len;
        }
    }
    zh_names.end()?;
    en_names.end()?;
    r.end()?;
    ids.end()?;
    let reindex = pending.ids;
    dict.entries = filled;
    if reindex {
        dict.reindex();
    }
    dict.pending_cards = None;
    // The entries expanded so far lack what the cards add to their forms.
    if let Some(lazy) = &mut dict.lazy {
        lazy.reset();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::template_count;

    /// (name, combinations, said not to be forms, dropped, forms or what the error says)
    const TEMPLATE_COUNTS: &[(&str, u64, u64, &[u64], Result<u64, &str>)] = &[
        ("every_combination_a_form", 4, 0, &[], Ok(4)),
        ("two_dropped", 4, 2, &[0, 2], Ok(2)),
        ("a_duplicate_and_a_dropped", 4, 2, &[1], Ok(2)),
        ("no_form_left", 4, 4, &[], Err("it would have no form")),
        (
            "more_not_forms_than_combinations",
            4,
            9,
            &[],
            Err("it would have no form"),
        ),
        (
            "more_dropped_than_not_forms",
            4,
            1,
            &[0, 2],
            Err("more than the 1 combinations"),
        ),
        (
            "dropped_out_of_order",
            4,
            2,
            &[2, 0],
            Err("not in order (0 after 2)"),
        ),
        (
            "dropped_twice",
            4,
            2,
            &[1, 1],
            Err("not in order (1 after 1)"),
        ),
        (
            "dropped_out_of_range",
            4,
            2,
            &[0, 4],
            Err("dropped expansion 4 is out of range"),
        ),
        // Two forms and one dropped: three distinct expansions, numbered 0 to 2.
        (
            "dropped_past_the_distinct_ones",
            4,
            2,
            &[3],
            Err("(it has 3 distinct expansions)"),
        ),
    ];

    #[test]
    fn template_count_table() {
        for &(name, all, not_forms, dropped, want) in TEMPLATE_COUNTS {
            match (template_count(all, not_forms, dropped), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "case {name}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "case {name}: {got}"),
                (got, want) => panic!("case {name}: {got:?}, want {want:?}"),
            }
        }
    }
}
