// The standalone HTML export: the highlighted text in one offline file whose tooltips work.
// Built as a string with every text and dictionary field escaped; its small inline script builds
// the tooltip with textContent only.

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example escapeHtml('<a href="x">&\'') // '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'
 */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and U+2028/9 are escaped.
 *
 * @example scriptJson({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The inline script of the exported file (kept as a function so it is linted and tested). */
function standaloneScript() {
  const data = JSON.parse(document.getElementById('tifa-data').textContent);
  const tip = document.getElementById('tifa-tip');
  const KIND = { official: 'the official rendering', media: 'a media rendering', mt: 'a machine-translation rendering', 'spelled-out': 'the spelled-out form' };
  let current = null;
  let pinned = false;
  const add = (parent, tag, text, cls) => {
    const el = document.createElement(tag);
    if (text != null) el.textContent = String(text);
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  };
  function fill(mark) {
    const e = data.entries[mark.getAttribute('data-tifa-term')];
    tip.replaceChildren();
    if (!e) return;
    const head = add(tip, 'p', null, 'head');
    add(head, 'strong', e.en);
    add(head, 'span', ' · ' + e.zh + (e.zh_hant && e.zh_hant !== e.zh ? ' / ' + e.zh_hant : '') + ' · ' + e.pinyin);
    const form = mark.getAttribute('data-tifa-form');
    const kind = mark.getAttribute('data-tifa-kind');
    if (form) add(tip, 'p', '“' + mark.textContent + '” is ' + (KIND[kind] || kind) + ' of ' + e.zh + (kind === 'official' ? '' : ' (official: ' + e.en + ')') + '.', 'form');
    const ctx = mark.getAttribute('data-tifa-context');
    if (ctx) add(tip, 'p', 'Counted because of its context (' + ctx + '): this wording is also ordinary language.', 'form');
    add(tip, 'p', e.gloss, 'gloss');
    add(tip, 'p', e.explanation);
    const meta = [];
    if (e.since) meta.push('In use since ' + e.since);
    meta.push('Category: ' + e.category);
    add(tip, 'p', meta.join(' · '), 'meta');
    const nested = (mark.getAttribute('data-tifa-nested') || '').split(' ').filter(Boolean);
    if (nested.length) add(tip, 'p', 'Contains: ' + nested.map((id) => (data.entries[id] ? data.entries[id].en + ' (' + data.entries[id].zh + ')' : id)).join('; '), 'meta');
    if (e.related && e.related.length) add(tip, 'p', 'Related: ' + e.related.map((id) => (data.entries[id] ? data.entries[id].en : id)).join('; '), 'meta');
    if (e.sources && e.sources.length) {
      const ul = add(tip, 'ul', null, 'sources');
      for (const s of e.sources) add(ul, 'li', s);
    }
    add(tip, 'p', pinned ? 'Pinned · Escape closes' : 'Click or tap to pin · Escape closes', 'hint');
  }
  function open(mark) {
    if (current && current !== mark) current.removeAttribute('aria-describedby');
    current = mark;
    fill(mark);
    mark.setAttribute('aria-describedby', 'tifa-tip');
    tip.hidden = false;
  }
  function close() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    pinned = false;
    tip.hidden = true;
  }
  const markOf = (t) => (t && t.closest ? t.closest('mark[data-tifa-term]') : null);
  document.addEventListener('mouseover', (ev) => { const m = markOf(ev.target); if (m && !pinned) open(m); });
  document.addEventListener('mouseout', (ev) => {
    const m = markOf(ev.target);
    if (m && !pinned && !(ev.relatedTarget && (tip.contains(ev.relatedTarget) || markOf(ev.relatedTarget) === m))) close();
  });
  tip.addEventListener('mouseleave', () => { if (!pinned) close(); });
  document.addEventListener('focusin', (ev) => { const m = markOf(ev.target); if (m) { pinned = false; open(m); } });
  document.addEventListener('focusout', (ev) => { if (markOf(ev.target) && !pinned) close(); });
  document.addEventListener('click', (ev) => {
    const m = markOf(ev.target);
    if (m) { pinned = true; open(m); } else if (!tip.contains(ev.target)) close();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') close();
    const m = markOf(ev.target);
    if (m && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); pinned = true; open(m); }
  });
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5b5b66;--tip:#f6f6f8;--line:#d0d0d8}
@media (prefers-color-scheme:dark){:root{--bg:#16161a;--fg:#e8e8ee;--muted:#a4a4b0;--tip:#24242b;--line:#3a3a44}}
body{margin:0 auto;max-width:48rem;padding:1rem 1rem 40vh;background:var(--bg);color:var(--fg);font:1rem/1.65 system-ui,sans-serif}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:#fde68a;color:#1b1b1f;border-bottom:2px solid #b45309;cursor:help;border-radius:2px}
mark[data-tifa-context]{border-bottom-style:dashed}
mark:focus{outline:3px solid #2563eb;outline-offset:1px}
#tifa-tip{position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;margin:0 auto;max-width:48rem;padding:.75rem 1rem;background:var(--tip);border-top:2px solid var(--line);box-shadow:0 -4px 16px #0003}
#tifa-tip p{margin:.3rem 0}#tifa-tip .gloss{font-weight:600}#tifa-tip .meta,#tifa-tip .hint,#tifa-tip .form{color:var(--muted);font-size:.9rem}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
@media print{#tifa-tip{display:none}mark{background:none;border-bottom:1px solid #000}body{padding:0}}
`;

/**
 * A standalone HTML document of `text` with every match in `report` highlighted (`<mark
 * data-tifa-term>`), the entries it needs embedded as JSON, and an offline tooltip.
 *
 * @example standaloneHtml('the Two Upholds', t.analyze('the Two Upholds'), (id) => t.entry(id), 'a.txt')
 */
export function standaloneHtml(text, report, getEntry, source) {
  const used = new Map();
  const want = (id) => {
    if (used.has(id)) return;
    const e = getEntry(id);
    if (e) used.set(id, { id: e.id, zh: e.zh, zh_hant: e.zh_hant, pinyin: e.pinyin, en: e.en, category: e.category,
      since: e.since, gloss: e.gloss, explanation: e.explanation, related: e.related, sources: e.sources });
  };
  for (const t of report.terms) want(t.id);
  for (const t of report.terms) for (const r of used.get(t.id)?.related || []) want(r);
  const parts = [];
  let pos = 0;
  report.matches.forEach((m, i) => {
    parts.push(escapeHtml(text.slice(pos, m.start)));
    const attrs = [`data-tifa-term="${escapeHtml(m.id)}"`, `data-tifa-form="${escapeHtml(m.form)}"`,
      `data-tifa-kind="${escapeHtml(m.kind)}"`];
    if (m.context) attrs.push(`data-tifa-context="${escapeHtml(m.context)}"`);
    if (m.nested.length) attrs.push(`data-tifa-nested="${escapeHtml([...new Set(m.nested.map((n) => n.id))].join(' '))}"`);
    attrs.push(`data-tifa-occurrence="${i}"`, `class="tifa-term tifa-cat-${escapeHtml(m.category)}"`, 'tabindex="0"');
    parts.push(`<mark ${attrs.join(' ')}>${escapeHtml(text.slice(m.start, m.end))}</mark>`);
    pos = m.end;
  });
  parts.push(escapeHtml(text.slice(pos)));
  const title = `tifa: ${source || 'text'}`;
  return `<!doctype html>
<html lang="${report.density && report.density.unit === 'characters' ? 'zh' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(source || 'Text')}</h1>
<div class="text">${parts.join('')}</div>
<footer>${report.matches.length} terms highlighted by tifa. Hover, focus or tap a highlight for its explanation; Escape closes it.</footer>
</main>
<div id="tifa-tip" role="tooltip" hidden></div>
<script type="application/json" id="tifa-data">${scriptJson({ entries: Object.fromEntries(used) })}</script>
<script>(${standaloneScript.toString()})();</script>
</body>
</html>
`;
}
