// Packs a Report's matches into typed arrays (transferable, cheap to post from the worker) and
// reads them back. The rest of the report (terms, categories, density, candidates) stays plain.

/** Values of a match's `kind`, by index. */
export const KINDS = ['official', 'media', 'mt', 'spelled-out'];
/** Values of a match's `context` (index 0: none), by index. */
export const CONTEXTS = ['', 'quoted', 'capitalized', 'nearby', 'sentence', 'document', 'all'];
/** Numbers per match in `compact.matches`. */
export const STRIDE = 7;
const NONE = 0xffffffff;

/**
 * Packs `report` for posting: `{ summary, compact, transfer }`.
 *
 * @example
 *   const { summary, compact, transfer } = compactReport(t.analyze(text), index, t.entries());
 *   postMessage({ summary, compact }, transfer);
 */
export function compactReport(report, entryIndex, entries) {
  const n = report.matches.length;
  const matches = new Uint32Array(n * STRIDE);
  let nestedTotal = 0;
  for (const m of report.matches) nestedTotal += m.nested.length;
  const nested = new Uint32Array(nestedTotal);
  const forms = new Map(); // "entryIndex\u0000form" -> form index (forms are per-entry)
  const formIndex = (ei, form, entry) => {
    const key = ei + '\u0000' + form;
    let fi = forms.get(key);
    if (fi === undefined) {
      // Entries without forms (summaries, before the card part): the text travels instead.
      fi = entry && entry.forms ? entry.forms.findIndex((f) => f.text === form) : -1;
      forms.set(key, fi);
    }
    return fi < 0 ? NONE : fi;
  };
  let k = 0;
  for (let i = 0; i < n; i++) {
    const m = report.matches[i];
    const ei = entryIndex.get(m.id);
    const o = i * STRIDE;
    matches[o] = m.start;
    matches[o + 1] = m.end;
    matches[o + 2] = ei === undefined ? NONE : ei;
    matches[o + 3] = ei === undefined ? NONE : formIndex(ei, m.form, entries[ei]);
    matches[o + 4] = Math.max(0, KINDS.indexOf(m.kind));
    matches[o + 5] = m.context ? Math.max(0, CONTEXTS.indexOf(m.context)) : 0;
    matches[o + 6] = m.nested.length;
    for (const nm of m.nested) {
      const ni = entryIndex.get(nm.id);
      nested[k++] = ni === undefined ? NONE : ni;
    }
  }
  // Forms are looked up by text on the page side when the index is unknown (NONE).
  const formTexts = [];
  for (let i = 0; i < n; i++) if (matches[i * STRIDE + 3] === NONE) formTexts.push([i, report.matches[i].form]);
  const summary = {
    length: report.length,
    count: n,
    terms: report.terms,
    categories: report.categories,
    density: report.density,
    candidates: report.candidates,
    sensitivity: report.sensitivity,
    notCounted: report.not_counted || [],
  };
  return { summary, compact: { matches, nested, formTexts }, transfer: [matches.buffer, nested.buffer] };
}

/**
 * A reader over packed matches: `view.count`, `view.match(i)` -> `{ start, end, entry, form, kind,
 * context, nested: [entry...] }` (entries resolved against the `entries` array).
 *
 * @example
 *   const view = matchView(compact, entries);
 *   for (let i = 0; i < view.count; i++) console.log(view.match(i).entry.id);
 */
export function matchView(compact, entries) {
  const { matches, nested, formTexts = [] } = compact;
  const count = matches.length / STRIDE;
  const nestedStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) nestedStart[i + 1] = nestedStart[i] + matches[i * STRIDE + 6];
  const loose = new Map(formTexts);
  return {
    count,
    start: (i) => matches[i * STRIDE],
    end: (i) => matches[i * STRIDE + 1],
    entryIndex: (i) => matches[i * STRIDE + 2],
    match(i) {
      const o = i * STRIDE;
      const entry = entries[matches[o + 2]];
      const fi = matches[o + 3];
      const form = fi === NONE ? loose.get(i) ?? '' : entry?.forms?.[fi]?.text ?? '';
      const ids = [];
      for (let j = nestedStart[i]; j < nestedStart[i + 1]; j++) {
        const e = entries[nested[j]];
        if (e && !ids.includes(e.id)) ids.push(e.id);
      }
      return {
        start: matches[o], end: matches[o + 1], entry, form,
        kind: KINDS[matches[o + 4]], context: CONTEXTS[matches[o + 5]], nested: ids,
      };
    },
  };
}
