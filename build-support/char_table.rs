//! Character-level tables from OpenCC, shared by `scripts/opencc-tables` (which writes them into
//! tifa's sources) and `scripts/compare-converters` (which measures them against other converters).
//! Not part of the library: both include this file with `#[path]`.

use std::ops::RangeInclusive;

use ferrous_opencc::OpenCC;

/// The CJK code points tifa's tables cover: Extension A, the URO, the compatibility
/// ideographs and Extension B.
pub const RANGES: [RangeInclusive<u32>; 4] = [
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xF900..=0xFAFF,
    0x20000..=0x2A6DF,
];

/// Converts each code point of `ranges` alone with each converter in turn; the first that
/// changes it into exactly one other character gives the pair. Sorted by the first column.
///
/// ```ignore
/// let t2s = OpenCC::from_config(BuiltinConfig::T2s)?;
/// let pairs = char_pairs(&RANGES, &[&t2s]); // contains ('國', '国')
/// ```
pub fn char_pairs(ranges: &[RangeInclusive<u32>], converters: &[&OpenCC]) -> Vec<(char, char)> {
    let mut pairs = Vec::new();
    let mut buf = String::new();
    for range in ranges {
        for c in range.clone().filter_map(char::from_u32) {
            buf.clear();
            buf.push(c);
            for cc in converters {
                let converted = cc.convert(&buf);
                let mut chars = converted.chars();
                if let (Some(d), None) = (chars.next(), chars.next()) {
                    if d != c {
                        pairs.push((c, d));
                        break;
                    }
                }
            }
        }
    }
    pairs
}
