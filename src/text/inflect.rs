//! What the matcher derives from an English form beside the form itself, in the words of
//! [`crate::text`]'s normalized text: the plural suffix its last word may take, the variant
//! without the article after "of", and the serial comma put in or taken out. The matcher builds its patterns with these
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

/// The English form `norm` with its serial (Oxford) comma put in or taken out, if it ends a
/// list: "a, b and c" ↔ "a, b, and c" (the last " and " or " or " after a comma). Style guides
/// differ on that comma, and a formula's three or more parts are written both ways.
///
/// ```text
/// "reform, development and stability"   → "reform, development, and stability"
/// "learning, thinking, and application"  → "learning, thinking and application"
/// "rule of law and order"                → none (no list)
/// ```
pub(crate) fn serial_comma(norm: &str) -> Option<String> {
    let conj = [" and ", " or "]
        .iter()
        .filter_map(|c| norm.rfind(c))
        .max()?;
    let head = &norm[..conj];
    if let Some(listed) = head.strip_suffix(',') {
        // "a, b, and c": the comma goes when another comma lists before it.
        listed
            .contains(", ")
            .then(|| format!("{listed}{}", &norm[conj..]))
    } else {
        head.contains(", ")
            .then(|| format!("{head},{}", &norm[conj..]))
    }
}

/// The texts the matcher finds for the normalized English form `norm` beyond `norm` itself
/// through these rules: the variant without the article after "of", each of the two with its
/// serial comma put in or taken out ([`serial_comma`]), and the plural of each. (The hyphen variants are left out: a hyphen and a space are twins the
/// matcher tells apart.)
///
/// ```text
/// "core interest"                 → "core interests"
/// "session of the central committee" → "session of the central committees",
///                                   "session of central committee", "session of central committees"
/// "14th plan 2030"                 → nothing (no letter at the end)
/// ```
pub(crate) fn derived_from(norm: &str) -> Vec<String> {
    let mut all = vec![norm.to_string()];
    if find(norm, ARTICLE_AFTER_OF).is_some() {
        all.push(without_article(norm));
    }
    let listed: Vec<String> = all.iter().filter_map(|v| serial_comma(v)).collect();
    all.extend(listed);
    let mut out = Vec::new();
    for v in &all {
        if v != norm {
            out.push(v.clone());
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
        (
            "serial_comma",
            "study, check and rectify",
            &[
                "study, check and rectifys",
                "study, check, and rectify",
                "study, check, and rectifys",
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
