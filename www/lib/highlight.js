// The DOM pass of the embed: find tifa terms in the text of a live page and wrap them, safely
// and reversibly.
//
// - One TreeWalker over the text nodes; text is grouped by block, so a match may cross inline
//   elements ("two <em>establishments</em>") but never a block boundary (<p>, <li>, <td>, <br>…).
// - Skipped: script, style, noscript, template, textarea, input, select, option, button, code,
//   pre, kbd, samp, iframe, svg, math, [contenteditable], [data-tifa-skip], existing highlights,
//   and an optional `exclude` selector.
// - Wrapping uses createTextNode + createElement only: the marks and text pieces for one host
//   text node are built in a DocumentFragment and put in with one insertion; the host's node
//   keeps the text before the first mark (so it stays where it was, and the host's reference to
//   it stays valid). A match that spans inline tags becomes one <mark> per text-node piece, all
//   sharing one data-tifa-occurrence.
// - highlight twice == highlight once; unhighlight puts back the original text nodes (the text
//   of the pieces joined back into the host's node in one write), so the markup is restored
//   exactly and host elements (and their listeners) are never replaced.
// - Work is cut into tasks of about `budgetMs` (default 24 ms) of script time, and batches of
//   at most `batchChars` units (fewer where terms are dense): a long block is cut between its
//   text nodes, a long text node inside itself, so the cost is linear in the text. A long node
//   is planned slice by slice but changed once (one insertion at its last slice: the host's
//   paragraph is laid out again once, not once per slice). A debounced MutationObserver
//   highlights added content and ignores the mutations tifa makes itself.
// - A host that writes a node tifa split (React, Vue and Svelte write `.data` on the text nodes
//   they keep), replaces it, or removes it gets its text back whole in its own node at once
//   (also with `observe: false`); the changed text is then highlighted again (unless
//   `observe: false`). Nothing the host threw away is kept.

import { CATEGORY_COLORS, categoryColorRules } from './colors.js';
import { createMark } from './mark.js';

const SKIP_TAGS = ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'button', 'code', 'pre', 'kbd', 'samp', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
  'head', 'title', 'meta', 'link', 'tifa-skip'];

/** What the pass never enters (plus the caller's `exclude` selector). */
export const SKIP_SELECTOR = `${SKIP_TAGS.join(',')},[contenteditable],[data-tifa-skip],[data-tifa-term],[data-tifa-tooltip-host]`;

// Inline (phrasing) elements: text on both sides of them belongs to one block. Any other
// element, and <br>, is a boundary. Custom elements (with a dash) count as inline.
const INLINE = new Set(['a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'img', 'ins', 'label', 'mark', 'nobr', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'meter', 'progress', 'slot']);
const isInline = (el) => {
  const t = el.localName;
  return INLINE.has(t) || (t.includes('-') && t !== 'tifa-skip');
};

/** Put between two blocks in the text handed to the engine: no term can match across it. */
const SEPARATOR = '\n|\n';
/** Context (UTF-16 units) analysed on each side of a batch: more than the engine's 400-byte "nearby" window. */
const CONTEXT = 600;

/** Where a mark keeps its occurrence: { key, id: entry id, marks: its marks on the page }. */
const OCCURRENCE = Symbol('tifa occurrence');
/** Units per slice, at least, when a text node is cut to keep a batch near its size. */
const MIN_SLICE = 256;
/** The smallest batch size the time budget shrinks batches to, and the first size (units). */
const MIN_BATCH = 3000;
const START_BATCH = 6000;

// Native DOM methods, captured when this module loads (DESIGN.md, habit 13): a host that
// replaces them later cannot break or see the embed's changes. One that replaced them before may
// make them throw; every change is built off the page first and put in with one call, so a throw
// leaves nothing half done.
const NATIVE = typeof Node === 'function' ? {
  insertBefore: Node.prototype.insertBefore,
  appendChild: Node.prototype.appendChild,
  removeChild: Node.prototype.removeChild,
} : {};
const insertBefore = (parent, node, ref) => NATIVE.insertBefore.call(parent, node, ref);
const appendChild = (parent, node) => NATIVE.appendChild.call(parent, node);
const removeChild = (parent, node) => NATIVE.removeChild.call(parent, node);

const sessions = new WeakMap(); // root -> Session
const liveSessions = new Set(); // sessions with highlights (to share the mark stylesheet)
let occurrenceCounter = 0;

const MARK_CSS = (dark) => `
mark.tifa-term { all: revert; background: var(--tifa-mark-bg, ${dark ? 'rgba(255, 196, 0, .22)' : 'rgba(255, 212, 59, .38)'}); color: inherit;
  font: inherit; letter-spacing: inherit; padding: 0; margin: 0; border: 0; border-radius: 2px;
  border-bottom: 2px solid var(--tifa-mark-line, var(--tifa-cat-color)); text-decoration: none; cursor: help;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.tifa-term:hover { background: var(--tifa-mark-hover-bg, ${dark ? 'rgba(255, 196, 0, .38)' : 'rgba(255, 212, 59, .6)'}); }
mark.tifa-term:focus-visible { outline: 2px solid var(--tifa-mark-focus, ${dark ? '#8ab4ff' : '#1a5fb4'}); outline-offset: 1px; }
:where(mark.tifa-term) { --tifa-cat-color: var(--tifa-cat-default, ${CATEGORY_COLORS.other[dark ? 'dark' : 'light']}); } /* no specificity: a category wins */
${categoryColorRules(dark ? 'dark' : 'light', '--tifa-cat-color', (c, v) => `var(--tifa-cat-${c}, ${v})`)}
@media print { mark.tifa-term { background: none; border-bottom: 1px dotted; } }
`;
const markSheets = new WeakMap(); // Window -> { light, dark, auto }
function markSheet(doc, theme) {
  const win = doc.defaultView || window;
  let s = markSheets.get(win);
  if (!s) {
    const make = (css) => { const sh = new win.CSSStyleSheet(); sh.replaceSync(css); return sh; };
    s = {
      light: make(MARK_CSS(false)),
      dark: make(MARK_CSS(true)),
      auto: make(`${MARK_CSS(false)}\n@media (prefers-color-scheme: dark) {${MARK_CSS(true).replace(/@media print[^]*$/, '')}}`),
    };
    markSheets.set(win, s);
  }
  return s[theme] || s.auto;
}

function adopt(tree, sheet) {
  try {
    if (!tree.adoptedStyleSheets.includes(sheet)) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
    return true;
  } catch { return false; }
}
function unadopt(tree, sheet) {
  try {
    if (tree.adoptedStyleSheets.includes(sheet)) tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch { /* old engine */ }
}

let channel = null; const waiting = [];
/** Yields to the browser (a new task) without setTimeout's 4 ms clamp. The channel is made lazily. */
function yieldToBrowser() {
  if (typeof MessageChannel !== 'function') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => { const r = waiting.shift(); if (r) r(); };
  }
  return new Promise((r) => { waiting.push(r); channel.port2.postMessage(0); });
}
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Highlights tifa terms in the text under `root` and keeps doing so for content added later
 * (unless `observe: false`). Calling it again on the same root finds nothing new and returns
 * the same counts (highlight twice == highlight once).
 *
 * @example
 *   const tifa = await loadTifa();
 *   const h = await highlightTree(document.querySelector('article'), tifa, { categories: ['leadership'] });
 *   h.count;            // occurrences highlighted, e.g. 12
 *   h.terms;            // { 'two-upholds': 3, ... }
 *   unhighlightTree(h.root); // back to the original DOM
 * @param {Element|Document|ShadowRoot} root
 * @param {{ analyze(text: string): { matches: object[] } }} engine a Tifa instance
 * @param {{ categories?: string[], firstOnly?: boolean, exclude?: string, observe?: boolean, theme?: 'auto'|'light'|'dark',
 *           sensitivity?: 'strict'|'default'|'all',
 *           shadowRoots?: boolean, budgetMs?: number, batchChars?: number, debounceMs?: number,
 *           onUpdate?: (summary) => void, ensure?: (engine, text: string) => Promise<object>|null,
 *           onEngine?: (engine) => void }} [options]
 *   ensure: called with each batch's text (and its context) before it is matched; it returns
 *   null when `engine` has the forms that text needs, else a promise of an engine that has
 *   them, which the session then matches with from there on (`onEngine` is told), walking the
 *   region again, and the regions the pass has finished: once the engine has changed, no text
 *   stays matched only by an engine that lacked its script's forms (the embed lets the first
 *   batch go without them, so that its first highlight waits for one part).
 * @returns {Promise<{ root, count: number, marks: number, terms: Record<string, number>, disconnect(): void }>}
 */
export async function highlightTree(root, engine, options = {}) {
  if (!root || !root.nodeType) throw new TypeError('highlight: root must be an Element, Document or ShadowRoot');
  if (root.nodeType === 9) root = root.body || root.documentElement;
  let s = sessions.get(root);
  if (!s) {
    s = new Session(root, engine, options);
    sessions.set(root, s);
  } else {
    if (options.observe !== false) s.observe();
    // Walked again whole, its open shadow roots too (the embed's second walk with the forms of
    // a page's other script): what is highlighted already is skipped.
    s.seenShadow = null;
  }
  await s.run([root]);
  return s.summary();
}

/**
 * Matches the whole text under `root`, highlighted already by {@link highlightTree}, again with
 * `engine` (an engine with more forms: the embed's, once the English machine-translation forms
 * have come) and puts on the page what it finds: the session matches with `engine` from then on
 * (`onEngine` is told), and each block whose matches differ from its marks (a form the first
 * engine lacked, maybe longer than a mark it overlaps, or a gated form that a new term nearby
 * now lets count) is highlighted again, in the task that finds it (nothing flickers); the other
 * blocks are not touched. A block is matched whole, with the text around it as context, as the
 * highlighting pass does (so a very long block is one engine call). Resolves to the summary.
 *
 * @example
 *   const first = await loadTifa({ module: EMBED, scripts: ['en'] });
 *   await highlightTree(article, first);
 *   await refreshTree(article, await withScripts(first, ['mt'])); // the marks the whole dictionary gives
 * @param {Element|Document|ShadowRoot} root
 * @param {object} engine
 * @returns {Promise<object|null>} the summary, or null when `root` has no session
 */
export async function refreshTree(root, engine) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  if (!s) return null;
  s.running = s.running.then(() => s.refresh(engine)).catch((err) => {
    (s.doc.defaultView || window).console.warn('tifa: highlighting stopped:', err);
  });
  await s.running;
  return s.summary();
}

/**
 * Calls `visit` with the data of each text node `highlightTree` would read under `root` (the
 * same elements skipped, `exclude` too; open shadow roots included), in document order, until
 * it returns true. The embed scans a page with it for the scripts its text holds.
 *
 * @example
 *   let han = false;
 *   eachText(article, undefined, (data) => (han = /\p{Script=Han}/u.test(data)));
 */
export function eachText(root, exclude, visit) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  if (!root) return;
  const doc = root.ownerDocument || root;
  const skip = exclude ? `${SKIP_SELECTOR},${exclude}` : SKIP_SELECTOR;
  const queue = [root];
  while (queue.length) {
    const walker = doc.createTreeWalker(queue.shift(), 5, {
      acceptNode(n) {
        if (n.nodeType === 3) return n.data.length ? 1 : 3;
        if (n.matches(skip)) return 2;
        if (n.shadowRoot && n.shadowRoot.mode === 'open') queue.push(n.shadowRoot);
        return 3;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (visit(n.data)) return;
  }
}

/**
 * Removes every highlight `highlightTree` added under `root`, merges the split text nodes
 * back into the originals, stops observing and returns how many occurrences were removed.
 *
 * @example
 *   unhighlightTree(document.querySelector('article')); // -> 12
 */
export function unhighlightTree(root) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  if (!s) return 0;
  sessions.delete(root);
  return s.undo();
}

/** Stops observing `root` for added content, keeping the highlights. @example disconnectTree(article); */
export function disconnectTree(root) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  if (s) s.disconnect();
}

/**
 * The engine the session of `root` matches with now (it moves to one with more forms: `ensure`,
 * {@link refreshTree}), or null. @example engineOf(article) === tifa
 */
export function engineOf(root) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  return s ? s.engine : null;
}

/** The current counts for `root`, or null. @example summaryOf(article)?.count */
export function summaryOf(root) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  return s ? s.summary() : null;
}

/**
 * The highlights planned for one text node, built off the page (in a DocumentFragment) slice by
 * slice, and put in place by `Session.commit` with one insertion: however long the node, the
 * host's node is changed once, in one task, and never copied piece by piece (no splitText).
 * The host's node keeps the text before the first mark; the fragment holds the marks and the
 * text between and after them as new text nodes.
 */
class Plan {
  constructor(session, node, data) {
    this.doc = session.doc;
    this.tag = session.tag;
    this.node = node;
    this.data = data; // the node's text when planning began
    // The family the new nodes will join: the node's own (it is a host node highlighted before,
    // or a node we made), or a new one. Registering them now spreads the work over the slices.
    const f = session.familyOf(node);
    // `text`: the family's whole text (ours never change it; a host change resets the family).
    this.family = f || { origin: node, members: [], text: data };
    this.frag = null;
    this.members = []; // the nodes to insert after `node`, in order: marks and text
    this.marks = []; // [mark, occurrence record]
    this.keep = -1; // units of `node` that stay in it (the text before the first mark)
    this.built = 0; // units of `data` already placed
    this.broken = false; // a DOM call failed: the plan is dropped, nothing of it reaches the page
  }

  /** Adds a mark over [a, b) of the node (after any piece added before) for occurrence `occ` (a record). */
  add(a, b, m, occ, first) {
    if (this.broken) return;
    try {
      if (this.keep < 0) { this.keep = a; this.built = a; this.frag = this.doc.createDocumentFragment(); }
      if (a > this.built) this.put(this.doc.createTextNode(this.data.slice(this.built, a)));
      // One tab stop per occurrence: later pieces of a match split by inline tags are -1.
      const mark = createMark(this.doc, { id: m.id, category: m.category, form: m.form, formIndex: m.formIndex, kind: m.kind, context: m.context,
        nested: (m.nested || []).map((n) => n.id), occurrence: occ.key, focusable: first });
      const text = this.doc.createTextNode(this.data.slice(a, b));
      appendChild(mark, text);
      this.put(mark);
      text[this.tag] = this.family;
      mark[this.tag] = this.family;
      mark[OCCURRENCE] = occ;
      this.marks.push([mark, occ]);
      this.built = b;
    } catch { this.broken = true; }
  }

  put(n) { appendChild(this.frag, n); this.members.push(n); n[this.tag] = this.family; }
}

class Session {
  constructor(root, engine, { categories, firstOnly = false, exclude, observe = true, theme = 'auto', shadowRoots = true,
    budgetMs = 24, batchChars = 24000, debounceMs = 150, onUpdate, sensitivity = 'default', ensure, onEngine } = {}) {
    this.root = root;
    this.ensure = ensure;
    this.onEngine = onEngine;
    this.sensitivity = sensitivity;
    this.vouches = false; // the document rule, judged over the whole root (see documentText)
    this.doc = root.ownerDocument || root;
    this.engine = engine;
    this.categories = categories && categories.length ? new Set(categories) : null;
    this.firstOnly = !!firstOnly;
    this.skip = exclude ? `${SKIP_SELECTOR},${exclude}` : SKIP_SELECTOR;
    this.shadowRoots = shadowRoots;
    this.budgetMs = budgetMs;
    this.batchChars = batchChars;
    // The batch size in use: it starts small, is doubled up to `batchChars` after quick batches,
    // and halved after one that took longer than the budget (text dense with terms makes many
    // marks per unit).
    this.sliceChars = Math.min(batchChars, START_BATCH);
    this.debounceMs = debounceMs;
    this.onUpdate = onUpdate;
    this.sheet = markSheet(this.doc, theme);
    this.trees = new Set(); // Document/ShadowRoot that got the mark sheet
    // What the embed made, per host text node: a family { origin, members, text } whose origin
    // is the host's node (it keeps the text before the first mark), whose members are the marks
    // and text nodes made from the rest, in document order, and whose text is the whole text
    // they were made from. `origins` maps each host node to its family; the nodes the embed made
    // (members and the marks' text) carry their family under the session's own symbol `tag`,
    // and each mark its occurrence under OCCURRENCE, so a host change to any of them is
    // recognised. (Properties on our own nodes, not WeakMaps: tens of thousands of WeakMap
    // entries made garbage collection, and so unhighlight, superlinear.)
    this.origins = new Map();
    this.tag = Symbol('tifa family');
    this.markCount = 0;
    this.seen = new Set(); // ids already highlighted (firstOnly)
    this.terms = new Map(); // id -> occurrences
    this.count = 0;
    this.observer = null;
    this.watch = false; // highlight content the host adds or changes (else only keep its text whole)
    this.dirty = new Set();
    this.timer = 0;
    this.firstDirty = 0;
    this.running = Promise.resolve();
    this.stopped = false;
    this.maxTaskMs = 0;
    this.scriptMs = 0;
    liveSessions.add(this);
    this.observe(observe);
  }

  /**
   * Makes `engine` the one this session matches with (an engine with more forms, from
   * `ensure`); the document rule is judged again with it, as it sees more terms.
   */
  setEngine(engine) {
    if (engine === this.engine) return;
    this.engine = engine;
    if (this.sensitivity === 'default' && !this.vouches && typeof engine.documentVouches === 'function') {
      this.vouches = !!engine.documentVouches(this.documentText());
    }
    if (this.onEngine) this.onEngine(engine);
  }

  summary() {
    return {
      root: this.root,
      count: this.count,
      marks: this.markCount,
      terms: Object.fromEntries(this.terms),
      longestTaskMs: Math.round(this.maxTaskMs * 10) / 10,
      scriptMs: Math.round(this.scriptMs * 10) / 10,
      disconnect: () => this.disconnect(),
    };
  }

  /** Runs a pass over `regions` after any pass in progress (passes never interleave). */
  run(regions) {
    this.running = this.running.then(() => this.pass(regions)).catch((err) => {
      (this.doc.defaultView || window).console.warn('tifa: highlighting stopped:', err);
    });
    return this.running;
  }

  /**
   * The text of the whole root, read-only, blocks separated: the document the engine's
   * document rule judges, however the text is later cut into batches.
   */
  documentText() {
    const parts = [];
    for (const region of this.logicalRegions(false)) {
      for (const block of region) {
        if (parts.length) parts.push(SEPARATOR);
        parts.push(block.text);
      }
    }
    return parts.join('');
  }

  /**
   * The text under the root as the host wrote it, our marks read through (a family's whole
   * text stands for its host node): per region (the root, then its open shadow roots, as the
   * pass walks them), its blocks `{ segs: [{ node, data, start, fam }], text }`, where `node`
   * is the host's text node (`fam`: its family, if it is highlighted) and `data` its whole text.
   * With `all` false only the root (no shadow roots).
   */
  logicalRegions(all = true) {
    const regions = [];
    const queue = [this.root];
    const skip = this.skip.replace(',[data-tifa-term]', '');
    const seen = new WeakSet();
    while (queue.length) {
      const blocks = [];
      let boundary = true;
      let block = null;
      let lastFam = null;
      const walker = this.doc.createTreeWalker(queue.shift(), 5, {
        acceptNode: (n) => {
          if (n.nodeType === 3) return n.data.length || this.familyOf(n) ? 1 : 3;
          // Our marks are read through; another session's are skipped like other skipped content.
          if (n.matches('[data-tifa-term]')) { if (n[this.tag]) return 3; boundary = true; return 2; }
          if (n.matches(skip)) { boundary = true; return 2; }
          if (all && this.shadowRoots && n.shadowRoot && n.shadowRoot.mode === 'open' && !seen.has(n.shadowRoot)) {
            seen.add(n.shadowRoot);
            queue.push(n.shadowRoot);
          }
          if (!isInline(n)) boundary = true;
          return 3;
        },
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const fam = this.familyOf(n);
        if (fam && fam === lastFam) continue; // a later piece of a family already read whole
        const node = fam ? fam.origin : n;
        const data = fam ? fam.text : n.data;
        lastFam = fam;
        const b = blockOf(node, this.root);
        if (boundary || !block || b !== block.el) {
          block = { el: b, segs: [], text: '' };
          blocks.push(block);
        }
        boundary = false;
        block.segs.push({ node, data, start: block.text.length, fam });
        block.text += data;
      }
      regions.push(blocks);
    }
    return regions;
  }

  /**
   * The occurrences the page shows in `block` (from `logicalRegions`), in order, as
   * `{ start, end, id, form, kind, context, nested }` (offsets in the block's text), or null when
   * its nodes are not as the session left them.
   */
  shownIn(block) {
    const byOcc = new Map();
    for (const g of block.segs) {
      if (!g.fam) continue;
      let at = g.fam.origin.data.length;
      for (const n of g.fam.members) {
        const len = n.nodeType === 3 ? n.data.length : n.textContent.length;
        const o = n.nodeType === 1 ? n[OCCURRENCE] : null;
        if (o) {
          const piece = [g.start + at, g.start + at + len];
          const had = byOcc.get(o);
          if (had) had.end = Math.max(had.end, piece[1]);
          else {
            const d = n.dataset;
            byOcc.set(o, { start: piece[0], end: piece[1], id: d.tifaTerm, form: d.tifaForm || '', kind: d.tifaKind || '',
              context: d.tifaContext || '', nested: d.tifaNested || '' });
          }
        }
        at += len;
      }
      if (at !== g.data.length) return null;
    }
    return [...byOcc.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * Re-matches every block under the root with `engine` and highlights again those whose
   * matches differ from their marks (see `refreshTree`).
   */
  async refresh(engine) {
    if (this.stopped) return;
    let t0 = now();
    this.setEngine(engine);
    if (this.stopped) return;
    const options = this.sensitivity === 'default'
      ? { sensitivity: 'default', documentVouches: this.vouches } : { sensitivity: this.sensitivity };
    const seen = new Set(); // firstOnly: the ids shown so far, in document order
    const key = (m) => [m.start, m.end, m.id, m.form, m.kind, m.context, m.nested].join('\u0001');
    for (const blocks of this.logicalRegions()) {
      // Batches of whole blocks, each matched with the text around it (up to CONTEXT units on
      // each side, across block separators), as the pass does.
      for (let i = 0; i < blocks.length;) {
        let j = i; let len = 0;
        while (j < blocks.length && (j === i || len + blocks[j].text.length <= this.sliceChars)) len += blocks[j++].text.length + SEPARATOR.length;
        const batch = blocks.slice(i, j);
        const text = batch.map((b) => b.text).join(SEPARATOR);
        let before = '';
        for (let k = i - 1; k >= 0 && before.length < CONTEXT; k--) before = blocks[k].text + (before ? SEPARATOR + before : '');
        let after = '';
        for (let k = j; k < blocks.length && after.length < CONTEXT; k++) after += (after ? SEPARATOR : '') + blocks[k].text.slice(0, CONTEXT);
        if (before.length > 4 * CONTEXT) before = before.slice(-2 * CONTEXT);
        const lead = before ? before.length + SEPARATOR.length : 0;
        const full = (before ? before + SEPARATOR : '') + text + (after ? SEPARATOR + after : '');
        const found = /[\p{L}\p{N}]/u.test(text) ? matchesOf(this.engine, full, options) : [];
        let at = 0; let k = 0;
        for (const block of batch) {
          const from = lead + at; const to = from + block.text.length;
          const want = [];
          for (; k < found.length && found[k].start < to; k++) {
            const m = found[k];
            if (m.start < from || m.end > to) continue;
            if (this.categories && !this.categories.has(m.category)) continue;
            if (this.firstOnly && seen.has(m.id)) continue;
            seen.add(m.id);
            want.push({ ...m, start: m.start - from, end: m.end - from });
          }
          at += block.text.length + SEPARATOR.length;
          const shown = this.shownIn(block);
          const same = shown && shown.length === want.length && want.every((m, x) => key({
            ...m, form: m.form || '', kind: m.kind || '', context: m.context || '', nested: [...new Set((m.nested || []).map((n) => n.id))].join(' '),
          }) === key(shown[x]));
          if (!same) this.rewrap(block, want);
        }
        this.takeOwnRecords();
        i = j;
        const t = now();
        if (t - t0 > this.maxTaskMs) this.maxTaskMs = t - t0;
        if (t - t0 >= this.budgetMs / 2) {
          this.scriptMs += t - t0;
          await yieldToBrowser();
          if (this.stopped) return;
          t0 = now();
        }
      }
    }
    if (this.firstOnly) this.seen = seen;
    this.scriptMs += now() - t0;
  }

  /** Highlights `block` again with the matches `want` (offsets in its text): its families undone, new marks planned and put in. */
  rewrap(block, want) {
    for (const g of block.segs) if (g.fam) this.reset(g.fam, 'join', false);
    // The host's nodes hold their whole text again (unless the host changed them meanwhile:
    // then that block is left as it is now, and the observer has it highlighted again).
    if (block.segs.some((g) => g.node.data !== g.data || !g.node.parentNode)) return;
    const plans = new Map();
    const starts = block.segs.map((g) => g.start);
    for (const m of want) {
      const occ = { key: String(++occurrenceCounter), id: m.id, marks: [] };
      let first = true;
      for (let i = upperBound(starts, m.start) - 1; i < block.segs.length && block.segs[i].start < m.end; i++) {
        const g = block.segs[i];
        const a = Math.max(m.start, g.start) - g.start;
        const b = Math.min(m.end, g.start + g.data.length) - g.start;
        if (b <= a) continue;
        let plan = plans.get(g.node);
        if (!plan) plans.set(g.node, (plan = new Plan(this, g.node, g.data)));
        plan.add(a, b, m, occ, first);
        first = false;
      }
    }
    for (const plan of plans.values()) this.commit(plan);
  }

  async pass(regions) {
    const queue = [...regions];
    let t0 = now();
    // Once the root shows Party discourse it keeps doing so as content is added.
    if (this.sensitivity === 'default' && !this.vouches && typeof this.engine.documentVouches === 'function') {
      this.vouches = !!this.engine.documentVouches(this.documentText());
      // One engine call over the whole root: a task of its own on a long page.
      const t = now();
      if (t - t0 >= this.budgetMs / 2) {
        this.maxTaskMs = Math.max(this.maxTaskMs, t - t0);
        this.scriptMs += t - t0;
        await yieldToBrowser();
        t0 = now();
      }
    }
    // The regions this pass has finished: walked again if the engine changes (their text was
    // matched without the forms the new engine adds, when `ensure` let a batch go without them).
    const walked = [];
    while (queue.length && !this.stopped) {
      const region = queue.shift();
      if (!region.isConnected && region !== this.root) continue;
      const w = this.walker(region, queue);
      for (;;) {
        if (this.stopped) return;
        const at = w.walker.currentNode;
        if ((!at.isConnected && at !== region) || (w.pending && w.pending.node.data !== w.pending.data)) {
          // The host changed what we were working through (removed the node we were at, or
          // wrote the text we were slicing): start this region again.
          // Already wrapped text is skipped, so this finds only what is left.
          w.restart();
        }
        let c0 = now();
        const batch = this.collect(w);
        if (batch.segs.length && this.ensure) {
          // Text of a script the engine has no forms for (the embed loads the English or the
          // Chinese forms only when the page has that script): wait for the engine that has
          // them, then walk the region again (what is already highlighted is skipped).
          const better = this.ensure(this.engine, (batch.before || '') + batch.text + batch.after.text);
          if (better) {
            this.scriptMs += now() - t0;
            // An engine that could not be had (`ensure` says why): this batch is matched with
            // the engine there is.
            const engine = await better.catch(() => null);
            if (this.stopped) return;
            t0 = now();
            if (engine) {
              this.setEngine(engine);
              w.restart();
              w.done = false;
              queue.unshift(...walked.splice(0));
              continue;
            }
          }
        }
        if (batch.segs.length) this.wrap(w, batch);
        if (!batch.more) w.ready = true; // the region is done: whatever is planned goes in
        if (w.ready && w.plans.size) {
          // A long node or block is put on the page with one insertion: in a task of its own
          // when this one has already had its share.
          if (now() - t0 >= this.budgetMs / 2) {
            this.scriptMs += now() - t0;
            this.maxTaskMs = Math.max(this.maxTaskMs, now() - t0);
            await yieldToBrowser();
            t0 = c0 = now();
            if (this.stopped) return;
          }
          this.commitAll(w);
        }
        this.takeOwnRecords();
        const t = now();
        if (t - c0 > this.budgetMs) this.sliceChars = Math.min(this.batchChars, Math.max(MIN_BATCH, this.sliceChars >> 1));
        else if (t - c0 < this.budgetMs / 4) this.sliceChars = Math.min(this.batchChars, this.sliceChars * 2);
        if (t - t0 > this.maxTaskMs) this.maxTaskMs = t - t0;
        if (!batch.more) break;
        if (t - t0 >= this.budgetMs / 2) {
          this.scriptMs += t - t0;
          await yieldToBrowser();
          t0 = now();
        }
      }
      walked.push(region);
    }
    const t = now();
    if (t - t0 > this.maxTaskMs) this.maxTaskMs = t - t0;
    this.scriptMs += t - t0;
  }

  walker(region, queue) {
    const self = this;
    const w = {
      boundary: false,
      prevBlock: null,
      pending: null, // where the next batch starts: { node, from, data, cont } (cont: inside a block)
      walker: null,
      plans: new Map(), // text node -> Plan not yet committed (the node the batches are slicing)
      tail: '', // the end of the previous batch's text: context for the engine's "nearby" rule
      tailJoin: SEPARATOR, // what joins the tail to the next batch ('' when the batch cut a block)
      restart() {
        w.walker = self.doc.createTreeWalker(region, 5 /* SHOW_ELEMENT | SHOW_TEXT */, { acceptNode: self.filter(w, queue) });
        for (const plan of w.plans.values()) self.dropPlan(plan);
        w.plans.clear();
        w.pending = null; w.prevBlock = null; w.boundary = true; w.tail = ''; w.tailJoin = SEPARATOR; w.ready = false;
      },
    };
    w.restart();
    w.region = region;
    if (region.nodeType === 11 && this.watchShadow) this.watchShadow(region);
    // Late content inside a skipped element (a <pre>, an excluded box) stays untouched.
    if (region.nodeType === 1 && region !== this.root && region.closest(this.skip)) w.done = true;
    return w;
  }

  /** The TreeWalker filter: skips, block boundaries (into `w.boundary`), open shadow roots (into `queue`). */
  filter(w, queue) {
    const skip = this.skip;
    const shadow = this.shadowRoots && queue;
    const seen = this.seenShadow || (this.seenShadow = new WeakSet());
    return (n) => {
      if (n.nodeType === 3) return n.data.length ? 1 : 3; // FILTER_ACCEPT : FILTER_SKIP
      if (n.matches(skip)) { w.boundary = true; return 2; } // FILTER_REJECT: not its subtree
      if (shadow && n.shadowRoot && n.shadowRoot.mode === 'open' && !seen.has(n.shadowRoot)) {
        seen.add(n.shadowRoot);
        queue.push(n.shadowRoot);
      }
      if (!isInline(n)) w.boundary = true;
      return 3; // FILTER_SKIP: look inside
    };
  }

  /**
   * The text that follows the batch just collected (about CONTEXT units, at most CONTEXT from
   * any one node), read with a second walker that changes nothing: context for the engine.
   * When the batch ended inside a block, the text that continues it without a break is also
   * returned as segments (`segs`, offsets from the start of `text`): a match that starts in the
   * batch may end there, and is wrapped whole.
   */
  peek(w) {
    const { node, from, cont } = w.pending;
    const p = { boundary: false };
    const walker = this.doc.createTreeWalker(w.region, 5, { acceptNode: this.filter(p, null) });
    walker.currentNode = node;
    const first = node.data.slice(from, from + CONTEXT);
    const segs = cont ? [{ node, from, to: from + first.length, start: 0, data: node.data }] : [];
    let contiguous = cont && from + first.length === node.data.length;
    const parts = [first];
    let len = first.length;
    let block = blockOf(node, this.root);
    while (len < CONTEXT) {
      p.boundary = false;
      const n = walker.nextNode();
      if (!n) break;
      const b = blockOf(n, this.root);
      if (p.boundary || b !== block) { parts.push(SEPARATOR); len += SEPARATOR.length; contiguous = false; }
      block = b;
      const d = n.data.length > CONTEXT ? n.data.slice(0, CONTEXT) : n.data;
      if (contiguous) segs.push({ node: n, from: 0, to: d.length, start: len, data: n.data });
      contiguous = contiguous && d.length === n.data.length;
      parts.push(d); len += d.length;
    }
    return { text: parts.join(''), join: cont ? '' : SEPARATOR, segs };
  }

  /**
   * Collects about `batchChars` units of text: whole blocks, or part of one. A long block is cut
   * between its text nodes, and a long text node inside itself (never between the halves of a
   * surrogate pair), so one batch, and so one task, stays bounded however the page is made.
   * Returns the batch's segments ({ node, from, to, start }: units [from, to) of `node` are at
   * `start` in `text`) and the context before (`before`, joined by `beforeJoin`) and after it.
   */
  collect(w) {
    const segs = []; const parts = [];
    let len = 0; let more = false;
    const none = { text: '', join: '', segs: [] };
    if (w.done) return { segs, text: '', more: false, before: '', beforeJoin: '', after: none };
    const before = w.tail; const beforeJoin = w.tailJoin;
    for (;;) {
      let node; let from = 0; let boundary;
      if (w.pending) {
        ({ node, from } = w.pending); boundary = !w.pending.cont; w.pending = null;
      } else {
        w.boundary = false;
        node = w.walker.nextNode();
        if (!node) break;
        boundary = w.boundary;
      }
      const data = node.data;
      if (from >= data.length) continue; // wholly taken by a match of the previous batch
      const block = blockOf(node, this.root);
      const newGroup = boundary || block !== w.prevBlock;
      if (len >= this.sliceChars) { w.pending = { node, from, data, cont: !newGroup }; more = true; break; }
      if (newGroup && segs.length) { parts.push(SEPARATOR); len += SEPARATOR.length; }
      w.prevBlock = block;
      let to = data.length;
      const room = Math.max(this.sliceChars - len, MIN_SLICE);
      if (to - from > room + 2 * CONTEXT) {
        to = from + room;
        const c = data.charCodeAt(to - 1);
        if (c >= 0xd800 && c <= 0xdbff) to += 1;
        w.pending = { node, from: to, data, cont: true }; more = true;
      }
      segs.push({ node, from, to, start: len, data });
      parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
      len += to - from;
      if (more) break;
    }
    if (!more) w.done = true;
    return { segs, text: parts.join(''), more, before, beforeJoin, after: more ? this.peek(w) : none };
  }

  /**
   * Finds the matches of one batch and plans their marks; sets `w.ready` when the batch ends
   * at a block boundary and the plans can be committed (a block cut into batches stays
   * untouched until its last one).
   */
  wrap(w, { segs, text, more, before, beforeJoin, after }) {
    let reach = text.length; // how far (batch units) the accepted matches reach
    if (/[\p{L}\p{N}]/u.test(text)) {
      // The batch is analysed with the text around it, so the context rules ("nearby" and
      // "sentence") see the same neighbours whatever the batch size, and with the document rule
      // judged over the whole root. Matches that start in the batch are wrapped, also when they
      // end in the text that continues it (`after.segs`); the next batch then starts after them.
      const lead = before ? before.length + beforeJoin.length : 0;
      const full = (before ? before + beforeJoin : '') + text + (after.text ? after.join + after.text : '');
      const options = this.sensitivity === 'default'
        ? { sensitivity: 'default', documentVouches: this.vouches } : { sensitivity: this.sensitivity };
      const last = after.segs[after.segs.length - 1];
      const ext = last ? last.start + last.to - last.from : 0;
      const all = segs.concat(after.segs.map((g) => ({ ...g, start: g.start + text.length })));
      if (after.segs.length && all[segs.length].node === segs[segs.length - 1].node) {
        // The batch was cut inside a text node: its two parts are one segment (a match across
        // the cut is one mark).
        all.splice(segs.length - 1, 2, { ...segs[segs.length - 1], to: all[segs.length].to });
      }
      const starts = all.map((g) => g.start);
      for (const m of matchesOf(this.engine, full, options)) {
        const start = m.start - lead; const end = m.end - lead;
        if (start < 0 || start >= text.length || end > text.length + ext) continue;
        if (this.categories && !this.categories.has(m.category)) continue;
        if (this.firstOnly && this.seen.has(m.id)) continue;
        this.seen.add(m.id);
        const occ = { key: String(++occurrenceCounter), id: m.id, marks: [] };
        let first = true;
        for (let i = upperBound(starts, start) - 1; i < all.length && all[i].start < end; i++) {
          const g = all[i];
          const a = Math.max(start, g.start) - g.start + g.from;
          const b = Math.min(end, g.start + g.to - g.from) - g.start + g.from;
          if (b <= a) continue;
          let plan = w.plans.get(g.node);
          if (!plan) w.plans.set(g.node, (plan = new Plan(this, g.node, g.data)));
          plan.add(a, b, m, occ, first);
          first = false;
        }
        if (end > reach) reach = end;
      }
      if (reach > text.length) {
        // A match ran past the cut: the next batch starts where it ends.
        const g = after.segs.find((s) => s.start + text.length < reach && reach <= s.start + text.length + s.to - s.from);
        if (g.node !== w.pending.node) w.walker.currentNode = g.node;
        w.pending = { node: g.node, from: g.from + reach - text.length - g.start, data: g.data, cont: true };
      }
    }
    if (more) {
      if (w.pending.cont) {
        // The next batch continues this text: its leading context is the text just before it,
        // unbroken, starting after a space when there is one (no word cut in two).
        let t = ((before ? before + beforeJoin : '') + text + after.text.slice(0, reach - text.length)).slice(-CONTEXT);
        const sp = t.search(/\s/);
        if (sp >= 0 && sp < 64) t = t.slice(sp + 1);
        w.tail = t; w.tailJoin = '';
      } else {
        // Keep the end of this batch as the next one's leading context (cut at a block boundary
        // when there is one, so no partial term becomes an anchor).
        if (text.length > CONTEXT) {
          const cut = text.lastIndexOf(SEPARATOR, text.length - CONTEXT);
          w.tail = text.slice(cut >= 0 ? cut + SEPARATOR.length : text.length - CONTEXT);
        } else w.tail = (before ? before + beforeJoin : '') + text;
        if (w.tail.length > 4 * CONTEXT) w.tail = w.tail.slice(-2 * CONTEXT);
        w.tailJoin = SEPARATOR;
      }
    }
    // While a block is being cut into batches its plans stay open: the page changes when its
    // last batch is done, so a long paragraph is laid out again once, not after every batch.
    w.ready = !(more && w.pending.cont);
  }

  /** Commits the plans of a walker (see `wrap`). */
  commitAll(w) {
    for (const plan of w.plans.values()) this.commit(plan);
    w.plans.clear();
    w.ready = false;
  }

  /**
   * Puts a plan on the page: the fragment goes in after the node with one insertion, then the
   * node keeps only the text before the first mark. Nothing happens if the node changed since
   * the plan began, or if a DOM call throws (a host may have replaced appendChild or
   * insertBefore before the embed loaded): then no mark, empty or not, reaches the page and
   * nothing is counted. Counts are taken here, from what is really on the page.
   */
  commit(plan) {
    const { node } = plan;
    const parent = node.parentNode;
    if (plan.broken || plan.keep < 0 || !parent || node.data !== plan.data) { this.dropPlan(plan); return; }
    try {
      if (plan.built < plan.data.length) plan.put(this.doc.createTextNode(plan.data.slice(plan.built)));
      insertBefore(parent, plan.frag, node.nextSibling);
    } catch { this.dropPlan(plan); return; }
    node.data = plan.data.slice(0, plan.keep);
    const tree = node.getRootNode();
    if (!this.trees.has(tree) && (tree.nodeType === 9 || tree.nodeType === 11)) {
      if (adopt(tree, this.sheet)) this.trees.add(tree);
    }
    const fam = plan.family;
    if (this.origins.get(fam.origin) !== fam) this.origins.set(fam.origin, fam);
    // A member re-highlighted (its new nodes follow it) or the origin (they come first).
    const at = node === fam.origin ? 0 : fam.members.lastIndexOf(node) + 1;
    if (!fam.members.length) fam.members = plan.members;
    else if (at === fam.members.length) for (const n of plan.members) fam.members.push(n);
    else fam.members = [...fam.members.slice(0, at), ...plan.members, ...fam.members.slice(at)];
    for (const [mark, o] of plan.marks) {
      o.marks.push(mark);
      if (o.marks.length === 1) { this.count += 1; this.terms.set(o.id, (this.terms.get(o.id) || 0) + 1); }
    }
    this.markCount += plan.marks.length;
  }

  /** Forgets a plan that will not be committed (its terms may be highlighted again with firstOnly). */
  dropPlan(plan) {
    if (!this.firstOnly) return;
    for (const [, o] of plan.marks) if (!o.marks.length && !this.terms.has(o.id)) this.seen.delete(o.id);
  }

  /** The family `n` belongs to (as the host's node or as a node we made), if it is live. */
  familyOf(n) {
    const f = n[this.tag] || this.origins.get(n);
    return f && this.origins.get(f.origin) === f ? f : null;
  }

  /**
   * Undoes a family: its members leave the page and the host's node gets back the whole text,
   * in one write. `how` says where that text comes from: 'wrote', the host has just written
   * that node itself (as React, Vue and Svelte do through the node references they keep), so
   * the members' old text is dropped; 'join', the host changed some member, so the text of the
   * origin and members as they are now; 'saved', nothing was changed, so the text the family
   * was made from (no need to read back every piece). An occurrence with pieces in other
   * families (a match across inline tags) is undone there too, so no half occurrence stays.
   * With `dirty`, origins still on the page are queued to be highlighted again.
   */
  reset(family, how, dirty) {
    const todo = [[family, how]];
    while (todo.length) {
      const [f, mode] = todo.pop();
      if (this.origins.get(f.origin) !== f) continue;
      this.origins.delete(f.origin);
      const { origin, members } = f;
      let text = null;
      if (mode === 'saved') text = f.text;
      else if (mode === 'join') {
        const parts = [origin.data];
        for (const n of members) parts.push(n.nodeType === 3 ? n.data : n.textContent);
        text = parts.join('');
      }
      // Usually the members still follow the origin, in order: one Range takes them all away.
      let run = members.length > 8 && origin.parentNode ? origin.nextSibling : null;
      for (let i = 0; run && i < members.length; i++) run = members[i] === run ? (i === members.length - 1 ? run : run.nextSibling) : null;
      if (run) {
        // One Range for the session: every live Range is updated on each DOM change until it
        // is collected, so a Range per family made unhighlighting many families quadratic.
        const range = this.range || (this.range = this.doc.createRange());
        range.setStartAfter(origin);
        range.setEndAfter(run);
        range.deleteContents();
      }
      for (const n of members) {
        if (!run && n.parentNode) removeChild(n.parentNode, n);
        if (n.nodeType !== 1) continue;
        this.markCount -= 1;
        const o = n[OCCURRENCE];
        if (!o) continue;
        const k = o.marks.indexOf(n);
        if (k >= 0) o.marks.splice(k, 1);
        if (o.marks.length) {
          for (const other of o.marks) {
            const g = this.familyOf(other);
            if (g && g !== f) todo.push([g, how === 'saved' ? 'saved' : 'join']);
          }
          continue;
        }
        this.count -= 1;
        const c = (this.terms.get(o.id) || 1) - 1;
        if (c) this.terms.set(o.id, c); else { this.terms.delete(o.id); this.seen.delete(o.id); }
      }
      f.members = [];
      if (text !== null && origin.data !== text) origin.data = text;
      if (dirty && origin.isConnected) this.markDirty(origin);
    }
  }

  takeOwnRecords() {
    // Everything queued now was done by this synchronous chunk: no host script ran meanwhile.
    if (this.observer) this.observer.takeRecords();
    if (this.shadowObservers) for (const o of this.shadowObservers.values()) o.takeRecords();
  }

  /**
   * Watches the root (and its open shadow roots): always, to keep the host's text whole when
   * the host changes nodes the embed split; with `watch`, also to highlight added content.
   */
  observe(watch = true) {
    if (watch) this.watch = true;
    if (this.observer) return;
    const MO = (this.doc.defaultView || window).MutationObserver;
    if (!MO) return;
    const onRecords = (records) => this.onMutations(records);
    this.observer = new MO(onRecords);
    this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
    this.shadowObservers = new Map();
    this.watchShadow = (sr) => {
      if (!this.observer || this.shadowObservers.has(sr)) return;
      const o = new MO(onRecords);
      o.observe(sr, { childList: true, characterData: true, subtree: true });
      this.shadowObservers.set(sr, o);
    };
  }

  /**
   * The host changed the page. Families it touched are undone at once (in this microtask,
   * before the page is painted): a write to the host's own node, a write to or removal of a
   * node the embed made, or a node put between them. Changed and added text is then
   * highlighted again, debounced.
   */
  onMutations(records) {
    if (this.stopped) return;
    const touched = new Map(); // family -> 'wrote' (the host wrote its origin) or 'join'
    const touch = (n, wrote) => {
      const f = this.familyOf(n);
      if (!f) return false;
      touched.set(f, wrote || touched.get(f) === 'wrote' ? 'wrote' : 'join');
      return true;
    };
    for (const r of records) {
      if (r.type === 'characterData') {
        const f = this.familyOf(r.target);
        if (!touch(r.target, !!f && r.target === f.origin) && this.watch) this.markDirty(r.target);
        continue;
      }
      touch(r.target, false); // inside one of our marks
      for (const n of r.removedNodes) {
        if (touch(n, false) || n.nodeType !== 1) continue;
        for (const m of n.querySelectorAll('mark[data-tifa-term]')) touch(m, false);
      }
      if (r.addedNodes.length && r.previousSibling && r.nextSibling) {
        const f = this.familyOf(r.previousSibling);
        if (f && f === this.familyOf(r.nextSibling)) touch(r.previousSibling, false);
      }
      if (this.watch) for (const n of r.addedNodes) this.markDirty(n);
    }
    if (touched.size) {
      for (const [f, how] of touched) this.reset(f, how, this.watch);
      this.takeOwnRecords();
    }
    if (!this.dirty.size || !this.watch) return;
    const win = this.doc.defaultView || window;
    if (!this.firstDirty) this.firstDirty = now();
    clearTimeout(this.timer);
    // Debounced, but never postponed for more than 1 s by a stream of changes.
    const wait = Math.max(0, Math.min(this.debounceMs, 1000 - (now() - this.firstDirty)));
    this.timer = win.setTimeout(() => this.flush(), wait);
  }

  markDirty(n) {
    const el = n.nodeType === 1 ? n : n.parentElement;
    if (!el) return;
    if (el.closest(this.skip)) return; // ours (marks, tooltip host) or skipped content
    if (n.nodeType === 3 && !n.data.trim()) return;
    this.dirty.add(n.nodeType === 1 && !isInline(n) ? n : blockOf(n, this.root));
  }

  flush() {
    this.firstDirty = 0;
    const regions = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Only the outermost regions (a region inside another is covered by it).
    const top = regions.filter((r) => !regions.some((o) => o !== r && o.contains(r)));
    if (!top.length || !this.watch) return;
    this.run(top).then(() => {
      if (this.onUpdate && !this.stopped) this.onUpdate(this.summary());
    });
  }

  /** Stops highlighting added content; host changes to split nodes are still mended. */
  disconnect() {
    this.watch = false;
    clearTimeout(this.timer);
    this.dirty.clear();
  }

  /** Stops every observer (unhighlight). */
  unobserve() {
    this.disconnect();
    if (this.observer) { this.observer.disconnect(); this.observer = null; }
    if (this.shadowObservers) { for (const o of this.shadowObservers.values()) o.disconnect(); this.shadowObservers = null; }
  }

  undo() {
    liveSessions.delete(this);
    // Host changes not yet delivered to the observer are mended first, from the page as it is.
    this.watch = false;
    if (this.observer) this.onMutations(this.observer.takeRecords());
    if (this.shadowObservers) for (const o of this.shadowObservers.values()) this.onMutations(o.takeRecords());
    this.stopped = true;
    this.unobserve();
    const removed = this.count;
    for (const f of [...this.origins.values()]) this.reset(f, 'saved', false);
    for (const tree of this.trees) {
      // Keep the sheet while another session still has marks in this tree.
      if (!anySessionUses(tree, this)) unadopt(tree, this.sheet);
    }
    this.origins.clear(); this.markCount = 0; this.range = null;
    this.trees.clear(); this.terms.clear(); this.seen.clear(); this.count = 0;
    return removed;
  }
}

function anySessionUses(tree, except) {
  for (const s of liveSessions) {
    if (s === except || s.stopped) continue;
    if (s.trees.has(tree)) return true;
  }
  return false;
}

/** Per engine: entry ids and categories by index, and the names of kinds and contexts. */
const rowTables = new WeakMap();

/**
 * The matches of `text` as `{ id, category, form, kind, context, nested: [{ id }], start, end }`,
 * from the engine's numeric rows (no report is built); engines without `rows` fall back to
 * `analyze`.
 */
function matchesOf(engine, text, options) {
  if (typeof engine.rows !== 'function') {
    const report = engine.analyze(text, options);
    return report && report.matches ? report.matches : [];
  }
  let t = rowTables.get(engine);
  if (!t) {
    const names = engine.rowNames();
    t = { entries: engine.summaries(), kinds: names.kinds, contexts: names.contexts };
    rowTables.set(engine, t);
  }
  const rows = engine.rows(text, options);
  const n = rows[0];
  const out = new Array(n);
  let k = 1 + n * 7;
  for (let i = 0; i < n; i++) {
    const o = 1 + i * 7;
    const e = t.entries[rows[o + 2]];
    const nested = [];
    for (let j = 0; j < rows[o + 6]; j++) nested.push({ id: t.entries[rows[k++]].id });
    out[i] = {
      id: e.id, category: e.category, start: rows[o], end: rows[o + 1],
      form: engine.formText(rows[o + 2], rows[o + 3]) ?? '', formIndex: rows[o + 3], kind: t.kinds[rows[o + 4]],
      context: rows[o + 5] ? t.contexts[rows[o + 5] - 1] : undefined, nested,
    };
  }
  return out;
}

function upperBound(arr, x) {
  let lo = 0; let hi = arr.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid] <= x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The nearest non-inline ancestor of `node` (or `root`). */
function blockOf(node, root) {
  let el = node.parentNode;
  while (el && el !== root && el.nodeType === 1 && isInline(el)) el = el.parentNode;
  return el || root;
}
