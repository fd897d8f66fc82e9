// The Corpus view (#corpus): many documents counted per period and term, as `tifa corpus`
// counts them, with the report's charts and tables (lib/corpus-charts.js), exports byte for
// byte the CLI's, and the emerging phrases with dictionary entry stubs.
//
// The counting is the library's (tifa::corpus, through the `tifa_full` wasm module): a pool of
// workers (corpus-pool.js, corpus-worker.js) each counts a share of the documents; this thread
// reads the files' list, parses JSON Lines and CSV records a batch at a time, keeps the tally
// for the progress bar, and merges the workers' parts. Text reaches the DOM only as text.
import { listSources, jsonlLines, csvRecords, datesLine } from './corpus-intake.js';
import { startPool, poolSize } from './corpus-pool.js';
import { decodeText } from './read-file.js';
import { saveText } from './download.js';
import { el } from './dom.js';
import { loadModule, DEFAULT_BASE, FULL } from '../lib/engine.js';
import { CATEGORIES, CATEGORY_LABELS } from '../lib/vocabulary.js';
import { mountCorpusCharts } from '../lib/corpus-charts.js';

/** Plain files per batch sent to a worker. */
const FILES_PER_BATCH = 16;
/** JSON Lines or CSV records per batch. */
const RECORDS_PER_BATCH = 128;
/** Emerging phrases: as `tifa corpus --emerging`'s defaults (--min-documents, --top). */
const MIN_DOCUMENTS = 3;
const TOP = 50;

/**
 * The documents of `sources` (from `listSources`) in batches for the workers: plain files as
 * `{ file, path }` (read by the worker), records as `{ id, date, source, text }`. A records
 * file is read and decoded here, then parsed one batch at a time. `onSkip({ place, why })` gets
 * what cannot be read; `onTotal(n)` how many more documents are known to come.
 */
export async function* corpusBatches(sources, { onSkip = () => {}, onTotal = () => {} } = {}) {
  let files = [];
  for (const s of sources) {
    if (s.kind === 'text') {
      files.push({ file: s.file, path: s.path });
      if (files.length >= FILES_PER_BATCH) {
        yield files;
        files = [];
      }
      continue;
    }
    let text;
    try {
      ({ text } = decodeText(new Uint8Array(await s.file.arrayBuffer()), { name: s.path }));
    } catch (err) {
      onSkip({ place: s.path, why: err.message });
      continue;
    }
    if (s.kind === 'jsonl') {
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      onTotal(lines.filter((l) => l.trim() !== '').length);
      for (let i = 0; i < lines.length; i += RECORDS_PER_BATCH) {
        const { docs, skipped } = jsonlLines(lines.slice(i, i + RECORDS_PER_BATCH), s.path, i + 1);
        skipped.forEach(onSkip);
        if (docs.length) yield docs;
      }
    } else {
      const { docs, skipped } = csvRecords(text, s.path);
      skipped.forEach(onSkip);
      onTotal(docs.length);
      for (let i = 0; i < docs.length; i += RECORDS_PER_BATCH) yield docs.slice(i, i + RECORDS_PER_BATCH);
    }
  }
  if (files.length) yield files;
}

/** Every file under a dropped folder (recursively), with its path inside the drop. */
async function filesOfEntry(entry, prefix = '') {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{ file, path: prefix + entry.name }];
  }
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const chunk = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!chunk.length) break;
    children.push(...chunk);
  }
  const nested = await Promise.all(children.map((c) => filesOfEntry(c, `${prefix}${entry.name}/`)));
  return nested.flat();
}

/** The files of a drop: folders walked, files as they are. */
async function droppedFiles(dataTransfer) {
  const entries = [...(dataTransfer.items || [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...dataTransfer.files];
  return (await Promise.all(entries.map((e) => filesOfEntry(e)))).flat();
}

/**
 * Wires the #corpus view. `getEntries()` gives the dictionary's entries (for the terms' names).
 * Returns `{ show(), count(files), cancel(), csv(), jsonl(), busy, result, charts, candidates,
 * stubs, runs }` (`count` resolves when done).
 */
export function startCorpus(root, { getEntries }) {
  const doc = root.ownerDocument;
  const $ = (id) => doc.getElementById(id);
  const ui = {
    drop: $('corpus-drop'), files: $('corpus-files'), folder: $('corpus-folder'), by: $('corpus-by'),
    sensitivity: $('corpus-sensitivity'), terms: $('corpus-terms'), emerging: $('corpus-emerging'),
    again: $('corpus-again'), progress: $('corpus-progress'), progressBar: $('corpus-progress-bar'),
    progressLabel: $('corpus-progress-label'), cancel: $('corpus-cancel'), status: $('corpus-status'),
    error: $('corpus-error'), result: $('corpus-result'), summary: $('corpus-summary'), dates: $('corpus-dates'),
    skipped: $('corpus-skipped'), charts: $('corpus-charts'), emergingSection: $('corpus-emerging-section'),
    emergingStatus: $('corpus-emerging-status'), emergingTable: $('corpus-emerging'),
  };
  const pkgUrl = new URL('./pkg/', DEFAULT_BASE).href;
  let files = [];
  let pool = null;
  let total = null; // the merged CorpusCount of the last run
  let charts = null;
  let generation = 0;
  const api = { result: null, charts: null, candidates: [], stubs: [], runs: 0, cancelled: 0 };

  let styled = false;
  function addStyles() {
    if (styled) return;
    styled = true;
    for (const href of ['../vendor/uPlot.min.css', '../lib/corpus-charts.css']) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(href, import.meta.url).href;
      doc.head.append(link);
    }
  }

  function showError(message) {
    ui.error.hidden = !message;
    ui.error.textContent = message || '';
  }

  function options() {
    return { by: ui.by.value, terms: ui.terms.value.trim(), sensitivity: ui.sensitivity.value, emerging: ui.emerging.checked };
  }

  /** Stops the run in progress, if any. */
  function cancel() {
    if (!pool) return;
    pool.stop();
    pool = null;
    generation += 1;
    api.cancelled += 1;
    ui.progress.hidden = true;
    ui.status.textContent = 'Cancelled: nothing was counted.';
  }

  /** The data the charts' module takes, as the CLI's report embeds it. */
  function chartData(opts, rows, periods, documents, columns) {
    const byId = new Map(getEntries().map((e) => [e.id, e]));
    const terms = {};
    for (const r of rows) {
      if (terms[r.term]) continue;
      const e = byId.get(r.term);
      terms[r.term] = e ? { en: e.en, zh: e.zh, category: e.category } : { en: r.term, zh: '', category: 'other' };
    }
    const categories = [...CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] || id })), { id: 'other', label: 'Other' }];
    return { tool: 'the tifa page', by: opts.by, by_form: false, documents, columns, rows, periods, terms, categories };
  }

  function showSkipped(skipped) {
    ui.skipped.hidden = !skipped.length;
    ui.skipped.querySelector('summary').textContent = `${skipped.length} left out`;
    ui.skipped.querySelector('ul').replaceChildren(...skipped.slice(0, 200).map((s) => el(doc, 'li', '', `${s.place}: ${s.why}`)));
  }

  /** Counts `chosen` (Files, or { file, path }) with the options of the form. */
  async function count(chosen = files) {
    cancel();
    files = [...chosen];
    const mine = ++generation;
    showError('');
    const sources = listSources(files);
    if (!sources.length) {
      showError('None of these files can be read as a corpus: give .txt, .md, .html, .jsonl or .csv files, or a folder of them.');
      return null;
    }
    const opts = options();
    // The last result goes: what is shown is always what the options say.
    api.result = null;
    ui.result.hidden = true;
    const size = poolSize(navigator.hardwareConcurrency);
    pool = startPool(size);
    const myPool = pool;
    const tally = { done: 0, expected: sources.filter((s) => s.kind === 'text').length, bytes: 0, sources: {}, skipped: [] };
    const showProgress = () => {
      ui.progressBar.max = Math.max(tally.expected, tally.done, 1);
      ui.progressBar.value = tally.done;
      ui.progressLabel.textContent = `Counting with ${size} worker${size === 1 ? '' : 's'}: ${tally.done.toLocaleString('en')} of ${Math.max(tally.expected, tally.done).toLocaleString('en')} documents…`;
    };
    ui.progress.hidden = false;
    ui.status.textContent = '';
    ui.again.hidden = false;
    showProgress();
    const started = performance.now();
    try {
      const batches = corpusBatches(sources, {
        onSkip: (s) => tally.skipped.push(s),
        onTotal: (n) => { tally.expected += n; showProgress(); },
      });
      const parts = await myPool.run(batches, opts, (r) => {
        tally.done += r.done;
        tally.bytes += r.bytes;
        for (const [k, n] of Object.entries(r.sources)) tally.sources[k] = (tally.sources[k] || 0) + n;
        tally.skipped.push(...r.skipped);
        showProgress();
      });
      if (mine !== generation) return null;
      const mod = await loadModule(pkgUrl, FULL);
      total?.free();
      total = new mod.CorpusCount(opts.by, opts.terms, opts.sensitivity, false);
      for (const p of parts) total.merge(p.json);
      const rows = total.rows();
      const periods = total.periods();
      const seconds = (performance.now() - started) / 1000;
      const result = { options: opts, rows, periods, columns: mod.CorpusCount.columns(), documents: total.documents, sources: { ...tally.sources },
        skipped: tally.skipped, seconds, workers: size };
      api.result = result;
      api.runs += 1;
      render(result);
      ui.progress.hidden = true;
      if (opts.emerging) await emerging(myPool, parts, sources, mine);
      else ui.emergingSection.hidden = true;
      return result;
    } catch (err) {
      if (mine !== generation) return null; // cancelled
      ui.progress.hidden = true;
      showError(`The corpus could not be counted: ${err.message}`);
      return null;
    } finally {
      myPool.stop();
      if (pool === myPool) pool = null;
    }
  }

  function render(result) {
    const { options: opts, rows, periods, columns, documents, sources, skipped, seconds, workers } = result;
    const periodCount = new Set(periods.map((p) => p.period)).size;
    const terms = new Set(rows.map((r) => r.term)).size;
    ui.summary.textContent = `${documents.toLocaleString('en')} documents in ${periodCount} period${periodCount === 1 ? '' : 's'} (by ${opts.by}), ${terms} term${terms === 1 ? '' : 's'} found, in ${seconds.toFixed(1)} s with ${workers} worker${workers === 1 ? '' : 's'}.`;
    ui.dates.textContent = datesLine(sources);
    showSkipped(skipped);
    ui.result.hidden = false;
    addStyles();
    charts?.destroy();
    charts = null;
    import('../vendor/uPlot.esm.js').then(({ default: uPlot }) => {
      if (api.result !== result) return;
      charts = mountCorpusCharts(ui.charts, chartData(opts, rows, periods, documents, columns),
        { uPlot, prefix: 'cc-', headingLevel: 3 });
      api.charts = charts;
    }).catch((err) => showError(`The charts could not be drawn: ${err.message}`));
  }

  /** The emerging phrases: picked by a worker from the parts' n-grams, then examples from a
   *  second reading, in document order (as the CLI), and each one's entry stub. */
  async function emerging(myPool, parts, sources, mine) {
    ui.emergingSection.hidden = false;
    ui.emergingStatus.textContent = 'Looking for emerging phrases…';
    ui.emergingTable.replaceChildren();
    const { candidates } = await myPool.request('candidates', { parts: parts.map((p) => p.emerging), minDocuments: MIN_DOCUMENTS, top: TOP });
    if (mine !== generation) return;
    const wanted = candidates.map((c) => ({ phrase: c.phrase, language: c.language }));
    for (const c of candidates) c.examples = [];
    if (candidates.length) {
      for await (const batch of corpusBatches(sources)) {
        const { examples } = await myPool.request('examples', { candidates: wanted, docs: batch });
        examples.forEach((list, i) => { for (const e of list) if (candidates[i].examples.length < 3) candidates[i].examples.push(e); });
        if (candidates.every((c) => c.examples.length >= 3)) break;
      }
    }
    if (mine !== generation) return;
    const mod = await loadModule(pkgUrl, FULL);
    api.candidates = candidates;
    api.stubs = candidates.map((c) => mod.emergingStub(c));
    renderEmerging(candidates, api.stubs);
  }

  function renderEmerging(candidates, stubs) {
    ui.emergingStatus.textContent = candidates.length
      ? `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}, best first.`
      : `No phrase recurs in ${MIN_DOCUMENTS} documents or more without a dictionary term in it.`;
    const head = ['Phrase', 'Documents', 'Occurrences', 'Score', 'Documents by period', 'Examples', 'Stub'];
    const thead = el(doc, 'thead');
    const tr = el(doc, 'tr');
    head.forEach((h, i) => {
      const th = el(doc, 'th', i >= 1 && i <= 3 ? 'num' : '', h);
      th.scope = 'col';
      tr.append(th);
    });
    thead.append(tr);
    const body = el(doc, 'tbody');
    candidates.forEach((c, i) => {
      const row = el(doc, 'tr');
      row.dataset.phrase = c.phrase;
      const phrase = el(doc, 'th', '', c.phrase);
      phrase.scope = 'row';
      phrase.lang = c.language === 'zh' ? 'zh-Hans' : 'en';
      const byPeriod = Object.entries(c.by_period).map(([p, n]) => `${p}: ${n}`).join(', ');
      const examples = el(doc, 'td');
      for (const e of c.examples) examples.append(el(doc, 'p', 'example', e));
      const copy = el(doc, 'button', '', 'Copy as TOML stub');
      copy.type = 'button';
      copy.dataset.stub = String(i);
      copy.addEventListener('click', () => copyStub(stubs[i], c.phrase));
      const copyCell = el(doc, 'td');
      copyCell.append(copy);
      row.append(phrase, el(doc, 'td', 'num', String(c.documents)), el(doc, 'td', 'num', String(c.occurrences)),
        el(doc, 'td', 'num', (Math.round(c.score * 1000) / 1000).toLocaleString('en')), el(doc, 'td', '', byPeriod), examples, copyCell);
      body.append(row);
    });
    ui.emergingTable.replaceChildren(el(doc, 'caption', '', 'Emerging phrases'), thead, body);
  }

  async function copyStub(stub, phrase) {
    try {
      await navigator.clipboard.writeText(stub);
      ui.emergingStatus.textContent = `Copied the stub of “${phrase}”: paste it into a dictionary file and fill in the empty fields.`;
    } catch {
      ui.emergingStatus.textContent = `The clipboard is not available here: the stub of “${phrase}” is selected below; copy it with Ctrl+C.`;
      const box = el(doc, 'textarea', 'stub', stub);
      box.readOnly = true;
      box.rows = stub.split('\n').length;
      box.setAttribute('aria-label', `Dictionary entry stub for ${phrase}`);
      ui.emergingStatus.after(box);
      box.select();
    }
  }

  async function exportTable(format) {
    if (!total || !api.result) return;
    const by = api.result.options.by;
    if (format === 'csv') saveText(total.csv(), 'text/csv;charset=utf-8', `tifa-corpus-${by}.csv`, doc);
    else if (format === 'jsonl') saveText(total.jsonl(), 'application/x-ndjson;charset=utf-8', `tifa-corpus-${by}.jsonl`, doc);
    else if (format === 'parquet') {
      try {
        const { corpusParquet } = await import('./corpus-parquet.js');
        const bytes = await corpusParquet(total.jsonl());
        if (!bytes) showError('The table has no rows: there is nothing to write as Parquet.');
        else saveText(bytes, 'application/vnd.apache.parquet', `tifa-corpus-${by}.parquet`, doc);
      } catch (err) {
        showError(`The Parquet file could not be written: ${err.message}`);
      }
    }
  }

  // ---- wiring -----------------------------------------------------------------------------
  for (const input of [ui.files, ui.folder]) {
    input.addEventListener('change', () => {
      if (input.files.length) count([...input.files]);
      input.value = '';
    });
  }
  ui.drop.addEventListener('dragover', (e) => { e.preventDefault(); ui.drop.classList.add('dragging'); });
  ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
  ui.drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    ui.drop.classList.remove('dragging');
    try {
      count(await droppedFiles(e.dataTransfer));
    } catch (err) {
      showError(`The dropped files could not be read: ${err.message}`);
    }
  });
  ui.cancel.addEventListener('click', cancel);
  ui.again.addEventListener('click', () => count(files));
  for (const b of root.querySelectorAll('[data-corpus-export]')) {
    b.addEventListener('click', () => exportTable(b.dataset.corpusExport));
  }

  Object.assign(api, {
    show() { addStyles(); },
    count,
    cancel,
    /** The merged table as `tifa corpus --format csv` / `jsonl` would write it. */
    csv: () => total?.csv() ?? null,
    jsonl: () => total?.jsonl() ?? null,
  });
  /** Whether a run is in progress. */
  Object.defineProperty(api, 'busy', { get: () => pool !== null });
  return api;
}
