//! Where a form may start in a text: the skipping search's filter over the alphabet's tokens
//! (see [`Starts`]).

use super::words::Key;
use super::*;

/// Where a form may start in a text, told without numbering the tokens before it: the search
/// skips every token that starts no form while no form is under way
/// ([`crate::matching::automaton::Automaton::find_in_text`]). Most words of a text start no
/// form, so most of a text is read a word at a time, its end found eight bytes at a time and
/// its key looked up in a bitmap, not in the table of words.
///
/// It answers "maybe" for every token that starts a form, and for a few others (a word whose
/// key shares its bit with a word that starts a form, a word that runs into a non-ASCII
/// character): those are numbered and found to start nothing.
#[derive(Debug, Clone)]
pub struct Starts {
    /// Bit `hash >> (64 - START_BITS)` of the [`Key`] of each word token (one ASCII letter or
    /// more) that starts a form.
    words: Box<[u64]>,
    /// For each ASCII byte that is no word byte: does it, a token of its own, start a form?
    /// (Quotation marks never do: they are no tokens.)
    bytes: [bool; 128],
    /// Bit `c - CJK_START`, for the characters of the CJK table: may the character start a
    /// form? Set for those the table does not hold ([`NOT_IN_TABLE`]), which are looked up.
    cjk: Box<[u64]>,
    /// One spelling of each token, by number ([`Starts::spelled_at`]).
    spell: Vec<Spelling>,
}

/// One spelling of a token: its key, and whether it is a word (which must end where the text's
/// word ends). The unknown token and the quotation marks have an empty one, never found.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    key: Key,
    word: bool,
}

/// log2 of the bits of [`Starts::words`]: 16 KB, for some thousands of words that start forms.
const START_BITS: u32 = 17;

impl Starts {
    /// The starts of the forms of `alphabet` whose first token `starts` says yes to (the
    /// automaton's root has an edge on it).
    pub fn new(alphabet: &Alphabet, starts: impl Fn(u32) -> bool) -> Starts {
        let starts = |n: u32| n != UNKNOWN && n != QUOTE && n != NOT_IN_TABLE && starts(n);
        let mut words = vec![0u64; (1 << START_BITS) / 64];
        let mut set = |key: Key| {
            let k = (key.hash() >> (64 - START_BITS)) as usize;
            words[k / 64] |= 1 << (k % 64);
        };
        let mut bytes = [false; 128];
        for b in 0..128u8 {
            if !starts(alphabet.ascii[usize::from(b)]) {
                continue;
            }
            if is_ascii_word(b) {
                set(Key::of(&[b]));
            } else {
                bytes[usize::from(b)] = true;
            }
        }
        for (key, n) in alphabet.words.keys() {
            if starts(n) {
                set(key);
            }
        }
        let mut cjk = vec![0u64; CJK_LEN.div_ceil(64)];
        for (k, &n) in alphabet.cjk.iter().enumerate() {
            if n == NOT_IN_TABLE || starts(n) {
                cjk[k / 64] |= 1 << (k % 64);
            }
        }
        // The spellings: each word's first in the table, each byte's and character's own.
        let none = Spelling {
            key: Key::of(&[]),
            word: false,
        };
        let mut spell = vec![none; alphabet.size()];
        let mut put = |n: u32, key: Key, word: bool| {
            if let Some(s) = spell.get_mut(n as usize) {
                if n != UNKNOWN && s.key.is_empty() {
                    *s = Spelling { key, word };
                }
            }
        };
        for b in 0..128u8 {
            put(
                alphabet.ascii[usize::from(b)],
                Key::of(&[b]),
                is_ascii_word(b),
            );
        }
        for (key, n) in alphabet.words.keys() {
            put(n, key, true);
        }
        for (k, &n) in alphabet.cjk.iter().enumerate() {
            if n != NOT_IN_TABLE {
                let c = char::from_u32(CJK_START + k as u32).expect("a CJK character");
                put(n, Key::of(c.encode_utf8(&mut [0; 4]).as_bytes()), false);
            }
        }
        Starts {
            words: words.into(),
            bytes,
            cjk: cjk.into(),
            spell,
        }
    }

    /// If the token at byte `i` of `text` (a token boundary, `i < text.len()`) is the one
    /// spelling of token `n` this keeps, where it ends: the search's check of the one token
    /// a state goes on with, without cutting the text's token out and looking it up. `None`
    /// when it is not, or not that spelling (a British one, a word that runs into a non-ASCII
    /// character): the token is then looked up.
    #[inline]
    pub fn spelled_at(&self, text: &str, i: usize, n: u32) -> Option<usize> {
        let s = self.spell.get(n as usize)?;
        let b = text.as_bytes();
        let end = i + s.key.len();
        if end > b.len() || !s.key.is_at(b, i) {
            return None;
        }
        // A word ends where the text's word ends: at the text's end or an ASCII byte that is
        // no word byte (after a non-ASCII one it may run on).
        if s.word && b.get(end).is_some_and(|&c| c >= 0x80 || is_ascii_word(c)) {
            return None;
        }
        Some(end)
    }

    #[inline]
    fn word(&self, key: Key) -> bool {
        let k = (key.hash() >> (64 - START_BITS)) as usize;
        self.words[k / 64] >> (k % 64) & 1 != 0
    }

    #[inline]
    fn cjk(&self, c: usize) -> bool {
        self.cjk.get(c / 64).is_some_and(|w| w >> (c % 64) & 1 != 0)
    }

    /// From byte `i` of `text` (a token boundary), the first token boundary where a token
    /// that may start a form begins, or the text's length: every token in between starts no
    /// form (or is a quotation mark, no token at all). An ASCII word is told by its key, a
    /// character of the CJK table by its bit; at a word that runs into a non-ASCII byte, and
    /// at any other character, it stops, and the token there is numbered like any other.
    #[inline]
    pub fn skip(&self, text: &str, mut i: usize) -> usize {
        let b = text.as_bytes();
        let len = b.len();
        while i < len {
            let x = b[i];
            if x >= 0x80 {
                match cjk_at(b, i) {
                    Some(c) if !self.cjk(c) => {
                        i += 3;
                        continue;
                    }
                    _ => return i,
                }
            }
            if !is_ascii_word(x) {
                if self.bytes[usize::from(x)] {
                    return i;
                }
                i += 1;
                continue;
            }
            let first = load8(b, i);
            let stops = word_stops(first);
            let end = if stops != 0 {
                i + (stops.trailing_zeros() / 8) as usize
            } else {
                let mut j = i + 8;
                loop {
                    let stops = word_stops(load8(b, j));
                    if stops != 0 {
                        break j + (stops.trailing_zeros() / 8) as usize;
                    }
                    j += 8;
                }
            };
            // (Past the end the zero padding stops the word.)
            let end = end.min(len);
            if end < len && b[end] >= 0x80 {
                return i;
            }
            if self.word(Key::in_text(b, i, end, first)) {
                return i;
            }
            i = end;
        }
        len
    }
}
