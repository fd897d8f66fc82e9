//! Match density: terms per 1,000 words (English) or per 1,000 Han characters (Chinese).

use super::types::Density;
use crate::text::script::is_han;

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
            i += 1;
            if b.is_ascii_alphanumeric() || b == b'_' {
                words += u64::from(!in_word);
                in_word = true;
            } else if b != b'\'' && b != b'-' {
                in_word = false;
            }
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
