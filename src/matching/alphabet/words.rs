//! The numbers of word tokens (two or more bytes), by their bytes.
//!
//! An open-addressing table made for looking up a word just scanned in a text: a word's key is
//! its first eight bytes, its last eight bytes and its length, so a word of up to 16 bytes (almost
//! every word) is compared in three integer comparisons, with no hashing of every byte and no
//! call to compare memory. Longer words keep their bytes in one buffer and are compared in full.

use super::UNKNOWN;

/// A word's key: its first eight bytes (zero-padded), the last eight when it is longer than
/// eight (else 0), and its length. For words of up to 16 bytes the key is the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key {
    head: u64,
    tail: u64,
    len: u32,
}

impl Key {
    /// The key of `word`.
    pub(super) fn of(word: &[u8]) -> Key {
        let mut head = [0u8; 8];
        let n = word.len().min(8);
        head[..n].copy_from_slice(&word[..n]);
        Key::with_head(word, u64::from_le_bytes(head))
    }

    /// The key of `text[start..end]` (`end > start`), when the eight bytes at `start` are
    /// already loaded as `first` (little-endian; only the word's own bytes of it are used).
    #[inline]
    pub(super) fn in_text(text: &[u8], start: usize, end: usize, first: u64) -> Key {
        let n = end - start;
        let head = if n >= 8 {
            first
        } else {
            first & (u64::MAX >> (64 - 8 * n))
        };
        Key::with_head(&text[start..end], head)
    }

    /// The word's length.
    #[inline]
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// Is it the key of no word (the empty one)?
    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Are the bytes of `b` from `i` (`i + self.len() <= b.len()`) the word, for a word of up
    /// to 16 bytes? (A longer word is never found: its middle is not in the key.)
    #[inline]
    pub(super) fn is_at(&self, b: &[u8], i: usize) -> bool {
        let n = self.len as usize;
        if n == 0 || n > 16 {
            return false;
        }
        let head = match b.get(i..i + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
            None => {
                let mut w = [0u8; 8];
                let rest = &b[i..];
                w[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(w)
            }
        };
        let head = if n >= 8 {
            head
        } else {
            head & (u64::MAX >> (64 - 8 * n))
        };
        head == self.head
            && (n <= 8
                || u64::from_le_bytes(b[i + n - 8..i + n].try_into().expect("eight bytes"))
                    == self.tail)
    }

    #[inline]
    fn with_head(word: &[u8], head: u64) -> Key {
        let n = word.len();
        let tail = match word.get(n.wrapping_sub(8)..) {
            Some(last) if n > 8 => u64::from_le_bytes(last.try_into().expect("eight bytes")),
            _ => 0,
        };
        Key {
            head,
            tail,
            len: n as u32,
        }
    }

    #[inline]
    pub(super) fn hash(&self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ u64::from(self.len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// One word of the table.
#[derive(Debug, Clone)]
struct Entry {
    key: Key,
    id: u32,
    /// Where the word's bytes start in [`Words::long`], for words of more than 16 bytes.
    long_at: u32,
}

/// Word → token number.
#[derive(Debug, Clone)]
pub(super) struct Words {
    /// Per slot: 0 when empty, else the entry's index plus one in the low half and the top
    /// half of its hash in the high half (most mismatches never touch an entry).
    slots: Vec<u64>,
    /// log2 of `slots.len()`.
    bits: u32,
    entries: Vec<Entry>,
    /// The bytes of the words longer than 16 bytes, one after another.
    long: Vec<u8>,
}

impl Default for Words {
    fn default() -> Words {
        Words {
            slots: vec![0; 16],
            bits: 4,
            entries: Vec::new(),
            long: Vec::new(),
        }
    }
}

impl Words {
    /// The number of `word`, or [`UNKNOWN`].
    pub(super) fn get(&self, word: &[u8]) -> u32 {
        self.find(Key::of(word), word)
    }

    /// The number of the word `word` with key `key` (from [`Key::of`] or [`Key::in_text`]).
    #[inline(always)]
    pub(super) fn find(&self, key: Key, word: &[u8]) -> u32 {
        let h = key.hash();
        let tag = h & 0xFFFF_FFFF_0000_0000;
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return UNKNOWN;
            }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let e = &self.entries[(slot as u32 - 1) as usize];
                if e.key == key && (key.len <= 16 || self.long_word_is(e, word)) {
                    return e.id;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Is the long word of `e` (more than 16 bytes) `word`? Apart, as long words are rare.
    #[cold]
    #[inline(never)]
    fn long_word_is(&self, e: &Entry, word: &[u8]) -> bool {
        self.long
            .get(e.long_at as usize..e.long_at as usize + e.key.len as usize)
            == Some(word)
    }

    /// Adds `word` (not in the table yet) as number `id`.
    pub(super) fn insert(&mut self, word: &[u8], id: u32) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = Key::of(word);
        let long_at = if word.len() > 16 {
            self.long.extend_from_slice(word);
            (self.long.len() - word.len()) as u32
        } else {
            0
        };
        self.entries.push(Entry { key, id, long_at });
        self.place(self.entries.len() - 1);
    }

    /// Puts entry `e` in the first free slot of its probe sequence.
    fn place(&mut self, e: usize) {
        let h = self.entries[e].key.hash();
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (h & 0xFFFF_FFFF_0000_0000) | (e as u64 + 1);
    }

    /// Doubles the slots and places every entry again.
    fn grow(&mut self) {
        self.bits += 1;
        self.slots = vec![0; 1 << self.bits];
        for e in 0..self.entries.len() {
            self.place(e);
        }
    }

    /// The key and the number of every word.
    pub(super) fn keys(&self) -> impl Iterator<Item = (Key, u32)> + '_ {
        self.entries.iter().map(|e| (e.key, e.id))
    }

    /// Number of words.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_in_text_equals_key_of_the_word() {
        let text = b"a bc defghijk lmnopqrstuvwxyz0123456789 tail";
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                let mut first = [0u8; 8];
                let n = (text.len() - start).min(8);
                first[..n].copy_from_slice(&text[start..start + n]);
                let first = u64::from_le_bytes(first);
                assert_eq!(
                    Key::in_text(text, start, end, first),
                    Key::of(&text[start..end]),
                    "{start}..{end}"
                );
            }
        }
    }

    /// (name, words added, probes with the expected answer: Some(index into the words) or None)
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &[&str], &[(&str, Option<usize>)])] = &[
        (
            "short_words",
            &["ab", "abc", "party", "partyy"],
            &[
                ("ab", Some(0)),
                ("party", Some(2)),
                ("part", None),
                ("abcd", None),
            ],
        ),
        (
            "nine_to_sixteen_bytes",
            &["consciousness", "123456789", "1234567890abcdef"],
            &[
                ("consciousness", Some(0)),
                ("consciousnesz", None),
                ("123456789", Some(1)),
                ("1234567890abcdef", Some(2)),
                ("1234567890abcdex", None),
            ],
        ),
        (
            "long_words_same_ends",
            &["internationalxxxxalisation", "internationalyyyyalisation"],
            &[
                ("internationalxxxxalisation", Some(0)),
                ("internationalyyyyalisation", Some(1)),
                ("internationalzzzzalisation", None),
            ],
        ),
        (
            "non_ascii",
            &["société", "ünïcödé"],
            &[
                ("société", Some(0)),
                ("ünïcödé", Some(1)),
                ("societe", None),
            ],
        ),
    ];

    #[test]
    fn table() {
        for (name, words, probes) in CASES {
            let mut t = Words::default();
            for (i, w) in words.iter().enumerate() {
                t.insert(w.as_bytes(), i as u32 + 1);
            }
            assert_eq!(t.len(), words.len(), "case {name}");
            for (probe, want) in *probes {
                let want = want.map_or(UNKNOWN, |i| i as u32 + 1);
                assert_eq!(t.get(probe.as_bytes()), want, "case {name}: {probe}");
            }
        }
    }

    #[test]
    fn many_words_survive_growth() {
        let mut t = Words::default();
        let words: Vec<String> = (0..50_000).map(|i| format!("w{i}x{}", i * 7)).collect();
        for (i, w) in words.iter().enumerate() {
            t.insert(w.as_bytes(), i as u32 + 1);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), i as u32 + 1, "{w}");
        }
        assert_eq!(t.get(b"w1x8"), UNKNOWN);
    }
}
