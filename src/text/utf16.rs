//! Converting UTF-16 offsets of a text back to UTF-8 byte offsets.

/// Maps each UTF-16 offset in `units` (any order) to a byte offset into `text`.
///
/// An offset inside a surrogate pair maps to the start of that character; one past the end
/// maps to `text.len()`: `byte_offsets("😀党x", &[0, 2, 3, 4])` is `[0, 4, 7, 8]`.
pub fn byte_offsets(text: &str, units: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| units[i]);
    let mut out = vec![text.len(); units.len()];
    let mut chars = text.char_indices().peekable();
    let mut unit = 0u32;
    for i in order {
        let want = units[i];
        while let Some(&(_, c)) = chars.peek() {
            let next = unit + c.len_utf16() as u32;
            if next > want {
                break;
            }
            unit = next;
            chars.next();
        }
        out[i] = chars.peek().map_or(text.len(), |&(b, _)| b);
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

/// Length of `text` in UTF-16 code units.
pub fn len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
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
        while self.unit < unit && self.byte < b.len() {
            // Eight ASCII bytes at a time while the target is that far.
            if unit - self.unit >= 8 {
                if let Some(chunk) = b.get(self.byte..self.byte + 8) {
                    let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                    if word & 0x8080_8080_8080_8080 == 0 {
                        self.byte += 8;
                        self.unit += 8;
                        continue;
                    }
                }
            }
            // One character, measured by its lead byte.
            let (bytes, units) = match b[self.byte] {
                0..=0x7F => (1, 1),
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                _ => (4, 2),
            };
            if self.unit + units > unit {
                break;
            }
            self.unit += units;
            self.byte += bytes;
        }
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text): the cursor agrees with `byte_offsets` at every offset, in order.
    const TEXTS: &[(&str, &str)] = &[
        ("ascii", "the two upholds, and the four consciousnesses"),
        ("mixed", "ab😀cd两个维护 é and long ASCII run here 党"),
        ("astral_after_run", "abcdefghijklmnop😀q"),
        ("empty", ""),
    ];

    #[test]
    fn cursor_agrees_with_byte_offsets() {
        for (name, text) in TEXTS {
            let units: Vec<u32> = (0..=len(text) + 1).collect();
            let want = byte_offsets(text, &units);
            let mut at = Cursor::new(text);
            let got: Vec<usize> = units.iter().map(|&u| at.byte(u)).collect();
            assert_eq!(got, want, "case {name}");
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
