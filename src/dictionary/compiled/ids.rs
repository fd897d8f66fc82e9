//! Ids coded against the entry's English name: most ids are words of `en` (all of them, or some
//! in their order: `two-upholds` is "Two Upholds", `science-primary-productive-force` is
//! "science and technology are the primary productive force" without four words), so the
//! English part stores each id as a number naming which of its name's words it keeps, and the
//! others as text. The base part holds no ids (a Chinese page, which has no English names,
//! reads them whole from the Chinese part); the card part holds the same codes as the English
//! part, for a dictionary read without a script part.
//!
//! A code is `1` (every word of the name), `mask + 1` for `mask >= 1` (word `k` of the name is
//! kept when bit `k` is set), or `0`: a token list follows, its length and then one number per
//! hyphen-joined token of the id, `k + 1` for word `k` of the name or `0` for a literal (the next
//! string of the id texts). Ids whose words the name holds out of order (`party-constitution`,
//! "Constitution of the Communist Party of China") or with a word it lacks
//! (`plenum-20-4`, "Fourth Plenary Session of the 20th CPC Central Committee": `plenum` and `4`
//! literal) cost a few numbers and their other words; an id that does not split into tokens
//! (`a--b`) is one literal. The writer uses a code only when reading it back gives the id, so
//! any id can be written.
//!
//! ```text
//! "two-upholds"         "Two Upholds"                    1
//! "party-constitution"  "Constitution of the Communist Party of China"
//!                                                        0, 2, 5, 1  (words 4 and 0)
//! "plenum-20-4"         "Fourth Plenary Session of the 20th CPC Central Committee"
//!                                                        0, 3, 0, 0, 0 + "plenum", "20", "4"
//! ```

use super::codec::{Reader, Writer};
use super::words;
use crate::error::Error;

/// The words an id may take from an English name: runs of ASCII letters and digits,
/// lower-cased, with apostrophes (`'`, `’`) left out ("People's" is `peoples`).
fn name_words(en: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in en.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The words of `words` whose bits are set in `mask`, joined by hyphens; `None` when the mask
/// names a word the name lacks.
fn kept(words: &[String], mask: u64) -> Option<String> {
    if mask >> words.len().min(63) != 0 {
        return None;
    }
    let kept: Vec<&str> = (0..words.len())
        .filter(|&k| mask >> k & 1 == 1)
        .map(|k| words[k].as_str())
        .collect();
    Some(kept.join("-"))
}

/// The code of `id` against `en` (see the module's docs): 0 when no code gives it.
fn code(id: &str, en: &str) -> u64 {
    let words = name_words(en);
    if words.is_empty() || words.len() > 63 {
        return 0;
    }
    if words.join("-") == id {
        return 1;
    }
    // The id's words in order, each the next word of the name equal to it.
    let (mut mask, mut k) = (0u64, 0);
    for w in id.split('-') {
        match words[k..].iter().position(|x| x == w) {
            Some(p) => {
                mask |= 1 << (k + p);
                k += p + 1;
            }
            None => return 0,
        }
    }
    // A word found later than where it is in the id (a repeated word): check.
    if mask != 0 && kept(&words, mask).as_deref() == Some(id) {
        mask + 1
    } else {
        0
    }
}

/// Writes the ids of `entries` (`(id, en)`) as two streams: the codes, and the ids no code
/// gives as text (word-coded).
pub(super) fn write<'a>(
    codes: &mut Writer,
    texts: &mut Writer,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
) {
    let mut rest = Vec::new();
    for (id, en) in entries {
        let c = code(id, en);
        codes.int(c);
        if c == 0 {
            let tokens = tokens(id, en);
            codes.int(tokens.len() as u64);
            for t in tokens {
                match t {
                    Token::Word(k) => codes.int(k as u64 + 1),
                    Token::Literal(text) => {
                        codes.int(0);
                        rest.push(text.to_string());
                    }
                }
            }
        }
    }
    words::write(texts, &rest, words::Script::Latin);
}

/// One token of an id written as a token list: a word of the English name, or text.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(usize),
    Literal(&'a str),
}

/// The most tokens an id's list may have (a bound for the reader).
const MAX_TOKENS: u64 = 64;

/// `id` as a token list against `en`: each hyphen-joined word of the id, as the first word of
/// the name equal to it or as text; the whole id as one literal when it does not split into
/// words (an empty word, or more than [`MAX_TOKENS`]).
fn tokens<'a>(id: &'a str, en: &str) -> Vec<Token<'a>> {
    let words = name_words(en);
    let parts: Vec<&str> = id.split('-').collect();
    if parts.iter().any(|w| w.is_empty()) || parts.len() as u64 > MAX_TOKENS {
        return vec![Token::Literal(id)];
    }
    parts
        .into_iter()
        .map(|w| match words.iter().position(|x| x == w) {
            Some(k) => Token::Word(k),
            None => Token::Literal(w),
        })
        .collect()
}

/// Reads ids written by [`write`] (or, `whole`, every id as text and no codes: the Chinese
/// part's), one entry at a time.
pub(super) struct IdReader<'a> {
    codes: Reader<'a>,
    texts: Reader<'a>,
    words: words::Words,
    whole: bool,
}

impl<'a> IdReader<'a> {
    pub(super) fn new(
        codes: Reader<'a>,
        mut texts: Reader<'a>,
        whole: bool,
    ) -> Result<IdReader<'a>, Error> {
        if whole && codes.pos != codes.bytes.len() {
            return Err(codes.damaged(codes.pos, "ids stored whole have no codes"));
        }
        let words = words::Words::read(&mut texts)?;
        Ok(IdReader {
            codes,
            texts,
            words,
            whole,
        })
    }

    /// The next entry's id, whose English name is `en`.
    pub(super) fn id(&mut self, en: &str) -> Result<String, Error> {
        if self.whole {
            return self.words.str(&mut self.texts);
        }
        let at = self.codes.pos;
        match self.codes.int()? {
            0 => self.token_list(en),
            c => {
                let words = name_words(en);
                let mask = if c == 1 {
                    u64::MAX >> (64 - words.len().clamp(1, 63))
                } else {
                    c - 1
                };
                kept(&words, mask)
                    .filter(|id| !id.is_empty())
                    .ok_or_else(|| {
                        self.codes.damaged(
                            at,
                            &format!("id code {c} names words that the English name {en:?} lacks"),
                        )
                    })
            }
        }
    }

    /// An id written as a token list (code 0): its words joined by hyphens.
    fn token_list(&mut self, en: &str) -> Result<String, Error> {
        let at = self.codes.pos;
        let n = self.codes.int()?;
        if n == 0 || n > MAX_TOKENS {
            return Err(self
                .codes
                .damaged(at, &format!("an id of {n} words (1 to {MAX_TOKENS})")));
        }
        let words = name_words(en);
        let mut id = String::new();
        for i in 0..n {
            if i > 0 {
                id.push('-');
            }
            let at = self.codes.pos;
            match self.codes.int()? {
                0 => id.push_str(&self.words.str(&mut self.texts)?),
                k => match words.get((k - 1) as usize) {
                    Some(w) => id.push_str(w),
                    None => {
                        return Err(self.codes.damaged(
                            at,
                            &format!(
                                "id word {k} is past the {} words of the English name {en:?}",
                                words.len()
                            ),
                        ))
                    }
                },
            }
        }
        Ok(id)
    }

    /// Where the next id is (its code, or its text for ids stored whole).
    pub(super) fn pos(&self) -> usize {
        if self.whole {
            self.texts.pos
        } else {
            self.codes.pos
        }
    }

    /// The error of a damaged id at byte `at`.
    pub(super) fn damaged(&self, at: usize, what: &str) -> Error {
        self.codes.damaged(at, what)
    }

    /// Fails unless every code and text was read.
    pub(super) fn end(&self) -> Result<(), Error> {
        self.codes.end()?;
        self.texts.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `bytes` from their start, as the English part's.
    fn english(bytes: &[u8]) -> Reader<'_> {
        Reader {
            bytes,
            pos: 0,
            part: "English",
        }
    }

    /// (name, id, English name, code)
    const CODES: &[(&str, &str, &str, u64)] = &[
        ("every_word", "two-upholds", "Two Upholds", 1),
        (
            "apostrophe_left_out",
            "peoples-congress",
            "People’s Congress",
            1,
        ),
        (
            "some_words",
            "science-primary-productive-force",
            "science and technology are the primary productive force",
            0b1110_0001 + 1,
        ),
        (
            "a_word_the_name_lacks",
            "formalism",
            "pointless formalities",
            0,
        ),
        ("words_out_of_order", "upholds-two", "Two Upholds", 0),
        (
            "out_of_order_and_literal",
            "plenum-20-4",
            "Fourth Plenary Session of the 20th CPC Central Committee",
            0,
        ),
        ("empty_word", "a--b", "a b", 0),
        ("uppercase_id", "Two-upholds", "Two Upholds", 0),
        (
            "repeated_word",
            "great-great",
            "great struggle, great project",
            0b101 + 1,
        ),
        ("no_words", "x", "两个维护", 0),
    ];

    #[test]
    fn codes_table() {
        for &(name, id, en, want) in CODES {
            assert_eq!(code(id, en), want, "case {name}");
            let mut codes = Writer(Vec::new());
            let mut texts = Writer(Vec::new());
            write(&mut codes, &mut texts, [(id, en)].into_iter());
            let (codes, texts) = (english(&codes.0), english(&texts.0));
            let mut r = IdReader::new(codes, texts, false).unwrap();
            assert_eq!(r.id(en).unwrap(), id, "case {name}");
            r.end().unwrap();
        }
    }

    /// (name, id, English name, its tokens)
    const TOKENS: &[(&str, &str, &str, &[Token])] = &[
        (
            "out_of_order",
            "party-constitution",
            "Constitution of the Communist Party of China",
            &[Token::Word(4), Token::Word(0)],
        ),
        (
            "some_literal",
            "plenum-20-4",
            "Fourth Plenary Session of the 20th CPC Central Committee",
            &[
                Token::Literal("plenum"),
                Token::Literal("20"),
                Token::Literal("4"),
            ],
        ),
        (
            "repeated_word",
            "two-two",
            "Two Upholds",
            &[Token::Word(0), Token::Word(0)],
        ),
        ("empty_word", "a--b", "a b", &[Token::Literal("a--b")]),
        (
            "no_name_words",
            "x-y",
            "两个维护",
            &[Token::Literal("x"), Token::Literal("y")],
        ),
    ];

    #[test]
    fn tokens_table() {
        for &(name, id, en, want) in TOKENS {
            assert_eq!(tokens(id, en), want, "case {name}");
        }
    }

    /// (name, the codes read, English name, the byte the damage is named at, what the error says)
    const DAMAGED: &[(&str, &[u64], &str, usize, &str)] = &[
        (
            "a_word_past_the_name",
            &[0b100 + 1],
            "Two Upholds",
            0,
            "id code 5 names words",
        ),
        (
            "a_name_without_words",
            &[1],
            "两个维护",
            0,
            "id code 1 names words",
        ),
        (
            "list_of_no_words",
            &[0, 0],
            "Two Upholds",
            1,
            "an id of 0 words",
        ),
        (
            "list_too_long",
            &[0, 65],
            "Two Upholds",
            1,
            "an id of 65 words",
        ),
        (
            "list_word_past_the_name",
            &[0, 1, 3],
            "Two Upholds",
            2,
            "id word 3 is past the 2 words",
        ),
        (
            "list_cut_short",
            &[0, 2, 1],
            "Two Upholds",
            3,
            "it ends too early",
        ),
    ];

    #[test]
    fn damaged_codes_are_refused() {
        for &(name, ints, en, at, want) in DAMAGED {
            let mut codes = Writer(Vec::new());
            for &i in ints {
                codes.int(i);
            }
            let mut texts = Writer(Vec::new());
            words::write(&mut texts, &[], words::Script::Latin);
            let (codes, texts) = (english(&codes.0), english(&texts.0));
            let err = IdReader::new(codes, texts, false)
                .unwrap()
                .id(en)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(&format!("(English part) is damaged at byte {at}"))
                    && err.contains(want),
                "case {name}: {err}"
            );
        }
    }
}
