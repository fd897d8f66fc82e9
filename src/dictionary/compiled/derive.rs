//! What the Chinese part derives at load instead of storing: an entry's traditional Chinese
//! from its simplified Chinese (one small number per character, read against the normalizer's
//! traditional → simplified table). (Ids were once derived from the English name; since the
//! English names moved to the English part, which a Chinese page does not fetch, the base part
//! stores them whole.)

use std::collections::HashMap;

use crate::text::script::to_simplified;

/// For each simplified character, the traditional characters that simplify to it, in code point
/// order (the Basic Multilingual Plane's Han blocks: where the built-in `zh_hant` lives).
pub(super) struct Traditional(HashMap<char, Vec<char>>);

impl Traditional {
    pub(super) fn new() -> Traditional {
        let mut map: HashMap<char, Vec<char>> = HashMap::new();
        let blocks = [0x3400u32..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF];
        for t in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let s = to_simplified(t);
            if s != t {
                map.entry(s).or_default().push(t);
            }
        }
        Traditional(map)
    }

    /// `hant` as one number per character of `zh`: 0 keeps the character, k > 0 is the k-th
    /// traditional character that simplifies to it. `None` when `hant` is not such a
    /// character-by-character rewrite of `zh`.
    pub(super) fn codes(&self, zh: &str, hant: &str) -> Option<Vec<u32>> {
        let mut out = Vec::new();
        let mut h = hant.chars();
        for s in zh.chars() {
            let t = h.next()?;
            if t == s {
                out.push(0);
            } else {
                let k = self.0.get(&s)?.iter().position(|&c| c == t)?;
                out.push(k as u32 + 1);
            }
        }
        h.next().is_none().then_some(out)
    }

    /// The traditional text back from `zh` and the codes of [`Traditional::codes`]: `None` for
    /// a code no character has.
    pub(super) fn text(&self, zh: &str, mut code: impl FnMut() -> Option<u64>) -> Option<String> {
        zh.chars()
            .map(|s| match code()? {
                0 => Some(s),
                k => self.0.get(&s)?.get(usize::try_from(k - 1).ok()?).copied(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_round_trip() {
        let t = Traditional::new();
        let cases = [
            ("两个维护", Some("兩個維護")),
            ("中国", Some("中國")),
            ("abc", Some("abc")),
            ("两个维护", None),
        ];
        for (zh, hant) in cases {
            let hant = hant.unwrap_or("兩個");
            let codes = t.codes(zh, hant);
            if hant.chars().count() != zh.chars().count() {
                assert_eq!(codes, None, "{zh} {hant}");
                continue;
            }
            let codes = codes.expect("a rewrite");
            let mut it = codes.iter().map(|&c| u64::from(c));
            assert_eq!(t.text(zh, || it.next()).as_deref(), Some(hant));
        }
        assert_eq!(t.codes("中", "x"), None);
        assert_eq!(t.text("两", || Some(99)), None);
    }
}
