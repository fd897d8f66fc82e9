//! One pass over a normalized text for the two rules that read numbers: it stops only at the
//! bytes that can start a joint of coordinated ordinals (`、`, `和`, " and ", ", ",
//! [`super::coordination`]) or the `届`/`次` that ends a meeting's number
//! ([`super::numbered`]), and names what stands there. A 256-entry table of those first bytes
//! decides, so the pass costs a load and a test per byte (`str::match_indices` with a string
//! pattern has no such fast path, and the rules made five such passes).
//!
//! Every occurrence is named, overlapping ones too (" and and "); `match_indices` skipped an
//! " and " that overlaps the one before it, whose word before is "and", never an ordinal, so
//! the rules find the same lists either way.

/// What starts at a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// `、` or `和` (three bytes), between two Chinese conjuncts.
    Chinese,
    /// " and ", between two English conjuncts.
    And,
    /// ", " (that of ", and " too), between two English conjuncts.
    Comma,
    /// `届` (`term`) or `次` (three bytes), after the numerals of a meeting's number.
    Count {
        /// `届`, a term (else `次`, a session).
        term: bool,
    },
}

/// The three bytes of a Han character given as a one-character string.
const fn utf8(s: &str) -> [u8; 3] {
    let b = s.as_bytes();
    [b[0], b[1], b[2]]
}

const DUN: [u8; 3] = utf8("、");
const HE: [u8; 3] = utf8("和");
const JIE: [u8; 3] = utf8("届");
const CI: [u8; 3] = utf8("次");

/// The bytes a [`Stop`] can start with.
static FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let firsts = [b' ', b',', DUN[0], HE[0], JIE[0], CI[0]];
    let mut i = 0;
    while i < firsts.len() {
        t[firsts[i] as usize] = true;
        i += 1;
    }
    t
};

/// What starts at byte `at` of `b`, if it is a [`Stop`] (`FIRST[b[at]]` holds).
#[inline]
fn stop_at(b: &[u8], at: usize) -> Option<Stop> {
    let rest = &b[at..];
    match rest[0] {
        b' ' => rest.starts_with(b" and ").then_some(Stop::And),
        b',' => rest.starts_with(b", ").then_some(Stop::Comma),
        _ if rest.starts_with(&DUN) || rest.starts_with(&HE) => Some(Stop::Chinese),
        _ if rest.starts_with(&JIE) => Some(Stop::Count { term: true }),
        _ if rest.starts_with(&CI) => Some(Stop::Count { term: false }),
        _ => None,
    }
}

/// Calls `f` with the byte offset and the kind of every [`Stop`] in `text`, in text order.
pub(super) fn each(text: &str, mut f: impl FnMut(usize, Stop)) {
    let b = text.as_bytes();
    for (at, &byte) in b.iter().enumerate() {
        if FIRST[byte as usize] {
            if let Some(stop) = stop_at(b, at) {
                f(at, stop);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, the stops: byte offset and kind)
    const STOPS: &[(&str, &str, &[(usize, Stop)])] = &[
        ("none", "economic development", &[]),
        (
            "dun_and_he",
            "二中、三中和四中",
            &[(6, Stop::Chinese), (15, Stop::Chinese)],
        ),
        (
            "counts",
            "十五届八次",
            &[
                (6, Stop::Count { term: true }),
                (12, Stop::Count { term: false }),
            ],
        ),
        ("and", "18th and 19th", &[(4, Stop::And)]),
        (
            "oxford",
            "18th, and 19th",
            &[(4, Stop::Comma), (5, Stop::And)],
        ),
        ("and_and", "x and and y", &[(1, Stop::And), (5, Stop::And)]),
        ("no_space_after", "a,b andy", &[]),
        ("cut_at_end", "a and", &[]),
        // A character whose first byte is that of 和 (E5) but is another one.
        ("same_lead", "党的", &[]),
    ];

    #[test]
    fn stops_table() {
        for (name, text, want) in STOPS {
            let mut got = Vec::new();
            each(text, |at, stop| got.push((at, stop)));
            assert_eq!(&got, want, "case {name}");
        }
    }

    /// The pass finds what `match_indices` finds for each joint (and every overlapping one).
    #[test]
    fn stops_equal_match_indices() {
        let text = "十九届二中、三中全会和十八大，第27次、x and and y, and z，两次";
        let mut got: Vec<(usize, &str)> = Vec::new();
        each(text, |at, stop| {
            let s = match stop {
                Stop::Chinese => &text[at..at + 3],
                Stop::And => " and ",
                Stop::Comma => ", ",
                Stop::Count { .. } => &text[at..at + 3],
            };
            got.push((at, s));
        });
        let mut want: Vec<(usize, &str)> = ["、", "和", "届", "次", ", "]
            .iter()
            .flat_map(|j| text.match_indices(j))
            .collect();
        // " and and ": the second overlaps the first.
        want.extend(text.match_indices(" and "));
        want.push((text.find(" and and ").unwrap() + 4, " and "));
        want.sort_unstable();
        assert_eq!(got, want);
    }
}
