// The standalone HTML export: the highlighted text in one offline file whose tooltips are the
// page's own cards, with category colours and a glossary at the end. Built as a string with every
// text and dictionary field escaped; the card module builds the tooltip with textContent only.
import { categoryColorRules } from '../lib/colors.js';
import { CATEGORY_LABELS } from '../lib/card.js';

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

/**
 * The inline script of the exported file (kept as a function so it is linted and tested). It
 * loads the page's own tooltip, card and roving-focus modules, which the file carries as text
 * (`data.modules`), from blob: URLs: the file has the page's cards, not a copy of them. Without
 * them (an old browser, a policy forbidding blob: scripts) the glossary at the end still explains
 * every term, and the notice says so.
 */
async function standaloneScript() {
  const data = JSON.parse(document.getElementById('tifa-data').textContent);
  const text = document.getElementById('tifa-text');
  try {
    // Each module's imports point at the blob: URLs of modules made before it (data.order).
    const urls = {};
    for (const name of data.order) {
      let src = data.modules[name];
      for (const [dep, specifier] of Object.entries(data.imports[name] || {})) src = src.split(specifier).join(urls[dep]);
      urls[name] = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    }
    const [{ attachTooltips }, { rovingHighlights }] = await Promise.all([import(urls.tooltip), import(urls.roving)]);
    attachTooltips(text, { getEntry: (id) => data.entries[id], theme: 'auto', termUrl: (id) => '#tifa-g-' + encodeURIComponent(id) });
    rovingHighlights(text).refresh();
  } catch (err) {
    const note = document.getElementById('tifa-no-script');
    note.hidden = false;
    note.textContent = 'The explanations cannot open here (' + String(err && err.message || err) + '): the glossary below explains every term.';
  }
}

/**
 * The modules the exported file carries (their source files, relative to www/app/), in an order
 * where each comes after what it imports, and the import specifiers (quoted, as written) each
 * module uses for the others.
 */
export const CARD_MODULES = Object.freeze({
  files: Object.freeze({ vocabulary: '../lib/vocabulary.js', card: '../lib/card.js', floating: '../vendor/floating-ui.dom.browser.min.mjs',
    tooltip: '../lib/tooltip.js', roving: '../lib/roving.js' }),
  order: Object.freeze(['vocabulary', 'card', 'floating', 'tooltip', 'roving']),
  imports: Object.freeze({
    card: Object.freeze({ vocabulary: "'./vocabulary.js'" }),
    tooltip: Object.freeze({ card: "'./card.js'", floating: "'../vendor/floating-ui.dom.browser.min.mjs'" }),
  }),
});

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#55555f;--line:#d0d0d8;--tint:24%}
@media (prefers-color-scheme:dark){:root{--bg:#16161a;--fg:#e8e8ee;--muted:#a4a4b0;--line:#3a3a44;--tint:34%}}
body{margin:0 auto;max-width:48rem;padding:1rem;background:var(--bg);color:var(--fg);font:1rem/1.65 system-ui,sans-serif}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{--c:#8a1c1c;color:inherit;background:color-mix(in srgb,var(--c) var(--tint),transparent);border-bottom:2px solid var(--c);cursor:help;border-radius:2px}
mark[data-tifa-context]{border-bottom-style:dashed}
mark[data-tifa-nested]{border-top:1px dotted var(--c)}
mark:focus-visible{outline:3px solid #2563eb;outline-offset:1px}
${categoryColorRules('light', '--c')}
@media (prefers-color-scheme:dark){
${categoryColorRules('dark', '--c')}
}
.notice,footer{color:var(--muted);font-size:.85rem}
footer{margin-top:2rem}
#tifa-glossary{margin-top:2rem;border-top:1px solid var(--line)}
#tifa-glossary dt{font-weight:600;margin-top:1rem}#tifa-glossary dd{margin:.2rem 0 0 0}
#tifa-glossary .gloss{font-weight:600}#tifa-glossary .meta,#tifa-glossary .sources{color:var(--muted);font-size:.9rem}
#tifa-glossary dt:target{outline:3px solid #2563eb}
@media print{mark{background:none;border-bottom:1px solid #000}mark::after{content:" [" attr(data-tifa-note) "]";font-size:.7em;vertical-align:super}body{padding:0}}
`;

/**
 * The glossary at the end of the file: every term found, in order of first appearance, with
 * the number its highlights carry in print.
 */
function glossaryHtml(used, order) {
  const items = order.map((id, i) => {
    const e = used.get(id);
    const name = `${i + 1}. ${e.en} — ${e.zh}${e.zh_hant && e.zh_hant !== e.zh ? ` / ${e.zh_hant}` : ''}${e.pinyin ? ` (${e.pinyin})` : ''}`;
    const meta = [e.category ? `Category: ${CATEGORY_LABELS[e.category] || e.category}` : '', e.since ? `in official use since ${e.since}` : ''].filter(Boolean).join(' · ');
    return `<dt id="tifa-g-${escapeHtml(encodeURIComponent(id))}">${escapeHtml(name)}</dt>
<dd>${e.gloss ? `<p class="gloss">${escapeHtml(e.gloss)}</p>` : ''}${e.explanation ? String(e.explanation).trim().split(/\n\s*\n/).map((para) => `<p>${escapeHtml(para.replace(/\s*\n\s*/g, ' '))}</p>`).join('') : ''}${meta ? `<p class="meta">${escapeHtml(meta)}</p>` : ''}${e.sources?.length ? `<ul class="sources">${e.sources.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : ''}</dd>`;
  });
  return `<section id="tifa-glossary" aria-labelledby="tifa-glossary-title"><h2 id="tifa-glossary-title">Glossary</h2><dl>
${items.join('\n')}
</dl></section>`;
}

/**
 * A standalone HTML document of `text` with every match in `report` highlighted (`<mark
 * data-tifa-term>`, category colours, one tab stop), the entries it needs embedded as JSON, the
 * page's tooltip cards (from `modules`: the source text of each file in `CARD_MODULES`, read by
 * the worker), and a glossary at the end.
 *
 * @example standaloneHtml('the Two Upholds', t.analyze('the Two Upholds'), (id) => t.entry(id), 'a.txt', { modules })
 */
export function standaloneHtml(text, report, getEntry, source, { modules = null } = {}) {
  const used = new Map();
  const want = (id, forms) => {
    if (used.has(id)) return;
    const e = getEntry(id);
    // Only the forms this text used: the card quotes their kind, dates and notes.
    if (e) used.set(id, { id: e.id, zh: e.zh, zh_hant: e.zh_hant, pinyin: e.pinyin, en: e.en, category: e.category,
      since: e.since, local: e.local, gloss: e.gloss, explanation: e.explanation, related: e.related, sources: e.sources,
      forms: (e.forms || []).filter((f) => forms?.has(f.text)) });
  };
  const formsOf = new Map();
  for (const m of report.matches) {
    if (!formsOf.has(m.id)) formsOf.set(m.id, new Set());
    formsOf.get(m.id).add(m.form);
  }
  for (const t of report.terms) want(t.id, formsOf.get(t.id));
  for (const t of report.terms) for (const r of used.get(t.id)?.related || []) want(r);
  const order = report.terms.map((t) => t.id).filter((id) => used.has(id));
  const note = new Map(order.map((id, i) => [id, i + 1]));
  const parts = [];
  let pos = 0;
  report.matches.forEach((m, i) => {
    parts.push(escapeHtml(text.slice(pos, m.start)));
    const attrs = [`data-tifa-term="${escapeHtml(m.id)}"`, `data-tifa-form="${escapeHtml(m.form)}"`,
      `data-tifa-kind="${escapeHtml(m.kind)}"`];
    if (m.context) attrs.push(`data-tifa-context="${escapeHtml(m.context)}"`);
    if (m.nested.length) attrs.push(`data-tifa-nested="${escapeHtml([...new Set(m.nested.map((n) => n.id))].join(' '))}"`);
    if (note.has(m.id)) attrs.push(`data-tifa-note="${note.get(m.id)}"`);
    attrs.push(`data-tifa-occurrence="${i}"`, `class="tifa-term tifa-cat-${escapeHtml(m.category)}"`, `tabindex="${i === 0 ? 0 : -1}"`);
    parts.push(`<mark ${attrs.join(' ')}>${escapeHtml(text.slice(m.start, m.end))}</mark>`);
    pos = m.end;
  });
  parts.push(escapeHtml(text.slice(pos)));
  const title = `tifa: ${source || 'text'}`;
  const data = { entries: Object.fromEntries(used) };
  if (modules) {
    data.modules = modules;
    data.order = CARD_MODULES.order;
    // Specifiers without their quotes: the blob: URLs are spliced in between them.
    data.imports = Object.fromEntries(Object.entries(CARD_MODULES.imports).map(([m, deps]) => [m, Object.fromEntries(
      Object.entries(deps).map(([dep, spec]) => [dep, spec.slice(1, -1)]))]));
  }
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
<p class="notice" id="tifa-no-script"${modules ? ' hidden' : ''}>The explanations open only in the tifa page: the glossary below explains every term.</p>
<div class="text" id="tifa-text">${parts.join('')}</div>
${order.length ? glossaryHtml(used, order) : ''}
<footer>${report.matches.length} terms highlighted by tifa. Hover, focus or tap a highlight for its explanation; Escape closes it. Tab reaches the text once; n and p move between terms.</footer>
</main>
<script type="application/json" id="tifa-data">${scriptJson(data)}</script>
<script>(${standaloneScript.toString()})();</script>
</body>
</html>
`;
}
