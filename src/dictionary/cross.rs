//! Checks across entries and files: unique ids and aliases, `related` links that exist and go
//! both ways, two sources for built-in entries, no built-in form that only repeats what the
//! matcher derives from another form of its entry, and forms that belong to one entry only.

use std::collections::HashMap;

use super::load::{Check, Pending};
use crate::error::ProblemKind;
use crate::text::normalize::normalize_form;

/// Checks across entries and files: unique ids, existing related ids, unique forms.
pub(super) fn cross_check(checks: &mut [Check], pending: &[Pending], builtin: usize) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pending.iter().enumerate() {
        if let Some(&first) = ids.get(p.entry.id.as_str()) {
            let other = &pending[first];
            let msg = format!(
                "id is already used by the entry at {}:{}",
                other.entry.file,
                checks[other.file].line(other.id_span.start)
            );
            checks[p.file].fail_as(
                ProblemKind::DuplicateId,
                p.id_span.clone(),
                Some(&p.entry.id),
                "id",
                msg,
            );
        } else {
            ids.insert(&p.entry.id, i);
        }
    }
    let mut aliases: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pending.iter().enumerate() {
        for a in &p.entry.aliases {
            let clash = ids
                .get(a.as_str())
                .map(|&j| format!("the id of {:?}", pending[j].entry.id))
                .or_else(|| {
                    aliases
                        .get(a.as_str())
                        .map(|&j| format!("already an alias of {:?}", pending[j].entry.id))
                });
            match clash {
                Some(what) => checks[p.file].fail_as(
                    ProblemKind::DuplicateId,
                    p.id_span.clone(),
                    Some(&p.entry.id),
                    "aliases",
                    format!("{a:?} is {what}"),
                ),
                None => {
                    aliases.insert(a, i);
                }
            }
        }
    }
    let group = |p: &Pending| p.file < builtin;
    for p in pending.iter().filter(|p| group(p)) {
        if p.entry.sources.len() == 1 && p.entry.single_source.is_none() {
            checks[p.file].fail(
                p.id_span.clone(),
                Some(&p.entry.id),
                "sources",
                "names one source: give a second, independent public document, or say in `single_source` why there is only one".into(),
            );
        }
    }
    for p in pending.iter().filter(|p| group(p)) {
        for (fi, gi) in super::forms::derived_repeats(&p.entry.forms) {
            let (span, field) = &p.form_spans[fi];
            // `en` stays: it names the entry; so does a listed form that is the `en` (listed to
            // gate or date it).
            let form = &p.entry.forms[fi];
            if !field.starts_with("forms")
                || normalize_form(&form.text) == normalize_form(&p.entry.en)
            {
                continue;
            }
            checks[p.file].fail_as(
                ProblemKind::FormClash,
                span.clone(),
                Some(&p.entry.id),
                field,
                format!(
                    "form {:?} only repeats form {:?}: the matcher finds it through that one (a plural, or the article after \"of\" dropped); drop it, or tell the two apart by kind or years",
                    p.entry.forms[fi].text, p.entry.forms[gi].text
                ),
            );
        }
    }
    for p in pending {
        for (r, span) in &p.related {
            if r == &p.entry.id {
                checks[p.file].fail_as(
                    ProblemKind::Related,
                    span.clone(),
                    Some(&p.entry.id),
                    "related",
                    format!("{r:?} refers to the entry itself"),
                );
            } else if let Some(&j) = aliases.get(r.as_str()) {
                checks[p.file].fail_as(
                    ProblemKind::Related,
                    span.clone(),
                    Some(&p.entry.id),
                    "related",
                    format!(
                        "{r:?} is a former id of {:?}: use that",
                        pending[j].entry.id
                    ),
                );
            } else if let Some(&j) = ids.get(r.as_str()) {
                let q = &pending[j];
                if group(p) == group(q) && !q.entry.related.contains(&p.entry.id) {
                    checks[p.file].fail_as(
                        ProblemKind::Related,
                        span.clone(),
                        Some(&p.entry.id),
                        "related",
                        format!(
                            "links to {r:?}, but {r:?} ({}) does not link back: related links go both ways",
                            q.entry.file
                        ),
                    );
                }
            } else {
                checks[p.file].fail_as(
                    ProblemKind::Related,
                    span.clone(),
                    Some(&p.entry.id),
                    "related",
                    format!("{r:?} is not the id of any entry"),
                );
            }
        }
    }
    // normalized form -> (entry index, form index)
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (pi, p) in pending.iter().enumerate() {
        for (fi, form) in p.entry.forms.iter().enumerate() {
            let norm = normalize_form(&form.text);
            let clash = match seen.get(&norm) {
                None => {
                    seen.insert(norm, (pi, fi));
                    None
                }
                Some(&(qi, qf)) if qi == pi => {
                    // zh_hant normalizes to zh: the same form, nothing to report.
                    let first = &p.entry.forms[qf];
                    (!(form.chinese && first.chinese)).then(|| format!("form {:?} repeats form {:?} of the same entry (forms that differ only in case, quotes, dashes or spacing are one form)", form.text, first.text))
                }
                Some(&(qi, qf)) => {
                    let other = &pending[qi].entry;
                    (!(form.shared && other.forms[qf].shared)).then(|| {
                        let from = form
                            .template
                            .as_ref()
                            .map_or(String::new(), |t| format!(" (from template {t:?})"));
                        format!("form {:?}{from} is already used by {:?} ({}); mark both `shared = true` if it belongs to both", form.text, other.id, other.file)
                    })
                }
            };
            if let Some(msg) = clash {
                let (span, field) = &p.form_spans[fi];
                checks[p.file].fail_as(
                    ProblemKind::FormClash,
                    span.clone(),
                    Some(&p.entry.id),
                    field,
                    msg,
                );
            }
        }
    }
}
