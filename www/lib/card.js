// The content of a tifa tooltip (and of the page's entry view): one dictionary entry, explained,
// built as DOM. Shared by the page, the embed and the tooltip: there is no second copy.
//
// Every dictionary field and every piece of matched text reaches the DOM through textContent,
// createTextNode or setAttribute only.

// The labels of kinds, context reasons and categories come from the vocabulary
// (src/vocabulary.toml, written into lib/vocabulary.js): re-exported here for the card's users.
import { KIND_LABELS, CONTEXT_LABELS, CATEGORY_LABELS } from './vocabulary.js';

export { KIND_LABELS, CONTEXT_LABELS, CATEGORY_LABELS };

/**
 * Reads the match description that a highlight carries in its `data-tifa-*` attributes
 * (the highlight contract shared by page and embed). Pieces of one match (same
 * `data-tifa-occurrence`) inside `scope` are joined to give the matched text.
 *
 * @example
 *   const m = matchFromElement(markEl);
 *   // { id: 'two-upholds', form: 'two maintenances', kind: 'mt', context: undefined,
 *   //   nested: [], text: 'two maintenances', occurrence: '3' }
 * @param {Element} el a highlight element (has `data-tifa-term`)
 * @param {Document|Element|ShadowRoot} [scope] where to look for the other pieces (default: el's root)
 */
export function matchFromElement(el, scope) {
  const occurrence = el.getAttribute('data-tifa-occurrence') || undefined;
  let text = el.textContent;
  if (occurrence != null) {
    const root = scope || el.getRootNode();
    if (root && typeof root.querySelectorAll === 'function') {
      const pieces = root.querySelectorAll(`[data-tifa-occurrence="${cssEscape(occurrence)}"]`);
      if (pieces.length > 1) text = Array.from(pieces, (p) => p.textContent).join('');
    }
  }
  const nested = (el.getAttribute('data-tifa-nested') || '').split(/\s+/).filter(Boolean);
  const formIndex = el.getAttribute('data-tifa-form-index');
  return {
    id: el.getAttribute('data-tifa-term') || '',
    form: el.getAttribute('data-tifa-form') || undefined,
    formIndex: formIndex && /^\d+$/.test(formIndex) ? Number(formIndex) : undefined,
    kind: el.getAttribute('data-tifa-kind') || undefined,
    context: el.getAttribute('data-tifa-context') || undefined,
    nested,
    text,
    occurrence,
  };
}

function cssEscape(s) {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
}

/**
 * Builds the explanation card of one entry, as seen from one match, as DOM.
 *
 * Shows: the Chinese (simplified and traditional), pinyin, the official English, how the matched
 * form relates to it ("'two maintenances' is a machine-translation rendering of 两个维护
 * (official: Two Upholds)"), why a context-gated form counted, the gloss, the explanation, the
 * year, the nested terms and related terms (buttons calling `onNavigate(id)`), and the sources.
 *
 * @example
 *   const card = renderCard(document, tifa.entry('two-upholds'),
 *     { form: 'two maintenances', kind: 'mt', nested: [], text: 'two maintenances' },
 *     { getEntry: (id) => tifa.entry(id), onNavigate: (id) => show(id) });
 *   container.replaceChildren(card);
 * @param {Document} doc the document that will own the nodes
 * @param {object|undefined} entry a tifa Entry (`tifa.entry(id)`)
 * @param {object} [match] `{ form, kind, context, nested: [ids], text }`, or `{}` for the bare entry
 * `termUrl(id)` and `reportUrl(entry)`, when given, add links to the entry's own page and to a
 * pre-filled problem report (lib/feedback.js).
 *
 * @param {{ getEntry?: (id: string) => object|undefined, onNavigate?: (id: string) => void, headingLevel?: number,
 *   termUrl?: (id: string) => string, reportUrl?: (entry: object) => string }} [options]
 * @returns {HTMLElement} an `<article class="tifa-card">`
 */
export function renderCard(doc, entry, match = {}, { getEntry = () => undefined, onNavigate, headingLevel = 2, termUrl, reportUrl } = {}) {
  const el = (tag, cls, text) => {
    const n = doc.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    return n;
  };
  const card = el('article', 'tifa-card');
  match = match || {};
  if (!entry) {
    card.append(el('p', 'tifa-card-missing', `Unknown term${match.id ? ` "${match.id}"` : ''}: it is not in the loaded dictionary.`));
    return card;
  }
  card.setAttribute('data-tifa-entry', entry.id);
  if (entry.category) card.classList.add(`tifa-cat-${entry.category}`);
  const titleId = `tifa-card-title-${uid()}`;
  card.setAttribute('aria-labelledby', titleId);

  // Heading: Chinese, traditional, pinyin, English.
  const head = el('header', 'tifa-card-head');
  const h = el(`h${Math.min(6, Math.max(1, headingLevel))}`, 'tifa-card-title');
  h.id = titleId;
  const zh = el('span', 'tifa-card-zh', entry.zh);
  zh.lang = 'zh-Hans';
  h.append(zh);
  if (entry.zh_hant && entry.zh_hant !== entry.zh) {
    const hant = el('span', 'tifa-card-zh-hant', entry.zh_hant);
    hant.lang = 'zh-Hant';
    h.append(doc.createTextNode(' '), hant);
  }
  head.append(h);
  if (entry.pinyin) {
    const py = el('p', 'tifa-card-pinyin', entry.pinyin);
    py.lang = 'zh-Latn-pinyin';
    head.append(py);
  }
  if (entry.en) head.append(el('p', 'tifa-card-en', entry.en));
  const meta = el('p', 'tifa-card-meta');
  if (entry.category) meta.append(el('span', 'tifa-card-category', CATEGORY_LABELS[entry.category] || entry.category));
  if (entry.since) {
    if (meta.childNodes.length) meta.append(doc.createTextNode(' · '));
    meta.append(el('span', 'tifa-card-since', `in official use since ${entry.since}`));
  }
  if (entry.local) {
    if (meta.childNodes.length) meta.append(doc.createTextNode(' · '));
    meta.append(el('span', 'tifa-card-local', 'local campaign'));
  }
  if (meta.childNodes.length) head.append(meta);
  card.append(head);

  // How the matched form relates to the entry.
  const formNote = describeForm(entry, match);
  if (formNote) card.append(el('p', 'tifa-card-form', formNote));
  if (match.context && CONTEXT_LABELS[match.context]) {
    card.append(el('p', 'tifa-card-context', `Counted as a Party term because ${CONTEXT_LABELS[match.context]}.`));
  }

  if (entry.gloss) card.append(el('p', 'tifa-card-gloss', entry.gloss));
  if (entry.explanation) {
    const ex = el('div', 'tifa-card-explanation');
    for (const para of String(entry.explanation).trim().split(/\n\s*\n/)) {
      ex.append(el('p', null, para.replace(/\s*\n\s*/g, ' ')));
    }
    card.append(ex);
  }

  const links = (label, cls, ids) => {
    const seen = new Set();
    const list = ids.filter((id) => id && id !== entry.id && !seen.has(id) && seen.add(id));
    if (!list.length) return;
    const sec = el('section', `tifa-card-links ${cls}`);
    const lid = `tifa-card-${cls}-${uid()}`;
    const lab = el('h3', 'tifa-card-label', label);
    lab.id = lid;
    sec.setAttribute('aria-labelledby', lid);
    const ul = el('ul', 'tifa-card-link-list');
    for (const id of list) {
      const other = getEntry(id);
      const li = el('li');
      const name = other ? `${other.en}${other.zh ? ` ${other.zh}` : ''}` : id;
      if (onNavigate && other) {
        const b = el('button', 'tifa-card-link', name);
        b.type = 'button';
        b.setAttribute('data-tifa-goto', id);
        b.addEventListener('click', (ev) => { ev.preventDefault(); ev.stopPropagation(); onNavigate(id); });
        li.append(b);
      } else {
        li.append(el('span', 'tifa-card-link', name));
      }
      ul.append(li);
    }
    sec.append(lab, ul);
    card.append(sec);
  };
  links('Contains', 'nested', Array.isArray(match.nested) ? match.nested : []);
  links('Related', 'related', Array.isArray(entry.related) ? entry.related : []);

  if (Array.isArray(entry.sources) && entry.sources.length) {
    const sec = el('section', 'tifa-card-sources');
    const lid = `tifa-card-sources-${uid()}`;
    const lab = el('h3', 'tifa-card-label', entry.sources.length > 1 ? 'Sources' : 'Source');
    lab.id = lid;
    sec.setAttribute('aria-labelledby', lid);
    const ul = el('ul');
    for (const s of entry.sources) ul.append(el('li', null, s));
    sec.append(lab, ul);
    card.append(sec);
  }
  const foot = el('p', 'tifa-card-foot');
  const link = (href, text) => {
    if (!href) return;
    if (foot.childNodes.length) foot.append(doc.createTextNode(' · '));
    const a = el('a', null, text);
    a.href = href;
    if (!href.startsWith('#')) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    foot.append(a);
  };
  link(termUrl?.(entry.id), 'Entry page');
  link(reportUrl?.(entry), 'Report a problem with this entry');
  if (foot.childNodes.length) card.append(foot);
  return card;
}

/**
 * One sentence on how a matched form relates to its entry, or '' when the match is the
 * entry's own Chinese or official English.
 *
 * The form's definition is `entry.forms[match.formIndex]` when the engine gave its index (the
 * page and the embed do) and that form's text is the match's form; a match known only by its
 * text (a hand-made one, or one whose index came from an engine with fewer forms) is looked up
 * by it.
 *
 * @example
 *   describeForm(entry, { form: 'two maintenances', formIndex: 3, kind: 'mt' })
 *   // "'two maintenances' is a machine-translation rendering of 两个维护 (official: Two Upholds)."
 */
export function describeForm(entry, match = {}) {
  const forms = entry && Array.isArray(entry.forms) ? entry.forms : [];
  let indexed = Number.isInteger(match.formIndex) ? forms[match.formIndex] : undefined;
  // An index from an engine with fewer forms than `entry`'s (the embed's, before it loaded the
  // forms of another script) may name another form: trusted only when the texts agree.
  if (indexed && match.form && indexed.text !== match.form) indexed = undefined;
  const form = indexed?.text || match.form || match.text;
  if (!entry || !form) return '';
  const fold = (s) => String(s || '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const f = fold(form);
  const def = indexed || forms.find((x) => fold(x.text) === f);
  const kind = match.kind || def?.kind;
  if (f === fold(entry.zh) || f === fold(entry.zh_hant)) return '';
  if (f === fold(entry.en) && (!kind || kind === 'official')) return '';
  // Quote what the text says ("two maintenances"), not the dictionary form it matched.
  const shown = match.text ? String(match.text).replace(/\s+/g, ' ').trim() : form;
  // An entry whose English is our own description (no official rendering found) says so.
  const en = entry.en_descriptive ? `no official English; described as: ${entry.en}` : `official: ${entry.en}`;
  let s = `'${shown}' is ${KIND_LABELS[kind] || 'a rendering'} of ${entry.zh} (${en})`;
  const dates = def && (def.since || def.until)
    ? (def.since && def.until ? `used ${def.since}–${def.until}` : def.since ? `since ${def.since}` : `until ${def.until}`)
    : '';
  const extra = [dates, def?.note].filter(Boolean).join('; ');
  if (extra) s += `; ${extra}`;
  return `${s}.`;
}

let counter = 0;
function uid() {
  counter += 1;
  return `${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The card's stylesheet as CSS text, for a constructed `CSSStyleSheet` (the tooltip adopts
 * it in its shadow root; the page may adopt it too). Colours come from custom properties so a
 * host can theme them: `--tifa-tooltip-bg`, `--tifa-tooltip-fg`, `--tifa-tooltip-muted`,
 * `--tifa-tooltip-accent`, `--tifa-tooltip-border`, `--tifa-tooltip-font`.
 *
 * @example
 *   const sheet = new CSSStyleSheet(); sheet.replaceSync(CARD_CSS);
 *   shadowRoot.adoptedStyleSheets = [sheet];
 */
export const CARD_CSS = `
.tifa-card { font: 14px/1.45 var(--tifa-tooltip-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif);
  color: var(--tifa-fg, CanvasText); text-align: start; overflow-wrap: anywhere; }
.tifa-card * { box-sizing: border-box; }
.tifa-card p, .tifa-card ul, .tifa-card h1, .tifa-card h2, .tifa-card h3, .tifa-card h4 { margin: 0; padding: 0; }
.tifa-card > * + * { margin-top: .5em; }
.tifa-card-title { font-size: 1.3em; font-weight: 600; line-height: 1.25; }
.tifa-card-zh-hant { color: var(--tifa-muted, #555); font-weight: 400; font-size: .85em; }
.tifa-card-pinyin { font-style: italic; color: var(--tifa-muted, #555); }
.tifa-card-en { font-weight: 600; }
.tifa-card-meta { font-size: .85em; color: var(--tifa-muted, #555); }
.tifa-card-category { text-transform: none; }
.tifa-card-form, .tifa-card-context { font-size: .9em; border-inline-start: 3px solid var(--tifa-accent, #8a1c1c); padding-inline-start: .5em; }
.tifa-card-gloss { font-weight: 600; }
.tifa-card-explanation p + p { margin-top: .4em; }
.tifa-card-label { font-size: .8em; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--tifa-muted, #555); }
.tifa-card-link-list { list-style: none; display: flex; flex-wrap: wrap; gap: .3em; margin-top: .2em; }
.tifa-card-sources ul { list-style: disc; padding-inline-start: 1.2em; font-size: .85em; color: var(--tifa-muted, #555); }
button.tifa-card-link { font: inherit; font-size: .9em; color: var(--tifa-accent, #8a1c1c); background: transparent;
  border: 1px solid var(--tifa-border, #bbb); border-radius: 1em; padding: .1em .6em; cursor: pointer; }
button.tifa-card-link:hover { background: var(--tifa-hover, rgba(128,128,128,.15)); }
button.tifa-card-link:focus-visible { outline: 2px solid var(--tifa-accent, #8a1c1c); outline-offset: 1px; }
.tifa-card-missing { color: var(--tifa-muted, #555); }
.tifa-card-foot { font-size: .85em; color: var(--tifa-muted, #555); }
.tifa-card-foot a { color: var(--tifa-accent, #8a1c1c); }
`;
