// The custom dictionary (TOML) of the read view: checked by the engine before use, added to the
// built-in one or used alone, and kept in the browser's storage across reloads.

/**
 * Wires the dictionary controls (file chooser, "use only my dictionary", "Built-in only") and
 * restores the dictionary kept from the last visit. `page` holds the page's shared parts
 * (main.js); `scheduleAnalyze` (read.js) analyses the text again with the new entries.
 */
export function startCustomDictionary({ ui, state, engine, ready, setEntries, plural }, { scheduleAnalyze }) {
  // ---- custom dictionary ------------------------------------------------------------------------
  // The active custom dictionary ({ name, text }), kept in localStorage so it survives a reload.
  const DICT_KEY = 'tifa-dictionary';
  let activeDict = null;

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
}
