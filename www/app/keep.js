// Keeping and sharing the reader's text, wired into the page: the draft kept in this browser
// (and the "Keep my text" box), share links (the "Copy a link" button, and opening one). The
// encoding and storage rules are in share.js; this module is their page.
import { shareFragment, readShareFragment, SHARE_LIMIT, saveDraft, loadDraft } from './share.js';
import { formatBytes } from './download.js';

/** localStorage, or a stand-in that keeps nothing when the browser refuses storage. */
function storage() {
  try { return localStorage; } catch { return { getItem: () => null, setItem: () => { throw new Error('no storage'); }, removeItem: () => {} }; }
}
const KEEP_KEY = 'tifa-keep-draft';

/**
 * Wires drafts and share links to the page's elements (`ui`: keepDraft, draftNote, share,
 * shareLink, shareStatus, sensitivity, fileNote). `text()` and `source()` read the current text,
 * `setText(text, source)` replaces it, `showError(message)` reports a failure.
 * Returns `{ scheduleDraft(), openShared(hash), restoreDraft() }`.
 *
 * @example
 *   const keep = keepAndShare({ ui, text: () => state.text, source: () => state.source, setText, showError });
 *   keep.scheduleDraft(); // after every change of the text
 */
export function keepAndShare({ ui, text, source, setText, showError }) {
  ui.keepDraft.checked = storage().getItem(KEEP_KEY) !== 'no';
  ui.keepDraft.addEventListener('change', () => {
    try { storage().setItem(KEEP_KEY, ui.keepDraft.checked ? 'yes' : 'no'); } catch { /* see storage() */ }
    if (!ui.keepDraft.checked) saveDraft(storage(), '', '');
    ui.draftNote.textContent = ui.keepDraft.checked ? '' : 'Nothing is kept: the text is gone when this tab closes.';
    scheduleDraft();
  });
  let draftTimer = 0;
  /** Keeps the current text as the draft, a moment after the last change. */
  function scheduleDraft() {
    clearTimeout(draftTimer);
    if (!ui.keepDraft.checked) return;
    draftTimer = setTimeout(() => {
      if (!saveDraft(storage(), text(), source())) {
        ui.draftNote.textContent = 'This text is too large to keep in the browser: it is gone when this tab closes.';
      } else if (/too large/.test(ui.draftNote.textContent)) ui.draftNote.textContent = '';
    }, 400);
  }

  /** Opens the text of a share link (`#text=…`); the reader's own draft stays one click away. */
  async function openShared(hash) {
    try {
      const shared = await readShareFragment(hash);
      if (!shared) return;
      if ([...ui.sensitivity.options].some((o) => o.value === shared.sensitivity)) ui.sensitivity.value = shared.sensitivity;
      const own = loadDraft(storage());
      setText(shared.text, '<shared link>');
      ui.fileNote.textContent = 'Opened the text of a share link.';
      ui.fileNote.hidden = false;
      if (own && own.text !== shared.text) {
        const back = Object.assign(document.createElement('button'), { type: 'button', id: 'draft-restore', textContent: 'Bring back my previous text' });
        back.addEventListener('click', () => {
          setText(own.text, own.source || '<paste>');
          ui.fileNote.hidden = true;
          ui.draftNote.textContent = 'Your previous text is back.';
        });
        ui.draftNote.replaceChildren('Your previous text is kept until you type: ', back);
      }
    } catch (err) {
      showError(`Could not open this link: ${err.message}`);
    }
    // The text is in the editor now: the address bar need not carry it on (a reload keeps the draft).
    history.replaceState(null, '', location.pathname + location.search + '#read');
  }

  /** Puts the kept draft back (at start, when nothing else asks for a text); true if there was one. */
  function restoreDraft() {
    if (!ui.keepDraft.checked) return false;
    const draft = loadDraft(storage());
    if (!draft) return false;
    setText(draft.text, draft.source || '<paste>');
    ui.draftNote.textContent = `Your text from ${new Date(draft.saved).toLocaleString('en')} is back.`;
    return true;
  }

  ui.share.addEventListener('click', async () => {
    ui.shareStatus.textContent = '';
    if (!text().trim()) {
      ui.shareStatus.textContent = 'Nothing to share yet: paste or open a text first.';
      return;
    }
    const fragment = await shareFragment(text(), { sensitivity: ui.sensitivity.value });
    if (fragment.length > SHARE_LIMIT) {
      ui.shareLink.hidden = true;
      ui.shareStatus.textContent = `This text is too long for a link (${formatBytes(fragment.length)} compressed): share the file or a Standalone HTML export instead.`;
      return;
    }
    const url = `${location.origin}${location.pathname}#${fragment}`;
    ui.shareLink.value = url;
    ui.shareLink.hidden = false;
    ui.shareLink.select();
    try {
      await navigator.clipboard.writeText(url);
      ui.shareStatus.textContent = `Link copied (${formatBytes(url.length)}). It holds the whole text.`;
    } catch {
      ui.shareStatus.textContent = 'The browser did not let the page copy: the link is selected above, copy it with Ctrl+C or ⌘C.';
    }
  });

  return { scheduleDraft, openShared, restoreDraft };
}
