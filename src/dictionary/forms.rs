//! The `forms` of one dictionary entry: kinds, years, notes, templates (expanded here) and the
//! implicit forms (`zh`, `zh_hant`, `en`), each with its span for error messages.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::budget::{shown, MAX_FORMS, MAX_FORM_BYTES, MAX_FORM_CHARS};
use super::load::{Check, RawForm, MAX_TEMPLATE_FORMS, S};
use super::{content_word_starts, template, ContextNeeds, Form, Kind};
use crate::text::inflect::derived_from;
use crate::text::normalize::{is_quote, normalize_form};
use crate::text::script::is_han;

/// Can a form ask for title case (`context_needs = "title-case"`)? Its normalized text must be
/// its text lower-cased, byte for byte, and it must write every content word with a capital,
/// as the gate will ask of the text ("Basic Law", "Rule of Law").
pub(crate) fn title_case_ok(text: &str) -> bool {
    let starts = content_word_starts(&text.to_ascii_lowercase());
    !starts.is_empty()
        && starts
            .iter()
            .all(|&i| text.as_bytes()[i].is_ascii_uppercase())
        && normalize_form(text) == text.to_ascii_lowercase()
}

/// The most words one form's `not_after` or `not_before` may list, and the most characters
/// each may have (FORMAT.md states the same).
pub(crate) const MAX_NEIGHBOURS: usize = 8;
pub(crate) const MAX_NEIGHBOUR_CHARS: usize = 40;

/// A TOML type name with its article ("a string", "an integer").
fn a(t: &str) -> String {
    let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {t}")
}

/// A form's `not_after` or `not_before` (`field`): an array of 1 to [`MAX_NEIGHBOURS`]
/// strings, each plain text of at most [`MAX_NEIGHBOUR_CHARS`] characters with something left
/// to match once normalized. Each problem is reported at the value.
fn neighbours(
    c: &mut Check,
    value: &Option<S<toml::Value>>,
    idr: Option<&str>,
    field: &str,
) -> Vec<String> {
    let Some(v) = value else {
        return Vec::new();
    };
    let span = v.span();
    let Some(items) = v.get_ref().as_array().filter(|a| !a.is_empty()) else {
        c.fail(
            span,
            idr,
            field,
            format!(
                "must be a non-empty array of words, such as [\"years of\"], not {}",
                match v.get_ref() {
                    toml::Value::Array(_) => "an empty array".to_string(),
                    other => a(other.type_str()),
                }
            ),
        );
        return Vec::new();
    };
    if items.len() > MAX_NEIGHBOURS {
        let msg = format!("lists {} entries; at most {MAX_NEIGHBOURS}", items.len());
        c.fail(span, idr, field, msg);
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let at = format!("{field}[{k}]");
        let Some(text) = item.as_str() else {
            c.fail(
                span.clone(),
                idr,
                &at,
                format!("must be a string, not {}", a(item.type_str())),
            );
            continue;
        };
        let Some(text) = c.plain(&S::new(span.clone(), text.to_string()), idr, &at) else {
            continue;
        };
        if text.chars().count() > MAX_NEIGHBOUR_CHARS {
            let msg = format!("{text:?} is longer than {MAX_NEIGHBOUR_CHARS} characters");
            c.fail(span.clone(), idr, &at, msg);
        } else if normalize_form(&text).is_empty() {
            let msg = format!("{text:?} has nothing left to match after normalization");
            c.fail(span.clone(), idr, &at, msg);
        } else {
            out.push(text);
        }
    }
    out
}

/// The forms of one entry under construction.
#[derive(Default)]
pub(super) struct FormList {
    /// The forms, in order: listed ones (templates expanded), then the implicit ones.
    pub forms: Vec<Form>,
    /// For each form: its span in the file and its field name.
    pub spans: Vec<(Range<usize>, String)>,
    /// The normalized text of every form so far (a template expansion an entry already lists
    /// is dropped; a set, because a rescan per expansion made loading quadratic).
    seen: HashSet<String>,
}

impl FormList {
    /// Checks the `forms` array of an entry and adds every valid form, reporting problems
    /// through `c`.
    pub fn check(&mut self, c: &mut Check, raw: &[S<RawForm>], idr: Option<&str>) {
        for (i, f) in raw.iter().enumerate() {
            let span = f.span();
            let f = f.get_ref();
            let field = format!("forms[{i}]");
            let text = c.text(&f.text, span.clone(), idr, &format!("{field}.text"));
            let kind = match &f.kind {
                None => {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.kind"),
                        "is missing".into(),
                    );
                    None
                }
                Some(k) => match Kind::parse(k.get_ref().trim()) {
                    Some(kind) => Some(kind),
                    None => {
                        let msg = format!(
                            "{:?} is not one of: official, media, mt, spelled-out",
                            k.get_ref()
                        );
                        c.fail(k.span(), idr, &format!("{field}.kind"), msg);
                        None
                    }
                },
            };
            let since = f
                .since
                .as_ref()
                .and_then(|y| c.year(y, idr, &format!("{field}.since")));
            let until = f
                .until
                .as_ref()
                .and_then(|y| c.year(y, idr, &format!("{field}.until")));
            if let (Some(s), Some(u)) = (since, until) {
                if u < s {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.until"),
                        format!("{u} is before since = {s}"),
                    );
                }
            }
            let note = f
                .note
                .as_ref()
                .and_then(|n| c.plain(n, idr, &format!("{field}.note")));
            let context_reason = f
                .context_reason
                .as_ref()
                .and_then(|n| c.plain(n, idr, &format!("{field}.context_reason")));
            if context_reason.is_some() && !f.needs_context {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.context_reason"),
                    "explains why a form needs context, but the form has no `needs_context = true`"
                        .into(),
                );
            }
            let context_needs = f.context_needs.as_ref().and_then(|v| {
                let parsed = ContextNeeds::parse(v.get_ref().trim());
                if parsed.is_none() {
                    let msg = format!("{:?} is not one of: sentence, title-case", v.get_ref());
                    c.fail(v.span(), idr, &format!("{field}.context_needs"), msg);
                }
                parsed
            });
            let context_needs_reason = f
                .context_needs_reason
                .as_ref()
                .and_then(|n| c.plain(n, idr, &format!("{field}.context_needs_reason")));
            if f.context_needs.is_some() && !f.needs_context {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.context_needs"),
                    "asks for more context, but the form has no `needs_context = true`".into(),
                );
            }
            if f.context_needs.is_some() && f.context_needs_reason.is_none() {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.context_needs"),
                    "needs a `context_needs_reason`: the evidence that the usual context is not enough"
                        .into(),
                );
            }
            if f.context_needs_reason.is_some() && f.context_needs.is_none() {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.context_needs_reason"),
                    "gives evidence for `context_needs`, but the form has none".into(),
                );
            }
            let not_after = neighbours(c, &f.not_after, idr, &format!("{field}.not_after"));
            let not_before = neighbours(c, &f.not_before, idr, &format!("{field}.not_before"));
            if (f.not_after.is_some() || f.not_before.is_some()) && !f.needs_context {
                let which = if f.not_after.is_some() {
                    "not_after"
                } else {
                    "not_before"
                };
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.{which}"),
                    "names words that show the ordinary sense, but the form has no `needs_context = true`".into(),
                );
            }
            let Some((text, kind)) = text.zip(kind) else {
                continue;
            };
            if text.contains(template::PLACE_SLOT) {
                if let Err(e) = template::check_slot(&text, f.template) {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.text"),
                        format!("{text:?}: {e}"),
                    );
                    continue;
                }
            }
            let expansions = if f.template {
                match template::expand(&text) {
                    Ok(v) => v,
                    Err(e) => {
                        c.fail(
                            span.clone(),
                            idr,
                            &format!("{field}.text"),
                            format!("template {text:?}: {e}"),
                        );
                        continue;
                    }
                }
            } else if template::is_template(&text) {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.text"),
                    format!("{text:?} holds template syntax [ ] {{ }} |: add `template = true`, or remove those characters"),
                );
                continue;
            } else {
                vec![text.clone()]
            };
            c.expanded += if f.template { expansions.len() } else { 0 };
            if c.expanded > MAX_TEMPLATE_FORMS {
                c.fail(
                    span.clone(),
                    idr,
                    &format!("{field}.text"),
                    format!("templates expand to more than {MAX_TEMPLATE_FORMS} forms in all; this one goes past the limit"),
                );
                continue;
            }
            for form_text in expansions {
                let norm = normalize_form(&form_text);
                if norm.is_empty() {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.text"),
                        "has nothing left to match after normalization".into(),
                    );
                    continue;
                }
                if wrapped_in_quotes(&norm) {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.text"),
                        format!("{form_text:?} is wrapped in quotation marks, which matching skips: it would count the bare words everywhere, with no context. List the bare words instead, with `needs_context` if they are ordinary words (a quoted use counts as context)"),
                    );
                    continue;
                }
                // An expansion the entry already lists is the same form: keep one.
                if !self.seen.insert(norm) && f.template {
                    continue;
                }
                let chinese = form_text.chars().any(is_han);
                if context_needs == Some(ContextNeeds::TitleCase) && !title_case_ok(&form_text) {
                    c.fail(
                        span.clone(),
                        idr,
                        &format!("{field}.context_needs"),
                        format!("\"title-case\" needs an English form that writes every content word with a capital, not {form_text:?}"),
                    );
                    continue;
                }
                self.forms.push(Form {
                    text: form_text,
                    kind,
                    since,
                    until,
                    note: note.clone(),
                    needs_context: f.needs_context,
                    shared: f.shared,
                    chinese,
                    template: f.template.then(|| text.clone()),
                    context_reason: context_reason.clone(),
                    context_needs,
                    context_needs_reason: context_needs_reason.clone(),
                    not_after: not_after.clone(),
                    not_before: not_before.clone(),
                });
                self.spans.push((span.clone(), field.clone()));
            }
        }
    }

    /// Adds `zh`, `zh_hant` or `en` as an official form, unless the entry lists it already
    /// (listing it gives it a kind and dates).
    pub fn implicit(&mut self, text: &str, chinese: bool, header: Range<usize>, field: &str) {
        if self.seen.insert(normalize_form(text)) {
            self.forms.push(Form {
                text: text.to_string(),
                kind: Kind::Official,
                since: None,
                until: None,
                note: None,
                needs_context: false,
                shared: false,
                chinese,
                template: None,
                context_reason: None,
                context_needs: None,
                context_needs_reason: None,
                not_after: Vec::new(),
                not_before: Vec::new(),
            });
            self.spans.push((header, field.to_string()));
        }
    }

    /// Checks every form of the entry, listed and implicit, against the load's budget
    /// ([`super::budget`]): one character, too long, too many forms or bytes in all.
    pub fn check_budget(&mut self, c: &mut Check, idr: Option<&str>) {
        for (form, (span, field)) in self.forms.iter().zip(&self.spans) {
            let chars = normalize_form(&form.text).chars().count();
            if chars == 1 {
                c.fail(
                    span.clone(),
                    idr,
                    field,
                    format!(
                        "form {} is one character: it would match inside ordinary words everywhere; give a form of two characters or more",
                        shown(&form.text)
                    ),
                );
            } else if chars > MAX_FORM_CHARS {
                c.fail(
                    span.clone(),
                    idr,
                    field,
                    format!(
                        "form {} is longer than {MAX_FORM_CHARS} characters, the most a form may have",
                        shown(&form.text)
                    ),
                );
            }
            let before = (c.forms, c.form_bytes);
            c.forms += 1;
            c.form_bytes += form.text.len();
            if c.forms > MAX_FORMS && before.0 <= MAX_FORMS {
                c.fail(
                    span.clone(),
                    idr,
                    field,
                    format!("form {} goes past {MAX_FORMS} forms, the most one dictionary may hold (built-in and custom files together)", shown(&form.text)),
                );
            }
            if c.form_bytes > MAX_FORM_BYTES && before.1 <= MAX_FORM_BYTES {
                c.fail(
                    span.clone(),
                    idr,
                    field,
                    format!(
                        "form {} goes past {} MiB of forms in all, the most one dictionary may hold (built-in and custom files together)",
                        shown(&form.text),
                        MAX_FORM_BYTES >> 20
                    ),
                );
            }
        }
    }
}

/// The forms of an entry that only repeat what the matcher derives from another of its forms
/// ([`derived_from`]: a plural, the article after "of" dropped) and match the same way (the
/// same kind, years, sharing and context rules), as (the form, the form it repeats). The
/// built-in dictionary keeps them out: they cost the embed bytes and find nothing more.
///
/// ```text
/// "core interest" and "core interests", both official      (1, 0)
/// "core interest" official, "core interests" media          none: the kind tells them apart
/// "session of the committee" and "session of committee"     (1, 0)
/// "a, b and c" and "a, b, and c" (each derived from the other) (1, 0): the first stays
/// ```
pub(super) fn derived_repeats(forms: &[Form]) -> Vec<(usize, usize)> {
    let norms: Vec<Option<String>> = forms
        .iter()
        .map(|f| (!f.chinese).then(|| normalize_form(&f.text)))
        .collect();
    let alike = |a: &Form, b: &Form| {
        (a.kind, a.since, a.until, a.needs_context, a.shared)
            == (b.kind, b.since, b.until, b.needs_context, b.shared)
            && a.context_needs == b.context_needs
            && a.not_after == b.not_after
            && a.not_before == b.not_before
    };
    // Each derived text, with the forms it is derived from.
    let mut derived: HashMap<String, Vec<usize>> = HashMap::new();
    for (gi, g) in norms.iter().enumerate() {
        for d in g.as_deref().map(derived_from).unwrap_or_default() {
            derived.entry(d).or_default().push(gi);
        }
    }
    let mut out = Vec::new();
    for (fi, f) in forms.iter().enumerate() {
        let Some(norm) = norms[fi].as_deref().filter(|_| f.template.is_none()) else {
            continue;
        };
        // Of two forms each derived from the other (the serial comma in and out), the first
        // stays.
        let mutual = |gi: usize| {
            derived_from(norm)
                .iter()
                .any(|d| Some(d.as_str()) == norms[gi].as_deref())
        };
        let repeats = derived.get(norm).and_then(|gs| {
            gs.iter()
                .find(|&&gi| gi != fi && alike(f, &forms[gi]) && (gi < fi || !mutual(gi)))
        });
        if let Some(&gi) = repeats {
            out.push((fi, gi));
        }
    }
    out
}

/// Is the whole form one quotation ("“四史”", "\"two health\"", "‘core’")? Matching skips
/// quotation marks, so such a form matches its bare words, and cannot say "only when quoted".
/// Read on the normalized form (`norm`), where every quotation mark is `"` or `'`
/// ([`crate::text::is_quote`]): the same marks the matcher skips.
///
/// ```text
/// "“四史”"            true
/// "‘two upholds’"     true
/// "坚决做到“两个维护”"  false (words outside the quotes)
/// "“两新”“两重”"        false (two quotations)
/// "‘Xi's thought’"    false (an apostrophe inside: not one quotation for sure)
/// ```
fn wrapped_in_quotes(norm: &str) -> bool {
    let b = norm.as_bytes();
    match b {
        // A quotation mark is one byte: `inner` starts and ends on characters.
        [first, inner @ .., last] if is_quote(*first) && last == first => {
            !inner.iter().all(|&c| c == b' ') && !inner.contains(first)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::wrapped_in_quotes;
    use crate::text::normalize_form;

    /// (name, form, wrapped in quotation marks)
    const WRAPPED: &[(&str, &str, bool)] = &[
        ("curly_double", "“四史”", true),
        ("straight_double", "\"two health\"", true),
        ("curly_single", "‘two upholds’", true),
        ("corner", "「兩個維護」", true),
        ("words_outside", "坚决做到“两个维护”", false),
        ("two_quotations", "“两新”“两重”", false),
        ("apostrophe_inside_single", "‘Xi's thought’", false),
        ("apostrophe_inside_double", "“Xi's thought”", true),
        ("mixed_marks", "“core’", false),
        ("quotes_only", "“ ”", false),
        ("bare", "two upholds", false),
    ];

    #[test]
    fn wrapped_in_quotes_table() {
        for (name, form, want) in WRAPPED {
            assert_eq!(
                wrapped_in_quotes(&normalize_form(form)),
                *want,
                "case {name}"
            );
        }
    }
}
