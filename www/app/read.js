// The read view: the text analysed in the worker, highlighted and reported on; stepping through a
// term's occurrences, hiding categories, and the text box's own input (typing, pasting, clearing).
import { matchView } from './compact.js';
import { renderHighlights, categoryClass } from './render.js';
import { renderReport } from './report.js';
import { formatBytes } from './download.js';
import { detectLanguage, languageLabel, scriptCharacters } from './language.js';
import { rovingHighlights } from '../lib/roving.js';

/** Texts longer than this (UTF-16 units) are analysed but not placed in the textarea. */
export const EDITOR_LIMIT = 1_000_000;
/** The engine refuses texts over 64 MiB (of UTF-8); a longer JS string is always over. */
export const ENGINE_LIMIT = 64 * 1024 * 1024;
const DEBOUNCE_MS = 300;

/**
 * Starts the read view over the page's shared parts (main.js): its elements (`ui`), its `state`,
 * the matching `engine` and its `ready` promise, `getEntry(id)`, `showError(message)`, the
 * drafts (`keep`) and `startedUnlessBusy()` (the first highlight is drawn).
 * Returns `{ setText(text, source), scheduleAnalyze(delay), analyze(), progress(label, fraction) }`.
 *
 * @example
 *   const read = startRead({ ui, state, engine, ready, getEntry, showError, keep, startedUnlessBusy });
 *   read.setText('坚决做到两个维护', '<paste>'); // analysed and highlighted at once
 */
export function startRead({ ui, state, engine, ready, getEntry, showError, keep, startedUnlessBusy }) {
  // One tab stop for the whole highlighted text; n/p and the arrow keys move between terms.
  const roving = rovingHighlights(ui.output, { isSkipped: (mark) => state.hidden.has(state.view?.match(+mark.getAttribute('data-tifa-occurrence'))?.entry?.category) });

  let scripts = null;
  /** The characters that tell simplified from traditional, from the loaded entries (cached). */
  function scriptSets() {
    if (!scripts || scripts.entries !== state.entries) scripts = { entries: state.entries, sets: scriptCharacters(state.entries) };
    return scripts.sets;
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
    // Busy from now until this text is rendered, also when called directly (a new sensitivity),
    // not only through scheduleAnalyze: `tifaPage.busy` and the first-highlight mark read it.
    state.pending = true;
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
      // Asked for at once, not after the engine's 'init' reply: the worker answers 'init' first
      // and then this, so the first analysis runs as soon as the engine is built, while this
      // thread takes the entries in (no round trip after the build). Read once both are here.
      const asked = engine.request('analyze', { text, source, sensitivity: ui.sensitivity.value });
      asked.catch(() => {}); // reported below, after `ready`'s failure if the engine failed
      performance.mark('tifa-analyze-sent');
      await ready;
      result = await asked;
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

  return { setText, scheduleAnalyze, analyze, progress };
}
