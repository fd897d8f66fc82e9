//! Twins: patterns of the same tokens that differ only in their separators (a space or a
//! hyphen between two words), and which of them a hit belongs to.

use super::automaton::Automaton;

/// Patterns of the same tokens that differ in their separators: the space and the hyphen are
/// one token ([`super::alphabet::SEPARATORS`]), so `party building` and `party-building` are
/// one path of the automaton, and both are hit wherever the text has either. A hit goes to the
/// pattern that spells the text's separators best ([`Twins::beaten`]): a form written as the
/// text writes it keeps its own rules (its entry, its gate), and a form with no twin matches
/// either spelling.
#[derive(Debug, Clone, Default)]
pub(crate) struct Twins {
    /// (automaton pattern, group), sorted by automaton pattern.
    of: Vec<(u32, u32)>,
    /// Each group's patterns ([`super::patterns::Patterns::get`]), each with its separators in order.
    groups: Vec<Vec<(u32, Box<[u8]>)>>,
}

/// The separators of a normalized form or span of text, in order.
fn separators(text: &[u8]) -> impl Iterator<Item = u8> + '_ {
    text.iter()
        .copied()
        .filter(|b| super::alphabet::SEPARATORS.contains(b))
}

impl Twins {
    /// The twins among the automaton's patterns of the same tokens ([`Automaton::same_tokens`]):
    /// `ac_patterns` maps an automaton pattern to its pattern, `texts` a pattern to its form.
    pub(crate) fn new(ac: &Automaton, ac_patterns: &[u32], texts: &[&str]) -> Twins {
        let mut twins = Twins::default();
        for set in ac.same_tokens() {
            let mut group: Vec<(u32, Box<[u8]>)> = Vec::new();
            for &k in &set {
                let pi = ac_patterns[k as usize];
                if !group.iter().any(|&(p, _)| p == pi) {
                    group.push((pi, separators(texts[pi as usize].as_bytes()).collect()));
                }
            }
            // Only sets whose separators differ: others are the same to a text either way.
            if group.iter().all(|(_, s)| *s == group[0].1) {
                continue;
            }
            let g = twins.groups.len() as u32;
            twins.of.extend(set.iter().map(|&k| (k, g)));
            twins.groups.push(group);
        }
        twins.of.sort_unstable();
        twins
    }

    /// Has automaton pattern `k` twins?
    pub fn has(&self, k: u32) -> bool {
        self.of.binary_search_by_key(&k, |&(k, _)| k).is_ok()
    }

    /// Does a twin of pattern `pi`, hit as automaton pattern `k` over `span` of the normalized
    /// text, spell the span's separators at more places than `pi` does? Then the hit is the
    /// twin's, not `pi`'s.
    #[inline]
    pub fn beaten(&self, k: u32, pi: u32, span: &[u8]) -> bool {
        if self.of.is_empty() {
            return false;
        }
        let Ok(at) = self.of.binary_search_by_key(&k, |&(k, _)| k) else {
            return false;
        };
        let group = &self.groups[self.of[at].1 as usize];
        let misses = |seps: &[u8]| {
            separators(span)
                .zip(seps.iter())
                .filter(|(a, b)| a != *b)
                .count()
        };
        let Some((_, own)) = group.iter().find(|&&(p, _)| p == pi) else {
            return false;
        };
        let own = misses(own);
        own > 0 && group.iter().any(|(_, seps)| misses(seps) < own)
    }
}

#[cfg(test)]
mod tests {
    use super::super::alphabet::Alphabet;
    use super::*;

    /// (name, forms (pattern `i` is form `i`), pattern hit, normalized text it was hit over,
    /// is the hit a twin's?)
    const TWINS: &[(&str, &[&str], u32, &str, bool)] = &[
        // Two forms that differ only in a separator: the text's spelling picks one.
        (
            "spaced_text_keeps_spaced",
            &["party building", "party-building"],
            0,
            "party building",
            false,
        ),
        (
            "spaced_text_not_hyphenated",
            &["party building", "party-building"],
            1,
            "party building",
            true,
        ),
        (
            "hyphenated_text_keeps_hyphenated",
            &["party building", "party-building"],
            1,
            "party-building",
            false,
        ),
        (
            "hyphenated_text_not_spaced",
            &["party building", "party-building"],
            0,
            "party-building",
            true,
        ),
        // A form with no twin takes either spelling.
        (
            "no_twin_takes_hyphens",
            &["opening up", "two upholds"],
            0,
            "opening-up",
            false,
        ),
        // The twin that spells more of the separators wins; a tie keeps both.
        (
            "closer_twin_wins",
            &["a b c", "a-b c", "a-b-c"],
            0,
            "a-b c",
            true,
        ),
        (
            "closest_twin_kept",
            &["a b c", "a-b c", "a-b-c"],
            1,
            "a-b c",
            false,
        ),
        (
            "farther_twin_beaten",
            &["a b c", "a-b c", "a-b-c"],
            2,
            "a-b c",
            true,
        ),
        ("tie_keeps_first", &["a-b c", "a b-c"], 0, "a-b-c", false),
        ("tie_keeps_second", &["a-b c", "a b-c"], 1, "a-b-c", false),
        // Quotation marks are no tokens and no separators.
        (
            "quotes_ignored",
            &["two upholds", "two-upholds"],
            0,
            "two \"upholds\"",
            false,
        ),
        // Twins by spelling alone (one token for "centre" and "center") are left as they were.
        (
            "spelling_twins_not_separator_twins",
            &["people centred", "people centered"],
            1,
            "people centred",
            false,
        ),
    ];

    #[test]
    fn twins_table() {
        for &(name, forms, hit, text, want) in TWINS {
            let mut alphabet = Alphabet::new();
            let tokens: Vec<Vec<u32>> = forms.iter().map(|f| alphabet.add_form(f)).collect();
            let ac = Automaton::new(&tokens, alphabet.size());
            let ac_patterns: Vec<u32> = (0..forms.len() as u32).collect();
            let twins = Twins::new(&ac, &ac_patterns, forms);
            assert_eq!(twins.beaten(hit, hit, text.as_bytes()), want, "{name}");
        }
    }
}
