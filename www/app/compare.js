// Compare a translation (issue 11): an original and its translation side by side, each
// highlighted by the page's renderer, and a table that aligns the terms of both by dictionary
// entry id, so a translator can check each rendering.
//
// Two parts:
// - pure: `termOccurrences` (what one text holds, per entry) and `alignTerms` (the table's rows),
//   testable in Node with views built by compact.js;
// - the view: `startCompare` wires the #compare section (text boxes, the same worker and
//   renderer as the read view, the same tooltip cards, stepping through occurrences).
//
// Text reaches the DOM only as text (textContent, text nodes); highlights come from
// render.js `renderHighlights`.
import { attachTooltips } from '../lib/tooltip.js';
import { rovingHighlights } from '../lib/roving.js';
import { matchView } from './compact.js';
import { renderHighlights, categoryClass } from './render.js';
import { readTextFile } from './read-file.js';
import { el } from './dom.js';

/** Statuses of an aligned term, in the order problems are listed; `same` is not a problem. */
export const STATUSES = Object.freeze(['missing', 'differs', 'only', 'same']);

/** What the table says for each status. */
export const STATUS_LABELS = Object.freeze({
  missing: 'missing in translation',
  differs: 'count differs',
  only: 'only in translation',
  same: 'same count',
});

/** What the table says for each kind of form (a match's `kind`). */
export const KIND_NAMES = Object.freeze({
  official: 'official',
  media: 'media',
  mt: 'machine translation',
  'spelled-out': 'spelled out',
});

/** The engine refuses texts over 64 MiB (of UTF-8); a longer JS string is always over. */
const ENGINE_LIMIT = 64 * 1024 * 1024;
const DEBOUNCE_MS = 300;

/** Which dictionary an entry array is (the card part replaces the array, not the dictionary). */
const dictionaryKey = (entries) => `${entries.length}:${entries[0]?.id}:${entries[entries.length - 1]?.id}`;

const fold = (s) => String(s).replace(/\s+/g, ' ').trim();

/**
 * What one analysed text holds, per dictionary entry: a Map from entry id to
 * `{ id, entry, count, own, nested, first, marks, renderings }`, in order of first appearance.
 * `marks` are the indices of the matches (highlights) that carry the term, on its own or inside
 * a longer term; `count` is their number (`own` + `nested`); `first` is the first of them.
 * `renderings` are the texts the term was matched as on its own (whitespace folded, grouped
 * case-insensitively with their kind): `[{ text, kind, count }]`, most used first. Without
 * `text`, a match's dictionary form stands in for what the text says.
 *
 * @example
 *   const view = matchView(compact, entries);
 *   termOccurrences(view, 'Uphold the Two Upholds, the "two maintenances".').get('two-upholds')
 *   // { id: 'two-upholds', count: 2, own: 2, nested: 0, first: 0, marks: [0, 1],
 *   //   renderings: [{ text: 'Two Upholds', kind: 'official', count: 1 },
 *   //                { text: 'two maintenances', kind: 'mt', count: 1 }], entry: {...} }
 * @param {{ count: number, match(i: number): object }} view a `matchView`
 * @param {string} [text] the analysed text
 */
export function termOccurrences(view, text) {
  const terms = new Map();
  const term = (id, i) => {
    let t = terms.get(id);
    if (!t) terms.set(id, (t = { id, entry: null, count: 0, own: 0, nested: 0, first: i, marks: [], renderings: [], byKey: new Map() }));
    return t;
  };
  const mark = (t, i) => {
    if (t.marks[t.marks.length - 1] === i) return false;
    t.marks.push(i);
    t.count += 1;
    return true;
  };
  for (let i = 0; i < (view?.count ?? 0); i++) {
    const m = view.match(i);
    if (m.entry) {
      const t = term(m.entry.id, i);
      t.entry ??= m.entry;
      if (mark(t, i)) t.own += 1;
      const shown = fold(text != null ? text.slice(m.start, m.end) : m.form);
      const key = `${m.kind}\u0000${shown.toLowerCase()}`;
      const r = t.byKey.get(key);
      if (r) r.count += 1;
      else {
        const nr = { text: shown, kind: m.kind, count: 1 };
        t.byKey.set(key, nr);
        t.renderings.push(nr);
      }
    }
    for (const id of m.nested) if (mark(term(id, i), i)) terms.get(id).nested += 1;
  }
  for (const t of terms.values()) {
    // Most used first; ties keep their order of first appearance (sort is stable).
    t.renderings.sort((a, b) => b.count - a.count);
    delete t.byKey;
  }
  return terms;
}

/**
 * The status of a term found `left` times in the original and `right` times in the translation.
 *
 * @example termStatus(2, 0) // 'missing'
 * @example termStatus(0, 1) // 'only'
 * @example termStatus(2, 1) // 'differs'
 * @example termStatus(3, 3) // 'same'
 */
export function termStatus(left, right) {
  if (left > 0 && right === 0) return 'missing';
  if (left === 0 && right > 0) return 'only';
  return left === right ? 'same' : 'differs';
}

/**
 * Aligns the terms of an original (`leftView`) and its translation (`rightView`), two
 * `matchView`s, by dictionary entry id. One row per term found in either text:
 * `{ id, entry, status, problem, left, right, renderings }`, where `left` / `right` are the
 * term's `termOccurrences` in each text (`{ count, own, nested, first, marks, renderings }`, a
 * count of 0 and no marks when absent), `renderings` are the translation's (what it matched the
 * term as, with the kind: official, media, mt…), and `status` is one of `STATUSES`.
 *
 * Order: problems first (every status but `same`), then the rest; within each group, terms of
 * the original in order of first appearance there, then terms only in the translation in their
 * order there.
 *
 * `entry` is `getEntry(id)` when given (the page's current entries, with their card fields),
 * else the entry the views resolved, else `{ id }` (a term only ever seen inside longer terms
 * has no entry of its own in the view).
 *
 * @example
 *   const rows = alignTerms(matchView(zh.compact, entries), matchView(en.compact, entries),
 *     { leftText: zhText, rightText: enText, getEntry: (id) => byId.get(id) });
 *   rows.map((r) => [r.id, r.left.count, r.right.count, r.status])
 *   // [['comprehensive-strict-governance', 1, 0, 'missing'], ['two-upholds', 1, 1, 'same']]
 *   rows[1].renderings // [{ text: 'two maintenances', kind: 'mt', count: 1 }]
 * @param {object|null} leftView
 * @param {object|null} rightView
 * @param {{ leftText?: string, rightText?: string, getEntry?: (id: string) => object|undefined }} [options]
 */
export function alignTerms(leftView, rightView, { leftText, rightText, getEntry } = {}) {
  const left = termOccurrences(leftView, leftText);
  const right = termOccurrences(rightView, rightText);
  const none = { count: 0, own: 0, nested: 0, first: Infinity, marks: [], renderings: [] };
  const rows = [];
  for (const id of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(id) || { id, ...none };
    const r = right.get(id) || { id, ...none };
    const status = termStatus(l.count, r.count);
    rows.push({
      id,
      entry: getEntry?.(id) ?? l.entry ?? r.entry ?? { id },
      status,
      problem: status !== 'same',
      left: l,
      right: r,
      renderings: r.renderings,
    });
  }
  const rank = (row) => [row.problem ? 0 : 1, row.left.count ? 0 : 1, row.left.count ? row.left.first : row.right.first];
  return rows.sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/**
 * Which language a side holds, from its analysis summary: Chinese when its density is counted
 * in characters, else English (or another word-spaced language).
 *
 * @example detectedLanguage({ density: { unit: 'characters' } }) // { lang: 'zh', label: 'Chinese' }
 * @example detectedLanguage({ density: { unit: 'words' } }) // { lang: 'en', label: 'English (word-spaced text)' }
 */
export function detectedLanguage(summary) {
  return summary?.density?.unit === 'characters'
    ? { lang: 'zh', label: 'Chinese' }
    : { lang: 'en', label: 'English (word-spaced text)' };
}

const nf = new Intl.NumberFormat('en');

/** "1st", "2nd", "3rd", "4th"… */
const ordinal = (n) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
  return `${n}${s}`;
};

/**
 * Renders the alignment `rows` (from `alignTerms`) into `container` as a table: term (a button
 * that calls `onStep(row, button, pos)`; `pos` is the row's live position text), count in the
 * original, count in the translation, the translation's renderings with their kinds, status.
 *
 * @example
 *   renderAlignment(panel, alignTerms(lv, rv, { leftText, rightText }), {
 *     onStep: (row, button, pos) => { pos.textContent = 'original 1 of 2'; } });
 */
export function renderAlignment(container, rows, { onStep } = {}) {
  const doc = container.ownerDocument;
  const table = el(doc, 'table', 'compare-table');
  const problems = rows.filter((r) => r.problem).length;
  const caption = el(doc, 'caption');
  caption.append(el(doc, 'strong', null, `${nf.format(rows.length)} term${rows.length === 1 ? '' : 's'}`),
    doc.createTextNode(problems
      ? `, ${nf.format(problems)} to check (listed first). Choose a term to step through it in both texts.`
      : ', every one found as often in both texts. Choose a term to step through it in both texts.'));
  table.append(caption);
  const thead = el(doc, 'thead');
  const hr = el(doc, 'tr');
  for (const [text, cls] of [['Term', 'compare-term'], ['Original', 'num'], ['Translation', 'num'],
    ['Renderings in the translation', 'compare-renderings'], ['Status', 'compare-status']]) {
    const th = el(doc, 'th', cls, text);
    th.scope = 'col';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el(doc, 'tbody');
  for (const row of rows) {
    const tr = el(doc, 'tr', `compare-row compare-${row.status}`);
    tr.setAttribute('data-term', row.id);
    tr.setAttribute('data-status', row.status);
    const th = el(doc, 'th', `compare-term ${categoryClass(row.entry.category)}`);
    th.scope = 'row';
    const b = el(doc, 'button', 'term-step compare-step');
    b.type = 'button';
    b.append(el(doc, 'span', 'tifa-swatch swatch'));
    if (row.entry.zh) {
      const zh = el(doc, 'span', 'term-zh-main', row.entry.zh);
      zh.lang = 'zh-Hans';
      b.append(zh, doc.createTextNode(' '));
    }
    b.append(el(doc, 'span', 'term-en', row.entry.en ?? row.id));
    const pos = el(doc, 'span', 'term-pos compare-pos');
    pos.setAttribute('aria-live', 'polite');
    b.addEventListener('click', () => onStep?.(row, b, pos));
    th.append(b, pos);
    const count = (side, label) => {
      const td = el(doc, 'td', 'num', nf.format(side.count));
      td.setAttribute('data-label', label); // the column's name, shown on narrow screens
      if (side.nested) td.append(el(doc, 'span', 'compare-nested', ` (${nf.format(side.nested)} inside longer terms)`));
      return td;
    };
    const rend = el(doc, 'td', 'compare-renderings');
    if (row.renderings.length) {
      const ul = el(doc, 'ul', 'compare-forms');
      for (const r of row.renderings) {
        const li = el(doc, 'li', `compare-form compare-kind-${r.kind}`);
        li.setAttribute('data-kind', r.kind);
        const q = el(doc, 'q', null, r.text);
        if (/[\u3400-\u9fff]/.test(r.text)) q.lang = 'zh';
        li.append(q, doc.createTextNode(' '), el(doc, 'span', 'compare-kind', KIND_NAMES[r.kind] || r.kind || 'unknown'));
        if (r.count > 1) li.append(doc.createTextNode(` ×${nf.format(r.count)}`));
        ul.append(li);
      }
      rend.append(ul);
    } else if (row.right.count) rend.append(el(doc, 'span', 'compare-none', 'only inside longer terms'));
    else rend.append(el(doc, 'span', 'compare-none', 'none'));
    const status = el(doc, 'td', 'compare-status');
    if (row.problem) {
      const flag = el(doc, 'span', 'compare-flag', '⚠ ');
      flag.setAttribute('aria-hidden', 'true');
      status.append(flag);
    }
    status.append(doc.createTextNode(STATUS_LABELS[row.status]));
    rend.setAttribute('data-label', 'Renderings');
    status.setAttribute('data-label', 'Status');
    tr.append(th, count(row.left, 'Original'), count(row.right, 'Translation'), rend, status);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  container.replaceChildren(table);
  return table;
}

/**
 * Starts the compare view in `root` (the #view-compare section of index.html, whose elements
 * are found by id), analysing with the page's worker (`engine`, after `ready`) with the
 * analyze flag `keep: false` so the read view's exports keep its own text. `getEntries()` is the
 * page's current entry array (indexed like the worker's), `getEntry(id)` resolves ids for the
 * table and the tooltip cards, `sensitivity` is the read view's select (one setting for both
 * views), `cards()` asks for the card fields once.
 *
 * Returns `{ show(), hide(), busy, rows, load(original, translation) }`: `busy` is true until
 * both sides are analysed and rendered; `load` fills both boxes and resolves when done (tests).
 *
 * @example
 *   const compare = startCompare(document.getElementById('view-compare'),
 *     { engine, ready, getEntries: () => entries, getEntry, sensitivity: select, cards });
 *   compare.show();
 */
export function startCompare(root, { engine, ready, getEntries, getEntry, sensitivity, cards } = {}) {
  const doc = root.ownerDocument;
  const $ = (id) => doc.getElementById(id);
  const ui = {
    error: $('compare-error'), table: $('compare-table'), note: $('compare-note'), sensitivity: $('compare-sensitivity'),
  };
  const side = (name, label) => ({
    name, label, input: $(`compare-${name}`), output: $(`compare-${name}-output`), detected: $(`compare-${name}-detected`),
    text: '', view: null, summary: null, dict: '', render: null, seq: 0, debounce: 0, pending: false, debouncing: false,
    current: null,
  });
  const sides = { left: side('left', 'original'), right: side('right', 'translation') };
  // Each highlighted text is one tab stop, with n/p and arrow keys between its terms (lib/roving.js).
  for (const s of Object.values(sides)) s.roving = rovingHighlights(s.output);
  let rows = [];
  const stepAt = new Map();
  const errors = { left: '', right: '' };
  let visible = false;

  attachTooltips(root, { getEntry, onNavigate: () => {}, theme: 'auto' });

  const empty = (text) => el(doc, 'p', 'empty', text);
  function showError() {
    const message = [errors.left, errors.right].filter(Boolean).join(' ');
    ui.error.hidden = !message;
    ui.error.textContent = message;
  }

  function updateNote() {
    const { left, right } = sides;
    let note = '';
    if (left.summary && right.summary) {
      const l = detectedLanguage(left.summary).lang;
      const r = detectedLanguage(right.summary).lang;
      if (l === r) note = `Both texts look ${l === 'zh' ? 'Chinese' : 'English'}: is one of them the translation?`;
      else if (l === 'en') note = 'The original looks English and the translation Chinese: that works too, terms are aligned by entry either way.';
    }
    ui.note.hidden = !note;
    ui.note.textContent = note;
  }

  function renderTable() {
    const { left, right } = sides;
    for (const s of [left, right]) {
      s.current?.classList.remove('tifa-current');
      s.current = null;
    }
    stepAt.clear();
    if (!left.view || !right.view) {
      rows = [];
      const without = [left, right].filter((s) => !s.view);
      const failedSide = without.find((s) => errors[s.name]);
      const blank = without.filter((s) => !s.text.trim());
      ui.table.replaceChildren(empty(failedSide ? `The ${failedSide.label} could not be analysed (see the message above).`
        : blank.length === 2 ? 'Paste an original and its translation to compare their terms.'
          : blank.length ? `Paste the ${blank[0].label} too to compare their terms.`
            : `Reading the ${without[0].label}…`));
      return;
    }
    rows = alignTerms(left.view, right.view, { leftText: left.text, rightText: right.text, getEntry });
    if (!rows.length) {
      ui.table.replaceChildren(empty('No dictionary terms in either text.'));
      return;
    }
    renderAlignment(ui.table, rows, { onStep: step });
  }

  function updateBusy() {
    const busy = sides.left.pending || sides.right.pending;
    if (busy) ui.table.setAttribute('aria-busy', 'true');
    else ui.table.removeAttribute('aria-busy');
  }

  async function analyzeSide(s) {
    s.debouncing = false;
    const seq = ++s.seq;
    try {
      await analyzeLatest(s, seq);
    } finally {
      if (seq === s.seq && !s.debouncing) s.pending = false;
      updateBusy();
    }
  }

  async function analyzeLatest(s, seq) {
    const { text } = s;
    s.render?.cancel();
    errors[s.name] = '';
    showError();
    if (!text.trim()) {
      s.view = null;
      s.summary = null;
      s.output.replaceChildren(empty(`Nothing to show yet: paste the ${s.label}.`));
      s.output.lang = '';
      s.detected.textContent = '';
      updateNote();
      renderTable();
      return;
    }
    if (text.length > ENGINE_LIMIT) {
      failed(s, `The ${s.label} is too long: tifa reads at most 64 MiB at once.`);
      return;
    }
    let result;
    let entries;
    try {
      await ready;
      entries = getEntries();
      result = await engine.request('analyze', { text, source: `<${s.label}>`, sensitivity: sensitivity.value, keep: false });
    } catch (err) {
      if (seq === s.seq) failed(s, `Could not analyse the ${s.label}: ${err.message}`);
      return;
    }
    if (seq !== s.seq) return;
    s.view = matchView(result.compact, entries);
    s.dict = dictionaryKey(entries);
    s.summary = result.summary;
    const { lang, label } = detectedLanguage(result.summary);
    s.output.lang = lang;
    const n = result.summary.terms.length;
    s.detected.textContent = `Detected: ${label}. ${nf.format(s.view.count)} highlight${s.view.count === 1 ? '' : 's'}, ${nf.format(n)} different term${n === 1 ? '' : 's'}.`;
    updateNote();
    // Its own occurrence numbers: the tooltip joins the pieces of an occurrence page-wide.
    s.render = renderHighlights(s.output, text, s.view, { occurrencePrefix: `${s.label}-`,
      onProgress: () => { if (!s.roving.stop?.isConnected) s.roving.refresh(); } });
    renderTable();
    await s.render.done;
  }

  /** A side that could not be analysed: the message, and no stale highlights or rows. */
  function failed(s, message) {
    errors[s.name] = message;
    showError();
    s.view = null;
    s.summary = null;
    s.output.replaceChildren(empty(`Not analysed: ${message}`));
    s.detected.textContent = '';
    updateNote();
    renderTable();
  }

  function schedule(s, delay = DEBOUNCE_MS) {
    clearTimeout(s.debounce);
    s.pending = true;
    s.debouncing = true;
    updateBusy();
    s.debounce = setTimeout(() => analyzeSide(s), delay);
  }

  for (const s of Object.values(sides)) {
    s.input.addEventListener('input', () => {
      s.text = s.input.value;
      schedule(s);
    });
    // A file dropped on a box is read into it (the page would otherwise open it in the read view).
    s.input.addEventListener('dragover', (ev) => {
      if (![...(ev.dataTransfer?.types || [])].includes('Files')) return;
      ev.preventDefault();
    });
    s.input.addEventListener('drop', async (ev) => {
      const file = ev.dataTransfer?.files?.[0];
      if (!file) return;
      ev.preventDefault();
      try {
        const known = new Set();
        for (const e of getEntries()) for (const c of `${e.zh}${e.zh_hant || ''}`) known.add(c);
        const { text } = await readTextFile(file, { known });
        s.input.value = text;
        s.text = text;
        schedule(s, 0);
      } catch (err) {
        errors[s.name] = `Could not read ${file.name}: ${err.message}`;
        showError();
      }
    });
  }

  // Texts already in the boxes (typed before this ran, or restored by the browser on reload).
  for (const s of Object.values(sides)) {
    if (s.input.value) {
      s.text = s.input.value;
      schedule(s, 0);
    }
  }

  // One sensitivity for both views: this select mirrors the read view's.
  ui.sensitivity.value = sensitivity.value;
  ui.sensitivity.addEventListener('change', () => {
    sensitivity.value = ui.sensitivity.value;
    sensitivity.dispatchEvent(new Event('change')); // the read view remembers it and re-reads
  });
  sensitivity.addEventListener('change', () => {
    ui.sensitivity.value = sensitivity.value;
    for (const s of Object.values(sides)) if (s.text) schedule(s, 0);
  });

  // ---- stepping: the k-th occurrence in the original beside the k-th in the translation ------
  function scrollTo(container, mark) {
    const c = container.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    container.scrollTop += m.top - c.top - (container.clientHeight - m.height) / 2;
    mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function step(row, button, pos) {
    const n = Math.max(row.left.count, row.right.count);
    if (!n) return;
    const k = ((stepAt.get(row.id) ?? -1) + 1) % n;
    stepAt.set(row.id, k);
    const parts = [];
    let rendering = false;
    for (const [s, occ] of [[sides.left, row.left], [sides.right, row.right]]) {
      s.current?.classList.remove('tifa-current');
      s.current = null;
      const name = s.label.replace(/^./, (c) => c.toUpperCase());
      if (k >= occ.count) {
        parts.push(occ.count ? `${name}: no ${ordinal(k + 1)} (${nf.format(occ.count)} in all)` : `${name}: none`);
        continue;
      }
      parts.push(`${name} ${k + 1} of ${occ.count}`);
      const mark = s.render?.marks[occ.marks[k]];
      if (!mark) {
        rendering = true;
        continue;
      }
      mark.classList.add('tifa-current');
      s.current = mark;
      scrollTo(s.output, mark);
    }
    pos.textContent = parts.join(' · ') + (rendering ? ' (still rendering)' : '');
  }

  return {
    show() {
      visible = true;
      ui.sensitivity.value = sensitivity.value;
      cards?.().catch(() => {});
      // Another dictionary was loaded since these were analysed: read them again.
      const dict = dictionaryKey(getEntries());
      for (const s of Object.values(sides)) if (s.view && s.dict !== dict) schedule(s, 0);
    },
    hide() {
      visible = false;
    },
    get visible() { return visible; },
    get busy() { return sides.left.pending || sides.right.pending; },
    get rows() { return rows; },
    /** Fills both boxes as a paste would; resolves when both are analysed and rendered. */
    load(original, translation) {
      for (const [s, text] of [[sides.left, original], [sides.right, translation]]) {
        s.input.value = text;
        s.text = text;
        schedule(s, 0);
      }
      return new Promise((resolve) => {
        const check = () => (sides.left.pending || sides.right.pending ? setTimeout(check, 10) : resolve(rows.length));
        check();
      });
    },
  };
}
