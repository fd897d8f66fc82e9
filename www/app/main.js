// The page: its shared parts (elements, state, the matching engine, the card part, tooltips,
// the glossary), then each view wired to them: read (read.js; its text from open.js, its custom
// dictionary from custom-dictionary.js, its exports from read-exports.js), and the views the
// URL's fragment routes to (views.js: glossary, compare, corpus). The tooltips and cards are
// the embed's own modules (www/lib/).
import { attachTooltips } from '../lib/tooltip.js';
import { startEngine } from './engine-client.js';
import { glossaryBrowser, termHash } from './glossary.js';
import { CARD_CSS } from '../lib/card.js';
import { problemUrl } from '../lib/feedback.js';
import { SHARE_PREFIX } from './share.js';
import { keepAndShare } from './keep.js';
import { startRead } from './read.js';
import { startOpening } from './open.js';
import { startCustomDictionary } from './custom-dictionary.js';
import { startExports } from './read-exports.js';
import { startViews } from './views.js';

export { EDITOR_LIMIT, ENGINE_LIMIT } from './read.js';

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
const keep = keepAndShare({ ui, text: () => state.text, source: () => state.source, setText: (text, source) => read.setText(text, source), showError });
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
started.then(idle).then(cards).then(() => exportsView.loadFootnotes()).catch(() => {});
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
const tips = attachTooltips(ui.output, { getEntry, onNavigate: () => {}, theme: 'auto', ...cardLinks });
const glossary = glossaryBrowser({ input: ui.gq, results: ui.gResults, view: ui.gEntry, count: ui.gCount, getEntry,
  category: $('glossary-category'), exports: $('glossary-export'), link: ui.navGlossary, whenComplete: cards, reportUrl: cardLinks.reportUrl });

function setEntries({ entries }) {
  state.entries = entries;
  state.byId = new Map(entries.map((e) => [e.id, e]));
  // Former ids (merged entries) still resolve, in #term/<id> links too.
  for (const e of entries) for (const a of e.aliases || []) if (!state.byId.has(a)) state.byId.set(a, e);
  glossary.setEntries(entries);
  // A card opened before the card part arrived is drawn again, now with its explanation.
  tips.refresh();
  ui.status.textContent = `${entries.length} entries loaded.`;
  return entries;
}

function showError(message) {
  ui.error.hidden = !message;
  ui.error.textContent = message || '';
}

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// The views, in the order their listeners and stylesheets were always set up.
const page = { $, ui, state, engine, ready, getEntry, cards, showError, setEntries, startedUnlessBusy, keep, glossary, plural };
const read = startRead(page);
const opening = startOpening(page, read);
startCustomDictionary(page, read);
const exportsView = startExports(page);
startViews(page);

ready.catch((err) => {
  ui.status.textContent = 'The dictionary could not be loaded.';
  showError(`The matching engine could not start: ${err.message}`);
});

// ?sample=<file> opens a sample at once (links, the cold-load benchmark).
const wanted = new URLSearchParams(location.search).get('sample');
if (wanted) {
  opening.loadSample(wanted);
  // The select shows the sample once its options are there (issue 11, item 13).
  opening.samples.then(() => { ui.sample.value = wanted; });
}

// A text typed or pasted before this module ran had no listener to hear it: read the box now
// (issue 11, item 14). Else the draft kept from the last visit comes back.
if (!wanted && !state.text && !location.hash.startsWith(`#${SHARE_PREFIX}`)) {
  if (ui.text.value) {
    state.text = ui.text.value;
    read.scheduleAnalyze(0);
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
    read.setText(text, source);
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
