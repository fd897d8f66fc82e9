// The read view's exports: JSON, CSV and HTML as the CLI writes them (made in the worker), copy
// with footnotes and print with a glossary (footnotes.js, loaded when the page is idle).
import { saveText, formatBytes } from './download.js';

/**
 * Wires the export, copy and print buttons. `page` holds the page's shared parts (main.js).
 * Returns `{ loadFootnotes() }`: a promise for footnotes.js, loaded once.
 */
export function startExports({ ui, state, engine, getEntry, cards, plural, $ }) {
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

  return { loadFootnotes };
}
