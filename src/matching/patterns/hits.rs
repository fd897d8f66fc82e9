//! What the candidates stage reads of an automaton pattern at each of its hits, packed in
//! eight bytes per automaton pattern: the form it stands for, its quotation marks and the
//! rules of its ends. A hit then reads one small record where it read the automaton pattern's
//! form number, the form's whole [`Pattern`] (two lines of cache), its quotation marks and a
//! binary search in the twins, each from a different table.

use super::Pattern;

/// One automaton pattern's record ([`Hits::get`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The form (a [`super::Patterns::get`] index).
    pub pattern: u32,
    /// How many quotation marks the form starts and ends with
    /// ([`super::Patterns::edge_quotes`]).
    pub lead: u8,
    pub trail: u8,
    flags: u8,
}

const WORD_START: u8 = 1;
const WORD_END: u8 = 1 << 1;
const SEVERAL_WORDS: u8 = 1 << 2;
const PIECE: u8 = 1 << 3;
const HIDDEN: u8 = 1 << 4;
const TWIN: u8 = 1 << 5;

impl Hit {
    /// The record of an automaton pattern standing for form `pattern`, `p`, with `quotes`
    /// (leading, trailing); `twin`: the automaton pattern has twins ([`super::Twins`]).
    pub fn new(pattern: u32, p: &Pattern, quotes: (u8, u8), twin: bool) -> Hit {
        let flags = [
            (p.word_start, WORD_START),
            (p.word_end, WORD_END),
            (p.several_words, SEVERAL_WORDS),
            (p.piece, PIECE),
            (p.hidden, HIDDEN),
            (twin, TWIN),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |f, (_, bit)| f | bit);
        Hit {
            pattern,
            lead: quotes.0,
            trail: quotes.1,
            flags,
        }
    }

    /// [`Pattern::word_start`].
    #[inline]
    pub fn word_start(self) -> bool {
        self.flags & WORD_START != 0
    }

    /// [`Pattern::word_end`].
    #[inline]
    pub fn word_end(self) -> bool {
        self.flags & WORD_END != 0
    }

    /// [`Pattern::several_words`].
    #[inline]
    pub fn several_words(self) -> bool {
        self.flags & SEVERAL_WORDS != 0
    }

    /// [`Pattern::piece`].
    #[inline]
    pub fn piece(self) -> bool {
        self.flags & PIECE != 0
    }

    /// [`Pattern::hidden`].
    #[inline]
    pub fn hidden(self) -> bool {
        self.flags & HIDDEN != 0
    }

    /// Has the automaton pattern twins (patterns of the same tokens with other separators)?
    /// Only then is [`super::Twins::beaten`] asked.
    #[inline]
    pub fn twin(self) -> bool {
        self.flags & TWIN != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_round_trip() {
        let mut p = Pattern {
            owners: vec![(0, 0)],
            word_start: true,
            several_words: true,
            hidden: true,
            ..Pattern::default()
        };
        let h = Hit::new(7, &p, (1, 2), false);
        assert_eq!((h.pattern, h.lead, h.trail), (7, 1, 2));
        assert!(h.word_start() && !h.word_end() && h.several_words());
        assert!(!h.piece() && h.hidden() && !h.twin());
        p.word_end = true;
        p.piece = true;
        let h = Hit::new(0, &p, (0, 0), true);
        assert!(h.word_end() && h.piece() && h.twin());
    }
}
