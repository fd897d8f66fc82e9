// The highlighted text with footnotes, for the clipboard ("Copy with footnotes": rich HTML
// that word processors and mail keep, plus plain text) and for print (a glossary after the
// text). Terms are numbered in order of first appearance; every occurrence carries its number.
import { escapeHtml } from './standalone.js';

/**
 * The notes of a text: `[{ n, id, entry }]` in first-appearance order, and the note number of
 * each entry id.
 *
 * @example numberTerms([{ id: 'a' }, { id: 'b' }, { id: 'a' }], getEntry).byId.get('b') // 2
 */
export function numberTerms(spans, getEntry) {
  const byId = new Map();
  const notes = [];
  for (const s of spans) {
    if (byId.has(s.id)) continue;
    const entry = getEntry(s.id);
    if (!entry) continue;
    byId.set(s.id, notes.length + 1);
    notes.push({ n: notes.length + 1, id: s.id, entry });
  }
  return { notes, byId };
}

/**
 * One line of a note: "Two Upholds — 两个维护 (liǎng gè wéihù): <gloss>".
 *
 * @example noteText({ en: 'Two Upholds', zh: '两个维护', pinyin: 'liǎng gè wéihù', gloss: 'Two commitments.' })
 *   // 'Two Upholds — 两个维护 (liǎng gè wéihù): Two commitments.'
 */
export function noteText(e) {
  return `${e.en} — ${e.zh}${e.pinyin ? ` (${e.pinyin})` : ''}${e.gloss ? `: ${e.gloss}` : ''}`;
}

/**
 * `text` with its terms marked and numbered, as `{ html, plain }`. `spans` are the top-level
 * matches `[{ start, end, id }]` (UTF-16 offsets, sorted, not overlapping).
 *
 * @example
 *   withFootnotes('the Two Upholds', [{ start: 4, end: 15, id: 'two-upholds' }], getEntry).plain
 *   // 'the Two Upholds [1]\n\nNotes\n[1] Two Upholds — 两个维护 (liǎng gè wéihù): …'
 */
export function withFootnotes(text, spans, getEntry, { title = '' } = {}) {
  const { notes, byId } = numberTerms(spans, getEntry);
  let html = '';
  let plain = '';
  let pos = 0;
  const textHtml = (s) => escapeHtml(s).replace(/\r?\n/g, '<br>\n');
  for (const s of spans) {
    const n = byId.get(s.id);
    if (!n) continue;
    html += textHtml(text.slice(pos, s.start));
    plain += text.slice(pos, s.start);
    const term = text.slice(s.start, s.end);
    // No link to the note: the clipboard makes relative links absolute, pointing at this page.
    html += `<mark>${textHtml(term)}</mark><sup>[${n}]</sup>`;
    plain += `${term} [${n}]`;
    pos = s.end;
  }
  html += textHtml(text.slice(pos));
  plain += text.slice(pos);
  const items = notes.map(({ n, entry }) => {
    const src = entry.sources?.[0] ? ` Source: ${entry.sources[0]}` : '';
    return { html: `<li id="tifa-note-${n}">${escapeHtml(noteText(entry))}${escapeHtml(src)}</li>`, plain: `[${n}] ${noteText(entry)}${src}` };
  });
  const head = title ? `<h1>${escapeHtml(title)}</h1>\n` : '';
  return {
    html: `${head}<div>${html}</div>\n${items.length ? `<hr>\n<p><strong>Notes</strong> (tifa)</p>\n<ol>\n${items.map((i) => i.html).join('\n')}\n</ol>\n` : ''}`,
    plain: `${plain}${items.length ? `\n\nNotes\n${items.map((i) => i.plain).join('\n')}\n` : ''}`,
    notes,
  };
}
