//! The English text stream of the match part, with its frequent words as one- or two-byte
//! codes: forms repeat the same words ("the", "Party", "socialism"…) in ever new orders, which
//! gzip's back-references, each a few bytes, encode less tightly. The stream starts with its
//! word list; gzip compresses the codes and the rest of the text about a sixth better.
//!
//! Each encoded string ends with a `0x00` (a run of letters and a terminator compress better
//! than a length before each string). In a string, a byte `0x80..=0xBF` where a character would
//! start is word `byte - 0x80`; bytes `0x02..=0x08` followed by a byte `b` are word
//! `64 + (lead - 2) * 256 + b`; `0x01` followed by any byte is that byte itself (for text that
//! holds those control bytes); everything else is the text's own UTF-8.

use std::collections::HashMap;

use super::codec::{Reader, Writer};
use crate::error::Error;
use crate::text::script::is_han;

/// Words seen fewer times than this stay text.
const MIN_COUNT: usize = 14;
/// Pairs of Han characters seen fewer times than this stay text.
const MIN_COUNT_HAN: usize = 16;
/// Words shorter than this stay text (a code would not be shorter).
const MIN_LEN: usize = 3;
const ONE_BYTE: usize = 64;
const TWO_BYTE_LEADS: usize = 7;
/// The escape byte: the next byte is text.
const ESCAPE: u8 = 1;
const MAX_WORDS: usize = ONE_BYTE + TWO_BYTE_LEADS * 256;

/// Maximal runs of ASCII letters in `s`, with their byte ranges.
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        Some((start, i))
    })
}

/// Every pair of Han characters in `s` (overlapping), with its byte range.
fn han_pairs(s: &str) -> impl Iterator<Item = (usize, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let pairs: Vec<(usize, usize)> = chars
        .windows(2)
        .filter(|w| is_han(w[0].1) && is_han(w[1].1))
        .map(|w| (w[0].0, w[1].0 + w[1].1.len_utf8()))
        .collect();
    pairs.into_iter()
}

/// What a stream's "words" are.
#[derive(Clone, Copy)]
pub(super) enum Script {
    /// Runs of ASCII letters (English).
    Latin,
    /// Pairs of Han characters, coded left to right (Chinese).
    Han,
}

/// The ranges of `t` to code as words, given the word list's index.
fn coded(t: &str, script: Script, index: &HashMap<&str, usize>) -> Vec<(usize, usize)> {
    match script {
        Script::Latin => words(t)
            .filter(|&(a, b)| index.contains_key(&t[a..b]))
            .collect(),
        Script::Han => {
            let mut out: Vec<(usize, usize)> = Vec::new();
            for (a, b) in han_pairs(t) {
                if out.last().is_none_or(|&(_, end)| end <= a) && index.contains_key(&t[a..b]) {
                    out.push((a, b));
                }
            }
            out
        }
    }
}

/// Writes `texts` as a word list followed by the encoded strings, each ending with `0x00`.
pub(super) fn write(out: &mut Writer, texts: &[String], script: Script) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        let found: Box<dyn Iterator<Item = (usize, usize)>> = match script {
            Script::Latin => Box::new(words(t).filter(|&(a, b)| b - a >= MIN_LEN)),
            Script::Han => Box::new(han_pairs(t)),
        };
        for (a, b) in found {
            *counts.entry(&t[a..b]).or_default() += 1;
        }
    }
    let min = match script {
        Script::Latin => MIN_COUNT,
        Script::Han => MIN_COUNT_HAN,
    };
    let mut list: Vec<(&str, usize)> = counts.into_iter().filter(|&(_, n)| n >= min).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list.truncate(MAX_WORDS);
    let index: HashMap<&str, usize> = list.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    out.int(list.len() as u64);
    for (w, _) in &list {
        out.str(w);
    }
    let mut buf = Vec::new();
    for t in texts {
        buf.clear();
        let mut at = 0;
        for (a, b) in coded(t, script, &index) {
            let i = index[&t[a..b]];
            literal(&mut buf, &t.as_bytes()[at..a]);
            if i < ONE_BYTE {
                buf.push(0x80 + i as u8);
            } else {
                let k = i - ONE_BYTE;
                buf.push(ESCAPE + 1 + (k >> 8) as u8);
                buf.push((k & 0xff) as u8);
            }
            at = b;
        }
        literal(&mut buf, &t.as_bytes()[at..]);
        buf.push(0);
        out.0.extend_from_slice(&buf);
    }
}

/// Text bytes, with the bytes that would read as a two-byte code escaped.
fn literal(buf: &mut Vec<u8>, bytes: &[u8]) {
    for &c in bytes {
        if c <= ESCAPE + TWO_BYTE_LEADS as u8 {
            buf.push(ESCAPE);
        }
        buf.push(c);
    }
}

/// Reads a stream written by [`write`]: its word list first, then one string per call.
pub(super) struct Words {
    list: Vec<String>,
}

impl Words {
    /// Reads the word list at the start of the stream.
    pub(super) fn read(r: &mut Reader) -> Result<Words, Error> {
        let n = r.count()?;
        let list = (0..n).map(|_| r.str()).collect::<Result<_, _>>()?;
        Ok(Words { list })
    }

    /// The next string of the stream, its codes expanded.
    pub(super) fn str(&self, r: &mut Reader) -> Result<String, Error> {
        let at = r.pos;
        let b = &r.bytes[at..];
        // Room for most forms at once (growing word by word cost a reallocation per word);
        // trimmed to size at the end, as the dictionary keeps the string.
        let mut out = Vec::with_capacity(64);
        let mut i = 0;
        let word = |k: usize| {
            self.list.get(k).ok_or_else(|| {
                r.damaged(
                    at,
                    &format!("a string names word {k} of {}", self.list.len()),
                )
            })
        };
        loop {
            let &c = b
                .get(i)
                .ok_or_else(|| r.damaged(at, "a string has no end"))?;
            i += 1;
            match c {
                0 => break,
                ESCAPE => {
                    let &next = b
                        .get(i)
                        .ok_or_else(|| r.damaged(at, "a string ends in an escape"))?;
                    out.push(next);
                    i += 1;
                }
                2..=8 => {
                    let &low = b
                        .get(i)
                        .ok_or_else(|| r.damaged(at, "a string ends in a word code"))?;
                    i += 1;
                    let k = ONE_BYTE + usize::from(c - ESCAPE - 1) * 256 + usize::from(low);
                    out.extend_from_slice(word(k)?.as_bytes());
                }
                0x80..=0xBF => out.extend_from_slice(word(usize::from(c - 0x80))?.as_bytes()),
                0xC0.. => {
                    // A character of several bytes: its continuation bytes are text, not codes.
                    let n = match c {
                        0xC0..=0xDF => 1,
                        0xE0..=0xEF => 2,
                        _ => 3,
                    };
                    let end = (i + n).min(b.len());
                    out.push(c);
                    out.extend_from_slice(&b[i..end]);
                    i = end;
                }
                _ => out.push(c),
            }
        }
        out.shrink_to_fit();
        let text = String::from_utf8(out).map_err(|_| r.damaged(at, "a string is not UTF-8"))?;
        r.pos = at + i;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip() {
        let cases: Vec<(&str, Vec<String>)> = vec![
            ("empty", vec![]),
            (
                "no frequent word",
                vec!["Two Upholds".into(), "common prosperity".into()],
            ),
            (
                "frequent words, curly quotes, accents and control bytes",
                (0..300)
                    .map(|i| match i % 5 {
                        0 => format!("the “{i} Party” and socialism"),
                        1 => "Party socialism the Party".into(),
                        2 => "café Party\u{1}\u{8}\u{0}x the".into(),
                        3 => format!("w{i} word{} Party", i % 70),
                        _ => "两个维护 Party".into(),
                    })
                    .collect(),
            ),
        ];
        for (name, texts) in cases {
            let mut w = Writer(Vec::new());
            write(&mut w, &texts, Script::Latin);
            let mut r = Reader {
                bytes: &w.0,
                pos: 0,
                part: "match",
            };
            let words = Words::read(&mut r).unwrap();
            let back: Vec<String> = texts.iter().map(|_| words.str(&mut r).unwrap()).collect();
            assert_eq!(back, texts, "{name}");
            assert_eq!(r.pos, w.0.len(), "{name}");
        }
    }

    #[test]
    fn damaged_codes_are_errors() {
        let cases: [(&str, &[u8]); 4] = [
            ("a word the list lacks", &[0, 0x80, 0]),
            ("a two-byte code cut short", &[0, 2, 0]),
            ("an escape cut short", &[0, 1, 0]),
            ("no end", &[0, b'a']),
        ];
        for (name, bytes) in cases {
            let mut r = Reader {
                bytes,
                pos: 0,
                part: "match",
            };
            let words = Words::read(&mut r).unwrap();
            let err = words.str(&mut r).unwrap_err().to_string();
            assert!(err.contains("damaged at byte 1"), "{name}: {err}");
        }
    }
}
