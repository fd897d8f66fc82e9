//! One Aho–Corasick automaton over every form, on word tokens ([`crate::matching::alphabet`]).
//!
//! The forms are sequences of token numbers, so the automaton has one state per distinct
//! token prefix (about 250,000 for the built-in dictionary, against 770,000 byte prefixes), and
//! it is built directly in compact arrays: the trie from the forms in their order (a hash table
//! finds a state's child while building), children in one sorted edge list per state, failure
//! and output links in breadth-first order. The search reports every occurrence of every form,
//! overlaps included.
//!
//! ```ignore
//! use tifa::automaton::Automaton;
//! // Forms over tokens 1, 2, 3: [1 2], [2], [2 3].
//! let a = Automaton::new(&[vec![1, 2], vec![2], vec![2, 3]], 4);
//! let mut found = Vec::new();
//! a.find_overlapping(&[1, 2, 3], |pattern, start, end| found.push((pattern, start, end)));
//! found.sort();
//! assert_eq!(found, [(0, 0, 2), (1, 1, 2), (2, 1, 3)]);
//! ```

use super::alphabet::{Alphabet, Starts, QUOTE};

const ROOT: u32 = 0;

/// The most children of a state whose tokens the search compares with the text before it
/// looks the text's token up ([`Automaton::find_in_text`]).
const FEW_CHILDREN: usize = 4;
const NONE: u32 = u32::MAX;

/// The automaton. Patterns are numbered in the order given to [`Automaton::new`].
#[derive(Debug, Clone, Default)]
pub struct Automaton {
    /// Root transitions, by token number (unknown tokens go back to the root).
    root: Vec<u32>,
    /// What the search reads of each state, in one place.
    nodes: Vec<Node>,
    /// For state `s`, its edges are `edges[edge_start[s]..edge_start[s + 1]]`, sorted by token.
    edge_start: Vec<u32>,
    edges: Vec<(u32, u32)>,
    /// Failure link of each state.
    fail: Vec<u32>,
    /// Patterns ending at state `s`: `outputs[out_start[s]..out_start[s + 1]]`, each with its
    /// length in tokens.
    out_start: Vec<u32>,
    outputs: Vec<(u32, u32)>,
    /// What the search reports, laid out for it ([`Automaton::report`]): for each state where
    /// a pattern ends, its (pattern, length) pairs, then `(LINK, i)`, where `i` is where the
    /// pairs of its output link start (`NONE` when it has none). One run of memory per state
    /// instead of three tables (the output ranges, the outputs, the output links).
    ends: Vec<(u32, u32)>,
    /// The most patterns that end at one text position, and a state where that many end
    /// ([`Automaton::most_ends`]).
    most_ends: (u32, u32),
}

/// A state as the search reads it: its edges, its failure link, and the first state to report
/// from when it is reached. A state with one child holds that edge itself (most states past a
/// form's first tokens have one), so the search reads one place per state instead of two.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// With [`ONE_CHILD`] in `fail`: the only edge, (token, child); else the state's edges are
    /// `edges[edge.0..edge.1]`.
    edge: (u32, u32),
    /// The failure link, with [`ONE_CHILD`] set when `edge` is the state's only edge.
    fail: u32,
    /// Where the search's reports for the state start in [`Automaton::ends`] (its own
    /// patterns' if a pattern ends there, else its output link's); `NONE` when no pattern ends
    /// at it or along its failure links.
    report: u32,
}

/// The bit of [`Node::fail`] that marks a state with one child (state numbers stay below it).
const ONE_CHILD: u32 = 1 << 31;

/// The pattern number that marks the end of a state's pairs in [`Automaton::ends`] (pattern
/// numbers stay below it).
const LINK: u32 = u32::MAX;

/// The trie's edges below the root while it is built: (state, token) → child, in an
/// open-addressing table. A slot is `[state, token, child]` (12 bytes), empty when its state is
/// 0: the root's edges are not in it.
struct Edges {
    slots: Vec<[u32; 3]>,
    /// log2 of the number of slots.
    bits: u32,
    len: usize,
}

impl Edges {
    /// A table for about `edges` edges (it doubles when it is three quarters full, so a low
    /// guess costs regrowths and a high one memory, which a page's WebAssembly never gives
    /// back).
    fn with_capacity(edges: usize) -> Edges {
        let bits = (edges.max(8) * 4 / 3 + 1)
            .next_power_of_two()
            .trailing_zeros();
        Edges {
            slots: vec![[0; 3]; 1 << bits],
            bits,
            len: 0,
        }
    }

    #[inline]
    fn slot(&self, state: u32, token: u32) -> usize {
        let key = (u64::from(state) << 32) | u64::from(token);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    /// The child of `state` (not the root) on `token`, if there is one.
    #[inline]
    fn get(&self, state: u32, token: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(state, token);
        loop {
            match self.slots[i] {
                [0, _, _] => return None,
                [s, t, child] if s == state && t == token => return Some(child),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Adds the edge from `state` (not the root, no such edge yet) on `token` to `child`.
    fn insert(&mut self, state: u32, token: u32, child: u32) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.bits += 1;
            let old = std::mem::replace(&mut self.slots, vec![[0; 3]; 1 << self.bits]);
            for [s, t, c] in old.into_iter().filter(|e| e[0] != 0) {
                self.put(s, t, c);
            }
        }
        self.put(state, token, child);
        self.len += 1;
    }

    fn put(&mut self, state: u32, token: u32, child: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(state, token);
        while self.slots[i][0] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = [state, token, child];
    }
}

impl Automaton {
    /// Builds the automaton over `patterns` (sequences of token numbers below `tokens`; token 0
    /// is "unknown" and should not occur in a pattern). Empty patterns never match.
    pub fn new(patterns: &[Vec<u32>], tokens: usize) -> Automaton {
        let mut flat = Vec::new();
        let mut bounds = vec![0u32];
        for p in patterns {
            flat.extend_from_slice(p);
            bounds.push(flat.len() as u32);
        }
        Automaton::from_flat(&flat, &bounds, tokens)
    }

    /// [`Automaton::new`] over patterns stored one after another: pattern `i` is
    /// `flat[bounds[i]..bounds[i + 1]]`.
    pub fn from_flat(flat: &[u32], bounds: &[u32], tokens: usize) -> Automaton {
        let count = bounds.len().saturating_sub(1);
        let pattern = |i: u32| &flat[bounds[i as usize] as usize..bounds[i as usize + 1] as usize];
        // The trie, one pattern after another in their order: each pattern walks down from the
        // root as far as the trie has its tokens and adds a state per token left. The root's
        // children are found in an array by token, the others in a hash table keyed by (state,
        // token): no sort of the patterns (which took a fifth of the start), and states are
        // numbered in the order they are made. The edges are put in token order below, so the
        // automaton's behaviour, its breadth-first order included, does not depend on the
        // numbering.
        let width = flat
            .iter()
            .map(|&t| t as usize + 1)
            .max()
            .unwrap_or(0)
            .max(tokens.max(1));
        let mut root = vec![ROOT; width];
        // About one token in five after a pattern's first makes a new state in the built-in
        // dictionary (its forms and their variants share long prefixes; 326,479 edges for
        // 1,490,867 such tokens in December 2026): the table is sized for one in four, and
        // doubles if a dictionary needs more.
        let guess = flat.len().saturating_sub(count) / 4;
        let mut kids = Edges::with_capacity(guess);
        // The states: the root's children and the table's, with the same guess (a capacity of
        // one state per token was four times what the built-in dictionary needs).
        let mut parent: Vec<u32> = Vec::with_capacity(guess + count / 4 + 1);
        let mut token: Vec<u32> = Vec::with_capacity(guess + count / 4 + 1);
        parent.push(ROOT);
        token.push(0);
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(count); // (state, pattern)
        for p in 0..count as u32 {
            let pat = pattern(p);
            let Some((&first, rest)) = pat.split_first() else {
                continue;
            };
            let mut s = root[first as usize];
            if s == ROOT {
                s = parent.len() as u32;
                parent.push(ROOT);
                token.push(first);
                root[first as usize] = s;
            }
            for &t in rest {
                s = match kids.get(s, t) {
                    Some(c) => c,
                    None => {
                        let c = parent.len() as u32;
                        parent.push(s);
                        token.push(t);
                        kids.insert(s, t, c);
                        c
                    }
                };
            }
            ends.push((s, p));
        }
        drop(kids);
        let n = parent.len();

        // Edges grouped by parent (a counting sort), then each group in token order.
        let mut edge_start = vec![0u32; n + 1];
        for &p in &parent[1..] {
            edge_start[p as usize + 1] += 1;
        }
        for i in 0..n {
            edge_start[i + 1] += edge_start[i];
        }
        let mut fill = edge_start.clone();
        let mut edges = vec![(0u32, 0u32); n - 1];
        for s in 1..n {
            let p = parent[s] as usize;
            edges[fill[p] as usize] = (token[s], s as u32);
            fill[p] += 1;
        }
        // Each state's edges in token order (most states have one).
        for s in 0..n {
            let group = &mut edges[edge_start[s] as usize..edge_start[s + 1] as usize];
            if group.len() > 1 {
                group.sort_unstable_by_key(|&(t, _)| t);
            }
        }

        let mut out_start = vec![0u32; n + 1];
        for &(s, _) in &ends {
            out_start[s as usize + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let mut fill = out_start.clone();
        let mut outputs = vec![(0u32, 0u32); ends.len()];
        for &(s, p) in &ends {
            outputs[fill[s as usize] as usize] = (p, pattern(p).len() as u32);
            fill[s as usize] += 1;
        }

        root.truncate(tokens.max(1));
        let mut a = Automaton {
            root,
            nodes: Vec::new(),
            edge_start,
            edges,
            fail: vec![ROOT; n],
            out_start,
            outputs,
            ends: Vec::new(),
            most_ends: (0, ROOT),
        };
        // How many patterns end at each state, its own and along its output links (a state's
        // output link is shallower, so breadth-first order knows it first).
        let mut ends_here = vec![0u32; n];
        // The nearest state along the failure links that ends a pattern, or `NONE`.
        let mut dict = vec![NONE; n];

        // Failure and output links, breadth first.
        let mut queue: Vec<u32> = a.children(ROOT).iter().map(|&(_, s)| s).collect();
        for &s in &queue {
            let own = a.out_start[s as usize + 1] - a.out_start[s as usize];
            ends_here[s as usize] = own;
            if own > a.most_ends.0 {
                a.most_ends = (own, s);
            }
        }
        let mut head = 0;
        while head < queue.len() {
            let s = queue[head];
            head += 1;
            for i in a.edge_start[s as usize]..a.edge_start[s as usize + 1] {
                let (t, c) = a.edges[i as usize];
                let mut f = a.fail[s as usize];
                let target = loop {
                    if let Some(next) = a.step(f, t) {
                        break next;
                    }
                    if f == ROOT {
                        break ROOT;
                    }
                    f = a.fail[f as usize];
                };
                a.fail[c as usize] = target;
                dict[c as usize] = if a.has_output(target) {
                    target
                } else {
                    dict[target as usize]
                };
                let own = a.out_start[c as usize + 1] - a.out_start[c as usize];
                let link = dict[c as usize];
                ends_here[c as usize] = own
                    + if link == NONE {
                        0
                    } else {
                        ends_here[link as usize]
                    };
                if ends_here[c as usize] > a.most_ends.0 {
                    a.most_ends = (ends_here[c as usize], c);
                }
                queue.push(c);
            }
        }
        assert!(n < ONE_CHILD as usize, "too many states");
        assert!(count < LINK as usize, "too many patterns");
        // The reports: each state's own pairs and its link, in state order.
        let mut at = vec![NONE; n];
        for s in 0..n {
            if a.has_output(s as u32) {
                at[s] = a.ends.len() as u32;
                let own = a.out_start[s] as usize..a.out_start[s + 1] as usize;
                a.ends.extend_from_slice(&a.outputs[own]);
                a.ends.push((LINK, dict[s]));
            }
        }
        for e in &mut a.ends {
            if e.0 == LINK && e.1 != NONE {
                e.1 = at[e.1 as usize];
            }
        }
        assert!(a.ends.len() < NONE as usize, "too many patterns");
        a.nodes = (0..n)
            .map(|s| {
                let report = if a.has_output(s as u32) {
                    at[s]
                } else if dict[s] != NONE {
                    at[dict[s] as usize]
                } else {
                    NONE
                };
                match a.children(s as u32) {
                    &[only] if s != ROOT as usize => Node {
                        edge: only,
                        fail: a.fail[s] | ONE_CHILD,
                        report,
                    },
                    _ => Node {
                        edge: (a.edge_start[s], a.edge_start[s + 1]),
                        fail: a.fail[s],
                        report,
                    },
                }
            })
            .collect();
        a
    }

    /// The edges of state `s` (in token order) and its failure link, as the search reads them.
    #[inline]
    fn kids_and_fail(&self, s: u32) -> (&[(u32, u32)], u32) {
        let node = &self.nodes[s as usize];
        if node.fail & ONE_CHILD != 0 {
            (std::slice::from_ref(&node.edge), node.fail & !ONE_CHILD)
        } else {
            (
                &self.edges[node.edge.0 as usize..node.edge.1 as usize],
                node.fail,
            )
        }
    }

    fn children(&self, s: u32) -> &[(u32, u32)] {
        &self.edges[self.edge_start[s as usize] as usize..self.edge_start[s as usize + 1] as usize]
    }

    fn has_output(&self, s: u32) -> bool {
        self.out_start[s as usize] < self.out_start[s as usize + 1]
    }

    /// The transition from `s` on token `t`, if the trie has one (the root always has one).
    #[inline]
    fn step(&self, s: u32, t: u32) -> Option<u32> {
        if s == ROOT {
            return Some(self.root.get(t as usize).copied().unwrap_or(ROOT));
        }
        let kids = self.children(s);
        match kids {
            [] => None,
            [(k, c)] => (*k == t).then_some(*c),
            _ => kids
                .binary_search_by_key(&t, |&(k, _)| k)
                .ok()
                .map(|i| kids[i].1),
        }
    }

    /// Calls `found(pattern, start, end)` for every occurrence of every pattern in `text`
    /// (token positions, end exclusive), in order of their end.
    #[inline(never)] // one call per text; kept apart so profiles show it
    pub fn find_overlapping(&self, text: &[u32], mut found: impl FnMut(u32, usize, usize)) {
        let mut s = ROOT;
        for (i, &t) in text.iter().enumerate() {
            s = self.next(s, t);
            let o = self.nodes[s as usize].report;
            if o != NONE {
                self.report(o, i + 1, &mut found);
            }
        }
    }

    /// Does a pattern start with token `t`?
    pub fn starts_with(&self, t: u32) -> bool {
        self.root.get(t as usize).is_some_and(|&s| s != ROOT)
    }

    /// Calls `found(pattern, start, end)` for every occurrence of every pattern in `text`, a
    /// normalized text cut into tokens by `alphabet` ([`Alphabet::encode_text`]), in byte
    /// offsets of `text` (from the start of the pattern's first token to the end of its last),
    /// in order of their end: what [`Automaton::find_overlapping`] finds over the encoded text.
    ///
    /// The text is not encoded first. While the search stands at the root, only a token that
    /// starts a pattern can leave it, and `starts` ([`Starts::skip`]) finds the next token
    /// that may, from its first bytes; from there the tokens are numbered one by one until
    /// the search is back at the root. A pattern's tokens all come after the search last left
    /// the root, so their starts are kept from there only.
    #[inline(never)] // one call per text; kept apart so profiles show it
    pub fn find_in_text(
        &self,
        alphabet: &Alphabet,
        starts: &Starts,
        text: &str,
        mut found: impl FnMut(u32, usize, usize),
    ) {
        // The byte offset of each token read since the search last left the root.
        let mut at: Vec<u32> = Vec::new();
        let mut s = ROOT;
        let mut i = 0;
        while i < text.len() {
            if s == ROOT {
                at.clear();
                i = starts.skip(text, i);
                if i >= text.len() {
                    break;
                }
            }
            let start = i;
            // Most states past a form's first token go on with one token, or a few: when the
            // text holds one of them (spelled as `starts` keeps it), that child, without
            // cutting the token out and looking it up. (An ASCII token: a CJK character's
            // number is one load away.)
            let only = if s != ROOT && text.as_bytes()[i] < 0x80 {
                let (kids, _) = self.kids_and_fail(s);
                if kids.len() <= FEW_CHILDREN {
                    kids.iter()
                        .find_map(|&(t, c)| Some((starts.spelled_at(text, i, t)?, c)))
                } else {
                    None
                }
            } else {
                None
            };
            let end = if let Some((end, c)) = only {
                s = c;
                end
            } else {
                let (end, t) = alphabet.token_at(text, i);
                if t == QUOTE {
                    i = end;
                    continue;
                }
                s = self.next(s, t);
                end
            };
            i = end;
            at.push(start as u32);
            let o = self.nodes[s as usize].report;
            if o != NONE {
                self.report(o, at.len(), &mut |p, first, _| {
                    found(p, at[first] as usize, end)
                });
            }
        }
    }

    /// Reports the patterns ending at a state and along its output links, at token `end`,
    /// from `o`, the state's [`Node::report`]. Apart from the search loop, which stays small:
    /// most tokens end no pattern.
    #[inline(never)]
    fn report(&self, o: u32, end: usize, found: &mut impl FnMut(u32, usize, usize)) {
        let mut i = o as usize;
        loop {
            let (p, len) = self.ends[i];
            if p == LINK {
                if len == NONE {
                    return;
                }
                i = len as usize;
            } else {
                found(p, end - len as usize, end);
                i += 1;
            }
        }
    }

    /// The state after `s` on token `t`, following failure links.
    #[inline]
    fn next(&self, mut s: u32, t: u32) -> u32 {
        while s != ROOT {
            let (kids, fail) = self.kids_and_fail(s);
            // Most states past the first few tokens have one child.
            match kids {
                [(k, c)] if *k == t => return *c,
                [_] | [] => {}
                _ => {
                    if let Ok(i) = kids.binary_search_by_key(&t, |&(k, _)| k) {
                        return kids[i].1;
                    }
                }
            }
            s = fail;
        }
        self.root.get(t as usize).copied().unwrap_or(ROOT)
    }

    /// The most patterns that can end at one position of a text, and one of the patterns
    /// ending at such a position (the longest), if any. A search reports at most this many
    /// occurrences per token, so it bounds the work and memory of every search: a set of
    /// patterns nested in one another (`a`, `a a`, `a a a`…) raises it.
    ///
    /// ```ignore
    /// use tifa::automaton::Automaton;
    /// let nested = Automaton::new(&[vec![1], vec![1, 1], vec![1, 1, 1], vec![2]], 3);
    /// assert_eq!(nested.most_ends(), (3, Some(2)));
    /// assert_eq!(Automaton::new(&[], 1).most_ends(), (0, None));
    /// ```
    pub fn most_ends(&self) -> (usize, Option<u32>) {
        let (count, state) = self.most_ends;
        if count == 0 {
            return (0, None);
        }
        let own =
            self.out_start[state as usize] as usize..self.out_start[state as usize + 1] as usize;
        let longest = self.outputs[own]
            .iter()
            .copied()
            .max_by_key(|&(_, len)| len)
            .map(|(p, _)| p);
        (count as usize, longest)
    }

    /// The sets of two or more patterns that end at one state: patterns of the same tokens
    /// (each set in the order the patterns were given).
    pub fn same_tokens(&self) -> impl Iterator<Item = Vec<u32>> + '_ {
        self.out_start.windows(2).filter_map(|w| {
            let (from, to) = (w[0] as usize, w[1] as usize);
            (to - from > 1).then(|| self.outputs[from..to].iter().map(|&(p, _)| p).collect())
        })
    }

    /// Number of states.
    pub fn states(&self) -> usize {
        self.fail.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence by brute force.
    fn naive(patterns: &[Vec<u32>], text: &[u32]) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        for (p, pat) in patterns.iter().enumerate() {
            if pat.is_empty() || pat.len() > text.len() {
                continue;
            }
            for s in 0..=text.len() - pat.len() {
                if &text[s..s + pat.len()] == pat.as_slice() {
                    out.push((p as u32, s, s + pat.len()));
                }
            }
        }
        out.sort();
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The automaton finds exactly what a brute-force search finds, duplicates included.
        #[test]
        fn equals_brute_force(
            patterns in proptest::collection::vec(proptest::collection::vec(0u32..5, 0..5), 0..12),
            text in proptest::collection::vec(0u32..6, 0..40),
        ) {
            let a = Automaton::new(&patterns, 5);
            let mut got = Vec::new();
            a.find_overlapping(&text, |p, s, e| got.push((p, s, e)));
            got.sort();
            proptest::prop_assert_eq!(got, naive(&patterns, &text));
        }
    }

    /// Pieces of normalized text, for the skipping search: words that start forms or not,
    /// British and American spellings of one word, words that run into non-ASCII letters,
    /// words of more than 8 and 16 bytes, quotation marks, CJK characters in and out of the
    /// alphabet's table.
    const PIECES: &[&str] = &[
        "a",
        "ab",
        "the",
        "party",
        "parties",
        "centre",
        "center",
        "internationalisation",
        "x1_2",
        "société",
        "soci",
        "é",
        " ",
        "-",
        "'",
        "\"",
        ".",
        "两",
        "个",
        "维护",
        "。",
        "ㄅ",
        "😀",
        "0123456789abcdefg",
        "one two",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Regression for the skipping search (perf4): `find_in_text` reports exactly what
        /// `find_overlapping` reports over the whole encoded text, in the same order, in byte
        /// offsets (a match ends where its last token ends: the next token's start, less the
        /// quotation marks before it).
        #[test]
        fn find_in_text_equals_search_over_encoded_text(
            forms in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 1..8),
            text in proptest::collection::vec((0..3usize, 0..PIECES.len()), 0..40),
        ) {
            let forms: Vec<String> = forms
                .iter()
                .map(|f| f.iter().map(|&k| PIECES[k]).collect())
                .collect();
            let mut alphabet = Alphabet::new();
            let patterns: Vec<Vec<u32>> = forms.iter().map(|f| alphabet.add_form(f)).collect();
            let a = Automaton::new(&patterns, alphabet.size());
            let starts = Starts::new(&alphabet, |t| a.starts_with(t));
            // A third of the text's pieces are whole forms, so that they match often.
            let text: String = text
                .iter()
                .map(|&(kind, k)| if kind == 0 { forms[k % forms.len()].as_str() } else { PIECES[k] })
                .collect();
            let b = text.as_bytes();
            let (encoded, at) = alphabet.encode_text(&text);
            let mut want = Vec::new();
            a.find_overlapping(&encoded, |p, s, e| {
                let (start, mut end) = (at[s] as usize, at[e] as usize);
                while end > start && matches!(b[end - 1], b'"' | b'\'') {
                    end -= 1;
                }
                want.push((p, start, end));
            });
            let mut got = Vec::new();
            a.find_in_text(&alphabet, &starts, &text, |p, s, e| got.push((p, s, e)));
            proptest::prop_assert_eq!(got, want, "{:?} in {:?}", forms, text);
        }
    }

    #[test]
    fn no_patterns_no_matches() {
        let a = Automaton::new(&[], 0);
        let mut n = 0;
        a.find_overlapping(&[0, 1, 2], |_, _, _| n += 1);
        assert_eq!(n, 0);
        assert_eq!(a.states(), 1);
    }
}
