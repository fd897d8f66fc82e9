//! The report for one text: matches with UTF-16 offsets, counts per term and per category,
//! density, and candidates for unknown formulas. Its JSON form is the CLI's contract.

mod formulas;

use serde::Serialize;

use crate::dictionary::{Dictionary, Kind};
use crate::matching::candidates::RawMatch;
use crate::matching::choose::{Chosen, Found};
use crate::matching::patterns::Patterns;
use crate::matching::sensitivity::{Reason, Sensitivity};
use crate::text::normalize::Normalized;
use crate::text::script::is_han;
use crate::text::utf16;

/// A term found in the text. Offsets are UTF-16 code units of the original text, end exclusive.
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let text = "😀 The Party’s “two upholds”";
/// let m = &tifa.analyze(text)?.matches[0];
/// assert_eq!((m.id.as_str(), m.text.as_str(), m.kind), ("two-upholds", "two upholds", tifa::Kind::Official));
/// // The emoji is two UTF-16 code units: `start` counts them as a browser does.
/// let units: Vec<u16> = text.encode_utf16().collect();
/// assert_eq!(String::from_utf16_lossy(&units[m.start as usize..m.end as usize]), "two upholds");
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive (UTF-16 code units).
    pub end: u32,
    /// The original text of the match.
    pub text: String,
    /// The dictionary form that matched.
    pub form: String,
    /// That form's kind.
    pub kind: Kind,
    /// The entry's category.
    pub category: String,
    /// For a context-gated form: why it counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Reason>,
    /// Other entries whose forms sit inside this match.
    pub nested: Vec<Nested>,
    /// Other entries sharing the same form (`shared = true`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

/// A term inside a longer match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nested {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive.
    pub end: u32,
    /// The dictionary form that matched.
    pub form: String,
}

/// How often one entry occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCount {
    /// Entry id.
    pub id: String,
    /// Top-level occurrences.
    pub count: u32,
    /// Occurrences nested inside longer terms.
    pub nested: u32,
    /// What the text says at the first occurrence ("two maintenances"), which may differ from
    /// the preferred English; for a term met only inside longer ones, the form that matched.
    pub text: String,
    /// Preferred English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
    /// Category.
    pub category: String,
}

/// How many top-level matches fall in one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCount {
    /// Category name.
    pub category: String,
    /// Top-level matches.
    pub count: u32,
}

/// Terms per 1,000 words (English) or per 1,000 Han characters (Chinese).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Density {
    /// `words` or `characters`, whichever the text has more of.
    pub unit: &'static str,
    /// Number of words or Han characters in the text.
    pub size: u64,
    /// Top-level matches.
    pub matches: u64,
    /// Matches per 1,000 units, rounded to two decimals.
    pub per_thousand: f64,
}

/// A numbered formula the dictionary does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormulaCandidate {
    /// The text as it stands at its first occurrence.
    pub text: String,
    /// First occurrence: start (UTF-16).
    pub start: u32,
    /// First occurrence: end, exclusive (UTF-16).
    pub end: u32,
    /// Occurrences.
    pub count: u32,
}

/// A form that needs context, seen in the text but not counted (not highlighted), so a reader
/// can see why a phrase was left alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCounted {
    /// Entry id.
    pub id: String,
    /// Start (UTF-16 code units).
    pub start: u32,
    /// End, exclusive (UTF-16 code units).
    pub end: u32,
    /// The original text.
    pub text: String,
    /// The dictionary form.
    pub form: String,
    /// One line: why it did not count.
    pub why: &'static str,
}

/// Everything tifa found in one text. Serialized (serde), it is the CLI's `--format json`.
///
/// ```
/// let tifa = tifa::Analyzer::builtin()?;
/// let report = tifa.analyze("两个维护，两个维护。The core of the plan is simple.")?;
/// assert_eq!((report.terms[0].id.as_str(), report.terms[0].count), ("two-upholds", 2));
/// assert_eq!(report.density.unit, "characters");
/// // "core" needs context: its own sentence gives none, the rest of the document does.
/// let core = &report.matches[2];
/// assert_eq!((core.text.as_str(), core.context), ("core", Some(tifa::Reason::Document)));
/// # Ok::<(), tifa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Top-level matches, in text order, disjoint.
    pub matches: Vec<Match>,
    /// Counts per entry, in order of first appearance.
    pub terms: Vec<TermCount>,
    /// Counts per category, in order of first appearance.
    pub categories: Vec<CategoryCount>,
    /// Match density.
    pub density: Density,
    /// Candidates for unknown numbered formulas.
    pub candidates: Vec<FormulaCandidate>,
    /// The sensitivity the text was analysed with.
    pub sensitivity: Sensitivity,
    /// Gated forms seen but not counted, in text order.
    pub not_counted: Vec<NotCounted>,
}

/// Why a gated form did not count, at each sensitivity.
fn why_not(sensitivity: Sensitivity) -> &'static str {
    match sensitivity {
        Sensitivity::Strict => "also common in ordinary language: counted only when quoted, in title case, or within about 60 words of an unambiguous Party term (strict)",
        _ => "also common in ordinary language: counted only when quoted, in title case, or in a text or sentence with other Party terms",
    }
}

struct Builder<'a> {
    patterns: &'a Patterns,
    norm: &'a Normalized,
}

impl Builder<'_> {
    fn owner(&self, m: &RawMatch) -> (usize, usize) {
        self.patterns.owner(m.pattern)
    }

    fn span(&self, m: &RawMatch) -> (u32, u32) {
        self.norm.original_span(m.start, m.end)
    }

    /// The terms nested in a chosen match whose entry is `outer`: `(entry, form, start, end)`,
    /// one occurrence per entry (two overlapping forms of the same entry are one), not the
    /// outer entry itself. The report and the rows both use this rule.
    fn nested(&self, c: &Chosen, outer: usize) -> Vec<(usize, usize, u32, u32)> {
        let mut out: Vec<(usize, usize, u32, u32)> = Vec::new();
        // The nested candidates come in order of their start, so one kept earlier overlaps
        // this one exactly when it ends after this one starts: the furthest end kept per entry
        // is all the rule needs (a scan of everything kept made it quadratic).
        let mut kept_end: std::collections::HashMap<usize, u32> = Default::default();
        for n in &c.nested {
            let (ni, nf) = self.owner(n);
            let (s, e) = self.span(n);
            if ni == outer || kept_end.get(&ni).is_some_and(|&xe| s < xe) {
                continue;
            }
            let end = kept_end.entry(ni).or_insert(e);
            *end = (*end).max(e);
            out.push((ni, nf, s, e));
        }
        out
    }
}

/// Fields per match in [`crate::Analyzer::rows`] and [`LazyReport::rows`].
pub const ROW: usize = 7;

/// The matches as numbers, for highlighting: `[n, n × (start, end, entry, form, kind,
/// context, nested), nested entries…]`. Offsets are UTF-16 units; `entry` and `form` index
/// [`Dictionary::entries`] and its forms; `kind` indexes [`Kind::ALL`]; `context` is 0 or
/// 1 + an index of [`Reason::ALL`]; `nested` counts the entries nested in the match, listed
/// after all the rows in match order (one per entry, as in the report).
pub(crate) fn rows(
    dict: &Dictionary,
    patterns: &Patterns,
    norm: &Normalized,
    found: &Found,
) -> Vec<u32> {
    rows_of(dict, patterns, norm, &found.chosen)
}

fn rows_of(
    dict: &Dictionary,
    patterns: &Patterns,
    norm: &Normalized,
    chosen: &[Chosen],
) -> Vec<u32> {
    let b = Builder { patterns, norm };
    let entries = dict.entries();
    let mut out = Vec::with_capacity(1 + chosen.len() * ROW);
    out.push(chosen.len() as u32);
    let mut nested_all: Vec<u32> = Vec::new();
    for c in chosen {
        let (ei, fi) = b.owner(&c.outer);
        let (start, end) = b.span(&c.outer);
        let kind = Kind::ALL
            .iter()
            .position(|&k| k == entries[ei].forms[fi].kind)
            .unwrap_or(0);
        let context = c
            .outer
            .context
            .and_then(|r| Reason::ALL.iter().position(|&x| x == r))
            .map_or(0, |i| i + 1);
        let from = nested_all.len();
        nested_all.extend(b.nested(c, ei).into_iter().map(|(ni, ..)| ni as u32));
        out.extend([
            start,
            end,
            ei as u32,
            fi as u32,
            kind as u32,
            context as u32,
            (nested_all.len() - from) as u32,
        ]);
    }
    out.extend(nested_all);
    out
}

/// A report made in two steps, so that a writer can stream a large one: everything but the
/// matches at once, and the matches one at a time ([`LazyReport::matches`]). Holding every match of a
/// 64 MiB text at once took gigabytes. [`LazyReport::into_report`] gives the same [`Report`] as
/// [`crate::Analyzer::analyze_options`].
///
/// ```
/// let tifa = tifa::Analyzer::builtin().unwrap();
/// let text = "两个维护 and the two upholds";
/// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
/// assert_eq!(lazy.match_count(), 2);
/// let first = lazy.matches().next().unwrap();
/// assert_eq!((first.id.as_str(), first.start, first.end), ("two-upholds", 0, 4));
/// assert_eq!(lazy.into_report(), tifa.analyze(text).unwrap());
/// ```
///
/// It serializes as the report without its matches (`length`, `terms`, `categories`,
/// `density`, `candidates`, `sensitivity`, `not_counted`): with [`LazyReport::rows`], what a page
/// needs to highlight a text and summarize it, without a string per match.
#[derive(Debug, Serialize)]
pub struct LazyReport<'a> {
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Counts per entry, in order of first appearance.
    pub terms: Vec<TermCount>,
    /// Counts per category, in order of first appearance.
    pub categories: Vec<CategoryCount>,
    /// Match density.
    pub density: Density,
    /// Candidates for unknown numbered formulas.
    pub candidates: Vec<FormulaCandidate>,
    /// The sensitivity the text was analysed with.
    pub sensitivity: Sensitivity,
    /// Gated forms seen but not counted, in text order.
    pub not_counted: Vec<NotCounted>,
    #[serde(skip)]
    dict: &'a Dictionary,
    #[serde(skip)]
    patterns: &'a Patterns,
    #[serde(skip)]
    text: &'a str,
    #[serde(skip)]
    norm: Normalized,
    #[serde(skip)]
    chosen: Vec<Chosen>,
}

impl<'a> LazyReport<'a> {
    /// The number of top-level matches.
    pub fn match_count(&self) -> usize {
        self.chosen.len()
    }

    /// The top-level matches, in text order, each made when it is asked for.
    pub fn matches(&self) -> impl Iterator<Item = Match> + '_ {
        let b = Builder {
            patterns: self.patterns,
            norm: &self.norm,
        };
        let entries = self.dict.entries();
        let mut at = utf16::Cursor::new(self.text);
        self.chosen.iter().map(move |c| {
            let (ei, fi) = b.owner(&c.outer);
            let entry = &entries[ei];
            let (start, end) = b.span(&c.outer);
            let (s, e) = (at.byte(start), at.byte(end));
            let nested = b
                .nested(c, ei)
                .into_iter()
                .map(|(ni, nf, s, e)| Nested {
                    id: entries[ni].id.clone(),
                    start: s,
                    end: e,
                    form: entries[ni].forms[nf].text.clone(),
                })
                .collect();
            let also = self.patterns.get(c.outer.pattern).owners[1..]
                .iter()
                .map(|&(e, _)| entries[e as usize].id.clone())
                .collect();
            Match {
                id: entry.id.clone(),
                start,
                end,
                text: self.text[s..e].to_string(),
                form: entry.forms[fi].text.clone(),
                kind: entry.forms[fi].kind,
                category: entry.category.clone(),
                context: c.outer.context,
                nested,
                also,
            }
        })
    }

    /// The matches as rows of numbers, as [`crate::Analyzer::rows`] gives them: entry and form
    /// indices, no strings.
    ///
    /// ```
    /// let tifa = tifa::Analyzer::builtin().unwrap();
    /// let text = "两个维护 and the two upholds";
    /// let lazy = tifa.analyze_lazy(text, Default::default()).unwrap();
    /// assert_eq!(lazy.rows(), tifa.rows(text, Default::default()).unwrap());
    /// ```
    pub fn rows(&self) -> Vec<u32> {
        rows_of(self.dict, self.patterns, &self.norm, &self.chosen)
    }

    /// The whole report, every match made.
    pub fn into_report(self) -> Report {
        let matches = self.matches().collect();
        Report {
            length: self.length,
            matches,
            terms: self.terms,
            categories: self.categories,
            density: self.density,
            candidates: self.candidates,
            sensitivity: self.sensitivity,
            not_counted: self.not_counted,
        }
    }
}

pub(crate) fn lazy<'a>(
    dict: &'a Dictionary,
    patterns: &'a Patterns,
    text: &'a str,
    norm: Normalized,
    found: Found,
    sensitivity: Sensitivity,
) -> LazyReport<'a> {
    let chosen = &found.chosen[..];
    let b = Builder {
        patterns,
        norm: &norm,
    };
    let entries = dict.entries();
    let mut at = utf16::Cursor::new(text);

    let mut first_seen: Vec<usize> = Vec::new();
    let mut counts: Vec<(u32, u32)> = vec![(0, 0); entries.len()];
    let mut seen_as: Vec<Option<String>> = vec![None; entries.len()];
    let mut categories: Vec<CategoryCount> = Vec::new();
    for c in chosen {
        let (ei, _) = b.owner(&c.outer);
        let (start, end) = b.span(&c.outer);
        let (s, e) = (at.byte(start), at.byte(end));
        for (ni, nf, ..) in b.nested(c, ei) {
            if counts[ni] == (0, 0) {
                first_seen.push(ni);
            }
            counts[ni].1 += 1;
            seen_as[ni].get_or_insert_with(|| entries[ni].forms[nf].text.clone());
        }
        if counts[ei] == (0, 0) {
            first_seen.push(ei);
        }
        counts[ei].0 += 1;
        // What the text says, kept for the first occurrence only (no work for the others).
        if counts[ei].0 == 1 {
            let shown = text[s..e].split_whitespace();
            seen_as[ei] = Some(shown.collect::<Vec<_>>().join(" "));
        }
        let category = &entries[ei].category;
        match categories.iter_mut().find(|c| &c.category == category) {
            Some(c) => c.count += 1,
            None => categories.push(CategoryCount {
                category: category.clone(),
                count: 1,
            }),
        }
    }
    // Nested terms are counted when first met inside their outer match; keep text order.
    first_seen.dedup();
    let terms: Vec<TermCount> = first_seen
        .iter()
        .map(|&ei| {
            let e = &entries[ei];
            TermCount {
                id: e.id.clone(),
                count: counts[ei].0,
                nested: counts[ei].1,
                text: seen_as[ei].clone().unwrap_or_default(),
                en: e.en.clone(),
                zh: e.zh.clone(),
                category: e.category.clone(),
            }
        })
        .collect();
    let density = density(text, chosen.len() as u64);
    let candidates = unknown_formulas(text, chosen, &b);
    let nc_units: Vec<u32> = found
        .not_counted
        .iter()
        .flat_map(|m| {
            let (s, e) = b.span(m);
            [s, e]
        })
        .collect();
    let nc_bytes = utf16::byte_offsets(text, &nc_units);
    let not_counted = found
        .not_counted
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (ei, fi) = b.owner(m);
            NotCounted {
                id: entries[ei].id.clone(),
                start: nc_units[2 * i],
                end: nc_units[2 * i + 1],
                text: text[nc_bytes[2 * i]..nc_bytes[2 * i + 1]].to_string(),
                form: entries[ei].forms[fi].text.clone(),
                why: why_not(sensitivity),
            }
        })
        .collect();
    LazyReport {
        length: norm.original_len(),
        terms,
        categories,
        density,
        candidates,
        sensitivity,
        not_counted,
        dict,
        patterns,
        text,
        norm,
        chosen: found.chosen,
    }
}

fn density(text: &str, matches: u64) -> Density {
    let mut words = 0u64;
    let mut han = 0u64;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding: a word character, or one that ends a word (not ' or -).
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if b.is_ascii_alphanumeric() || b == b'_' {
                words += u64::from(!in_word);
                in_word = true;
            } else if b != b'\'' && b != b'-' {
                in_word = false;
            }
            continue;
        }
        // A three-byte character (most Chinese text) decoded from its bytes.
        let c = match bytes[i..] {
            [x @ 0xE0..=0xEF, y, z, ..] => char::from_u32(
                (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F),
            ),
            _ => None,
        };
        let c = c.unwrap_or_else(|| text[i..].chars().next().expect("a char boundary"));
        i += c.len_utf8();
        if is_han(c) {
            han += 1;
            in_word = false;
        } else if crate::text::boundary::is_word_char(c) {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    let (unit, size) = if han > words {
        ("characters", han)
    } else {
        ("words", words)
    };
    let per_thousand = if size == 0 {
        0.0
    } else {
        (matches as f64 * 1000.0 / size as f64 * 100.0).round() / 100.0
    };
    Density {
        unit,
        size,
        matches,
        per_thousand,
    }
}

fn unknown_formulas(text: &str, chosen: &[Chosen], b: &Builder) -> Vec<FormulaCandidate> {
    let found = formulas::find(text);
    if found.is_empty() {
        return Vec::new();
    }
    // Known spans (top-level and nested), in UTF-16, to exclude overlapping candidates.
    let mut known: Vec<(u32, u32)> = chosen.iter().map(|c| b.span(&c.outer)).collect();
    known.sort();
    let mut out: Vec<FormulaCandidate> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let party = !chosen.is_empty();
    let byte_units: Vec<usize> = found.iter().flat_map(|&(s, e)| [s, e]).collect();
    let units = utf16_offsets(text, &byte_units);
    for (i, &(s, e)) in found.iter().enumerate() {
        let (us, ue) = (units[2 * i], units[2 * i + 1]);
        let k = known.partition_point(|&(_, ke)| ke <= us);
        if known.get(k).is_some_and(|&(ks, _)| ks < ue) {
            continue;
        }
        let t = &text[s..e];
        if !party && formulas::is_bare_chinese(text, s) {
            // An unquoted 四个X in a text with no Party term is most likely ordinary Chinese.
            continue;
        }
        let key = crate::text::normalize::normalize_form(t);
        match seen.get(&key) {
            Some(&k) => out[k].count += 1,
            None => {
                seen.insert(key, out.len());
                out.push(FormulaCandidate {
                    text: t.to_string(),
                    start: us,
                    end: ue,
                    count: 1,
                })
            }
        }
    }
    out
}

/// UTF-16 offsets of sorted-or-not byte offsets (all on char boundaries).
fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0u32; bytes.len()];
    let (mut pos, mut unit) = (0usize, 0u32);
    for i in order {
        unit += utf16::len(&text[pos..bytes[i]]);
        pos = bytes[i];
        out[i] = unit;
    }
    out
}
