// The highlight contract, shared by the page (app/render.js) and the embed (lib/highlight.js):
// a <mark class="tifa-term tifa-cat-<category>" data-tifa-term="<entry id>" tabindex="0">
// with data-tifa-form, -form-index, -kind, -context, -nested (ids, space-separated) and -occurrence.
// Attribute values are set with setAttribute, never parsed as markup.

/**
 * The class of a category, safe to use in a selector.
 * @example categoryClass('party-building') // 'tifa-cat-party-building'
 * @param {string} category
 */
export function categoryClass(category) {
  return 'tifa-cat-' + String(category || 'none').toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/**
 * An empty highlight element for one occurrence (or one piece of it).
 * @example
 *   const mark = createMark(document, { id: 'two-upholds', category: 'leadership', form: 'Two Upholds',
 *     kind: 'official', nested: [], occurrence: '7' });
 *   mark.textContent = 'Two Upholds';
 * @param {Document} doc
 * @param {{ id: string, category?: string, form?: string, formIndex?: number, kind?: string,
 *   context?: string, nested?: string[], occurrence: string|number, focusable?: boolean }} m
 *   formIndex: the form's index in the entry's `forms` (as the engine's rows give it)
 */
export function createMark(doc, { id, category, form, formIndex, kind, context, nested = [], occurrence, focusable = true }) {
  const mark = doc.createElement('mark');
  mark.className = `tifa-term ${categoryClass(category)}`;
  mark.setAttribute('data-tifa-term', id ?? '');
  if (form) mark.setAttribute('data-tifa-form', form);
  if (Number.isInteger(formIndex)) mark.setAttribute('data-tifa-form-index', String(formIndex));
  if (kind) mark.setAttribute('data-tifa-kind', kind);
  if (context) mark.setAttribute('data-tifa-context', context);
  const ids = [...new Set(nested)];
  if (ids.length) mark.setAttribute('data-tifa-nested', ids.join(' '));
  mark.setAttribute('data-tifa-occurrence', String(occurrence));
  mark.setAttribute('tabindex', focusable ? '0' : '-1');
  return mark;
}
