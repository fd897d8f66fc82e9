//! The normalizer: maps a text to the form the automaton matches, with an offset map back to
//! the original text in UTF-16 code units.
//!
//! What it does, character by character:
//! * ASCII letters are lower-cased (full-width Latin letters and digits become ASCII first);
//! * curly, angled and corner quotes become `'` or `"`;
//! * `-`, U+2010 (hyphen) and U+2011 (non-breaking hyphen) stay `-` and join words; every other
//!   dash (figure, en and em dash, horizontal bar, minus sign, their small and full-width forms)
//!   separates words like a space, and is kept between two CJK characters
//!   (`Principles—to` reads as `principles to`, `维护——确立` as `维护 确立`);
//! * any run of white space (NBSP, ideographic space and line breaks included) becomes one
//!   space; the run disappears entirely between two CJK characters, and after a hyphen when it
//!   holds a line break (`Marxism-⏎Leninism` reads as `marxism-leninism`); a hyphen at a line
//!   end between a letter and a lower-case letter is a word hyphenated by print and goes too
//!   (`establish-⏎ments` reads as `establishments`, `self-⏎revolution` as `selfrevolution`,
//!   which hyphenated forms match as well), unless a function word follows (`pre-⏎and`);
//! * a hyphen broken by one space between two letters, as machine translation writes it, joins
//!   again (`self -confidence`, `self- revolution` read as `self-confidence`, `self-revolution`)
//!   unless the word after it is a function word ([`crate::text::boundary::DASH_WORDS`]), where
//!   the hyphen is a dash or a suspended hyphen (`members -its`, `pre- and post-war` stay);
//! * soft hyphens, zero-width spaces and joiners, word joiners and BOMs are dropped;
//! * the Latin ligatures U+FB00–FB06 (`ﬁ`, `ﬂ`…, common in text copied from a PDF) become
//!   their letters;
//! * traditional Chinese characters become simplified ([`crate::text::script`]).
//!
//! ```
//! let n = tifa::text::normalize("The “Two\u{a0}Upholds”");
//! assert_eq!(n.text(), "the \"two upholds\"");
//! // "two upholds" is bytes 5..16 of the normalized text, UTF-16 units 5..16 of the original.
//! assert_eq!(n.original_span(5, 16), (5, 16));
//! ```

use crate::text::boundary::{is_dash_word, is_word_char};
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

    /// The UTF-16 range of the source of normalized byte `b`.
    fn locate(&self, b: usize) -> (u32, u32) {
        let b = b as u32;
        let i = self.segments.partition_point(|s| s.norm <= b) - 1;
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
struct Builder {
    text: String,
    segments: Vec<Segment>,
    upper: Vec<u64>,
}

impl Builder {
    fn push(&mut self, c: char, start: u32, end: u32, upper: bool) {
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
    fn run(&mut self, kind: u32, width: u32, at: u32, start: u32) {
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
    fn ascii(&mut self, run: &str, start: u32) {
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
            let bits = swar::gather(swar::in_range(x, b'A', b'Z'));
            if bits != 0 {
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
    fn wide(&mut self, run: &str, start: u32) {
        let mapped = script::main_han_mapped();
        let b = run.as_bytes();
        // Is the stretch being copied inside a wide segment already?
        let mut open = false;
        let mut from = 0;
        for k in (0..b.len()).step_by(3) {
            let c = three_byte(&b[k..]);
            let Some(bit) = c.checked_sub(script::MAIN_HAN.start) else {
                continue;
            };
            if mapped[bit as usize / 64] >> (bit % 64) & 1 == 0 {
                continue;
            }
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
    fn wide_copy(&mut self, s: &str, start: u32, open: &mut bool) {
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
    fn pop_hyphen(&mut self) {
        debug_assert!(self.text.ends_with('-'));
        self.text.pop();
        let at = self.text.len() as u32;
        if self.segments.last().is_some_and(|s| s.norm == at) {
            self.segments.pop();
        }
    }

    fn set_upper(&mut self, at: usize) {
        let word = at / 64;
        if self.upper.len() <= word {
            self.upper.resize(word + 1, 0);
        }
        self.upper[word] |= 1 << (at % 64);
    }
}

/// Adds a character that is white space, a separating dash or nothing to the pending run of
/// white space (`space`: start, end, holds a line break, holds a dash).
fn take_space(mapped: Mapped, space: &mut Option<(u32, u32, bool, bool)>, start: u32, pos: u32) {
    let (newline, dash) = match mapped {
        Mapped::Drop => return,
        Mapped::Space(newline) => (newline, false),
        Mapped::Dash => (false, true),
        Mapped::Char(..) | Mapped::Ligature(_) => (false, false),
    };
    let run = space.get_or_insert((start, pos, false, false));
    run.1 = pos;
    run.2 |= newline;
    run.3 |= dash;
}

/// What one original character becomes.
enum Mapped {
    Char(char, bool),
    /// A Latin ligature, as text copied from a PDF has them (`conﬁdence`): its letters.
    Ligature(&'static str),
    Space(bool),
    /// A dash that separates words (en and em dash, horizontal bar, minus…): a space that is
    /// kept even between two CJK characters.
    Dash,
    Drop,
}

fn map_char(c: char) -> Mapped {
    match c {
        // The common case of Chinese text first (no other rule below covers this block).
        '\u{4E00}'..='\u{9FFF}' => Mapped::Char(script::to_simplified(c), false),
        'A'..='Z' => Mapped::Char(c.to_ascii_lowercase(), true),
        'a'..='z' | '0'..='9' | ' ' => Mapped::Char(c, false),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => Mapped::Space(true),
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Mapped::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
            Mapped::Char('\'', false)
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}'
        | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}' | '\u{FF02}' => {
            Mapped::Char('"', false)
        }
        // Only these join words, like `-`; every other dash separates them (below).
        '\u{2010}' | '\u{2011}' => Mapped::Char('-', false),
        '\u{2012}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => Mapped::Dash,
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            Mapped::Char(ascii.to_ascii_lowercase(), ascii.is_ascii_uppercase())
        }
        '\u{FB00}' => Mapped::Ligature("ff"),
        '\u{FB01}' => Mapped::Ligature("fi"),
        '\u{FB02}' => Mapped::Ligature("fl"),
        '\u{FB03}' => Mapped::Ligature("ffi"),
        '\u{FB04}' => Mapped::Ligature("ffl"),
        '\u{FB05}' | '\u{FB06}' => Mapped::Ligature("st"),
        c if c.is_whitespace() => Mapped::Space(false),
        c if (c as u32) >= 0x3400 => Mapped::Char(script::to_simplified(c), false),
        c => Mapped::Char(c, false),
    }
}

/// Printable ASCII other than the space: these map to themselves (lower-cased).
#[inline]
fn plain(b: Option<&u8>) -> bool {
    matches!(b, Some(0x21..=0x7E))
}

/// The length of the run of `bytes` that maps byte for byte (lower-cased): printable ASCII,
/// and single spaces followed by printable ASCII.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut j = 0;
    // Eight bytes at a time while they are printable ASCII or single spaces; a space that ends
    // the eight must be followed by printable ASCII.
    while let Some(w) = bytes.get(j..j + 8) {
        let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let spaces = swar::in_range(x, b' ', b' ');
        let hyphens = swar::in_range(x, b'-', b'-');
        // A space next to a hyphen may be a broken hyphen: the slow path decides.
        let other = (x & swar::HIGH)
            | swar::in_range(x, 0, 0x1F)
            | swar::in_range(x, 0x7F, 0x7F)
            | (spaces & (spaces << 8))
            | (spaces & (hyphens << 8))
            | (spaces & (hyphens >> 8));
        let next = bytes.get(j + 8);
        if other != 0
            || (spaces >> 63 != 0 && !(plain(next) && next != Some(&b'-')))
            || (hyphens >> 63 != 0 && next == Some(&b' '))
        {
            break;
        }
        j += 8;
    }
    loop {
        match bytes.get(j) {
            Some(b'-') if bytes.get(j + 1) == Some(&b' ') => return j,
            Some(0x21..=0x7E) => j += 1,
            Some(b' ') if plain(bytes.get(j + 1)) && bytes.get(j + 1) != Some(&b'-') => j += 2,
            _ => return j,
        }
    }
}

/// A letter of a script written with spaces (not a digit, not Han).
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !script::is_cjk(c)
}

/// Does `rest` (the original text after a hyphen, or from the letter after a space) start with
/// a word whose first character is a letter and that is no function word
/// ([`crate::text::boundary::DASH_WORDS`])? Then a hyphen and a space between it and a letter
/// are a broken hyphen.
fn joins_after_hyphen(rest: &str) -> bool {
    if !rest.chars().next().is_some_and(is_letter) {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    !is_dash_word(&word)
}

/// The code point of the three-byte UTF-8 character at the start of `b`.
#[inline]
fn three_byte(b: &[u8]) -> u32 {
    (u32::from(b[0] & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F)
}

/// Does the three-byte character `c` (starting with 0xE3–0xE9) stay one three-byte character,
/// simplified if traditional? Han characters of U+3400–U+9FFF, and the CJK punctuation and kana
/// of U+3001–U+33FF but for the corner quotes (U+300C–U+300F), which become `"`.
#[inline]
fn stays_wide(c: &[u8]) -> bool {
    match c[0] {
        0xE4..=0xE9 => true,
        0xE3 => !matches!(three_byte(c), 0x3000 | 0x300C..=0x300F),
        _ => false,
    }
}

/// The length of the run of `bytes` that are three-byte characters [`stays_wide`] keeps (most
/// of a Chinese text: Han characters and CJK punctuation).
fn wide_run(bytes: &[u8]) -> usize {
    bytes.chunks_exact(3).take_while(|c| stays_wide(c)).count() * 3
}

/// Eight bytes at a time in one `u64` (little-endian: the first byte is the lowest).
mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// The top bit of each byte.
    pub const HIGH: u64 = 0x8080_8080_8080_8080;

    /// For each byte of `x`: 0x80 when it is ASCII and lies in `lo..=hi` (`hi < 0x80`), else 0.
    /// Exact for every byte: no sum carries out of its byte.
    #[inline]
    pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let v = x & !HIGH;
        let at_least = v.wrapping_add(ONES * u64::from(0x80 - lo));
        let above = v.wrapping_add(ONES * u64::from(0x7F - hi));
        at_least & !above & !x & HIGH
    }

    /// The top bits of the eight bytes of `flags` (0x80 or 0 each) as eight bits, first byte
    /// lowest.
    #[inline]
    pub fn gather(flags: u64) -> u64 {
        (flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
    }
}

/// Normalizes `input`; see the module docs for the rules.
pub fn normalize(input: &str) -> Normalized {
    normalize_runs(input, true)
}

/// [`normalize`], with the fast paths for runs of ASCII and of CJK characters or without them
/// (the tests check that both give the same).
fn normalize_runs(input: &str, runs: bool) -> Normalized {
    let mut out = Builder {
        text: String::with_capacity(input.len()),
        segments: Vec::new(),
        upper: Vec::new(),
    };
    // A pending run of white space: (start, end, holds a line break, holds a dash).
    let mut space: Option<(u32, u32, bool, bool)> = None;
    let mut last: Option<char> = None;
    let mut pos: u32 = 0;
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of plain ASCII letters, digits and punctuation with single spaces
        // between them, one byte and one UTF-16 unit each, with no pending white space (most
        // of an English text). A single space before printable ASCII is always kept as it is.
        // (Not from a space right after a hyphen: it may be a broken hyphen.)
        if runs && space.is_none() && !(last == Some('-') && bytes[i] == b' ') {
            let n = ascii_run(&bytes[i..]);
            if n > 0 {
                out.ascii(&input[i..i + n], pos);
                pos += n as u32;
                i += n;
                last = Some(char::from(bytes[i - 1].to_ascii_lowercase()));
                continue;
            }
            // The same for a run of Han characters and CJK punctuation (most of a Chinese
            // text).
            let n = wide_run(&bytes[i..]);
            if n > 0 {
                out.wide(&input[i..i + n], pos);
                pos += (n / 3) as u32;
                i += n;
                last = out.text.chars().next_back();
                continue;
            }
        }
        let c = input[i..].chars().next().expect("a char boundary");
        i += c.len_utf8();
        let start = pos;
        pos += c.len_utf16() as u32;
        let (m, upper, tail) = match map_char(c) {
            Mapped::Char(m, upper) if m != ' ' => (m, upper, ""),
            Mapped::Ligature(letters) => {
                let (first, tail) = letters.split_at(1);
                (char::from(first.as_bytes()[0]), false, tail)
            }
            other => {
                take_space(other, &mut space, start, pos);
                continue;
            }
        };
        if let Some((s, e, newline, dash)) = space.take() {
            let joins_cjk = !dash && last.is_some_and(script::is_cjk) && script::is_cjk(m);
            let wrapped_hyphen = newline && last == Some('-');
            // A word hyphenated at a line end, as print and PDFs break them
            // (`establish-⏎ments`): the hyphen goes too, when a lower-case letter follows and a
            // letter comes before it. Such a hyphen and a compound's own (`self-⏎revolution`)
            // look the same, so hyphenated forms also match without their hyphens
            // ([`crate::matching`] derives that variant).
            let hyphenation = wrapped_hyphen
                && !dash
                && !upper
                && is_letter(m)
                && out.text.chars().rev().nth(1).is_some_and(is_letter)
                && joins_after_hyphen(&input[i - c.len_utf8()..]);
            if hyphenation {
                out.pop_hyphen();
            }
            // One space (no line break, no dash) inside a hyphenated word: `self -confidence`
            // (this is the hyphen) or `self- revolution` (this is the letter after it).
            let one_space = e == s + 1 && !newline && !dash;
            let broken_hyphen = one_space
                && if m == '-' {
                    last.is_some_and(is_letter) && joins_after_hyphen(&input[i..])
                } else {
                    last == Some('-')
                        && out.text.chars().rev().nth(1).is_some_and(is_letter)
                        && joins_after_hyphen(&input[i - c.len_utf8()..])
                };
            if !joins_cjk && !wrapped_hyphen && !broken_hyphen {
                out.push(' ', s, e, false);
            }
        }
        out.push(m, start, pos, upper);
        // The other letters of a ligature come from the same character.
        for t in tail.chars() {
            out.push(t, start, pos, false);
        }
        last = Some(tail.chars().next_back().unwrap_or(m));
    }
    if let Some((s, e, _, _)) = space {
        out.push(' ', s, e, false);
    }
    Normalized {
        text: out.text,
        segments: out.segments,
        upper: out.upper,
        original_len: pos,
    }
}

/// Normalizes a dictionary form: the same rules, with outer spaces trimmed.
///
/// ```
/// assert_eq!(tifa::text::normalize_form("  Two\u{2011}Upholds "), "two-upholds");
/// assert_eq!(tifa::text::normalize_form("兩個維護"), "两个维护");
/// ```
pub fn normalize_form(form: &str) -> String {
    normalize(form).text().trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, input, normalized text)
    const CASES: &[(&str, &str, &str)] = &[
        ("ascii_case", "Two Upholds", "two upholds"),
        ("curly_quotes", "‘core’ “core”", "'core' \"core\""),
        (
            "hyphens_join",
            "self‐reform self‑reform",
            "self-reform self-reform",
        ),
        ("en_dash_separates", "Marxism–Leninism", "marxism leninism"),
        (
            "em_dash_separates",
            "Principles—to keep",
            "principles to keep",
        ),
        ("spaced_em_dash", "Principles — to", "principles to"),
        ("horizontal_bar", "core―and", "core and"),
        ("minus_sign", "a−b", "a b"),
        ("figure_dash", "a‒b", "a b"),
        ("two_em_dash", "a⸺b", "a b"),
        ("small_em_dash", "a﹘b", "a b"),
        ("full_width_hyphen_minus", "a－b", "a b"),
        ("dash_kept_between_cjk", "维护——确立", "维护 确立"),
        ("nbsp_and_runs", "two\u{a0}\u{a0}  upholds", "two upholds"),
        ("line_break", "two\r\n   upholds", "two upholds"),
        ("soft_hyphen_and_zw", "up\u{ad}holds\u{200b}", "upholds"),
        ("full_width", "ＴＷＯ　Ｕｐｈｏｌｄｓ１２", "two upholds12"),
        ("traditional", "兩個維護", "两个维护"),
        ("cjk_line_break", "两个\n维护", "两个维护"),
        // A word hyphenated at a line end (print, PDFs) joins; a capital after the hyphen
        // keeps it (a compound of names), and so does a function word (a suspended hyphen).
        ("wrapped_hyphen", "self-\nrevolution", "selfrevolution"),
        (
            "hyphenated_at_line_end",
            "two establish-\r\n  ments",
            "two establishments",
        ),
        (
            "wrapped_hyphen_before_capital",
            "Marxism-\nLeninism",
            "marxism-leninism",
        ),
        (
            "wrapped_hyphen_before_function_word",
            "pre-\nand post-war",
            "pre-and post-war",
        ),
        ("wrapped_hyphen_after_digit", "covid-\n19", "covid-19"),
        (
            "ligatures",
            "self-con\u{fb01}dence, e\u{fb00}ective",
            "self-confidence, effective",
        ),
        (
            "wrapped_non_breaking_hyphen",
            "con\u{2011}\nsciousness",
            "consciousness",
        ),
        // Machine translation, "four self -confidence" (set 6 of tests/recall/after.md).
        (
            "broken_hyphen_space_before",
            "four self -confidence",
            "four self-confidence",
        ),
        (
            "broken_hyphen_space_after",
            "self- revolution",
            "self-revolution",
        ),
        (
            "broken_hyphen_nbsp",
            "self\u{a0}-confidence",
            "self-confidence",
        ),
        (
            "hyphen_as_dash_before_its",
            "members -its decisions",
            "members -its decisions",
        ),
        ("suspended_hyphen", "pre- and post-war", "pre- and post-war"),
        (
            "suspended_hyphen_to",
            "two- to three-year",
            "two- to three-year",
        ),
        ("spaced_dash", "reform - opening", "reform - opening"),
        ("two_spaces_kept", "self  -confidence", "self -confidence"),
        ("digit_after_hyphen", "covid -19", "covid -19"),
        ("digit_before_hyphen", "g20 -summit", "g20 -summit"),
        ("broken_hyphen_accented", "café -bar", "café-bar"),
        (
            "line_break_before_hyphen",
            "self\n-confidence",
            "self -confidence",
        ),
        ("corner_quotes", "「兩個確立」", "\"两个确立\""),
    ];

    #[test]
    fn table() {
        for (name, input, want) in CASES {
            assert_eq!(normalize(input).text(), *want, "case {name}");
        }
    }

    #[test]
    fn offsets_are_utf16_of_the_original() {
        let text = "😀 两个\n維護";
        let n = normalize(text);
        assert_eq!(n.text(), "😀 两个维护");
        let start = n.text().find("两个维护").unwrap();
        // 😀 is 2 UTF-16 units, then a space: the term starts at 3 and ends at 8 (line break inside).
        assert_eq!(n.original_span(start, n.text().len()), (3, 8));
    }

    /// Pieces of text whose every mix must normalize the same with and without the fast paths.
    const PIECES: &[&str] = &[
        "a",
        "Party",
        "THE",
        " ",
        "  ",
        "\n",
        "-",
        "'",
        ".",
        "Two Upholds",
        "x Y z",
        "两",
        "兩個",
        "維護",
        "。",
        "、",
        "「",
        "」",
        "〝",
        "ア",
        "㐀",
        "\u{3000}",
        "—",
        "–",
        "\u{a0}",
        "😀",
        "é",
        "Ｐａｒｔｙ",
        "\u{ad}",
        "\u{200b}",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "\t",
        "\u{7f}",
        "~",
        "“",
        "”",
        "«",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The run fast paths give the same text, offset map and capital letters as the
        /// character-by-character path.
        #[test]
        fn runs_equal_char_by_char(text in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let (fast, slow) = (normalize_runs(&text, true), normalize_runs(&text, false));
            proptest::prop_assert_eq!(fast.text(), slow.text());
            for b in 0..fast.text().len() {
                proptest::prop_assert_eq!(fast.locate(b), slow.locate(b), "byte {}", b);
                proptest::prop_assert_eq!(fast.was_upper(b), slow.was_upper(b), "byte {}", b);
            }
        }
    }

    #[test]
    fn long_ascii_capitals_across_words() {
        // Capitals on both sides of every 64-byte boundary of the bitmap.
        let text: String = (0..300)
            .map(|i| if i % 7 == 0 { 'Q' } else { 'q' })
            .collect();
        let n = normalize(&text);
        for i in 0..300 {
            assert_eq!(n.was_upper(i), i % 7 == 0, "byte {i}");
        }
    }

    #[test]
    fn upper_bits() {
        let n = normalize("a Core ＣＯＲＥ");
        assert!(!n.was_upper(0));
        assert!(n.was_upper(2));
        assert!(!n.was_upper(3));
        assert!(n.was_upper(7));
    }

    #[test]
    fn space_run_maps_to_whole_run() {
        let n = normalize("a \u{a0}\n b");
        assert_eq!(n.text(), "a b");
        assert_eq!(n.original_span(1, 2), (1, 5));
    }
}
