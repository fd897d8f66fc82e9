//! British and American spelling as one: the alphabet numbers a word and its other spelling
//! alike, so a form written "modernization" also matches "modernisation" (the South China Morning
//! Post, the Straits Times and most British and Commonwealth outlets spell so), and
//! "people-centred" matches "people-centered".
//!
//! Nothing of it runs on the text: when the automaton is built, a form's word is numbered by its
//! American spelling ([`american`]) and its British spellings ([`british`]) become other names of
//! the same number in the word table, so a text's "centre" is found as "center" is, by the one
//! lookup every word gets. The rules need not be exact English, only never make two real words
//! one: a wrong spelling they make up ("honourary") is a word no text has. So the `-our` and
//! `-re` rules and the doubled `l` go by lists of stems and words ("four" stays "four"), and only
//! the `-ise`/`-isation` family is a general rule.

/// The American spelling of the lower-case ASCII word `w`, if a rule changes it.
///
/// ```ignore
/// assert_eq!(american(b"modernisation").as_deref(), Some(&b"modernization"[..]));
/// assert_eq!(american(b"centred").as_deref(), Some(&b"centered"[..]));
/// assert_eq!(american(b"four"), None);
/// ```
pub(super) fn american(w: &[u8]) -> Option<Vec<u8>> {
    if w.len() < 5 || !might_be_british(w) {
        return None;
    }
    if let Some(&(_, us)) = WORDS.iter().find(|(uk, _)| uk.as_bytes() == w) {
        return Some(us.as_bytes().to_vec());
    }
    // -our stems: labour, labours, laboured, labourer, honourable, favourite, neighbourhood…
    for stem in OUR_STEMS {
        if w.starts_with(stem.as_bytes()) {
            let mut out = w.to_vec();
            out.remove(stem.len() - 2); // "labour" -> "labor"
            return Some(out);
        }
    }
    // -isation, anywhere (organisational, globalisation, modernisations).
    if let Some(at) = w.windows(7).position(|x| x == b"isation") {
        let mut out = w.to_vec();
        out[at + 1] = b'z';
        return Some(out);
    }
    // -ise, -ised, -ises, -ising, -iser, -isers (and -yse…: analyse), in words of six letters
    // or more ("rise", "wise" and "noise" stay).
    for end in [
        "ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "yses", "ysing",
    ] {
        if w.len() >= 6 + end.len() - 3 && w.ends_with(end.as_bytes()) {
            let mut out = w.to_vec();
            out[w.len() - end.len() + 1] = b'z';
            return Some(out);
        }
    }
    None
}

/// The British spellings of the American (or unchanged) word `w`: the words [`american`] takes
/// back to `w`.
///
/// ```ignore
/// assert_eq!(british(b"modernization"), [b"modernisation".to_vec()]);
/// assert!(british(b"four").is_empty());
/// ```
pub(super) fn british(w: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if w.len() < 5 {
        return out;
    }
    for (uk, us) in WORDS {
        if us.as_bytes() == w {
            out.push(uk.as_bytes().to_vec());
        }
    }
    for stem in OUR_STEMS {
        // "labour" -> "labor": the American stem, and where its "u" goes back.
        let (head, r) = stem.as_bytes().split_at(stem.len() - 2);
        if w.starts_with(head) && w[head.len()..].starts_with(&r[1..]) {
            let mut uk = w.to_vec();
            uk.insert(head.len(), b'u');
            out.push(uk);
        }
    }
    if let Some(at) = w.windows(7).position(|x| x == b"ization") {
        let mut uk = w.to_vec();
        uk[at + 1] = b's';
        out.push(uk);
    } else {
        for end in [
            "ize", "ized", "izes", "izing", "izer", "izers", "yze", "yzed", "yzes", "yzing",
        ] {
            if w.len() >= 6 + end.len() - 3 && w.ends_with(end.as_bytes()) {
                let mut uk = w.to_vec();
                uk[w.len() - end.len() + 1] = b's';
                out.push(uk);
                break;
            }
        }
    }
    out.retain(|uk| american(uk).as_deref() == Some(w));
    out
}

/// A cheap first test on the last letters: could any rule change `w`?
#[inline]
fn might_be_british(w: &[u8]) -> bool {
    match w.last() {
        Some(b'e' | b'd' | b's' | b'g' | b'r' | b'l' | b't' | b'y' | b'n') => true,
        _ => w.windows(3).any(|x| x == b"our"),
    }
}

/// Stems whose `our` is `or` in American spelling, for every word that starts with them.
const OUR_STEMS: &[&str] = &[
    "labour",
    "honour",
    "favour",
    "behaviour",
    "colour",
    "harbour",
    "neighbour",
    "endeavour",
    "rumour",
    "vigour",
    "armour",
    "flavour",
    "humour",
    "odour",
    "rigour",
    "valour",
    "saviour",
    "splendour",
    "fervour",
    "candour",
    "clamour",
    "parlour",
    "savour",
];

/// Whole words: (British, American).
const WORDS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("centred", "centered"),
    ("centring", "centering"),
    ("epicentre", "epicenter"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("calibre", "caliber"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("acknowledgement", "acknowledgment"),
    ("ageing", "aging"),
    ("fulfil", "fulfill"),
    ("fulfils", "fulfills"),
    ("fulfilment", "fulfillment"),
    ("enrolment", "enrollment"),
    ("skilful", "skillful"),
    ("wilful", "willful"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
    ("modelled", "modeled"),
    ("modelling", "modeling"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("channelled", "channeled"),
    ("channelling", "channeling"),
    ("fuelled", "fueled"),
    ("fuelling", "fueling"),
    ("signalled", "signaled"),
    ("signalling", "signaling"),
    ("levelled", "leveled"),
    ("levelling", "leveling"),
    ("counselling", "counseling"),
    ("counsellor", "counselor"),
    ("counsellors", "counselors"),
    ("marshalled", "marshaled"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, word, its American spelling or None)
    const CASES: &[(&str, &str, Option<&str>)] = &[
        ("isation", "modernisation", Some("modernization")),
        ("isation_inside", "organisational", Some("organizational")),
        ("isations", "globalisations", Some("globalizations")),
        ("ise_verb", "prioritise", Some("prioritize")),
        ("ised", "institutionalised", Some("institutionalized")),
        ("ising", "mobilising", Some("mobilizing")),
        ("yse", "analyse", Some("analyze")),
        ("our_stem", "labour", Some("labor")),
        ("our_derived", "honourable", Some("honorable")),
        ("our_favourite", "favourite", Some("favorite")),
        ("our_neighbourhood", "neighbourhoods", Some("neighborhoods")),
        ("re_word", "centre", Some("center")),
        ("re_past", "centred", Some("centered")),
        ("ence", "defence", Some("defense")),
        ("programme", "programmes", Some("programs")),
        ("double_l", "modelling", Some("modeling")),
        ("fulfil", "fulfilment", Some("fulfillment")),
        // Words no rule may touch: a real word would become another.
        ("four_stays", "four", None),
        ("hour_stays", "hours", None),
        ("tour_stays", "tours", None),
        ("your_stays", "yours", None),
        ("short_ise_stays", "rise", None),
        ("wise_stays", "wise", None),
        ("noise_stays", "noise", None),
        ("genre_stays", "genre", None),
        ("american_already", "modernization", None),
        ("controlled_stays", "controlled", None),
        ("center_stays", "center", None),
    ];

    #[test]
    fn spelling_table() {
        for &(name, w, want) in CASES {
            let got = american(w.as_bytes()).map(|v| String::from_utf8(v).unwrap());
            assert_eq!(got.as_deref(), want, "case {name}");
        }
    }

    /// (name, American word, its British spellings)
    const BRITISH: &[(&str, &str, &[&str])] = &[
        ("ization", "modernization", &["modernisation"]),
        ("ization_inside", "organizational", &["organisational"]),
        ("ize", "prioritize", &["prioritise"]),
        ("izing", "mobilizing", &["mobilising"]),
        ("yze", "analyze", &["analyse"]),
        ("or_stem", "labor", &["labour"]),
        ("or_derived", "neighborhoods", &["neighbourhoods"]),
        ("er_word", "center", &["centre"]),
        ("ered", "centered", &["centred"]),
        ("ense", "defense", &["defence"]),
        ("program", "programs", &["programmes"]),
        ("eled", "modeling", &["modelling"]),
        ("four", "four", &[]),
        ("size", "size", &[]),
        ("short_ize_stays", "seize", &[]),
        ("no_rule", "socialism", &[]),
    ];

    #[test]
    fn british_table() {
        for &(name, w, want) in BRITISH {
            let got: Vec<String> = british(w.as_bytes())
                .into_iter()
                .map(|v| String::from_utf8(v).unwrap())
                .collect();
            assert_eq!(got, want, "case {name}");
        }
    }

    /// The fold is idempotent: an American spelling is never changed again, so a form and a text
    /// folded once always meet.
    #[test]
    fn folding_twice_changes_nothing() {
        for &(name, w, _) in CASES {
            if let Some(us) = american(w.as_bytes()) {
                assert_eq!(american(&us), None, "case {name}");
            }
        }
        for (uk, us) in WORDS {
            assert_eq!(
                american(uk.as_bytes()).as_deref(),
                Some(us.as_bytes()),
                "{uk}"
            );
            assert_eq!(american(us.as_bytes()), None, "{us}");
        }
    }
}
