//! The choice: of the candidates that count ([`super::gate`]), leftmost-longest wins; a
//! candidate inside a winner is kept as nested in it (other entries only); one that only partly
//! overlaps a winner is dropped. Of the gated candidates that did not count, those outside
//! every winner are kept (leftmost-longest among themselves), so a reader can see what was left
//! alone and why.

use super::candidates::RawMatch;
use super::gate::Gated;

/// A chosen match with the candidates nested inside it.
#[derive(Debug, Clone)]
pub(crate) struct Chosen {
    /// The match.
    pub outer: RawMatch,
    /// Valid matches lying inside it (other entries only).
    pub nested: Vec<RawMatch>,
}

/// The outcome of matching: the chosen matches, and gated candidates that did not count
/// (outside every chosen match, leftmost-longest among themselves).
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    /// Top-level matches with their nested ones, in text order.
    pub chosen: Vec<Chosen>,
    /// Gated candidates seen but not counted, in text order, disjoint.
    pub not_counted: Vec<RawMatch>,
}

/// Chooses among the gate's outcome: leftmost-longest with nesting for what counts, the
/// not-counted ones outside every chosen match.
pub(crate) fn choose(gated: Gated) -> Found {
    let chosen = leftmost_longest(gated.counted);
    // Not-counted candidates: only those outside every chosen match, leftmost-longest.
    let mut not_counted: Vec<RawMatch> = Vec::new();
    let mut k = 0;
    for c in gated.not_counted {
        while k < chosen.len() && chosen[k].outer.end <= c.start {
            k += 1;
        }
        let overlaps = chosen.get(k).is_some_and(|w| w.outer.start < c.end);
        let inside_last = not_counted.last().is_some_and(|l| c.start < l.end);
        if !overlaps && !inside_last {
            not_counted.push(c);
        }
    }
    Found {
        chosen,
        not_counted,
    }
}

/// Leftmost-longest over sorted candidates; contained ones become nested.
fn leftmost_longest(candidates: Vec<RawMatch>) -> Vec<Chosen> {
    let mut chosen: Vec<Chosen> = Vec::new();
    for c in candidates {
        match chosen.last_mut() {
            Some(last) if c.start < last.outer.end => {
                if c.end <= last.outer.end && c.pattern != last.outer.pattern {
                    last.nested.push(c);
                }
            }
            _ => chosen.push(Chosen {
                outer: c,
                nested: Vec::new(),
            }),
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(start: usize, end: usize, pattern: u32) -> RawMatch {
        RawMatch {
            start,
            end,
            pattern,
            context: None,
        }
    }

    /// (name, counted candidates (start, end, pattern) sorted by start then longest first,
    /// not-counted ones, expected (outer, nested patterns), expected not-counted patterns)
    #[allow(clippy::type_complexity)]
    const CASES: &[(
        &str,
        &[(usize, usize, u32)],
        &[(usize, usize, u32)],
        &[(u32, &[u32])],
        &[u32],
    )] = &[
        ("empty", &[], &[], &[], &[]),
        (
            "longest_wins_shorter_nested",
            &[(0, 10, 1), (0, 4, 2), (5, 10, 3)],
            &[],
            &[(1, &[2, 3])],
            &[],
        ),
        (
            "partial_overlap_dropped",
            &[(0, 6, 1), (4, 9, 2), (10, 12, 3)],
            &[],
            &[(1, &[]), (3, &[])],
            &[],
        ),
        (
            "same_pattern_not_nested_in_itself",
            &[(0, 8, 1), (2, 6, 1)],
            &[],
            &[(1, &[])],
            &[],
        ),
        (
            "not_counted_outside_winners_only",
            &[(4, 8, 1)],
            &[(0, 3, 7), (1, 2, 8), (5, 6, 9), (9, 12, 10)],
            &[(1, &[])],
            &[7, 10],
        ),
    ];

    #[test]
    fn choice_table() {
        let list = |l: &[(usize, usize, u32)]| l.iter().map(|&(s, e, p)| raw(s, e, p)).collect();
        for &(name, counted, not_counted, want, want_nc) in CASES {
            let found = choose(Gated {
                counted: list(counted),
                not_counted: list(not_counted),
            });
            let got: Vec<(u32, Vec<u32>)> = found
                .chosen
                .iter()
                .map(|c| {
                    (
                        c.outer.pattern,
                        c.nested.iter().map(|n| n.pattern).collect(),
                    )
                })
                .collect();
            let want: Vec<(u32, Vec<u32>)> = want.iter().map(|&(o, n)| (o, n.to_vec())).collect();
            assert_eq!(got, want, "case {name}");
            let nc: Vec<u32> = found.not_counted.iter().map(|c| c.pattern).collect();
            assert_eq!(nc, want_nc, "case {name}");
        }
    }
}
