// Renders a text with its matches highlighted, incrementally: the text is cut into blocks at line
// breaks (never inside a match), and blocks are built in short slices between which the browser
// can paint and handle input. Off-screen blocks skip layout (CSS content-visibility: auto).
//
// Text reaches the DOM only as text nodes; highlights are <mark> elements following the shared
// highlight contract (data-tifa-term, -form, -kind, -context, -nested, -occurrence; class
// "tifa-term tifa-cat-<category>"). Highlights are made with tabindex -1: the page's roving
// tab stop (lib/roving.js) picks the one highlight that is in the tab order.

import { categoryClass, createMark } from '../lib/mark.js';

/** Characters per block (a block ends at the first line break after this many). */
export const BLOCK_CHARS = 4096;

const yieldToBrowser = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((ok) => setTimeout(ok, 0));

/** Re-exported for the page's other modules: the category class of the shared mark contract. */
export { categoryClass };

/**
 * Builds the highlight element of match `i` (a `view.match(i)` result) in `doc`.
 *
 * @example const mark = makeMark(document, view.match(0), 0, text); output.append(mark);
 */
export function makeMark(doc, m, i, text, occurrencePrefix = '') {
  const mark = createMark(doc, { id: m.entry?.id, category: m.entry?.category, form: m.form, formIndex: m.formIndex, kind: m.kind,
    context: m.context, nested: m.nested, occurrence: `${occurrencePrefix}${i}`, focusable: false });
  mark.textContent = text.slice(m.start, m.end);
  return mark;
}

/**
 * Where the block starting at `pos` ends: after the first line break at or beyond
 * `pos + size` that is not inside a match (`starts`/`ends` are the sorted match spans, `i` the
 * first match not before `pos`); a hard cut when a line runs on for more than 4 blocks.
 *
 * @example blockEnd('ab\ncd\nef', 0, 2, view, 0) // 3
 */
export function blockEnd(text, pos, size, view, i) {
  const len = text.length;
  if (pos + size >= len) return len;
  let cut = pos + size;
  let nl = text.indexOf('\n', cut);
  if (nl === -1 || nl - cut > size * 4) nl = -1;
  if (nl === -1 && /[\ud800-\udbff]/.test(text[cut - 1] || '')) cut += 1; // keep surrogate pairs whole
  let end = nl === -1 ? cut : nl + 1;
  // Move past any match that straddles `end`.
  let j = i;
  for (;;) {
    while (j < view.count && view.end(j) <= end) j++;
    if (j < view.count && view.start(j) < end) {
      const after = view.end(j);
      const next = text.indexOf('\n', after);
      end = next === -1 || next - after > size * 4 ? after : next + 1;
      continue;
    }
    return Math.min(end, len);
  }
}

/**
 * Renders `text` with the matches of `view` (see compact.js `matchView`) into `container`,
 * in slices of about `budgetMs` of work; `onProgress(fraction, marks)` follows each slice. Returns `{ marks, done, cancel }`: `marks[i]` is the
 * element of match i once rendered; `done` resolves to true when finished (false if cancelled).
 * `occurrencePrefix` goes before each mark's `data-tifa-occurrence` (the match index): the
 * tooltip joins the pieces of one occurrence across the whole document, so two renderings on
 * one page need different prefixes (the compare view uses 'original-' and 'translation-').
 *
 * @example
 *   const r = renderHighlights(output, text, matchView(compact, entries), {
 *     onProgress: (f) => (bar.value = f) });
 *   await r.done;
 */
export function renderHighlights(container, text, view, { onProgress, budgetMs = 8, blockChars = BLOCK_CHARS, occurrencePrefix = '' } = {}) {
  const doc = container.ownerDocument;
  const marks = new Array(view.count);
  let cancelled = false;
  container.replaceChildren();
  container.setAttribute('aria-busy', 'true');
  let pos = 0;
  let i = 0;
  const blockOf = (end) => {
    const block = doc.createElement('div');
    block.className = 'tifa-block';
    // Estimated height (lines of ~80 characters) so the scrollbar is roughly right before layout.
    const lines = Math.max(1, Math.ceil((end - pos) / 80));
    block.style.containIntrinsicBlockSize = `auto ${Math.round(lines * 1.7)}em`;
    const frag = doc.createDocumentFragment();
    let at = pos;
    while (i < view.count && view.start(i) < end) {
      const m = view.match(i);
      if (m.start > at) frag.append(doc.createTextNode(text.slice(at, m.start)));
      const mark = makeMark(doc, m, i, text, occurrencePrefix);
      marks[i] = mark;
      frag.append(mark);
      at = m.end;
      i++;
    }
    if (end > at) frag.append(doc.createTextNode(text.slice(at, end)));
    block.append(frag);
    return block;
  };
  const done = (async () => {
    while (pos < text.length) {
      const t0 = performance.now();
      const batch = doc.createDocumentFragment();
      do {
        const end = blockEnd(text, pos, blockChars, view, i);
        batch.append(blockOf(end));
        pos = end;
      } while (pos < text.length && performance.now() - t0 < budgetMs);
      if (cancelled) return false;
      container.append(batch);
      onProgress?.(text.length ? pos / text.length : 1, marks);
      if (pos < text.length) {
        await yieldToBrowser();
        if (cancelled) return false;
      }
    }
    container.removeAttribute('aria-busy');
    return true;
  })();
  return {
    marks,
    done,
    cancel() {
      cancelled = true;
    },
  };
}
