// The glossary browser: search every entry, show one entry with every field at #term/<id>.
import { renderCard, KIND_LABELS } from '../lib/card.js';
import { buildIndex } from './search.js';
import { categoryLabel } from './report.js';
import { categoryClass } from './render.js';

function el(doc, tag, cls, text) {
  const n = doc.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = String(text);
  return n;
}

/**
 * The URL fragment of an entry: `#term/two-upholds`.
 *
 * @example termHash('two-upholds') // '#term/two-upholds'
 */
export function termHash(id) {
  return `#term/${encodeURIComponent(id)}`;
}

/**
 * The full entry view: the shared card plus every remaining field (id, forms with kinds and dates,
 * file).
 *
 * @example glossaryEntry(document, t.entry('two-upholds'), { getEntry }) // <article>
 */
export function glossaryEntry(doc, entry, { getEntry, onNavigate }) {
  const wrap = el(doc, 'div', 'entry-view');
  const card = renderCard(doc, entry, {}, { getEntry, onNavigate, headingLevel: 2 });
  wrap.append(card);
  if (!entry) return wrap;
  const more = el(doc, 'section', 'entry-fields');
  const mh = el(doc, 'h3', null, 'All fields');
  mh.id = `fields-${entry.id}`;
  more.setAttribute('aria-labelledby', mh.id);
  const dl = el(doc, 'dl');
  const row = (k, v) => {
    if (v == null || v === '') return;
    dl.append(el(doc, 'dt', null, k));
    const dd = el(doc, 'dd');
    if (v instanceof doc.defaultView.Node) dd.append(v);
    else dd.textContent = String(v);
    dl.append(dd);
  };
  const link = el(doc, 'a', null, termHash(entry.id));
  link.href = termHash(entry.id);
  row('Id', entry.id);
  row('Link', link);
  row('Simplified', entry.zh);
  row('Traditional', entry.zh_hant);
  row('Pinyin', entry.pinyin);
  row('Official English', entry.en);
  row('Category', categoryLabel(entry.category));
  row('Since', entry.since);
  if (entry.local) row('Local', typeof entry.local === 'object' ? JSON.stringify(entry.local) : String(entry.local));
  row('Dictionary file', entry.file);
  if (entry.related?.length) {
    const ul = el(doc, 'ul', 'inline-list');
    for (const id of entry.related) {
      const li = el(doc, 'li');
      const a = el(doc, 'a', null, getEntry(id)?.en || id);
      a.href = termHash(id);
      li.append(a);
      ul.append(li);
    }
    row('Related', ul);
  }
  more.append(mh, dl);
  if (entry.forms?.length) {
    const table = el(doc, 'table', 'forms');
    table.append(el(doc, 'caption', null, `Forms matched (${entry.forms.length})`));
    const head = el(doc, 'tr');
    for (const c of ['Form', 'Kind', 'Dates', 'Counted only in context', 'Note']) {
      const th = el(doc, 'th', null, c);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el(doc, 'thead');
    thead.append(head);
    const tbody = el(doc, 'tbody');
    // A template is shown once, with the number of literal forms it stands for.
    const rows = [];
    for (const f of entry.forms) {
      const last = rows[rows.length - 1];
      if (f.template && last && last.template === f.template) last.expansions += 1;
      else rows.push({ ...f, expansions: 1 });
    }
    for (const f of rows) {
      const tr = el(doc, 'tr');
      const form = el(doc, 'td', null, f.template ? f.template : f.text);
      if (f.template) form.append(el(doc, 'span', 'form-template', ` (template: ${f.expansions} forms)`));
      if (f.chinese) form.lang = 'zh';
      const dates = f.since && f.until ? `${f.since}–${f.until}` : f.since ? `since ${f.since}` : f.until ? `until ${f.until}` : '';
      tr.append(form, el(doc, 'td', null, (KIND_LABELS[f.kind] || f.kind).replace(/^an? /, '')), el(doc, 'td', null, dates),
        el(doc, 'td', null, f.needs_context ? 'yes' : ''), el(doc, 'td', null, [f.shared ? 'shared with other entries' : '', f.note || ''].filter(Boolean).join('; ')));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    more.append(table);
  }
  wrap.append(more);
  return wrap;
}

/**
 * Wires the glossary browser: `input` (search box), `results` (a list), `view` (entry pane),
 * `count` (a status line). Returns `{ setEntries(entries), show(id) }`.
 *
 * @example
 *   const g = glossaryBrowser({ input, results, view, count, getEntry });
 *   g.setEntries(entries); g.show('two-upholds');
 */
export function glossaryBrowser({ input, results, view, count, getEntry }) {
  const doc = input.ownerDocument;
  let index = buildIndex([]);
  let shown = null;
  const LIMIT = 400;
  // New entries are indexed and listed when the page is idle, or at once when needed: at
  // start the page's first highlight comes first.
  let pending = null;
  let idle = 0;
  function flush() {
    if (!pending) return;
    index = buildIndex(pending);
    pending = null;
    list();
  }
  function list() {
    flush();
    const found = index.search(input.value);
    const frag = doc.createDocumentFragment();
    for (const e of found.slice(0, LIMIT)) {
      const li = el(doc, 'li', categoryClass(e.category));
      const a = el(doc, 'a');
      a.href = termHash(e.id);
      if (e.id === shown) a.setAttribute('aria-current', 'page');
      const zh = el(doc, 'span', 'g-zh', e.zh);
      zh.lang = 'zh-Hans';
      const py = el(doc, 'span', 'g-py', e.pinyin);
      py.lang = 'zh-Latn-pinyin';
      a.append(el(doc, 'span', 'tifa-swatch swatch'), el(doc, 'span', 'g-en', e.en), doc.createTextNode(' '), zh, doc.createTextNode(' '), py);
      li.append(a);
      frag.append(li);
    }
    results.replaceChildren(frag);
    const q = input.value.trim();
    count.textContent = q
      ? `${found.length} ${found.length === 1 ? 'entry matches' : 'entries match'} “${q}”.`
      : `${index.size} entries.`;
  }
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(list, 80);
  });
  return {
    setEntries(entries) {
      pending = entries;
      if (shown) {
        flush();
        this.show(shown, { focus: false });
      } else if (!idle) {
        const run = () => { idle = 0; flush(); };
        idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 100);
      }
    },
    show(id, { focus = true } = {}) {
      flush();
      shown = id;
      const entry = id ? getEntry(id) : undefined;
      if (!id) {
        view.replaceChildren(el(doc, 'p', 'empty', 'Choose an entry.'));
      } else {
        view.replaceChildren(glossaryEntry(doc, entry, {
          getEntry, onNavigate: (other) => { location.hash = termHash(other); },
        }));
        if (!entry) view.firstChild.append(el(doc, 'p', 'empty', `No entry “${id}” in the loaded dictionary.`));
      }
      for (const a of results.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
      if (id) results.querySelector(`a[href="${CSS.escape(termHash(id))}"]`)?.setAttribute('aria-current', 'page');
      if (focus && id) view.focus({ preventScroll: false });
    },
  };
}
