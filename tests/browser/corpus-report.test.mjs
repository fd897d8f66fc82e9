// `tifa corpus --report FILE` (crates/tifa-cli/src/corpus/report.rs, assets/report.{html,js}):
// the report of the shipped test corpus, opened from file:// in headless Debian Chromium with
// the network blocked — the chart's numbers are the CSV table's, its controls redraw it, the
// rising terms, the heat map, the sortable table and its CSV, axe-core in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, ROOT, axeViolations } from './harness.mjs';

const TIFA = process.env.TIFA_BIN || join(ROOT, 'target', 'debug', 'tifa');
const CORPUS = join(ROOT, 'tests', 'data', 'corpus', 'watchwords.jsonl');

let browser;
let reportUrl;
let csvText;
/** The CSV table as objects (no quoted fields in this table). */
let table;
/** Requests the pages tried to make other than file: (and blob:/data:, which are local). */
const attempted = [];

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tifa-report-'));
  const csv = join(dir, 'table.csv');
  const html = join(dir, 'report.html');
  execFileSync(TIFA, ['corpus', CORPUS, '--by', 'year', '--output', csv, '--report', html], { stdio: ['ignore', 'ignore', 'pipe'] });
  csvText = await readFile(csv, 'utf8');
  const [header, ...lines] = csvText.trim().split('\n');
  const cols = header.split(',');
  table = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  reportUrl = pathToFileURL(html).href;
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens the report with the network blocked (every non-local request is aborted and noted). */
async function openReport({ colorScheme = 'light' } = {}) {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!/^(file|blob|data):/.test(r.url())) attempted.push(r.url()); });
  await page.route('**', (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url)) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  await page.goto(reportUrl);
  await page.waitForFunction(() => window.tifaReport?.chart && document.querySelector('#chart canvas'));
  return { page, errors };
}

/** The CSV's number for `term` in `period` (in `unit`), 0 when the term is absent that year. */
function expected(term, period, column, unit = 'words') {
  const row = table.find((r) => r.term === term && r.period === period && r.unit === unit);
  return row ? Number(row[column]) : 0;
}

const PERIODS = ['2018', '2019', '2020', '2021', '2022', '2023', '2024'];

/** The chart's series ids and data. */
const chartState = (page) => page.evaluate(() => ({
  series: window.tifaReport.series.slice(),
  data: window.tifaReport.chart.data.map((a) => Array.from(a)),
  distr: window.tifaReport.chart.scales.y.distr,
  periods: window.tifaReport.periods.slice(),
}));

/** Waits until the chart shows `n` series (the page redraws synchronously, but be patient). */
const seriesCount = (page, n) => page.waitForFunction((k) => window.tifaReport.series.length === k, n);

test('the chart shows the top five terms by occurrences, with the CSV table\'s rates', async () => {
  const { page, errors } = await openReport();
  const s = await chartState(page);
  assert.deepEqual(s.periods, PERIODS);
  // The top five in words, by total occurrences in the CSV.
  const totals = new Map();
  for (const r of table.filter((x) => x.unit === 'words')) totals.set(r.term, (totals.get(r.term) || 0) + Number(r.occurrences));
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([t]) => t);
  assert.deepEqual(s.series, top);
  assert.deepEqual(s.data[0], PERIODS.map((_, i) => i));
  s.series.forEach((term, i) => {
    assert.deepEqual(s.data[i + 1], PERIODS.map((p) => expected(term, p, 'rate')), term);
  });
  // The checklist names terms from the dictionary, in English and Chinese.
  const label = await page.locator('#term-list label', { has: page.locator('input[data-key="two-upholds"]') }).textContent();
  assert.match(label, /Two Upholds 两个维护/);
  // The drawing is described for screen readers.
  assert.match(await page.getAttribute('#chart [role=img]', 'aria-label'), /rate per 10,000 words.*Two Upholds 两个维护/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('toggling terms, the log scale and the measure redraw the chart', async () => {
  const { page } = await openReport();
  await page.check('input[data-key="new-quality-productive-forces"]');
  await seriesCount(page, 6);
  let s = await chartState(page);
  const nq = s.series.indexOf('new-quality-productive-forces');
  assert.ok(nq >= 0);
  assert.deepEqual(s.data[nq + 1], PERIODS.map((p) => expected('new-quality-productive-forces', p, 'rate')));
  await page.uncheck('input[data-key="two-upholds"]');
  await seriesCount(page, 5);
  s = await chartState(page);
  assert.ok(!s.series.includes('two-upholds'));
  // Searching hides the other terms in the checklist.
  await page.fill('#term-search', '新质');
  await page.waitForFunction(() => [...document.querySelectorAll('#term-list label')].filter((l) => !l.hidden).length === 1);
  // Log scale: zeros (absent terms) are left out, the rest unchanged.
  await page.check('input[name=scale][value=log]');
  await page.waitForFunction(() => window.tifaReport.chart.scales.y.distr === 3);
  s = await chartState(page);
  const logNq = s.data[s.series.indexOf('new-quality-productive-forces') + 1];
  assert.deepEqual(logNq, PERIODS.map((p) => expected('new-quality-productive-forces', p, 'rate') || null));
  // Occurrences instead of rates.
  await page.check('input[name=scale][value=linear]');
  await page.check('input[name=measure][value=occurrences]');
  await page.waitForFunction(() => window.tifaReport.state.measure === 'occurrences' && window.tifaReport.chart.scales.y.distr === 1);
  s = await chartState(page);
  s.series.forEach((term, i) => {
    assert.deepEqual(s.data[i + 1], PERIODS.map((p) => expected(term, p, 'occurrences')), term);
  });
  // The Chinese documents, in characters: the top five of that unit, its numbers.
  await page.selectOption('#unit', 'characters');
  await page.waitForFunction(() => window.tifaReport.state.unit === 'characters');
  s = await chartState(page);
  assert.equal(s.series.length, 5);
  s.series.forEach((term, i) => {
    assert.deepEqual(s.data[i + 1], PERIODS.map((p) => expected(term, p, 'occurrences', 'characters')), term);
  });
  assert.match(await page.locator('#heat caption').textContent(), /Occurrences/);
  await page.close();
});

test('new quality productive forces rises between 2018 and 2024', async () => {
  const { page } = await openReport();
  await page.selectOption('#from', '2018');
  await page.selectOption('#to', '2024');
  const row = page.locator('#change tbody tr[data-key="new-quality-productive-forces"]');
  assert.equal(await row.getAttribute('data-direction'), 'rising');
  assert.match(await row.locator('th').textContent(), /new quality productive forces 新质生产力/);
  const rising = await page.$$eval('#change tbody tr[data-direction=rising]', (rs) => rs.map((r) => r.dataset.key));
  assert.ok(rising.includes('new-quality-productive-forces'), rising.join(', '));
  // The other way round it falls.
  await page.selectOption('#from', '2024');
  await page.selectOption('#to', '2018');
  assert.equal(await row.getAttribute('data-direction'), 'falling');
  await page.close();
});

test('the heat map has one row per category present, with numbers', async () => {
  const { page } = await openReport();
  const terms = await page.evaluate(() => window.tifaReport.data.terms);
  const present = new Set(table.filter((r) => r.unit === 'words').map((r) => terms[r.term].category));
  const rows = await page.$$eval('#heat tbody tr', (rs) => rs.map((r) => ({
    id: r.dataset.category, cells: [...r.querySelectorAll('td')].map((td) => td.textContent) })));
  assert.deepEqual(new Set(rows.map((r) => r.id)), present);
  assert.equal(rows.length, present.size);
  for (const r of rows) assert.equal(r.cells.length, PERIODS.length);
  assert.ok(rows.every((r) => r.cells.every((c) => /^[\d.,]+$/.test(c))));
  assert.match(await page.locator('#heat caption').textContent(), /Rate per 10,000 words/);
  await page.close();
});

test('the full table sorts by a column (mouse and keyboard), and its CSV is the CLI\'s', async () => {
  const { page } = await openReport();
  /** The text of one column of the table, top to bottom. */
  const column = (name) => page.evaluate((n) => {
    const heads = [...document.querySelectorAll('#full thead button')].map((b) => b.dataset.column);
    const i = heads.indexOf(n);
    return [...document.querySelectorAll('#full tbody tr')].map((r) => r.children[i].textContent);
  }, name);
  assert.equal(await page.locator('#full tbody tr').count(), table.length);
  await page.click('#full thead button[data-column=occurrences]');
  let values = (await column('occurrences')).map(Number);
  assert.deepEqual(values, values.slice().sort((a, b) => b - a));
  assert.equal(await page.getAttribute('#full thead th:has(button[data-column=occurrences])', 'aria-sort'), 'descending');
  await page.click('#full thead button[data-column=occurrences]');
  values = (await column('occurrences')).map(Number);
  assert.deepEqual(values, values.slice().sort((a, b) => a - b));
  // Keyboard: the header buttons are focusable and Enter sorts.
  await page.focus('#full thead button[data-column=term]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#full thead th:has(button[data-column=term])').getAttribute('aria-sort') === 'ascending');
  const terms = await column('term');
  assert.deepEqual(terms, terms.slice().sort((a, b) => a.localeCompare(b)));
  // The download link is built in the page and holds the CLI's CSV, byte for byte.
  assert.match(await page.getAttribute('#csv', 'href'), /^blob:/);
  assert.equal(await page.evaluate(() => window.tifaReport.toCsv()), csvText);
  await page.close();
});

test('axe-core: no serious or critical violations (light and dark)', async () => {
  const { page } = await openReport();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('a corpus without terms gets a report that says so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tifa-report-'));
  const html = join(dir, 'empty.html');
  execFileSync(TIFA, ['corpus', '-', '--report', html], { input: '{"id":"a","date":"2020-01-01","text":"Rain is expected."}\n', stdio: ['pipe', 'ignore', 'pipe'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('#nothing');
  assert.equal(await page.locator('main > section:visible').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the report made no network requests', () => {
  assert.deepEqual(attempted, []);
});
