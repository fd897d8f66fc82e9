// The report panel: terms found (first-appearance order, click to step through occurrences), a
// category chart with show/hide toggles, density, and unknown-formula candidates.
import { CATEGORY_LABELS } from '../lib/card.js';
import { categoryClass } from './render.js';
import { el } from './dom.js';

const nf = new Intl.NumberFormat('en');


/**
 * Human label of a category: `security-foreign` -> 'Security and foreign affairs'.
 *
 * @example categoryLabel('party-building') // 'Party building'
 */
export function categoryLabel(category) {
  return CATEGORY_LABELS[category] || String(category);
}

/**
 * Renders the report of `summary` (a Report without its matches) into `container`.
 * `getEntry(id)` resolves entries; `onStep(id, button)` is called when a term is clicked;
 * `onToggle(category, shown)` when a category checkbox changes; `hidden` is the set of hidden
 * categories; `language` (optional) is a label such as "Chinese (traditional script)".
 *
 * @example
 *   renderReport(panel, summary, { getEntry, hidden: new Set(), onStep: (id) => step(id),
 *     onToggle: (cat, shown) => toggle(cat, shown) });
 */
export function renderReport(container, summary, { getEntry, onStep, onToggle, hidden = new Set(), language }) {
  const doc = container.ownerDocument;
  const frag = doc.createDocumentFragment();
  const d = summary.density;
  const distinct = summary.terms.length;

  const sum = el(doc, 'p', 'report-summary');
  // A term found only inside longer ones (count 0, nested > 0) is listed but not highlighted.
  const onlyNested = summary.terms.filter((t) => t.count === 0).length;
  sum.append(el(doc, 'strong', null, nf.format(summary.count)),
    doc.createTextNode(` highlight${summary.count === 1 ? '' : 's'}; `),
    el(doc, 'strong', null, nf.format(distinct)),
    doc.createTextNode(` different term${distinct === 1 ? '' : 's'}`
      + (onlyNested ? `, ${nf.format(onlyNested)} of them only inside longer terms.` : '.')));
  frag.append(sum);
  const dens = el(doc, 'p', 'report-density');
  dens.append(doc.createTextNode('Density: '), el(doc, 'strong', null, d.per_thousand),
    doc.createTextNode(` per 1,000 ${d.unit === 'characters' ? 'Chinese characters' : 'words'} (${nf.format(d.size)} ${d.unit}).`));
  frag.append(dens);
  if (language) {
    // Which language and script, and why the density has the unit it has.
    const lang = el(doc, 'p', 'report-language');
    lang.append(doc.createTextNode('Language: '), el(doc, 'strong', null, language), doc.createTextNode(
      `. Density is per 1,000 ${d.unit === 'characters' ? 'Chinese characters, as the text is mostly Chinese' : 'words, as the text is mostly in a language written with words'}.`));
    frag.append(lang);
  }

  // Categories: a small bar chart whose rows are also show/hide toggles.
  if (summary.categories.length) {
    const fs = el(doc, 'fieldset', 'report-categories');
    fs.append(el(doc, 'legend', null, 'By category (uncheck to hide)'));
    const max = Math.max(...summary.categories.map((c) => c.count));
    const ul = el(doc, 'ul', 'chart');
    for (const c of summary.categories) {
      const li = el(doc, 'li', `chart-row ${categoryClass(c.category)}`);
      const label = el(doc, 'label');
      const box = el(doc, 'input');
      box.type = 'checkbox';
      box.checked = !hidden.has(c.category);
      box.setAttribute('data-category', c.category);
      box.addEventListener('change', () => onToggle?.(c.category, box.checked));
      label.append(box, el(doc, 'span', 'chart-name', categoryLabel(c.category)), el(doc, 'span', 'chart-count', nf.format(c.count)));
      const bar = el(doc, 'span', 'chart-bar');
      bar.setAttribute('aria-hidden', 'true');
      const fill = el(doc, 'span', 'chart-fill tifa-swatch');
      fill.style.inlineSize = `${Math.max(2, Math.round((c.count / max) * 100))}%`;
      bar.append(fill);
      li.append(label, bar);
      ul.append(li);
    }
    fs.append(ul);
    frag.append(fs);
  }

  // Terms, in order of first appearance.
  const sec = el(doc, 'section', 'report-terms');
  const h = el(doc, 'h3', null, 'Terms, in order of appearance');
  h.id = 'report-terms-title';
  sec.setAttribute('aria-labelledby', h.id);
  sec.append(h);
  if (!distinct) sec.append(el(doc, 'p', 'empty', 'No terms found.'));
  else sec.append(el(doc, 'p', 'help', 'Click a term to step through its occurrences.'));
  const ol = el(doc, 'ol', 'terms');
  for (const t of summary.terms) {
    const entry = getEntry(t.id);
    const li = el(doc, 'li', categoryClass(t.category));
    const b = el(doc, 'button', 'term-step');
    b.type = 'button';
    b.setAttribute('data-term', t.id);
    b.append(el(doc, 'span', 'tifa-swatch swatch'));
    // What the text says first, then the preferred English when it differs.
    const fold = (x) => String(x || '').toLowerCase().replace(/\s+/g, ' ').trim();
    const en = entry?.en ?? t.en;
    if (t.text && fold(t.text) !== fold(en) && fold(t.text) !== fold(entry?.zh ?? t.zh) && fold(t.text) !== fold(entry?.zh_hant)) {
      b.append(el(doc, 'q', 'term-text', t.text), doc.createTextNode(' '), el(doc, 'span', 'term-en term-preferred', `(${en})`));
    } else b.append(el(doc, 'span', 'term-en', en));
    const zh = el(doc, 'span', 'term-zh', entry?.zh ?? t.zh);
    zh.lang = 'zh-Hans';
    b.append(doc.createTextNode(' '), zh);
    const total = t.count + t.nested;
    const count = el(doc, 'span', 'term-count', `×${nf.format(total)}`);
    if (t.nested) count.title = `${t.count} on its own, ${t.nested} inside longer terms`;
    b.append(doc.createTextNode(' '), count);
    b.addEventListener('click', () => onStep?.(t.id, b));
    const pos = el(doc, 'span', 'term-pos');
    pos.setAttribute('aria-live', 'polite');
    li.append(b, pos);
    ol.append(li);
  }
  sec.append(ol);
  frag.append(sec);

  // Unknown formulas.
  if (summary.candidates.length) {
    const cs = el(doc, 'section', 'report-candidates');
    const ch = el(doc, 'h3', null, 'Possible formulas not in the dictionary');
    ch.id = 'report-candidates-title';
    cs.setAttribute('aria-labelledby', ch.id);
    cs.append(ch, el(doc, 'p', 'help', 'Numbered phrases that look like set formulations (“the four …”, 四个…) but are not in the dictionary. They are not highlighted.'));
    const ul = el(doc, 'ul', 'candidates');
    for (const c of summary.candidates) {
      const li = el(doc, 'li', 'candidate');
      li.append(el(doc, 'q', null, c.text), doc.createTextNode(` ×${nf.format(c.count)}`));
      ul.append(li);
    }
    cs.append(ul);
    frag.append(cs);
  }
  // Gated forms seen but not counted, so a reader can see why a phrase was left alone.
  const notCounted = summary.notCounted || [];
  if (notCounted.length) {
    const ns = el(doc, 'section', 'report-not-counted');
    const nh = el(doc, 'h3', null, 'Also seen, not counted');
    nh.id = 'report-not-counted-title';
    ns.setAttribute('aria-labelledby', nh.id);
    ns.append(nh, el(doc, 'p', 'help', notCounted[0].why.replace(/^./, (c) => c.toUpperCase()) + '. Change the sensitivity to count them.'));
    const groups = new Map();
    for (const n of notCounted) {
      const key = n.id + '\u0000' + n.text.toLowerCase();
      const g = groups.get(key);
      if (g) g.count += 1; else groups.set(key, { ...n, count: 1 });
    }
    const ul = el(doc, 'ul', 'not-counted');
    for (const g of groups.values()) {
      const li = el(doc, 'li', 'not-counted-item');
      const entry = getEntry?.(g.id);
      li.append(el(doc, 'q', null, g.text), doc.createTextNode(` ×${nf.format(g.count)}`));
      if (entry) li.append(doc.createTextNode(` — would be ${entry.en} (${entry.zh})`));
      ul.append(li);
    }
    ns.append(ul);
    frag.append(ns);
  }
  container.replaceChildren(frag);
}
