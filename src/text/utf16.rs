//! Converting UTF-16 offsets of a text back to UTF-8 byte offsets.

/// Maps each UTF-16 offset in `units` (any order) to a byte offset into `text`.
///
/// An offset inside a surrogate pair maps to the start of that character; one past the end
/// maps to `text.len()`.
///
/// ```
/// let text = "😀党x";
/// assert_eq!(tifa::utf16::byte_offsets(text, &[0, 2, 3, 4]), vec![0, 4, 7, 8]);
/// ```
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

/// Length of `text` in UTF-16 code units.
pub fn len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

/// Maps UTF-16 offsets of a text to byte offsets, for offsets that never decrease (the spans of
/// matches in text order): one pass over the text in all, where [`byte_offsets`] needs all the
/// offsets at once.
///
/// ```
/// let mut at = tifa::utf16::Cursor::new("😀党x");
/// assert_eq!([at.byte(0), at.byte(2), at.byte(3), at.byte(4)], [0, 4, 7, 8]);
/// ```
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
        for c in self.text[self.byte..].chars() {
            let next = self.unit + c.len_utf16() as u32;
            if next > unit {
                break;
            }
            self.unit = next;
            self.byte += c.len_utf8();
        }
        self.byte
    }
}
