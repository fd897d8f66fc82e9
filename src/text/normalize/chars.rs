//! What each character of a text becomes, and the scanners for the runs of plain ASCII and of
//! CJK characters that the normalizer copies in bulk.

use crate::text::script;

/// Adds a character that is white space, a separating dash or nothing to the pending run of
/// white space (`space`: start, end, holds a line break, holds a dash).
pub(super) fn take_space(
    mapped: Mapped,
    space: &mut Option<(u32, u32, bool, bool)>,
    start: u32,
    pos: u32,
) {
    let (newline, dash) = match mapped {
        Mapped::Drop => return,
        Mapped::Space(newline) => (newline, false),
        Mapped::Dash => (false, true),
        Mapped::Char(..) | Mapped::Ligature(_) => (false, false),
    };
    let run = space.get_or_insert((start, pos, false, false));
    run.1 = pos;
    run.2 |= newline;
    run.3 |= dash;
}

/// What one original character becomes.
pub(super) enum Mapped {
    Char(char, bool),
    /// A Latin ligature, as text copied from a PDF has them (`conﬁdence`): its letters.
    Ligature(&'static str),
    Space(bool),
    /// A dash that separates words (en and em dash, horizontal bar, minus…): a space that is
    /// kept even between two CJK characters.
    Dash,
    Drop,
}

pub(super) fn map_char(c: char) -> Mapped {
    match c {
        // The common case of Chinese text first (no other rule below covers this block).
        '\u{4E00}'..='\u{9FFF}' => Mapped::Char(script::to_simplified(c), false),
        'A'..='Z' => Mapped::Char(c.to_ascii_lowercase(), true),
        'a'..='z' | '0'..='9' | ' ' => Mapped::Char(c, false),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => Mapped::Space(true),
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Mapped::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
            Mapped::Char('\'', false)
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}'
        | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}' | '\u{FF02}' => {
            Mapped::Char('"', false)
        }
        // Only these join words, like `-`; every other dash separates them (below).
        '\u{2010}' | '\u{2011}' => Mapped::Char('-', false),
        '\u{2012}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => Mapped::Dash,
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            Mapped::Char(ascii.to_ascii_lowercase(), ascii.is_ascii_uppercase())
        }
        '\u{FB00}' => Mapped::Ligature("ff"),
        '\u{FB01}' => Mapped::Ligature("fi"),
        '\u{FB02}' => Mapped::Ligature("fl"),
        '\u{FB03}' => Mapped::Ligature("ffi"),
        '\u{FB04}' => Mapped::Ligature("ffl"),
        '\u{FB05}' | '\u{FB06}' => Mapped::Ligature("st"),
        c if c.is_whitespace() => Mapped::Space(false),
        c if (c as u32) >= 0x3400 => Mapped::Char(script::to_simplified(c), false),
        c => Mapped::Char(c, false),
    }
}

/// Printable ASCII other than the space: these map to themselves (lower-cased).
#[inline]
pub(super) fn plain(b: Option<&u8>) -> bool {
    matches!(b, Some(0x21..=0x7E))
}

/// The length of the run of `bytes` that maps byte for byte (lower-cased): printable ASCII
/// but `(`, and single spaces followed by printable ASCII.
pub(super) fn ascii_run(bytes: &[u8]) -> usize {
    let mut j = 0;
    // Eight bytes at a time while they are printable ASCII or single spaces; a space that ends
    // the eight must be followed by printable ASCII.
    while let Some(w) = bytes.get(j..j + 8) {
        let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let spaces = swar::in_range(x, b' ', b' ');
        let hyphens = swar::in_range(x, b'-', b'-');
        // A space next to a hyphen may be a broken hyphen: the slow path decides.
        // Not printable ASCII or a space (in_range is 0 for bytes from 0x80 too).
        // An opening parenthesis may start an acronym inside a name (`China (CPC) Central`):
        // the slow path decides.
        let other = (!swar::in_range(x, b' ', 0x7E) & swar::HIGH)
            | (spaces & (spaces << 8))
            | (spaces & (hyphens << 8))
            | (spaces & (hyphens >> 8))
            | swar::in_range(x, b'(', b'(');
        let next = bytes.get(j + 8);
        if other != 0
            || (spaces >> 63 != 0 && (!plain(next) || matches!(next, Some(b'-' | b'('))))
            || (hyphens >> 63 != 0 && next == Some(&b' '))
        {
            break;
        }
        j += 8;
    }
    loop {
        match bytes.get(j) {
            Some(b'-') if bytes.get(j + 1) == Some(&b' ') => return j,
            Some(b'(') => return j,
            Some(0x21..=0x7E) => j += 1,
            Some(b' ')
                if plain(bytes.get(j + 1)) && !matches!(bytes.get(j + 1), Some(b'-' | b'(')) =>
            {
                j += 2
            }
            _ => return j,
        }
    }
}

/// After a `(` that follows white space: the length of `CPC) ` in `CPC) Central…`, an acronym
/// of two to eight capitals in parentheses inside a name (a space and a capital follow), which
/// the normalizer reads as part of the white space before it; `None` otherwise.
pub(super) fn acronym_in_name(rest: &[u8]) -> Option<usize> {
    let n = rest
        .iter()
        .take(9)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let inside = (2..=8).contains(&n)
        && rest.get(n) == Some(&b')')
        && rest.get(n + 1) == Some(&b' ')
        && rest.get(n + 2).is_some_and(u8::is_ascii_uppercase);
    inside.then_some(n + 2)
}

/// The code point of the three-byte UTF-8 character at the start of `b`.
#[inline]
pub(super) fn three_byte(b: &[u8]) -> u32 {
    (u32::from(b[0] & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F)
}

/// Does the three-byte character `c` (starting with 0xE3–0xE9) stay one three-byte character,
/// simplified if traditional? Han characters of U+3400–U+9FFF, and the CJK punctuation and kana
/// of U+3001–U+33FF but for the corner quotes (U+300C–U+300F), which become `"`.
#[inline]
pub(super) fn stays_wide(c: &[u8]) -> bool {
    match c[0] {
        0xE4..=0xE9 => true,
        0xE3 => !matches!(three_byte(c), 0x3000 | 0x300C..=0x300F),
        _ => false,
    }
}

/// The length of the run of `bytes` that are three-byte characters [`stays_wide`] keeps (most
/// of a Chinese text: Han characters and CJK punctuation).
pub(super) fn wide_run(bytes: &[u8]) -> usize {
    bytes.chunks_exact(3).take_while(|c| stays_wide(c)).count() * 3
}

/// The SWAR helpers, shared with the other stages ([`crate::text::swar`]).
pub(super) use crate::text::swar;
