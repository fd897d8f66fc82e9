//! Emerging phrases (`tifa corpus --emerging`): candidate set phrases the dictionary does not know yet — Chinese
//! runs of 4–12 characters (cut at anything that is not a Han character) and English runs of
//! 2–6 words (cut at punctuation; not starting or ending with a function word) that recur in
//! several documents, are covered by no entry, and rise: each is scored by the log-likelihood
//! (Dunning's G²) of its occurrences in the last period against all earlier ones, signed so that
//! a rising phrase scores above zero. With `--reference` (ordinary prose), phrases that are not
//! rarer there than in the corpus are dropped ([`drop_ordinary`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::analyzer::{Analyzer, Options};
use crate::matching::sensitivity::Sensitivity;
use crate::text::script;

/// Words that do not start or end an English candidate ("of the", "in a" make no phrase).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "as", "from",
    "into", "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "it",
    "its", "their", "his", "her", "our", "we", "they", "he", "she", "not", "but", "also", "has",
    "have", "had", "will", "would", "should", "can", "all", "more",
];

/// Distinct candidates kept while counting; above it, those seen in one document are dropped
/// (a corpus of millions of documents stays within memory; rare phrases are what is lost).
const MAX_CANDIDATES: usize = 2_000_000;

/// The n-grams of one text that no dictionary term is part of: the text with every term the
/// dictionary finds in it (at any sensitivity) cut out, then [`ngrams`]. So a known term, or a
/// fragment of one ("quality productive forces"), is never a candidate.
pub fn unknown_ngrams(tifa: &Analyzer, text: &str) -> HashMap<String, u32> {
    let options = Options {
        sensitivity: Sensitivity::All,
        ..Default::default()
    };
    let spans = tifa.spans_options(text, options).unwrap_or_default();
    ngrams(&masked(text, &spans))
}

/// `text` with the spans (`[start, end, entry]*`, UTF-16 offsets) each replaced by a line break.
fn masked(text: &str, spans: &[u32]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0u32; // UTF-16 offset of the next character
    let mut cuts = spans.chunks_exact(3).map(|s| (s[0], s[1])).peekable();
    for c in text.chars() {
        while cuts.peek().is_some_and(|&(_, end)| end <= pos) {
            cuts.next();
        }
        match cuts.peek() {
            Some(&(start, end)) if start <= pos && pos < end => {
                if start == pos {
                    out.push('\n');
                }
            }
            _ => out.push(c),
        }
        pos += c.len_utf16() as u32;
    }
    out
}

/// The n-grams of one text with their counts: Chinese 4–12 characters, English 2–6 words
/// (lower-cased).
pub fn ngrams(text: &str) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if script::is_han(chars[i]) {
            let start = i;
            while i < chars.len() && script::is_han(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            for n in 4..=12.min(run.len()) {
                for w in run.windows(n) {
                    *out.entry(w.iter().collect()).or_default() += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    for segment in text.split(|c: char| {
        ".,;:!?()[]{}\"“”‘’—–\n\r\t·、，。；：！？（）《》".contains(c) || script::is_han(c)
    }) {
        let words: Vec<String> = segment
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty() && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(|w| {
                w.trim_matches(|c| c == '\'' || c == '-')
                    .to_ascii_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        for n in 2..=6.min(words.len()) {
            for w in words.windows(n) {
                if FUNCTION_WORDS.contains(&w[0].as_str())
                    || FUNCTION_WORDS.contains(&w[n - 1].as_str())
                {
                    continue;
                }
                *out.entry(w.join(" ")).or_default() += 1;
            }
        }
    }
    out
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
struct Stat {
    documents: u64,
    occurrences: u64,
    /// Documents holding it, per period index.
    by_period: Vec<(u32, u32)>,
}

/// Counts n-grams over documents, period by period. Counters of parts of a corpus
/// [`merge`](Counter::merge); a counter serializes, so parts can be counted elsewhere.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counter {
    stats: HashMap<String, Stat>,
    periods: Vec<String>,
    period_docs: Vec<u64>,
    period_units: Vec<u64>,
    /// Whether rare candidates were dropped to save memory.
    pub pruned: bool,
}

impl Counter {
    fn period_index(&mut self, period: &str) -> u32 {
        match self.periods.iter().position(|p| p == period) {
            Some(i) => i as u32,
            None => {
                self.periods.push(period.to_string());
                self.period_docs.push(0);
                self.period_units.push(0);
                (self.periods.len() - 1) as u32
            }
        }
    }

    /// Adds another counter (of other documents) to this one.
    pub fn merge(&mut self, other: Counter) {
        let map: Vec<u32> = other.periods.iter().map(|p| self.period_index(p)).collect();
        for (i, &p) in map.iter().enumerate() {
            self.period_docs[p as usize] += other.period_docs[i];
            self.period_units[p as usize] += other.period_units[i];
        }
        for (g, o) in other.stats {
            let s = self.stats.entry(g).or_default();
            s.documents += o.documents;
            s.occurrences += o.occurrences;
            for (q, d) in o.by_period {
                let q = map[q as usize];
                match s.by_period.iter_mut().find(|(p, _)| *p == q) {
                    Some((_, n)) => *n += d,
                    None => s.by_period.push((q, d)),
                }
            }
        }
        self.pruned |= other.pruned;
        if self.stats.len() > MAX_CANDIDATES {
            self.stats.retain(|_, s| s.documents > 1);
            self.pruned = true;
        }
    }

    /// The corpus's size in words plus Chinese characters.
    pub fn units(&self) -> u64 {
        self.period_units.iter().sum()
    }

    /// Adds one document's n-grams (from [`ngrams`]) in `period`; `units` is its size.
    pub fn add(&mut self, period: &str, grams: HashMap<String, u32>, units: u64) {
        let p = self.period_index(period);
        self.period_docs[p as usize] += 1;
        self.period_units[p as usize] += units;
        for (g, n) in grams {
            let s = self.stats.entry(g).or_default();
            s.documents += 1;
            s.occurrences += u64::from(n);
            match s.by_period.iter_mut().find(|(q, _)| *q == p) {
                Some((_, d)) => *d += 1,
                None => s.by_period.push((p, 1)),
            }
        }
        if self.stats.len() > MAX_CANDIDATES {
            self.stats.retain(|_, s| s.documents > 1);
            self.pruned = true;
        }
    }
}

/// One candidate phrase.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// The phrase (English lower-cased).
    pub phrase: String,
    /// `zh` or `en`.
    pub language: &'static str,
    /// Documents holding it.
    pub documents: u64,
    /// Occurrences.
    pub occurrences: u64,
    /// Signed G² of the last period against the earlier ones (0 with one period).
    pub score: f64,
    /// Documents per period, in period order.
    pub by_period: BTreeMap<String, u64>,
    /// Occurrences in the reference corpus (when one was given).
    pub reference: Option<u64>,
    /// Up to three places it occurs, with some text around it.
    pub examples: Vec<String>,
}

/// The size of a text in the units of the candidates' rates: words plus Chinese characters.
///
/// ```
/// assert_eq!(tifa::corpus::emerging::units("Two upholds, 两个维护."), 2 + 4);
/// ```
pub fn units(text: &str) -> u64 {
    let han = text.chars().filter(|&c| script::is_han(c)).count();
    let words = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    (han + words) as u64
}

/// Drops the candidates that are not rarer in ordinary prose (`reference`: texts) than in the
/// corpus (`corpus_units` words and characters), and sets each one's `reference` count.
pub fn drop_ordinary<S: AsRef<str>>(
    cands: &mut Vec<Candidate>,
    corpus_units: u64,
    reference: impl IntoIterator<Item = S>,
) {
    let wanted: HashMap<String, usize> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.phrase.clone(), i))
        .collect();
    let mut found = vec![0u64; cands.len()];
    let mut ref_units = 0;
    for text in reference {
        let text = text.as_ref();
        ref_units += units(text);
        for (g, n) in ngrams(text) {
            if let Some(&i) = wanted.get(&g) {
                found[i] += u64::from(n);
            }
        }
    }
    for (c, f) in cands.iter_mut().zip(&found) {
        c.reference = Some(*f);
    }
    cands.retain(|c| {
        log_likelihood(
            c.occurrences,
            corpus_units,
            c.reference.unwrap_or(0),
            ref_units,
        ) > 0.0
    });
}

/// Dunning's log-likelihood G² of `a` occurrences in `c` units against `b` in `d`, signed:
/// positive when `a/c` is the higher rate.
///
/// ```
/// use tifa::corpus::emerging::log_likelihood;
/// assert!(log_likelihood(30, 1_000, 2, 10_000) > 10.0);
/// assert!(log_likelihood(2, 10_000, 30, 1_000) < -10.0);
/// ```
pub fn log_likelihood(a: u64, c: u64, b: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c.max(1) as f64, d.max(1) as f64);
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |x: f64, e: f64| {
        if x > 0.0 && e > 0.0 {
            x * (x / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (term(a, e1) + term(b, e2));
    if a / c >= b / d {
        g2
    } else {
        -g2
    }
}

/// What to keep.
pub struct Select {
    /// Fewest documents a candidate must be in.
    pub min_documents: u64,
    /// How many to return.
    pub top: usize,
}

impl Counter {
    /// The candidates: in at least `min_documents` documents, covered by no dictionary entry,
    /// not contained in a longer candidate found in nearly as many documents (80 %), not a
    /// shorter candidate in a setting (one in half as many documents or fewer), ranked by score
    /// (then documents).
    pub fn candidates(&self, tifa: &Analyzer, select: &Select) -> Vec<Candidate> {
        let mut order: Vec<usize> = (0..self.periods.len()).collect();
        order.sort_by(|&a, &b| self.periods[a].cmp(&self.periods[b]));
        let last = order.last().copied();
        let mut cands: Vec<Candidate> = self
            .stats
            .iter()
            .filter(|(_, s)| s.documents >= select.min_documents)
            .map(|(g, s)| {
                let score = match last {
                    Some(l) if self.periods.len() > 1 => {
                        let late = s
                            .by_period
                            .iter()
                            .find(|(p, _)| *p as usize == l)
                            .map_or(0, |(_, d)| u64::from(*d));
                        let early = s.documents - late;
                        let late_docs = self.period_docs[l];
                        let early_docs = self.period_docs.iter().sum::<u64>() - late_docs;
                        log_likelihood(late, late_docs, early, early_docs)
                    }
                    _ => 0.0,
                };
                let by_period = s
                    .by_period
                    .iter()
                    .map(|(p, d)| (self.periods[*p as usize].clone(), u64::from(*d)))
                    .collect();
                let language = if g.chars().any(script::is_han) {
                    "zh"
                } else {
                    "en"
                };
                Candidate {
                    phrase: g.clone(),
                    language,
                    documents: s.documents,
                    occurrences: s.occurrences,
                    score,
                    by_period,
                    reference: None,
                    examples: Vec::new(),
                }
            })
            .collect();
        cands.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.documents.cmp(&a.documents))
                .then(a.phrase.cmp(&b.phrase))
        });
        // Longer first among the best, so a phrase's fragments can be dropped for it.
        let pool: Vec<Candidate> = cands.into_iter().take(select.top * 40 + 200).collect();
        let mut by_length = pool.clone();
        by_length.sort_by_key(|c| std::cmp::Reverse(c.phrase.chars().count()));
        let mut dropped: HashSet<String> = HashSet::new();
        for (i, long) in by_length.iter().enumerate() {
            if dropped.contains(&long.phrase) {
                continue;
            }
            for short in &by_length[i + 1..] {
                if long.phrase.contains(short.phrase.as_str())
                    && long.documents * 10 >= short.documents * 8
                {
                    dropped.insert(short.phrase.clone());
                }
            }
        }
        // And a phrase is dropped for a shorter one inside it that is in twice as many
        // documents: "officials discussed green lighthouse pilots" is "green lighthouse pilots"
        // in one of its settings.
        let kept: Vec<Candidate> = pool
            .into_iter()
            .filter(|c| !dropped.contains(&c.phrase))
            .collect();
        let extension = |c: &Candidate| {
            kept.iter().any(|o| {
                o.phrase.len() < c.phrase.len()
                    && c.phrase.contains(o.phrase.as_str())
                    && o.documents >= 2 * c.documents
            })
        };
        kept.iter()
            .filter(|c| !extension(c) && !covered(tifa, &c.phrase))
            .take(select.top)
            .cloned()
            .collect()
    }
}

/// Does a dictionary entry cover at least half of `phrase` (at any sensitivity)?
fn covered(tifa: &Analyzer, phrase: &str) -> bool {
    let Ok(report) = tifa.analyze_with(phrase, Sensitivity::All) else {
        return false;
    };
    let len = phrase.encode_utf16().count() as u32;
    let mut best = 0;
    for m in &report.matches {
        best = best.max(m.end - m.start);
        for n in &m.nested {
            best = best.max(n.end - n.start);
        }
    }
    best * 2 >= len
}

/// Up to three contexts (about 30 characters each side) of each candidate in `text`, added to
/// those already found.
pub fn add_examples(cands: &mut [Candidate], text: &str) {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII: search the original for Chinese.
    for c in cands.iter_mut().filter(|c| c.examples.len() < 3) {
        let hay = if c.language == "en" && lower.len() == text.len() {
            &lower
        } else {
            text
        };
        if let Some(at) = hay.find(&c.phrase) {
            let start = floor_char(text, at.saturating_sub(40));
            let end = ceil_char(text, (at + c.phrase.len() + 40).min(text.len()));
            c.examples.push(format!(
                "…{}…",
                text[start..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngrams_of_chinese_and_english() {
        let g = ngrams("数智赋能基层。The green lighthouse pilots of the county.");
        assert!(g.contains_key("数智赋能"));
        assert!(g.contains_key("数智赋能基层"));
        assert!(!g.contains_key("能基层"), "three characters are too few");
        assert!(g.contains_key("green lighthouse pilots"));
        assert!(
            !g.contains_key("pilots of the"),
            "no candidate ends on a function word"
        );
        assert!(!g.contains_key("the green"), "none starts with one");
    }

    #[test]
    fn known_terms_are_cut_out() {
        let tifa = Analyzer::builtin().unwrap();
        let g = unknown_ngrams(
            &tifa,
            "Speakers praised new quality productive forces and green lighthouse pilots.",
        );
        assert!(g.contains_key("green lighthouse pilots"));
        assert!(
            !g.keys().any(|k| k.contains("productive")),
            "{:?}",
            g.keys().collect::<Vec<_>>()
        );
        assert_eq!(masked("ab两个维护cd", &[2, 6, 0]), "ab\ncd");
    }

    #[test]
    fn merged_counters_give_the_same_candidates() {
        let tifa = Analyzer::builtin().unwrap();
        let docs = [
            ("2022", "Clerks filed forms."),
            ("2023", "Green lighthouse pilots began."),
            ("2023", "More green lighthouse pilots opened."),
            (
                "2024",
                "Green lighthouse pilots spread; clerks filed forms.",
            ),
        ];
        let mut whole = Counter::default();
        let (mut a, mut b) = (Counter::default(), Counter::default());
        for (i, (p, t)) in docs.iter().enumerate() {
            whole.add(p, unknown_ngrams(&tifa, t), units(t));
            if i % 2 == 0 { &mut a } else { &mut b }.add(p, unknown_ngrams(&tifa, t), units(t));
        }
        b.merge(a);
        let select = Select {
            min_documents: 2,
            top: 5,
        };
        let phrases = |c: &Counter| -> Vec<(String, u64, String)> {
            c.candidates(&tifa, &select)
                .into_iter()
                .map(|c| (c.phrase, c.documents, format!("{:.6}", c.score)))
                .collect()
        };
        assert_eq!(phrases(&b), phrases(&whole));
        assert_eq!(b.units(), whole.units());
        assert!(phrases(&whole)
            .iter()
            .any(|(p, _, _)| p == "green lighthouse pilots"));
    }

    #[test]
    fn log_likelihood_is_signed_and_zero_when_even() {
        assert!(log_likelihood(30, 1_000, 2, 10_000) > 10.0);
        assert!(log_likelihood(2, 10_000, 30, 1_000) < -10.0);
        assert!(log_likelihood(10, 1_000, 100, 10_000).abs() < 1e-9);
    }
}
