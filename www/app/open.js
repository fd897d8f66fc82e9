// Where the read view's text comes from besides the text box: a file opened or dropped anywhere
// on the page (decoded by read-file.js), a sample (from the list, or ?sample=), and the
// sensitivity it is read with (remembered across visits).
import { readTextFile } from './read-file.js';

/**
 * Wires the file chooser, the drop zones, the sample list and the sensitivity control to the
 * read view (`read`: read.js). `page` holds the page's shared parts (main.js).
 * Returns `{ loadSample(file), samples }` (`samples`: a promise for the list of samples).
 *
 * @example
 *   const { loadSample } = startOpening(page, read);
 *   loadSample('work-report.txt');
 */
export function startOpening({ ui, state, showError, startedUnlessBusy }, { setText, analyze, progress }) {
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
      // The sample of `?sample=` was fetched by boot.js already: its text is taken once.
      const early = globalThis.tifaSample;
      if (early) globalThis.tifaSample = null;
      let text = early?.name === file ? await early.text : null;
      if (typeof text !== 'string') {
        const res = await fetch(new URL(file, samplesUrl));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        text = await res.text();
      }
      setText(text, file);
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

  return { loadSample, samples };
}
