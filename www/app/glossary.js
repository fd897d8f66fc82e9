// The glossary browser: search every entry, filter and browse by category, export what is listed
// as a word list (CSV, Anki), show one entry with every field at #term/<id>. The list's state is
// in the URL: #glossary?category=discipline&q=two.
import { renderCard, KIND_LABELS, CATEGORY_LABELS } from '../lib/card.js';
import { buildIndex } from './search.js';
import { categoryLabel } from './report.js';
import { categoryClass } from './render.js';
import { saveText, formatBytes } from './download.js';
import { el } from './dom.js';


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
export function glossaryEntry(doc, entry, { getEntry, onNavigate, reportUrl }) {
  const wrap = el(doc, 'div', 'entry-view');
  const card = renderCard(doc, entry, {}, { getEntry, onNavigate, headingLevel: 2, reportUrl });
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
 * The list's state in a URL fragment: the category and the search, when set.
 *
 * @example glossaryHash({ category: 'discipline', q: 'two upholds' }) // '#glossary?category=discipline&q=two+upholds'
 * @example glossaryHash({}) // '#glossary'
 */
export function glossaryHash({ category = '', q = '' } = {}) {
  const p = new URLSearchParams();
  if (category) p.set('category', category);
  if (String(q).trim()) p.set('q', String(q).trim());
  const s = p.toString();
  return s ? `#glossary?${s}` : '#glossary';
}

/**
 * The list's state from a URL fragment, or null when the fragment is not the glossary list.
 * Malformed escapes are taken as written.
 *
 * @example parseGlossaryHash('#glossary?category=discipline&q=%E4%B8%A4') // { category: 'discipline', q: '两' }
 * @example parseGlossaryHash('#glossary') // { category: '', q: '' }
 * @example parseGlossaryHash('#term/two-upholds') // null
 */
export function parseGlossaryHash(hash) {
  const m = /^#?glossary(?:\?(.*))?$/s.exec(String(hash ?? ''));
  if (!m) return null;
  const p = new URLSearchParams(m[1] || '');
  return { category: p.get('category') || '', q: p.get('q') || '' };
}

const nf = new Intl.NumberFormat('en');
const entriesWord = (n) => `${nf.format(n)} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * Wires the glossary browser: `input` (search box), `category` (a <select> filter, filled
 * here), `results` (a list), `view` (entry pane), `count` (a live status line), `exports` (an
 * element holding `button[data-wordlist="csv"|"anki"]` and a `[role=status]` line), `link` (a
 * link to the glossary, kept pointing at the list's state), `whenComplete` (resolves when the
 * entries hold their card fields: the word lists wait for it). The list's state follows the URL
 * (`#glossary?category=…&q=…`) and is written back to it. `reportUrl(entry)`, when given, adds
 * "Report a problem with this entry" to the entry view (lib/feedback.js). Returns `{ setEntries(entries),
 * show(id), listed() }`.
 *
 * With an empty search the list is grouped under category headings, A–Z in each; with a search
 * it is one list, best match first. Either way the category filter applies.
 *
 * @example
 *   const g = glossaryBrowser({ input, category, results, view, count, exports, getEntry, whenComplete: cards });
 *   g.setEntries(entries); g.show('two-upholds');
 */
export function glossaryBrowser({ input, category, results, view, count, exports, link, getEntry, reportUrl, whenComplete = async () => {} }) {
  const doc = input.ownerDocument;
  const win = doc.defaultView;
  let index = buildIndex([]);
  let loaded = false;
  let shown = null;
  let rendered = null; // the state the list shows: `${category}\n${q}`
  // The categories in the vocabulary's order; others (from a custom dictionary) are added as seen.
  const order = Object.keys(CATEGORY_LABELS);
  const rank = new Map(order.map((c, i) => [c, i]));
  const options = new Map();
  if (category) {
    category.replaceChildren();
    const all = el(doc, 'option', null, 'All categories');
    all.value = '';
    category.append(all);
    options.set('', all);
    for (const c of order) addOption(c);
  }
  function addOption(c) {
    if (!rank.has(c)) rank.set(c, rank.size);
    if (!category || options.has(c)) return;
    const o = el(doc, 'option', null, categoryLabel(c));
    o.value = c;
    category.append(o);
    options.set(c, o);
  }
  // New entries are indexed and listed when they are needed: at once when the glossary is
  // shown, or in an idle moment when they arrive while it is shown. A reader who never opens
  // the glossary never pays for it (indexing and listing ~1,600 entries took about 0.35 s of
  // the main thread on every page load when it was done in the first idle moment).
  let pending = null;
  let idle = 0;
  /** Indexes entries that arrived; true if it did (the list is then stale). */
  function flush() {
    if (!pending) return false;
    index = buildIndex(pending);
    for (const e of pending) addOption(e.category);
    loaded = true;
    pending = null;
    rendered = null;
    return true;
  }

  const state = () => ({ category: category ? category.value : '', q: input.value.trim() });

  /** What the list shows: the entries (in its order), and the search's matches in every category. */
  function selection() {
    flush();
    const { category: cat, q } = state();
    const found = index.search(q);
    let listed = cat ? found.filter((e) => e.category === cat) : found;
    // Browsing (no search): grouped by category, A–Z within each (search() sorts by name).
    if (!q) {
      listed = listed.map((e, i) => [e, i]).sort((a, b) => rank.get(a[0].category) - rank.get(b[0].category) || a[1] - b[1]).map(([e]) => e);
    }
    return { cat, q, found, listed };
  }

  function item(e) {
    const li = el(doc, 'li', categoryClass(e.category));
    const a = el(doc, 'a');
    a.href = termHash(e.id);
    if (e.id === shown) a.setAttribute('aria-current', 'page');
    const zh = el(doc, 'span', 'g-zh', e.zh);
    zh.lang = 'zh-Hans';
    a.append(el(doc, 'span', 'tifa-swatch swatch'), el(doc, 'span', 'g-en', e.en), doc.createTextNode(' '), zh);
    if (e.pinyin) {
      const py = el(doc, 'span', 'g-py', e.pinyin);
      py.lang = 'zh-Latn-pinyin';
      a.append(doc.createTextNode(' '), py);
    }
    li.append(a);
    return li;
  }

  let lastKey = null;
  function list() {
    const { cat, q, found, listed } = selection();
    rendered = `${cat}\n${q}`;
    // Another filter or search starts the list at its top; new entries (card fields) keep the place.
    if (rendered !== lastKey) results.scrollTop = 0;
    lastKey = rendered;
    // Counts per category of what the search finds (every entry when there is no search).
    const per = new Map();
    for (const e of found) per.set(e.category, (per.get(e.category) || 0) + 1);
    if (category) {
      for (const [c, o] of options) {
        const n = c ? per.get(c) || 0 : found.length;
        o.textContent = `${c ? categoryLabel(c) : 'All categories'} (${nf.format(n)})`;
      }
    }
    const frag = doc.createDocumentFragment();
    if (q) {
      for (const e of listed) frag.append(item(e));
    } else {
      let group = null;
      for (const e of listed) {
        if (e.category !== group?.category) {
          const li = el(doc, 'li', `g-group ${categoryClass(e.category)}`);
          const h = el(doc, 'h2', 'g-heading');
          h.id = `g-group-${e.category}`;
          const name = cat ? el(doc, 'span', null, categoryLabel(e.category)) : el(doc, 'a', null, categoryLabel(e.category));
          if (!cat) name.href = glossaryHash({ category: e.category });
          h.append(el(doc, 'span', 'tifa-swatch swatch'), name, doc.createTextNode(' '), el(doc, 'span', 'g-n', `(${nf.format(per.get(e.category) || 0)})`));
          const ul = el(doc, 'ul', 'g-list');
          ul.setAttribute('aria-labelledby', h.id);
          li.append(h, ul);
          frag.append(li);
          group = { category: e.category, ul };
        }
        group.ul.append(item(e));
      }
    }
    results.replaceChildren(frag);
    const where = cat ? ` in ${categoryLabel(cat)}` : '';
    if (!loaded) count.textContent = 'Loading the dictionary…';
    else if (!q) count.textContent = `${entriesWord(listed.length)}${where}${cat ? '' : ', by category'}.`;
    else {
      const verb = listed.length === 1 ? 'matches' : 'match';
      const also = cat && found.length !== listed.length ? ` (${nf.format(found.length)} in all categories)` : '';
      count.textContent = `${entriesWord(listed.length)}${where} ${verb} “${q}”${also}.`;
    }
  }

  /** Lists the current state and writes it to the URL (when the URL shows the list) and the link. */
  function changed() {
    list();
    const hash = glossaryHash(state());
    if (link) link.setAttribute('href', hash);
    if (parseGlossaryHash(win.location.hash) && win.location.hash !== hash) {
      win.history.replaceState(win.history.state, '', hash);
    }
  }
  /** Shows the state of a `#glossary?…` URL (at start and on navigation). */
  function follow() {
    const s = parseGlossaryHash(win.location.hash);
    if (!s) return;
    input.value = s.q;
    if (category) category.value = options.has(s.category) ? s.category : '';
    if (link) link.setAttribute('href', glossaryHash(state()));
    if (rendered !== `${state().category}\n${state().q}` && (loaded || pending)) list();
    else if (!loaded && !pending) count.textContent = 'Loading the dictionary…';
  }
  win.addEventListener('hashchange', follow);
  follow();

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(changed, 80);
  });
  category?.addEventListener('change', () => {
    clearTimeout(timer);
    changed();
  });

  // ---- word lists of what is listed ----
  const status = exports?.querySelector('[role="status"]');
  for (const b of exports ? exports.querySelectorAll('button[data-wordlist]') : []) {
    b.addEventListener('click', async () => {
      const format = b.getAttribute('data-wordlist');
      const say = (text) => { if (status) status.textContent = text; };
      say(`Preparing the ${format === 'anki' ? 'Anki' : 'CSV'} word list…`);
      try {
        // Glosses, explanations, sources and forms arrive after start: wait for them.
        const [lib] = await Promise.all([import('./wordlist.js'), whenComplete()]);
        if (flush()) list();
        const { cat, q, listed } = selection();
        if (!listed.length) {
          say('Nothing to export: no entry is listed.');
          return;
        }
        const stem = ['tifa-glossary', cat, q ? 'search' : ''].filter(Boolean).join('-');
        const filename = lib.wordlistFilename(stem, format);
        // The CSV starts with a byte order mark: without it, Excel reads UTF-8 Chinese as mojibake.
        const body = format === 'anki' ? lib.wordlistAnki(listed) : `\uFEFF${lib.wordlistCsv(listed)}`;
        saveText(body, lib.WORDLIST_TYPES[format], filename, doc);
        say(`Saved ${filename}: ${entriesWord(listed.length)} (${formatBytes(new Blob([body]).size)}).`);
      } catch (err) {
        say(`Export failed: ${err.message}`);
      }
    });
  }

  return {
    setEntries(entries) {
      pending = entries;
      if (shown) {
        this.show(shown, { focus: false });
      } else if (!idle && !results.closest('[hidden]')) {
        const run = () => { idle = 0; if (flush()) list(); };
        idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 100);
      }
    },
    /** The glossary's list became visible: index and list what arrived since (no-op if nothing did). */
    reveal() {
      if (flush()) list();
    },
    show(id, { focus = true } = {}) {
      if (flush()) list();
      shown = id;
      const entry = id ? getEntry(id) : undefined;
      if (!id) {
        view.replaceChildren(el(doc, 'p', 'empty', 'Choose an entry.'));
      } else {
        view.replaceChildren(glossaryEntry(doc, entry, {
          getEntry, reportUrl, onNavigate: (other) => { location.hash = termHash(other); },
        }));
        if (!entry) view.firstChild.append(el(doc, 'p', 'empty', `No entry “${id}” in the loaded dictionary.`));
      }
      for (const a of results.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
      if (id) results.querySelector(`a[href="${CSS.escape(termHash(id))}"]`)?.setAttribute('aria-current', 'page');
      if (focus && id) view.focus({ preventScroll: false });
    },
    /** The entries the list shows, in its order (what the word lists export). */
    listed: () => selection().listed,
  };
}
