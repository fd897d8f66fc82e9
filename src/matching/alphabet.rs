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

pub(crate) mod scope;
mod spelling;
mod starts;
mod words;

use crate::text::boundary::is_word_char;
use words::{Key, Words};

pub use starts::Starts;

/// The number of every token no form uses.
pub const UNKNOWN: u32 = 0;

/// What the quotation marks `'` and `"` (the normalizer's one form of every straight, curly,
/// angled and corner quote) are read as: no token. Forms and texts are both read without them,
/// so the form "sinicize religion" is found in `to “Sinicize” religion` and 两个维护 in
/// `“两个”维护`, as quotes around the whole form always were; two words a quote stands between
/// stay two tokens (`xi's` is `xi`, `s`, never `xis`).
pub const QUOTE: u32 = u32::MAX - 1;

/// The space and the hyphen (the normalizer's one form of `-`, U+2010 and U+2011): one token,
/// so that a form written with a space between two words also matches where the text
/// hyphenates them (`opening up` in `opening-up`), as a hyphenated form matches spaced text.
/// Where the words meet the rest of the text nothing changes: the boundary rule reads the text
/// itself ([`crate::text::boundary`]), so `left` is still not found in `left-wing`. When two
/// forms differ only there (`party building`, `party-building`), the one the text spells
/// exactly is its match ([`crate::matching::candidates`]).
pub const SEPARATORS: [u8; 2] = [b' ', b'-'];

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
        word_end(s, i)
    } else {
        i
    }
}

/// Where the word that reached byte `i` of `s` (on a char boundary) ends: the ASCII fast path;
/// other characters are decoded.
#[inline]
fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
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

/// The CJK table covers the three-byte characters with lead bytes 0xE3–0xE9 (U+3000–U+9FFF),
/// indexed by code point minus 0x3000. It holds the one-character tokens of CJK punctuation and
/// kana (U+3000–U+30FF) and of Han characters of the main blocks (U+3400–U+9FFF): none of them
/// is a word character, so each is a token of its own.
const CJK_START: u32 = 0x3000;
const CJK_LEN: usize = 0x7000;

/// The table's value for the characters in between (U+3100–U+33FF: bopomofo, compatibility
/// jamo, enclosed letters…), some of which are word characters: look them up like other tokens.
const NOT_IN_TABLE: u32 = u32::MAX;

/// Is code point `c` one the CJK table holds?
#[inline]
fn in_cjk_table(c: u32) -> bool {
    matches!(c, 0x3000..=0x30FF | 0x3400..=0x9FFF)
}

/// The CJK table's index of the character at byte `i` of `b`, if it lies in the table's range
/// (its entry may still be [`NOT_IN_TABLE`]).
#[inline]
fn cjk_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..i + 3)? {
        c @ [0xE3..=0xE9, _, _] => three_byte(c).map(|c| (c - CJK_START) as usize),
        _ => None,
    }
}

/// The CJK table's index of a one-character token, if the table holds it.
#[inline]
fn cjk_token(token: &str) -> Option<usize> {
    match token.as_bytes() {
        b @ [_, _, _] => three_byte(b)
            .filter(|&c| in_cjk_table(c))
            .map(|c| (c - CJK_START) as usize),
        _ => None,
    }
}

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// For each byte of `v` (all below 0x80): 0x80 when it lies in `lo..=hi`, else 0. Exact per
/// byte: no sum carries out of its byte.
#[inline]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    let at_least = v.wrapping_add(ONES * u64::from(0x80 - lo));
    let above = v.wrapping_add(ONES * u64::from(0x7F - hi));
    at_least & !above & HIGH
}

/// For each of the eight bytes of `x`: 0x80 when it is not an ASCII word byte (letter, digit,
/// `_`), else 0.
#[inline]
fn word_stops(x: u64) -> u64 {
    let v = x & LOW7;
    let word =
        in_range(v | (ONES * 0x20), b'a', b'z') | in_range(v, b'0', b'9') | in_range(v, b'_', b'_');
    !(word & !x) & HIGH
}

/// The eight bytes of `b` from `i`, little-endian, zero-padded past the end.
#[inline]
fn load8(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
        None => {
            let mut w = [0u8; 8];
            let rest = &b[i.min(b.len())..];
            w[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(w)
        }
    }
}

/// Tokens encoded at a time before they are copied to the output.
const BLOCK: usize = 256;

/// A block of encoded tokens, and where the encoder stands.
struct Block {
    tokens: [u32; BLOCK],
    starts: [u32; BLOCK],
    /// The next byte to read.
    i: usize,
    /// Was the last token encoded unknown? (A run of unknown tokens becomes one.)
    unknown: bool,
}

/// Token numbers for one set of forms.
#[derive(Debug, Clone)]
pub struct Alphabet {
    /// Tokens of two or more bytes, other than those of the CJK table.
    words: Words,
    /// One-byte tokens (ASCII), by byte.
    ascii: Box<[u32; 128]>,
    /// One-character tokens of U+3000–U+30FF and U+3400–U+9FFF ([`CJK_START`]): a Chinese
    /// text is one token per character.
    cjk: Box<[u32; CJK_LEN]>,
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
        let mut ascii = Box::new([UNKNOWN; 128]);
        ascii[usize::from(b'"')] = QUOTE;
        ascii[usize::from(b'\'')] = QUOTE;
        Alphabet {
            words: Words::default(),
            ascii,
            cjk: (0..CJK_LEN as u32)
                .map(|k| {
                    if in_cjk_table(CJK_START + k) {
                        UNKNOWN
                    } else {
                        NOT_IN_TABLE
                    }
                })
                .collect::<Box<[u32]>>()
                .try_into()
                .expect("the table's length"),
            size: 1,
        }
    }

    fn get(&self, token: &str) -> u32 {
        match token.as_bytes() {
            [b] => self.ascii.get(usize::from(*b)).copied().unwrap_or(UNKNOWN),
            bytes => match cjk_token(token) {
                Some(i) => self.cjk[i],
                None => self.words.get(bytes),
            },
        }
    }

    /// The number of `token`, numbering it if it is new. A word's British and American
    /// spellings share one number ([`spelling`]): "centre" and "center" are one token, and a
    /// text is looked up as it is.
    pub fn add(&mut self, token: &str) -> u32 {
        let n = self.get(token);
        if n != UNKNOWN {
            return n;
        }
        let bytes = token.as_bytes();
        // A space and a hyphen are one token ([`SEPARATORS`]).
        if let [b' ' | b'-'] = bytes {
            let n = match self.ascii[usize::from(SEPARATORS[0])] {
                UNKNOWN => {
                    self.size += 1;
                    self.size - 1
                }
                n => n,
            };
            for s in SEPARATORS {
                self.ascii[usize::from(s)] = n;
            }
            return n;
        }
        let word = bytes.len() > 1 && cjk_token(token).is_none();
        let us = if word {
            spelling::american(bytes)
        } else {
            None
        };
        // A British spelling of a word numbered already takes that number.
        if let Some(n) = us
            .as_deref()
            .map(|us| self.words.get(us))
            .filter(|&n| n != UNKNOWN)
        {
            self.words.insert(bytes, n);
            return n;
        }
        let n = self.size;
        self.size += 1;
        match bytes {
            [b] => self.ascii[*b as usize] = n,
            _ => match cjk_token(token) {
                Some(i) => self.cjk[i] = n,
                None => {
                    // The American spelling, its British ones and the word itself.
                    let us = us.as_deref().unwrap_or(bytes);
                    for w in std::iter::once(us.to_vec()).chain(spelling::british(us)) {
                        if self.words.get(&w) == UNKNOWN {
                            self.words.insert(&w, n);
                        }
                    }
                    if self.words.get(bytes) == UNKNOWN {
                        self.words.insert(bytes, n);
                    }
                }
            },
        }
        n
    }

    /// The number of the space and the hyphen ([`SEPARATORS`]), or [`UNKNOWN`] when no form
    /// has either.
    pub fn separator(&self) -> u32 {
        self.ascii[usize::from(SEPARATORS[0])]
    }

    /// A form as token numbers, numbering its new tokens (its quotation marks are no tokens:
    /// [`QUOTE`]).
    pub fn add_form(&mut self, form: &str) -> Vec<u32> {
        tokens(form)
            .map(|(_, t)| self.add(t))
            .filter(|&n| n != QUOTE)
            .collect()
    }

    /// [`Alphabet::add_form`] onto the end of `out`: the form's tokens numbered (new ones as
    /// they come), its quotation marks left out. Words already numbered are looked up as the
    /// text's encoder looks them up (eight bytes at a time, no copy of the word): the patterns
    /// are built with it.
    pub fn add_form_to(&mut self, form: &str, out: &mut Vec<u32>) {
        let b = form.as_bytes();
        let mut i = 0;
        while let Some(&x) = b.get(i) {
            let start = i;
            let n = if x < 0x80 && is_ascii_word(x) {
                let (end, n) = self.ascii_word(form, start);
                i = end;
                n
            } else if x < 0x80 {
                i += 1;
                self.ascii[usize::from(x)]
            } else {
                i = token_end(form, start);
                self.get(&form[start..i])
            };
            let n = if n == UNKNOWN {
                self.add(&form[start..i])
            } else {
                n
            };
            if n != QUOTE {
                out.push(n);
            }
        }
    }

    /// A form as token numbers; `None` if it holds a token the alphabet does not know.
    pub fn encode_form(&self, form: &str) -> Option<Vec<u32>> {
        tokens(form)
            .map(|(_, t)| self.get(t))
            .filter(|&n| n != QUOTE)
            .map(|n| (n != UNKNOWN).then_some(n))
            .collect()
    }

    /// A normalized text as token numbers, and the byte offset in `text` where each token
    /// starts, plus the text's length at the end. Runs of unknown tokens become one; quotation
    /// marks are left out ([`QUOTE`]), so a match's tokens may be followed by some before the
    /// next token starts.
    #[inline(never)] // one call per text; kept apart so profiles show it
    pub fn encode_text(&self, text: &str) -> (Vec<u32>, Vec<u32>) {
        // About one token per two bytes in English (a word and a space), fewer in Chinese.
        let mut out: Vec<u32> = Vec::with_capacity(text.len() / 2 + 1);
        let mut at: Vec<u32> = Vec::with_capacity(text.len() / 2 + 2);
        let mut block = Block {
            tokens: [0; BLOCK],
            starts: [0; BLOCK],
            i: 0,
            unknown: false,
        };
        while block.i < text.len() {
            let n = self.encode_block(text, &mut block);
            out.extend_from_slice(&block.tokens[..n]);
            at.extend_from_slice(&block.starts[..n]);
        }
        at.push(text.len() as u32);
        (out, at)
    }

    /// Encodes up to [`BLOCK`] tokens of `text` from byte `block.i` into the block, and returns
    /// how many: the loop keeps its counts in registers rather than in two vectors.
    #[inline]
    fn encode_block(&self, text: &str, block: &mut Block) -> usize {
        let b = text.as_bytes();
        // Locals, so that they stay in registers; written back at the end.
        let (mut i, mut unknown) = (block.i, block.unknown);
        let mut k = 0;
        // The space's number, when a form has one (else a space is unknown, or a quote never).
        let space = self.ascii[usize::from(b' ')];
        let space_known = space != UNKNOWN && space != QUOTE;
        while k < BLOCK {
            let Some(&x) = b.get(i) else {
                break;
            };
            let start = i;
            // The commonest tokens without a general search for their end: one ASCII character
            // that is not part of a word, an ASCII word, and one CJK character of the table.
            let mut n = NOT_IN_TABLE;
            if x < 0x80 {
                if is_ascii_word(x) {
                    let (end, m) = self.ascii_word(text, start);
                    i = end;
                    n = m;
                } else {
                    i += 1;
                    n = self.ascii[usize::from(x)];
                    if n == QUOTE {
                        continue;
                    }
                }
            } else if let Some(c) = cjk_at(b, start) {
                n = self.cjk.get(c).copied().unwrap_or(NOT_IN_TABLE);
                i += 3;
            }
            if n == NOT_IN_TABLE {
                let (end, m) = self.other_token(text, start);
                i = end;
                n = m;
            }
            if n == UNKNOWN {
                if unknown {
                    continue;
                }
                unknown = true;
            } else {
                unknown = false;
            }
            block.tokens[k] = n;
            block.starts[k] = start as u32;
            k += 1;
            // A space after a token (most of an English text, between words): its number at
            // once, without another turn of the loop.
            if space_known && k < BLOCK && b.get(i) == Some(&b' ') {
                block.tokens[k] = space;
                block.starts[k] = i as u32;
                k += 1;
                i += 1;
                unknown = false;
            }
        }
        (block.i, block.unknown) = (i, unknown);
        k
    }

    /// The end and number of a token starting at byte `start` of `text` with a non-ASCII
    /// character outside the CJK table.
    #[cold]
    #[inline(never)]
    fn other_token(&self, text: &str, start: usize) -> (usize, u32) {
        let end = token_end(text, start);
        (end, self.get(&text[start..end]))
    }

    /// The end and number of the word token starting at byte `start` of `text`, an ASCII word
    /// byte: eight bytes at a time while they are ASCII word bytes.
    #[inline]
    fn ascii_word(&self, text: &str, start: usize) -> (usize, u32) {
        let b = text.as_bytes();
        let first = load8(b, start);
        let mut x = first;
        let mut i = start;
        loop {
            let stops = word_stops(x);
            if stops != 0 {
                i += (stops.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
            x = load8(b, i);
        }
        // Past the end the padding stops the word; a non-ASCII byte may continue it.
        let i = i.min(b.len());
        let end = if b.get(i).is_some_and(|&c| c >= 0x80) {
            word_end(text, i)
        } else {
            i
        };
        let n = if end - start == 1 {
            self.ascii[usize::from(b[start] & 0x7F)]
        } else {
            self.words
                .find(Key::in_text(b, start, end, first), &b[start..end])
        };
        (end, n)
    }

    /// The end and number of the token starting at byte `start` of `text` (a token boundary,
    /// `start < text.len()`): one token of [`Alphabet::encode_text`], read on its own (a
    /// quotation mark is [`QUOTE`]; no run of unknown tokens is merged).
    #[inline]
    pub fn token_at(&self, text: &str, start: usize) -> (usize, u32) {
        let b = text.as_bytes();
        let x = b[start];
        if x < 0x80 {
            if is_ascii_word(x) {
                return self.ascii_word(text, start);
            }
            return (start + 1, self.ascii[usize::from(x)]);
        }
        if let Some(c) = cjk_at(b, start) {
            let n = self.cjk.get(c).copied().unwrap_or(NOT_IN_TABLE);
            if n != NOT_IN_TABLE {
                return (start + 3, n);
            }
        }
        self.other_token(text, start)
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
        (
            // Quotation marks are no tokens: the form is found with one inside; the next token
            // starts after the closing quote (the candidates stage ends the match before it).
            "quotes_inside_are_no_tokens",
            &["sinicize religion"],
            "to \"sinicize\" religion",
            "sinicize religion",
            Some((4, 22)),
        ),
        (
            // …but a quote between two words keeps them two: "xi's" is not "xis".
            "apostrophe_keeps_words_apart",
            &["xi's"],
            "xis xi's",
            "xi's",
            Some((4, 8)),
        ),
        // A space and a hyphen are one token (`SEPARATORS`), whichever a form numbers first.
        (
            "space_in_form_hyphen_in_text",
            &["opening up"],
            "reform and opening-up, said",
            "opening up",
            Some((11, 21)),
        ),
        (
            "hyphen_in_form_space_in_text",
            &["opening-up"],
            "reform and opening up",
            "opening-up",
            Some((11, 21)),
        ),
        (
            "hyphen_numbered_before_space",
            &["self-reform", "party building"],
            "party-building",
            "party building",
            Some((0, 14)),
        ),
        (
            "separator_is_not_a_word",
            &["party building"],
            "partybuilding",
            "party building",
            None,
        ),
    ];

    #[test]
    fn space_and_hyphen_share_one_number() {
        for first in ["-", " "] {
            let mut a = Alphabet::new();
            assert_eq!(a.separator(), UNKNOWN);
            let n = a.add(first);
            assert_ne!(n, UNKNOWN);
            assert_eq!(
                (a.add("-"), a.add(" "), a.separator()),
                (n, n, n),
                "{first:?} first"
            );
            assert_eq!(a.size(), 2, "{first:?} first");
        }
    }

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
    fn cjk_table_holds_no_word_character() {
        for c in (CJK_START..CJK_START + CJK_LEN as u32).filter(|&c| in_cjk_table(c)) {
            let c = char::from_u32(c).unwrap();
            assert!(!is_word_char(c), "U+{:04X}", c as u32);
        }
    }

    /// The encoding `encode_text` must give: every token of [`tokens`] looked up by its text,
    /// quotation marks left out, runs of unknown tokens as one.
    fn encode_slowly(a: &Alphabet, text: &str) -> (Vec<u32>, Vec<u32>) {
        let (mut out, mut at) = (Vec::new(), Vec::new());
        for (i, t) in tokens(text) {
            let n = a.get(t);
            if n == QUOTE || (n == UNKNOWN && out.last() == Some(&UNKNOWN)) {
                continue;
            }
            out.push(n);
            at.push(i as u32);
        }
        at.push(text.len() as u32);
        (out, at)
    }

    const PIECES: &[&str] = &[
        "a",
        "ab",
        "the",
        "party",
        "parties",
        "consciousness",
        "internationalisation",
        "internationalisations",
        "x1_2",
        "société",
        "soci",
        "é",
        "е",
        " ",
        "-",
        "'",
        ".",
        "两",
        "个",
        "维护",
        "。",
        "「",
        "ア",
        "ㄅ",
        "ㄅㄆ",
        "한",
        "😀",
        "\u{301}",
        "0123456789abcdefg",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast paths of `encode_text` agree with cutting tokens one by one.
        #[test]
        fn encode_text_equals_token_by_token(
            forms in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 0..8),
            text in proptest::collection::vec(0..PIECES.len(), 0..40),
        ) {
            let mut a = Alphabet::new();
            for f in &forms {
                let f: String = f.iter().map(|&k| PIECES[k]).collect();
                a.add_form(&f);
            }
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            proptest::prop_assert_eq!(a.encode_text(&text), encode_slowly(&a, &text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `add_form_to` numbers forms exactly as `add_form` does, new tokens included.
        #[test]
        fn add_form_to_equals_add_form(
            forms in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 0..6), 0..10),
        ) {
            let (mut slow, mut fast) = (Alphabet::new(), Alphabet::new());
            for f in &forms {
                let f: String = f.iter().map(|&k| PIECES[k]).collect();
                let mut got = vec![7];
                fast.add_form_to(&f, &mut got);
                let mut want = vec![7];
                want.extend(slow.add_form(&f));
                proptest::prop_assert_eq!(got, want, "{:?}", f);
            }
            proptest::prop_assert_eq!(fast.size(), slow.size());
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
