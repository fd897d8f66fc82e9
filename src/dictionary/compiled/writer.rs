//! Writing a dictionary's compiled parts ([`write_parts`], [`write`]), with the form groups the
//! match parts store (a template's expansions once, as the template).

use std::collections::HashSet;

use super::codec::{fnv, Writer};
use super::derive::Traditional;
use super::layout::{
    year_code, Script, BASE_MAGIC, BASE_STREAMS, CARDS_MAGIC, ENTRY_EN_DESCRIPTIVE,
    ENTRY_HANT_TEXT, ENTRY_LOCAL, FLAG_CHINESE, FLAG_CONTEXT, FLAG_FROM_TEMPLATE,
    FLAG_NEEDS_SENTENCE, FLAG_NEEDS_TITLE, FLAG_NEIGHBOURS, FLAG_NORMALIZE, FLAG_SHARED,
    FLAG_TEMPLATE, LATE_ENGLISH, SAME_AS_EN, SAME_AS_HANT, SAME_AS_ZH, SCRIPT_MAGIC,
};
use super::{ids as id_codes, late, norms, words};
use crate::dictionary::{template, ContextNeeds, Dictionary, Entry, Form, Kind, CATEGORIES};
use crate::text::normalize::normalize_form;

/// A run of forms that share their attributes: one listed form, or one template's expansions.
struct Group<'a> {
    forms: &'a [Form],
    /// The index of its first form among the entry's forms.
    first: usize,
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
                    first: i,
                    template: Some(t),
                    dropped,
                });
            } else {
                for k in i..j {
                    out.push(Group {
                        forms: &forms[k..k + 1],
                        first: k,
                        template: None,
                        dropped: Vec::new(),
                    });
                }
            }
        } else {
            out.push(Group {
                forms: &forms[i..j],
                first: i,
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

/// The part of each group of `dict`'s entry `entry`: a group is late when each of its forms
/// lengthens another form of the entry (`late.rs`), and then goes to the late part with the
/// machine-translation forms.
fn group_scripts(
    dict: &Dictionary,
    entry: usize,
    groups: &[Group],
    rivals: &late::Rivals,
) -> Vec<Script> {
    let lengthening = late::lengthening(dict, entry, rivals);
    groups
        .iter()
        .map(|g| {
            let late = lengthening[g.first..g.first + g.forms.len()]
                .iter()
                .all(|&l| l);
            Script::of_form(g.forms[0].chinese, g.forms[0].kind, late)
        })
        .collect()
}

/// The part of each form of each entry (see [`super::form_parts`]).
pub(super) fn form_parts(dict: &Dictionary) -> Vec<Vec<Script>> {
    let rivals = late::Rivals::of(dict);
    dict.entries()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let groups = groups(e);
            let scripts = group_scripts(dict, i, &groups, &rivals);
            groups
                .iter()
                .zip(scripts)
                .flat_map(|(g, s)| std::iter::repeat_n(s, g.forms.len()))
                .collect()
        })
        .collect()
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
        a.context_needs,
        &a.context_needs_reason,
        &a.not_after,
        &a.not_before,
    ) == (
        b.kind,
        b.since,
        b.until,
        &b.note,
        b.needs_context,
        b.shared,
        &b.context_reason,
        b.context_needs,
        &b.context_needs_reason,
        &b.not_after,
        &b.not_before,
    )
}

/// The compiled parts of a dictionary ([`write_parts`]): the base part every page needs, a
/// match part per script (the English forms in two: the late ones apart), and the card part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// Ids, categories, years, aliases, and the shape of every entry's forms (how many groups,
    /// each group's flags and script).
    pub base: Vec<u8>,
    /// The English names (`en`), the ids and the text of the English forms but the late ones
    /// ([`Script::English`]): what a page with Latin letters needs first.
    pub english: Vec<u8>,
    /// The Chinese names (`zh`, `zh_hant`) and the text of the Chinese forms
    /// ([`Script::Chinese`]): what a page with Han characters needs.
    pub chinese: Vec<u8>,
    /// The late part ([`Script::Mt`]): the text of the English forms of kind `mt`
    /// (machine-translation renderings) and of those that lengthen another form of their entry
    /// ([`super::form_parts`]): what a page with Latin letters needs as well (the embed fetches
    /// it after its first highlight).
    pub mt: Vec<u8>,
    /// What a tooltip card adds (the names again, pinyin, gloss, explanation, sources, related,
    /// form years and notes), for every entry and form whichever script parts are read.
    pub cards: Vec<u8>,
}

impl Parts {
    /// The part of `script`.
    pub fn script(&self, script: Script) -> &[u8] {
        match script {
            Script::English => &self.english,
            Script::Chinese => &self.chinese,
            Script::Mt => &self.mt,
        }
    }

    /// The base part followed by the three script parts, in one buffer: what [`read_match`]
    /// reads as the whole dictionary (and what [`write()`] returns).
    ///
    /// [`read_match`]: super::read_match
    pub fn matching(&self) -> Vec<u8> {
        [&self.base[..], &self.english, &self.chinese, &self.mt].concat()
    }
}

/// Writes a dictionary's match parts, concatenated (base, English, Chinese, MT: see
/// [`Parts::matching`]), and its card part: `(match parts, card part)`.
pub fn write(dict: &Dictionary) -> (Vec<u8>, Vec<u8>) {
    let parts = write_parts(dict);
    (parts.matching(), parts.cards)
}

/// Writes a dictionary's five compiled parts (what `tifa dict compile` writes as five files).
///
/// The Chinese part carries the traditional → simplified table of the build that writes it: a
/// build without the feature `builtin-t2s` writes the table it installed from a Chinese part
/// it read, or none (a part that such a build refuses to read).
pub fn write_parts(dict: &Dictionary) -> Parts {
    // Each part is written in streams of like data (numbers of each kind, ids, Chinese,
    // traditional codes, English), one after another: it compresses better than entry by
    // entry. What can be derived at load (`zh_hant`) is not stored.
    let mut streams: [Writer; BASE_STREAMS] = std::array::from_fn(|_| Writer(Vec::new()));
    let [m, cats, years, entry_flags, alias_counts, group_counts, g, id_stream] = &mut streams;
    // Per script: the template counts, the texts (written at the end) and, for Chinese, the
    // traditional codes. Each text holds each entry's names in that script (`en`; `zh`, and
    // `zh_hant` when not coded) before its forms, as the forms repeat them.
    let mut counts: [Writer; 3] = std::array::from_fn(|_| Writer(Vec::new()));
    let mut texts: [Vec<String>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut hant = Writer(Vec::new());
    // Unusual categories and aliases (the ids are in the script parts: `ids.rs`).
    let mut ids: Vec<String> = Vec::new();
    // The names again, for the card part: a page without a script's part shows them on cards.
    let (mut card_zh, mut card_en): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut c = Writer(Vec::new());
    let traditional = Traditional::new();
    m.int(dict.entries().len() as u64);
    let rivals = late::Rivals::of(dict);
    for (i, e) in dict.entries().iter().enumerate() {
        texts[Script::English as usize].push(e.en.clone());
        let zh = &mut texts[Script::Chinese as usize];
        zh.push(e.zh.clone());
        let codes = traditional.codes(&e.zh, &e.zh_hant);
        match &codes {
            Some(codes) => codes.iter().for_each(|&k| hant.int(u64::from(k))),
            None => zh.push(e.zh_hant.clone()),
        }
        let cat = CATEGORIES.iter().position(|c| *c == e.category);
        cats.int(cat.map_or(u64::MAX >> 1, |i| i as u64));
        if cat.is_none() {
            ids.push(e.category.clone());
        }
        years.int(year_code(e.since));
        entry_flags.int(
            if e.local { ENTRY_LOCAL } else { 0 }
                | if codes.is_none() { ENTRY_HANT_TEXT } else { 0 }
                | if e.en_descriptive {
                    ENTRY_EN_DESCRIPTIVE
                } else {
                    0
                },
        );
        alias_counts.int(e.aliases.len() as u64);
        ids.extend(e.aliases.iter().cloned());
        let groups = groups(e);
        group_counts.int(groups.len() as u64);
        let scripts = group_scripts(dict, i, &groups, &rivals);

        card_zh.push(e.zh.clone());
        card_zh.push(e.zh_hant.clone());
        card_en.push(e.en.clone());
        c.str(&e.pinyin);
        c.str(&e.gloss);
        c.str(&e.explanation);
        c.strs(&e.related);
        c.strs(&e.sources);
        c.opt(e.single_source.as_deref());
        c.str(&e.file);
        for (grp, &script) in groups.iter().zip(&scripts) {
            let f = &grp.forms[0];
            let kind = match f.kind {
                Kind::Official => 0,
                Kind::Media => 1,
                Kind::Mt => 2,
                Kind::SpelledOut => 3,
            };
            // A late group's text is all in the late part (which may be read without the English
            // part, and so without `en`).
            let late = script == Script::Mt && f.kind != Kind::Mt;
            let same_as = match grp.template {
                Some(_) => 0,
                None if script == Script::Mt => 0,
                None if f.text == e.zh => SAME_AS_ZH,
                None if f.text == e.zh_hant => SAME_AS_HANT,
                None if f.text == e.en => SAME_AS_EN,
                None => 0,
            };
            let flags = kind
                | same_as
                | if f.needs_context { FLAG_CONTEXT } else { 0 }
                | if f.shared { FLAG_SHARED } else { 0 }
                | match f.context_needs {
                    None => 0,
                    Some(ContextNeeds::Sentence) => FLAG_NEEDS_SENTENCE,
                    Some(ContextNeeds::TitleCase) => FLAG_NEEDS_TITLE,
                }
                | if f.not_after.is_empty() && f.not_before.is_empty() {
                    0
                } else {
                    FLAG_NEIGHBOURS
                }
                | if f.chinese { FLAG_CHINESE } else { 0 }
                | if late { LATE_ENGLISH } else { 0 }
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
            // Each script's text in one stream, in entry order: a form is near the other
            // forms it shares words with.
            let script = script as usize;
            let text = &mut texts[script];
            match grp.template {
                Some(t) => {
                    text.push(t.to_string());
                    // How many of its combinations are not its forms (duplicates, dropped):
                    // mostly none, and the reader counts the combinations without expanding.
                    let all = template::count(t).expect("a template of a valid dictionary");
                    counts[script].int((all - grp.forms.len()) as u64);
                    counts[script].int(grp.dropped.len() as u64);
                    for &k in &grp.dropped {
                        counts[script].int(u64::from(k));
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
            if flags & FLAG_NEIGHBOURS != 0 {
                counts[script].int(f.not_after.len() as u64);
                counts[script].int(f.not_before.len() as u64);
                text.extend(f.not_after.iter().chain(&f.not_before).cloned());
            }
            c.int(f.since.map_or(0, u64::from));
            c.int(f.until.map_or(0, u64::from));
            c.opt(f.note.as_deref());
            c.opt(f.context_reason.as_deref());
            // Only a form with `context_needs` (its flag above) has its reason here.
            if f.context_needs.is_some() {
                c.opt(f.context_needs_reason.as_deref());
            }
        }
    }
    words::write(id_stream, &ids, words::Script::Latin);
    let base_body = body(&streams);
    let [english_counts, chinese_counts, mt_counts] = counts;
    let mut bodies = Vec::new();
    // The Chinese part carries the normalizer's traditional → simplified table, for the
    // builds that leave it out (`crate::text::script::install_t2s`).
    let table = Writer(crate::text::script::t2s_bytes().to_vec());
    // The ids: in the English part coded against `en` (`ids.rs`), whole in the Chinese part.
    let (mut en_codes, mut en_ids) = (Writer(Vec::new()), Writer(Vec::new()));
    let named = || {
        dict.entries()
            .iter()
            .map(|e| (e.id.as_str(), e.en.as_str()))
    };
    id_codes::write(&mut en_codes, &mut en_ids, named());
    let mut zh_ids = Writer(Vec::new());
    let all: Vec<String> = dict.entries().iter().map(|e| e.id.clone()).collect();
    words::write(&mut zh_ids, &all, words::Script::Latin);
    for (script, counts, hant, table, codes, ids) in [
        (
            Script::English,
            english_counts,
            Writer(Vec::new()),
            Writer(Vec::new()),
            en_codes,
            en_ids,
        ),
        (
            Script::Chinese,
            chinese_counts,
            hant,
            table,
            Writer(Vec::new()),
            zh_ids,
        ),
        (
            Script::Mt,
            mt_counts,
            Writer(Vec::new()),
            Writer(Vec::new()),
            Writer(Vec::new()),
            // No ids: an empty list, as the reader of a script part expects one.
            {
                let mut none = Writer(Vec::new());
                words::write(&mut none, &[], words::Script::Latin);
                none
            },
        ),
    ] {
        let mut text = Writer(Vec::new());
        let kind = match script {
            Script::English | Script::Mt => words::Script::Latin,
            Script::Chinese => words::Script::Han,
        };
        words::write(&mut text, &texts[script as usize], kind);
        bodies.push(body(&[counts, text, hant, table, codes, ids]));
    }
    // The build hash: of every match part's content. Each part carries it, so parts of
    // different builds are never read together.
    let hash = fnv(&[&base_body[..], &bodies[0], &bodies[1], &bodies[2]].concat()).to_le_bytes();
    let part = |head: &[u8], body: &[u8]| [head, &hash, body].concat();
    let [english, chinese, mt] = [Script::English, Script::Chinese, Script::Mt].map(|s| {
        part(
            &[&SCRIPT_MAGIC[..], &[s as u8]].concat(),
            &bodies[s as usize],
        )
    });
    Parts {
        base: part(BASE_MAGIC, &base_body),
        english,
        chinese,
        mt,
        cards: part(CARDS_MAGIC, &{
            // The names first, in streams of their own (they compress better together), then
            // the cards entry by entry.
            let mut zh = Writer(Vec::new());
            words::write(&mut zh, &card_zh, words::Script::Han);
            let mut en = Writer(Vec::new());
            words::write(&mut en, &card_en, words::Script::Latin);
            // The ids as the English part codes them, for a dictionary read without a
            // script part.
            let (mut codes, mut ids) = (Writer(Vec::new()), Writer(Vec::new()));
            id_codes::write(&mut codes, &mut ids, named());
            body(&[zh, en, c, codes, ids])
        }),
    }
}

/// Streams written one after another, their lengths first.
fn body(streams: &[Writer]) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    for s in streams {
        out.int(s.0.len() as u64);
    }
    for s in streams {
        out.0.extend_from_slice(&s.0);
    }
    out.0
}
