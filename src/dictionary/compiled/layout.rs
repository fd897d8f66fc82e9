//! The layout the parts share: their magic tags, the build hash, the flags of entries and form
//! groups, how years are coded, and how many streams each part has. The writer (`writer.rs`)
//! and the readers (`reader.rs`) both follow it; nothing else does.
//!
//! Every part starts with its 8-byte magic tag; a script part then has one byte naming its
//! script ([`Script`]); then comes the 8-byte build hash (FNV-1a of every match part's
//! content, the same in all five parts of one build), then the stream lengths and the streams.

/// The tags the base part, a script part and the card part start with (the digit is the
/// part's version).
pub(super) const BASE_MAGIC: &[u8; 8] = b"tifa-b3\n";
pub(super) const SCRIPT_MAGIC: &[u8; 8] = b"tifa-s6\n";
pub(super) const CARDS_MAGIC: &[u8; 8] = b"tifa-c4\n";
/// The length of the build hash.
pub(super) const HASH_LEN: usize = 8;

/// What a match part holds (named after the script of its forms): a form is Chinese when it
/// holds a Han character (`Form::chinese`), else English; the English forms of kind `mt`
/// (machine-translation renderings) and those that lengthen another form of their entry
/// (`late.rs`) have a part of their own, the late part, which the embed fetches after its
/// first highlight. Every English form holds a Latin letter once normalized, so a text
/// without Latin letters needs neither the English nor the MT part, and a text without Han
/// characters no Chinese part (see [`crate::compiled::scripts_needed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// The English forms but the late ones, and the entries' English names and ids
    /// (`tifa.match.en.bin`).
    English = 0,
    /// The Chinese forms, simplified and traditional (`tifa.match.zh.bin`).
    Chinese = 1,
    /// The late part (`tifa.match.mt.bin`): the English forms of kind `mt`, machine-translation
    /// renderings, and the English forms that lengthen another form of their entry (which
    /// matches wherever they do: `late.rs`). Text only (no names, no ids), read with or
    /// without the English part.
    Mt = 2,
}

impl Script {
    /// Every part's script, in the order of their code.
    pub const ALL: [Script; 3] = [Script::English, Script::Chinese, Script::Mt];

    /// The part of a form whose `chinese` flag is `chinese`, whose kind is `kind` and which
    /// lengthens another form of its entry when `late` (`late.rs`).
    pub(super) fn of_form(chinese: bool, kind: crate::dictionary::Kind, late: bool) -> Script {
        if chinese {
            Script::Chinese
        } else if late || kind == crate::dictionary::Kind::Mt {
            Script::Mt
        } else {
            Script::English
        }
    }

    /// The script's short name, as in its part's file name: `"en"`, `"zh"` or `"mt"`.
    pub fn tag(self) -> &'static str {
        match self {
            Script::English => "en",
            Script::Chinese => "zh",
            Script::Mt => "mt",
        }
    }

    /// The name errors give the part: `"English"`, `"Chinese"` or `"MT"`.
    pub(super) fn name(self) -> &'static str {
        match self {
            Script::English => "English",
            Script::Chinese => "Chinese",
            Script::Mt => "MT",
        }
    }

    /// The script a part's script byte names.
    pub(super) fn from_code(code: u8) -> Option<Script> {
        Script::ALL.into_iter().find(|s| *s as u8 == code)
    }
}

/// Entry flags: a local entry; a `zh_hant` stored as text (not as codes against `zh`).
pub(super) const ENTRY_LOCAL: u64 = 1;
pub(super) const ENTRY_HANT_TEXT: u64 = 1 << 1;
/// Entry flag: the preferred English is descriptive, not an official rendering.
pub(super) const ENTRY_EN_DESCRIPTIVE: u64 = 1 << 2;

// Form flags (bits 0 and 1: the kind). The common ones in the low seven bits: one byte each.
pub(super) const FLAG_CHINESE: u64 = 1 << 2;
/// A literal form equal to the entry's `zh`, `zh_hant` or `en` (its text is not repeated).
pub(super) const FLAG_SAME_AS: u64 = 3 << 3;
pub(super) const SAME_AS_ZH: u64 = 1 << 3;
pub(super) const SAME_AS_HANT: u64 = 2 << 3;
pub(super) const SAME_AS_EN: u64 = 3 << 3;
/// An English form that lengthens another form of its entry (`late.rs`): its text is in the
/// late part ([`Script::Mt`]), not the English part. It takes the same-as code of `zh`, which
/// no English form can be equal to (a late form is never stored as the same as a name), so the
/// flags of the group still fit in one byte.
pub(super) const LATE_ENGLISH: u64 = SAME_AS_ZH;
pub(super) const FLAG_TEMPLATE: u64 = 1 << 5;
pub(super) const FLAG_CONTEXT: u64 = 1 << 6;
pub(super) const FLAG_SHARED: u64 = 1 << 7;
/// A single form expanded from a template that could not be stored as one (rare).
pub(super) const FLAG_FROM_TEMPLATE: u64 = 1 << 8;
/// The normalized text of some form of the group is not its text with ASCII letters
/// lower-cased: the loader runs the normalizer on the group's forms (see `norms.rs`).
pub(super) const FLAG_NORMALIZE: u64 = 1 << 9;
/// The form's `context_needs` (`sentence`, `title-case`); its reason is then in the card part.
pub(super) const FLAG_NEEDS_SENTENCE: u64 = 1 << 10;
pub(super) const FLAG_NEEDS_TITLE: u64 = 1 << 11;
/// The form lists words that show its ordinary sense (`not_after`, `not_before`): its
/// script part holds, after the group's text, the two counts (in its counts stream) and the
/// words (in its text stream).
pub(super) const FLAG_NEIGHBOURS: u64 = 1 << 12;

/// Entry years are stored as their distance from this one, so the usual years (1921–2030)
/// take one byte, not two, and repeat more (zig-zag: 0, -1, 1, -2… are 0, 1, 2, 3…).
const YEAR_BASE: i64 = 2030;

/// The number an entry's `since` is stored as.
pub(super) fn year_code(year: u16) -> u64 {
    let d = YEAR_BASE - i64::from(year);
    ((d << 1) ^ (d >> 63)) as u64
}

/// The year back from [`year_code`]'s number; `None` when it is no `u16`.
pub(super) fn year_from_code(code: u64) -> Option<u16> {
    let d = (code >> 1) as i64 ^ -((code & 1) as i64);
    u16::try_from(YEAR_BASE.checked_sub(d)?).ok()
}

/// The base part's streams: the entry count, each entry's category, year, flags, alias count
/// and form group count (one column each), form group flags (with each group's script),
/// aliases and unusual categories (the ids are in the script parts and the card part).
pub(super) const BASE_STREAMS: usize = 8;
/// A script part's streams: the template counts of its groups (for each template: how many of
/// its combinations are not its forms, then how many and which of its expansions the entry had
/// already), its text (each entry's names
/// in its script, then its forms and templates: the English part's `en`, the Chinese part's
/// `zh`, and `zh_hant` when not coded), the traditional codes (empty in the English part),
/// the normalizer's traditional → simplified table (empty in the English part), which a
/// build without it (the embed's module, without the feature `builtin-t2s`) installs, and the
/// entries' ids: their codes against `en` (empty in the Chinese part) and the ids as text (in
/// the English part those no code gives; in the Chinese part all of them): see `ids.rs`.
pub(super) const SCRIPT_STREAMS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_codes_round_trip() {
        // (year, stored number)
        let cases = [
            (2030, 0),
            (2029, 2),
            (2031, 1),
            (1921, 218),
            (0, 4060),
            (u16::MAX, 127009),
        ];
        for (year, code) in cases {
            assert_eq!(year_code(year), code, "{year}");
            assert_eq!(year_from_code(code), Some(year), "{year}");
        }
        // Numbers no year has: damage, not a panic.
        assert_eq!(year_from_code(127011), None);
        assert_eq!(year_from_code(u64::MAX), None);
    }
}
