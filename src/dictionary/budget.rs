//! The budget every dictionary load must keep, so that a hostile or careless custom dictionary
//! gets a clear error instead of slowing every text down or exhausting memory (a page's
//! WebAssembly module has a few hundred megabytes at most).
//!
//! | limit | value | the built-in dictionary uses |
//! |---|---|---|
//! | characters in one form | [`MAX_FORM_CHARS`] | 218 |
//! | forms in one load (all files, templates expanded) | [`MAX_FORMS`] | about 44,000 |
//! | bytes of all forms together | [`MAX_FORM_BYTES`] | about 1.9 MiB |
//! | forms that can end at one place of a text | [`MAX_ENDS_AT_ONE_PLACE`] | 6 |
//! | forms one template expands to / all templates together | 256 / 100,000 | 256 / 34,503 (fifteenth session) |
//!
//! A form of one character (`中`, `X`) is refused: it would match inside ordinary words
//! everywhere. Text fields holding bidirectional controls (U+202E and the like, which make a
//! form look like another) are refused too. Each error names the file, the entry and the form.
//!
//! ```
//! # #[cfg(feature = "toml")] {
//! let toml = "[[term]]\nid = \"x\"\nzh = \"中\"\npinyin = \"zhōng\"\nen = \"Middle\"\n\
//!             category = \"local\"\nsince = 2024\ngloss = \"g\"\nexplanation = \"x\"\n\
//!             sources = [\"Doc, 2024\"]\n";
//! let err = tifa::Dictionary::from_toml("mine.toml", toml).unwrap_err();
//! assert!(err.to_string().contains("one character"), "{err}");
//! # }
//! ```

/// The most characters one form may have.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub const MAX_FORM_CHARS: usize = 300;

/// The most forms one load may hold (every file, the built-in ones included, templates
/// expanded).
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub const MAX_FORMS: usize = 200_000;

/// The most bytes (UTF-8) all forms of one load may hold together.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub const MAX_FORM_BYTES: usize = 16 << 20;

/// The most forms that may end at one place of a text (`中中`, `中中中`, `中中中中`… nested in
/// one another all end at the last `中` of `中中中中`). Every place of a text is a candidate
/// this many times at most, so this bounds the work and memory of each analysis to a fixed
/// multiple of the text's length.
pub const MAX_ENDS_AT_ONE_PLACE: usize = 16;

/// Bidirectional formatting characters: they reorder how a form is shown, so a form could
/// look like another one.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A form as an error message shows it: in full when short, else its start, its end and its
/// length (a 1 MiB form is not repeated in the message).
pub fn shown(form: &str) -> String {
    let n = form.chars().count();
    if n <= 40 {
        return format!("{form:?}");
    }
    let head: String = form.chars().take(12).collect();
    let tail: String = form.chars().skip(n - 4).collect();
    format!("\"{head}…{tail}\" ({n} characters)")
}

#[cfg(test)]
mod tests {
    #[test]
    fn shown_table() {
        let long = "中".repeat(200);
        for (name, form, want) in [
            ("short_in_full", "two upholds", "\"two upholds\""),
            (
                "long_cut",
                long.as_str(),
                "\"中中中中中中中中中中中中…中中中中\" (200 characters)",
            ),
        ] {
            assert_eq!(super::shown(form), want, "case {name}");
        }
    }

    #[test]
    fn bidi_controls() {
        for (name, c, want) in [
            ("rlo", '\u{202E}', true),
            ("lri", '\u{2066}', true),
            ("rlm", '\u{200F}', true),
            ("zwj", '\u{200D}', false),
            ("han", '中', false),
        ] {
            assert_eq!(super::is_bidi_control(c), want, "case {name}");
        }
    }
}
