//! Converting UTF-16 offsets of a text back to UTF-8 byte offsets.

use crate::text::swar;

/// Maps each UTF-16 offset in `units` (any order) to a byte offset into `text`.
///
/// An offset inside a surrogate pair maps to the start of that character; one past the end
/// maps to `text.len()`: `byte_offsets("😀党x", &[0, 2, 3, 4])` is `[0, 4, 7, 8]`.
pub fn byte_offsets(text: &str, units: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| units[i]);
    let mut out = vec![text.len(); units.len()];
    let mut at = Cursor::new(text);
    for i in order {
        out[i] = at.byte(units[i]);
    }
    out
}

/// Maps each byte offset in `bytes` (any order, all on char boundaries of `text`) to a UTF-16
/// offset: the inverse of [`byte_offsets`], `unit_offsets("😀党x", &[8, 0, 4])` is `[4, 0, 2]`.
pub fn unit_offsets(text: &str, bytes: &[usize]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0u32; bytes.len()];
    let (mut pos, mut unit) = (0usize, 0u32);
    for i in order {
        unit += len(&text[pos..bytes[i]]);
        pos = bytes[i];
        out[i] = unit;
    }
    out
}

/// Length of `text` in UTF-16 code units: eight bytes at a time ([`swar::utf16_units`]).
pub fn len(text: &str) -> u32 {
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        n += swar::utf16_units(u64::from_le_bytes(c.try_into().expect("eight bytes")));
    }
    // The rest starts on a character boundary or inside the last character of the chunks,
    // whose units were counted at its lead byte.
    n + chunks
        .remainder()
        .iter()
        .map(|&b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum::<u32>()
}

/// Maps UTF-16 offsets of a text to byte offsets, for offsets that never decrease (the spans of
/// matches in text order): one pass over the text in all, where [`byte_offsets`] needs all the
/// offsets at once.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The byte offset of UTF-16 offset `unit`, as [`byte_offsets`] gives it. An offset below
    /// the previous one gives the previous answer.
    pub fn byte(&mut self, unit: u32) -> usize {
        let b = self.text.as_bytes();
        let (mut byte, mut at) = (self.byte, self.unit);
        // Eight bytes at a time (any script) while every character starting in them ends
        // before the target (a four-byte one may start in the last byte: up to nine units);
        // the rest of the last one is stepped over too.
        while at + 8 <= unit && byte + 8 <= b.len() {
            let x = swar::load(b, byte);
            let units = if x & swar::HIGH == 0 {
                8
            } else {
                swar::utf16_units(x)
            };
            if at + units > unit {
                break;
            }
            at += units;
            byte += 8;
            while b.get(byte).is_some_and(|&c| c & 0xC0 == 0x80) {
                byte += 1;
            }
        }
        // Then one character at a time, measured by its lead byte.
        while at < unit && byte < b.len() {
            let (bytes, units) = match b[byte] {
                0..=0x7F => (1, 1),
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                _ => (4, 2),
            };
            if at + units > unit {
                break;
            }
            at += units;
            byte += bytes;
        }
        (self.byte, self.unit) = (byte, at);
        byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte offset of UTF-16 offset `unit`, character by character: the rule the cursor,
    /// [`byte_offsets`] and [`len`] (eight bytes at a time) must follow.
    fn byte_of_unit(text: &str, unit: u32) -> usize {
        let mut at = 0u32;
        for (b, c) in text.char_indices() {
            if at + c.len_utf16() as u32 > unit {
                return b;
            }
            at += c.len_utf16() as u32;
        }
        text.len()
    }

    /// (name, text): the cursor agrees with the character-by-character rule at every offset,
    /// in order, and so does `byte_offsets` in any order.
    const TEXTS: &[(&str, &str)] = &[
        ("ascii", "the two upholds, and the four consciousnesses"),
        ("mixed", "ab😀cd两个维护 é and long ASCII run here 党"),
        ("astral_after_run", "abcdefghijklmnop😀q"),
        (
            "han_run",
            "坚持党的全面领导，两个维护，四个意识，全面从严治党。",
        ),
        ("astral_run", "😀😀😀😀😀😀😀😀x😀"),
        ("empty", ""),
    ];

    #[test]
    fn cursor_agrees_with_char_by_char() {
        for (name, text) in TEXTS {
            let units: Vec<u32> = (0..=text.encode_utf16().count() as u32 + 1).collect();
            let want: Vec<usize> = units.iter().map(|&u| byte_of_unit(text, u)).collect();
            let mut at = Cursor::new(text);
            let got: Vec<usize> = units.iter().map(|&u| at.byte(u)).collect();
            assert_eq!(got, want, "case {name}");
            let mut reversed = units.clone();
            reversed.reverse();
            let mut want_reversed = want.clone();
            want_reversed.reverse();
            assert_eq!(
                byte_offsets(text, &reversed),
                want_reversed,
                "case {name}: any order"
            );
            assert_eq!(
                len(text) as usize,
                text.encode_utf16().count(),
                "case {name}: len"
            );
        }
    }

    const PIECES: &[&str] = &[
        "a",
        " ",
        "党",
        "两个",
        "é",
        "😀",
        "\u{301}",
        "abcdefghij",
        "。",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Eight bytes at a time or one character at a time, the same offsets and lengths.
        #[test]
        fn eight_bytes_at_a_time_equal_char_by_char(
            text in proptest::collection::vec(0..PIECES.len(), 0..30),
            steps in proptest::collection::vec(0u32..12, 0..12),
        ) {
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            proptest::prop_assert_eq!(len(&text) as usize, text.encode_utf16().count());
            let mut at = Cursor::new(&text);
            let mut unit = 0;
            for s in steps {
                unit += s;
                proptest::prop_assert_eq!(at.byte(unit), byte_of_unit(&text, unit), "unit {}", unit);
            }
            let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            let units: Vec<u32> = bytes.iter().map(|&b| text[..b].encode_utf16().count() as u32).collect();
            proptest::prop_assert_eq!(unit_offsets(&text, &bytes), units);
        }
    }

    /// (name, text, UTF-16 offsets, byte offsets)
    const OFFSETS: &[(&str, &str, &[u32], &[usize])] = &[
        ("astral_han_ascii", "😀党x", &[0, 2, 3, 4], &[0, 4, 7, 8]),
        ("any_order", "😀党x", &[4, 0, 3], &[8, 0, 7]),
        ("inside_a_surrogate_pair", "😀x", &[1], &[0]),
        ("past_the_end", "ab", &[5], &[2]),
    ];

    #[test]
    fn offsets_table() {
        for &(name, text, units, want) in OFFSETS {
            assert_eq!(byte_offsets(text, units), want, "case {name}");
            if units.windows(2).all(|w| w[0] <= w[1]) {
                let mut at = Cursor::new(text);
                let got: Vec<usize> = units.iter().map(|&u| at.byte(u)).collect();
                assert_eq!(got, want, "case {name}: cursor");
            }
        }
    }

    /// (name, text, byte offsets, UTF-16 offsets): `unit_offsets`, and back again.
    const UNITS: &[(&str, &str, &[usize], &[u32])] = &[
        ("astral_han_ascii", "😀党x", &[0, 4, 7, 8], &[0, 2, 3, 4]),
        ("any_order", "😀党x", &[8, 0, 4], &[4, 0, 2]),
        ("repeated", "a😀", &[5, 1, 5], &[3, 1, 3]),
        ("none", "ab", &[], &[]),
    ];

    #[test]
    fn unit_offsets_table() {
        for &(name, text, bytes, want) in UNITS {
            assert_eq!(unit_offsets(text, bytes), want, "case {name}");
            assert_eq!(byte_offsets(text, want), bytes, "case {name}: back");
        }
    }

    #[test]
    fn cursor_skips_far_ahead() {
        let text = "abcdefghijklmnopqrstuvwxyz两";
        let mut at = Cursor::new(text);
        assert_eq!(at.byte(3), 3);
        assert_eq!(at.byte(26), 26);
        assert_eq!(at.byte(27), 29);
    }
}
