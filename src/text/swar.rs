//! Eight bytes at a time in one `u64` (little-endian: the first byte is the lowest), with plain
//! integer operations, so it runs the same natively and in WebAssembly. Each function gives a
//! flag per byte, 0x80 or 0, and is exact for every byte: no sum carries into the next byte.

use std::hash::Hasher;

/// The low bit of each byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` from `i` (`i + 8 <= b.len()`).
#[inline]
pub(crate) fn load(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"))
}

/// For each byte of `x`: 0x80 when it is ASCII and lies in `lo..=hi` (`hi < 0x80`), else 0.
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let v = x & !HIGH;
    let at_least = v.wrapping_add(ONES * u64::from(0x80 - lo));
    let above = v.wrapping_add(ONES * u64::from(0x7F - hi));
    at_least & !above & !x & HIGH
}

/// For each byte of `x`: 0x80 when it equals `b` (any byte value), else 0.
#[inline]
pub(crate) fn eq(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    // A byte of `y` is zero exactly when neither its low seven bits nor its top bit is set.
    !(((y & !HIGH).wrapping_add(!HIGH)) | y) & HIGH
}

/// For each byte of `x`: 0x80 when it is an ASCII word byte (letter, digit, `_`), else 0.
#[inline]
pub(crate) fn ascii_word(x: u64) -> u64 {
    in_range(x | (ONES * 0x20), b'a', b'z') | in_range(x, b'0', b'9') | eq(x, b'_')
}

/// For each byte of `x`: 0x80 when it is a UTF-8 continuation byte (`10xxxxxx`), else 0.
#[inline]
pub(crate) fn continuation(x: u64) -> u64 {
    x & !(x << 1) & HIGH
}

/// How many bytes `flags` (0x80 or 0 each) flags: one multiplication sums the eight bits in the
/// top byte (a popcount without the instruction, which x86-64's baseline lacks).
#[inline]
pub(crate) fn count(flags: u64) -> u32 {
    ((flags >> 7).wrapping_mul(ONES) >> 56) as u32
}

/// The UTF-16 code units of the characters that start in the eight bytes `x` of a UTF-8 text:
/// one per byte that is not a continuation byte, one more per four-byte lead byte.
#[inline]
pub(crate) fn utf16_units(x: u64) -> u32 {
    if x & HIGH == 0 {
        return 8;
    }
    let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
    8 - count(continuation(x)) + count(four)
}

/// The top bits of the eight bytes of `flags` (0x80 or 0 each) as eight bits, first byte
/// lowest.
#[inline]
pub(crate) fn gather(flags: u64) -> u64 {
    (flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// A hasher for byte strings, eight bytes at a time (a multiply and a rotate per eight bytes,
/// where FNV-1a multiplies per byte): the matcher's index of distinct forms (2 MB of text) and a
/// scope's set of tokens.
#[derive(Default)]
pub(crate) struct ByteHasher(u64);

impl Hasher for ByteHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut chunks = bytes.chunks_exact(8);
        let mut h = self.0;
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            h = (h.rotate_left(26) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(26) ^ u64::from_le_bytes(last) ^ (rest.len() as u64) << 59)
                .wrapping_mul(K);
        }
        // The top bits pick the group and tag in the table: mix the high half down and up.
        self.0 = h ^ (h >> 32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every flag against the byte-by-byte rule, over every byte value in every position.
    #[test]
    fn flags_equal_byte_by_byte() {
        type Rule = (&'static str, fn(u64) -> u64, fn(u8) -> bool);
        let rules: &[Rule] = &[
            (
                "in_range",
                |x| in_range(x, b'A', b'Z'),
                |b| b.is_ascii_uppercase(),
            ),
            ("eq_quote", |x| eq(x, b'"'), |b| b == b'"'),
            ("eq_high", |x| eq(x, 0xE2), |b| b == 0xE2),
            ("eq_zero", |x| eq(x, 0), |b| b == 0),
            ("ascii_word", ascii_word, |b| {
                b.is_ascii_alphanumeric() || b == b'_'
            }),
            ("continuation", continuation, |b| b & 0xC0 == 0x80),
        ];
        for &(name, swar, byte) in rules {
            for v in 0..=255u8 {
                for pos in 0..8 {
                    // The byte among neighbours of every kind.
                    for fill in [0u8, 0x20, 0x7F, 0x80, 0xBF, 0xE2, 0xFF, v.wrapping_add(1)] {
                        let mut w = [fill; 8];
                        w[pos] = v;
                        let got = swar(u64::from_le_bytes(w));
                        for (k, &b) in w.iter().enumerate() {
                            let flag = got >> (8 * k + 7) & 1 == 1;
                            assert_eq!(flag, byte(b), "{name}: byte {b:#x} at {k} in {w:x?}");
                            assert_eq!(got >> (8 * k) & 0x7F, 0, "{name}: low bits");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn count_equals_count_ones() {
        for k in 0..=255u64 {
            // Each bit of k flags one byte.
            let flags = (0..8).fold(0u64, |f, j| f | ((k >> j & 1) << (8 * j + 7)));
            assert_eq!(count(flags), k.count_ones(), "{flags:#x}");
        }
    }

    #[test]
    fn utf16_units_of_characters_starting_in_eight_bytes() {
        // (name, text, bytes from, the units of the characters starting in the eight bytes)
        let cases: &[(&str, &str, usize, u32)] = &[
            ("ascii", "abcdefgh", 0, 8),
            ("han", "两个维护", 0, 3),
            ("han_from_inside", "两个维护", 1, 2),
            ("astral", "😀😀abcd", 0, 2 + 2),
            ("astral_cut", "ab😀cdefg", 0, 2 + 2 + 2),
        ];
        for &(name, text, from, want) in cases {
            let x = load(text.as_bytes(), from);
            assert_eq!(utf16_units(x), want, "case {name}");
        }
    }
}
