//! Chinese script conversion: traditional ↔ simplified, character by character.
//!
//! The tables come from OpenCC (via the `ferrous-opencc` crate, Apache-2.0), by converting
//! every CJK code point on its own; they are committed (`src/text/script_tables.rs`) and written by
//! `scripts/opencc-tables/run`, so OpenCC is not a build dependency. Character-level conversion
//! is what the normalizer needs (one character in, one out, so offsets stay exact). Phrase-level
//! conversion of the built-in entries' `zh` comes from the same script
//! (`src/dictionary/hant_table.rs`).
//!
//! The traditional → simplified table is compiled in with the feature `builtin-t2s` (on by
//! default, and with `toml`). Without it (the embed's wasm module, whose English pages never
//! need the table), the table is *installed* at run time, once, from the bytes the Chinese
//! match part carries ([`install_t2s`], which its reader calls before it reads anything
//! Chinese); until then [`to_simplified`] leaves every character as it is, which no engine
//! without Chinese forms can tell apart. A scope built before the table came is simplified
//! when an engine is built from it (`Scope::simplified`).

#[path = "script_tables.rs"]
// S2T serves `to_traditional_chars`, which only the TOML loader calls; T2S is read only with
// the feature `builtin-t2s` (without it, neither is linked in).
#[cfg_attr(not(all(feature = "toml", feature = "builtin-t2s")), allow(dead_code))]
mod tables;

fn lookup(table: &[(u32, u32)], c: char) -> char {
    match table.binary_search_by_key(&(c as u32), |&(from, _)| from) {
        Ok(i) => char::from_u32(table[i].1).unwrap_or(c),
        Err(_) => c,
    }
}

/// Decodes a table of [`tables`]: for each pair, two unsigned LEB128 numbers, the first code
/// point's distance from the previous pair's first (from 0) and the second's offset from the
/// first, zigzag-coded (0, -1, 1, -2, … as 0, 1, 2, 3, …); `scripts/opencc-tables` writes them.
/// The encoding is a third of the size of `[(char, char)]` (about 6 KB less gzip in every wasm
/// module: the embed's transfer budget); decoding it takes a few microseconds, once.
fn decode_pairs(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let mut it = bytes.iter();
    let mut next = || {
        let (mut n, mut shift) = (0u32, 0u32);
        for &b in it.by_ref() {
            n |= u32::from(b & 0x7f).wrapping_shl(shift);
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
        }
        None
    };
    let mut from = 0u32;
    while let (Some(distance), Some(z)) = (next(), next()) {
        from = from.wrapping_add(distance);
        out.push((from, from.wrapping_add((z >> 1) ^ (z & 1).wrapping_neg())));
    }
    out
}

/// [`tables::T2S`], decoded on first use.
fn t2s() -> &'static [(u32, u32)] {
    &t2s_and_bitmap().0
}

/// [`tables::S2T`], decoded on first use.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
fn s2t() -> &'static [(u32, u32)] {
    static PAIRS: std::sync::OnceLock<Vec<(u32, u32)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| decode_pairs(tables::S2T))
}

/// The main Han blocks (U+3400–U+9FFF), where most text lies: a bit per code point says whether
/// [`tables::T2S`] has it, so a character with no simplified form needs no search.
pub(crate) const MAIN_HAN: std::ops::Range<u32> = 0x3400..0xA000;

/// A bit per code point of [`MAIN_HAN`].
type MainHanBits = [u64; (0xA000 - 0x3400) / 64];

/// [`MAIN_HAN`]'s bitmap, built on first use rather than stored: 3.4 KB less in every wasm
/// module (the embed's transfer budget), a few microseconds once.
pub(crate) fn main_han_mapped() -> &'static MainHanBits {
    &t2s_and_bitmap().1
}

/// The traditional → simplified pairs and [`MAIN_HAN`]'s bitmap of them.
type T2sTable = (Vec<(u32, u32)>, MainHanBits);

/// `pairs` with [`MAIN_HAN`]'s bitmap of their first characters.
fn with_bitmap(pairs: Vec<(u32, u32)>) -> T2sTable {
    let mut bits = [0u64; (0xA000 - 0x3400) / 64];
    for &(c, _) in &pairs {
        if MAIN_HAN.contains(&c) {
            let k = (c - MAIN_HAN.start) as usize;
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    (pairs, bits)
}

/// [`tables::T2S`] decoded and [`MAIN_HAN`]'s bitmap of it, both made at the first call (one
/// lazy value, not two: less code in the wasm).
#[cfg(feature = "builtin-t2s")]
fn t2s_and_bitmap() -> &'static T2sTable {
    static BOTH: std::sync::OnceLock<T2sTable> = std::sync::OnceLock::new();
    BOTH.get_or_init(|| with_bitmap(decode_pairs(tables::T2S)))
}

/// The table installed from a Chinese match part ([`install_t2s`]), with its encoded bytes.
#[cfg(not(feature = "builtin-t2s"))]
static INSTALLED: std::sync::OnceLock<(T2sTable, Vec<u8>)> = std::sync::OnceLock::new();

/// The table installed ([`install_t2s`]), or none (no pair: every character stays itself).
#[cfg(not(feature = "builtin-t2s"))]
fn t2s_and_bitmap() -> &'static T2sTable {
    static NONE: T2sTable = (Vec::new(), [0; (0xA000 - 0x3400) / 64]);
    INSTALLED.get().map_or(&NONE, |(t, _)| t)
}

/// Is the traditional → simplified table there: built in (the feature `builtin-t2s`), or
/// installed from a Chinese match part ([`install_t2s`])?
pub(crate) fn t2s_ready() -> bool {
    #[cfg(feature = "builtin-t2s")]
    return true;
    #[cfg(not(feature = "builtin-t2s"))]
    return INSTALLED.get().is_some();
}

/// The traditional → simplified table, encoded as [`decode_pairs`] reads it: what the writer
/// stores in the Chinese match part. Empty in a build without the feature `builtin-t2s` that
/// has not installed one.
pub(crate) fn t2s_bytes() -> &'static [u8] {
    #[cfg(feature = "builtin-t2s")]
    return tables::T2S;
    #[cfg(not(feature = "builtin-t2s"))]
    return INSTALLED.get().map_or(&[], |(_, b)| b.as_slice());
}

/// The pairs of an encoded table, checked: `Err` with what is wrong when they are none, out of
/// order, or name no character (a damaged part must not give wrong results).
#[cfg_attr(feature = "builtin-t2s", allow(dead_code))]
fn checked_pairs(bytes: &[u8]) -> Result<Vec<(u32, u32)>, &'static str> {
    let pairs = decode_pairs(bytes);
    if pairs.is_empty() {
        return Err("its traditional → simplified table holds no pair");
    }
    if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
        return Err("its traditional → simplified table is out of order");
    }
    if !pairs
        .iter()
        .all(|&(a, b)| char::from_u32(a).is_some() && char::from_u32(b).is_some())
    {
        return Err("its traditional → simplified table names no character");
    }
    Ok(pairs)
}

/// Installs the traditional → simplified table from `bytes` (a Chinese match part's, encoded
/// as [`decode_pairs`] reads it), once. With the feature `builtin-t2s` the built-in table is
/// used and `bytes` are not read. Without it: `Err(None)` when `bytes` are empty (the part
/// carries no table), `Err(Some(what))` when they are damaged or differ from a table
/// installed before (parts of another build); a second call with the same bytes does nothing.
pub(crate) fn install_t2s(bytes: &[u8]) -> Result<(), Option<&'static str>> {
    #[cfg(feature = "builtin-t2s")]
    {
        let _ = bytes;
        Ok(())
    }
    #[cfg(not(feature = "builtin-t2s"))]
    {
        if let Some((_, installed)) = INSTALLED.get() {
            return if installed.as_slice() == bytes {
                Ok(())
            } else {
                Err(Some("its traditional → simplified table differs from the one read before (parts of two builds): reload every part"))
            };
        }
        if bytes.is_empty() {
            return Err(None);
        }
        let pairs = checked_pairs(bytes).map_err(Some)?;
        let _ = INSTALLED.set((with_bitmap(pairs), bytes.to_vec()));
        Ok(())
    }
}

/// Is `c` a Han (CJK ideograph) character?
///
/// ```
/// assert!(tifa::text::is_han('党'));
/// assert!(!tifa::text::is_han('P'));
/// ```
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Is `c` a character of a script written without spaces (Han, kana, Hangul, CJK punctuation)?
///
/// ```
/// use tifa::text::is_cjk;
/// assert!(is_cjk('党') && is_cjk('の') && is_cjk('。'));
/// assert!(!is_cjk('P') && !is_cjk(' '));
/// ```
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0xFF00..=0xFF0F)
}

/// The simplified form of one character (itself when it has none; every character, in a build
/// without the feature `builtin-t2s`, until a Chinese match part has been read).
pub fn to_simplified(c: char) -> char {
    let u = c as u32;
    if u < MAIN_HAN.start {
        return c;
    }
    if u < MAIN_HAN.end {
        let k = (u - MAIN_HAN.start) as usize;
        if main_han_mapped()[k / 64] >> (k % 64) & 1 == 0 {
            return c;
        }
    }
    lookup(t2s(), c)
}

/// The traditional form of a simplified string, character by character.
///
/// Used for user dictionaries at run time, where OpenCC's phrase tables are not shipped; the
/// built-in dictionary's traditional forms come from OpenCC's phrase-level conversion instead.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub fn to_traditional_chars(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c as u32) < 0x3400 {
                c
            } else {
                lookup(s2t(), c)
            }
        })
        .collect()
}

/// What a build without the feature `builtin-t2s` checks in a Chinese match part's table
/// (these run in every build).
#[cfg(test)]
mod installed {
    use super::*;

    /// (name, encoded bytes, the error, or `None` for a table that is accepted)
    const CHECKED: &[(&str, &[u8], Option<&str>)] = &[
        ("empty", &[], Some("holds no pair")),
        ("one_pair", &[0x8b, 0xae, 0x01, 27], None),
        // 國 → 国, then a distance of 0: the same character again.
        (
            "repeated_character",
            &[0x8b, 0xae, 0x01, 27, 0x00, 0x02],
            Some("out of order"),
        ),
        // 國 → a code point past U+10FFFF.
        (
            "beyond_unicode",
            &[0x8b, 0xae, 0x01, 0x80, 0x80, 0x80, 0x80, 0x01],
            Some("names no character"),
        ),
    ];

    #[test]
    fn checked_pairs_table() {
        for &(name, bytes, want) in CHECKED {
            match (checked_pairs(bytes), want) {
                (Ok(_), None) => {}
                (Err(e), Some(w)) => assert!(e.contains(w), "case {name}: {e}"),
                (got, _) => panic!("case {name}: {got:?}"),
            }
        }
    }

    /// The bytes the writer stores are the table in use: with the built-in one, the
    /// committed bytes, which check out.
    #[cfg(feature = "builtin-t2s")]
    #[test]
    fn the_written_table_is_the_builtin_one() {
        assert!(t2s_ready());
        assert_eq!(t2s_bytes(), tables::T2S);
        assert_eq!(checked_pairs(t2s_bytes()).unwrap(), t2s());
        assert_eq!(install_t2s(&[]), Ok(()), "the built-in table needs none");
    }
}

#[cfg(all(test, feature = "builtin-t2s"))]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for (name, table) in [("t2s", t2s()), ("s2t", s2t())] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "{name}");
            assert!(
                table
                    .iter()
                    .all(|&(a, b)| char::from_u32(a).is_some() && char::from_u32(b).is_some()),
                "{name}: every pair decodes to two characters"
            );
            assert!(table.len() > 2000, "{name} table has {} pairs", table.len());
        }
    }

    #[test]
    fn bitmap_agrees_with_the_table() {
        for u in MAIN_HAN {
            let c = char::from_u32(u).unwrap();
            assert_eq!(to_simplified(c), lookup(t2s(), c), "U+{u:04X}");
        }
    }

    /// (name, character, its simplified form)
    const SIMPLIFIED: &[(&str, char, char)] = &[
        ("traditional", '護', '护'),
        ("already_simplified", '党', '党'),
        ("latin", 'P', 'P'),
    ];

    #[test]
    fn simplified_table() {
        for &(name, c, want) in SIMPLIFIED {
            assert_eq!(to_simplified(c), want, "case {name}");
        }
    }

    /// (name, encoded bytes, the pairs they decode to)
    const ENCODED: &[(&str, &[u8], &[(u32, u32)])] = &[
        ("empty", &[], &[]),
        // 國 U+570B (three LEB128 bytes) → 国 U+56FD: offset -14, zigzag 27.
        (
            "one_pair_offset_down",
            &[0x8b, 0xae, 0x01, 27],
            &[(0x570B, 0x56FD)],
        ),
        // Then 護 U+8B77 → 护 U+62A4: distance 0x346C, offset -0x28D3, zigzag 0x51A5.
        (
            "second_pair_is_relative",
            &[0x8b, 0xae, 0x01, 27, 0xec, 0x68, 0xa5, 0xa3, 0x01],
            &[(0x570B, 0x56FD), (0x8B77, 0x62A4)],
        ),
        // 㑮 U+346E → 𫝈 U+2B748, beyond the BMP: offset +0x282DA, zigzag 0x505B4.
        (
            "offset_up_to_extension_b",
            &[0xee, 0x68, 0xb4, 0x8b, 0x14],
            &[(0x346E, 0x2B748)],
        ),
        (
            "truncated_pair_is_dropped",
            &[0x8b, 0xae, 0x01, 27, 0x05],
            &[(0x570B, 0x56FD)],
        ),
    ];

    #[test]
    fn decode_pairs_table() {
        for &(name, bytes, want) in ENCODED {
            assert_eq!(decode_pairs(bytes), want, "case {name}");
        }
    }

    /// The first pair of each committed table, as OpenCC gives it (a check that the committed
    /// bytes and the decoder agree on the format).
    #[test]
    fn committed_tables_start_where_opencc_does() {
        assert_eq!(t2s()[0], ('㑮' as u32, '𫝈' as u32));
        assert_eq!(lookup(t2s(), '國'), '国');
        assert_eq!(lookup(s2t(), '国'), '國');
    }

    #[test]
    fn traditional_of_a_phrase() {
        assert_eq!(to_traditional_chars("两个维护"), "兩個維護");
    }

    #[test]
    fn round_trip_of_party_vocabulary() {
        for simp in [
            "两个维护",
            "全面从严治党",
            "党风廉政建设",
            "关键少数",
            "国之大者",
        ] {
            let trad = to_traditional_chars(simp);
            let back: String = trad.chars().map(to_simplified).collect();
            assert_eq!(back, simp, "via {trad}");
        }
    }
}
