//! Stage 2, matching: from a normalized text to the chosen matches, in normalized byte
//! offsets. One file per step, each importing only the steps before it (the README's "How it
//! works"; `tests/layout.rs` checks the order):
//!
//! 1. [`sensitivity`]: the values the gate is asked for and answers with;
//! 2. [`alphabet`] and [`automaton`]: word tokens, and one Aho–Corasick automaton over them;
//! 3. [`patterns`]: every form of a dictionary, normalized, with its rules, in one automaton;
//! 4. [`candidates`]: the automaton's hits on word boundaries, overlaps included;
//! 5. [`gate`]: the context rule for forms that need context;
//! 6. [`choose`]: leftmost-longest with nesting.
//!
//! [`Matcher`] runs them in that order for one dictionary.

// A few of their methods (`Alphabet::add_form`, `encode_form`, `Automaton::new`, `states`)
// serve only their own tests: the library builds through `Alphabet::add` and
// `Automaton::from_flat`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod alphabet;
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod automaton;
pub(crate) mod candidates;
pub(crate) mod choose;
pub(crate) mod gate;
pub(crate) mod patterns;
pub(crate) mod sensitivity;
pub(crate) mod twins;

use crate::dictionary::compiled::NormalizedForms;
use crate::dictionary::Dictionary;
use crate::error::Error;
use crate::text::normalize::Normalized;

use candidates::RawMatch;
use choose::Found;
use patterns::Patterns;
use sensitivity::{DocumentContext, Sensitivity};

/// The matching stage for one dictionary: its patterns, and the steps that run over them.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    patterns: Patterns,
}

impl Matcher {
    /// Compiles every form of the dictionary ([`Patterns::new`]).
    pub fn new(dict: &Dictionary) -> Result<Matcher, Error> {
        Ok(Matcher {
            patterns: Patterns::new(dict)?,
        })
    }

    /// [`Matcher::new`] from forms normalized already ([`Patterns::with_normalized`]): how an
    /// analyzer starts from a compiled match part.
    pub fn with_normalized(dict: &Dictionary, norms: &NormalizedForms) -> Result<Matcher, Error> {
        Ok(Matcher {
            patterns: Patterns::with_normalized(dict, norms)?,
        })
    }

    /// [`Matcher::with_normalized`] with only the forms whose tokens `scope` holds
    /// ([`Patterns::scoped`]); a scope whose Han characters were added before the normalizer
    /// had its traditional → simplified table gets them simplified first
    /// ([`Scope::simplified`](alphabet::scope::Scope::simplified)).
    pub fn scoped(
        dict: &Dictionary,
        norms: &NormalizedForms,
        scope: &alphabet::scope::Scope,
    ) -> Result<Matcher, Error> {
        let scope = scope.simplified();
        Ok(Matcher {
            patterns: Patterns::scoped(dict, norms, Some(&scope))?,
        })
    }

    /// The compiled forms.
    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// Every boundary-valid occurrence of every form ([`candidates::candidates`]).
    pub fn candidates(&self, norm: &Normalized) -> Vec<RawMatch> {
        candidates::candidates(&self.patterns, norm)
    }

    /// The document rule over a text's candidates ([`gate::vouches`]).
    pub fn vouches(&self, candidates: &[RawMatch]) -> bool {
        gate::vouches(&self.patterns, candidates)
    }

    /// The whole stage: candidates, the context gate, leftmost-longest with nesting.
    pub fn find(
        &self,
        norm: &Normalized,
        sensitivity: Sensitivity,
        document: DocumentContext,
    ) -> Found {
        let candidates = self.candidates(norm);
        let gated = gate::gate(&self.patterns, norm, candidates, sensitivity, document);
        choose::choose(gated, |p| self.patterns.owner(p).0 as u32)
    }
}

/// The examples in the docs of [`alphabet`] and [`automaton`], run here: doc tests cannot reach
/// private modules, so those examples are marked `ignore` where they stand.
#[cfg(test)]
mod examples {
    use super::alphabet::{tokens, Alphabet};
    use super::automaton::Automaton;

    #[test]
    fn alphabet_encodes_forms_and_texts_alike() {
        let mut a = Alphabet::new();
        let form = a.add_form("two upholds");
        assert_eq!(form.len(), 3); // "two", " ", "upholds"
        let (text, at) = a.encode_text("the two upholds");
        let i = text.windows(3).position(|w| w == form.as_slice()).unwrap();
        assert_eq!((at[i], at[i + 3]), (4, 15));
    }

    #[test]
    fn tokens_with_offsets() {
        let t: Vec<_> = tokens("xi's 两个").collect();
        assert_eq!(
            t,
            [
                (0, "xi"),
                (2, "'"),
                (3, "s"),
                (4, " "),
                (5, "两"),
                (8, "个")
            ]
        );
    }

    #[test]
    fn automaton_reports_overlaps() {
        // Forms over tokens 1, 2, 3: [1 2], [2], [2 3].
        let a = Automaton::new(&[vec![1, 2], vec![2], vec![2, 3]], 4);
        let mut found = Vec::new();
        a.find_overlapping(&[1, 2, 3], |pattern, start, end| {
            found.push((pattern, start, end))
        });
        found.sort();
        assert_eq!(found, [(0, 0, 2), (1, 1, 2), (2, 1, 3)]);
    }

    #[test]
    fn most_ends_at_one_place() {
        let nested = Automaton::new(&[vec![1], vec![1, 1], vec![1, 1, 1], vec![2]], 3);
        assert_eq!(nested.most_ends(), (3, Some(2)));
        assert_eq!(Automaton::new(&[], 1).most_ends(), (0, None));
    }
}
