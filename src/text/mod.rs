//! Stage 1, the text: normalization with its offset map, scripts, word boundaries, UTF-16.

pub mod boundary;
pub mod normalize;
pub mod script;
pub mod utf16;
