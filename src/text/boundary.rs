//! Word boundaries for English forms.
//!
//! A word character is a letter or digit of a script written with spaces (so not Han, kana or
//! Hangul), a combining mark, or `_`. A hyphen joining two word characters is part of the word:
//! "left" does not match inside "left-wing", and "wing" does not match inside it either. An
//! apostrophe is not part of the word, so "the Party's" matches "Party".

use super::script::is_cjk;

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
}
