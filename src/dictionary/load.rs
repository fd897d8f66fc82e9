//! Parsing and validating dictionary files. One validator serves the built-in files and
//! user files; it reports every problem it finds, each with file, line, entry and field.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::forms::FormList;
use super::{budget, derive_hant, Dictionary, Entry, CATEGORIES};
use crate::error::{Error, Location, Problem, ProblemKind};
use crate::text::script::is_han;

const GLOSS_MAX: usize = 100;
const EXPLANATION_MAX: usize = 1200;
/// Years accepted for `since` and `until` (FORMAT.md states the same range).
const YEARS: Range<i64> = 1921..2031;

/// Words that editorialize or distance ("so-called", "claims"): not allowed in glosses and
/// explanations, which describe, attribute and date. Matched as whole words, case-insensitively.
pub const LOADED_WORDS: &[&str] = &[
    "so-called",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "actually",
    "regime",
    "purported",
    "purportedly",
    "allegedly",
    "ostensibly",
    "notorious",
    "infamous",
    "draconian",
    "brainwash",
    "brainwashing",
    "mouthpiece",
    "orwellian",
    "totalitarian",
    "hardline",
    "hardliner",
    "hardliners",
    "many observers",
    "critics say",
];

/// The loaded word `text` holds, if any.
fn loaded_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    LOADED_WORDS.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        })
    })
}

pub(super) type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    term: Vec<S<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Option<S<String>>,
    zh: Option<S<String>>,
    zh_hant: Option<S<String>>,
    pinyin: Option<S<String>>,
    en: Option<S<String>>,
    category: Option<S<String>>,
    since: Option<S<i64>>,
    gloss: Option<S<String>>,
    explanation: Option<S<String>>,
    #[serde(default)]
    related: Vec<S<String>>,
    #[serde(default)]
    sources: Vec<S<String>>,
    #[serde(default)]
    forms: Vec<S<RawForm>>,
    #[serde(default)]
    local: bool,
    #[serde(default)]
    en_descriptive: bool,
    #[serde(default)]
    aliases: Vec<S<String>>,
    single_source: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawForm {
    pub text: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub since: Option<S<i64>>,
    pub until: Option<S<i64>>,
    pub note: Option<S<String>>,
    #[serde(default)]
    pub needs_context: bool,
    #[serde(default)]
    pub shared: bool,
    #[serde(default)]
    pub template: bool,
    pub context_reason: Option<S<String>>,
    pub context_needs: Option<S<String>>,
    pub context_needs_reason: Option<S<String>>,
    pub not_after: Option<S<toml::Value>>,
    pub not_before: Option<S<toml::Value>>,
}

/// The most forms all templates of one load may expand to, together.
pub const MAX_TEMPLATE_FORMS: usize = 100_000;

/// Collects the problems of one file.
pub(super) struct Check<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub errors: Vec<Problem>,
    /// Forms expanded from templates so far (shared across files through `load`).
    pub expanded: usize,
    /// Forms and their bytes so far, every kind (shared across files through `load`).
    pub forms: usize,
    /// The bytes of those forms.
    pub form_bytes: usize,
    /// Byte offsets where lines start, computed on the first error: each error's line is then
    /// a binary search (rescanning the file per error made 30,000 errors take 45 s).
    pub line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl Check<'_> {
    pub(super) fn line(&self, offset: usize) -> usize {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        starts.partition_point(|&s| s <= offset.min(self.text.len()))
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub(super) fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts.get().map_or(0, |starts| starts[line - 1]);
        let end = offset.min(self.text.len());
        let column = self
            .text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, column + 1)
    }

    fn at(&self, span: Range<usize>, entry: Option<&str>, field: &str) -> Location {
        let (line, column) = self.line_column(span.start);
        Location {
            file: self.file.to_string(),
            line: Some(line),
            column: Some(column),
            entry: entry.map(str::to_string),
            field: (!field.is_empty()).then(|| field.to_string()),
        }
    }

    /// Records a problem of the kind [`ProblemKind::Invalid`].
    pub(super) fn fail(
        &mut self,
        span: Range<usize>,
        entry: Option<&str>,
        field: &str,
        message: String,
    ) {
        self.fail_as(ProblemKind::Invalid, span, entry, field, message);
    }

    /// Records a problem of the kind `kind`.
    pub(super) fn fail_as(
        &mut self,
        kind: ProblemKind,
        span: Range<usize>,
        entry: Option<&str>,
        field: &str,
        message: String,
    ) {
        let at = self.at(span, entry, field);
        self.errors.push(Problem::new(at, kind, message));
    }

    /// A required text field: present, non-empty, plain text.
    pub(super) fn text(
        &mut self,
        value: &Option<S<String>>,
        term: Range<usize>,
        id: Option<&str>,
        field: &str,
    ) -> Option<String> {
        match value {
            None => {
                self.fail(term, id, field, "is missing".into());
                None
            }
            Some(v) => self.plain(v, id, field),
        }
    }

    /// A text value: non-empty after trimming, no markup, no control characters.
    pub(super) fn plain(&mut self, v: &S<String>, id: Option<&str>, field: &str) -> Option<String> {
        let s = v.get_ref().trim();
        if s.is_empty() {
            self.fail(v.span(), id, field, "is empty".into());
            return None;
        }
        if let Some(c) = s.chars().find(|&c| c == '<' || c == '>') {
            self.fail_as(
                ProblemKind::Markup,
                v.span(),
                id,
                field,
                format!("must be plain text, but holds {c:?} (markup is not allowed)"),
            );
            return None;
        }
        if let Some(c) = s.chars().find(|&c| budget::is_bidi_control(c)) {
            self.fail_as(
                ProblemKind::Markup,
                v.span(),
                id,
                field,
                format!(
                    "holds the bidirectional control U+{:04X}, which changes how the text is shown (remove it)",
                    c as u32
                ),
            );
            return None;
        }
        if let Some(c) = s.chars().find(|&c| c.is_control() && c != '\n') {
            self.fail_as(
                ProblemKind::Markup,
                v.span(),
                id,
                field,
                format!("holds the control character U+{:04X}", c as u32),
            );
            return None;
        }
        Some(s.to_string())
    }

    pub(super) fn year(&mut self, v: &S<i64>, id: Option<&str>, field: &str) -> Option<u16> {
        let y = *v.get_ref();
        if YEARS.contains(&y) {
            Some(y as u16)
        } else {
            self.fail(
                v.span(),
                id,
                field,
                format!(
                    "{y} is not a plausible year ({}–{})",
                    YEARS.start,
                    YEARS.end - 1
                ),
            );
            None
        }
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

fn has_tone_mark(s: &str) -> bool {
    s.chars()
        .any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ".contains(c))
}

/// An entry under construction, with the spans needed for cross-file checks.
pub(super) struct Pending {
    pub entry: Entry,
    pub file: usize,
    pub id_span: Range<usize>,
    pub related: Vec<(String, Range<usize>)>,
    /// For each of entry.forms: its span in the file and its field name.
    pub form_spans: Vec<(Range<usize>, String)>,
}

/// Loads and validates `files` as one dictionary. The first `builtin` files are the built-in
/// ones (or files checked by the built-in rules): their entries need two sources (or a
/// `single_source` note), and `related` links must be two-way within the built-in files and
/// within the user's files; a link from a user's entry to a built-in one may be one-way.
pub(super) fn load(files: &[(&str, &str)], builtin: usize) -> Result<Dictionary, Error> {
    let mut checks: Vec<Check> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (fi, &(file, text)) in files.iter().enumerate() {
        let mut check = Check {
            file,
            text,
            errors: Vec::new(),
            expanded: checks.last().map_or(0, |c| c.expanded),
            forms: checks.last().map_or(0, |c| c.forms),
            form_bytes: checks.last().map_or(0, |c| c.form_bytes),
            line_starts: Default::default(),
        };
        match toml::from_str::<RawFile>(text) {
            Err(e) => {
                let place = e.span().map(|s| check.line_column(s.start));
                let message = e.message().trim().to_string();
                let at = Location {
                    file: file.to_string(),
                    line: place.map(|(line, _)| line),
                    column: place.map(|(_, column)| column),
                    entry: None,
                    field: None,
                };
                check
                    .errors
                    .push(Problem::new(at, ProblemKind::Syntax, message));
            }
            Ok(raw) => {
                if raw.term.is_empty() {
                    let at = Location {
                        file: file.to_string(),
                        line: None,
                        column: None,
                        entry: None,
                        field: None,
                    };
                    check.errors.push(Problem::new(
                        at,
                        ProblemKind::Invalid,
                        "holds no [[term]] entries",
                    ));
                }
                for term in raw.term {
                    let span = term.span();
                    if let Some(p) = check_term(&mut check, term.into_inner(), span, fi) {
                        pending.push(p);
                    }
                }
            }
        }
        checks.push(check);
    }
    super::cross::cross_check(&mut checks, &pending, builtin);
    let problems: Vec<Problem> = checks.into_iter().flat_map(|c| c.errors).collect();
    if !problems.is_empty() {
        return Err(Error::Dictionary(problems));
    }
    Ok(Dictionary::from_entries(
        pending.into_iter().map(|p| p.entry).collect(),
    ))
}

fn check_term(c: &mut Check, t: RawTerm, span: Range<usize>, file: usize) -> Option<Pending> {
    let id = match &t.id {
        None => {
            c.fail(span.clone(), None, "id", "is missing".into());
            None
        }
        Some(v) => {
            let id = v.get_ref().trim().to_string();
            if !is_kebab(&id) {
                c.fail(
                    v.span(),
                    None,
                    "id",
                    format!("{id:?} is not kebab-case (a-z, 0-9, single hyphens)"),
                );
            }
            Some(id)
        }
    };
    let idr = id.as_deref();
    let before = c.errors.len();
    let zh = c.text(&t.zh, span.clone(), idr, "zh");
    if let (Some(zh), Some(v)) = (&zh, &t.zh) {
        if !zh.chars().any(is_han) {
            c.fail(
                v.span(),
                idr,
                "zh",
                format!("{zh:?} holds no Chinese characters"),
            );
        }
    }
    let zh_hant = t.zh_hant.as_ref().and_then(|v| c.plain(v, idr, "zh_hant"));
    let pinyin = c.text(&t.pinyin, span.clone(), idr, "pinyin");
    if let (Some(p), Some(v)) = (&pinyin, &t.pinyin) {
        if !has_tone_mark(p) {
            c.fail(
                v.span(),
                idr,
                "pinyin",
                format!("{p:?} has no tone marks (write e.g. \"liǎng gè\", not tone numbers)"),
            );
        }
    }
    let en = c.text(&t.en, span.clone(), idr, "en");
    let category = c.text(&t.category, span.clone(), idr, "category");
    if let (Some(cat), Some(v)) = (&category, &t.category) {
        if !CATEGORIES.contains(&cat.as_str()) {
            c.fail(
                v.span(),
                idr,
                "category",
                format!("{cat:?} is not one of: {}", CATEGORIES.join(", ")),
            );
        }
    }
    let since = match &t.since {
        None => {
            c.fail(span.clone(), idr, "since", "is missing".into());
            None
        }
        Some(v) => c.year(v, idr, "since"),
    };
    let gloss = c.text(&t.gloss, span.clone(), idr, "gloss");
    if let (Some(g), Some(v)) = (&gloss, &t.gloss) {
        let n = g.chars().count();
        if g.contains('\n') {
            c.fail(
                v.span(),
                idr,
                "gloss",
                format!(
                    "must be one line, but holds {} line break(s): move the rest to `explanation`",
                    g.matches('\n').count()
                ),
            );
        } else if n > GLOSS_MAX {
            c.fail(
                v.span(),
                idr,
                "gloss",
                format!("is {n} characters long; a gloss may have at most {GLOSS_MAX}"),
            );
        }
    }
    let explanation = c.text(&t.explanation, span.clone(), idr, "explanation");
    if let (Some(x), Some(v)) = (&explanation, &t.explanation) {
        let n = x.chars().count();
        if n > EXPLANATION_MAX {
            c.fail(
                v.span(),
                idr,
                "explanation",
                format!("is {n} characters; keep it under {EXPLANATION_MAX}"),
            );
        }
    }
    let mut aliases = Vec::new();
    for (i, a) in t.aliases.iter().enumerate() {
        if let Some(text) = c.plain(a, idr, &format!("aliases[{i}]")) {
            if !is_kebab(&text) {
                c.fail(
                    a.span(),
                    idr,
                    &format!("aliases[{i}]"),
                    format!("{text:?} is not kebab-case"),
                );
            }
            aliases.push((text, a.span()));
        }
    }
    if t.sources.is_empty() {
        c.fail(
            span.clone(),
            idr,
            "sources",
            "is missing: name at least one public document with its date".into(),
        );
    }
    let mut sources = Vec::new();
    for (i, s) in t.sources.iter().enumerate() {
        let field = format!("sources[{i}]");
        if let Some(text) = c.plain(s, idr, &field) {
            if !has_year(&text) {
                c.fail(
                    s.span(),
                    idr,
                    &field,
                    format!("{text:?} names no year; give the document's date"),
                );
            }
            sources.push(text);
        }
    }
    let mut related = Vec::new();
    for (i, r) in t.related.iter().enumerate() {
        if let Some(text) = c.plain(r, idr, &format!("related[{i}]")) {
            related.push((text, r.span()));
        }
    }
    let mut forms = FormList::default();
    forms.check(c, &t.forms, idr);
    if c.errors.len() > before {
        return None;
    }
    // Checks that leave the entry usable (so links to it still resolve):
    for (field, value) in [("gloss", &t.gloss), ("explanation", &t.explanation)] {
        if let Some(v) = value {
            if let Some(w) = loaded_word(v.get_ref()) {
                c.fail(
                    v.span(),
                    idr,
                    field,
                    format!("uses the loaded word {w:?}: describe, attribute and date instead (FORMAT.md, \"Neutral voice\")"),
                );
            }
        }
    }
    let single_source = t
        .single_source
        .as_ref()
        .and_then(|v| c.plain(v, idr, "single_source"));

    let (id, zh, pinyin, en, category, since, gloss, explanation) = (
        id?,
        zh?,
        pinyin?,
        en?,
        category?,
        since?,
        gloss?,
        explanation?,
    );
    let zh_hant = zh_hant.unwrap_or_else(|| derive_hant(&zh));
    // The implicit forms: zh, zh_hant and en, unless listed (listing them gives kind and dates).
    let header = span.start..span.start + 1;
    for (text, chinese, field) in [
        (&zh, true, "zh"),
        (&zh_hant, true, "zh_hant"),
        (&en, false, "en"),
    ] {
        forms.implicit(text, chinese, header.clone(), field);
    }
    forms.check_budget(c, Some(&id));
    let entry = Entry {
        id,
        zh,
        zh_hant,
        pinyin,
        en,
        category,
        since,
        gloss,
        explanation,
        related: related.iter().map(|(r, _)| r.clone()).collect(),
        sources,
        forms: forms.forms,
        local: t.local,
        en_descriptive: t.en_descriptive,
        aliases: aliases.iter().map(|(a, _)| a.clone()).collect(),
        single_source,
        file: c.file.to_string(),
    };
    Some(Pending {
        entry,
        file,
        id_span: t.id.as_ref().map_or(span.clone(), |v| v.span()),
        related,
        form_spans: forms.spans,
    })
}

#[cfg(test)]
mod tests {
    use super::Check;

    /// Lines and columns from byte offsets: the same answer as counting the line breaks before
    /// the offset, and the characters after the last of them.
    #[test]
    fn line_of_offset() {
        let text = "a\n两c\n\nd";
        let check = Check {
            file: "t.toml",
            text,
            errors: Vec::new(),
            expanded: 0,
            forms: 0,
            form_bytes: 0,
            line_starts: Default::default(),
        };
        for offset in 0..=text.len() + 3 {
            let want = text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            assert_eq!(check.line(offset), want, "offset {offset}");
            let Some(before) = text.get(..offset.min(text.len())) else {
                continue; // inside 两
            };
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(check.line_column(offset), (want, column), "offset {offset}");
        }
    }
}
