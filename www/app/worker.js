// The matching worker: loads the wasm engine once, analyses texts, and builds exports, so the
// page's main thread never runs the matcher or walks a big report.
//
// Protocol (every request carries `seq`; every reply echoes it):
//   { type: 'preloaded', wasm? , matching? }               (no reply; only from boot.js, when
//     the worker's URL has ?preloaded: the compiled wasm, the match part's bytes, or null)
//   { type: 'preloaded', scope }                           (no reply; with ?preloaded&scope: the
//     sample's text, which the first engine is scoped to if it is here when the wasm and the
//     match part are, or null: the whole engine)
//   { seq, type: 'init' }                                  -> { entries, categories }
//     (entry summaries, without forms or card fields: enough to show matches)
//   { seq, type: 'cards' }                                 -> { entries, categories }
//     (the same entries with explanations, sources, glosses: after the first highlight)
//   { seq, type: 'dictionary', mode: 'builtin'|'with'|'only', text?, name? }
//                                                          -> { entries, categories } | { error }
//   { seq, type: 'analyze', text, source, sensitivity?, keep? }
//                                                          -> { summary, compact } | { error }
//     (the engine's rows and the report without its matches, compact.js; the text is kept for
//     'export' unless keep is false: the compare view's are not)
//   { seq, type: 'export', format: 'json'|'csv'|'md'|'html'|'standalone'|'anki' } -> { body, mime, filename } | { error }
//     ('csv' and 'html': the CLI's, from the full module's Rust renderers; 'standalone': the
//     interactive file with the page's cards; 'anki': a word list of the terms found, in order
//     of first appearance, for Anki; wordlist.js)
import { loadTifa, loadCards, loadFull, loadModule, CORE, DEFAULT_BASE } from '../lib/engine.js';
// compact.js's one import, loaded with this module (beside engine.js, no deeper): imported by
// compact.js alone, it was requested only once the engine's build had let go of this thread, and
// the first analysis waited for that fetch.
import '../lib/vocabulary.js';

// Marks for the page benchmark's split of the cold load (benches/page.mjs), and for the tests
// (tifa-engine-scope: the sample's text arrived; tifa-engine-scoped: the first engine is scoped
// to it; tifa-engine-whole: it gave way to the whole engine).
const mark = (name) => performance.mark(name);
mark('tifa-worker-start');
// Needed only for the first analysis: fetched while the engine starts, not before it.
const compactModule = import('./compact.js');
compactModule.catch(() => {}); // reported by the first analysis

let ready = null;
let engine = null;
let entries = [];
let entriesFull = false; // entries hold forms and card fields
let entryIndex = new Map();
let last = null; // { text, source, options, report? } (the full report made on the first export)
let analyzed = false; // the first analysis is marked (tifa-analyze-start, -end) for the benchmark

/** Uses `t`; `full` sends every entry with its forms and card fields, else summaries. */
function setEngine(t, full = true) {
  // A new engine (another dictionary) makes the last report stale; the same engine with its
  // card part added does not.
  if (t !== engine) last = null;
  engine = t;
  entries = full ? t.entries() : t.summaries();
  entriesFull = full;
  entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  return { entries, categories: t.categories() };
}

/** A promise and the function that settles it. */
function deferred() {
  let resolve;
  const promise = new Promise((ok) => { resolve = ok; });
  return { promise, resolve };
}
// What boot.js started downloading before this worker ran (see its header), when it did.
const params = new URL(import.meta.url).searchParams;
const preloaded = params.has('preloaded') ? { wasm: deferred(), matching: deferred(), scope: params.has('scope') ? deferred() : null } : null;
let builtin = {}; // how loadTifa gets the built-in engine's wasm and match parts
const firstRequest = deferred(); // resolved by the page's first request (its 'init')

async function start() {
  const wasm = preloaded?.wasm.promise.then((m) => (mark('tifa-engine-wasm'), m));
  const matching = preloaded?.matching.promise.then((b) => (mark('tifa-engine-match'), b && new Uint8Array(b)));
  if (preloaded) builtin = { wasm, matching };
  // The engine's glue module (pkg/tifa.js) is imported now, while the wasm and the match parts
  // are on their way, not after they came: loadTifa below finds it loaded (loadModule's promise
  // is shared by its URL). The same failures reach loadTifa, which reports them.
  const module = loadModule(new URL('./pkg/', DEFAULT_BASE).href, CORE, wasm);
  module.then((mod) => {
    mark('tifa-engine-module');
    mod.Tifa.timings?.(); // a bench-only build (benches/page.mjs --breakdown) starts its clock
  }, () => {});
  // The sample's text, when boot.js fetches it: an engine scoped to it builds in a fraction of
  // the whole build's time and finds in that text what the whole engine finds. Once the wasm and
  // the match parts are here, the text is waited for until the page's own modules have run and
  // asked for the engine ('init'), no longer: a text still on its way then (a slow server) does
  // not hold the engine back, and the whole one is built. (Waiting for nothing lost the scoped
  // engine whenever the page's busy main thread handed the text over a moment after the parts.)
  let scope = null;
  if (preloaded?.scope) {
    let arrived = false;
    const text = preloaded.scope.promise.then((t) => { mark('tifa-engine-scope'); scope = t; arrived = true; });
    await Promise.all([wasm, matching]);
    if (!arrived) await Promise.race([text, firstRequest.promise]);
  }
  const t = await loadTifa(typeof scope === 'string' ? { ...builtin, scope } : builtin);
  mark('tifa-engine-built');
  if (t.scoped) mark('tifa-engine-scoped');
  // A bench-only build: the build's stages inside the wasm (`name ms count` lines).
  const stages = t.constructor.timings?.();
  if (stages) self.tifaStages = stages;
  return setEngine(t, false);
}

let whole = null;
/** The whole built-in engine (built once, from the same wasm and match parts). */
function wholeEngine() {
  if (!whole) {
    whole = loadTifa(builtin);
    whole.catch(() => { whole = null; });
  }
  return whole;
}

/**
 * Before `text` is analyzed: a scoped engine that does not cover it gives way to the whole one
 * (the same dictionary, so the entries sent and the last report stay valid), with its card part
 * if the scoped one had it.
 */
async function covering(text) {
  while (engine.scoped && !engine.covers(text)) {
    const scoped = engine;
    const t = await wholeEngine();
    if (scoped.hasCards) await loadCards(t);
    if (engine === scoped) {
      engine = t;
      mark('tifa-engine-whole');
    }
  }
}

/** The card part in the engine and full entries here; the reply of 'cards'. */
async function withCards() {
  let t;
  do { t = engine; await loadCards(t); } while (t !== engine);
  return entriesFull ? { entries, categories: engine.categories() } : setEngine(engine, true);
}

let modulesText = null;
/**
 * The source text of the modules the standalone export carries (`CARD_MODULES`: vocabulary,
 * card, tooltip, roving focus, floating-ui), so its cards are the page's (cached; offline from
 * the service worker).
 */
function cardModules() {
  if (!modulesText) {
    const get = (path) => fetch(new URL(path, import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(`could not read ${path} for the standalone file (HTTP ${r.status})`);
      return r.text();
    });
    modulesText = import('./standalone.js').then(({ CARD_MODULES }) => Promise.all(
      Object.entries(CARD_MODULES.files).map(([name, path]) => get(path).then((src) => [name, src])))).then(Object.fromEntries);
    modulesText.catch(() => { modulesText = null; });
  }
  return modulesText;
}

async function handle(msg) {
  switch (msg.type) {
    case 'init': // answered in onmessage, at once
      return ready;
    case 'cards':
      return withCards();
    case 'dictionary': {
      if (msg.mode === 'builtin') return setEngine(await loadCards(await wholeEngine()));
      const t = await loadTifa({ dictionary: msg.text, dictionaryName: msg.name, only: msg.mode === 'only' });
      return setEngine(t);
    }
    case 'analyze': {
      const options = { sensitivity: msg.sensitivity || 'default' };
      const { packRows } = await compactModule;
      await covering(msg.text);
      const first = !analyzed;
      analyzed = true;
      if (first) mark('tifa-analyze-start');
      const { rows, summary: full } = engine.highlight(msg.text, options);
      if (msg.keep !== false) last = { text: msg.text, source: msg.source, options, report: null };
      const { summary, compact, transfer } = packRows(rows, full, entries, (e, f) => engine.formText(e, f));
      if (first) mark('tifa-analyze-end');
      return { value: { summary, compact }, transfer };
    }
    case 'export': {
      if (!last) throw new Error('nothing to export yet: paste or open a text first');
      await withCards();
      const { text, source, options } = last;
      // The full report, made once and only for the exports that read it (not CSV and HTML).
      const current = last;
      const report = () => (current.report ??= engine.analyze(text, options));
      // Loaded on the first export, not at start.
      const [{ exportJson, exportCsv, exportHtml, exportMarkdown, exportFilename, sourceLabel, EXPORT_TYPES }, { standaloneHtml }, { wordlistAnki, WORDLIST_TYPES }] =
        await Promise.all([import('./export.js'), import('./standalone.js'), import('./wordlist.js')]);
      const label = sourceLabel(source);
      const modules = msg.format === 'standalone' ? await cardModules() : null;
      const full = msg.format === 'csv' || msg.format === 'html' ? await loadFull(engine) : null;
      const byId = (id) => entries[entryIndex.get(id)];
      const body = {
        json: () => exportJson(report(), label),
        csv: () => exportCsv(full, text, options, label),
        html: () => exportHtml(full, text, options, label),
        md: () => exportMarkdown(report(), byId, label),
        standalone: () => standaloneHtml(text, report(), byId, label, { modules }),
        anki: () => wordlistAnki(report().terms.map((t) => byId(t.id)).filter(Boolean)),
      }[msg.format];
      if (!body) throw new Error(`unknown export format: ${msg.format}`);
      if (msg.format === 'anki') return { body: body(), mime: WORDLIST_TYPES.anki, filename: exportFilename(source, 'anki.txt') };
      return { body: body(), mime: EXPORT_TYPES[msg.format], filename: exportFilename(source, msg.format === 'standalone' ? 'html' : msg.format) };
    }
    default:
      throw new Error(`unknown request: ${msg.type}`);
  }
}

// The engine starts loading at once, before the first request.
ready = start();
ready.catch(() => {});

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'preloaded') {
    for (const part of ['wasm', 'matching', 'scope']) if (part in msg) preloaded?.[part]?.resolve(msg[part]);
    return;
  }
  firstRequest.resolve();
  try {
    const started = await ready;
    // 'init' is answered here, in the first turn after the engine is ready: before an analysis
    // the page asked for at the same time (read.js) runs, so its entries arrive first.
    let out = msg.type === 'init' ? started : await handle(msg);
    let transfer = [];
    if (out && out.transfer) ({ value: out, transfer } = out);
    self.postMessage({ seq: msg.seq, ok: true, value: out }, transfer);
    // A scoped first engine: once its cards are in (after the first highlight), the whole one is
    // built, so that a text pasted later does not wait for it.
    if (msg.type === 'cards' && engine.scoped) setTimeout(() => wholeEngine().catch(() => {}), 0);
  } catch (err) {
    self.postMessage({ seq: msg.seq, ok: false, error: String(err && err.message ? err.message : err) });
  }
};
