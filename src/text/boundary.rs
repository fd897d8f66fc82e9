//! Word boundaries for English forms.
//!
//! A word character is a letter or digit of a script written with spaces (so not Han, kana or
//! Hangul), a combining mark, or `_`. A hyphen joining two word characters is part of the word:
//! "left" does not match inside "left-wing", and "wing" does not match inside it either. An
//! apostrophe is not part of the word, so "the Party's" matches "Party".
//!
//! Two exceptions, for forms of two or more words only: a hyphen followed by a lowercase
//! function word that stands alone ("167 alternate members-its decisions", Anadolu, 2025) is a
//! dash typed as a hyphen ([`hyphen_as_dash`]), and a hyphen followed by the second half of a
//! compound modifier ("Belt and Road-related projects") joins that modifier onto the whole term
//! ([`hyphen_before_modifier`]); a form may end right before either.
//!
//! Inside a form the automaton reads a hyphen and a space as one token, so `Party building`
//! also matches `Party-building`; the boundary rule reads the text itself at the form's two
//! ends, so such a form still neither starts nor ends inside a compound (`pro-Party building`,
//! `Party building-work`).

use super::normalize::Normalized;
use super::script::is_cjk;

/// Function words that never end a hyphenated compound when they stand alone after the hyphen
/// (`left-wing`, `mother-in-law`: the word after the hyphen is a content word or is joined on
/// again): a hyphen before one of them reads as a dash. The normalizer uses the same list to
/// tell a broken hyphen (`self -confidence`) from a dash typed as ` -` (`members -its`).
pub(crate) const DASH_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "it", "its",
    "nor", "of", "on", "or", "that", "the", "their", "these", "this", "those", "to", "was", "were",
    "which", "who", "with",
];

/// The second halves of compound modifiers that a term of two or more words takes on with a
/// hyphen ("Belt and Road-related projects", "a new development pattern-led recovery"): the
/// term is still the term, and the reader needs it explained
/// ([`hyphen_before_modifier`]).
#[rustfmt::skip]
pub(crate) const MODIFIER_WORDS: &[&str] = &[
    "affiliated", "aligned", "backed", "based", "centered", "centred", "centric", "driven", "era",
    "focused", "funded", "guided", "inspired", "led", "linked", "oriented", "related", "run",
    "sponsored", "style", "styled", "themed", "type",
];

/// Is `word` (lower-case) one of [`DASH_WORDS`]?
pub(crate) fn is_dash_word(word: &str) -> bool {
    DASH_WORDS.contains(&word)
}

/// Is `c` part of a word for the boundary rule?
///
/// ```
/// use tifa::text::is_word_char;
/// assert!(is_word_char('a') && is_word_char('é') && is_word_char('\u{301}'));
/// assert!(!is_word_char('党') && !is_word_char(' ') && !is_word_char('\''));
/// ```
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    (!is_cjk(c) && c.is_alphanumeric()) || is_combining(c)
}

/// Is `c` a combining mark (part of the word it follows)?
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Does a word boundary fall just before byte `at` of `text` (`at` on a char boundary)?
///
/// ```
/// use tifa::text::boundary_before;
/// assert!(boundary_before("the core", 4));
/// assert!(!boundary_before("hardcore", 4));
/// assert!(!boundary_before("left-wing", 5)); // a hyphen joins two words
/// ```
pub fn boundary_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some('-') => !before.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Does a word boundary fall just after byte `at` of `text` (`at` on a char boundary)?
///
/// ```
/// use tifa::text::boundary_after;
/// assert!(boundary_after("core values", 4));
/// assert!(boundary_after("the party's", 9)); // an apostrophe ends the word
/// assert!(!boundary_after("cores", 4));
/// ```
pub fn boundary_after(text: &str, at: usize) -> bool {
    let mut after = text[at..].chars();
    match after.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some('-') => !after.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Does the hyphen at byte `at` of a normalized text stand for a dash, so that a form of two or
/// more words may end just before it? It does when a word character comes before it and after
/// it stands a function word (`DASH_WORDS`) that was lower-case in the original and is not
/// joined on by another hyphen: "alternate members-its decisions" (a dash), not
/// "members-in-waiting" or "left-wing" (compounds). The matcher applies it to forms of two words
/// or more only (a one-word form before a hyphen is far more often half of a compound).
///
/// ```
/// use tifa::text::{hyphen_as_dash, normalize};
/// let n = normalize("167 alternate members-its decisions");
/// assert!(hyphen_as_dash(&n, 21));
/// assert!(!hyphen_as_dash(&normalize("members-In force"), 7)); // capitalised: a title
/// assert!(!hyphen_as_dash(&normalize("up-to-date"), 2)); // "to" is joined on again
/// assert!(!hyphen_as_dash(&normalize("left-wing"), 4));
/// ```
pub fn hyphen_as_dash(norm: &Normalized, at: usize) -> bool {
    lone_word_after_hyphen(norm.text(), at).is_some_and(|(from, end)| {
        is_dash_word(&norm.text()[from..end]) && (from..end).all(|i| !norm.was_upper(i))
    })
}

/// Does a hyphen at byte `at` of a normalized text join a compound modifier onto what comes
/// before it, so that a form of two or more words may end just before it? It does when a word
/// character comes before it and after it stands one of `MODIFIER_WORDS`, not joined on by
/// another hyphen: "Belt and Road-related projects", "the new development pattern-led
/// recovery". The matcher applies it to forms of two words or more only, as [`hyphen_as_dash`].
///
/// ```
/// use tifa::text::{hyphen_before_modifier, normalize};
/// assert!(hyphen_before_modifier(&normalize("Belt and Road-related projects"), 13));
/// assert!(hyphen_before_modifier(&normalize("Belt and Road-Related Projects"), 13));
/// assert!(!hyphen_before_modifier(&normalize("left-wing"), 4));
/// assert!(!hyphen_before_modifier(&normalize("road-related-ness"), 4)); // joined on again
/// ```
pub fn hyphen_before_modifier(norm: &Normalized, at: usize) -> bool {
    lone_word_after_hyphen(norm.text(), at)
        .is_some_and(|(from, end)| MODIFIER_WORDS.contains(&&norm.text()[from..end]))
}

/// May a form of two or more words end right before the hyphen at byte `at`: does it stand for a
/// dash ([`hyphen_as_dash`]) or join a compound modifier on ([`hyphen_before_modifier`])? One
/// look at the word after the hyphen for both; the candidates stage asks this where the
/// boundary rule alone says no.
///
/// ```
/// use tifa::text::{hyphen_ends_a_form, normalize};
/// assert!(hyphen_ends_a_form(&normalize("alternate members-its decisions"), 17));
/// assert!(hyphen_ends_a_form(&normalize("Belt and Road-related projects"), 13));
/// assert!(!hyphen_ends_a_form(&normalize("left-wing"), 4));
/// ```
pub fn hyphen_ends_a_form(norm: &Normalized, at: usize) -> bool {
    lone_word_after_hyphen(norm.text(), at).is_some_and(|(from, end)| {
        let word = &norm.text()[from..end];
        MODIFIER_WORDS.contains(&word)
            || (is_dash_word(word) && (from..end).all(|i| !norm.was_upper(i)))
    })
}

/// Does the hyphen at byte `at` of a normalized text number the name before it, so that a form
/// ending in a letter may end right before it? It does when one to three digits stand after it,
/// not joined on by another hyphen or a letter: "Tiangong-1", "Shenzhou-12", "Chang'e-5" (the
/// programme's craft, numbered). Forms of one word too: the names numbered so are one word.
///
/// ```
/// use tifa::text::{hyphen_before_number, normalize};
/// assert!(hyphen_before_number(&normalize("the Tiangong-1 lab"), 12));
/// assert!(hyphen_before_number(&normalize("Shenzhou-12."), 8));
/// assert!(!hyphen_before_number(&normalize("COVID-2019"), 5)); // four digits: a year
/// assert!(!hyphen_before_number(&normalize("F-35A"), 1)); // a letter follows
/// assert!(!hyphen_before_number(&normalize("2021-25"), 4)); // a digit before: a range
/// ```
pub fn hyphen_before_number(norm: &Normalized, at: usize) -> bool {
    let text = norm.text();
    let after_letter = text[..at.min(text.len())]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic());
    after_letter
        && lone_word_after_hyphen(text, at).is_some_and(|(from, end)| {
            (1..=3).contains(&(end - from)) && text[from..end].bytes().all(|b| b.is_ascii_digit())
        })
}

/// The word after a hyphen at byte `at` of `text`, as its byte range, when a word character
/// comes before the hyphen and no other hyphen joins a word on after that word: the shape both
/// [`hyphen_as_dash`] and [`hyphen_before_modifier`] ask for before they look at the word.
fn lone_word_after_hyphen(text: &str, at: usize) -> Option<(usize, usize)> {
    if text.as_bytes().get(at) != Some(&b'-')
        || !text[..at].chars().next_back().is_some_and(is_word_char)
    {
        return None;
    }
    let from = at + 1;
    let end = text[from..]
        .find(|c: char| !is_word_char(c))
        .map_or(text.len(), |len| from + len);
    (end > from && !text[end..].starts_with('-')).then_some((from, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, byte offset, boundary before, boundary after)
    const CASES: &[(&str, &str, usize, bool, bool)] = &[
        ("start_of_text", "core", 0, true, false),
        ("end_of_text", "core", 4, false, true),
        ("space", "a core", 2, true, false),
        ("hyphen_compound_after", "left-wing", 4, false, false),
        ("hyphen_compound_before", "left-wing", 5, false, false),
        ("trailing_hyphen", "left- and", 4, false, true),
        ("apostrophe", "party's", 5, false, true),
        ("cjk_neighbour", "用core表示", 3, true, false),
        ("cjk_neighbour_after", "用core表示", 7, false, true),
        ("combining_mark", "core\u{301}", 4, false, false),
    ];

    #[test]
    fn table() {
        for (name, text, at, before, after) in CASES {
            assert_eq!(boundary_before(text, *at), *before, "{name}: before");
            assert_eq!(boundary_after(text, *at), *after, "{name}: after");
        }
    }

    /// (name, original text, byte offset of the hyphen in the normalized text, a dash?)
    const DASHES: &[(&str, &str, usize, bool)] = &[
        // Anadolu, 2025: "…and 167 alternate members-its decisions…".
        (
            "anadolu_members_its",
            "167 alternate members-its decisions",
            21,
            true,
        ),
        ("before_the", "members-the Central Committee", 7, true),
        ("before_which", "the plenum-which closed", 10, true),
        ("at_end_of_text", "members-its", 7, true),
        ("before_punctuation", "members-and.", 7, true),
        ("content_word_compound", "left-wing", 4, false),
        ("capitalised_function_word", "members-The Plenum", 7, false),
        ("joined_on_again", "up-to-date", 2, false),
        ("mother_in_law", "mother-in-law", 6, false),
        ("no_word_before", "a -its", 2, false),
        ("not_a_hyphen", "members its", 7, false),
        ("longer_word", "members-itself", 7, false),
        ("nothing_after", "members-", 7, false),
    ];

    /// (name, original text, byte offset of the hyphen in the normalized text, a modifier?)
    const MODIFIERS: &[(&str, &str, usize, bool)] = &[
        ("related", "Belt and Road-related projects", 13, true),
        (
            "capitalised_title",
            "Belt and Road-Related Projects",
            13,
            true,
        ),
        ("led", "pattern-led growth", 7, true),
        ("at_end_of_text", "road-based", 4, true),
        ("before_punctuation", "road-based.", 4, true),
        ("content_word", "left-wing", 4, false),
        ("joined_on_again", "road-related-ness", 4, false),
        ("longer_word", "road-ledger", 4, false),
        ("function_word", "members-its decisions", 7, false),
        ("no_word_before", "a -related", 2, false),
        ("not_a_hyphen", "road related", 4, false),
        ("nothing_after", "road-", 4, false),
    ];

    #[test]
    fn hyphen_before_modifier_table() {
        for &(name, text, at, want) in MODIFIERS {
            let n = crate::text::normalize(text);
            assert_eq!(hyphen_before_modifier(&n, at), want, "{name}");
        }
    }

    #[test]
    fn hyphen_as_dash_table() {
        for &(name, text, at, want) in DASHES {
            let n = crate::text::normalize(text);
            assert_eq!(hyphen_as_dash(&n, at), want, "{name}");
        }
    }
}
