//! What a normalized form's text says about how it matches: its variants (hyphens as spaces
//! or dropped, the article after "of" dropped), its plural suffix, whether it is short or
//! numbered, the word starts title case asks for, and the capitals a gated acronym needs.
//! [`super::Patterns`] reads these when it builds the automaton.

use crate::dictionary::STOP_WORDS;
pub(super) use crate::text::inflect::{
    find, plural_suffix, serial_comma, without_article, ARTICLE_AFTER_OF,
};

use super::super::alphabet::scope::Missing;

/// [`Pattern::capitals`] for a form: its length when it is gated, of two to eight letters,
/// all ASCII capitals (`capitals_table` below).
pub(super) fn capitals(text: &str, needs_context: bool) -> u8 {
    let acronym = (2..=8).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase());
    if needs_context && acronym {
        text.len() as u8
    } else {
        0
    }
}

pub(super) const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fourteen",
];

/// Short forms: one or two English words, or one or two Chinese characters.
pub(super) fn is_short(norm: &str, chinese: bool) -> bool {
    if chinese {
        norm.chars().count() <= 2
    } else {
        norm.bytes().filter(|&b| b == b' ').count() <= 1
    }
}

/// Does the form start with a number word ("two", "three"… up to "fourteen")?
pub(super) fn is_numbered(norm: &str) -> bool {
    // The first word ends at the first space or hyphen (both ASCII: a byte search).
    let end = norm
        .bytes()
        .position(|b| b == b' ' || b == b'-')
        .unwrap_or(norm.len());
    (3..=8).contains(&end) && NUMBER_WORDS.contains(&&norm[..end])
}

/// The extra literal forms an English form stands for:
/// * with its hyphens replaced by spaces, since a separating dash (`Marxism–Leninism`) and a
///   dropped hyphen (`high quality development`) normalize to a space;
/// * with its hyphens between two letters dropped, since a hyphen at a line end is taken for a
///   word's hyphenation (`self-⏎revolution` normalizes to `selfrevolution`);
/// * without the article after "of" (every " of the " becomes " of "), as headlines and
///   machine translations write titles ("3rd plenary session of 20th CPC Central Committee",
///   "secretary of CPC Provincial Committee");
/// * both at once;
/// * each of these with its serial comma put in or taken out ([`serial_comma`]).
///
/// A variant that another form of the dictionary already is stays that form's.
pub(super) fn variants(norm: &str, chinese: bool) -> Vec<String> {
    let mut out = Vec::new();
    if chinese {
        return out;
    }
    let spaced = norm.contains('-').then(|| {
        norm.split('-')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    });
    let spaced = spaced.filter(|v| v != norm && !v.is_empty());
    for v in std::iter::once(norm).chain(spaced.as_deref()) {
        if find(v, ARTICLE_AFTER_OF).is_some() {
            out.push(without_article(v));
        }
    }
    if let Some(v) = spaced {
        out.insert(0, v);
    }
    if let Some(v) = joined(norm) {
        out.push(v);
    }
    // Each of these with its serial comma put in or taken out.
    let listed: Vec<String> = std::iter::once(norm)
        .chain(out.iter().map(String::as_str))
        .filter_map(serial_comma)
        .collect();
    for v in listed {
        if v != norm && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// `norm` without its hyphens that stand between two letters, if it has any.
pub(super) fn joined(norm: &str) -> Option<String> {
    let b = norm.as_bytes();
    if !b.contains(&b'-') {
        return None;
    }
    let between_letters = |i: usize| {
        i > 0 && b[i - 1].is_ascii_alphabetic() && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    };
    let cut: Vec<usize> = (0..b.len())
        .filter(|&i| b[i] == b'-' && between_letters(i))
        .collect();
    if cut.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(norm.len());
    let mut from = 0;
    for i in cut {
        out.push_str(&norm[from..i]);
        from = i + 1;
    }
    out.push_str(&norm[from..]);
    Some(out)
}

/// Does every variant of the English form `norm` ([`variants`]) hold the token `m` names, as
/// `norm` does? When it is a word of ASCII letters and digits, not `the` (the article-less
/// variant drops it), with no hyphen beside it (a variant turns a hyphen into a space or drops
/// it, joining the words beside it). Then a scope that lacks it keeps the variants out too.
pub(super) fn in_every_variant(norm: &str, m: &Missing) -> bool {
    let b = norm.as_bytes();
    let end = m.at + m.word.len();
    !m.word.is_empty()
        && m.word != "the"
        && m.word.bytes().all(|c| c.is_ascii_alphanumeric())
        && (m.at == 0 || b[m.at - 1] != b'-')
        && b.get(end) != Some(&b'-')
}

pub(super) fn title_words(norm: &str) -> Vec<usize> {
    // Most forms are one or two words: count the content words first, allocate only for two
    // or more.
    let content = |w: &[u8]| {
        w.first().is_some_and(u8::is_ascii_alphabetic)
            && !STOP_WORDS.iter().any(|s| s.as_bytes() == w)
    };
    let words = norm.as_bytes().split(|&b| b == b' ');
    if words.clone().filter(|w| content(w)).nth(1).is_none() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut offset = 0;
    for w in words {
        if content(w) {
            starts.push(offset);
        }
        offset += w.len() + 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::super::super::alphabet::scope::{missing_in, Lookups, Scope};
    use super::*;
    use crate::dictionary::template::PLACE_SLOT;

    /// (name, normalized form, chinese, expected variants)
    const VARIANTS: &[(&str, &str, bool, &[&str])] = &[
        (
            "hyphen_becomes_space",
            "marxism-leninism",
            false,
            &["marxism leninism", "marxismleninism"],
        ),
        ("no_hyphen", "two upholds", false, &[]),
        ("chinese_never", "两个-维护", true, &[]),
        ("only_hyphens", "--", false, &[]),
        // Headline style (tests/recall/after.md, sets 4 and 5).
        (
            "article_after_of_dropped",
            "third plenary session of the 20th cpc central committee",
            false,
            &["third plenary session of 20th cpc central committee"],
        ),
        (
            "every_article_after_of_dropped",
            "third plenary session of the 20th central committee of the cpc",
            false,
            &["third plenary session of 20th central committee of cpc"],
        ),
        (
            "hyphen_and_article",
            "member of the politburo standing-committee",
            false,
            &[
                "member of the politburo standing committee",
                "member of politburo standing-committee",
                "member of politburo standing committee",
                "member of the politburo standingcommittee",
            ],
        ),
        // Only a hyphen between two letters goes (a line-end hyphenation reads so).
        (
            "hyphen_between_letters_dropped",
            "covid-19 self-revolution",
            false,
            &["covid 19 self revolution", "covid-19 selfrevolution"],
        ),
        ("the_elsewhere_kept", "at the core", false, &[]),
        (
            "serial_comma_put_in",
            "reform, development and stability",
            false,
            &["reform, development, and stability"],
        ),
        (
            "serial_comma_taken_out",
            "learning, thinking, and application",
            false,
            &["learning, thinking and application"],
        ),
        (
            "serial_comma_with_the_article_variant",
            "unity of the party, army and people",
            false,
            &[
                "unity of party, army and people",
                "unity of the party, army, and people",
                "unity of party, army, and people",
            ],
        ),
        ("serial_comma_no_list", "rule of law and order", false, &[]),
        ("serial_comma_or", "a, b or c", false, &["a, b, or c"]),
        ("leading_of_the_kept", "of the people", false, &[]),
    ];

    #[test]
    fn variant_table() {
        for &(name, norm, chinese, want) in VARIANTS {
            assert_eq!(variants(norm, chinese), want, "case {name}");
        }
    }

    /// (name, normalized form, scope text, does every variant hold the missing word)
    const IN_EVERY_VARIANT: &[(&str, &str, &str, bool)] = &[
        ("plain_word", "rule of law", "rule of", true),
        (
            "word_after_hyphen",
            "self-revolution of the party",
            "self of the party",
            false,
        ),
        (
            "word_before_hyphen",
            "self-revolution of the party",
            "revolution of the party",
            false,
        ),
        (
            "word_away_from_hyphen",
            "self-revolution of the party",
            "self-revolution of the",
            true,
        ),
        (
            "article",
            "secretary of the committee",
            "secretary of committee",
            false,
        ),
        ("punctuation", "reform, opening", "reform opening", false),
        (
            "digits",
            "covid-19 response 2020",
            "covid-19 response",
            true,
        ),
    ];

    /// `in_every_variant` says yes only for a word that every variant holds as a token.
    #[test]
    fn in_every_variant_table() {
        use crate::matching::alphabet::tokens;
        for &(name, norm, scope, want) in IN_EVERY_VARIANT {
            let scope = Scope::of(scope);
            let mut lookups = Lookups::new(&scope);
            let m = missing_in(&mut lookups, norm, None).expect(name);
            let got = in_every_variant(norm, &m);
            assert_eq!(got, want, "case {name}: {:?}", m.word);
            if got {
                for v in variants(norm, false) {
                    assert!(tokens(&v).any(|(_, t)| t == m.word), "case {name}: {v:?}");
                }
            }
        }
    }

    /// (name, normalized form, plural suffix)
    const PLURALS: &[(&str, &str, Option<&str>)] = &[
        ("plain", "new era", Some("s")),
        ("ends_in_s", "two upholds", Some("es")),
        ("sibilant", "new approach", Some("es")),
        ("ends_in_x", "tax", Some("es")),
        ("ends_in_digit", "g20", None),
        ("chinese", "两个维护", None),
    ];

    #[test]
    fn plural_table() {
        for &(name, norm, want) in PLURALS {
            assert_eq!(plural_suffix(norm), want, "case {name}");
        }
    }

    /// (name, haystack, needle, where it first occurs)
    const FINDS: &[(&str, &str, &str, Option<usize>)] = &[
        ("inside", "session of the party", " of the ", Some(7)),
        ("at_the_start", " of the x", " of the ", Some(0)),
        ("at_the_end", "head of the ", " of the ", Some(4)),
        ("first_of_two", "a of the b of the c", " of the ", Some(1)),
        ("partial_only", "head of th", " of the ", None),
        ("shorter_than_needle", "of", " of the ", None),
        ("empty_haystack", "", " of the ", None),
        ("slot", "committee of {place} county", PLACE_SLOT, Some(13)),
        ("after_multibyte", "两个 {place} x", PLACE_SLOT, Some(7)),
    ];

    #[test]
    fn find_table() {
        for &(name, haystack, needle, want) in FINDS {
            assert_eq!(find(haystack, needle), want, "case {name}");
        }
    }

    /// (name, normalized form, starts with a number word)
    const NUMBERED: &[(&str, &str, bool)] = &[
        ("two_words", "two upholds", true),
        ("hyphenated", "two-pronged approach", true),
        ("alone", "ten", true),
        ("longest", "fourteen points", true),
        ("word_starting_with_a_number", "twofold", false),
        ("ordinal", "fourteenth five-year plan", false),
        ("number_later", "the two upholds", false),
        ("empty", "", false),
        ("chinese", "两个维护", false),
    ];

    #[test]
    fn numbered_table() {
        for &(name, norm, want) in NUMBERED {
            assert_eq!(is_numbered(norm), want, "case {name}");
        }
    }

    /// (name, normalized form, word starts that must be capitalized)
    const TITLES: &[(&str, &str, &[usize])] = &[
        ("two_words", "two upholds", &[0, 4]),
        ("stop_word_skipped", "rule of law", &[0, 8]),
        ("one_word", "core", &[]),
        ("one_content_word", "the core", &[]),
    ];

    #[test]
    fn capitals_table() {
        // (name, form, needs_context, capitals)
        const CASES: &[(&str, &str, bool, u8)] = &[
            ("gated_acronym", "CAST", true, 4),
            ("ungated_acronym", "CCDI", false, 0),
            ("title_case_word", "Cast", true, 0),
            ("one_letter", "C", true, 0),
            ("acronym_with_digit", "G20", true, 0),
            ("two_words", "CPC CC", true, 0),
            ("chinese", "两会", true, 0),
        ];
        for (name, form, gated, want) in CASES {
            assert_eq!(capitals(form, *gated), *want, "case {name}");
        }
    }

    #[test]
    fn title_words_table() {
        for &(name, norm, want) in TITLES {
            assert_eq!(title_words(norm), want, "case {name}");
        }
    }
}
