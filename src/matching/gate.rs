//! The gate: the context rule for forms marked `needs_context`.
//!
//! Short forms such as "core", "new era" or 群众 also occur in ordinary language. Such a form
//! counts only when the text itself shows Party context. How much context is asked for is the
//! [`Sensitivity`]:
//!
//! * [`Sensitivity::Default`]: the form counts when, first reason that holds,
//!   1. **quoted**: a numbered formula, or a form of three or more words (three or more
//!      Chinese characters), is enclosed in quotation marks (`‘two safeguards’`,
//!      `「维护核心」`); shorter quoted forms (`"core"`) are common in manuals and need one of
//!      the other reasons;
//!   2. **capitalized**: a numbered formula is written in title case ("Two Safeguards"); other
//!      title-cased forms ("State Council", "United Front") are as often another country's
//!      proper names, and need one of the other reasons;
//!   3. **sentence**: a form that does not need context occurs in the same sentence;
//!   4. **document**: the whole document shows Party discourse ([`document_vouches`]): it holds
//!      a form that does not need context of an entry outside the `institutions` category, or
//!      such forms of two different entries of any category.
//! * [`Sensitivity::Strict`]: reasons 1 and 2, or **nearby**: a form that does not need context
//!   starts within [`WINDOW`] bytes of the normalized text (about 60 English words or 130
//!   Chinese characters). This was tifa's only rule before the document rule.
//! * [`Sensitivity::All`]: every form counts (reason **all**).
//!
//! A form may ask for more ([`ContextNeeds`], the dictionary's `context_needs`, set where
//! evidence shows the form in its ordinary sense inside Party texts): with `Sentence` the
//! document reason is not enough; with `TitleCase` (a proper name, "Basic Law") the form
//! counts only where the text writes it in title case, for whichever reason. A form may also
//! name the words that show its ordinary sense when they stand right next to it (the
//! dictionary's `not_after`, `not_before`: "years of" before "arduous struggle", "of serving"
//! after "primary responsibility"): there it never counts, whatever the context, where the
//! sentence alone cannot tell the senses apart because another Party term stands in it.
//! [`reason`] is the whole decision, one gated candidate at a time.
//!
//! Gated forms never vouch for each other, so ordinary prose that happens to say "core" and
//! "the masses" stays unmarked. The gate splits the candidates ([`super::candidates`]) into
//! those that count, each gated one with its [`Reason`], and those seen but not counted; the
//! choice among them is the next stage's ([`super::choose`]).

use crate::dictionary::ContextNeeds;
use crate::text::is_quote;
use crate::text::normalize::Normalized;

use super::candidates::RawMatch;
use super::patterns::Patterns;
use super::sensitivity::{DocumentContext, Reason, Sensitivity};

/// How far (in normalized bytes) an unambiguous term may be from a gated one, under
/// [`Sensitivity::Strict`].
pub(crate) const WINDOW: usize = 400;

/// Does the document show Party discourse? `anchors` are the (entry index, category) of every
/// occurrence of a form that needs no context. True when one of them belongs to an entry
/// outside the `institutions` category, or when they name two different entries.
///
/// The rule exists because one mention of a common institution ("the Central Committee") in
/// a news story is weak evidence, while a distinctive phrase ("Xi Jinping Thought") or two
/// different terms are strong.
///
/// ```
/// use tifa::document_vouches;
/// assert!(document_vouches([(3, "leadership")]));
/// assert!(!document_vouches([(7, "institutions"), (7, "institutions")]));
/// assert!(document_vouches([(7, "institutions"), (9, "institutions")]));
/// assert!(!document_vouches(std::iter::empty::<(usize, &str)>()));
/// ```
pub fn document_vouches<'a>(anchors: impl IntoIterator<Item = (usize, &'a str)>) -> bool {
    let mut first: Option<usize> = None;
    for (entry, category) in anchors {
        if category != "institutions" {
            return true;
        }
        match first {
            Some(f) if f != entry => return true,
            _ => first = Some(entry),
        }
    }
    false
}

/// The document rule over these candidates ([`document_vouches`] of the ungated ones).
pub(crate) fn vouches(patterns: &Patterns, candidates: &[RawMatch]) -> bool {
    document_vouches(
        candidates
            .iter()
            .filter(|c| !patterns.gated(c.pattern))
            .map(|c| {
                let e = patterns.owner(c.pattern).0;
                (e, patterns.category(e))
            }),
    )
}

/// What the gate found around one gated candidate: the facts [`reason`] decides on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// An acronym that is also a word (`capitals`), written here in lower case.
    pub lower: bool,
    /// A form asking for title case ([`ContextNeeds::TitleCase`]), written here otherwise.
    pub untitled: bool,
    /// Words the dictionary lists as showing the form's ordinary sense (`not_after`,
    /// `not_before`) stand right next to it ([`super::patterns::Neighbours`]).
    pub neighbour: bool,
    /// A form of three words or more (three Chinese characters) in quotation marks.
    pub quoted: bool,
    /// A numbered formula in title case.
    pub title: bool,
    /// A form that needs no context within [`WINDOW`] bytes (asked under `Strict` only).
    pub nearby: bool,
    /// A form that needs no context in the same sentence (asked under `Default` only).
    pub sentence: bool,
    /// The document shows Party discourse ([`document_vouches`]).
    pub document: bool,
}

/// The context rule for one gated candidate: the first reason that holds at this sensitivity,
/// or `None` (seen, not counted). What the form asks beyond the usual ([`ContextNeeds`]) is
/// data: a form in title case only ("Basic Law") never counts written otherwise, and a form
/// with `Sentence` is not counted for the document alone.
///
/// ```ignore
/// // "…the first basic law of the private economy…" in a text on Xi Jinping Thought:
/// let f = Facts { untitled: true, document: true, ..Facts::default() };
/// assert_eq!(reason(Sensitivity::Default, Some(ContextNeeds::TitleCase), f), None);
/// // "China's economic and political standing" in a text on the Party's centenary:
/// let f = Facts { document: true, ..Facts::default() };
/// assert_eq!(reason(Sensitivity::Default, None, f), Some(Reason::Document));
/// assert_eq!(reason(Sensitivity::Default, Some(ContextNeeds::Sentence), f), None);
/// ```
/// (Run as the test `reason_examples`: doc tests cannot reach this private module.)
pub(crate) fn reason(
    sensitivity: Sensitivity,
    needs: Option<ContextNeeds>,
    f: Facts,
) -> Option<Reason> {
    let document_enough = needs != Some(ContextNeeds::Sentence);
    match sensitivity {
        Sensitivity::All => Some(Reason::All),
        _ if f.lower || f.untitled || f.neighbour => None,
        _ if f.quoted => Some(Reason::Quoted),
        _ if f.title => Some(Reason::Capitalized),
        Sensitivity::Strict if f.nearby => Some(Reason::Nearby),
        Sensitivity::Default if f.sentence => Some(Reason::Sentence),
        Sensitivity::Default if f.document && document_enough => Some(Reason::Document),
        _ => None,
    }
}

fn quoted(text: &str, m: &RawMatch) -> bool {
    let b = text.as_bytes();
    m.start > 0 && is_quote(b[m.start - 1]) && b.get(m.end).copied().is_some_and(is_quote)
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '。' | '！' | '？' | '；')
}

/// Sentence number of each byte offset in `starts` (sorted ascending): the sentence ends
/// counted from the first start up to it, in the gaps between consecutive starts that
/// `scan(k)` asks for (the gap before `starts[k]`); a gap not scanned counts as holding none. A
/// full stop inside a word ("3.5") or after a single letter ("U.S.", "J. Smith") does not end
/// a sentence.
///
/// The gate asks only for the gaps next to a gated candidate: joining two sentences that each
/// hold an anchor changes no candidate's outcome, so most of a long text is never looked at.
fn sentence_ids(text: &str, starts: &[usize], scan: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(starts.len());
    let mut id = 0u32;
    for k in 0..starts.len() {
        if k > 0 && starts[k - 1] < starts[k] && scan(k) {
            id += sentence_ends(text, starts[k - 1], starts[k]);
        }
        out.push(id);
    }
    out
}

/// The number of sentence ends whose first byte lies in `from..to` of `text`.
fn sentence_ends(text: &str, mut from: usize, to: usize) -> u32 {
    let bytes = text.as_bytes();
    let mut ends = 0;
    // Only the bytes that can begin a sentence end are looked at: ASCII `.!?;` and the lead
    // bytes 0xE3 (。) and 0xEF (！？；); no sentence end can change the count in between.
    let lead = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b';' | 0xE3 | 0xEF);
    while let Some(k) = bytes[from..to].iter().position(lead) {
        let i = from + k;
        from = i + 1;
        let c = match bytes[i] {
            b @ 0..=0x7F => char::from(b),
            _ => match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => c,
                None => continue,
            },
        };
        if ends_sentence(c) {
            let after = bytes.get(i + c.len_utf8()).copied();
            // "3.5", "u.s." and initials ("j. smith") do not end a sentence.
            let inside_word = after.is_some_and(|b| b.is_ascii_alphanumeric());
            let initial = i >= 1
                && bytes[i - 1].is_ascii_alphabetic()
                && (i == 1 || matches!(bytes[i - 2], b'.' | b' '));
            if c != '.' || !(inside_word || initial) {
                ends += 1;
            }
        }
    }
    ends
}

/// The outcome of the gate: what counts, and what was seen but not counted.
pub(crate) struct Gated {
    pub counted: Vec<RawMatch>,
    pub not_counted: Vec<RawMatch>,
}

/// Splits candidates into those that count (ungated ones, and gated ones with a reason) and
/// gated ones that do not.
pub(crate) fn gate(
    patterns: &Patterns,
    norm: &Normalized,
    candidates: Vec<RawMatch>,
    sensitivity: Sensitivity,
    document: DocumentContext,
) -> Gated {
    let text = norm.text();
    let gated = |c: &RawMatch| patterns.gated(c.pattern);
    // Nothing to decide (the common case of a text with only unambiguous terms): skip the
    // sentences, anchors and document rule.
    if !candidates.iter().any(gated) {
        return Gated {
            counted: candidates,
            not_counted: Vec::new(),
        };
    }
    let anchors: Vec<usize> = candidates
        .iter()
        .filter(|c| !gated(c))
        .map(|c| c.start)
        .collect();
    // The document rule is needed only at the default sensitivity.
    let doc = match (sensitivity, document) {
        (Sensitivity::Default, DocumentContext::Given(v)) => v,
        (Sensitivity::Default, DocumentContext::OwnText) => vouches(patterns, &candidates),
        _ => false,
    };
    let starts: Vec<usize> = candidates.iter().map(|c| c.start).collect();
    let sentence = if sensitivity == Sensitivity::Default {
        let g = |k: usize| gated(&candidates[k]);
        sentence_ids(text, &starts, |k| g(k - 1) || g(k))
    } else {
        Vec::new()
    };
    // Sentence ids grow with the candidates' starts: one flag per sentence id.
    let mut anchored = vec![false; sentence.last().map_or(0, |&s| s as usize + 1)];
    for (c, &s) in candidates.iter().zip(&sentence) {
        if !gated(c) {
            anchored[s as usize] = true;
        }
    }
    let nearby = |start: usize| {
        let i = anchors.partition_point(|&a| a + WINDOW < start);
        anchors.get(i).is_some_and(|&a| a <= start + WINDOW)
    };
    let mut out = Gated {
        counted: Vec::with_capacity(candidates.len()),
        not_counted: Vec::new(),
    };
    for (i, mut c) in candidates.into_iter().enumerate() {
        if !patterns.gated(c.pattern) {
            out.counted.push(c);
            continue;
        }
        let p = patterns.get(c.pattern);
        let title_case =
            !p.title_words.is_empty() && p.title_words.iter().all(|&w| norm.was_upper(c.start + w));
        let facts = Facts {
            // An acronym that is also a word or a name counts only in capitals ("casts" is
            // not CAST, whatever the context).
            lower: (0..usize::from(p.capitals)).any(|i| !norm.was_upper(c.start + i)),
            untitled: p.needs == Some(ContextNeeds::TitleCase) && !title_case,
            neighbour: p
                .neighbours
                .as_ref()
                .is_some_and(|n| n.show_ordinary_sense(text, c.start, c.end)),
            quoted: !p.short && quoted(text, &c),
            title: p.numbered && title_case,
            nearby: sensitivity == Sensitivity::Strict && nearby(c.start),
            sentence: sensitivity == Sensitivity::Default && anchored[sentence[i] as usize],
            document: doc,
        };
        c.context = reason(sensitivity, p.needs, facts);
        if c.context.is_some() {
            out.counted.push(c);
        } else {
            out.not_counted.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, anchors, vouches)
    const DOCUMENT: &[(&str, &[(usize, &str)], bool)] = &[
        ("no_anchor", &[], false),
        ("one_distinctive_term", &[(1, "leadership")], true),
        ("one_institution_once", &[(2, "institutions")], false),
        (
            "one_institution_twice",
            &[(2, "institutions"), (2, "institutions")],
            false,
        ),
        (
            "two_institutions",
            &[(2, "institutions"), (5, "institutions")],
            true,
        ),
        (
            "institution_then_term",
            &[(2, "institutions"), (5, "economy")],
            true,
        ),
    ];

    #[test]
    fn document_rule_table() {
        for (name, anchors, want) in DOCUMENT {
            assert_eq!(
                document_vouches(anchors.iter().copied()),
                *want,
                "case {name}"
            );
        }
    }

    #[test]
    fn reason_examples() {
        // The examples of `reason`'s doc comment.
        let f = Facts {
            untitled: true,
            document: true,
            ..Facts::default()
        };
        assert_eq!(
            reason(Sensitivity::Default, Some(ContextNeeds::TitleCase), f),
            None
        );
        let f = Facts {
            document: true,
            ..Facts::default()
        };
        assert_eq!(
            reason(Sensitivity::Default, None, f),
            Some(Reason::Document)
        );
        assert_eq!(
            reason(Sensitivity::Default, Some(ContextNeeds::Sentence), f),
            None
        );
    }

    const NO: Facts = Facts {
        lower: false,
        untitled: false,
        neighbour: false,
        quoted: false,
        title: false,
        nearby: false,
        sentence: false,
        document: false,
    };
    const DOC: Facts = Facts {
        document: true,
        ..NO
    };
    const SENT: Facts = Facts {
        sentence: true,
        document: true,
        ..NO
    };
    const QUOTED_DOC: Facts = Facts {
        quoted: true,
        document: true,
        ..NO
    };
    const UNTITLED_SENT: Facts = Facts {
        untitled: true,
        ..SENT
    };
    const UNTITLED_QUOTED: Facts = Facts {
        untitled: true,
        ..QUOTED_DOC
    };
    const NEAR: Facts = Facts { nearby: true, ..NO };

    /// (name, sensitivity, what the form needs, facts, reason)
    const REASONS: &[(
        &str,
        Sensitivity,
        Option<ContextNeeds>,
        Facts,
        Option<Reason>,
    )] = &[
        ("nothing", Sensitivity::Default, None, NO, None),
        (
            "document",
            Sensitivity::Default,
            None,
            DOC,
            Some(Reason::Document),
        ),
        (
            "sentence_first",
            Sensitivity::Default,
            None,
            SENT,
            Some(Reason::Sentence),
        ),
        (
            "quoted_first",
            Sensitivity::Default,
            None,
            QUOTED_DOC,
            Some(Reason::Quoted),
        ),
        // A form that names its ordinary sense in Party texts ("political standing",
        // 战区 in 中國戰區, the Second World War's China theatre): the document is not enough.
        (
            "needs_sentence_document_alone",
            Sensitivity::Default,
            Some(ContextNeeds::Sentence),
            DOC,
            None,
        ),
        (
            "needs_sentence_sentence",
            Sensitivity::Default,
            Some(ContextNeeds::Sentence),
            SENT,
            Some(Reason::Sentence),
        ),
        (
            "needs_sentence_quoted",
            Sensitivity::Default,
            Some(ContextNeeds::Sentence),
            QUOTED_DOC,
            Some(Reason::Quoted),
        ),
        (
            "needs_sentence_strict_nearby",
            Sensitivity::Strict,
            Some(ContextNeeds::Sentence),
            NEAR,
            Some(Reason::Nearby),
        ),
        (
            "needs_sentence_all",
            Sensitivity::All,
            Some(ContextNeeds::Sentence),
            NO,
            Some(Reason::All),
        ),
        // "the first basic law of the private economy": not the Basic Law, whatever the
        // sentence and the document.
        (
            "title_case_untitled_sentence",
            Sensitivity::Default,
            Some(ContextNeeds::TitleCase),
            UNTITLED_SENT,
            None,
        ),
        (
            "title_case_untitled_quoted",
            Sensitivity::Default,
            Some(ContextNeeds::TitleCase),
            UNTITLED_QUOTED,
            None,
        ),
        (
            "title_case_untitled_strict",
            Sensitivity::Strict,
            Some(ContextNeeds::TitleCase),
            Facts {
                untitled: true,
                ..NEAR
            },
            None,
        ),
        (
            "title_case_written_so",
            Sensitivity::Default,
            Some(ContextNeeds::TitleCase),
            DOC,
            Some(Reason::Document),
        ),
        (
            "title_case_all",
            Sensitivity::All,
            Some(ContextNeeds::TitleCase),
            UNTITLED_SENT,
            Some(Reason::All),
        ),
        // "after 14 years of arduous struggle" (the War of Resistance), the form's
        // `not_after` word beside it: not counted, though the sentence has a Party term.
        (
            "neighbour_sentence",
            Sensitivity::Default,
            None,
            Facts {
                neighbour: true,
                ..SENT
            },
            None,
        ),
        (
            "neighbour_quoted",
            Sensitivity::Default,
            Some(ContextNeeds::Sentence),
            Facts {
                neighbour: true,
                ..QUOTED_DOC
            },
            None,
        ),
        (
            "neighbour_all",
            Sensitivity::All,
            None,
            Facts {
                neighbour: true,
                ..SENT
            },
            Some(Reason::All),
        ),
        (
            "acronym_lower",
            Sensitivity::Default,
            None,
            Facts {
                lower: true,
                ..SENT
            },
            None,
        ),
        (
            "strict_ignores_document",
            Sensitivity::Strict,
            None,
            DOC,
            None,
        ),
        (
            "default_ignores_nearby",
            Sensitivity::Default,
            None,
            NEAR,
            None,
        ),
    ];

    #[test]
    fn reason_table() {
        for &(name, sensitivity, needs, facts, want) in REASONS {
            assert_eq!(reason(sensitivity, needs, facts), want, "case {name}");
        }
    }

    /// (name, text, byte offsets, sentence ids)
    const SENTENCES: &[(&str, &str, &[usize], &[u32])] = &[
        ("one_sentence", "a b c", &[0, 4], &[0, 0]),
        ("two_sentences", "ab cd. ef gh", &[0, 7], &[0, 1]),
        ("initial", "j. smith said", &[0, 3], &[0, 0]),
        ("decimal", "3.5 per cent", &[0, 4], &[0, 0]),
        ("abbreviation", "the u.s. core", &[0, 9], &[0, 0]),
        ("chinese_full_stop", "甲。乙", &[0, 6], &[0, 1]),
        ("semicolon", "a; b", &[0, 3], &[0, 1]),
    ];

    #[test]
    fn sentence_table() {
        for (name, text, starts, want) in SENTENCES {
            assert_eq!(sentence_ids(text, starts, |_| true), *want, "case {name}");
        }
    }

    /// (name, text, byte offsets, gaps scanned (by the index of the start after them),
    /// sentence ids): a gap not scanned counts as holding no sentence end.
    const GAPS: &[(&str, &str, &[usize], &[usize], &[u32])] = &[
        ("all_gaps", "ab. cd. ef", &[0, 4, 8], &[1, 2], &[0, 1, 2]),
        ("first_gap_only", "ab. cd. ef", &[0, 4, 8], &[1], &[0, 1, 1]),
        (
            "second_gap_only",
            "ab. cd. ef",
            &[0, 4, 8],
            &[2],
            &[0, 0, 1],
        ),
        ("none", "ab. cd. ef", &[0, 4, 8], &[], &[0, 0, 0]),
        (
            "end_before_first_start",
            "ab. cd ef",
            &[4, 7],
            &[1],
            &[0, 0],
        ),
        ("same_start", "ab. cd", &[0, 0, 4], &[1, 2], &[0, 0, 1]),
    ];

    #[test]
    fn sentence_gap_table() {
        for (name, text, starts, gaps, want) in GAPS {
            let got = sentence_ids(text, starts, |k| gaps.contains(&k));
            assert_eq!(got, *want, "case {name}");
        }
    }
}
