//! Chinese script conversion: traditional ↔ simplified, character by character.
//!
//! The tables come from OpenCC (via the `ferrous-opencc` crate, Apache-2.0), by converting
//! every CJK code point on its own; they are committed (`src/text/script_tables.rs`) and written by
//! `scripts/opencc-tables/run`, so OpenCC is not a build dependency. Character-level conversion
//! is what the normalizer needs (one character in, one out, so offsets stay exact). Phrase-level
//! conversion of the built-in entries' `zh` comes from the same script
//! (`src/dictionary/hant_table.rs`).

#[path = "script_tables.rs"]
// S2T serves `to_traditional_chars`, which only the TOML loader calls.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
mod tables;

fn lookup(table: &[(char, char)], c: char) -> char {
    match table.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

/// The main Han blocks (U+3400–U+9FFF), where most text lies: a bit per code point says whether
/// [`tables::T2S`] has it, so a character with no simplified form needs no search.
pub(crate) const MAIN_HAN: std::ops::Range<u32> = 0x3400..0xA000;

/// [`MAIN_HAN`]'s bitmap, built on first use rather than stored: 3.4 KB less in every wasm
/// module (the embed's transfer budget), a few microseconds once.
pub(crate) fn main_han_mapped() -> &'static [u64; (0xA000 - 0x3400) / 64] {
    static BITS: std::sync::OnceLock<[u64; (0xA000 - 0x3400) / 64]> = std::sync::OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0u64; (0xA000 - 0x3400) / 64];
        for &(c, _) in tables::T2S {
            let c = c as u32;
            if MAIN_HAN.contains(&c) {
                let k = (c - MAIN_HAN.start) as usize;
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        bits
    })
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

/// The simplified form of one character (itself when it has none).
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
    lookup(tables::T2S, c)
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
                lookup(tables::S2T, c)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(tables::T2S.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(tables::S2T.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            tables::T2S.len() > 2000,
            "t2s table has {} pairs",
            tables::T2S.len()
        );
    }

    #[test]
    fn bitmap_agrees_with_the_table() {
        for u in MAIN_HAN {
            let c = char::from_u32(u).unwrap();
            assert_eq!(to_simplified(c), lookup(tables::T2S, c), "U+{u:04X}");
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
