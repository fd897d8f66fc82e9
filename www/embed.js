// tifa embed: highlights Chinese Communist Party set phrases on any page and explains them in
// isolated tooltips. Three ways in, one module:
//
//   <script type="module" src="https://example.org/tifa/embed.js" data-tifa-root="article"></script>
//   import { highlight, unhighlight } from 'https://example.org/tifa/embed.js';
//   <tifa-text>…text to highlight…</tifa-text>
//
// If the engine cannot load (no WebAssembly, a 404, a CSP without 'wasm-unsafe-eval'), the page
// is left untouched and one console warning names the cause and the fix.
import { loadTifa, loadCards, TifaLoadError, CSP_FIX, EMBED, scriptWeights, scriptsIn, scriptsOf, missingScripts, withScripts, widenFor } from './lib/engine.js';
import { highlightTree, refreshTree, engineOf, unhighlightTree, disconnectTree, summaryOf, eachText } from './lib/highlight.js';
// The tooltip code (and the card renderer it imports) is loaded after the first highlight.

export { TifaLoadError, CSP_FIX };

/** The categories of the dictionary, for the `categories` option. */
import { CATEGORIES } from './lib/vocabulary.js';

export { CATEGORIES };
export const THEMES = Object.freeze(['auto', 'light', 'dark']);
/** How much context short, ambiguous forms need (README, "Matching rules"). */
export const SENSITIVITIES = Object.freeze(['strict', 'default', 'all']);

const HERE = new URL('./', import.meta.url).href;
const warned = new Set();
/** Logs `message` once per page (the embed never floods a host's console). */
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

// One tooltip controller per document, resolving ids across every Tifa instance in use. Its
// code arrives after the first highlight: `tips` is null until then (`ready` settles it).
const tooltipState = new WeakMap(); // Document -> { tips, ready, engines: Set, roots: Set, cache: Map }
let tooltipCode = null;
/** Imports the tooltip module once (after the first highlight, not before). */
function loadTooltipCode() {
  if (!tooltipCode) {
    tooltipCode = import('./lib/tooltip.js');
    tooltipCode.catch(() => { tooltipCode = null; });
  }
  return tooltipCode;
}

function tooltipsFor(doc, engine) {
  let st = tooltipState.get(doc);
  if (!st) {
    st = { engines: new Set(), roots: new Set(), cache: new Map(), tips: null, ready: null };
    tooltipState.set(doc, st);
  }
  if (!st.engines.has(engine)) { st.engines.add(engine); st.cache.clear(); }
  return st;
}

/** Attaches the document's tooltips once their code has loaded; resolves when they work. */
function attachTips(doc, st, theme) {
  if (!st.ready) {
    const getEntry = (id) => {
      if (st.cache.has(id)) return st.cache.get(id);
      for (const e of st.engines) {
        const entry = e.entry(id);
        if (!entry) continue;
        // Before the card part has arrived: show what there is, ask for the rest, cache nothing.
        if (!e.hasCards) fetchCards(e, st);
        else st.cache.set(id, entry);
        return entry;
      }
      return undefined;
    };
    st.ready = loadTooltipCode().then(({ attachTooltips }) => {
      // unhighlight() may have removed every root meanwhile: then attach nothing.
      if (tooltipState.get(doc) === st) st.tips = attachTooltips(doc, { getEntry, theme });
    }, (err) => {
      st.ready = null;
      warnOnce(`tifa: the tooltips could not be loaded (${err && err.message ? err.message : err}); the highlights stay without them.`);
    });
  }
  return st.ready;
}

/** Loads the dictionary's card part for `engine` once; the tooltips then show full cards. */
function fetchCards(engine, st) {
  // A tooltip opened before the card part arrived is drawn again, now with its explanation.
  loadCards(engine).then(() => { st.cache.clear(); st.tips?.refresh(); }, (err) => warnOnce(`tifa: the explanations could not be loaded (${err.message}); tooltips show the terms only.`));
}

/** The scan reads this many characters of a page at most to weigh its scripts (its first screens:
 * enough to tell the main script, and little work before the first highlight). */
const SCAN_CHARS = 20_000;

/**
 * The scripts ('en', 'zh') of the text the embed would highlight under `roots`, the one with
 * more text first ({@link scriptWeights}; English on a tie). (The English machine-translation
 * forms, 'mt', come after the first highlight: see {@link highlightOne}.)
 */
function scriptsOfTrees(roots, exclude) {
  const weight = { en: 0, zh: 0 };
  let read = 0;
  for (const root of roots) {
    eachText(root, exclude, (data) => {
      const w = scriptWeights(data);
      weight.en += w.en;
      weight.zh += w.zh;
      read += data.length;
      return read >= SCAN_CHARS;
    });
    if (read >= SCAN_CHARS) break;
  }
  return ['en', 'zh'].filter((s) => weight[s] > 0).sort((a, b) => weight[b] - weight[a]);
}

/** The most text (UTF-16 units) a first engine is scoped to: past it, the engine has every form
 * (a page that long holds most of the dictionary's words anyway). */
const SCOPE_CHARS = 200_000;

/**
 * The text the first engine is scoped to: every text node under `roots` that the embed would
 * highlight, joined as they stand (inline nodes make one word across them) and one per line
 * (blocks), so that whatever batches the session cuts, their words are in it; null for more
 * than {@link SCOPE_CHARS}.
 */
function scopeText(roots, exclude) {
  const parts = [];
  let n = 0;
  for (const root of roots) {
    eachText(root, exclude, (data) => {
      parts.push(data);
      n += data.length;
      return n > SCOPE_CHARS;
    });
    if (n > SCOPE_CHARS) return null;
  }
  return `${parts.join('')}\n${parts.join('\n')}`;
}

const SCRIPT_NAMES = { en: 'English', zh: 'Chinese', mt: 'English machine-translation' };
const unavailable = new Set(); // scripts whose part could not be fetched: warned once, not asked again

/**
 * For the highlighting session: null when `engine` has the forms `text` needs, else a promise
 * of the engine that has them (their part fetched; a failure warns once and rejects).
 */
function ensureScripts(engine, text, deferred = []) {
  // The machine-translation forms are never asked for here: they come after the first
  // highlight, and the whole root is matched again with them (`completeWithMt`).
  const missing = missingScripts(engine, text).filter((s) => s !== 'mt' && !unavailable.has(s) && !deferred.includes(s));
  // A scoped engine (the first one) whose words the text goes beyond: a wider one.
  if (!missing.length) return widenFor(engine, text);
  return withScripts(engine, missing, text).catch((err) => {
    missing.forEach((s) => unavailable.add(s));
    warnOnce(`tifa: the ${missing.map((s) => SCRIPT_NAMES[s]).join(' and ')} forms of the dictionary could not be loaded (${err && err.message ? err.message : err}); text in that script is not highlighted.`);
    throw err;
  });
}

/**
 * After the first highlight of `root` with an engine that has the English forms but not their
 * machine-translation ones (the embed's first engine: `tifa.match.mt.bin` is a third of the
 * English forms' bytes, and not needed to show the first marks): fetches that part at once (not
 * on idle: these are matches the reader needs), and matches the root again with the engine
 * that has it, highlighting again the blocks whose matches change (`refreshTree`), so that the
 * page ends as the whole dictionary highlights it. A part that cannot be fetched leaves the
 * highlights as they are and warns once. Resolves when done.
 */
async function completeWithMt(root, engine, exclude) {
  const has = scriptsIn(engine);
  if (!has.includes('en') || has.includes('mt') || unavailable.has('mt')) return;
  let latin = false;
  eachText(root, exclude, (data) => (latin = scriptsOf(data, ['mt']).length > 0));
  if (!latin) return;
  let full;
  try {
    full = await withScripts(engine, ['mt']);
  } catch (err) {
    unavailable.add('mt');
    warnOnce(`tifa: the ${SCRIPT_NAMES.mt} forms of the dictionary could not be loaded (${err && err.message ? err.message : err}); the text is highlighted without them.`);
    return;
  }
  await refreshTree(root, full);
}

/** Runs `fn` when the page is idle (or soon, where there is no requestIdleCallback). */
function whenIdle(fn) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 300);
}

/**
 * Highlights tifa terms under `root` (an Element, a Document, a ShadowRoot, or a CSS selector
 * for several elements), attaches the tooltips, and keeps highlighting content added later.
 * Resolves to a handle with live counts. Rejects with a `TifaLoadError` (with `.code` and
 * `.fix`) when the engine cannot load; the page is then untouched.
 *
 * @example
 *   import { highlight, unhighlight } from './embed.js';
 *   const h = await highlight(document.querySelector('article'), { categories: ['leadership'], firstOnly: true });
 *   console.log(h.count, h.terms);   // 4 { 'two-upholds': 1, 'two-establishments': 1, ... }
 *   h.disconnect();                   // stop watching for new content, keep the highlights
 *   unhighlight(h.root);              // or h.unhighlight(): back to the original DOM
 * @param {Element|Document|ShadowRoot|string} [root=document.body]
 * @param {{ categories?: string[], firstOnly?: boolean, exclude?: string, dictionaryUrl?: string, theme?: 'auto'|'light'|'dark',
 *           base?: string, observe?: boolean, tooltips?: boolean, sensitivity?: 'strict'|'default'|'all' }} [options]
 * @returns {Promise<{ root, readonly count: number, readonly marks: number, readonly terms: Record<string, number>,
 *           disconnect(): void, unhighlight(): number }>}
 */
export async function highlight(root = document.body, options = {}) {
  const opts = normalizeOptions(options, (m) => warnOnce(`tifa: ${m}`));
  if (typeof root === 'string') {
    let els;
    try { els = [...document.querySelectorAll(root)]; } catch {
      throw new TypeError(`tifa: highlight(${JSON.stringify(root)}): not a valid CSS selector.`);
    }
    // One engine for them all: the scripts of every element's text.
    const scripts = scriptsOfTrees(els, opts.exclude);
    const handles = await Promise.all(els.map((el) => highlightOne(el, opts, scripts, els)));
    return combine(handles);
  }
  if (!root || !root.nodeType) throw new TypeError('tifa: highlight(root): root must be an Element, Document, ShadowRoot or selector.');
  if (root.nodeType === 9) root = root.body || root.documentElement;
  return highlightOne(root, opts, null);
}

/**
 * `highlight` of one root with validated options. The built-in dictionary's forms are loaded
 * for the scripts of the root's text (`scripts`, or a scan of it, the one with more text
 * first): the English forms when it has Latin letters, the Chinese ones when it has Han
 * characters. A page with both is highlighted first with the forms of its main script alone,
 * so that the first highlight waits for one part: its first batch of text (a whole article) is
 * matched so, then the other part is fetched, for the next batch or for a second walk of the
 * root (what is highlighted is skipped), before the handle resolves. Text of another
 * script added later makes the session fetch that part and match on with the engine that has it.
 * The English forms come without their machine-translation ones (`tifa.match.mt.bin`): that
 * part is fetched right after the first highlight, and the root matched again with it
 * ({@link completeWithMt}) before the handle resolves, so the handle's counts and the marks
 * are those of the whole dictionary.
 */
async function highlightOne(root, opts, scripts, roots) {
  const doc = root.ownerDocument || document;
  let engine;
  const order = scripts || scriptsOfTrees([root], opts.exclude);
  // The scripts the first batch leaves for later: an article is one batch, so its first
  // highlight waits for one part; a longer text's next batch asks for the rest.
  const deferred = order.slice(1);
  let batches = 0;
  // The first engine is scoped to the root's text (only the forms whose words occur in it:
  // it builds in a fraction of the time and memory, and finds there what the whole one finds);
  // text it does not cover (added later) gets a wider one (`ensureScripts`).
  const scope = scopeText(roots || [root], opts.exclude);
  const builtin = () => loadTifa({ base: opts.base, module: EMBED, scripts: order.slice(0, 1), ...(scope === null ? {} : { scope }) });
  if (opts.dictionaryUrl) {
    try {
      engine = await loadTifa({ base: opts.base, dictionaryUrl: opts.dictionaryUrl });
    } catch (err) {
      if (!(err instanceof TifaLoadError) || err.code !== 'dictionary') throw err;
      // A bad custom dictionary falls back to the built-in one.
      warnOnce(`${err.message} Using the built-in dictionary.`);
      engine = await builtin();
    }
  } else engine = await builtin();
  const st = opts.tooltips ? tooltipsFor(doc, engine) : null;
  if (st) st.roots.add(root);
  // A session that meets text of a script its engine lacks moves to an engine that has it:
  // the tooltips look entries up there (the same entries, with more forms).
  const onEngine = (next) => {
    if (st) {
      st.engines.delete(engine);
      st.engines.add(next);
      st.cache.clear();
      if (st.tips) whenIdle(() => fetchCards(next, st));
    }
    engine = next;
  };
  const options = {
    categories: opts.categories, firstOnly: opts.firstOnly, exclude: opts.exclude, observe: opts.observe, theme: opts.theme,
    sensitivity: opts.sensitivity, ensure: (e, text) => ensureScripts(e, text, batches++ === 0 ? deferred : []), onEngine,
  };
  await highlightTree(root, engine, options);
  if (deferred.some((s) => !scriptsIn(engine).includes(s) && !unavailable.has(s))) {
    // One batch was all (an article): the other script's part now, and the root walked again
    // with it (what is highlighted is skipped).
    await highlightTree(root, engine, options);
  }
  // The tooltip code comes after the first highlight (while the machine-translation forms are
  // fetched); the cards after that, when the page is idle.
  const tips = st ? attachTips(doc, st, opts.theme) : null;
  // The English machine-translation forms, at once (not on idle), and every block matched again.
  // (With the session's engine: a root highlighted before keeps its own, which may have them.)
  await completeWithMt(root, engineOf(root) || engine, opts.exclude);
  if (st) {
    await tips;
    whenIdle(() => fetchCards(engine, st));
  }
  return handleFor(root);
}

function handleFor(root) {
  return {
    root,
    get count() { return summaryOf(root)?.count ?? 0; },
    get marks() { return summaryOf(root)?.marks ?? 0; },
    get terms() { return summaryOf(root)?.terms ?? {}; },
    get longestTaskMs() { return summaryOf(root)?.longestTaskMs ?? 0; },
    get scriptMs() { return summaryOf(root)?.scriptMs ?? 0; },
    disconnect: () => disconnectTree(root),
    unhighlight: () => unhighlight(root),
  };
}

function combine(handles) {
  const sum = (k) => handles.reduce((n, h) => n + h[k], 0);
  return {
    root: handles.map((h) => h.root),
    get count() { return sum('count'); },
    get marks() { return sum('marks'); },
    get terms() {
      const t = {};
      for (const h of handles) for (const [id, n] of Object.entries(h.terms)) t[id] = (t[id] || 0) + n;
      return t;
    },
    get longestTaskMs() { return Math.max(0, ...handles.map((h) => h.longestTaskMs)); },
    disconnect: () => handles.forEach((h) => h.disconnect()),
    unhighlight: () => handles.reduce((n, h) => n + h.unhighlight(), 0),
  };
}

/**
 * Removes what `highlight` added under `root` (an Element, Document, ShadowRoot or selector),
 * restoring the original DOM exactly, and stops observing it. Returns the number of
 * occurrences removed.
 *
 * @example
 *   unhighlight(document.querySelector('article')); // -> 4
 */
export function unhighlight(root = document.body) {
  if (typeof root === 'string') return [...document.querySelectorAll(root)].reduce((n, el) => n + unhighlight(el), 0);
  if (!root) return 0;
  if (root.nodeType === 9) root = root.body || root.documentElement;
  const doc = root.ownerDocument || document;
  const st = tooltipState.get(doc);
  if (st) {
    st.tips?.close();
    st.roots.delete(root);
    if (st.roots.size === 0) { st.tips?.destroy(); tooltipState.delete(doc); }
  }
  return unhighlightTree(root);
}

/**
 * Stops watching `root` for added content; the highlights stay.
 * @example disconnect(document.querySelector('article'));
 */
export function disconnect(root = document.body) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  disconnectTree(root);
}

/**
 * Highlights `root` if it is not highlighted, else removes the highlights (the bookmarklet).
 * @example toggle(document.body);
 */
export async function toggle(root = document.body, options = {}) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  if (summaryOf(root)) return { removed: unhighlight(root) };
  return highlight(root, options);
}

// Options ------------------------------------------------------------------------------------

const isSelector = (s) => {
  try { document.createDocumentFragment().querySelector(s); return true; } catch { return false; }
};

/**
 * Validates options (from the JS API or parsed from attributes); every bad value is reported
 * through `warn` and replaced by its default.
 *
 * @example
 *   normalizeOptions({ categories: ['leadership', 'nope'], theme: 'pink' }, console.warn)
 *   // warns twice; -> { categories: ['leadership'], theme: 'auto', firstOnly: false, ... }
 */
export function normalizeOptions(o = {}, warn = () => {}) {
  const out = { categories: null, firstOnly: false, exclude: undefined, dictionaryUrl: undefined, theme: 'auto', base: HERE, observe: true, tooltips: true, sensitivity: 'default' };
  if (o.sensitivity != null && o.sensitivity !== '') {
    const v = String(o.sensitivity).trim().toLowerCase();
    if (SENSITIVITIES.includes(v)) out.sensitivity = v;
    else warn(`sensitivity ${JSON.stringify(String(o.sensitivity))} is not one of ${SENSITIVITIES.join(', ')}; using default.`);
  }
  if (o.categories != null) {
    const list = typeof o.categories === 'string' ? o.categories.split(/[\s,]+/) : Array.from(o.categories, String);
    const wanted = list.map((c) => c.trim().toLowerCase()).filter(Boolean);
    const bad = wanted.filter((c) => !CATEGORIES.includes(c));
    if (bad.length) warn(`unknown categor${bad.length > 1 ? 'ies' : 'y'} ${bad.map((c) => JSON.stringify(c)).join(', ')} ignored; the categories are: ${CATEGORIES.join(', ')}.`);
    const good = wanted.filter((c) => CATEGORIES.includes(c));
    out.categories = good.length ? good : null;
    if (!good.length && wanted.length) warn('no valid category given: highlighting every category.');
  }
  if (o.firstOnly != null) {
    const v = parseBool(o.firstOnly);
    if (v == null) warn(`first-occurrence option ${JSON.stringify(String(o.firstOnly))} is not true/false; using false.`);
    else out.firstOnly = v;
  }
  if (o.observe != null) {
    const v = parseBool(o.observe);
    if (v == null) warn(`observe option ${JSON.stringify(String(o.observe))} is not true/false; using true.`);
    else out.observe = v;
  }
  if (o.tooltips != null) {
    const v = parseBool(o.tooltips);
    if (v == null) warn(`tooltips option ${JSON.stringify(String(o.tooltips))} is not true/false; using true.`);
    else out.tooltips = v;
  }
  if (o.exclude != null && o.exclude !== '') {
    if (isSelector(String(o.exclude))) out.exclude = String(o.exclude);
    else warn(`exclude selector ${JSON.stringify(String(o.exclude))} is not a valid CSS selector; nothing extra is excluded.`);
  }
  if (o.theme != null && o.theme !== '') {
    const t = String(o.theme).toLowerCase();
    if (THEMES.includes(t)) out.theme = t;
    else warn(`theme ${JSON.stringify(String(o.theme))} is not one of ${THEMES.join(', ')}; using auto.`);
  }
  if (o.dictionaryUrl != null && o.dictionaryUrl !== '') {
    try { out.dictionaryUrl = new URL(String(o.dictionaryUrl), document.baseURI).href; } catch {
      warn(`dictionary URL ${JSON.stringify(String(o.dictionaryUrl))} is not a URL; using the built-in dictionary.`);
    }
  }
  if (o.base != null && o.base !== '') {
    try { out.base = new URL(String(o.base), document.baseURI).href; } catch {
      warn(`base URL ${JSON.stringify(String(o.base))} is not a URL; loading pkg/ next to embed.js.`);
    }
  }
  return out;
}

function parseBool(v) {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (s === '' || s === 'true' || s === '1' || s === 'yes' || s === 'on') return true;
  if (s === 'false' || s === '0' || s === 'no' || s === 'off') return false;
  return null;
}

// data-tifa-* attribute name -> option name
const SCRIPT_OPTIONS = {
  'data-tifa-root': 'root', 'data-tifa-categories': 'categories', 'data-tifa-first': 'firstOnly', 'data-tifa-first-only': 'firstOnly',
  'data-tifa-exclude': 'exclude', 'data-tifa-dictionary': 'dictionaryUrl', 'data-tifa-theme': 'theme', 'data-tifa-base': 'base',
  'data-tifa-observe': 'observe', 'data-tifa-tooltips': 'tooltips', 'data-tifa-sensitivity': 'sensitivity',
};

/**
 * Reads the options of a `<script … data-tifa-*>` tag, warning about unknown attributes.
 * @example optionsFromAttributes(document.querySelector('script[data-tifa-root]'), 'data-tifa-', console.warn)
 */
export function optionsFromAttributes(el, prefix, warn) {
  const raw = {};
  for (const { name, value } of el.attributes) {
    if (!name.startsWith(prefix)) continue;
    const key = SCRIPT_OPTIONS[`data-tifa-${name.slice(prefix.length)}`];
    if (!key) { warn(`unknown attribute ${name} ignored; the options are: ${Object.keys(SCRIPT_OPTIONS).map((k) => prefix + k.slice(10)).join(', ')}.`); continue; }
    raw[key] = value;
  }
  return raw;
}

async function runFromScriptTag(script) {
  const warn = (m) => warnOnce(`tifa: ${m}`);
  const raw = optionsFromAttributes(script, 'data-tifa-', warn);
  let selector = raw.root == null || raw.root.trim() === '' ? 'body' : raw.root.trim();
  if (!isSelector(selector)) {
    warn(`data-tifa-root ${JSON.stringify(selector)} is not a valid CSS selector; using "body".`);
    selector = 'body';
  }
  delete raw.root;
  const opts = normalizeOptions(raw, warn);
  const roots = [...document.querySelectorAll(selector)];
  if (!roots.length) { warn(`data-tifa-root ${JSON.stringify(selector)} matches no element: nothing to highlight.`); return null; }
  try {
    const handles = [];
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r))); // nested roots: the outer one covers it
    const scripts = scriptsOfTrees(outer, opts.exclude);
    for (const r of outer) handles.push(await highlightOne(r, opts, scripts, outer));
    const h = combine(handles);
    document.dispatchEvent(new CustomEvent('tifa:highlighted', { detail: { count: h.count, terms: h.terms } }));
    return h;
  } catch (err) {
    warnOnce(err instanceof TifaLoadError ? err.message : `tifa: highlighting failed (${err && err.message ? err.message : err}); the page was left as it was.`);
    return null;
  }
}

function findOwnScript() {
  if (typeof document === 'undefined') return null;
  for (const s of document.querySelectorAll('script[src]')) {
    let src;
    try { src = new URL(s.getAttribute('src'), document.baseURI).href; } catch { continue; }
    // Script-tag mode needs at least one data-tifa-* option; a bare tag only defines <tifa-text>.
    if (src === import.meta.url && [...s.attributes].some((a) => a.name.startsWith('data-tifa-'))) return s;
  }
  return null;
}

/**
 * A promise for the script-tag run: resolves to the handle, or null when nothing was
 * highlighted or when there is no script-tag run (embed.js imported, or loaded by a tag
 * without any data-tifa-* attribute).
 * @example const h = await ready; if (h) console.log(h.count);
 */
export const ready = (() => {
  const script = findOwnScript();
  if (!script) return Promise.resolve(null);
  return new Promise((resolve) => {
    const go = () => resolve(runFromScriptTag(script));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
    else go();
  });
})();

// <tifa-text> -------------------------------------------------------------------------------

const ELEMENT_OPTIONS = ['categories', 'first', 'exclude', 'dictionary', 'theme', 'base', 'observe', 'sensitivity'];

/**
 * `<tifa-text>` highlights its own content (and content added to it later). Attributes:
 * `categories`, `first`, `exclude`, `dictionary`, `theme`, `base`, `observe`, `sensitivity`. Its `ready`
 * property is a promise for the highlight handle (null if the engine could not load), and it
 * fires a `tifa:highlighted` event with `{ count, terms }`.
 *
 * @example
 *   <tifa-text categories="leadership">We must achieve the two upholds.</tifa-text>
 */
export class TifaText extends (typeof HTMLElement === 'function' ? HTMLElement : class {}) {
  static get observedAttributes() { return ELEMENT_OPTIONS; }

  constructor() {
    super();
    this.ready = Promise.resolve(null);
    this._scheduled = false;
  }

  connectedCallback() { this._schedule(); }

  disconnectedCallback() { disconnectTree(this); }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && summaryOf(this)) { unhighlight(this); this._schedule(); }
  }

  _schedule() {
    if (this._scheduled) return;
    this._scheduled = true;
    this.ready = new Promise((resolve) => queueMicrotask(() => {
      this._scheduled = false;
      if (!this.isConnected) { resolve(null); return; }
      const warn = (m) => warnOnce(`tifa: <tifa-text>: ${m}`);
      const raw = {};
      for (const a of ELEMENT_OPTIONS) if (this.hasAttribute(a)) raw[a === 'first' ? 'firstOnly' : a === 'dictionary' ? 'dictionaryUrl' : a] = this.getAttribute(a);
      const opts = normalizeOptions(raw, warn);
      highlight(this, opts).then((h) => {
        this.dispatchEvent(new CustomEvent('tifa:highlighted', { bubbles: true, detail: { count: h.count, terms: h.terms } }));
        resolve(h);
      }, (err) => {
        warnOnce(err instanceof TifaLoadError ? err.message : `tifa: <tifa-text> could not be highlighted (${err && err.message ? err.message : err}).`);
        resolve(null);
      });
    }));
  }
}
if (typeof customElements !== 'undefined' && !customElements.get('tifa-text')) customElements.define('tifa-text', TifaText);
