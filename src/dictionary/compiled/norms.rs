//! Every form of a dictionary, normalized: what the matching stage builds its automaton from.
//!
//! From TOML, every form goes through the normalizer ([`NormalizedForms::of`]). From a match
//! part, most forms do not need to: `tifa dict compile` marks the groups of forms whose
//! normalized text is not simply their text with ASCII letters lower-cased (curly quotes,
//! full-width punctuation, traditional characters…), and only those are normalized at load
//! ([`NormalizedForms::push`]). Both give the same texts (the writer checks every form).

use crate::dictionary::Dictionary;
use crate::text::normalize::normalize_form;

/// The normalized text of every form of a dictionary, entry by entry, form by form, in one
/// buffer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NormalizedForms {
    text: String,
    /// Where each form's text ends in `text`.
    ends: Vec<u32>,
}

/// The normalized text of `text` is `text` with its ASCII letters lower-cased: the forms the
/// loader need not normalize.
pub(super) fn lowercase_is_normal(text: &str) -> bool {
    let norm = normalize_form(text);
    norm.len() == text.len()
        && norm
            .bytes()
            .zip(text.bytes())
            .all(|(n, t)| n == t.to_ascii_lowercase())
}

/// The normalized text of a form: `text` through the normalizer when `normalize`, else `text`
/// with its ASCII letters lower-cased (see [`NormalizedForms::push`]).
pub(crate) fn norm_of(text: &str, normalize: bool) -> String {
    if normalize {
        normalize_form(text)
    } else {
        text.to_ascii_lowercase()
    }
}

impl NormalizedForms {
    /// Every form of `dict`, each through the normalizer.
    pub(crate) fn of(dict: &Dictionary) -> NormalizedForms {
        let mut out = NormalizedForms::default();
        for f in dict.entries().iter().flat_map(|e| &e.forms) {
            out.push(&f.text, true);
        }
        out
    }

    /// Adds the next form: normalized by the normalizer when `normalize`, else `text` with its
    /// ASCII letters lower-cased (what the normalizer gives for a form marked so at compile
    /// time).
    pub(super) fn push(&mut self, text: &str, normalize: bool) {
        if normalize {
            self.text.push_str(&normalize_form(text));
        } else {
            let start = self.text.len();
            self.text.push_str(text);
            self.text[start..].make_ascii_lowercase();
        }
        self.ends.push(self.text.len() as u32);
    }

    /// Adds a form not normalized yet (a placeholder of a template read from a compiled part,
    /// not expanded: see `lazy.rs`): its text here is empty.
    pub(super) fn push_none(&mut self) {
        self.ends.push(self.text.len() as u32);
    }

    /// The normalized text of form `k` (counting every form of every entry, in order).
    pub(crate) fn get(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.text[start..self.ends[k] as usize]
    }

    /// The number of forms.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, form, can the loader lower-case it instead of normalizing it)
    const CASES: &[(&str, &str, bool)] = &[
        ("lower case", "two upholds", true),
        ("capitals", "Two Upholds", true),
        ("simplified chinese", "两个维护", true),
        ("curly quotes", "the “two upholds”", false),
        ("traditional", "兩個維護", false),
        ("full-width comma", "留得青山，赢得未来", false),
        ("double space", "two  upholds", false),
        ("en dash", "Marxism–Leninism", false),
    ];

    #[test]
    fn which_forms_need_the_normalizer() {
        for &(name, text, lower) in CASES {
            assert_eq!(lowercase_is_normal(text), lower, "case {name}");
            let mut fast = NormalizedForms::default();
            fast.push(text, !lower);
            let mut slow = NormalizedForms::default();
            slow.push(text, true);
            assert_eq!(fast, slow, "case {name}");
            assert_eq!(fast.get(0), normalize_form(text), "case {name}");
        }
    }
}
