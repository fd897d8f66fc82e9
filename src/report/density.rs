//! Match density: terms per 1,000 words (English) or per 1,000 Han characters (Chinese).

use super::types::Density;
use crate::text::script::is_han;
use crate::text::swar;

/// The density of `matches` top-level matches in `text`, in whichever unit it has more of.
pub(super) fn density(text: &str, matches: u64) -> Density {
    let mut words = 0u64;
    let mut han = 0u64;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding: a word character, or one that ends a word (not ' or -).
        let b = bytes[i];
        if b < 0x80 {
            // Eight bytes at a time when they are ASCII with no ' or - (which leave a word
            // going): a word starts at each word byte after a byte that is none.
            if i + 8 <= bytes.len() {
                let x = swar::load(bytes, i);
                if x & swar::HIGH == 0 && (swar::eq(x, b'\'') | swar::eq(x, b'-')) == 0 {
                    let w = swar::ascii_word(x);
                    let before = (w << 8) | (u64::from(in_word) << 7);
                    words += u64::from(swar::count(w & !before));
                    in_word = w >> 63 != 0;
                    i += 8;
                    continue;
                }
            }
            i += 1;
            if b.is_ascii_alphanumeric() || b == b'_' {
                words += u64::from(!in_word);
                in_word = true;
            } else if b != b'\'' && b != b'-' {
                in_word = false;
            }
            continue;
        }
        // Most Chinese text: U+4000–U+9FFF (lead bytes E4–E9) are all Han characters but
        // U+4DC0–U+4DFF (the hexagrams, E4 B7 80–BF).
        if matches!(b, 0xE5..=0xE9) || (b == 0xE4 && bytes.get(i + 1) != Some(&0xB7)) {
            han += 1;
            in_word = false;
            i += 3;
            continue;
        }
        // A three-byte character (most Chinese text) decoded from its bytes.
        let c = match bytes[i..] {
            [x @ 0xE0..=0xEF, y, z, ..] => char::from_u32(
                (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F),
            ),
            _ => None,
        };
        let c = c.unwrap_or_else(|| text[i..].chars().next().expect("a char boundary"));
        i += c.len_utf8();
        if is_han(c) {
            han += 1;
            in_word = false;
        } else if crate::text::boundary::is_word_char(c) {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    let (unit, size) = if han > words {
        ("characters", han)
    } else {
        ("words", words)
    };
    let per_thousand = if size == 0 {
        0.0
    } else {
        (matches as f64 * 1000.0 / size as f64 * 100.0).round() / 100.0
    };
    Density {
        unit,
        size,
        matches,
        per_thousand,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::boundary::is_word_char;

    /// Words and Han characters one character at a time: the rule the fast paths of
    /// [`density`] (eight ASCII bytes at a time, Han lead bytes) must follow.
    fn counts_slowly(text: &str) -> (u64, u64) {
        let (mut words, mut han, mut in_word) = (0, 0, false);
        for c in text.chars() {
            if is_han(c) {
                han += 1;
                in_word = false;
            } else if is_word_char(c) {
                words += u64::from(!in_word);
                in_word = true;
            } else if c != '\'' && c != '’' && c != '-' {
                in_word = false;
            }
        }
        (words, han)
    }

    const PIECES: &[&str] = &[
        "a",
        "ab",
        " ",
        "'",
        "-",
        "’",
        ".",
        "_",
        "9",
        "party",
        "consciousness",
        "党",
        "两个",
        "。",
        "é",
        "\u{301}",
        "😀",
        "䷀",
        "㐀",
        "Ｐ",
        "x-y",
        "don't",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The unit and size equal the character-by-character count.
        #[test]
        fn density_equals_char_by_char(text in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let (words, han) = counts_slowly(&text);
            let d = density(&text, 0);
            let want = if han > words { ("characters", han) } else { ("words", words) };
            proptest::prop_assert_eq!((d.unit, d.size), want);
        }
    }

    #[test]
    fn eight_byte_blocks_carry_a_word_across() {
        // (name, text, words): words that cross the eight-byte blocks, with ' and - inside.
        let cases: &[(&str, &str, u64)] = &[
            ("long_word", "internationalization is long", 3),
            ("hyphen_in_block", "self-confidence and self-reliance", 3),
            ("apostrophe", "the party's leadership and people's", 5),
            ("blocks", "aaaaaaa bbbbbbbb c", 3),
        ];
        for &(name, text, want) in cases {
            assert_eq!(density(text, 0).size, want, "case {name}");
            assert_eq!(counts_slowly(text).0, want, "case {name}: slowly");
        }
    }
}
