// The embed's DOM pass on a realistic article fixture: counts and ids, cross-inline matching,
// block boundaries, skip rules, shadow roots, late content, idempotence and the unhighlight
// round trip. Headless Chromium via tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open, occurrences, rng, afterPendingPasses } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

/** Opens the article fixture with embed.js imported as window.tifaEmbed (not yet highlighting). */
async function article(query = '') {
  const r = await open(s.ctx.browser, s.ctx.server, `/fixtures/article.html${query}`, {
    waitFor: () => document.getElementById('shadow-host')?.shadowRoot && window.addLateSection,
  });
  await r.page.evaluate(async () => { window.tifaEmbed = await import('/embed.js'); });
  return r;
}
const highlightStory = (page, options = {}) => page.evaluate(async (o) => {
  const h = await window.tifaEmbed.highlight(document.getElementById('story'), o);
  return { count: h.count, marks: h.marks, terms: h.terms };
}, options);

// Which terms each block holds after highlight(#story): [name, selector, [[id, matched text, pieces]...]].
const EXPECTED = [
  ['cross <em>: Two <em>Upholds</em>; cross <a>: <a>eight-point</a> regulation', '#p-inline',
    [['two-upholds', 'Two Upholds', 2], ['eight-point-rules', 'eight-point regulation', 2]]],
  ['Chinese across <b>', '#p-zh', [['two-upholds', '坚决做到两个维护', 3], ['full-rigorous-party-self-governance', '全面从严治党', 1]]],
  ['plain English', '#p-plain', [['democratic-life-meeting', 'democratic life meeting', 1]]],
  ['headline (plural)', '#headline', [['plenary-session', 'Plenum', 1], ['cadre', 'cadres', 1], ['democratic-life-meeting', 'democratic life meetings', 1]]],
  ['no match across </p><p>', '#p-split-a, #p-split-b', []],
  ['no match across <br>', '#p-br', []],
  ['blockquote with a span', '#quote', [['two-upholds', 'Two Upholds', 1]]],
  ['list items', '#list', [['eight-point-rules', 'eight-point regulation', 1], ['democratic-life-meeting', 'democratic life meeting', 1]]],
  ['table cells', '#table', [['two-upholds', '两个维护', 1], ['eight-point-rules', 'eight-point regulation', 1]]],
  ['emoji and combining marks before the match', '#p-emoji', [['two-upholds', '两个维护', 1], ['two-upholds', 'Two Upholds', 1]]],
];

// Content that must never be highlighted: [name, selector].
const SKIPPED = [
  ['pre', '#pre'], ['code', '#p-code code'], ['kbd', '#p-code kbd'], ['samp', '#p-code samp'],
  ['textarea', '#ta'], ['input', '#in'], ['select/option', '#sel'], ['button', '#btn'],
  ['contenteditable', '#editable'], ['data-tifa-skip', '#skipped'], ['exclude option (.sidebar)', '#excluded'],
  ['noscript', 'noscript'], ['outside the root', 'aside'], ['header outside the root', 'header'],
];

test('highlight(#story): ids, matched text and pieces per block', async () => {
  const { page, warnings, errors } = await article();
  const h = await highlightStory(page, { exclude: '.sidebar' });
  for (const [name, sel, want] of EXPECTED) {
    const got = (await occurrences(page, sel)).map((o) => [o.id, o.text, o.pieces]);
    assert.deepEqual(got, want, name);
  }
  const total = await page.evaluate(() => new Set([...document.querySelectorAll('#story [data-tifa-term]')].map((m) => m.dataset.tifaOccurrence)).size);
  assert.equal(h.count, total + 2, 'count = occurrences in the light DOM + 2 in the open shadow root');
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the highlight contract: data-tifa-* attributes, classes, one tab stop per occurrence', async () => {
  const { page } = await article();
  await highlightStory(page);
  const marks = await page.evaluate(() => [...document.querySelectorAll('#p-inline mark')].map((m) => ({
    term: m.getAttribute('data-tifa-term'), form: m.getAttribute('data-tifa-form'), kind: m.getAttribute('data-tifa-kind'),
    occ: m.getAttribute('data-tifa-occurrence'), cls: m.className, tab: m.getAttribute('tabindex'), text: m.textContent,
  })));
  assert.equal(marks.length, 4);
  const [a, b, c, d] = marks;
  assert.equal(a.term, 'two-upholds');
  assert.equal(a.occ, b.occ, 'pieces of one match share the occurrence id');
  assert.notEqual(a.occ, c.occ);
  assert.match(a.cls, /^tifa-term tifa-cat-leadership$/);
  assert.deepEqual([a.tab, b.tab, c.tab, d.tab], ['0', '-1', '0', '-1']);
  assert.ok(a.form && a.kind, 'form and kind are set');
  assert.deepEqual([a.text, b.text, c.text, d.text], ['Two ', 'Upholds', 'eight-point', ' regulation']);
  const inLink = await page.evaluate(() => document.querySelector('#rules-link > mark')?.textContent);
  assert.equal(inLink, 'eight-point', 'the piece inside the link is wrapped inside the link (the link stays)');
  await page.close();
});

test('skip rules: nothing is highlighted in skipped content', async () => {
  const { page } = await article();
  await highlightStory(page, { exclude: '.sidebar' });
  for (const [name, sel] of SKIPPED) {
    const n = await page.evaluate((q) => [...document.querySelectorAll(q)].reduce((k, el) => k + el.querySelectorAll('[data-tifa-term]').length, 0), sel);
    assert.equal(n, 0, name);
  }
  const tpl = await page.evaluate(() => document.getElementById('tpl').content.querySelectorAll('[data-tifa-term]').length);
  assert.equal(tpl, 0, 'template content');
  const frame = await page.frame({ url: /frame\.html/ }).evaluate(() => document.querySelectorAll('[data-tifa-term]').length);
  assert.equal(frame, 0, 'iframe document');
  await page.close();
});

test('open shadow root: highlighted, styled, and restored', async () => {
  const { page } = await article();
  await highlightStory(page);
  const got = (await occurrences(page, '#in-shadow', '#shadow-host')).map((o) => o.id);
  assert.deepEqual(got, ['two-upholds', 'two-upholds']);
  const styled = await page.evaluate(() => {
    const m = document.getElementById('shadow-host').shadowRoot.querySelector('mark');
    return getComputedStyle(m).borderBottomStyle;
  });
  assert.equal(styled, 'solid', 'the mark stylesheet is adopted into the shadow root');
  const before = await page.evaluate(() => document.getElementById('shadow-host').shadowRoot.innerHTML);
  await page.evaluate(() => window.tifaEmbed.unhighlight(document.getElementById('story')));
  const after = await page.evaluate(() => ({
    html: document.getElementById('shadow-host').shadowRoot.innerHTML,
    sheets: document.getElementById('shadow-host').shadowRoot.adoptedStyleSheets.length,
  }));
  assert.notEqual(before, after.html);
  assert.equal(after.html, '<p id="in-shadow">Inside a shadow root: the Two Upholds and 两个维护.</p>');
  assert.equal(after.sheets, 0, 'the adopted sheet is removed again');
  await page.close();
});

test('late content: a section added after load is highlighted; own mutations are ignored', async () => {
  const { page } = await article();
  const first = await highlightStory(page);
  await page.evaluate(() => window.addLateSection());
  await page.waitForFunction(() => document.querySelectorAll('#late [data-tifa-term]').length >= 2);
  const late = (await occurrences(page, '#late')).map((o) => [o.id, o.text]);
  assert.deepEqual(late, [['democratic-life-meeting', 'democratic life meeting'], ['two-upholds', 'Two Upholds']]);
  // A (wrong) feedback loop would start another pass from the embed's own marks. A probe added
  // now is handled by the next pass, so once it is highlighted any such pass has run too: the
  // marks outside the probe must be as they were.
  const marksOutside = () => page.evaluate(() => document.querySelectorAll('#story [data-tifa-term]:not(#probe *)').length);
  const before = await marksOutside();
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'probe';
    p.textContent = 'Probe: the Two Upholds.';
    document.getElementById('story').append(p);
  });
  await page.waitForFunction(() => document.querySelectorAll('#probe [data-tifa-term]').length === 1);
  assert.equal(await marksOutside(), before, 'no pass re-runs on its own mutations');
  const summary = await page.evaluate(() => window.tifaEmbed.highlight(document.getElementById('story')).then((h) => h.count));
  assert.equal(summary, first.count + 3, 'the late section (2) and the probe (1)');
  await page.close();
});

test('disconnect and unhighlight stop observing', async () => {
  for (const how of ['disconnect', 'unhighlight']) {
    const { page } = await article();
    await highlightStory(page);
    await page.evaluate((w) => window.tifaEmbed[w](document.getElementById('story')), how);
    await page.evaluate(() => window.addLateSection());
    await afterPendingPasses(page);
    const n = await page.evaluate(() => document.querySelectorAll('#late [data-tifa-term]').length);
    assert.equal(n, 0, how);
    await page.close();
  }
});

test('idempotence: highlight twice == highlight once', async () => {
  for (const options of [{}, { firstOnly: true }, { categories: ['leadership'] }]) {
    const { page } = await article();
    const once = await highlightStory(page, options);
    const html1 = await page.evaluate(() => document.body.innerHTML);
    const twice = await highlightStory(page, options);
    const html2 = await page.evaluate(() => document.body.innerHTML);
    assert.equal(html2, html1, JSON.stringify(options));
    assert.deepEqual(twice, once, JSON.stringify(options));
    await page.close();
  }
});

test('options: categories and first occurrence only', async () => {
  const classes = (page) => page.evaluate(() => [...document.querySelectorAll('#story mark')].map((m) => m.className));
  const cases = [
    ['categories=[party-building]', { categories: ['party-building'] },
      (ids, cls) => ids.length >= 4 && cls.every((c) => c === 'tifa-term tifa-cat-party-building')],
    ['categories=[leadership, discipline]', { categories: ['leadership', 'discipline'] },
      (ids, cls) => ids.includes('two-upholds') && ids.includes('eight-point-rules') && cls.every((c) => /tifa-cat-(leadership|discipline)$/.test(c))],
    ['firstOnly', { firstOnly: true }, (ids) => ids.length > 4 && ids.length === new Set(ids).size],
  ];
  for (const [name, options, ok] of cases) {
    const { page } = await article();
    await highlightStory(page, options);
    const ids = (await occurrences(page, '#story')).map((o) => o.id);
    assert.ok(ok(ids, await classes(page)), `${name}: ${ids.join(',')}`);
    await page.close();
  }
});

test('unhighlight round trip: same innerHTML, same text nodes, same elements and listeners', async () => {
  const { page } = await article();
  await page.evaluate(() => {
    const story = document.getElementById('story');
    window.__before = {
      html: document.body.innerHTML,
      elements: [...story.querySelectorAll('*')],
      texts: (() => { const w = document.createTreeWalker(story, NodeFilter.SHOW_TEXT); const a = []; while (w.nextNode()) a.push(w.currentNode); return a; })(),
    };
  });
  const h = await highlightStory(page);
  assert.ok(h.count > 10);
  // Open a tooltip too: unhighlight must also take that away.
  await page.focus('#p-inline mark');
  await page.waitForFunction(() => document.querySelector('[data-tifa-tooltip-host][data-open]'));
  const removed = await page.evaluate(() => window.tifaEmbed.unhighlight(document.getElementById('story')));
  assert.equal(removed, h.count);
  const r = await page.evaluate(() => {
    const story = document.getElementById('story');
    const b = window.__before;
    const texts = (() => { const w = document.createTreeWalker(story, NodeFilter.SHOW_TEXT); const a = []; while (w.nextNode()) a.push(w.currentNode); return a; })();
    const sameTextNodes = texts.length === b.texts.length && texts.every((t, i) => t === b.texts[i]);
    const elements = [...story.querySelectorAll('*')];
    const sameElements = elements.length === b.elements.length && elements.every((e, i) => e === b.elements[i]);
    document.getElementById('listened').click();
    return { html: document.body.innerHTML === b.html, sameTextNodes, sameElements, clicks: window.__clicks,
      marks: document.querySelectorAll('[data-tifa-term]').length, sheets: document.adoptedStyleSheets.length,
      host: document.querySelectorAll('[data-tifa-tooltip-host]').length };
  });
  assert.deepEqual(r, { html: true, sameTextNodes: true, sameElements: true, clicks: 1, marks: 0, sheets: 0, host: 0 });
  await page.close();
});

test('unhighlight round trip on generated DOMs (seeded)', async () => {
  const { page } = await article();
  const PIECES = ['Two ', 'Upholds', ' and ', '两个', '维护', ' democratic ', 'life', ' meeting', 'eight-point', ' regulation', ' ', '😀', 'e\u0301', ''];
  const TAGS = ['em', 'a', 'span', 'b', 'p', 'div', 'li', 'br', 'code'];
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const rand = rng(seed);
    // A tree description, built in the page with createElement/createTextNode only.
    const gen = (depth) => Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
      if (depth > 3 || rand() < 0.55) return PIECES[Math.floor(rand() * PIECES.length)];
      return { tag: TAGS[Math.floor(rand() * TAGS.length)], children: gen(depth + 1) };
    });
    const tree = gen(0);
    const r = await page.evaluate(async ([t]) => {
      const build = (parent, nodes) => {
        for (const n of nodes) {
          if (typeof n === 'string') parent.append(document.createTextNode(n));
          else { const el = document.createElement(n.tag); if (n.tag !== 'br') build(el, n.children); parent.append(el); }
        }
      };
      const root = document.createElement('div');
      root.id = 'gen';
      build(root, t);
      document.getElementById('story').append(root);
      const before = root.innerHTML;
      const nodes = root.childNodes.length;
      const h1 = await window.tifaEmbed.highlight(root, { observe: false, tooltips: false });
      const html1 = root.innerHTML;
      const c1 = h1.count;
      const h2 = await window.tifaEmbed.highlight(root, { observe: false, tooltips: false });
      const same = root.innerHTML === html1 && h2.count === c1;
      window.tifaEmbed.unhighlight(root);
      const ok = root.innerHTML === before && root.childNodes.length === nodes;
      root.remove();
      return { ok, same, c1 };
    }, [tree]);
    assert.ok(r.same, `seed ${seed}: highlight twice == once`);
    assert.ok(r.ok, `seed ${seed}: unhighlight restores innerHTML and child nodes (${r.c1} matches)`);
  }
  await page.close();
});

test('batching does not change the result: tiny batches == one batch (context crosses batches)', async () => {
  const { page } = await article();
  const runs = await page.evaluate(async () => {
    const { highlightTree, unhighlightTree } = await import('/lib/highlight.js');
    const { loadTifa } = await import('/lib/engine.js');
    const tifa = await loadTifa();
    const story = document.getElementById('story');
    // Gated forms ("new era", "important speech") whose only context is in a neighbouring block.
    const extra = document.createElement('section');
    for (const t of ['Officials studied Xi Jinping Thought at length.', 'They said a new era had begun.', 'Nothing here.', 'The important speech was studied.']) {
      const p = document.createElement('p'); p.textContent = t; extra.append(p);
    }
    story.append(extra);
    const out = [];
    for (const batchChars of [1, 40, 300, 1000000]) {
      await highlightTree(story, tifa, { batchChars, observe: false });
      out.push([...story.querySelectorAll('[data-tifa-term]')].map((m) => `${m.dataset.tifaTerm}:${m.textContent}:${m.dataset.tifaContext || ''}`).join('|'));
      unhighlightTree(story);
    }
    return out;
  });
  for (const r of runs.slice(1)) assert.equal(r, runs[0]);
  assert.ok(runs[0].split('|').length > 15);
  // The document rule is judged over the whole root, so the batch size cannot change it.
  assert.match(runs[0], /new-era:new era:document/, 'a gated form counted through the document rule');
  assert.match(runs[0], /important-speech:important speech:document/, 'a gated form counted through the document rule');
  await page.close();
});
