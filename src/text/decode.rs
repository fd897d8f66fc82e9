//! Reading a file's bytes as text, in the encodings readers' files come in: UTF-8 (a byte order
//! mark is dropped), UTF-16 with a byte order mark, or without one when its zero bytes show it,
//! and — when a file is not UTF-8 — GB18030 or Big5 if it reads as Chinese in one of them. The
//! CLI reads texts and dictionaries with it, and the Python binding its extra dictionaries, so
//! both accept the same files with the same messages. (The page and the embed decode in the
//! browser, the same way.)
//!
//! ```
//! use tifa::text::decode::decode;
//! // UTF-16LE with a byte order mark.
//! let mut bytes = vec![0xFF, 0xFE];
//! bytes.extend("两个维护".encode_utf16().flat_map(u16::to_le_bytes));
//! let got = decode(bytes, &|_| true).unwrap();
//! assert_eq!(got.text, "两个维护");
//! assert_eq!(got.note, Some("UTF-16LE"));
//!
//! let err = decode(b"two \xff here".to_vec(), &|_| true).unwrap_err();
//! assert_eq!(err.line, Some(1));
//! assert!(err.message.starts_with("not valid UTF-8 (line 1, byte 4)"));
//! ```

use std::fmt;

/// A decoded file.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding read, when it was not UTF-8 (`"UTF-16LE"`, `"GB18030"`…), for a note to
    /// the user.
    pub note: Option<&'static str>,
}

/// Why bytes could not be read as text: a message without the file's name (the caller knows
/// it), and the line it happened on when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The line (from 1) of the first byte that could not be read, when known.
    pub line: Option<usize>,
    /// What is wrong and what to do, e.g. `not valid UTF-8 (line 2, byte 15), nor Chinese in
    /// GB18030 or Big5; convert it to UTF-8 first, e.g. with iconv`.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

fn error(line: Option<usize>, message: String) -> DecodeError {
    DecodeError { line, message }
}

#[derive(Clone, Copy)]
enum Utf16 {
    Le,
    Be,
}

/// UTF-16 without a byte order mark, recognised by its zero bytes: text in Latin script has a
/// zero in every other byte (the high byte of each unit), always at the same parity.
fn guess_utf16(bytes: &[u8]) -> Option<Utf16> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += (pair[0] == 0) as usize;
        odd += (pair[1] == 0) as usize;
    }
    let pairs = sample.len() / 2;
    if odd * 4 >= pairs && even * 8 <= odd {
        Some(Utf16::Le)
    } else if even * 4 >= pairs && odd * 8 <= even {
        Some(Utf16::Be)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], order: Utf16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(error(
            None,
            format!(
                "UTF-16 with an odd number of bytes ({}): the file is cut short",
                bytes.len()
            ),
        ));
    }
    let units = bytes.chunks_exact(2).map(|p| match order {
        Utf16::Le => u16::from_le_bytes([p[0], p[1]]),
        Utf16::Be => u16::from_be_bytes([p[0], p[1]]),
    });
    let mut text = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(e) => {
                let line = text.matches('\n').count() + 1;
                return Err(error(
                    Some(line),
                    format!(
                        "not valid UTF-16 (unpaired surrogate U+{:04X} near byte {}); convert it to UTF-8 first, e.g. with iconv",
                        e.unpaired_surrogate(),
                        2 * i
                    ),
                ));
            }
        }
    }
    Ok(text)
}

/// Decodes a file's bytes: UTF-8 (a byte order mark is dropped), UTF-16 with a byte order mark,
/// UTF-16 without one when its zero bytes show it, or GB18030 or Big5 when the bytes are not
/// UTF-8 but read as Chinese in one of them. `known_han` tells the Han characters a right
/// decoding is mostly made of (the dictionary's): a wrong one yields rare characters. Anything
/// else holding NUL bytes is refused (it would read as UTF-8 with NULs: no match, no warning).
pub fn decode(bytes: Vec<u8>, known_han: &dyn Fn(char) -> bool) -> Result<Decoded, DecodeError> {
    let (text, note) = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => (decode_utf16(rest, Utf16::Le)?, Some("UTF-16LE")),
        [0xFE, 0xFF, rest @ ..] => (decode_utf16(rest, Utf16::Be)?, Some("UTF-16BE")),
        b if b.contains(&0) => match guess_utf16(b) {
            Some(Utf16::Le) => (
                decode_utf16(b, Utf16::Le)?,
                Some("UTF-16LE (no byte order mark)"),
            ),
            Some(Utf16::Be) => (
                decode_utf16(b, Utf16::Be)?,
                Some("UTF-16BE (no byte order mark)"),
            ),
            None => utf8(bytes, known_han)?,
        },
        _ => utf8(bytes, known_han)?,
    };
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(error(
            Some(line),
            format!("holds a NUL character (at byte {at} of the decoded text): not a text file, or in an encoding tifa does not read (UTF-32?); convert it to UTF-8 first"),
        ));
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Decoded { text, note })
}

/// The legacy encodings of Chinese text tried when a file is not UTF-8, in order.
const LEGACY: [(&encoding_rs::Encoding, &str); 2] = [
    (encoding_rs::GB18030, "GB18030"),
    (encoding_rs::BIG5, "Big5"),
];

/// `bytes` decoded without error in GB18030 or Big5, whichever reads best as Chinese: at least
/// two Han characters, and at least a fifth of them known.
fn legacy_chinese(
    bytes: &[u8],
    known_han: &dyn Fn(char) -> bool,
) -> Option<(String, &'static str)> {
    let mut best: Option<(f64, String, &'static str)> = None;
    for (encoding, name) in LEGACY {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        let (han, common) = text
            .chars()
            .filter(|&c| super::is_han(c))
            .fold((0usize, 0usize), |(h, k), c| {
                (h + 1, k + usize::from(known_han(c)))
            });
        let score = common as f64 / han.max(1) as f64;
        if han >= 2 && score >= 0.2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, text.into_owned(), name));
        }
    }
    best.map(|(_, text, name)| (text, name))
}

fn utf8(
    bytes: Vec<u8>,
    known_han: &dyn Fn(char) -> bool,
) -> Result<(String, Option<&'static str>), DecodeError> {
    let e = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(e) => e,
    };
    if let Some((text, name)) = legacy_chinese(e.as_bytes(), known_han) {
        return Ok((text, Some(name)));
    }
    let at = e.utf8_error().valid_up_to();
    let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    Err(error(
        Some(line),
        format!("not valid UTF-8 (line {line}, byte {at}), nor Chinese in GB18030 or Big5; convert it to UTF-8 first, e.g. with iconv"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    /// Every character counts as known: the tests of legacy encodings name their own set.
    fn any(_: char) -> bool {
        true
    }

    /// Regression (issue 14, item 10): UTF-16 without a byte order mark was read as UTF-8 with
    /// NULs: no match, exit 0, no warning.
    #[test]
    fn utf16_and_utf8_are_read_with_a_note() {
        let text = "The Two Upholds, 两个维护.\n";
        for (name, bytes, note) in [
            ("le_bom", utf16(text, true, true), Some("UTF-16LE")),
            ("be_bom", utf16(text, false, true), Some("UTF-16BE")),
            (
                "le_plain",
                utf16(text, true, false),
                Some("UTF-16LE (no byte order mark)"),
            ),
            (
                "be_plain",
                utf16(text, false, false),
                Some("UTF-16BE (no byte order mark)"),
            ),
            ("utf8", text.as_bytes().to_vec(), None),
            (
                "utf8_bom",
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                None,
            ),
        ] {
            let got = decode(bytes, &any).unwrap();
            assert_eq!(got.text, text, "case {name}");
            assert_eq!(got.note, note, "case {name}");
        }
    }

    /// (name, bytes, line, fragment of the message)
    const REFUSED: &[(&str, &[u8], Option<usize>, &str)] = &[
        (
            "nul_in_utf8",
            b"two upholds\0\0\0 here\n",
            Some(1),
            "holds a NUL character (at byte 11",
        ),
        ("odd_utf16", b"\xFF\xFEa\0b", None, "odd number of bytes"),
        (
            "lone_surrogate",
            b"\xFF\xFEa\0\n\0\x00\xD8a\0",
            Some(2),
            "unpaired surrogate U+D800",
        ),
        (
            "not_utf8",
            b"two \xff here",
            Some(1),
            "not valid UTF-8 (line 1, byte 4), nor Chinese in GB18030 or Big5",
        ),
        (
            "not_utf8_second_line",
            b"[[term]]\nid = \"\xff\"\n",
            Some(2),
            "not valid UTF-8 (line 2, byte 15)",
        ),
    ];

    #[test]
    fn refused_with_a_message_and_its_line() {
        for (name, bytes, line, want) in REFUSED {
            let err = decode(bytes.to_vec(), &any).unwrap_err();
            assert!(err.message.contains(want), "case {name}: {err}");
            assert_eq!(err.line, *line, "case {name}: {err}");
        }
    }

    /// Issue 12: files in GB18030 or Big5 are read as the page reads them, with a note.
    #[test]
    fn chinese_legacy_encodings_are_read_with_a_note() {
        let simplified = "全面从严治党，坚持两个维护。";
        let traditional = "全面從嚴治黨，堅持兩個維護。";
        let known = |c: char| simplified.contains(c) || traditional.contains(c);
        let cases = [
            ("gb18030", encoding_rs::GB18030, simplified, "GB18030"),
            ("big5", encoding_rs::BIG5, traditional, "Big5"),
            ("gbk_traditional", encoding_rs::GBK, traditional, "GB18030"),
        ];
        for (name, encoding, text, note) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable, "case {name}: the test text must be encodable");
            let got = decode(bytes.into_owned(), &known).unwrap();
            assert_eq!(got.text, text, "case {name}");
            assert_eq!(got.note, Some(note), "case {name}");
        }
    }

    /// A legacy decoding made of characters nobody knows is refused: bytes that happen to be
    /// valid GB18030 are not Chinese text unless their Han characters are the dictionary's.
    #[test]
    fn legacy_decoding_of_unknown_characters_is_refused() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("全面从严治党");
        let err = decode(bytes.into_owned(), &|_| false).unwrap_err();
        assert!(
            err.message.contains("nor Chinese in GB18030 or Big5"),
            "{err}"
        );
    }

    proptest::proptest! {
        /// Fuzz: any bytes decode to a text without NUL or to an error; never a panic.
        #[test]
        fn fuzz_decode_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            if let Ok(d) = decode(bytes, &any) {
                proptest::prop_assert!(!d.text.contains('\0'));
            }
        }

        /// Fuzz: any text survives UTF-8 and UTF-16 (with a byte order mark) unchanged.
        #[test]
        fn fuzz_decode_round_trips(text in "[^\u{0}\u{feff}]{0,40}") {
            proptest::prop_assert_eq!(&decode(text.as_bytes().to_vec(), &any).unwrap().text, &text);
            proptest::prop_assert_eq!(&decode(utf16(&text, true, true), &any).unwrap().text, &text);
            proptest::prop_assert_eq!(&decode(utf16(&text, false, true), &any).unwrap().text, &text);
        }
    }
}
