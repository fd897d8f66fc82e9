// Routing between the page's views by the URL's fragment: read (the default), glossary
// (#glossary, #term/<id>), compare (#compare) and corpus (#corpus, loaded on the first visit);
// a share link (#t=…) opens its text in the read view.
import { SHARE_PREFIX } from './share.js';
import { startCompare } from './compare.js';

/**
 * Starts the compare view, routes to the view the fragment names, and follows its changes.
 * `page` holds the page's shared parts (main.js).
 */
export function startViews({ ui, state, engine, ready, getEntry, cards, glossary, keep, showError, $ }) {
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
    else if (glossaryView) glossary.reveal();
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
}
