//! The choice: of the candidates that count ([`super::gate`]), leftmost-longest wins; a
//! candidate inside a winner is kept as nested in it (other entries only); one that only partly
//! overlaps a winner is dropped, unless the overlap rule lets it take the winner's place
//! ([`displaces`]). Of the gated candidates that did not count, those outside every winner are
//! kept (leftmost-longest among themselves), so a reader can see what was left alone and why.
//!
//! The overlap rule: a candidate that starts inside the winner, runs past its end and is longer
//! takes the winner's place when no entry is lost by it: it is a form of the winner's entry,
//! and then the two are one mention and the match spans both (各级党委(党组): 各级党委 and
//! 党委（党组）, both the Party committee, make one match over the whole), or a candidate of the
//! winner's entry lies inside it and stays nested there (党的政治建设、思想建设…: the five-part
//! formula wins over 党的政治建设, whose 政治建设 is nested in it). Two different terms sharing a
//! word (high-quality development | development is the absolute principle) keep the leftmost,
//! unless the winner can give way to a shorter form of its own entry that ends before the
//! newcomer starts ([`gives_way_to`]): then both entries are kept ("decisions and deployments of
//! the Party Central Committee with Comrade Xi Jinping as the core": "decisions and deployments",
//! then the longer "Party Central Committee with Comrade Xi Jinping as the core").

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

/// Chooses among the gate's outcome: leftmost-longest with nesting and the overlap rule for
/// what counts (`entry_of` names the entry of a pattern), the not-counted ones outside every
/// chosen match.
pub(crate) fn choose(gated: Gated, entry_of: impl Fn(u32) -> u32) -> Found {
    let chosen = leftmost_longest(gated.counted, entry_of);
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

/// What both overlap rules ask of a candidate `c` against the `winner`: it starts inside the
/// winner (after its start), runs past its end and is longer (in normalized bytes).
fn runs_past_and_longer(c: &RawMatch, winner: &RawMatch) -> bool {
    c.start > winner.start
        && c.start < winner.end
        && c.end > winner.end
        && c.end - c.start > winner.end - winner.start
}

/// The overlap rule: does `c`, overlapping `winner`, take its place? It must start after the
/// winner, run past its end and be longer (in normalized bytes), and the winner's entry must
/// not be lost: `c` is of the same entry, or one of `all` (the sorted candidates) of that entry
/// lies inside `c`.
fn displaces(
    c: &RawMatch,
    winner: &RawMatch,
    all: &[RawMatch],
    entry_of: &impl Fn(u32) -> u32,
) -> bool {
    if !runs_past_and_longer(c, winner) {
        return false;
    }
    let entry = entry_of(winner.pattern);
    if entry_of(c.pattern) == entry {
        return true;
    }
    let from = all.partition_point(|m| m.start < c.start);
    all[from..]
        .iter()
        .take_while(|m| m.start < c.end)
        .any(|m| m.end <= c.end && entry_of(m.pattern) == entry)
}

/// The second overlap rule, for a longer `c` that [`displaces`] refused (it would lose the
/// winner's entry): the winner's place goes to the leftmost, then longest, of `all` (the sorted
/// candidates) that is of the winner's entry, lies inside the winner and ends where `c` starts
/// or before, and `c` follows it. `None` when `c` does not start inside the winner, run past
/// its end and is not longer, is of the winner's entry, or no such shorter form exists.
fn gives_way_to<'a>(
    c: &RawMatch,
    winner: &RawMatch,
    all: &'a [RawMatch],
    entry_of: &impl Fn(u32) -> u32,
) -> Option<&'a RawMatch> {
    let entry = entry_of(winner.pattern);
    if !runs_past_and_longer(c, winner) || entry_of(c.pattern) == entry {
        return None;
    }
    let from = all.partition_point(|m| m.start < winner.start);
    all[from..]
        .iter()
        .take_while(|m| m.start < c.start)
        .find(|m| m.end <= c.start && entry_of(m.pattern) == entry)
}

/// Leftmost-longest over sorted candidates, with the overlap rules ([`displaces`],
/// [`gives_way_to`]); contained ones become nested.
fn leftmost_longest(candidates: Vec<RawMatch>, entry_of: impl Fn(u32) -> u32) -> Vec<Chosen> {
    let mut chosen: Vec<Chosen> = Vec::new();
    for c in &candidates {
        match chosen.last_mut() {
            Some(last) if c.start < last.outer.end => {
                if displaces(c, &last.outer, &candidates, &entry_of) {
                    // Of the same entry, the two forms are one mention: the match spans both.
                    let start = if entry_of(c.pattern) == entry_of(last.outer.pattern) {
                        last.outer.start
                    } else {
                        c.start
                    };
                    let mut nested = std::mem::take(&mut last.nested);
                    nested.retain(|n| n.start >= start && n.end <= c.end && n.pattern != c.pattern);
                    *last = Chosen {
                        outer: RawMatch { start, ..c.clone() },
                        nested,
                    };
                } else if c.end <= last.outer.end {
                    if c.pattern != last.outer.pattern {
                        last.nested.push(c.clone());
                    }
                } else if let Some(shorter) = gives_way_to(c, &last.outer, &candidates, &entry_of) {
                    // The winner shrinks to its entry's shorter form, keeping what lies inside
                    // that; the newcomer follows it.
                    let mut nested = std::mem::take(&mut last.nested);
                    nested.retain(|n| {
                        n.start >= shorter.start
                            && n.end <= shorter.end
                            && (n.start, n.end, n.pattern)
                                != (shorter.start, shorter.end, shorter.pattern)
                    });
                    *last = Chosen {
                        outer: shorter.clone(),
                        nested,
                    };
                    chosen.push(Chosen {
                        outer: c.clone(),
                        nested: Vec::new(),
                    });
                }
            }
            _ => chosen.push(Chosen {
                outer: c.clone(),
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
    /// not-counted ones, expected (outer, nested patterns), expected not-counted patterns).
    /// A pattern's entry is the pattern divided by 10: 11 and 12 are forms of one entry.
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
            "overlap_same_entry_longer_merges",
            // 各级党委(党组): 各级党委 [0, 12), 党委（党组） [6, 20) of the same entry, 党委 [6, 12),
            // 党组 [14, 20): one match over [0, 20) (`overlap_spans`).
            &[(0, 12, 11), (6, 20, 12), (6, 12, 13), (14, 20, 2)],
            &[],
            &[(12, &[13, 2])],
            &[],
        ),
        (
            "overlap_other_entry_nested_inside_displaces",
            // 党的政治建设 [0, 18) (11), 政治建设 [6, 18) (12, same entry), the formula [6, 40).
            &[(0, 18, 11), (6, 40, 3), (6, 18, 12)],
            &[],
            &[(3, &[12])],
            &[],
        ),
        (
            "overlap_other_entry_lost_keeps_leftmost",
            // high-quality development | development is the absolute principle.
            &[(0, 24, 10), (13, 50, 20)],
            &[],
            &[(10, &[])],
            &[],
        ),
        (
            "overlap_other_entry_winner_gives_way_to_its_shorter_form",
            // decisions and deployments [0, 25) (11) | of the Party Central Committee: the
            // winner [0, 56) (12) of the same entry; Party Central Committee [33, 56) (3), then
            // … with Comrade Xi Jinping as the core [33, 90) (4).
            &[(0, 56, 12), (0, 25, 11), (33, 90, 4), (33, 56, 3)],
            &[],
            &[(11, &[]), (4, &[3])],
            &[],
        ),
        (
            "overlap_other_entry_shorter_form_past_its_start_keeps_leftmost",
            // The winner's shorter form runs into the newcomer: nothing gives way.
            &[(0, 56, 12), (0, 40, 11), (33, 90, 4)],
            &[],
            &[(12, &[11])],
            &[],
        ),
        (
            "overlap_other_entry_not_longer_keeps_leftmost",
            &[(0, 56, 12), (0, 25, 11), (33, 80, 4)],
            &[],
            &[(12, &[11])],
            &[],
        ),
        (
            "overlap_winner_gives_way_keeps_what_its_shorter_form_holds",
            &[
                (0, 56, 12),
                (0, 25, 11),
                (5, 12, 2),
                (30, 40, 5),
                (33, 90, 4),
            ],
            &[],
            &[(11, &[2]), (4, &[])],
            &[],
        ),
        (
            "overlap_same_entry_not_longer_keeps_leftmost",
            &[(0, 6, 11), (3, 9, 12)],
            &[],
            &[(11, &[])],
            &[],
        ),
        (
            "overlap_same_entry_chains",
            // [0, 8) after the first merge; (6, 14) would not be longer, (6, 16) is.
            &[(0, 4, 11), (2, 8, 12), (6, 16, 13)],
            &[],
            &[(13, &[])],
            &[],
        ),
        (
            "overlap_same_entry_merge_keeps_nested",
            &[(0, 10, 11), (0, 3, 2), (5, 20, 12)],
            &[],
            &[(12, &[2])],
            &[],
        ),
        (
            "overlap_displaced_nested_outside_newcomer_dropped",
            &[(0, 10, 11), (0, 3, 2), (5, 20, 3), (6, 10, 12)],
            &[],
            &[(3, &[12])],
            &[],
        ),
    ];

    #[test]
    fn choice_table() {
        let list = |l: &[(usize, usize, u32)]| l.iter().map(|&(s, e, p)| raw(s, e, p)).collect();
        for &(name, counted, not_counted, want, want_nc) in CASES {
            let found = choose(
                Gated {
                    counted: list(counted),
                    not_counted: list(not_counted),
                },
                |p| p / 10,
            );
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

    /// (name, counted candidates, expected spans of the chosen matches): the overlap rule's
    /// spans, merged for one entry, the newcomer's own for another.
    const SPANS: &[(&str, &[(usize, usize, u32)], &[(usize, usize)])] = &[
        (
            "same_entry_spans_both",
            &[(0, 12, 11), (6, 20, 12), (14, 20, 2)],
            &[(0, 20)],
        ),
        (
            "other_entry_newcomers_span",
            &[(0, 18, 11), (6, 40, 3), (6, 18, 12)],
            &[(6, 40)],
        ),
        (
            "winner_gives_way_to_its_shorter_form",
            &[(0, 56, 12), (0, 25, 11), (33, 90, 4)],
            &[(0, 25), (33, 90)],
        ),
        (
            "chain_merges_then_displaces",
            &[
                (0, 4, 11),
                (2, 8, 12),
                (6, 16, 13),
                (10, 40, 3),
                (10, 14, 14),
            ],
            &[(10, 40)],
        ),
    ];

    #[test]
    fn overlap_spans() {
        for &(name, counted, want) in SPANS {
            let found = choose(
                Gated {
                    counted: counted.iter().map(|&(s, e, p)| raw(s, e, p)).collect(),
                    not_counted: Vec::new(),
                },
                |p| p / 10,
            );
            let got: Vec<(usize, usize)> = found
                .chosen
                .iter()
                .map(|c| (c.outer.start, c.outer.end))
                .collect();
            assert_eq!(got, want, "case {name}");
        }
    }
}
