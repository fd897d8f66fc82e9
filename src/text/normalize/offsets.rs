//! The normalized text and its offset map back to the original (UTF-16 code units), and the
//! builder that writes both as the normalizer goes.

use super::chars::{swar, three_byte};
use crate::text::script;

/// A stretch of the normalized text, from byte `norm` up to the next segment's.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// First normalized byte.
    norm: u32,
    /// UTF-16 offset in the original where the first byte's source starts.
    start: u32,
    /// For a single source character: where it ends; for a run, [`ASCII_RUN`] or [`WIDE_RUN`].
    end: u32,
}

/// A run of characters that are each one normalized byte and one UTF-16 unit (ASCII).
const ASCII_RUN: u32 = u32::MAX;
/// A run of characters that are each three normalized bytes and one UTF-16 unit (most of the
/// BMP, Han characters included).
const WIDE_RUN: u32 = u32::MAX - 1;

/// A normalized text and the map from its bytes back to the original's UTF-16 offsets.
///
/// The map is sparse: a run of ASCII characters that each stay one byte (one UTF-16 unit in
/// the original, one byte after) is one segment, and so is a run of characters that are each
/// three bytes after and one unit before (a line of Chinese), so plain text needs a handful of
/// segments, not two offsets per byte.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// Sorted by `norm`; the first starts at byte 0.
    segments: Vec<Segment>,
    /// One bit per normalized byte: was the source an upper-case letter?
    upper: Vec<u64>,
    original_len: u32,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the original text in UTF-16 code units.
    pub fn original_len(&self) -> u32 {
        self.original_len
    }

    /// Maps a byte range of the normalized text to a UTF-16 range of the original
    /// (end exclusive). `start < end <= text().len()` must hold.
    pub fn original_span(&self, start: usize, end: usize) -> (u32, u32) {
        (self.locate(start).0, self.locate(end - 1).1)
    }

    /// [`Normalized::original_span`] for spans that come mostly in text order: `hint` is where
    /// the last search ended (start with 0), and the search looks a few segments on from there
    /// before it falls back to a binary search. The same answer for any hint.
    pub(crate) fn original_span_from(
        &self,
        hint: &mut usize,
        start: usize,
        end: usize,
    ) -> (u32, u32) {
        let s = self.segment_near(hint, start as u32);
        let e = self.segment_near(hint, (end - 1) as u32);
        (
            self.locate_in(s, start as u32).0,
            self.locate_in(e, (end - 1) as u32).1,
        )
    }

    /// The index of the segment holding normalized byte `b`, looked for from `hint` first
    /// (and left there).
    #[inline]
    fn segment_near(&self, hint: &mut usize, b: u32) -> usize {
        let segs = &self.segments;
        let mut i = *hint;
        if i < segs.len() && segs[i].norm <= b {
            let mut steps = 0;
            while i + 1 < segs.len() && segs[i + 1].norm <= b {
                i += 1;
                steps += 1;
                if steps == 8 {
                    i += segs[i..].partition_point(|s| s.norm <= b) - 1;
                    break;
                }
            }
        } else {
            i = segs.partition_point(|s| s.norm <= b) - 1;
        }
        *hint = i;
        i
    }

    /// The UTF-16 range of the source of normalized byte `b`.
    pub(super) fn locate(&self, b: usize) -> (u32, u32) {
        let b = b as u32;
        let i = self.segments.partition_point(|s| s.norm <= b) - 1;
        self.locate_in(i, b)
    }

    /// [`Normalized::locate`] in segment `i`, the one holding byte `b`.
    #[inline]
    fn locate_in(&self, i: usize, b: u32) -> (u32, u32) {
        let s = self.segments[i];
        let at = match s.end {
            ASCII_RUN => s.start + (b - s.norm),
            WIDE_RUN => s.start + (b - s.norm) / 3,
            end => return (s.start, end),
        };
        (at, at + 1)
    }

    /// Was the character at normalized byte `i` an upper-case letter in the original?
    pub fn was_upper(&self, i: usize) -> bool {
        self.upper
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
}

/// A [`Normalized`] being written.
pub(super) struct Builder {
    /// The normalized text so far.
    pub(super) text: String,
    segments: Vec<Segment>,
    upper: Vec<u64>,
}

impl Builder {
    /// An empty builder with room for `len` bytes of text.
    pub(super) fn new(len: usize) -> Builder {
        Builder {
            text: String::with_capacity(len),
            segments: Vec::new(),
            upper: Vec::new(),
        }
    }

    /// The normalized text of an original of `original_len` UTF-16 units.
    pub(super) fn finish(self, original_len: u32) -> Normalized {
        Normalized {
            text: self.text,
            segments: self.segments,
            upper: self.upper,
            original_len,
        }
    }

    pub(super) fn push(&mut self, c: char, start: u32, end: u32, upper: bool) {
        let at = self.text.len() as u32;
        self.text.push(c);
        match (c.len_utf8(), end == start + 1) {
            (1, true) => self.run(ASCII_RUN, 1, at, start),
            (3, true) => self.run(WIDE_RUN, 3, at, start),
            _ => self.segments.push(Segment {
                norm: at,
                start,
                end,
            }),
        }
        if upper {
            self.set_upper(at as usize);
        }
    }

    /// Records that the `width` normalized bytes at `at` come from the one unit at `start`,
    /// extending the last segment when it is a run of the same kind that ends just there.
    #[inline]
    pub(super) fn run(&mut self, kind: u32, width: u32, at: u32, start: u32) {
        if let Some(last) = self.segments.last() {
            if last.end == kind && last.start + (at - last.norm) / width == start {
                return;
            }
        }
        self.segments.push(Segment {
            norm: at,
            start,
            end: kind,
        });
    }

    /// Appends printable ASCII (and single spaces), lower-cased, from the units at `start`.
    pub(super) fn ascii(&mut self, run: &str, start: u32) {
        let at = self.text.len();
        self.text.push_str(run);
        self.text[at..].make_ascii_lowercase();
        self.run(ASCII_RUN, 1, at as u32, start);
        let words = (at + run.len()) / 64 + 2;
        if self.upper.len() < words {
            self.upper.resize(words, 0);
        }
        // Eight bytes at a time: most have no capital letter.
        let mut chunks = run.as_bytes().chunks_exact(8);
        let mut i = at;
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let capitals = swar::in_range(x, b'A', b'Z');
            if capitals != 0 {
                let bits = swar::gather(capitals);
                self.upper[i / 64] |= bits << (i % 64);
                if i % 64 > 56 {
                    self.upper[i / 64 + 1] |= bits >> (64 - i % 64);
                }
            }
            i += 8;
        }
        for &b in chunks.remainder() {
            self.upper[i / 64] |= u64::from(b.is_ascii_uppercase()) << (i % 64);
            i += 1;
        }
    }

    /// Appends a run of three-byte characters that each stay one character of three bytes
    /// ([`wide_run`]), from the units at `start` (one each): copied as they are, but for the
    /// traditional characters, which become simplified.
    pub(super) fn wide(&mut self, run: &str, start: u32) {
        let mapped = script::main_han_mapped();
        let b = run.as_bytes();
        // Is the stretch being copied inside a wide segment already?
        let mut open = false;
        let mut from = 0;
        for (j, three) in b.chunks_exact(3).enumerate() {
            let c = three_byte(three);
            // Wrapping: code points below the table (CJK punctuation) fall past its end.
            let bit = c.wrapping_sub(script::MAIN_HAN.start) as usize;
            if mapped
                .get(bit / 64)
                .is_none_or(|w| w >> (bit % 64) & 1 == 0)
            {
                continue;
            }
            let k = 3 * j;
            self.wide_copy(&run[from..k], start + from as u32 / 3, &mut open);
            let unit = start + k as u32 / 3;
            let m = script::to_simplified(char::from_u32(c).expect("a character"));
            if m.len_utf8() == 3 {
                self.wide_copy(m.encode_utf8(&mut [0; 4]), unit, &mut open);
            } else {
                self.push(m, unit, unit + 1, false);
                open = false;
            }
            from = k + 3;
        }
        self.wide_copy(&run[from..], start + from as u32 / 3, &mut open);
    }

    /// Appends `s`, three-byte characters from one unit each starting at unit `start`, to the
    /// current wide segment (opening one first unless `open`).
    #[inline]
    pub(super) fn wide_copy(&mut self, s: &str, start: u32, open: &mut bool) {
        if s.is_empty() {
            return;
        }
        if !*open {
            self.run(WIDE_RUN, 3, self.text.len() as u32, start);
            *open = true;
        }
        self.text.push_str(s);
    }

    /// Takes back the hyphen that ends the text (a line-end hyphenation), with the segment
    /// that starts at it, if one does; a run that ends with it ends one byte earlier.
    pub(super) fn pop_hyphen(&mut self) {
        debug_assert!(self.text.ends_with('-'));
        self.text.pop();
        let at = self.text.len() as u32;
        if self.segments.last().is_some_and(|s| s.norm == at) {
            self.segments.pop();
        }
    }

    pub(super) fn set_upper(&mut self, at: usize) {
        let word = at / 64;
        if self.upper.len() <= word {
            self.upper.resize(word + 1, 0);
        }
        self.upper[word] |= 1 << (at % 64);
    }
}
