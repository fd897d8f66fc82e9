//! Stage 1, the text as the matcher sees it: normalization with its offset map back to the
//! original, scripts (Han, traditional and simplified), word boundaries, UTF-16 offsets.
//!
//! Public here is what a caller needs to see a text as tifa does: [`normalize()`] a text (with
//! its offset map, [`Normalized`]) or a dictionary form ([`normalize_form`]), tell Han and
//! other characters written without spaces apart ([`is_han`], [`is_cjk`]), and apply the
//! boundary rule of English forms ([`is_word_char`], [`boundary_before`], [`boundary_after`]).
//!
//! ```
//! use tifa::text::{normalize, normalize_form};
//! let n = normalize("The “Two\u{a0}Upholds”");
//! assert_eq!(n.text(), "the \"two upholds\"");
//! assert_eq!(normalize_form("兩個維護"), "两个维护");
//! ```

pub(crate) mod boundary;
#[cfg(feature = "decode")]
pub mod decode;
pub(crate) mod inflect;
pub(crate) mod normalize;
pub(crate) mod script;
pub(crate) mod swar;
pub(crate) mod utf16;

pub use boundary::{
    boundary_after, boundary_before, hyphen_as_dash, hyphen_before_modifier, hyphen_before_number,
    hyphen_ends_a_form, is_word_char,
};
pub use normalize::{is_quote, normalize, normalize_form, Normalized};
pub use script::{is_cjk, is_han};
