//! The patterns: every surface form of a dictionary, normalized, with the rules that go with
//! it (word boundaries, plural suffix, the context gate's flags), and one automaton
//! ([`super::automaton`]) over all of them written in word tokens ([`super::alphabet`]).
//!
//! Built once per dictionary; the later stages ([`super::candidates`], [`super::gate`],
//! [`super::choose`]) only read it.

use crate::dictionary::budget::{shown, MAX_ENDS_AT_ONE_PLACE};
use crate::dictionary::compiled::{norm_of, NormalizedForms};
use crate::dictionary::template::PLACE_SLOT;
use crate::dictionary::{content_word_starts, ContextNeeds, Dictionary};
use crate::error::{Error, Location, Problem, ProblemKind};
use crate::text::boundary::is_word_char;
use crate::text::is_quote;
use crate::text::normalize::normalize_form;
use crate::text::swar::ByteHasher;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::alphabet::scope::{lacking_word, missing_in, template_lacks, Lookups, Scope};
use super::alphabet::{Alphabet, Starts};
use super::automaton::Automaton;
use super::twins::Twins;

mod form_text;
mod hits;
use form_text::{
    capitals, find, in_every_variant, is_numbered, is_short, plural_suffix, title_words, variants,
};
pub(crate) use hits::Hit;

/// One normalized form in the automaton. `Default` is a pattern of no owner with every rule
/// off: the pieces of slotted forms and tests set only what differs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pattern {
    /// (entry index, form index); more than one only for `shared` forms.
    pub owners: Vec<(u32, u32)>,
    /// The boundary rule applies at the start / at the end.
    pub word_start: bool,
    pub word_end: bool,
    /// An English form of two words or more (a space inside): it may end before a hyphen that
    /// stands for a dash or joins a compound modifier on
    /// ([`crate::text::boundary::hyphen_as_dash`], [`crate::text::boundary::hyphen_before_modifier`]).
    pub several_words: bool,
    /// One of the two pieces of a form with a `{place}` slot ([`Slot`]): the candidates stage
    /// records its hits for joining.
    pub piece: bool,
    /// A piece and nothing else (no form of its own): never a candidate by itself.
    pub hidden: bool,
    /// Which plural suffix may follow: "s", "es" or none.
    plural: Option<&'static str>,
    pub needs_context: bool,
    /// Word starts (byte offsets into the normalized form) that must be capitalized for the
    /// title-case context rule; empty when the rule does not apply.
    pub title_words: Vec<usize>,
    /// One or two English words, or one or two Chinese characters: quotation marks alone do
    /// not make it Party usage (`"core"` in software manuals, `"People's Assessors"` in a
    /// description of another country's courts); a numbered formula is never short.
    pub short: bool,
    /// The form starts with a number word ("Two Establishments"): title case alone marks it
    /// as a Party formula, where a title-cased "State Council" may be any country's.
    pub numbered: bool,
    /// A gated form the dictionary writes in capitals, an acronym that is also a word or a
    /// name (`CAST`, `TAO`, `SARA`): how many letters from the match's start the text must
    /// write in capitals for it to count ("casts", "Tao" never do); 0 for every other form.
    pub capitals: u8,
    /// More than the usual context ([`ContextNeeds`]); for a form several entries list, only
    /// what every one of them asks. With `TitleCase`, `title_words` are the word starts the
    /// text must write in capitals.
    pub needs: Option<ContextNeeds>,
    /// Words that, right before or after the form, show its ordinary sense (the dictionary's
    /// `not_after`, `not_before`), normalized; for a form several entries list, only when
    /// every one of them lists the same.
    pub neighbours: Option<Box<Neighbours>>,
}

/// A gated form's disqualifying neighbours ([`Pattern::neighbours`]), normalized.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Neighbours {
    /// Words that may end right before the form.
    pub after: Vec<String>,
    /// Words that may start right after the form.
    pub before: Vec<String>,
}

impl Neighbours {
    /// The neighbours of `form`, normalized; `None` when it lists none.
    pub fn of(form: &crate::dictionary::Form) -> Option<Box<Neighbours>> {
        if form.not_after.is_empty() && form.not_before.is_empty() {
            return None;
        }
        let norm = |v: &[String]| v.iter().map(|w| normalize_form(w)).collect();
        Some(Box::new(Neighbours {
            after: norm(&form.not_after),
            before: norm(&form.not_before),
        }))
    }

    /// Does the normalized `text` show one of these neighbours next to the match `start..end`:
    /// one of `after` ending right before it, or one of `before` starting right after it, with
    /// at most one space between (after any quotation marks that close or open the match), and
    /// ending (starting) on a word boundary?
    ///
    /// A space and a hyphen between words of a neighbour are the same ("shift-in" is "shift in").
    pub fn show_ordinary_sense(&self, text: &str, start: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        let same = |a: &[u8], b: &[u8]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(&x, &y)| {
                    x == y || (matches!(x, b' ' | b'-') && matches!(y, b' ' | b'-'))
                })
        };
        // Quotation marks around the match do not part it from its neighbour: "zero
        // tolerance" to food is "zero tolerance to food".
        let before = &bytes[..start];
        let before =
            &before[..before.len() - before.iter().rev().take_while(|&&b| is_quote(b)).count()];
        let before = before.strip_suffix(b" ").unwrap_or(before);
        let after = &bytes[end..];
        let after = &after[after.iter().take_while(|&&b| is_quote(b)).count()..];
        let after = after.strip_prefix(b" ").unwrap_or(after);
        let word_at = |i: usize, back: bool| {
            let t = if back { &text[..i] } else { &text[i..] };
            let c = if back {
                t.chars().next_back()
            } else {
                t.chars().next()
            };
            c.is_some_and(is_word_char)
        };
        self.after.iter().any(|w| {
            let w = w.as_bytes();
            before.len() >= w.len()
                && same(&before[before.len() - w.len()..], w)
                && !word_at(before.len() - w.len(), true)
        }) || self.before.iter().any(|w| {
            let w = w.as_bytes();
            let at = end + (bytes.len() - end - after.len());
            after.len() >= w.len() && same(&after[..w.len()], w) && !word_at(at + w.len(), false)
        })
    }
}

/// A form with a `{place}` slot ([`crate::dictionary::template::PLACE_SLOT`]): the two
/// literal pieces the automaton finds, and the pattern a joined match reports.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// The pattern of the whole form (in no automaton: candidates name it when they join).
    pub pattern: u32,
    /// The patterns of the words before and after the slot.
    pub before: u32,
    pub after: u32,
}

/// Every form of one dictionary, compiled into one automaton.
#[derive(Debug, Clone)]
pub(crate) struct Patterns {
    /// Token numbers for every form ([`super::alphabet`]): the automaton's alphabet.
    pub alphabet: Alphabet,
    /// Over the forms written in tokens; its pattern `k` stands for form `hits[k].pattern`.
    pub ac: Automaton,
    /// Where a form may start, from a token's first bytes: what the search skips.
    pub starts: Starts,
    /// For each automaton pattern, the form (index into `list`) it stands for (the form
    /// itself or the form with its plural suffix), with what a hit of it reads ([`Hit`]).
    pub hits: Vec<Hit>,
    /// The distinct normalized forms.
    list: Vec<Pattern>,
    /// Each form's first owner ([`Patterns::owner`]) and whether it needs context
    /// ([`Patterns::gated`]), apart from `list`: what every match reads, eight bytes a form
    /// and one bit, where a [`Pattern`] is two lines of cache and its owners a third.
    first_owners: Vec<(u32, u32)>,
    gated: Vec<u64>,
    /// Each entry's category, for the document rule.
    categories: Vec<String>,
    /// The forms with a `{place}` slot.
    pub slots: Vec<Slot>,
    /// Patterns of the same tokens that differ in their separators.
    pub twins: Twins,
    /// For a scoped build ([`Patterns::scoped`]): the scope, and the words that kept forms
    /// out of it (one per form left out). `None`: every form is in.
    pub scope: Option<Box<(Scope, Scope)>>,
}

impl Patterns {
    /// Builds the automaton over every form of every entry.
    pub fn new(dict: &Dictionary) -> Result<Patterns, Error> {
        Patterns::with_normalized(dict, &NormalizedForms::of(dict))
    }

    /// [`Patterns::new`] with every form of `dict` normalized already (`norms`, in the
    /// dictionary's order: what a compiled match part gives at little cost).
    pub fn with_normalized(dict: &Dictionary, norms: &NormalizedForms) -> Result<Patterns, Error> {
        Patterns::scoped(dict, norms, None)
    }

    /// [`Patterns::with_normalized`] with only the forms whose tokens `scope` holds all of
    /// (for a form that may take a plural, its last word or its plural), when `scope` is given:
    /// the others cannot match a text whose tokens the scope holds. What is left keeps the
    /// order it has in the whole build, so the candidates of such a text, their order and
    /// everything made from them are the same. Each form left out records one word it lacks
    /// (the first; a last word with its plural), so that [`Patterns::covers`] can tell cheaply
    /// whether another text could match a form left out.
    pub fn scoped(
        dict: &Dictionary,
        norms: &NormalizedForms,
        scope: Option<&Scope>,
    ) -> Result<Patterns, Error> {
        let mut blocked = Scope::new();
        // The plural suffix a form's last word may take (the automaton holds it with it).
        let plural_of = |norm: &str, chinese: bool| {
            if chinese || !norm.chars().last().is_some_and(is_word_char) {
                None
            } else {
                plural_suffix(norm)
            }
        };
        // The entries as read: a template of a compiled part not expanded yet has placeholders
        // there (kind and flags right, no text), and is expanded here only if the scope does
        // not rule all its forms out.
        let entries = dict.entries_as_read();
        let lazy = dict.lazy_templates();
        let forms: usize = entries.iter().map(|e| e.forms.len()).sum();
        debug_assert_eq!(forms, norms.len());
        let mut k = 0;
        // The forms of the templates expanded here: (text, normalized text).
        let mut here: Vec<(String, String)> = Vec::new();
        // Where a form's normalized text is: in `norms` (form `k`) or in `here`.
        enum At {
            Read(usize),
            Here(usize),
        }
        // The dictionary's own forms (each with what it asks of capitals).
        let mut own: Vec<(At, (u32, u32), u8)> = Vec::with_capacity(forms);
        // The last template looked at, and whether the scope lacks a word all its forms hold:
        // then its forms (and their variants) are left out without looking at each.
        let mut template: Option<(&str, bool)> = None;
        let mut next_lazy = 0;
        for (ei, entry) in entries.iter().enumerate() {
            let mut fi = 0;
            while fi < entry.forms.len() {
                let form = &entry.forms[fi];
                let owner = (ei as u32, fi as u32);
                let group = lazy
                    .get(next_lazy)
                    .filter(|g| g.entry == owner.0 && g.first == owner.1);
                // One template's forms, or one form.
                let t = match group {
                    Some(g) => Some(g.template.as_str()),
                    None => form.template.as_deref(),
                };
                let n = group.map_or(1, |g| g.count as usize);
                if let (Some(scope), Some(t), false) = (scope, t, form.chinese) {
                    let lacks = match template {
                        Some((last, lacks)) if last == t => lacks,
                        _ => {
                            let lacking = if t.contains(PLACE_SLOT) {
                                Vec::new()
                            } else {
                                template_lacks(scope, t)
                            };
                            for (word, plural) in &lacking {
                                blocked.insert(word);
                                if let Some(p) = plural {
                                    blocked.insert(p);
                                }
                            }
                            template = Some((t, !lacking.is_empty()));
                            !lacking.is_empty()
                        }
                    };
                    if lacks {
                        next_lazy += usize::from(group.is_some());
                        k += n;
                        fi += n;
                        continue;
                    }
                }
                match group {
                    Some(g) => {
                        let _span = crate::timing::span("expand");
                        next_lazy += 1;
                        // A scoped build does not look at the forms that take an alternative
                        // with a word the scope lacks (`lacking_word`, as `template_lacks`
                        // asks of a whole group): the word keeps them out of `covers`. They
                        // are still counted, so the other forms keep their indices.
                        let texts = match (scope, form.chinese || g.template.contains(PLACE_SLOT)) {
                            (Some(scope), false) => g.texts_unless(&mut |alt, start, end| {
                                let Some((word, plural)) =
                                    lacking_word(scope, alt.as_bytes(), start, end)
                                else {
                                    return false;
                                };
                                blocked.insert(&word);
                                if let Some(p) = &plural {
                                    blocked.insert(p);
                                }
                                true
                            }),
                            _ => g.texts().into_iter().map(Some).collect(),
                        };
                        for (j, text) in texts.into_iter().enumerate() {
                            let Some(text) = text else {
                                continue;
                            };
                            let norm = norm_of(&text, g.normalize);
                            if norm.is_empty() {
                                continue;
                            }
                            let owner = (owner.0, owner.1 + j as u32);
                            own.push((
                                At::Here(here.len()),
                                owner,
                                capitals(&text, form.needs_context),
                            ));
                            here.push((text, norm));
                        }
                    }
                    None => {
                        let norm = norms.get(k);
                        if !norm.is_empty() {
                            own.push((
                                At::Read(k),
                                owner,
                                capitals(&form.text, form.needs_context),
                            ));
                        }
                    }
                }
                k += n;
                fi += n;
            }
        }
        // Each distinct token of the forms tested looked up in the scope once.
        let mut lookups = scope.map(Lookups::new);
        // The forms kept, each with whether the scope was found to hold its tokens, then the
        // derived variants, which never take a form another entry lists. A form the scope
        // lacks a word of that all its variants hold too (a word between spaces or at an end,
        // not `the`, without a hyphen beside it: `in_every_variant`) goes with its variants
        // without making them; the word keeps them all out of `covers`.
        let mut kept: Vec<(&str, (u32, u32), u8, bool)> = Vec::with_capacity(own.len());
        let mut derived: Vec<(String, (u32, u32))> = Vec::new();
        for (at, owner, caps) in &own {
            let norm = match *at {
                At::Read(k) => norms.get(k),
                At::Here(i) => here[i].1.as_str(),
            };
            let chinese = entries[owner.0 as usize].forms[owner.1 as usize].chinese;
            let mut tested = false;
            // (A `{place}` form is tested by its two pieces, below.)
            if let (Some(l), false) = (&mut lookups, norm.contains(PLACE_SLOT)) {
                if let Some(m) = missing_in(l, norm, plural_of(norm, chinese)) {
                    let every = chinese || in_every_variant(norm, &m);
                    l.block(&mut blocked, m);
                    if !every {
                        derived.extend(variants(norm, chinese).into_iter().map(|v| (v, *owner)));
                    }
                    continue;
                }
                tested = true;
            }
            derived.extend(variants(norm, chinese).into_iter().map(|v| (v, *owner)));
            kept.push((norm, *owner, *caps, tested));
        }
        // (normalized text, owner, a variant, capitals, the scope holds every token)
        type Item<'a> = (&'a str, (u32, u32), bool, u8, bool);
        let mut items: Vec<Item> = Vec::with_capacity(kept.len() + derived.len());
        items.extend(
            kept.iter()
                .map(|&(norm, owner, caps, tested)| (norm, owner, false, caps, tested)),
        );
        items.extend(
            derived
                .iter()
                .map(|(v, owner)| (v.as_str(), *owner, true, 0, false)),
        );
        let mut index: HashMap<&str, usize, BuildHasherDefault<ByteHasher>> = HashMap::default();
        index.reserve(items.len());
        let mut texts: Vec<&str> = Vec::with_capacity(items.len());
        let mut patterns: Vec<Pattern> = Vec::with_capacity(items.len());
        // Forms with a `{place}` slot, after all the others (their pieces may be forms too).
        let mut slotted: Vec<(&str, usize, (u32, u32))> = Vec::new();
        for &(norm, owner, is_variant, caps, tested) in &items {
            let form = &entries[owner.0 as usize].forms[owner.1 as usize];
            if !form.chinese && norm.as_bytes().contains(&b'{') {
                if let Some(at) = find(norm, PLACE_SLOT) {
                    slotted.push((norm, at, owner));
                    continue;
                }
            }
            {
                if let Some(&pi) = index.get(norm) {
                    let p = &mut patterns[pi];
                    if !is_variant && !p.owners.iter().any(|&(e, _)| e == owner.0) {
                        p.owners.push(owner);
                    }
                    // Capitals are required only when every form of the text asks for them.
                    if !is_variant && caps == 0 {
                        p.capitals = 0;
                    }
                    // So are the words that show the ordinary sense.
                    if !is_variant && p.neighbours != Neighbours::of(form) {
                        p.neighbours = None;
                    }
                    // So is more context.
                    if !is_variant && p.needs != form.context_needs {
                        p.needs = None;
                        p.title_words = if p.needs_context && p.numbered {
                            title_words(norm)
                        } else {
                            Vec::new()
                        };
                    }
                    continue;
                }
                if let (Some(l), false) = (&mut lookups, tested) {
                    if let Some(m) = missing_in(l, norm, plural_of(norm, form.chinese)) {
                        l.block(&mut blocked, m);
                        continue;
                    }
                }
                let (word_start, word_end, plural) = if form.chinese {
                    (false, false, None)
                } else {
                    (
                        norm.chars().next().is_some_and(is_word_char),
                        norm.chars().last().is_some_and(is_word_char),
                        plural_suffix(norm),
                    )
                };
                let short = is_short(norm, form.chinese);
                let numbered = is_numbered(norm);
                // Only the gate reads them, for a gated numbered formula ("the Two Upholds").
                let needs = form.context_needs.filter(|_| form.needs_context);
                let title = if needs == Some(ContextNeeds::TitleCase) && !form.chinese {
                    content_word_starts(norm)
                } else if form.chinese || !(form.needs_context && numbered) {
                    Vec::new()
                } else {
                    title_words(norm)
                };
                index.insert(norm, patterns.len());
                texts.push(norm);
                patterns.push(Pattern {
                    owners: vec![owner],
                    word_start,
                    word_end,
                    several_words: !form.chinese && norm.contains(' '),
                    piece: false,
                    hidden: false,
                    plural,
                    needs_context: form.needs_context,
                    title_words: title,
                    short: short && !numbered,
                    numbered,
                    capitals: caps,
                    needs,
                    neighbours: Neighbours::of(form).filter(|_| form.needs_context),
                });
            }
        }
        // The pieces of the slotted forms: a form's pattern when one is the same text, else a
        // hidden one; then the slotted forms themselves, after every pattern of the automaton.
        let mut slot_seen: Vec<&str> = Vec::new();
        let mut pending: Vec<(u32, u32, (u32, u32), &str)> = Vec::new();
        for &(norm, at, owner) in &slotted {
            if slot_seen.contains(&norm) {
                continue;
            }
            slot_seen.push(norm);
            let before = norm[..at].trim_end();
            let after = norm[at + PLACE_SLOT.len()..].trim_start();
            if let Some(l) = &mut lookups {
                let lacking = missing_in(l, before, plural_of(before, false))
                    .or_else(|| missing_in(l, after, plural_of(after, false)));
                if let Some(m) = lacking {
                    l.block(&mut blocked, m);
                    continue;
                }
            }
            let mut ids = [0u32; 2];
            for (k, text) in [before, after].into_iter().enumerate() {
                if let Some(&pi) = index.get(text) {
                    patterns[pi].piece = true;
                    ids[k] = pi as u32;
                    continue;
                }
                ids[k] = patterns.len() as u32;
                index.insert(text, patterns.len());
                texts.push(text);
                patterns.push(Pattern {
                    owners: vec![owner],
                    word_start: text.chars().next().is_some_and(is_word_char),
                    word_end: text.chars().last().is_some_and(is_word_char),
                    piece: true,
                    hidden: true,
                    // A plural after the place: "… County Party Committees".
                    plural: if k == 1 { plural_suffix(text) } else { None },
                    ..Pattern::default()
                });
            }
            let (b, a) = (ids[0], ids[1]);
            pending.push((b, a, owner, norm));
        }
        let mut slots = Vec::with_capacity(pending.len());
        for (before, after, owner, norm) in pending {
            let form = &entries[owner.0 as usize].forms[owner.1 as usize];
            slots.push(Slot {
                pattern: patterns.len() as u32,
                before,
                after,
            });
            patterns.push(Pattern {
                owners: vec![owner],
                word_start: true,
                word_end: true,
                several_words: true,
                needs_context: form.needs_context,
                numbered: is_numbered(norm),
                needs: form.context_needs.filter(|_| form.needs_context),
                neighbours: Neighbours::of(form).filter(|_| form.needs_context),
                ..Pattern::default()
            });
        }
        // Each form, and each form that takes a plural with its suffix: a plural is a
        // different word token, the form's last token with the suffix.
        let _span = crate::timing::span("automaton");
        let mut alphabet = Alphabet::new();
        let mut flat: Vec<u32> = Vec::with_capacity(texts.len() * 8);
        let mut bounds: Vec<u32> = Vec::with_capacity(texts.len() * 2 + 1);
        bounds.push(0);
        let mut ac_patterns = Vec::with_capacity(texts.len() * 2);
        let mut word = String::new();
        let mut edge_quotes = Vec::with_capacity(texts.len());
        for (pi, (text, p)) in texts.iter().zip(&patterns).enumerate() {
            let count = |it: &mut dyn Iterator<Item = u8>| {
                it.take_while(|&b| is_quote(b)).count().min(255) as u8
            };
            edge_quotes.push((count(&mut text.bytes()), count(&mut text.bytes().rev())));
            let from = flat.len();
            // Quotation marks are no tokens (`QUOTE`): a form is found with or without them.
            alphabet.add_form_to(text, &mut flat);
            let to = flat.len();
            bounds.push(to as u32);
            ac_patterns.push(pi as u32);
            let ends_in_word = text.chars().next_back().is_some_and(is_word_char);
            if let (true, Some(suffix), true) = (p.word_end, p.plural, to > from && ends_in_word) {
                // The same tokens with the last word's plural in place of the word.
                let start = text
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_word_char(c))
                    .last()
                    .map_or(text.len(), |(i, _)| i);
                word.clear();
                word.push_str(&text[start..]);
                word.push_str(suffix);
                flat.extend_from_within(from..to - 1);
                let plural = alphabet.add(&word);
                flat.push(plural);
                bounds.push(flat.len() as u32);
                ac_patterns.push(pi as u32);
            }
        }
        let ac = Automaton::from_flat(&flat, &bounds, alphabet.size());
        if let (n, Some(k)) = ac.most_ends() {
            if n > MAX_ENDS_AT_ONE_PLACE {
                let (e, f) = patterns[ac_patterns[k as usize] as usize].owners[0];
                let entry = dict.entry(e as usize).expect("an entry of the dictionary");
                let at = Location {
                    file: entry.file.clone(),
                    line: None,
                    column: None,
                    entry: Some(entry.id.clone()),
                    field: Some("forms".into()),
                };
                return Err(Problem::new(
                    at,
                    ProblemKind::Invalid,
                    format!(
                        "form {} and {} other forms that end like it can all end at the same place of a text; \
                         at most {MAX_ENDS_AT_ONE_PLACE} may, or every text would be matched that many times over \
                         (forms nested in one another, such as 中中, 中中中, 中中中中…: keep fewer of them)",
                        shown(&entry.forms[f as usize].text),
                        n - 1
                    ),
                )
                .into());
            }
        }
        let categories = entries.iter().map(|e| e.category.clone()).collect();
        let starts = Starts::new(&alphabet, |t| ac.starts_with(t));
        let twins = Twins::new(&ac, &ac_patterns, &texts);
        // For each form, how many quotation marks it starts and ends with (`“三公”经费`: 1, 0).
        // They are no tokens ([`super::alphabet::QUOTE`]): a match spans up to that many of
        // the text's next to it.
        let hits = ac_patterns
            .iter()
            .enumerate()
            .map(|(k, &pi)| {
                let quotes = edge_quotes[pi as usize];
                Hit::new(pi, &patterns[pi as usize], quotes, twins.has(k as u32))
            })
            .collect();
        let first_owners = patterns.iter().map(|p| p.owners[0]).collect();
        let mut gated = vec![0u64; patterns.len().div_ceil(64)];
        for (pi, p) in patterns.iter().enumerate() {
            gated[pi / 64] |= u64::from(p.needs_context) << (pi % 64);
        }
        Ok(Patterns {
            alphabet,
            ac,
            starts,
            hits,
            first_owners,
            gated,
            list: patterns,
            categories,
            slots,
            twins,
            scope: scope.map(|s| Box::new((s.clone(), blocked))),
        })
    }

    /// Does this build find in the normalized text `norm` all that the whole build finds? Always
    /// for a build with every form; for a scoped one, when `norm` holds none of the words that
    /// kept forms out ([`Patterns::scoped`]): every form left out lacks one of them, so it
    /// cannot match.
    pub fn covers(&self, norm: &str) -> bool {
        match &self.scope {
            None => true,
            Some(b) => !b.1.meets(norm),
        }
    }

    /// Number of distinct normalized forms.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Pattern `pi` (a [`super::candidates::RawMatch::pattern`]).
    pub fn get(&self, pi: u32) -> &Pattern {
        &self.list[pi as usize]
    }

    /// The (entry index, form index) a match of pattern `pi` reports: its first owner.
    #[inline]
    pub fn owner(&self, pi: u32) -> (usize, usize) {
        let (e, f) = self.first_owners[pi as usize];
        (e as usize, f as usize)
    }

    /// Does pattern `pi` need context ([`Pattern::needs_context`])?
    #[inline]
    pub fn gated(&self, pi: u32) -> bool {
        self.gated[pi as usize / 64] >> (pi % 64) & 1 != 0
    }

    /// The category of entry `entry`.
    pub fn category(&self, entry: usize) -> &str {
        &self.categories[entry]
    }
}
