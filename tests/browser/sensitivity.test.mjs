// The sensitivity switch and the "not counted" report, in the page and the embed (headless
// Debian Chromium). The rules themselves have table tests in tests/data/matching.toml.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, fillText, highlights, sharedPage } from './page-helpers.mjs';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

// "core" is gated: counted only with Party context. The first sentence has none.
const ORDINARY = 'The core of the plan is simple.';
const PARTY = 'Xi called on officials to implement the two upholds and pursue common prosperity.';

/** (name, sensitivity, text, highlighted ids, "not counted" entries listed) */
const PAGE_CASES = [
  ['default: ordinary text highlights nothing and lists "core" as not counted', 'default', ORDINARY, [], ['core']],
  ['default: a sparse Party sentence is highlighted', 'default', PARTY, ['two-upholds', 'common-prosperity'], []],
  ['all: every form counts', 'all', ORDINARY, ['the-core'], []],
  ['strict: a Party term in another paragraph far away does not vouch', 'strict',
    `${PARTY}\n\n${'Nothing more of note was said about the weather in the valley that day. '.repeat(8)}\n\nThe core was praised.`,
    ['two-upholds', 'common-prosperity'], ['core']],
];

// One page: each case sets its sensitivity and pastes its text over the one before.
const casesPage = sharedPage(() => openPage(s.ctx.browser, s.ctx.server.url + '/index.html'));
for (const [name, sensitivity, text, ids, notCounted] of PAGE_CASES) {
  test(`page sensitivity ${name}`, async () => {
    const page = await casesPage();
    await page.selectOption('#sensitivity', sensitivity);
    await fillText(page, text);
    await settled(page);
    assert.deepEqual((await highlights(page)).map((h) => h.id), ids);
    const listed = await page.$$eval('#report .not-counted-item q', (qs) => qs.map((q) => q.textContent));
    assert.deepEqual(listed, notCounted);
    if (notCounted.length) {
      const help = await page.$eval('#report .report-not-counted .help', (p) => p.textContent);
      assert.match(help, /ordinary language/);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('page sensitivity is remembered across a reload and re-analyses on change', async () => {
  const page = await openPage(s.ctx.browser, s.ctx.server.url + '/index.html');
  await fillText(page, ORDINARY);
  assert.equal((await highlights(page)).length, 0);
  // The page is busy from the change on (read in the change's own task): waiting for it to be
  // settled must wait for the new analysis, not return before it started.
  assert.equal(await page.evaluate(() => {
    const select = document.getElementById('sensitivity');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    return window.tifaPage.busy;
  }), true);
  await settled(page);
  assert.deepEqual((await highlights(page)).map((h) => h.id), ['the-core']);
  await page.reload();
  await page.waitForFunction(() => window.tifaPage && document.getElementById('engine-status').textContent.includes('entries'));
  assert.equal(await page.$eval('#sensitivity', (el) => el.value), 'all');
  await page.evaluate(() => localStorage.removeItem('tifa-sensitivity'));
  await page.close();
});

/** (name, options, expected ids in a root of one ordinary and one Party paragraph) */
const EMBED_CASES = [
  ['default judges the whole root', {}, ['two-upholds', 'important-speech']],
  ['strict needs a term nearby', { sensitivity: 'strict' }, ['two-upholds']],
  ['all counts every form', { sensitivity: 'all' }, ['two-upholds', 'important-speech']],
  ['a bad value warns and falls back to default', { sensitivity: 'loose' }, ['two-upholds', 'important-speech']],
];

for (const [name, options, ids] of EMBED_CASES) {
  test(`embed sensitivity: ${name}`, async () => {
    const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/article.html');
    const got = await page.evaluate(async (o) => {
      const { highlight } = await import('/embed.js');
      const root = document.createElement('div');
      // The Party term and the gated form are far apart, in different blocks.
      root.innerHTML = '';
      const p1 = document.createElement('p'); p1.textContent = 'We must achieve the Two Upholds.';
      const filler = document.createElement('p'); filler.textContent = 'Weather, rivers and roads were discussed. '.repeat(20);
      const p2 = document.createElement('p'); p2.textContent = 'The important speech was praised.';
      root.append(p1, filler, p2);
      document.body.append(root);
      await highlight(root, { observe: false, tooltips: false, ...o });
      return [...root.querySelectorAll('[data-tifa-term]')].map((m) => m.dataset.tifaTerm);
    }, options);
    assert.deepEqual(got, ids);
    if (options.sensitivity === 'loose') assert.ok(warnings.some((w) => /sensitivity "loose" is not one of/.test(w)), warnings.join('\n'));
    await page.close();
  });
}

test('embed <tifa-text sensitivity="all"> counts a gated form in ordinary text', async () => {
  const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/article.html');
  const ids = await page.evaluate(async () => {
    await import('/embed.js');
    const el = document.createElement('tifa-text');
    el.setAttribute('sensitivity', 'all');
    el.setAttribute('observe', 'false');
    el.textContent = 'The core of the plan is simple.';
    document.body.append(el);
    await el.ready;
    return [...el.querySelectorAll('[data-tifa-term]')].map((m) => m.dataset.tifaTerm);
  });
  assert.deepEqual(ids, ['the-core']);
  await page.close();
});
