//! The layout both parts share: their magic tags, the flags of entries and form groups, how
//! years are coded, and how many streams the match part has. The writer (`writer.rs`) and the
//! readers (`reader.rs`) both follow it; nothing else does.

/// The tags the match part and the card part start with (the digit is the part's version).
pub(super) const MATCH_MAGIC: &[u8; 8] = b"tifa-m3\n";
pub(super) const CARDS_MAGIC: &[u8; 8] = b"tifa-c1\n";

/// Entry flags: a local entry; a `zh_hant` stored as text (not as codes against `zh`).
pub(super) const ENTRY_LOCAL: u64 = 1;
pub(super) const ENTRY_HANT_TEXT: u64 = 1 << 1;

// Form flags (bits 0 and 1: the kind). The common ones in the low seven bits: one byte each.
pub(super) const FLAG_CHINESE: u64 = 1 << 2;
/// A literal form equal to the entry's `zh`, `zh_hant` or `en` (its text is not repeated).
pub(super) const FLAG_SAME_AS: u64 = 3 << 3;
pub(super) const SAME_AS_ZH: u64 = 1 << 3;
pub(super) const SAME_AS_HANT: u64 = 2 << 3;
pub(super) const SAME_AS_EN: u64 = 3 << 3;
pub(super) const FLAG_TEMPLATE: u64 = 1 << 5;
pub(super) const FLAG_CONTEXT: u64 = 1 << 6;
pub(super) const FLAG_SHARED: u64 = 1 << 7;
/// A single form expanded from a template that could not be stored as one (rare).
pub(super) const FLAG_FROM_TEMPLATE: u64 = 1 << 8;
/// The normalized text of some form of the group is not its text with ASCII letters
/// lower-cased: the loader runs the normalizer on the group's forms (see `norms.rs`).
pub(super) const FLAG_NORMALIZE: u64 = 1 << 9;

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

/// The match part's streams: the entry count and each entry's id prefix length, category,
/// year, flags, alias count and form group count (one column each), form group flags, template
/// counts, ids (and aliases, unusual categories), Chinese (names, forms, templates),
/// traditional codes, English (names, forms, templates).
pub(super) const STREAMS: usize = 12;

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
