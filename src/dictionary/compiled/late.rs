//! Which English forms can wait for the late part: a form that lengthens another form of its
//! own entry, where no form of another entry could take that shorter form's place. Wherever
//! such a form matches, the shorter one matches inside it, so the embed's first highlight (read
//! without the late part) already marks the same entry there, with the same card; the late
//! part, fetched right after it, only lengthens the mark.
//!
//! The late part is the one that holds the machine-translation forms ([`Script::Mt`]): the
//! embed fetches it after its first highlight and matches the page again with the whole
//! dictionary (`refreshTree` in `www/lib/highlight.js`).
//!
//! [`Script::Mt`]: super::Script::Mt

use std::collections::HashMap;

use crate::dictionary::{Dictionary, Entry, Form, Kind};
use crate::text::normalize::normalize_form;

/// A form the English part can hold: English, not of kind `mt` (late anyway), no `{place}`.
fn english(f: &Form) -> bool {
    !f.chinese && f.kind != Kind::Mt && !f.text.contains('{')
}

/// A form's words as the shorter-form test compares them: what spaces separate in the
/// normalized text, without the double quotes around them (a quote is a word boundary).
fn words(f: &Form) -> Vec<String> {
    normalize_form(&f.text)
        .split(' ')
        .map(|w| w.trim_matches('"'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A word's pieces as the rival test compares them, more loosely than the matcher does (cut at
/// hyphens and apostrophes, punctuation around them dropped: "Politburo's" holds "Politburo"),
/// so that a rival is never missed.
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    word.split(['-', '\'', '’'])
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
}

/// Every English form (of any kind, with or without context: more than the English part may
/// hold, so that no rival is missed), by its pieces joined with spaces, with the entries (by
/// index) that have it.
pub(super) struct Rivals {
    owners: HashMap<String, Vec<u32>>,
}

impl Rivals {
    /// The rivals of a dictionary's forms.
    pub(super) fn of(dict: &Dictionary) -> Rivals {
        let mut owners: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in dict.entries().iter().enumerate() {
            for f in e.forms.iter().filter(|f| !f.chinese) {
                let w = words(f);
                let key: Vec<&str> = w.iter().flat_map(|w| pieces(w)).collect();
                let list = owners.entry(key.join(" ")).or_default();
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Rivals { owners }
    }

    /// Whether a form of another entry than `entry`, among `loose` (a longer form's pieces),
    /// starts before `start` and ends after it, or starts at `start` and ends after `end`:
    /// the matcher (leftmost, then longest) would take it in place of the shorter form at
    /// `start..end` where the late part is missing.
    fn take_place(&self, loose: &[&str], entry: u32, start: usize, end: usize) -> bool {
        (0..=start).any(|a| {
            (a + 1..=loose.len()).any(|b| {
                let over = if a < start { b > start } else { b > end };
                over && self
                    .owners
                    .get(&loose[a..b].join(" "))
                    .is_some_and(|o| o.iter().any(|&k| k != entry))
            })
        })
    }
}

/// For each of `dict.entries()[entry]`'s forms, whether it lengthens another of its forms: an
/// English form (not of kind `mt`, which is late anyway) whose words hold, whole and in order,
/// the words of a shorter English form of the entry that needs no context and is not of kind
/// `mt` (that form then matches wherever this one does, on the same entry), at a place where no
/// form of another entry would take its place ([`Rivals`]). Words are compared exactly, so a
/// hyphenated word or a word with a comma attached holds no shorter form: a form found inside
/// one only after the matcher's folding is not counted, and the form stays in the English part.
///
/// ```text
/// "resolutely uphold the Two Upholds" lengthens "Two Upholds"      (late)
/// "Two Upholds"                       lengthens nothing           (English part)
/// "Party-building work"               does not hold "Party"        (English part)
/// "deepening reform and opening up"   holds "reform and opening up", but "deepening
///                                     reform" (another entry) starts first (English part)
/// ```
pub(super) fn lengthening(dict: &Dictionary, entry: usize, rivals: &Rivals) -> Vec<bool> {
    let e: &Entry = &dict.entries()[entry];
    let shorter: Vec<Vec<String>> = e
        .forms
        .iter()
        .filter(|f| english(f) && !f.needs_context)
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    e.forms
        .iter()
        .map(|f| {
            if !english(f) {
                return false;
            }
            let w = words(f);
            // Where each word's pieces start, and one past the last piece.
            let mut at = Vec::with_capacity(w.len() + 1);
            let mut loose: Vec<&str> = Vec::new();
            for word in &w {
                at.push(loose.len());
                loose.extend(pieces(word));
            }
            at.push(loose.len());
            shorter.iter().filter(|s| s.len() < w.len()).any(|s| {
                (0..=w.len() - s.len()).any(|p| {
                    w[p..p + s.len()] == s[..]
                        && !rivals.take_place(&loose, entry as u32, at[p], at[p + s.len()])
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One `[[term]]` block: its id, `zh`, `en` and forms, (text, kind, needs context) each.
    fn term(id: &str, zh: &str, en: &str, forms: &[(&str, &str, bool)]) -> String {
        let forms: Vec<String> = forms
            .iter()
            .map(|(t, k, c)| {
                let gate = if *c {
                    ", needs_context = true, context_reason = \"a test\""
                } else {
                    ""
                };
                format!("{{ text = {t:?}, kind = {k:?}{gate} }}")
            })
            .collect();
        format!(
            "[[term]]\nid = {id:?}\nzh = {zh:?}\npinyin = \"liǎng\"\nen = {en:?}\n\
             category = \"leadership\"\nsince = 2016\ngloss = \"A gloss.\"\n\
             explanation = \"An explanation.\"\nsources = [\"A, 1 Jan 2016\", \"B, 2 Feb 2017\"]\n\
             forms = [{}]\n",
            forms.join(", ")
        )
    }

    /// A dictionary of one entry with these forms. Its `en` is the first form (or "Two
    /// Upholds" when that is Chinese), so the only form the loader adds is `zh`, last.
    fn entry(forms: &[(&str, &str, bool)]) -> Dictionary {
        let en = match forms[0].0 {
            t if t.chars().any(|c| c.is_ascii_alphabetic()) => t,
            _ => "Two Upholds",
        };
        let toml = term("two-upholds", "两个维护", en, forms);
        Dictionary::from_toml("test.toml", &toml).expect("a valid test entry")
    }

    #[test]
    fn lengthening_table() {
        // (name, forms, which lengthen another)
        let cases: &[(&str, &[(&str, &str, bool)], &[bool])] = &[
            (
                "holds_a_shorter_form",
                &[
                    ("Two Upholds", "official", false),
                    ("resolutely uphold the Two Upholds", "official", false),
                ],
                &[false, true],
            ),
            (
                "case_and_quotes_fold",
                &[
                    ("two upholds", "media", false),
                    ("achieve the “Two Upholds”", "media", false),
                ],
                &[false, true],
            ),
            (
                "shorter_form_needs_context",
                &[
                    ("two safeguards", "media", true),
                    ("resolutely achieve the two safeguards", "media", false),
                ],
                &[false, false],
            ),
            (
                "shorter_form_is_mt",
                &[
                    ("two maintenances", "mt", false),
                    ("achieve the two maintenances", "media", false),
                ],
                &[false, false],
            ),
            (
                "mt_form_stays_mt",
                &[
                    ("Two Upholds", "official", false),
                    ("firmly the Two Upholds", "mt", false),
                ],
                &[false, false],
            ),
            (
                "hyphenated_word_holds_no_form",
                &[
                    ("Two Upholds", "official", false),
                    ("Two-Upholds requirement", "media", false),
                ],
                &[false, false],
            ),
            (
                "comma_attached_word_holds_no_form",
                &[
                    ("two upholds", "media", false),
                    ("two upholds, firmly", "media", false),
                ],
                &[false, false],
            ),
            (
                "part_of_a_word_is_no_form",
                &[
                    ("Two Uphold", "media", false),
                    ("the Two Upholds pledge", "media", false),
                ],
                &[false, false],
            ),
            (
                "chinese_forms_stay",
                &[
                    ("两个维护", "official", false),
                    ("做到两个维护", "official", false),
                ],
                &[false, false],
            ),
        ];
        for (name, forms, want) in cases {
            let dict = entry(forms);
            let got = lengthening(&dict, 0, &Rivals::of(&dict));
            assert_eq!(&got[..forms.len()], *want, "{name}");
        }
    }

    #[test]
    fn rivals_of_another_entry_table() {
        // (name, the other entry's form, whether "deepening reform and opening up" is late)
        let cases = [
            ("starts_first", "deepening reform", false),
            ("same_start_longer", "reform and opening up policy", true),
            ("same_start_and_longer_inside", "reform and opening", true),
            ("inside_the_shorter_form", "opening up", true),
            ("hyphenated_rival_still_seen", "deepening-reform", false),
            (
                "rival_needing_context_still_seen",
                "deepening reform",
                false,
            ),
        ];
        for (name, other, want) in cases {
            let gated = name.ends_with("context_still_seen");
            let long = [("deepening reform and opening up", "media", false)];
            let toml = term("a", "改革开放", "reform and opening up", &long)
                + &term("b", "深化改革", "other entry", &[(other, "media", gated)]);
            let dict = Dictionary::from_toml("test.toml", &toml).expect("valid test entries");
            let got = lengthening(&dict, 0, &Rivals::of(&dict));
            assert_eq!(got[0], want, "{name}");
        }
    }

    #[test]
    fn pieces_table() {
        // (word, its pieces for the rival test)
        let cases: &[(&str, &[&str])] = &[
            ("politburo's", &["politburo", "s"]),
            ("politburo’s", &["politburo", "s"]),
            ("party-building", &["party", "building"]),
            ("upholds,", &["upholds"]),
            ("(cpc)", &["cpc"]),
            ("—", &[]),
        ];
        for (word, want) in cases {
            assert_eq!(pieces(word).collect::<Vec<_>>(), *want, "{word}");
        }
    }
}
