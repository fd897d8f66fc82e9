//! Reading inputs: files or standard input, at most [`tifa::MAX_TEXT_BYTES`], decoded by
//! [`tifa::text::decode`] from UTF-8 or UTF-16 (with a byte order mark, or recognised by its
//! zero bytes), or — when a file is not UTF-8 — GB18030 or Big5 if it reads as Chinese in one
//! of them (as the page does), with a message naming the file and the problem for everything
//! else.

use std::io::{self, Read};

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

/// Decodes an input ([`tifa::text::decode::decode`]: UTF-8, UTF-16, or GB18030 or Big5 for
/// Chinese), with messages and notes naming it as `shown`.
pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<Decoded, String> {
    let known = crate::builtin_compiled::known_han();
    tifa::text::decode::decode(bytes, &|c| known.contains(&c))
        .map(|d| Decoded {
            text: d.text,
            note: d.note.map(|n| format!("{shown}: read as {n}")),
        })
        .map_err(|e| format!("{shown}: {e}"))
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

    /// The library decodes (its tests cover the encodings); here the messages and notes name
    /// the input, and the built-in dictionary's characters tell Chinese in GB18030 or Big5.
    #[test]
    fn messages_and_notes_name_the_input() {
        let (gb, _, _) = encoding_rs::GB18030.encode("全面从严治党，坚持两个维护。");
        let (big5, _, _) = encoding_rs::BIG5.encode("全面從嚴治黨，堅持兩個維護。");
        let cases: [(&str, Vec<u8>, Result<Option<&str>, &str>); 4] = [
            ("utf8", b"two upholds".to_vec(), Ok(None)),
            (
                "gb18030",
                gb.into_owned(),
                Ok(Some("in.txt: read as GB18030")),
            ),
            ("big5", big5.into_owned(), Ok(Some("in.txt: read as Big5"))),
            (
                "not_utf8",
                b"two \xff here".to_vec(),
                Err("in.txt: not valid UTF-8 (line 1, byte 4)"),
            ),
        ];
        for (name, bytes, want) in cases {
            match (decode("in.txt", bytes), want) {
                (Ok(got), Ok(note)) => assert_eq!(got.note.as_deref(), note, "case {name}"),
                (Err(e), Err(start)) => assert!(e.starts_with(start), "case {name}: {e}"),
                (got, _) => panic!("case {name}: {got:?}"),
            }
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
    }
}
