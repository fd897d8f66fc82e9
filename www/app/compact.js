// The matches of one analysis as the engine's rows of numbers (transferable, cheap to post from
// the worker), and a reader over them. Rust already knows each match's entry and form by index
// (`Tifa.highlight`); nothing here looks them up again by string. The rest of the report (terms,
// categories, density, candidates) travels as a plain summary.

import { CONTEXT_LABELS, KIND_LABELS } from '../lib/vocabulary.js';

/** Values of a match's `kind`, by index (the vocabulary's order is the engine's). */
export const KINDS = Object.freeze(Object.keys(KIND_LABELS));
/** Values of a match's `context` (index 0: none), by index. */
export const CONTEXTS = Object.freeze(['', ...Object.keys(CONTEXT_LABELS)]);
/** Numbers per match in the rows (start, end, entry, form, kind, context, nested count). */
export const STRIDE = 7;

/**
 * Packs what `Tifa.highlight` returned for posting: `{ summary, compact, transfer }`.
 * `compact.rows` are the engine's rows; `compact.forms` names the forms of entries that carry
 * no forms here (summaries, before the card part arrives): `{ "entry:form": text }`, one per
 * distinct pair, from `formText(entry, form)`.
 *
 * @example
 *   const { rows, summary } = t.highlight(text);
 *   const { summary: s, compact, transfer } = packRows(rows, summary, entries, (e, f) => t.formText(e, f));
 *   postMessage({ summary: s, compact }, transfer);
 */
export function packRows(rows, summary, entries, formText) {
  const n = rows[0] ?? 0;
  const forms = {};
  for (let i = 0; i < n; i++) {
    const o = 1 + i * STRIDE;
    const ei = rows[o + 2]; const fi = rows[o + 3];
    const key = `${ei}:${fi}`;
    if (!entries[ei]?.forms && !(key in forms)) forms[key] = formText(ei, fi) ?? '';
  }
  const packed = {
    length: summary.length,
    count: n,
    terms: summary.terms,
    categories: summary.categories,
    density: summary.density,
    candidates: summary.candidates,
    sensitivity: summary.sensitivity,
    notCounted: summary.not_counted || [],
  };
  return { summary: packed, compact: { rows, forms }, transfer: [rows.buffer] };
}

/**
 * A reader over packed rows: `view.count`, `view.match(i)` -> `{ start, end, entry, form,
 * formIndex, kind, context, nested: [entry id...] }` (entries resolved against `entries`).
 *
 * @example
 *   const view = matchView(compact, entries);
 *   for (let i = 0; i < view.count; i++) console.log(view.match(i).entry.id);
 */
export function matchView(compact, entries) {
  const { rows, forms = {} } = compact;
  const count = rows[0] ?? 0;
  const nestedStart = new Uint32Array(count + 1);
  nestedStart[0] = 1 + count * STRIDE;
  for (let i = 0; i < count; i++) nestedStart[i + 1] = nestedStart[i] + rows[1 + i * STRIDE + 6];
  const at = (i) => 1 + i * STRIDE;
  return {
    count,
    start: (i) => rows[at(i)],
    end: (i) => rows[at(i) + 1],
    entryIndex: (i) => rows[at(i) + 2],
    match(i) {
      const o = at(i);
      const ei = rows[o + 2]; const fi = rows[o + 3];
      const entry = entries[ei];
      const form = entry?.forms?.[fi]?.text ?? forms[`${ei}:${fi}`] ?? '';
      const ids = [];
      for (let j = nestedStart[i]; j < nestedStart[i + 1]; j++) {
        const e = entries[rows[j]];
        if (e && !ids.includes(e.id)) ids.push(e.id);
      }
      return {
        start: rows[o], end: rows[o + 1], entry, form, formIndex: fi,
        kind: KINDS[rows[o + 4]], context: CONTEXTS[rows[o + 5]], nested: ids,
      };
    },
  };
}
