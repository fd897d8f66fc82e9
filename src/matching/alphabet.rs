//! The automaton's alphabet: whole words, not bytes.
//!
//! Every normalized form is cut into tokens — a maximal run of word characters
//! ([`crate::text::boundary::is_word_char`]) or one other character (a space, a hyphen, one Han
//! character) — and each distinct token gets a number. The automaton
//! ([`crate::matching::automaton`]) runs over these numbers; the text is cut and numbered the same way
//! before the search, and tokens no form uses become one "unknown" token.
//!
//! The built-in forms' 770,000 byte prefixes become about 250,000 token prefixes, so the
//! automaton builds several times faster: what a page waits for at start. A match can only
//! start and end between tokens, so a form never matches inside a word, which the boundary
//! rule required anyway.
//!
//! ```ignore
//! use tifa::alphabet::Alphabet;
//! let mut a = Alphabet::new();
//! let form = a.add_form("two upholds");
//! assert_eq!(form.len(), 3); // "two", " ", "upholds"
//! let (text, at) = a.encode_text("the two upholds");
//! let i = text.windows(3).position(|w| w == form.as_slice()).unwrap();
//! assert_eq!((at[i], at[i + 3]), (4, 15)); // byte offsets in the normalized text
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::boundary::is_word_char;

/// The number of every token no form uses.
pub const UNKNOWN: u32 = 0;

/// FNV-1a: tokens are short, and SipHash's start-up cost dominates for them.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with FNV hashing, for short string keys.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The tokens of a normalized string, with their byte offsets.
///
/// ```ignore
/// let t: Vec<_> = tifa::alphabet::tokens("xi's 两个").collect();
/// assert_eq!(t, [(0, "xi"), (2, "'"), (3, "s"), (4, " "), (5, "两"), (8, "个")]);
/// ```
pub fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= s.len() {
            return None;
        }
        let start = i;
        i = token_end(s, i);
        Some((start, &s[start..i]))
    })
}

/// Which bytes are ASCII word characters (letters, digits, `_`): one load per byte of a word.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

#[inline]
fn is_ascii_word(b: u8) -> bool {
    ASCII_WORD[b as usize]
}

/// Where the token starting at byte `i` of `s` (`i < s.len()`, on a char boundary) ends.
#[inline]
fn token_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    let word = if b[i] < 0x80 {
        i += 1;
        is_ascii_word(b[i - 1])
    } else {
        let c = s[i..].chars().next().expect("a char boundary");
        i += c.len_utf8();
        is_word_char(c)
    };
    if word {
        // ASCII fast path; other characters are decoded.
        while i < b.len() {
            if is_ascii_word(b[i]) {
                i += 1;
            } else if b[i] < 0x80 {
                break;
            } else {
                let c = s[i..].chars().next().expect("a char boundary");
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
    }
    i
}

/// The code point of a three-byte UTF-8 sequence starting at `b[0]`, if it is one.
#[inline]
fn three_byte(b: &[u8]) -> Option<u32> {
    match *b {
        [x @ 0xE0..=0xEF, y, z, ..] => {
            Some((u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F))
        }
        _ => None,
    }
}

const HAN_START: u32 = 0x3400;
const HAN_LEN: usize = 0xA000 - 0x3400;

/// The table index of a one-character token in U+3400–U+9FFF.
#[inline]
fn han_index(token: &str) -> Option<usize> {
    let mut chars = token.chars();
    let c = chars.next()? as u32;
    (chars.next().is_none() && (HAN_START..0xA000).contains(&c)).then(|| (c - HAN_START) as usize)
}

/// Token numbers for one set of forms.
#[derive(Debug, Clone)]
pub struct Alphabet {
    /// Tokens of two or more bytes.
    words: FastMap<Box<str>, u32>,
    /// One-byte tokens (ASCII), by byte.
    ascii: Vec<u32>,
    /// Han characters of the main blocks (U+3400–U+9FFF), by code point − 0x3400: a Chinese
    /// text is one token per character, and a table is faster than hashing each.
    han: Vec<u32>,
    /// Number of tokens, plus one for [`UNKNOWN`].
    size: u32,
}

impl Default for Alphabet {
    fn default() -> Alphabet {
        Alphabet::new()
    }
}

impl Alphabet {
    /// An empty alphabet: every token is unknown.
    pub fn new() -> Alphabet {
        Alphabet {
            words: FastMap::default(),
            ascii: vec![UNKNOWN; 128],
            han: vec![UNKNOWN; HAN_LEN],
            size: 1,
        }
    }

    fn get(&self, token: &str) -> u32 {
        match token.as_bytes() {
            [b] if b.is_ascii() => self.ascii[*b as usize],
            [_, _, _] => match han_index(token) {
                Some(i) => self.han[i],
                None => self.words.get(token).copied().unwrap_or(UNKNOWN),
            },
            _ => self.words.get(token).copied().unwrap_or(UNKNOWN),
        }
    }

    /// The number of `token`, numbering it if it is new.
    pub fn add(&mut self, token: &str) -> u32 {
        match self.get(token) {
            UNKNOWN => {
                let n = self.size;
                self.size += 1;
                match token.as_bytes() {
                    [b] if b.is_ascii() => self.ascii[*b as usize] = n,
                    _ => match han_index(token) {
                        Some(i) => self.han[i] = n,
                        None => {
                            self.words.insert(token.into(), n);
                        }
                    },
                }
                n
            }
            n => n,
        }
    }

    /// A form as token numbers, numbering its new tokens.
    pub fn add_form(&mut self, form: &str) -> Vec<u32> {
        tokens(form).map(|(_, t)| self.add(t)).collect()
    }

    /// A form as token numbers; `None` if it holds a token the alphabet does not know.
    pub fn encode_form(&self, form: &str) -> Option<Vec<u32>> {
        tokens(form)
            .map(|(_, t)| self.get(t))
            .map(|n| (n != UNKNOWN).then_some(n))
            .collect()
    }

    /// A normalized text as token numbers, and the byte offset in `text` where each token
    /// starts, plus the text's length at the end. Runs of unknown tokens become one.
    pub fn encode_text(&self, text: &str) -> (Vec<u32>, Vec<u32>) {
        let b = text.as_bytes();
        let mut out: Vec<u32> = Vec::with_capacity(text.len() / 3 + 1);
        let mut at: Vec<u32> = Vec::with_capacity(text.len() / 3 + 2);
        let mut i = 0;
        while i < b.len() {
            let start = i;
            let x = b[i];
            // The two commonest tokens without a search for their end: one ASCII character
            // that is not part of a word, and one Han character of the main blocks.
            let n = if x < 0x80 && !is_ascii_word(x) {
                i += 1;
                self.ascii[x as usize]
            } else if let Some(c) = three_byte(&b[i..]).filter(|c| (HAN_START..0xA000).contains(c))
            {
                i += 3;
                self.han[(c - HAN_START) as usize]
            } else {
                i = token_end(text, i);
                self.get(&text[start..i])
            };
            if n == UNKNOWN && out.last() == Some(&UNKNOWN) {
                continue;
            }
            at.push(start as u32);
            out.push(n);
        }
        at.push(text.len() as u32);
        (out, at)
    }

    /// Number of distinct tokens, plus one for the unknown token: token numbers are below it.
    pub fn size(&self) -> usize {
        self.size as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, forms, text, form that must be found, expected offsets or None)
    const CASES: &[(&str, &[&str], &str, &str, Option<(u32, u32)>)] = &[
        (
            "word",
            &["two upholds"],
            "the two upholds now",
            "two upholds",
            Some((4, 15)),
        ),
        (
            "not inside a word",
            &["core"],
            "the hardcore fans",
            "core",
            None,
        ),
        (
            "han",
            &["两个维护"],
            "坚决做到两个维护。",
            "两个维护",
            Some((12, 24)),
        ),
        (
            "unknown run",
            &["两个维护"],
            "甲乙丙两个维护",
            "两个维护",
            Some((9, 21)),
        ),
        (
            "apostrophe",
            &["people's congress"],
            "the people's congress",
            "people's congress",
            Some((4, 21)),
        ),
    ];

    #[test]
    fn table() {
        for &(name, forms, text, form, want) in CASES {
            let mut a = Alphabet::new();
            for f in forms {
                a.add_form(f);
            }
            let f = a.encode_form(form).unwrap();
            let (enc, at) = a.encode_text(text);
            let got = enc
                .windows(f.len())
                .position(|w| w == f.as_slice())
                .map(|i| (at[i], at[i + f.len()]));
            assert_eq!(got, want, "case {name}");
        }
    }

    #[test]
    fn tokens_get_distinct_numbers() {
        let mut a = Alphabet::new();
        let words: Vec<String> = (0..70_000).map(|i| format!("w{i}")).collect();
        let mut seen = std::collections::HashSet::new();
        for w in &words {
            let s = a.add_form(w);
            assert_eq!(s.len(), 1);
            assert!(seen.insert(s[0]), "{w}");
            assert!((s[0] as usize) < a.size());
        }
        assert_eq!(a.encode_form("w17"), Some(vec![18]));
        assert_eq!(a.encode_form("unseen"), None);
    }
}
