//! What the matcher derives from an English form beside the form itself, in the words of
//! [`crate::text`]'s normalized text: the plural suffix its last word may take, and the variant
//! without the article after "of". The matcher builds its patterns with these
//! ([`crate::matching`]); the dictionary's validator refuses a form that only repeats what they
//! derive from another form of its entry ([`derived_from`]).

/// The plural suffix the last word of the normalized English form `norm` may take: "es" after
/// s, x, z, ch or sh, "s" after any other letter, none after anything else ("2030", "两个维护").
pub(crate) fn plural_suffix(norm: &str) -> Option<&'static str> {
    let last = norm.chars().last()?;
    if !last.is_ascii_alphabetic() {
        return None;
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| norm.ends_with(e))
    {
        Some("es")
    } else {
        Some("s")
    }
}

/// What the article-less variant drops the article from.
pub(crate) const ARTICLE_AFTER_OF: &str = " of the ";

/// Where `needle` first occurs in `haystack`: a plain byte search, so that the WebAssembly
/// module carries no general substring searcher for the few searches made at load.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let &first = n.first()?;
    // Only where the first byte matches is the rest compared (the forms are searched at every
    // start: a slice comparison at every byte cost more than the rest of the loop).
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

/// `v` with every [`ARTICLE_AFTER_OF`] made " of ".
pub(crate) fn without_article(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(at) = find(rest, ARTICLE_AFTER_OF) {
        out.push_str(&rest[..at]);
        out.push_str(" of ");
        rest = &rest[at + ARTICLE_AFTER_OF.len()..];
    }
    out.push_str(rest);
    out
}

/// The texts the matcher finds for the normalized English form `norm` beyond `norm` itself
/// through these two rules: its plural, the variant without the article after "of", and that
/// variant's plural. (The hyphen variants are left out: a hyphen and a space are twins the
/// matcher tells apart.)
///
/// ```text
/// "core interest"                 → "core interests"
/// "session of the central committee" → "session of the central committees",
///                                   "session of central committee", "session of central committees"
/// "14th plan 2030"                 → nothing (no letter at the end)
/// ```
pub(crate) fn derived_from(norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bare = find(norm, ARTICLE_AFTER_OF).map(|_| without_article(norm));
    for v in std::iter::once(norm).chain(bare.as_deref()) {
        if v != norm {
            out.push(v.to_string());
        }
        if let Some(suffix) = plural_suffix(v) {
            out.push(format!("{v}{suffix}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::derived_from;

    /// (name, normalized form, what the matcher derives from it)
    const DERIVED: &[(&str, &str, &[&str])] = &[
        ("plural_s", "core interest", &["core interests"]),
        ("plural_es", "long-arm approach", &["long-arm approaches"]),
        (
            "article_after_of",
            "session of the committee",
            &[
                "session of the committees",
                "session of committee",
                "session of committees",
            ],
        ),
        ("no_letter_at_the_end", "14th plan 2030", &[]),
        ("han", "两个维护", &[]),
    ];

    #[test]
    fn derived_table() {
        for &(name, norm, want) in DERIVED {
            assert_eq!(derived_from(norm), want, "case {name}");
        }
    }
}
