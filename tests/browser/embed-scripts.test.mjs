// The embed fetches the forms of the scripts a page's text holds (issue 10, "Small and fast to
// start"): an English page the base part and the English part, a Chinese page the base part and
// the Chinese part, a page with both both. Text of another script that arrives later (added
// content, or a later call) makes it fetch that part and highlight the text with it: nothing is
// left unhighlighted. Headless Chromium via tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openStory } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

const ENGLISH = 'The plenum asked members to achieve the Two Upholds and common prosperity, and the two maintenances.';
const CHINESE = '全会要求坚决做到两个维护，扎实推进共同富裕。';

/** The fixture with `paragraphs` in #story and embed.js loaded (node-helpers.mjs, `openStory`). */
const page = (paragraphs, options = {}) => openStory(s.ctx, paragraphs, options);

/** The compiled parts the page has fetched so far (file names, in order, repeats kept). */
const partsFetched = (p) => p.evaluate(() => performance.getEntriesByType('resource')
  .map((r) => new URL(r.name).pathname.split('/').pop()).filter((n) => n.startsWith('tifa.match')));

/** The entry ids highlighted in paragraph `i` of #story, in order (one per occurrence). */
const idsIn = (p, i) => p.evaluate((k) => [...document.querySelectorAll('#story p')[k].querySelectorAll('mark[data-tifa-term]')]
  .filter((m) => m.tabIndex === 0).map((m) => m.dataset.tifaTerm), i);

const EN = ['tifa.match.bin', 'tifa.match.en.bin'];
const ZH = ['tifa.match.bin', 'tifa.match.zh.bin'];
const BOTH = ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin'];
// The English machine-translation forms come right after the first highlight (embed-mt.test.mjs).
const MT = 'tifa.match.mt.bin';
const ENGLISH_IDS = ['plenary-session', 'two-upholds', 'common-prosperity', 'two-upholds'];
const CHINESE_IDS = ['two-upholds', 'common-prosperity'];
// [name, paragraphs, the parts fetched for the first highlight, the parts fetched when highlight()
// resolves, the ids expected in each paragraph]. A page with both scripts is highlighted first
// with the forms of the script it has more text of.
const PAGES = [
  ['an English page fetches the English forms only', [ENGLISH], EN, [...EN, MT], [ENGLISH_IDS]],
  ['a Chinese page fetches the Chinese forms only', [CHINESE], ZH, ZH, [CHINESE_IDS]],
  ['a page with more English than Chinese: English first, then the Chinese part', [ENGLISH, CHINESE], EN, [...BOTH, MT],
    [ENGLISH_IDS, CHINESE_IDS]],
  ['a page with more Chinese than English: Chinese first, then the English part', [CHINESE, CHINESE, CHINESE, 'the Two Upholds'], ZH, [...BOTH, MT],
    [CHINESE_IDS, CHINESE_IDS, CHINESE_IDS, ['two-upholds']]],
];

for (const [name, paragraphs, first, parts, ids] of PAGES) {
  test(`scripts: ${name}`, async () => {
    const { page: p, warnings, errors } = await page(paragraphs);
    const count = await p.evaluate(async () => (await window.tifaEmbed.highlight(document.getElementById('story'), { observe: false })).count);
    assert.deepEqual((await p.evaluate(() => window.partsAtFirstMark)).sort(), [...first].sort(), 'parts at the first highlight');
    assert.deepEqual((await partsFetched(p)).sort(), [...parts].sort());
    for (let i = 0; i < ids.length; i++) assert.deepEqual(await idsIn(p, i), ids[i], `paragraph ${i}`);
    assert.equal(count, ids.flat().length);
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    await p.close();
  });
}

test('scripts: Chinese content added to an English page is highlighted once the Chinese forms arrive (observe)', async () => {
  const { page: p, warnings, errors } = await page([ENGLISH]);
  await p.evaluate(async () => { window.__h = await window.tifaEmbed.highlight(document.getElementById('story')); });
  assert.deepEqual((await partsFetched(p)).sort(), ['tifa.match.bin', 'tifa.match.en.bin', MT].sort());
  await p.evaluate((t) => { document.getElementById('story').appendChild(document.createElement('p')).textContent = t; }, CHINESE);
  await p.waitForFunction(() => document.querySelectorAll('#story p')[1].querySelector('mark[data-tifa-term]'));
  await p.waitForFunction(() => window.__h.count === 6);
  assert.deepEqual(await idsIn(p, 1), ['two-upholds', 'common-prosperity']);
  assert.deepEqual(await idsIn(p, 0), ['plenary-session', 'two-upholds', 'common-prosperity', 'two-upholds'], 'the English marks stay');
  // Only the part that was missing was fetched, once.
  assert.deepEqual((await partsFetched(p)).sort(), ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', MT].sort());
  // English added after the upgrade is highlighted by the engine that has both.
  await p.evaluate((t) => { document.getElementById('story').appendChild(document.createElement('p')).textContent = t; }, ENGLISH);
  await p.waitForFunction(() => window.__h.count === 10);
  assert.deepEqual(await idsIn(p, 2), ['plenary-session', 'two-upholds', 'common-prosperity', 'two-upholds']);
  // A card made before the upgrade still names the form it matched (its index was into fewer forms).
  await p.locator('#story p:first-child mark', { hasText: 'two maintenances' }).hover();
  await p.waitForFunction(() => {
    const host = document.querySelector('[data-tifa-tooltip-host][data-open]');
    return host && /'two maintenances' is a machine-translation rendering of 两个维护/.test(host.shadowRoot.textContent);
  });
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await p.close();
});

test('scripts: a later call on Chinese text after an English one highlights it, fetching only the Chinese part', async () => {
  const { page: p, warnings, errors } = await page([ENGLISH, CHINESE]);
  const counts = await p.evaluate(async () => {
    const [en, zh] = document.querySelectorAll('#story p');
    const a = await window.tifaEmbed.highlight(en, { observe: false });
    const b = await window.tifaEmbed.highlight(zh, { observe: false });
    return [a.count, b.count];
  });
  assert.deepEqual(counts, [4, 2]);
  assert.deepEqual(await idsIn(p, 1), ['two-upholds', 'common-prosperity']);
  assert.deepEqual((await partsFetched(p)).sort(), ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', MT].sort());
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await p.close();
});

test('scripts: when the Chinese part cannot be fetched, Chinese content added later gets a warning, not silence', async () => {
  const { page: p, warnings, errors } = await page([ENGLISH], {
    routes: { '**/pkg/tifa.match.zh.bin': (r) => r.fulfill({ status: 404, body: 'not found' }) },
  });
  await p.evaluate(async () => { window.__h = await window.tifaEmbed.highlight(document.getElementById('story')); });
  const warned = p.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && /Chinese forms/.test(m.text()) });
  await p.evaluate((t) => { document.getElementById('story').appendChild(document.createElement('p')).textContent = t; }, CHINESE);
  await warned;
  assert.ok(warnings.some((w) => /tifa: the Chinese forms of the dictionary could not be loaded \(.*tifa\.match\.zh\.bin answered HTTP 404.*\); text in that script is not highlighted\./.test(w)), JSON.stringify(warnings));
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  // The English text keeps its highlights; English added after it is still highlighted.
  await p.evaluate((t) => { document.getElementById('story').appendChild(document.createElement('p')).textContent = t; }, ENGLISH);
  await p.waitForFunction(() => window.__h.count === 8);
  assert.deepEqual(await idsIn(p, 2), ['plenary-session', 'two-upholds', 'common-prosperity', 'two-upholds']);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await p.close();
});
