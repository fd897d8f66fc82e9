// The DOM pass of the embed: find tifa terms in the text of a live page and wrap them, safely
// and reversibly.
//
// - One TreeWalker over the text nodes; text is grouped by block, so a match may cross inline
//   elements ("two <em>establishments</em>") but never a block boundary (<p>, <li>, <td>, <br>…).
// - Skipped: script, style, noscript, template, textarea, input, select, option, button, code,
//   pre, kbd, samp, iframe, svg, math, [contenteditable], [data-tifa-skip], existing highlights,
//   and an optional `exclude` selector.
// - Wrapping uses splitText + createElement only. A match that spans inline tags becomes one
//   <mark> per text-node piece, all sharing one data-tifa-occurrence.
// - highlight twice == highlight once; unhighlight puts back the original text nodes (merging
//   the pieces into the node they were split from), so the markup is restored exactly and host
//   elements (and their listeners) are never replaced.
// - Work is cut into tasks of at most `budgetMs` (default 24 ms) of script time; a debounced
//   MutationObserver highlights added content and ignores the mutations tifa makes itself.

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
:where(mark.tifa-term) { --tifa-cat-color: var(--tifa-cat-default, #8a1c1c); } /* no specificity: a category wins */
${Object.entries(dark ? {
    ideology: '#ff8a80', leadership: '#ffb74d', 'party-building': '#ff8a65', discipline: '#ce93d8', economy: '#81c784', governance: '#64b5f6',
    'security-foreign': '#90a4ae', 'regions-religion': '#4dd0e1', propaganda: '#f06292', institutions: '#a1887f', local: '#aed581', history: '#ffd54f',
  } : {
    ideology: '#b71c1c', leadership: '#e65100', 'party-building': '#bf360c', discipline: '#6a1b9a', economy: '#2e7d32', governance: '#1565c0',
    'security-foreign': '#37474f', 'regions-religion': '#00838f', propaganda: '#ad1457', institutions: '#5d4037', local: '#558b2f', history: '#795548',
  }).map(([c, v]) => `mark.tifa-cat-${c} { --tifa-cat-color: var(--tifa-cat-${c}, ${v}); }`).join('\n')}
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
 *           onUpdate?: (summary) => void }} [options]
 * @returns {Promise<{ root, count: number, marks: number, terms: Record<string, number>, disconnect(): void }>}
 */
export async function highlightTree(root, engine, options = {}) {
  if (!root || !root.nodeType) throw new TypeError('highlight: root must be an Element, Document or ShadowRoot');
  if (root.nodeType === 9) root = root.body || root.documentElement;
  let s = sessions.get(root);
  if (!s) {
    s = new Session(root, engine, options);
    sessions.set(root, s);
  } else if (options.observe !== false && !s.observer) s.observe();
  await s.run([root]);
  return s.summary();
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

/** The current counts for `root`, or null. @example summaryOf(article)?.count */
export function summaryOf(root) {
  if (root && root.nodeType === 9) root = root.body || root.documentElement;
  const s = root && sessions.get(root);
  return s ? s.summary() : null;
}

class Session {
  constructor(root, engine, { categories, firstOnly = false, exclude, observe = true, theme = 'auto', shadowRoots = true,
    budgetMs = 24, batchChars = 24000, debounceMs = 150, onUpdate, sensitivity = 'default' } = {}) {
    this.root = root;
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
    this.debounceMs = debounceMs;
    this.onUpdate = onUpdate;
    this.sheet = markSheet(this.doc, theme);
    this.trees = new Set(); // Document/ShadowRoot that got the mark sheet
    this.marks = []; // every <mark> made, in creation order
    this.splits = []; // [origin Text, created Text] in creation order
    this.seen = new Set(); // ids already highlighted (firstOnly)
    this.terms = new Map(); // id -> occurrences
    this.count = 0;
    this.observer = null;
    this.dirty = new Set();
    this.timer = 0;
    this.firstDirty = 0;
    this.running = Promise.resolve();
    this.stopped = false;
    this.maxTaskMs = 0;
    this.scriptMs = 0;
    liveSessions.add(this);
    if (observe) this.observe();
  }

  summary() {
    return {
      root: this.root,
      count: this.count,
      marks: this.marks.length,
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
    const p = { boundary: false };
    const walker = this.doc.createTreeWalker(this.root, 5, { acceptNode: this.filter(p, null) });
    const parts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (p.boundary) parts.push(SEPARATOR);
      p.boundary = false;
      parts.push(n.data);
    }
    return parts.join('');
  }

  async pass(regions) {
    const queue = [...regions];
    let t0 = now();
    // Once the root shows Party discourse it keeps doing so as content is added.
    if (this.sensitivity === 'default' && !this.vouches && typeof this.engine.documentVouches === 'function') {
      this.vouches = !!this.engine.documentVouches(this.documentText());
    }
    while (queue.length && !this.stopped) {
      const region = queue.shift();
      if (!region.isConnected && region !== this.root) continue;
      const w = this.walker(region, queue);
      for (;;) {
        if (this.stopped) return;
        if (!w.walker.currentNode.isConnected && w.walker.currentNode !== region) {
          // The host removed the node we were at: start this region again (already wrapped
          // text is skipped, so this finds only what is left).
          w.restart();
        }
        const batch = this.collect(w);
        if (batch.nodes.length) this.wrap(batch);
        this.takeOwnRecords();
        const t = now();
        if (t - t0 > this.maxTaskMs) this.maxTaskMs = t - t0;
        if (!batch.more) break;
        if (t - t0 >= this.budgetMs / 2) {
          this.scriptMs += t - t0;
          await yieldToBrowser();
          t0 = now();
        }
      }
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
      pending: null,
      walker: null,
      tail: '', // the end of the previous batch's text: context for the engine's "nearby" rule
      restart() {
        w.walker = self.doc.createTreeWalker(region, 5 /* SHOW_ELEMENT | SHOW_TEXT */, { acceptNode: self.filter(w, queue) });
        w.pending = null; w.prevBlock = null; w.boundary = true; w.tail = '';
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
   * The text that follows the batch just collected (at least CONTEXT chars, whole text nodes),
   * read with a second walker that changes nothing: context for the engine, never wrapped.
   */
  peek(w) {
    if (!w.pending) return '';
    const p = { boundary: false };
    const walker = this.doc.createTreeWalker(w.region, 5, { acceptNode: this.filter(p, null) });
    walker.currentNode = w.pending;
    const parts = [w.pending.data];
    let len = w.pending.data.length;
    let block = blockOf(w.pending, this.root);
    while (len < CONTEXT) {
      p.boundary = false;
      const n = walker.nextNode();
      if (!n) break;
      const b = blockOf(n, this.root);
      if (p.boundary || b !== block) { parts.push(SEPARATOR); len += SEPARATOR.length; }
      block = b;
      parts.push(n.data); len += n.data.length;
    }
    return parts.join('');
  }

  /** Collects whole blocks of text nodes up to ~batchChars. */
  collect(w) {
    const nodes = []; const starts = []; const parts = [];
    let len = 0; let more = false;
    if (w.done) return { nodes, starts, text: '', more: false };
    for (;;) {
      let node; let boundary;
      if (w.pending) { node = w.pending; w.pending = null; boundary = true; } else {
        w.boundary = false;
        node = w.walker.nextNode();
        if (!node) break;
        boundary = w.boundary;
      }
      const block = blockOf(node, this.root);
      const newGroup = boundary || block !== w.prevBlock;
      if (newGroup && len >= this.batchChars) { w.pending = node; more = true; break; }
      if (newGroup && nodes.length) { parts.push(SEPARATOR); len += SEPARATOR.length; }
      w.prevBlock = block;
      starts.push(len); nodes.push(node); parts.push(node.data); len += node.data.length;
    }
    if (!more) w.done = true;
    const text = parts.join('');
    const before = w.tail;
    const after = more ? this.peek(w) : '';
    // Keep the end of this batch as the next one's leading context (cut at a block boundary
    // when there is one, so no partial term becomes an anchor).
    if (text.length > CONTEXT) {
      const cut = text.lastIndexOf(SEPARATOR, text.length - CONTEXT);
      w.tail = text.slice(cut >= 0 ? cut + SEPARATOR.length : text.length - CONTEXT);
    } else w.tail = (before ? before + SEPARATOR : '') + text;
    if (w.tail.length > 4 * CONTEXT) w.tail = w.tail.slice(-2 * CONTEXT);
    return { nodes, starts, text, more, before, after };
  }

  wrap({ nodes, starts, text, before = '', after = '' }) {
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    // The batch is analysed with the text around it, so the context rules ("nearby" and
    // "sentence") see the same neighbours whatever the batch size, and with the document rule
    // judged over the whole root; only matches inside the batch are wrapped.
    const lead = before ? before.length + SEPARATOR.length : 0;
    const full = (before ? before + SEPARATOR : '') + text + (after ? SEPARATOR + after : '');
    const options = this.sensitivity === 'default'
      ? { sensitivity: 'default', documentVouches: this.vouches } : { sensitivity: this.sensitivity };
    const all = matchesOf(this.engine, full, options);
    const matches = [];
    for (const m of all) {
      if (m.start < lead || m.end > lead + text.length) continue;
      matches.push(lead ? { ...m, start: m.start - lead, end: m.end - lead } : m);
    }
    if (!matches.length) return;
    const perNode = new Map(); // node index -> pieces
    for (const m of matches) {
      if (this.categories && !this.categories.has(m.category)) continue;
      if (this.firstOnly) { if (this.seen.has(m.id)) continue; }
      this.seen.add(m.id);
      const occ = String(++occurrenceCounter);
      let i = upperBound(starts, m.start) - 1;
      let first = true;
      for (; i < nodes.length && starts[i] < m.end; i++) {
        const a = Math.max(m.start, starts[i]) - starts[i];
        const b = Math.min(m.end, starts[i] + nodes[i].data.length) - starts[i];
        if (b <= a) continue;
        let list = perNode.get(i);
        if (!list) perNode.set(i, (list = []));
        list.push({ a, b, m, occ, first });
        first = false;
      }
      this.count += 1;
      this.terms.set(m.id, (this.terms.get(m.id) || 0) + 1);
    }
    const doc = this.doc;
    for (const [i, pieces] of perNode) {
      const node = nodes[i];
      const tree = node.getRootNode();
      if (!this.trees.has(tree) && (tree.nodeType === 9 || tree.nodeType === 11)) {
        if (adopt(tree, this.sheet)) this.trees.add(tree);
      }
      for (let k = pieces.length - 1; k >= 0; k--) {
        const { a, b, m, occ, first } = pieces[k];
        if (b < node.data.length) this.splits.push([node, node.splitText(b)]);
        let mid = node;
        if (a > 0) { mid = node.splitText(a); this.splits.push([node, mid]); }
        // One tab stop per occurrence: later pieces of a match split by inline tags are -1.
        const mark = createMark(doc, { id: m.id, category: m.category, form: m.form, kind: m.kind, context: m.context,
          nested: (m.nested || []).map((n) => n.id), occurrence: occ, focusable: first });
        mid.parentNode.insertBefore(mark, mid);
        mark.appendChild(mid);
        this.marks.push(mark);
      }
    }
  }

  takeOwnRecords() {
    // Everything queued now was done by this synchronous chunk: no host script ran meanwhile.
    if (this.observer) this.observer.takeRecords();
    if (this.shadowObservers) for (const o of this.shadowObservers.values()) o.takeRecords();
  }

  observe() {
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

  onMutations(records) {
    if (this.stopped) return;
    for (const r of records) {
      if (r.type === 'characterData') this.markDirty(r.target);
      else for (const n of r.addedNodes) this.markDirty(n);
    }
    if (!this.dirty.size) return;
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
    if (!top.length) return;
    this.run(top).then(() => {
      if (this.onUpdate && !this.stopped) this.onUpdate(this.summary());
    });
  }

  disconnect() {
    clearTimeout(this.timer);
    this.dirty.clear();
    if (this.observer) { this.observer.disconnect(); this.observer = null; }
    if (this.shadowObservers) { for (const o of this.shadowObservers.values()) o.disconnect(); this.shadowObservers = null; }
  }

  undo() {
    this.stopped = true;
    liveSessions.delete(this);
    this.disconnect();
    const removed = this.count;
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    for (let k = this.splits.length - 1; k >= 0; k--) {
      const [origin, created] = this.splits[k];
      if (created.previousSibling === origin && created.parentNode) {
        origin.appendData(created.data);
        created.parentNode.removeChild(created);
      }
    }
    for (const tree of this.trees) {
      // Keep the sheet while another session still has marks in this tree.
      if (!anySessionUses(tree, this)) unadopt(tree, this.sheet);
    }
    this.marks = []; this.splits = []; this.trees.clear(); this.terms.clear(); this.seen.clear(); this.count = 0;
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
      form: engine.formText(rows[o + 2], rows[o + 3]) ?? '', kind: t.kinds[rows[o + 4]],
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
