// The page: wires input, worker, rendering, report, exports, glossary and routing together.
import { attachTooltips } from '../lib/tooltip.js';
import { startEngine } from './engine-client.js';
import { matchView } from './compact.js';
import { renderHighlights, categoryClass } from './render.js';
import { renderReport } from './report.js';
import { glossaryBrowser, termHash } from './glossary.js';
import { readTextFile } from './read-file.js';
import { saveText, formatBytes } from './download.js';
import { CARD_CSS } from '../lib/card.js';
import { rovingHighlights } from '../lib/roving.js';
import { problemUrl } from '../lib/feedback.js';
import { detectLanguage, languageLabel, scriptCharacters } from './language.js';
import { SHARE_PREFIX } from './share.js';
import { keepAndShare } from './keep.js';
import { startCompare } from './compare.js';

/** Texts longer than this (UTF-16 units) are analysed but not placed in the textarea. */
export const EDITOR_LIMIT = 1_000_000;
/** The engine refuses texts over 64 MiB (of UTF-8); a longer JS string is always over. */
export const ENGINE_LIMIT = 64 * 1024 * 1024;
const DEBOUNCE_MS = 300;

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('engine-status'), text: $('text'), drop: $('drop'), file: $('file'), sample: $('sample'),
  bigNotice: $('big-notice'), bigText: $('big-notice-text'), bigClear: $('big-clear'),
  sensitivity: $('sensitivity'), dictFile: $('dict-file'), dictOnly: $('dict-only'), dictReset: $('dict-reset'), dictStatus: $('dict-status'),
  progress: $('progress'), progressLabel: $('progress-label'), progressBar: $('progress-bar'), error: $('error'),
  output: $('output'), report: $('report'), exportStatus: $('export-status'), fileNote: $('file-note'),
  viewRead: $('view-read'), viewGlossary: $('view-glossary'), navRead: $('nav-read'), navGlossary: $('nav-glossary'),
  clear: $('clear'), keepDraft: $('keep-draft'), draftNote: $('draft-note'),
  share: $('share'), shareLink: $('share-link'), shareStatus: $('share-status'),
  gq: $('glossary-q'), gResults: $('glossary-results'), gEntry: $('glossary-entry'), gCount: $('glossary-count'),
};

const state = {
  entries: [], byId: new Map(), text: '', source: '<paste>', big: false,
  hidden: new Set(), seq: 0, pending: false, debouncing: false, render: null, view: null, occ: null, stepAt: new Map(), current: null,
};
const getEntry = (id) => state.byId.get(id);
// Drafts and share links (keep.js): made before anything can change the text.
const keep = keepAndShare({ ui, text: () => state.text, source: () => state.source, setText, showError });
const engine = startEngine();
const ready = engine.request('init').then(setEntries);
let cardsPromise = null;
/** The dictionary's card part (explanations, sources, glosses), asked for once: when the page
 * is idle after start, or at once when a glossary entry is opened or a highlight pointed at. */
function cards() {
  if (!cardsPromise) cardsPromise = ready.then(() => engine.request('cards')).then(setEntries);
  return cardsPromise;
}
/** Resolves on the next idle moment of the main thread (or soon, without requestIdleCallback). */
const idle = () => new Promise((resolve) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(resolve, { timeout: 1500 });
  else setTimeout(resolve, 200);
});
// What the first highlight does not need waits until it is drawn (or until the engine is ready
// with no text to show): the card part, the footnotes module, the service worker (below). On a
// new visit they would otherwise share the network and the processor with the first highlight.
let markStarted;
const started = new Promise((resolve) => { markStarted = resolve; });
/** Marks the start done unless a text is still on its way to its highlights. */
const startedUnlessBusy = () => { if (!state.pending) markStarted(); };
ready.then(idle, () => {}).then(() => {
  startedUnlessBusy();
  // A path that leaves the page busy without finishing an analysis must not hold these back.
  setTimeout(markStarted, 10_000);
});
started.then(idle).then(cards).then(() => loadFootnotes()).catch(() => {});
// A reader pointing at a highlight before then gets the card part at once.
for (const type of ['pointerover', 'focusin']) {
  ui.output.addEventListener(type, (ev) => { if (ev.target.closest?.('mark[data-tifa-term]')) cards().catch(() => {}); });
}
// The glossary's entry view is the tooltip's card, in the page: it needs the card's stylesheet
// too (it was adopted only in the tooltip's shadow root; issue 11, item 9).
try {
  const cardSheet = new CSSStyleSheet();
  cardSheet.replaceSync(CARD_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, cardSheet];
} catch { /* no constructable stylesheets: the card stays readable, unstyled */ }
// Build-time settings (make build: www/config.json): the dictionary version and where problem
// reports go. Read when a card is drawn; a missing file leaves the defaults.
const config = { version: '', build: '', report: '' };
const configReady = fetch(new URL('../config.json', import.meta.url)).then((r) => (r.ok ? r.json() : {}))
  .then((c) => Object.assign(config, c)).catch(() => {});
/** Card links: the entry's page, and a pre-filled report naming the entry and dictionary version. */
const cardLinks = {
  termUrl: (id) => termHash(id),
  // The page's address without its fragment: a share link's fragment is the reader's text.
  reportUrl: (entry) => problemUrl(config.report, entry, { version: config.version, page: location.origin + location.pathname }),
};
attachTooltips(ui.output, { getEntry, onNavigate: () => {}, theme: 'auto', ...cardLinks });
const glossary = glossaryBrowser({ input: ui.gq, results: ui.gResults, view: ui.gEntry, count: ui.gCount, getEntry,
  category: $('glossary-category'), exports: $('glossary-export'), link: ui.navGlossary, whenComplete: cards, reportUrl: cardLinks.reportUrl });
// One tab stop for the whole highlighted text; n/p and the arrow keys move between terms.
const roving = rovingHighlights(ui.output, { isSkipped: (mark) => state.hidden.has(state.view?.match(+mark.getAttribute('data-tifa-occurrence'))?.entry?.category) });

function setEntries({ entries }) {
  state.entries = entries;
  state.byId = new Map(entries.map((e) => [e.id, e]));
  // Former ids (merged entries) still resolve, in #term/<id> links too.
  for (const e of entries) for (const a of e.aliases || []) if (!state.byId.has(a)) state.byId.set(a, e);
  glossary.setEntries(entries);
  ui.status.textContent = `${entries.length} entries loaded.`;
  return entries;
}

let scripts = null;
/** The characters that tell simplified from traditional, from the loaded entries (cached). */
function scriptSets() {
  if (!scripts || scripts.entries !== state.entries) scripts = { entries: state.entries, sets: scriptCharacters(state.entries) };
  return scripts.sets;
}

function showError(message) {
  ui.error.hidden = !message;
  ui.error.textContent = message || '';
}

// ---- progress ---------------------------------------------------------------------------------
let progressTimer = 0;
function progress(label, fraction, { immediate = false } = {}) {
  clearTimeout(progressTimer);
  if (label == null) {
    ui.progress.hidden = true;
    return;
  }
  const show = () => {
    ui.progress.hidden = false;
    ui.progressLabel.textContent = label;
    if (fraction == null) ui.progressBar.removeAttribute('value');
    else ui.progressBar.value = fraction;
  };
  if (immediate || !ui.progress.hidden) show();
  else progressTimer = setTimeout(show, 150);
}

// ---- analysis ---------------------------------------------------------------------------------
let firstHighlight = false;
async function analyze() {
  state.debouncing = false;
  const seq = ++state.seq;
  const finish = () => {
    if (seq === state.seq && !state.debouncing) state.pending = false;
    startedUnlessBusy();
  };
  try {
    await analyzeLatest(seq);
  } finally {
    finish();
  }
}

async function analyzeLatest(seq) {
  const { text, source } = state;
  state.render?.cancel();
  state.occ = null;
  state.stepAt.clear();
  showError('');
  if (!text.trim()) {
    ui.output.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'Nothing to show yet: paste a text or choose a sample.' }));
    ui.report.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No text yet.' }));
    progress(null);
    state.view = null;
    return;
  }
  if (text.length > ENGINE_LIMIT) {
    progress(null);
    showError(`This text is ${formatBytes(text.length)} or more: tifa reads at most 64 MiB at once. Split it into parts.`);
    return;
  }
  const big = text.length > 200_000;
  progress(`Matching ${formatBytes(text.length)} in the background…`, null, { immediate: big });
  let result;
  try {
    await ready;
    performance.mark('tifa-analyze-sent');
    result = await engine.request('analyze', { text, source, sensitivity: ui.sensitivity.value });
    performance.mark('tifa-analyze-received');
  } catch (err) {
    if (seq === state.seq) {
      progress(null);
      showError(`Could not analyse this text: ${err.message}`);
    }
    return;
  }
  if (seq !== state.seq) return;
  const view = matchView(result.compact, state.entries);
  state.view = view;
  const detected = detectLanguage(text, scriptSets());
  ui.output.lang = result.summary.density.unit === 'characters'
    ? (detected.script === 'traditional' ? 'zh-Hant' : detected.script === 'simplified' ? 'zh-Hans' : 'zh') : 'en';
  renderReport(ui.report, result.summary, { getEntry, hidden: state.hidden, onStep: step, onToggle: toggleCategory, language: languageLabel(detected) });
  const r = renderHighlights(ui.output, text, view, {
    onProgress: (f, marks) => {
      if (!firstHighlight && marks[0]) {
        firstHighlight = true;
        performance.mark('tifa-first-highlight');
      }
      if (!roving.stop?.isConnected) roving.refresh();
      if (f < 1) progress(`Highlighting… ${Math.floor(f * 100)}%`, f);
    },
  });
  state.render = r;
  const finished = await r.done;
  if (finished && seq === state.seq) {
    performance.mark('tifa-rendered');
    progress(null);
    ui.output.dispatchEvent(new CustomEvent('tifa:rendered', { bubbles: true, detail: { matches: view.count } }));
  }
}

let debounce = 0;
function scheduleAnalyze(delay = DEBOUNCE_MS) {
  clearTimeout(debounce);
  keep.scheduleDraft();
  state.pending = true;
  state.debouncing = true;
  debounce = setTimeout(analyze, delay);
}

/** Replaces the current text (from a paste, file or sample) and analyses it at once. */
function setText(text, source) {
  state.text = text;
  state.source = source;
  state.big = text.length > EDITOR_LIMIT;
  ui.text.readOnly = state.big;
  ui.bigNotice.hidden = !state.big;
  if (state.big) {
    ui.text.value = '';
    ui.bigText.textContent = `${/^<.*>$/.test(source) ? 'The text' : source}: ${formatBytes(text.length)} (${text.length.toLocaleString('en')} characters). It is too large to edit here, so it is shown only below.`;
  } else {
    ui.text.value = text;
  }
  scheduleAnalyze(0);
}

// ---- steps through a term's occurrences -------------------------------------------------------
function occurrences() {
  if (state.occ) return state.occ;
  const occ = new Map();
  const view = state.view;
  const add = (id, i) => {
    let list = occ.get(id);
    if (!list) occ.set(id, (list = []));
    if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = 0; i < (view?.count ?? 0); i++) {
    const m = view.match(i);
    if (m.entry) add(m.entry.id, i);
    for (const id of m.nested) add(id, i);
  }
  return (state.occ = occ);
}

function step(id, button) {
  const list = occurrences().get(id) || [];
  const pos = button.parentElement.querySelector('.term-pos');
  if (!list.length) return;
  const k = ((state.stepAt.get(id) ?? -1) + 1) % list.length;
  state.stepAt.set(id, k);
  const mark = state.render?.marks[list[k]];
  pos.textContent = `${k + 1} of ${list.length}`;
  if (!mark) {
    pos.textContent += ' (still rendering)';
    return;
  }
  state.current?.classList.remove('tifa-current');
  mark.classList.add('tifa-current');
  state.current = mark;
  mark.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

// ---- category toggles -------------------------------------------------------------------------
const hideSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, hideSheet];
function toggleCategory(category, shown) {
  if (shown) state.hidden.delete(category);
  else state.hidden.add(category);
  hideSheet.replaceSync([...state.hidden].map((c) => `#output .${categoryClass(c)} { background: none !important; border-color: transparent !important; color: inherit !important; pointer-events: none; box-shadow: none !important; }`).join('\n'));
  for (const mark of ui.output.querySelectorAll(`.${categoryClass(category)}`)) mark.setAttribute('tabindex', '-1');
  roving.refresh();
}

// ---- input ------------------------------------------------------------------------------------
ui.text.addEventListener('input', () => {
  if (state.big) return;
  ui.fileNote.hidden = true; // the text is no longer the file's
  state.text = ui.text.value;
  scheduleAnalyze();
});
ui.text.addEventListener('paste', (ev) => {
  const pasted = ev.clipboardData?.getData('text/plain') ?? '';
  if (pasted.length <= EDITOR_LIMIT && !state.big) return; // the browser pastes; 'input' follows
  ev.preventDefault();
  if (pasted) setText(pasted, '<paste>');
});
ui.clear.addEventListener('click', () => {
  setText('', '<paste>');
  ui.fileNote.hidden = true;
  ui.text.focus();
});
ui.bigClear.addEventListener('click', () => {
  setText('', '<paste>');
  ui.text.focus();
});

const ENCODING_NAMES = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', gb18030: 'GB18030 (GBK)',
  big5: 'Big5', shift_jis: 'Shift-JIS', 'euc-kr': 'EUC-KR', 'windows-1252': 'Windows-1252 (Latin-1)' };

/** Every Chinese character of the dictionary's terms: evidence for guessing a file's encoding. */
let known = null;
function knownChinese() {
  if (!known || known.size === 0) {
    known = new Set();
    for (const e of state.entries) for (const c of `${e.zh}${e.zh_hant}`) known.add(c);
  }
  return known;
}

async function openFile(file) {
  if (!file) return;
  state.pending = true; // until the text is read, analysed and rendered
  try {
    progress(`Reading ${file.name}…`, null, { immediate: true });
    ui.fileNote.hidden = true;
    const { text, encoding } = await readTextFile(file, { known: knownChinese() });
    if (encoding !== 'utf-8') {
      ui.fileNote.textContent = `Read ${file.name} as ${ENCODING_NAMES[encoding] || encoding} (it is not UTF-8).`;
      ui.fileNote.hidden = false;
    }
    setText(text, file.name);
  } catch (err) {
    progress(null);
    showError(`Could not read ${file.name}: ${err.message}`);
    state.pending = state.debouncing;
    startedUnlessBusy();
  }
}
ui.file.addEventListener('change', () => {
  openFile(ui.file.files[0]);
  ui.file.value = '';
});
for (const type of ['dragenter', 'dragover']) {
  ui.drop.addEventListener(type, (ev) => {
    if (![...(ev.dataTransfer?.types || [])].includes('Files')) return;
    ev.preventDefault();
    ui.drop.classList.add('dragging');
  });
}
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
ui.drop.addEventListener('drop', (ev) => {
  ui.drop.classList.remove('dragging');
  const file = ev.dataTransfer?.files?.[0];
  if (!file) return;
  ev.preventDefault();
  openFile(file);
});
// A file dropped anywhere else on the page is read too: without this the browser would open it
// in the tab, and the reader's text would be gone (issue 11, item 6).
const hasFiles = (ev) => [...(ev.dataTransfer?.types || [])].includes('Files');
document.addEventListener('dragover', (ev) => {
  if (!hasFiles(ev)) return;
  ev.preventDefault();
  ev.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (ev) => {
  if (ev.defaultPrevented || !hasFiles(ev)) return;
  ev.preventDefault();
  ui.drop.classList.remove('dragging');
  const file = ev.dataTransfer.files[0];
  if (!file) return;
  if (!ui.viewRead.hidden) openFile(file);
  else {
    location.hash = '';
    openFile(file);
  }
});

// ---- samples (the team's texts from tests/samples, copied to www/samples by make build) ----------------------------------------------------------------------------------
const samplesUrl = new URL('../samples/', import.meta.url);
const samples = fetch(new URL('./samples.json', import.meta.url)).then((r) => (r.ok ? r.json() : [])).catch(() => []);
samples.then((list) => {
  for (const s of list) {
    const o = document.createElement('option');
    o.value = s.file;
    o.textContent = s.title;
    ui.sample.append(o);
  }
});
/**
 * A sample is one of the page's own files (a plain name under samples/): `?sample=` must not
 * show text from a `data:` URL or another site as if it were ours (issue 14, item 10).
 */
function isSampleName(file) {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/.test(String(file)) && !String(file).includes('..');
}

async function loadSample(file) {
  if (!file) return;
  if (!isSampleName(file)) {
    showError(`Not a sample of this page: ${String(file).slice(0, 80)}. Samples are the files listed under "Sample".`);
    return;
  }
  state.pending = true;
  try {
    const res = await fetch(new URL(file, samplesUrl));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    setText(await res.text(), file);
  } catch (err) {
    showError(`Could not load the sample ${file}: ${err.message}`);
    state.pending = state.debouncing;
    startedUnlessBusy();
  }
}
ui.sample.addEventListener('change', () => loadSample(ui.sample.value));

// The sensitivity is remembered across visits.
const SENSITIVITY_KEY = 'tifa-sensitivity';
try {
  const saved = localStorage.getItem(SENSITIVITY_KEY);
  if (saved && [...ui.sensitivity.options].some((o) => o.value === saved)) ui.sensitivity.value = saved;
} catch { /* storage may be unavailable (private mode, sandboxed frames): keep the default */ }
ui.sensitivity.addEventListener('change', () => {
  try { localStorage.setItem(SENSITIVITY_KEY, ui.sensitivity.value); } catch { /* see above */ }
  analyze();
});

// ---- custom dictionary ------------------------------------------------------------------------
// The active custom dictionary ({ name, text }), kept in localStorage so it survives a reload.
const DICT_KEY = 'tifa-dictionary';
let activeDict = null;
const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function rememberDictionary() {
  try {
    if (activeDict) localStorage.setItem(DICT_KEY, JSON.stringify({ ...activeDict, only: ui.dictOnly.checked }));
    else localStorage.removeItem(DICT_KEY);
    return true;
  } catch {
    return false; // storage full or disabled: the dictionary works until the page is closed
  }
}

/**
 * At most the first few problems of a long validation message (a broken file can have
 * thousands; issue 14, item 7), with how to see them all.
 */
function shorten(message, name, max = 600) {
  if (message.length <= max) return message;
  const lines = message.split('\n');
  let out = '';
  let shown = 0;
  for (const line of lines) {
    if (out.length + line.length > max) break;
    out += (shown ? '\n' : '') + line;
    shown += 1;
  }
  if (!shown) out = `${message.slice(0, max)}…`;
  const rest = lines.length - Math.max(shown, 1);
  return `${out}\n… and ${rest.toLocaleString('en')} more line(s): run \`tifa dict check ${name || 'FILE'}\` for the whole list.`;
}

async function loadDictionary(request, label, { restored = false } = {}) {
  ui.dictStatus.textContent = `Checking ${label}…`;
  try {
    await ready;
    const result = await engine.request('dictionary', request);
    setEntries(result);
    activeDict = request.mode === 'builtin' ? null : { name: request.name, text: request.text };
    const kept = rememberDictionary();
    const own = result.entries.filter((e) => e.file === request.name).length;
    ui.dictStatus.textContent = request.mode === 'builtin'
      ? `Using the built-in dictionary (${plural(result.entries.length, 'entry', 'entries')}).`
      : `${restored ? 'Restored' : 'Loaded'} ${label}: ${plural(own, 'entry', 'entries')} from it, ${plural(result.entries.length, 'entry', 'entries')} in all${request.mode === 'only' ? ' (only this dictionary)' : ''}.`
        + (kept ? '' : ' It will not be kept after a reload (the browser\'s storage refused it).');
    state.occ = null;
    scheduleAnalyze(0);
  } catch (err) {
    // The previous dictionary stays in use: say which (issue 11, item 11).
    const still = activeDict ? activeDict.name : 'the built-in dictionary';
    ui.dictStatus.textContent = `Not loaded: ${shorten(err.message, request.name)} Still using ${still}.`;
  }
}
ui.dictFile.addEventListener('change', async () => {
  const file = ui.dictFile.files[0];
  ui.dictFile.value = '';
  if (!file) return;
  const text = await file.text();
  loadDictionary({ mode: ui.dictOnly.checked ? 'only' : 'with', text, name: file.name }, file.name);
});
// "Use only my dictionary" applies at once to the dictionary in use.
ui.dictOnly.addEventListener('change', () => {
  if (activeDict) loadDictionary({ mode: ui.dictOnly.checked ? 'only' : 'with', ...activeDict }, activeDict.name);
});
ui.dictReset.addEventListener('click', () => loadDictionary({ mode: 'builtin' }, 'the built-in dictionary'));
try {
  const saved = JSON.parse(localStorage.getItem(DICT_KEY) || 'null');
  if (saved && typeof saved.text === 'string' && typeof saved.name === 'string') {
    ui.dictOnly.checked = !!saved.only;
    loadDictionary({ mode: saved.only ? 'only' : 'with', text: saved.text, name: saved.name }, saved.name, { restored: true });
  }
} catch { /* nothing saved, or storage unavailable */ }

// ---- exports ----------------------------------------------------------------------------------
for (const b of document.querySelectorAll('button[data-export]')) {
  b.addEventListener('click', async () => {
    const format = b.getAttribute('data-export');
    if (!state.view) {
      ui.exportStatus.textContent = 'Nothing to export yet: paste or open a text first.';
      return;
    }
    ui.exportStatus.textContent = `Preparing ${b.textContent}…`;
    try {
      const { body, mime, filename } = await engine.request('export', { format });
      saveText(body, mime, filename);
      ui.exportStatus.textContent = `Saved ${filename} (${formatBytes(body.length)}).`;
    } catch (err) {
      ui.exportStatus.textContent = `Export failed: ${err.message}`;
    }
  });
}

// ---- copy with footnotes, print with a glossary (app/footnotes.js) ------------------------------------
/** The top-level matches of the current text, `[{ start, end, id }]`. */
function currentSpans() {
  const view = state.view;
  const out = [];
  for (let i = 0; i < (view?.count ?? 0); i++) {
    const m = view.match(i);
    if (m.entry && !state.hidden.has(m.entry.category)) out.push({ start: m.start, end: m.end, id: m.entry.id });
  }
  return out;
}
// Loaded when the page is idle (with the cards), not at start: print needs it synchronously.
let footnotes = null;
const loadFootnotes = () => import('./footnotes.js').then((m) => (footnotes = m));
$('copy-notes').addEventListener('click', async () => {
  if (!state.view) {
    ui.exportStatus.textContent = 'Nothing to copy yet: paste or open a text first.';
    return;
  }
  await cards();
  const { html, plain, notes } = (await loadFootnotes()).withFootnotes(state.text, currentSpans(), getEntry);
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })]);
    ui.exportStatus.textContent = `Copied the text with ${plural(notes.length, 'footnote', 'footnotes')}: paste it into a document or a mail.`;
  } catch (err) {
    ui.exportStatus.textContent = `The browser did not let the page copy (${err.message}). The Standalone HTML export has the same notes.`;
  }
});
/** Numbers the highlights and fills the print glossary (hidden on screen). */
function preparePrint() {
  if (!footnotes) return; // printed in the first moments after start: without numbers
  const { notes, byId } = footnotes.numberTerms(currentSpans(), getEntry);
  for (const mark of ui.output.querySelectorAll('mark[data-tifa-term]')) {
    const n = byId.get(mark.getAttribute('data-tifa-term'));
    if (n) mark.setAttribute('data-tifa-note', String(n)); else mark.removeAttribute('data-tifa-note');
  }
  $('print-notes').replaceChildren(...notes.map(({ n, entry }) => {
    const li = document.createElement('li');
    li.value = n;
    li.textContent = footnotes.noteText(entry);
    return li;
  }));
}
window.addEventListener('beforeprint', preparePrint);
$('print').addEventListener('click', async () => {
  await Promise.all([cards(), loadFootnotes()]);
  preparePrint();
  window.print();
});

// ---- routing ----------------------------------------------------------------------------------
function route() {
  // A malformed fragment (`#%`) is taken as written, not a URIError that stops the page
  // (issue 14, item 9).
  let hash = location.hash.slice(1);
  try { hash = decodeURIComponent(hash); } catch { /* keep it as written */ }
  if (location.hash.startsWith(`#${SHARE_PREFIX}`)) {
    keep.openShared(location.hash);
    hash = '';
  }
  const term = hash.startsWith('term/') ? hash.slice(5) : null;
  const compareView = hash === 'compare';
  const corpusView = hash === 'corpus';
  const glossaryView = !compareView && !corpusView && (term != null || /^glossary(\?|$)/.test(hash)); // #glossary?category=…&q=… (glossary.js)
  const readView = !glossaryView && !compareView && !corpusView;
  ui.viewRead.hidden = !readView;
  ui.viewGlossary.hidden = !glossaryView;
  compareUi.view.hidden = !compareView;
  corpusUi.view.hidden = !corpusView;
  for (const [nav, on] of [[ui.navRead, readView], [ui.navGlossary, glossaryView], [compareUi.nav, compareView], [corpusUi.nav, corpusView]]) {
    if (on) nav.setAttribute('aria-current', 'page');
    else nav.removeAttribute('aria-current');
  }
  if (compareView) compare.show();
  else compare.hide();
  if (corpusView) openCorpus();
  if (term != null) cards().then(() => glossary.show(term));
  document.title = term != null ? `${getEntry(term)?.en ?? term} — tifa glossary` : glossaryView ? 'Glossary — tifa'
    : compareView ? 'Compare a translation — tifa' : corpusView ? 'Corpus — tifa' : 'tifa — read Party formulations, explained';
}
// The compare view (#compare): an original and its translation, terms aligned (compare.js).
const compareUi = { view: $('view-compare'), nav: $('nav-compare') };
const compare = startCompare(compareUi.view, { engine, ready, getEntries: () => state.entries, getEntry, sensitivity: ui.sensitivity, cards });
window.tifaCompare = compare;
// The corpus view (#corpus): many documents counted per period and term (corpus.js, loaded on
// the first visit; then window.tifaCorpus is its handle).
const corpusUi = { view: $('view-corpus'), nav: $('nav-corpus') };
let corpus = null;
function openCorpus() {
  corpus ??= import('./corpus.js').then(({ startCorpus }) => {
    const c = startCorpus(corpusUi.view, { getEntries: () => state.entries });
    window.tifaCorpus = c;
    return c;
  });
  corpus.then((c) => c.show(), (err) => showError(`The corpus view could not start: ${err.message}`));
}
window.addEventListener('hashchange', route);
route();

ready.catch((err) => {
  ui.status.textContent = 'The dictionary could not be loaded.';
  showError(`The matching engine could not start: ${err.message}`);
});

// ?sample=<file> opens a sample at once (links, the cold-load benchmark).
const wanted = new URLSearchParams(location.search).get('sample');
if (wanted) {
  loadSample(wanted);
  // The select shows the sample once its options are there (issue 11, item 13).
  samples.then(() => { ui.sample.value = wanted; });
}

// A text typed or pasted before this module ran had no listener to hear it: read the box now
// (issue 11, item 14). Else the draft kept from the last visit comes back.
if (!wanted && !state.text && !location.hash.startsWith(`#${SHARE_PREFIX}`)) {
  if (ui.text.value) {
    state.text = ui.text.value;
    scheduleAnalyze(0);
  } else {
    keep.restoreDraft();
  }
}

// For tests and benchmarks: a read-only view of the page state.
window.tifaPage = {
  ready,
  /** Resolves when the entries hold their card fields. */
  cards,
  get text() { return state.text; },
  get matchCount() { return state.view?.count ?? 0; },
  get busy() { return state.pending; },
  get entries() { return state.entries; },
  /** Replaces the text as a paste would; resolves when it is analysed and fully rendered. */
  load(text, source = '<paste>') {
    setText(text, source);
    return new Promise((resolve) => {
      const check = () => (state.pending ? setTimeout(check, 5) : resolve(state.view?.count ?? 0));
      check();
    });
  },
  rendered: () => state.render?.done ?? Promise.resolve(true),
  termHash,
};

// ---- offline: a service worker keeps the page's files (www/sw.js; network first) -----------------
// Its URL names the build (config.json), so each build gets its own worker and cache.
// Registered once the page has started (its install downloads every file listed in
// precache.json, the large ones included).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  Promise.all([configReady, started.then(idle)]).then(() => {
    const url = new URL('../sw.js', import.meta.url);
    if (config.build) url.searchParams.set('build', config.build);
    return navigator.serviceWorker.register(url);
  }).catch((err) => {
    console.info(`tifa: no offline copy (${err.message})`);
  });
}
