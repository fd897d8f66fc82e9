//! Templates read from a compiled match part and expanded only when something asks for their
//! forms. Reading a part does not expand them: the entry holds one placeholder form per
//! expansion (the group's kind and flags, no text), so entry and form indices are those of the
//! whole dictionary. The matcher expands the templates a scoped build needs
//! ([`crate::matching::patterns`]); [`Dictionary::entry`](crate::Dictionary::entry) expands one
//! entry's, [`Dictionary::entries`](crate::Dictionary::entries) every entry's, each once.

use std::sync::OnceLock;

use crate::dictionary::{template, Entry};

/// A template of an entry read from a compiled part, not expanded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LazyGroup {
    /// The entry's index.
    pub entry: u32,
    /// The index of its first form in the entry's forms.
    pub first: u32,
    /// How many forms it gives (the placeholders the entry holds for it).
    pub count: u32,
    /// How many combinations of its options it has ([`template::count`]). When `count` and
    /// the dropped expansions add up to it, every combination is a distinct form.
    pub combinations: u32,
    /// The template.
    pub template: String,
    /// Its expansions that the entry had already when it was compiled (by index, sorted):
    /// they are not its forms.
    pub dropped: Vec<u64>,
    /// Its forms go through the normalizer (see `norms.rs`), else they are only lower-cased.
    pub normalize: bool,
}

impl LazyGroup {
    /// The texts of its forms, in order: its expansions but the dropped ones, at most
    /// [`LazyGroup::count`] (fewer only from a damaged part, whose template the reader found
    /// well formed but whose count is wrong: the placeholders past them then stay empty).
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = template::expand_unchecked(&self.template)
            .into_iter()
            .enumerate()
            .filter(|(k, _)| self.dropped.binary_search(&(*k as u64)).is_err())
            .map(|(_, x)| x)
            .collect();
        out.truncate(self.count as usize);
        out
    }

    /// [`LazyGroup::texts`], each text `None` when it takes an alternative that `ruled_out`
    /// rules out ([`template::expand_unchecked_marked`]): the same forms at the same indices,
    /// only those ruled out are not given.
    pub fn texts_unless(
        &self,
        ruled_out: &mut dyn FnMut(&str, bool, bool) -> bool,
    ) -> Vec<Option<String>> {
        // Every combination a distinct form: those ruled out need not be written (no later
        // form can be their duplicate), and the dropped ones are known by their index.
        if self.count as usize + self.dropped.len() == self.combinations as usize {
            let mut out =
                template::expand_distinct_unless(&self.template, &self.dropped, ruled_out);
            out.truncate(self.count as usize);
            return out;
        }
        let mut out: Vec<Option<String>> =
            template::expand_unchecked_marked(&self.template, ruled_out)
                .into_iter()
                .enumerate()
                .filter(|(k, _)| self.dropped.binary_search(&(*k as u64)).is_err())
                .map(|(_, (x, out))| (!out).then_some(x))
                .collect();
        out.truncate(self.count as usize);
        out
    }
}

/// The templates a dictionary read from compiled parts has not expanded, and the entries
/// expanded so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct LazyTemplates {
    /// In entry order, then form order.
    groups: Vec<LazyGroup>,
    /// Each entry with templates, once expanded ([`LazyTemplates::entry`]).
    expanded: Vec<OnceLock<Box<Entry>>>,
    /// Every entry, once expanded ([`LazyTemplates::all`]).
    all: OnceLock<Vec<Entry>>,
}

impl LazyTemplates {
    /// The templates `groups` (in entry and form order) of a dictionary of `entries` entries.
    pub fn new(groups: Vec<LazyGroup>, entries: usize) -> LazyTemplates {
        LazyTemplates {
            groups,
            expanded: (0..entries).map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
        }
    }

    /// The templates, in entry and form order.
    pub fn groups(&self) -> &[LazyGroup] {
        &self.groups
    }

    /// Forgets the entries expanded so far (their placeholders changed: the cards came).
    pub fn reset(&mut self) {
        self.expanded.iter_mut().for_each(|e| *e = OnceLock::new());
        self.all = OnceLock::new();
    }

    /// The templates of entry `i`.
    fn of(&self, i: usize) -> &[LazyGroup] {
        let from = self.groups.partition_point(|g| (g.entry as usize) < i);
        let to = from + self.groups[from..].partition_point(|g| g.entry as usize == i);
        &self.groups[from..to]
    }

    /// Entry `i` with its templates expanded, from `skeleton`, its placeholders.
    pub fn entry<'a>(&'a self, i: usize, skeleton: &'a Entry) -> &'a Entry {
        let groups = self.of(i);
        if groups.is_empty() {
            return skeleton;
        }
        match self.expanded.get(i) {
            Some(slot) => slot.get_or_init(|| Box::new(expand(skeleton, groups))),
            None => skeleton,
        }
    }

    /// Every entry with its templates expanded, from `skeletons`.
    pub fn all<'a>(&'a self, skeletons: &'a [Entry]) -> &'a [Entry] {
        self.all.get_or_init(|| {
            skeletons
                .iter()
                .enumerate()
                .map(
                    |(i, e)| match self.expanded.get(i).and_then(OnceLock::get) {
                        Some(done) => (**done).clone(),
                        None => expand(e, self.of(i)),
                    },
                )
                .collect()
        })
    }
}

/// `skeleton` with the placeholders of `groups` (its templates) given their texts.
fn expand(skeleton: &Entry, groups: &[LazyGroup]) -> Entry {
    let mut e = skeleton.clone();
    for g in groups {
        for (j, text) in g.texts().into_iter().enumerate() {
            if let Some(f) = e.forms.get_mut(g.first as usize + j) {
                f.text = text;
                f.template = Some(g.template.clone());
            }
        }
    }
    e
}
