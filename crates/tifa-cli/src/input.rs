//! Reading inputs: files or standard input, at most [`tifa::MAX_TEXT_BYTES`], decoded from
//! UTF-8 or UTF-16 (with a byte order mark, or recognised by its zero bytes), or — when a file
//! is not UTF-8 — GB18030 or Big5 if it reads as Chinese in one of them (as the page does), with
//! a message naming the file and the problem for everything else.

use std::collections::HashSet;
use std::io::{self, Read};
use std::sync::OnceLock;

/// A decoded input, and a note for the user when it was not plain UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// Which encoding was read, when it was not UTF-8.
    pub note: Option<String>,
}

/// The name a message uses for `name` (`<stdin>` for `-`).
pub fn shown(name: &str) -> &str {
    if name == "-" {
        "<stdin>"
    } else {
        name
    }
}

/// The bytes of a file (or standard input for `-`), refused above the size tifa analyses.
pub fn read_bytes(name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = tifa::MAX_TEXT_BYTES as u64 + 1;
    let result = if name == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(name).and_then(|f| {
            // The file's size up front: a growing buffer could double to twice the input.
            let size = f.metadata().map_or(0, |m| m.len()).min(limit);
            bytes.reserve_exact(size as usize + 1);
            f.take(limit).read_to_end(&mut bytes)
        })
    };
    let shown = shown(name);
    result.map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if bytes.len() > tifa::MAX_TEXT_BYTES {
        return Err(format!(
            "{shown}: larger than {} MiB, the most tifa analyses at once; split the file",
            tifa::MAX_TEXT_BYTES >> 20
        ));
    }
    Ok(bytes)
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

fn decode_utf16(shown: &str, bytes: &[u8], order: Utf16) -> Result<String, String> {
    if bytes.len() % 2 != 0 {
        return Err(format!(
            "{shown}: UTF-16 with an odd number of bytes ({}): the file is cut short",
            bytes.len()
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
                return Err(format!(
                    "{shown}: not valid UTF-16 (unpaired surrogate U+{:04X} near byte {}); convert it to UTF-8 first, e.g. with iconv",
                    e.unpaired_surrogate(),
                    2 * i
                ))
            }
        }
    }
    Ok(text)
}

/// Decodes an input: UTF-8 (a byte order mark is dropped), UTF-16 with a byte order mark, or
/// UTF-16 without one when its zero bytes show it. Anything else holding NUL bytes is refused
/// (it was read as UTF-8 with NULs: no match, no warning).
pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<Decoded, String> {
    let (text, note) = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => (decode_utf16(shown, rest, Utf16::Le)?, Some("UTF-16LE")),
        [0xFE, 0xFF, rest @ ..] => (decode_utf16(shown, rest, Utf16::Be)?, Some("UTF-16BE")),
        b if b.contains(&0) => match guess_utf16(b) {
            Some(Utf16::Le) => (
                decode_utf16(shown, b, Utf16::Le)?,
                Some("UTF-16LE (no byte order mark)"),
            ),
            Some(Utf16::Be) => (
                decode_utf16(shown, b, Utf16::Be)?,
                Some("UTF-16BE (no byte order mark)"),
            ),
            None => utf8(shown, bytes)?,
        },
        _ => utf8(shown, bytes)?,
    };
    if let Some(at) = text.find('\0') {
        return Err(format!(
            "{shown}: holds a NUL character (at byte {at} of the decoded text): not a text file, or in an encoding tifa does not read (UTF-32?); convert it to UTF-8 first"
        ));
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Decoded {
        text,
        note: note.map(|n| format!("{shown}: read as {n}")),
    })
}

/// The legacy encodings of Chinese text tried when a file is not UTF-8, in order.
const LEGACY: [(&encoding_rs::Encoding, &str); 2] = [
    (encoding_rs::GB18030, "GB18030"),
    (encoding_rs::BIG5, "Big5"),
];

/// The Han characters of the built-in dictionary (simplified and traditional): a decoding whose
/// Chinese is mostly made of them is the right one; a wrong one yields rare characters.
fn known_han() -> &'static HashSet<char> {
    static KNOWN: OnceLock<HashSet<char>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut set = HashSet::new();
        // From the compiled built-in dictionary: no TOML parsed for it.
        if let Ok(d) = tifa::compiled::read_match(crate::builtin_compiled::BUILTIN_MATCH) {
            for e in d.entries() {
                let forms = e.forms.iter().map(|f| f.text.as_str());
                for text in [e.zh.as_str(), e.zh_hant.as_str()].into_iter().chain(forms) {
                    set.extend(text.chars().filter(|&c| tifa::text::is_han(c)));
                }
            }
        }
        set
    })
}

/// `bytes` decoded without error in GB18030 or Big5, whichever reads best as Chinese: at least
/// two Han characters, and at least a fifth of them known to the dictionary.
fn legacy_chinese(bytes: &[u8]) -> Option<(String, &'static str)> {
    let known = known_han();
    let mut best: Option<(f64, String, &'static str)> = None;
    for (encoding, name) in LEGACY {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        let (han, common) = text
            .chars()
            .filter(|&c| tifa::text::is_han(c))
            .fold((0usize, 0usize), |(h, k), c| {
                (h + 1, k + usize::from(known.contains(&c)))
            });
        let score = common as f64 / han.max(1) as f64;
        if han >= 2 && score >= 0.2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, text.into_owned(), name));
        }
    }
    best.map(|(_, text, name)| (text, name))
}

fn utf8(shown: &str, bytes: Vec<u8>) -> Result<(String, Option<&'static str>), String> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(e) => e,
    };
    if let Some((text, name)) = legacy_chinese(bytes.as_bytes()) {
        return Ok((text, Some(name)));
    }
    Err(bytes).map_err(|e: std::string::FromUtf8Error| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{shown}: not valid UTF-8 (line {line}, byte {at}), nor Chinese in GB18030 or Big5; convert it to UTF-8 first, e.g. with iconv")
    })
}

/// A file (or stdin) read and decoded, its note (if any) printed on standard error.
pub fn read(name: &str) -> Result<String, String> {
    let decoded = decode(shown(name), read_bytes(name)?)?;
    if let Some(note) = decoded.note {
        eprintln!("tifa: {note}");
    }
    Ok(decoded.text)
}

/// A text to annotate: [`read`], and not empty.
pub fn read_text(name: &str) -> Result<String, String> {
    let text = read(name)?;
    if text.trim().is_empty() {
        return Err(format!("{}: empty input, nothing to annotate", shown(name)));
    }
    Ok(text)
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

    /// Regression (issue 14, item 10): UTF-16 without a byte order mark was read as UTF-8 with
    /// NULs: no match, exit 0, no warning.
    #[test]
    fn item10_utf16_is_read_with_a_note() {
        let text = "The Two Upholds, 两个维护.\n";
        for (name, bytes, note) in [
            (
                "le_bom",
                utf16(text, true, true),
                Some("x: read as UTF-16LE"),
            ),
            (
                "be_bom",
                utf16(text, false, true),
                Some("x: read as UTF-16BE"),
            ),
            (
                "le_plain",
                utf16(text, true, false),
                Some("x: read as UTF-16LE (no byte order mark)"),
            ),
            (
                "be_plain",
                utf16(text, false, false),
                Some("x: read as UTF-16BE (no byte order mark)"),
            ),
            ("utf8", text.as_bytes().to_vec(), None),
            (
                "utf8_bom",
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                None,
            ),
        ] {
            let got = decode("x", bytes).unwrap();
            assert_eq!(got.text, text, "case {name}");
            assert_eq!(got.note.as_deref(), note, "case {name}");
        }
    }

    /// (name, bytes, fragment of the error)
    const REFUSED: &[(&str, &[u8], &str)] = &[
        (
            "nul_in_utf8",
            b"two upholds\0\0\0 here\n",
            "holds a NUL character (at byte 11",
        ),
        ("odd_utf16", b"\xFF\xFEa\0b", "odd number of bytes"),
        (
            "lone_surrogate",
            b"\xFF\xFE\x00\xD8a\0",
            "unpaired surrogate U+D800",
        ),
        (
            "not_utf8",
            b"two \xff here",
            "not valid UTF-8 (line 1, byte 4)",
        ),
    ];

    /// Issue 12: files in GB18030 or Big5 are read as the page reads them, with a note.
    #[test]
    fn chinese_legacy_encodings_are_read_with_a_note() {
        let simplified = "全面从严治党，坚持两个维护。";
        let traditional = "全面從嚴治黨，堅持兩個維護。";
        let cases = [
            (
                "gb18030",
                encoding_rs::GB18030,
                simplified,
                "x: read as GB18030",
            ),
            ("big5", encoding_rs::BIG5, traditional, "x: read as Big5"),
            (
                "gbk_traditional",
                encoding_rs::GBK,
                traditional,
                "x: read as GB18030",
            ),
        ];
        for (name, encoding, text, note) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable, "case {name}: the test text must be encodable");
            let got = decode("x", bytes.into_owned()).unwrap();
            assert_eq!(got.text, text, "case {name}");
            assert_eq!(got.note.as_deref(), Some(note), "case {name}");
        }
    }

    #[test]
    fn refused_with_a_message() {
        for (name, bytes, want) in REFUSED {
            let err = decode("x", bytes.to_vec()).unwrap_err();
            assert!(
                err.starts_with("x: ") && err.contains(want),
                "case {name}: {err}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::fuzz_cases(256)))]
        /// Fuzz: any bytes decode to a text or an error naming the input; never a panic.
        #[test]
        fn fuzz_decode_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            match decode("in.txt", bytes) {
                Ok(d) => proptest::prop_assert!(!d.text.contains('\0')),
                Err(e) => proptest::prop_assert!(e.starts_with("in.txt: "), "{}", e),
            }
        }

        /// Fuzz: any text survives UTF-8 and UTF-16 (with a byte order mark) unchanged.
        #[test]
        fn fuzz_decode_round_trips(text in "[^\u{0}\u{feff}]{0,40}") {
            proptest::prop_assert_eq!(&decode("x", text.as_bytes().to_vec()).unwrap().text, &text);
            proptest::prop_assert_eq!(&decode("x", utf16(&text, true, true)).unwrap().text, &text);
            proptest::prop_assert_eq!(&decode("x", utf16(&text, false, true)).unwrap().text, &text);
        }
    }
}
