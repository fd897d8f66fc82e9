// The compare view (#compare, www/app/compare.js): the pure alignment in Node, then the view in
// headless Debian Chromium (tables, statuses, stepping, tooltips on both sides, axe-core in light
// and dark, the read view's exports untouched).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, ROOT, downloadText, axeViolations } from './harness.mjs';
import { cli, openPage, fillText, tooltipShown, sharedPage, withCards } from './page-helpers.mjs';
import { KINDS, matchView } from '../../www/app/compact.js';
import { ORIGINAL, TRANSLATION } from './fixtures/compare-texts.mjs';
import { alignTerms, termOccurrences, termStatus, detectedLanguage, STATUS_LABELS } from '../../www/app/compare.js';

// ---- 1. the alignment, in Node --------------------------------------------------------------
const ENTRIES = [
  { id: 'two-upholds', zh: '两个维护', en: 'Two Upholds', category: 'leadership',
    forms: [{ text: 'Two Upholds', kind: 'official' }, { text: 'two maintenances', kind: 'mt' }, { text: 'two safeguards', kind: 'media' }, { text: '两个维护', kind: 'official' }] },
  { id: 'strict', zh: '全面从严治党', en: 'full and rigorous Party self-governance', category: 'discipline',
    forms: [{ text: 'full and rigorous Party self-governance', kind: 'official' }, { text: '全面从严治党', kind: 'official' }] },
  { id: 'modernization', zh: '中国式现代化', en: 'Chinese modernization', category: 'ideology',
    forms: [{ text: 'Chinese modernization', kind: 'official' }, { text: 'Chinese-style modernization', kind: 'mt' }, { text: '中国式现代化', kind: 'official' }] },
  { id: 'nqpf', zh: '新质生产力', en: 'new quality productive forces', category: 'economy', forms: [] },
  { id: 'nqpf-local', zh: '因地制宜发展新质生产力', en: 'develop new quality productive forces according to local conditions', category: 'economy', forms: [] },
  { id: 'plenum', zh: '全会', en: 'plenary session', category: 'institutions', forms: [] },
];
const INDEX = new Map(ENTRIES.map((e, i) => [e.id, i]));

/** A view over `matches` ([id, text, kind, nested ids?] in text order), as the worker packs the
 * engine's rows (start, end, entry, form, kind, context, nested count; nested entries after). */
function viewOf(matches) {
  let text = '';
  const rows = [matches.length];
  const nestedRows = [];
  for (const [id, t, kind = 'official', nested = []] of matches) {
    text += '… ';
    const start = text.length;
    text += t;
    const ei = INDEX.get(id);
    const fi = Math.max(0, ENTRIES[ei].forms.findIndex((f) => f.text.toLowerCase() === t.toLowerCase()));
    rows.push(start, text.length, ei, fi, KINDS.indexOf(kind), 0, nested.length);
    nestedRows.push(...nested.map((n) => INDEX.get(n)));
  }
  return { view: matchView({ rows: Uint32Array.from([...rows, ...nestedRows]) }, ENTRIES), text };
}
/** alignTerms over two match lists: [[id, leftCount, rightCount, status]] in row order. */
function align(left, right, opts) {
  const l = viewOf(left);
  const r = viewOf(right);
  return alignTerms(l.view, r.view, { leftText: l.text, rightText: r.text, ...opts });
}
const summary = (rows) => rows.map((r) => [r.id, r.left.count, r.right.count, r.status]);

/** (name, original's matches, translation's matches, expected rows) */
const ALIGNMENTS = [
  ['same count', [['two-upholds', '两个维护']], [['two-upholds', 'Two Upholds']], [['two-upholds', 1, 1, 'same']]],
  ['missing in translation', [['strict', '全面从严治党']], [], [['strict', 1, 0, 'missing']]],
  ['only in translation', [], [['plenum', 'plenary session']], [['plenum', 0, 1, 'only']]],
  ['count differs', [['modernization', '中国式现代化'], ['modernization', '中国式现代化']], [['modernization', 'Chinese modernization']],
    [['modernization', 2, 1, 'differs']]],
  ['a term inside a longer one counts on both sides', [['nqpf-local', '因地制宜发展新质生产力', 'official', ['nqpf']]],
    [['nqpf', 'new quality productive forces']], [['nqpf-local', 1, 0, 'missing'], ['nqpf', 1, 1, 'same']]],
  ['problems first, then by first appearance in the original, then translation-only terms',
    [['two-upholds', '两个维护'], ['strict', '全面从严治党'], ['modernization', '中国式现代化'], ['modernization', '中国式现代化'], ['nqpf', '新质生产力']],
    [['plenum', 'plenary session'], ['nqpf', 'new quality productive forces'], ['two-upholds', 'two maintenances', 'mt'], ['modernization', 'Chinese modernization']],
    [['strict', 1, 0, 'missing'], ['modernization', 2, 1, 'differs'], ['plenum', 0, 1, 'only'], ['two-upholds', 1, 1, 'same'], ['nqpf', 1, 1, 'same']]],
  ['no terms on either side', [], [], []],
];
for (const [name, left, right, want] of ALIGNMENTS) {
  test(`alignTerms: ${name}`, () => assert.deepEqual(summary(align(left, right)), want));
}

test('alignTerms: renderings are the translation\'s texts with their kinds, grouped case-insensitively, most used first', () => {
  const rows = align([['two-upholds', '两个维护'], ['two-upholds', '两个维护'], ['two-upholds', '两个维护'], ['two-upholds', '两个维护']],
    [['two-upholds', 'two maintenances', 'mt'], ['two-upholds', 'Two Upholds'], ['two-upholds', 'two  upholds'], ['two-upholds', 'two safeguards', 'media']]);
  assert.deepEqual(rows[0].renderings, [
    { text: 'Two Upholds', kind: 'official', count: 2 },
    { text: 'two maintenances', kind: 'mt', count: 1 },
    { text: 'two safeguards', kind: 'media', count: 1 },
  ]);
  assert.equal(rows[0].status, 'same');
});

test('alignTerms: a term only inside longer terms has counts but no renderings of its own', () => {
  const [nqpf] = align([['nqpf', '新质生产力']], [['nqpf-local', 'develop new quality productive forces according to local conditions', 'official', ['nqpf']]])
    .filter((r) => r.id === 'nqpf');
  assert.deepEqual([nqpf.right.count, nqpf.right.own, nqpf.right.nested, nqpf.renderings], [1, 0, 1, []]);
});

test('alignTerms: entries come from getEntry, else from the views, else the bare id', () => {
  const rows = align([['two-upholds', '两个维护', 'official', ['plenum']]], [], { getEntry: (id) => (id === 'plenum' ? { id, en: 'From getEntry' } : undefined) });
  assert.deepEqual(rows.map((r) => [r.id, r.entry.en]), [['two-upholds', 'Two Upholds'], ['plenum', 'From getEntry']]);
  assert.deepEqual(alignTerms(null, viewOf([['nqpf-local', 'x', 'official', ['nqpf']]]).view).map((r) => r.entry.en ?? r.entry),
    ['develop new quality productive forces according to local conditions', { id: 'nqpf' }]);
});

test('termOccurrences: marks, first appearance and own/nested counts per entry', () => {
  const { view, text } = viewOf([['modernization', '中国式现代化'], ['nqpf-local', '因地制宜发展新质生产力', 'official', ['nqpf']], ['modernization', 'Chinese-style modernization', 'mt']]);
  const occ = termOccurrences(view, text);
  assert.deepEqual([...occ.keys()], ['modernization', 'nqpf-local', 'nqpf']);
  assert.deepEqual(occ.get('modernization').marks, [0, 2]);
  assert.deepEqual(occ.get('nqpf'), { ...occ.get('nqpf'), count: 1, own: 0, nested: 1, first: 1, marks: [1] });
  assert.equal(termOccurrences(null).size, 0);
});

const STATUS_CASES = [[1, 1, 'same'], [2, 0, 'missing'], [0, 3, 'only'], [2, 1, 'differs'], [1, 2, 'differs'], [0, 0, 'same']];
for (const [l, r, want] of STATUS_CASES) test(`termStatus(${l}, ${r}) is ${want}`, () => assert.equal(termStatus(l, r), want));
test('detectedLanguage: characters mean Chinese, words English', () => {
  assert.equal(detectedLanguage({ density: { unit: 'characters' } }).lang, 'zh');
  assert.equal(detectedLanguage({ density: { unit: 'words' } }).lang, 'en');
});

// ---- 2. the view, in the browser --------------------------------------------------------------
let server; let browser; let tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await mkdtemp(join(tmpdir(), 'tifa-compare-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens #compare, fills both boxes as a user would, and waits until both are rendered. */
async function comparePage({ original = ORIGINAL, translation = TRANSLATION, viewport, colorScheme } = {}) {
  const page = await openPage(browser, server.url + '/index.html#compare', { viewport });
  if (colorScheme) await page.emulateMedia({ colorScheme });
  await page.fill('#compare-left', original);
  await page.fill('#compare-right', translation);
  await settledCompare(page);
  return page;
}
/** The compare view of ORIGINAL and TRANSLATION, shared by the tests that read it (the table,
 * the tooltips, axe-core), and one at 1280x700 shared by the stepping tests (each steps through
 * its own term: the view keeps a position per term). */
const defaultCompare = sharedPage(() => comparePage());
const steppingCompare = sharedPage(() => comparePage({ viewport: { width: 1280, height: 700 } }));
/** Waits until both sides are analysed and rendered. */
const settledCompare = (page) => page.waitForFunction(() => window.tifaCompare && !window.tifaCompare.busy, null, { polling: 50 });
/** The table's rows: [{ id, term, original, translation, renderings, status }]. */
const tableRows = (page) => page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => ({
  id: tr.dataset.term,
  status: tr.cells[4].textContent.replace('⚠', '').trim(),
  original: tr.cells[1].textContent,
  translation: tr.cells[2].textContent,
  renderings: [...tr.cells[3].querySelectorAll('li')].map((li) => `${li.querySelector('q').textContent} (${li.dataset.kind})`),
})));
/** Counts per entry id from the CLI's JSON (own matches and nested ones): the oracle. */
async function cliCounts(name, text) {
  const file = join(tmp, name);
  await writeFile(file, text);
  const counts = new Map();
  for (const m of JSON.parse(cli(file)).matches) {
    for (const id of new Set([m.id, ...m.nested.map((n) => n.id)])) counts.set(id, (counts.get(id) || 0) + 1);
  }
  return counts;
}
/** The open tooltip's text (any tooltip host on the page), '' when none is open. */
const openTooltip = (page) => page.evaluate(() => [...document.querySelectorAll('[data-tifa-tooltip-host][data-open]')].map((h) => h.shadowRoot.textContent).join(''));

test('compare view: the nav link opens it; both sides are highlighted with the detected language', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await page.click('#nav-compare');
  await page.waitForFunction(() => !document.getElementById('view-compare').hidden && document.getElementById('view-read').hidden);
  assert.equal(await page.getAttribute('#nav-compare', 'aria-current'), 'page');
  assert.equal(await page.title(), 'Compare a translation — tifa');
  // Empty states.
  assert.match(await page.textContent('#compare-table'), /Paste an original and its translation/);
  await page.fill('#compare-left', ORIGINAL);
  await settledCompare(page);
  assert.match(await page.textContent('#compare-table'), /Paste the translation too/);
  await page.fill('#compare-right', TRANSLATION);
  await settledCompare(page);
  assert.match(await page.textContent('#compare-left-detected'), /Detected: Chinese/);
  assert.match(await page.textContent('#compare-right-detected'), /Detected: English/);
  assert.equal(await page.getAttribute('#compare-left-output', 'lang'), 'zh');
  // Verbatim, with the shared highlight contract.
  assert.equal(await page.textContent('#compare-left-output'), ORIGINAL);
  assert.equal(await page.textContent('#compare-right-output'), TRANSLATION);
  assert.ok(await page.$$eval('#view-compare mark', (ms) => ms.length > 10 && ms.every((m) => m.matches('.tifa-term[data-tifa-term][data-tifa-kind][tabindex]'))));
  // Each side's highlighted text is one tab stop (lib/roving.js).
  assert.deepEqual(await page.$$eval('.compare-output', (os) => os.map((o) => o.querySelectorAll('mark[tabindex="0"]').length)), [1, 1]);
  // Clearing a side empties it again.
  await page.fill('#compare-right', '');
  await settledCompare(page);
  assert.match(await page.textContent('#compare-right-output'), /Nothing to show yet: paste the translation/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** (entry id, count in the original, count in the translation, status, renderings) */
const EXPECTED_ROWS = [
  ['full-rigorous-party-self-governance', '1', '0', 'missing in translation', []],
  ['chinese-modernization', '2', '1', 'count differs', ['Chinese modernization (official)']],
  ['two-upholds', '2', '2', 'same count', ['two maintenances (mt)', 'Two Upholds (official)']],
  ['two-establishments', '1', '1', 'same count', ['Two Establishments (official)']],
  ['new-quality-productive-forces', '1 (1 inside longer terms)', '1 (1 inside longer terms)', 'same count', []],
  ['plenary-session', '0', '1', 'only in translation', ['plenary session (official)']],
];

test('compare table: every term of either text, counts equal to the CLI\'s, statuses, renderings, problems first', async () => {
  const page = await defaultCompare();
  const rows = await tableRows(page);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, original, translation, status, renderings] of EXPECTED_ROWS) {
    assert.deepEqual(byId.get(id), { id, original, translation, status, renderings }, id);
  }
  // The oracle: the CLI's matches of each text.
  const left = await cliCounts('original.txt', ORIGINAL);
  const right = await cliCounts('translation.txt', TRANSLATION);
  assert.deepEqual(new Set(rows.map((r) => r.id)), new Set([...left.keys(), ...right.keys()]));
  for (const r of rows) {
    assert.equal(parseInt(r.original, 10), left.get(r.id) || 0, `${r.id} in the original`);
    assert.equal(parseInt(r.translation, 10), right.get(r.id) || 0, `${r.id} in the translation`);
    assert.equal(r.status, STATUS_LABELS[termStatus(left.get(r.id) || 0, right.get(r.id) || 0)]);
  }
  // Problems first: no problem after the first "same count" row.
  const statuses = rows.map((r) => r.status);
  const firstSame = statuses.indexOf('same count');
  assert.ok(firstSame > 0 && statuses.slice(firstSame).every((st) => st === 'same count'), statuses.join(', '));
  // The table is a real table.
  assert.ok(await page.$eval('#compare-table table', (t) => !!t.caption && t.querySelectorAll('thead th[scope=col]').length === 5
    && [...t.tBodies[0].rows].every((tr) => tr.cells[0].matches('th[scope=row]') && tr.cells[0].querySelector('button'))));
});

/** (row, clicks, expected position text after each click, [left mark text, right mark text] outlined) */
const STEPS = [
  ['two-upholds', [
    ['Original 1 of 2 · Translation 1 of 2', ['坚决做到“两个维护”', 'two maintenances']],
    ['Original 2 of 2 · Translation 2 of 2', ['两个维护', 'Two Upholds']],
    ['Original 1 of 2 · Translation 1 of 2', ['坚决做到“两个维护”', 'two maintenances']],
  ]],
  ['chinese-modernization', [
    ['Original 1 of 2 · Translation 1 of 1', ['以中国式现代化全面推进中华民族伟大复兴', 'Chinese modernization']],
    ['Original 2 of 2 · Translation: no 2nd (1 in all)', ['中国式现代化', null]],
  ]],
  ['full-rigorous-party-self-governance', [['Original 1 of 1 · Translation: none', ['全面从严治党', null]]]],
  ['plenary-session', [['Original: none · Translation 1 of 1', [null, 'plenary session']]]],
];
for (const [id, clicks] of STEPS) {
  test(`stepping through "${id}" outlines the k-th occurrence on each side`, async () => {
    const page = await steppingCompare();
    const button = page.locator(`#compare-table tr[data-term="${id}"] button`);
    for (const [i, [pos, [leftMark, rightMark]]] of clicks.entries()) {
      if (i === 0) {
        await button.focus(); // keyboard operable: Enter on the focused button
        await page.keyboard.press('Enter');
      } else await button.click();
      const got = await page.evaluate((term) => ({
        pos: document.querySelector(`#compare-table tr[data-term="${term}"] .compare-pos`).textContent,
        left: document.querySelector('#compare-left-output .tifa-current')?.textContent ?? null,
        right: document.querySelector('#compare-right-output .tifa-current')?.textContent ?? null,
        current: document.querySelectorAll('#view-compare .tifa-current').length,
      }), id);
      assert.deepEqual(got, { pos, left: leftMark, right: rightMark, current: [leftMark, rightMark].filter(Boolean).length }, `click ${i + 1}`);
    }
    // The current mark is scrolled into view in its box.
    const visible = await page.evaluate(() => [...document.querySelectorAll('#view-compare .tifa-current')].every((m) => {
      const box = m.closest('.compare-output').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }));
    assert.ok(visible);
  });
}

/** (side, mark selector, what the card says) */
const TOOLTIPS = [
  ['original', '#compare-left-output mark[data-tifa-term="two-upholds"]', /两个维护[\s\S]*Two Upholds/],
  ['translation', '#compare-right-output mark[data-tifa-kind="mt"][data-tifa-term="two-upholds"]', /'two maintenances' is a machine-translation rendering of 两个维护 \(official: Two Upholds\)/],
];
for (const [sideName, selector, want] of TOOLTIPS) {
  test(`the tooltip card opens on a mark of the ${sideName} (hover and focus), Escape closes it`, async () => {
    const page = await defaultCompare();
    await withCards(page);
    await page.hover(selector);
    await tooltipShown(page);
    assert.match(await openTooltip(page), want);
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => !document.querySelector('[data-tifa-tooltip-host][data-open]'));
    await page.focus(selector);
    await tooltipShown(page);
    assert.match(await openTooltip(page), want);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-tifa-tooltip-host][data-open]'));
    assert.deepEqual(page.errors, []);
  });
}

// Found while building this view: the tooltip joins the pieces of one occurrence
// (data-tifa-occurrence) across the whole document, and the read view and both compare sides
// numbered their matches from 0 alike: a card said "'全面从严治党two maintenances' is a
// machine-translation rendering…". Each rendering has its own occurrence prefix now.
test('a card names only its own mark\'s text, with the read view and both compare sides on one page', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, 'The plenum stressed the "two maintenances".');
  await page.evaluate(() => { location.hash = 'compare'; });
  await page.fill('#compare-left', '坚决做到“两个维护”。');
  await page.fill('#compare-right', 'Resolutely achieve the Two Upholds and the "two maintenances".');
  await settledCompare(page);
  const occurrences = await page.$$eval('mark[data-tifa-occurrence]', (ms) => ms.map((m) => m.dataset.tifaOccurrence));
  assert.equal(new Set(occurrences).size, occurrences.length, occurrences.join(' '));
  await page.hover('#compare-right-output mark[data-tifa-kind="mt"]');
  await tooltipShown(page);
  assert.match(await openTooltip(page), /since 2018'two maintenances' is a machine-translation rendering/);
  await page.close();
});

test('the compare view follows the read view\'s sensitivity, and sets it', async () => {
  const page = await comparePage({ original: '核心', translation: 'the core' });
  assert.equal(await page.inputValue('#compare-sensitivity'), 'default');
  const before = await page.$$eval('#view-compare mark', (ms) => ms.length);
  await page.selectOption('#compare-sensitivity', 'all');
  await page.waitForFunction(() => document.querySelectorAll('#view-compare mark').length > 0);
  await settledCompare(page);
  assert.equal(await page.inputValue('#sensitivity'), 'all', 'the read view\'s select follows');
  const after = await page.$$eval('#view-compare mark', (ms) => ms.length);
  assert.ok(after > before, `${before} -> ${after}`);
  await page.selectOption('#compare-sensitivity', 'default'); // remembered: leave the default to the next test
  await settledCompare(page);
  await page.close();
});

test('compare analyses do not replace the read view\'s text in its exports', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, 'The plenum stressed the Two Upholds.');
  await page.evaluate(() => { location.hash = 'compare'; });
  await page.fill('#compare-left', ORIGINAL);
  await page.fill('#compare-right', TRANSLATION);
  await settledCompare(page);
  await page.evaluate(() => { location.hash = 'read'; });
  await page.waitForFunction(() => !document.getElementById('view-read').hidden);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="json"]')]);
  const report = JSON.parse(await downloadText(dl));
  assert.deepEqual(report.matches.map((m) => m.text), ['plenum', 'Two Upholds']);
  await page.close();
});

/** (name, original, translation, the note under the texts: null when hidden) */
const NOTES = [
  ['Chinese original, English translation', '坚决做到“两个维护”。', 'Resolutely achieve the Two Upholds.', null],
  ['both Chinese', '坚决做到“两个维护”。', '坚决做到两个维护。', /^Both texts look Chinese: is one of them the translation\?$/],
  ['English original, Chinese translation', 'Resolutely achieve the Two Upholds.', '坚决做到“两个维护”。', /^The original looks English and the translation Chinese: that works too/],
];
test('the note under the texts says when the languages look swapped or the same', async () => {
  const page = await comparePage({ original: '', translation: '' });
  for (const [name, original, translation, want] of NOTES) {
    await page.fill('#compare-left', original);
    await page.fill('#compare-right', translation);
    await settledCompare(page);
    const note = await page.$eval('#compare-note', (n) => (n.hidden ? null : n.textContent));
    if (want) assert.match(note ?? '', want, name);
    else assert.equal(note, null, name);
    assert.deepEqual((await tableRows(page)).map((r) => [r.id, r.status]), [['two-upholds', 'same count']], name);
  }
  await page.close();
});

test('a file dropped on a compare box is read into it; the read view keeps its text', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, 'The plenum stressed the Two Upholds.');
  await page.evaluate(() => { location.hash = 'compare'; });
  await page.fill('#compare-left', '坚决做到“两个维护”。');
  const prevented = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Resolutely achieve the "two maintenances".'], 'translation.txt', { type: 'text/plain' }));
    const box = document.getElementById('compare-right');
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    box.dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  assert.equal(prevented, true);
  await page.waitForFunction(() => document.getElementById('compare-right').value.includes('two maintenances'));
  await settledCompare(page);
  assert.deepEqual((await tableRows(page)).map((r) => [r.id, r.status, r.renderings]), [['two-upholds', 'same count', ['two maintenances (mt)']]]);
  assert.equal(await page.evaluate(() => location.hash), '#compare', 'still in the compare view');
  assert.equal(await page.evaluate(() => window.tifaPage.text), 'The plenum stressed the Two Upholds.');
  await page.close();
});

test('a dictionary loaded in the read view applies to the compare view when it is opened again', async () => {
  const page = await comparePage({ original: '他们学习测试学说。', translation: 'They study the Fixture Doctrine.' });
  assert.match(await page.textContent('#compare-table'), /No dictionary terms in either text/);
  await page.evaluate(() => { location.hash = 'read'; });
  await page.click('details.dict summary');
  await page.setInputFiles('#dict-file', join(ROOT, 'tests', 'browser', 'fixtures', 'custom.toml'));
  await page.waitForFunction(() => /^Loaded custom\.toml/.test(document.getElementById('dict-status').textContent));
  await page.evaluate(() => { location.hash = 'compare'; });
  await page.waitForSelector('#compare-table tr[data-term="fixture-doctrine"]');
  await settledCompare(page);
  assert.deepEqual((await tableRows(page)).map((r) => [r.id, r.original, r.translation, r.status]), [['fixture-doctrine', '1', '1', 'same count']]);
  await page.evaluate(() => { location.hash = 'read'; });
  await page.click('#dict-reset');
  await page.waitForFunction(() => /^Using the built-in dictionary/.test(document.getElementById('dict-status').textContent));
  await page.close();
});

test('an engine error is shown as text on the compare view, and clears when the next analysis works', async () => {
  const page = await comparePage();
  // A sensitivity the engine does not know (only a changed page could send it) makes it refuse.
  await page.evaluate(() => {
    const select = document.getElementById('sensitivity');
    select.append(new Option('Bogus', 'bogus'));
    select.value = 'bogus';
    select.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => !document.getElementById('compare-error').hidden);
  await settledCompare(page);
  assert.match(await page.textContent('#compare-error'), /^Could not analyse the original: .*sensitivity must be/);
  assert.equal(await page.getAttribute('#compare-error', 'role'), 'alert');
  assert.match(await page.textContent('#compare-table'), /^The original could not be analysed/, 'no stale rows');
  await page.selectOption('#compare-sensitivity', 'default');
  await page.waitForFunction(() => document.getElementById('compare-error').hidden);
  await settledCompare(page);
  assert.ok((await tableRows(page)).length > 5);
  await page.close();
});

test('axe-core: no serious or critical violations in the compare view (light and dark)', async () => {
  const page = await defaultCompare();
  await page.click('#compare-table tr[data-term="two-upholds"] button');
  assert.deepEqual(await axeViolations(page), []);
});

test('narrow screens stack the two sides', async () => {
  const page = await comparePage({ viewport: { width: 400, height: 800 } });
  const [l, r] = await page.$$eval('.compare-side', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(r.top >= l.bottom, `${JSON.stringify(l)} / ${JSON.stringify(r)}`);
  // The table fits: no sideways scrolling.
  assert.ok(await page.$eval('.compare-align', (a) => a.scrollWidth <= a.clientWidth), 'the table fits the screen');
  await page.close();
});
