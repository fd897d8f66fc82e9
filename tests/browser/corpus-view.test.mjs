// The page's Corpus view (#corpus, www/app/corpus.js): the intake's pure functions in Node, then
// the view in headless Chromium fed the shipped test corpus (tests/data/corpus) through its file
// inputs — its exports are the CLI's bytes (`tifa corpus`, $TIFA_BIN), its chart's points the
// table's rates, its dates line says where dates came from, Cancel stops a run, and its
// emerging phrases are the CLI's candidates with the CLI's stubs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, utimes } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, ROOT, downloadText, downloadBytes, axeViolations } from './harness.mjs';
import { parquetReadObjects } from 'hyparquet';
import { openPage, sharedPage } from './page-helpers.mjs';
import { listSources, jsonlRecords, csvRecords, csvSplit, datesLine, modifiedDate } from '../../www/app/corpus-intake.js';
import { categoryRows, tableCsv } from '../../www/lib/corpus-charts.js';
import { poolSize } from '../../www/app/corpus-pool.js';
import { parquetColumns } from '../../www/app/corpus-parquet.js';

const TIFA = process.env.TIFA_BIN || join(ROOT, 'target', 'debug', 'tifa');
const CORPUS = join(ROOT, 'tests', 'data', 'corpus', 'watchwords.jsonl');
const tifa = (args) => execFileSync(TIFA, ['corpus', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });

// ---- 1. the intake, in Node ------------------------------------------------------------------

test('sources: folders keep known extensions only, in path order', () => {
  const cases = [
    ['a file on its own is read whatever its name', [{ name: 'notes.log' }], [['notes.log', 'text']]],
    ['records by extension', [{ name: 'b.csv' }, { name: 'a.NDJSON' }], [['a.NDJSON', 'jsonl'], ['b.csv', 'csv']]],
    ['a folder drops unknown files and sorts by path', [
      { name: 'z.txt', webkitRelativePath: 'd/z.txt' },
      { name: 'x.png', webkitRelativePath: 'd/x.png' },
      { name: 'a.md', webkitRelativePath: 'd/sub/a.md' },
      { name: 'b.html', webkitRelativePath: 'd/b.html' },
    ], [['d/b.html', 'text'], ['d/sub/a.md', 'text'], ['d/z.txt', 'text']]],
  ];
  for (const [name, files, want] of cases) {
    assert.deepEqual(listSources(files).map((s) => [s.path, s.kind]), want, name);
  }
});

test('JSON Lines and CSV records, with the CLI\'s reasons for what is left out', () => {
  const cases = [
    ['jsonl', '{"id":7,"date":"2020-05-01","text":"x"}\n\n{"text":"y"}\r\n[1]\n{"id":"a"}\n{"text":3}\nnope\n',
      [['7', '2020-05-01', 'column'], ['c:3', null, 'none']],
      [['c:4', /not a JSON object/], ['c:5', /no `text` field/], ['c:6', /`text` is not a string/], ['c:7', /not JSON/]]],
    ['csv', '\ufeffID,Date,Text,source\r\n1,2020-01-01,"a, ""quoted""\nline",x\n2,,plain,y\n3,2021\n',
      [['1', '2020-01-01', 'column'], ['2', null, 'none']],
      [['c:record 3', /2 fields where the header has 4/]]],
    ['csv without text', 'id,body\n1,x\n', [], [['c', /has no `text` column/]]],
    ['csv with an open quote', 'text\n"never closed\n', [], [['c', /not closed/]]],
  ];
  for (const [name, input, docs, skipped] of cases) {
    const got = name.startsWith('jsonl') ? jsonlRecords(input, 'c') : csvRecords(input, 'c');
    assert.deepEqual(got.docs.map((d) => [d.id, d.date, d.source]), docs, name);
    assert.equal(got.skipped.length, skipped.length, `${name}: ${JSON.stringify(got.skipped)}`);
    skipped.forEach(([place, why], i) => {
      assert.equal(got.skipped[i].place, place, name);
      assert.match(got.skipped[i].why, why, name);
    });
  }
  assert.deepEqual(csvSplit('a,b\r\n"x, ""y""",2\n'), [['a', 'b'], ['x, "y"', '2']]);
  assert.equal(csvRecords('id,date,text\n1,2020,"a, b"\n', 'c').docs[0].text, 'a, b');
});

test('dates: the modification time in UTC, and the line that says where dates came from', () => {
  assert.equal(modifiedDate(Date.UTC(2023, 0, 31, 23, 59)), '2023-01-31');
  assert.equal(modifiedDate(NaN), null);
  const cases = [
    [{ column: 364 }, 'Dates from: a date field 364.'],
    [{ modified: 2, name: 5 }, 'Dates from: the file name 5, the file\u2019s modification time 2.'],
    [{ none: 1 }, 'Dates from: none (period \u201cundated\u201d) 1.'],
    [{}, 'No documents.'],
  ];
  for (const [counts, want] of cases) assert.equal(datesLine(counts), want);
});

// (name, JSON Lines, expected [name, type, values] per column)
const PARQUET_COLUMNS = [
  ['strings, counts as INT64, the rate as DOUBLE', '{"period":"2020","term":"a","occurrences":3,"rate":100.0}\n{"period":"2021","term":"b","occurrences":1,"rate":2.5}\n',
    [['period', 'STRING', ['2020', '2021']], ['term', 'STRING', ['a', 'b']], ['occurrences', 'INT64', [3n, 1n]], ['rate', 'DOUBLE', [100, 2.5]]]],
  ['no rows', '', null],
];
for (const [name, jsonl, want] of PARQUET_COLUMNS) {
  test(`parquetColumns: ${name}`, () => {
    const got = parquetColumns(jsonl);
    assert.deepEqual(got && got.map((c) => [c.name, c.type, c.data]), want);
    if (got) assert.ok(got.every((c) => c.nullable === false));
  });
}

test('the pool has one worker per core, at most four', () => {
  for (const [cores, want] of [[1, 1], [2, 2], [4, 4], [16, 4], [undefined, 1]]) assert.equal(poolSize(cores), want, String(cores));
});

test('category sums and the CSV of the charts\' module', () => {
  const rows = [
    { period: '2020', term: 'a', unit: 'words', occurrences: 3, nested: 1, rate: 30 },
    { period: '2020', term: 'b', unit: 'words', occurrences: 1, nested: 0, rate: 10 },
    { period: '2020', term: 'x', unit: 'characters', occurrences: 2, nested: 0, rate: 0.667 },
  ];
  const periods = [{ period: '2020', unit: 'words', documents: 1, size: 1000 }, { period: '2020', unit: 'characters', documents: 1, size: 30000 }];
  assert.deepEqual(categoryRows(rows, periods, { a: { category: 'economy' }, b: { category: 'economy' } }), [
    { period: '2020', category: 'economy', unit: 'words', occurrences: 4, nested: 1, rate: 40 },
    { period: '2020', category: 'other', unit: 'characters', occurrences: 2, nested: 0, rate: 0.667 },
  ]);
  assert.equal(tableCsv(['term', 'rate'], [{ term: '=x,y', rate: 30 }]), 'term,rate\n"\'=x,y",30.0\n');
});

// ---- 2. the view, in Chromium ------------------------------------------------------------------

let server;
let browser;
let folder;
const expected = {};

before(async () => {
  for (const by of ['year', 'month']) expected[by] = tifa([CORPUS, '--by', by]);
  expected.jsonl = tifa([CORPUS, '--by', 'year', '--format', 'jsonl']);
  // A folder of plain files from the corpus's first 40 records: most dated by their names, some
  // by their modification times (set here), as the CLI dates them.
  folder = await mkdtemp(join(tmpdir(), 'tifa-corpus-view-'));
  const records = (await readFile(CORPUS, 'utf8')).trim().split('\n').slice(0, 40).map((l) => JSON.parse(l));
  for (const [i, r] of records.entries()) {
    const undated = i % 8 === 0;
    const file = join(folder, undated ? `note-${i}.txt` : `${r.date}-${r.id}.txt`);
    await writeFile(file, r.text);
    if (undated) await utimes(file, new Date(r.date), new Date(`${r.date}T12:00:00Z`));
  }
  expected.folder = tifa([folder, '--by', 'month']);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page at #corpus, its view started. */
async function openCorpus() {
  const page = await openPage(browser, `${server.url}/#corpus`);
  await page.waitForFunction(() => window.tifaCorpus);
  return page;
}

/** Counts `files` with the period `by`; resolves when the view shows the result. */
async function count(page, files, { by = 'year', emerging = false, input = '#corpus-files' } = {}) {
  const runs = await page.evaluate(() => window.tifaCorpus.runs);
  await page.selectOption('#corpus-by', by);
  await page.setChecked('#corpus-emerging', emerging);
  await page.setInputFiles(input, files);
  await page.waitForFunction((n) => window.tifaCorpus.runs > n && !window.tifaCorpus.busy, runs, { timeout: 300_000 });
}

// The shipped corpus counted once by year (and once more with emerging phrases), on a page that
// the tests which only read the result share: counting is the view's heaviest work.
const countedByYear = sharedPage(async () => {
  const page = await openCorpus();
  await count(page, [CORPUS], { by: 'year' });
  return page;
});
const countedWithEmerging = sharedPage(async () => {
  const page = await openCorpus();
  await count(page, [CORPUS], { by: 'year', emerging: true });
  return page;
});

for (const by of ['year', 'month']) {
  test(`the view counts the shipped corpus by ${by} as the CLI does, byte for byte`, async () => {
    const page = by === 'year' ? await countedByYear() : await openCorpus();
    if (by !== 'year') await count(page, [CORPUS], { by });
    assert.equal(await page.evaluate(() => window.tifaCorpus.csv()), expected[by]);
    // The export button saves the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-corpus-export=csv]')]);
    assert.equal(await downloadText(download), expected[by]);
    assert.equal(download.suggestedFilename(), `tifa-corpus-${by}.csv`);
    if (by === 'year') assert.equal(await page.evaluate(() => window.tifaCorpus.jsonl()), expected.jsonl);
    assert.equal(await page.locator('#corpus-dates').textContent(), 'Dates from: a date field 364.');
    assert.match(await page.locator('#corpus-summary').textContent(), /^364 documents in \d+ periods \(by /);
    assert.deepEqual(page.errors, []);
    if (by !== 'year') await page.close();
  });
}

/** A Parquet file's schema (name, type, repetition) and rows, numbers as numbers. */
async function parquetTable(bytes) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { parquetMetadata } = await import('hyparquet');
  const schema = parquetMetadata(file).schema.slice(1).map((e) => [e.name, e.type, e.repetition_type]);
  const rows = (await parquetReadObjects({ file })).map((r) => Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  return { schema, rows };
}

test('the Parquet export has the CLI\'s columns, types and values', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tifa-corpus-parquet-'));
  const cliFile = join(dir, 'cli.parquet');
  tifa([CORPUS, '--by', 'year', '--format', 'parquet', '--output', cliFile]);
  const want = await parquetTable(await readFile(cliFile));
  assert.ok(want.rows.length > 50, `${want.rows.length} rows`);
  const page = await countedByYear();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-corpus-export=parquet]')]);
  assert.equal(download.suggestedFilename(), 'tifa-corpus-year.parquet');
  const got = await parquetTable(await downloadBytes(download));
  assert.deepEqual(got.schema, want.schema);
  assert.deepEqual(got.rows, want.rows);
  assert.deepEqual(page.errors, []);
});

// The last test on the page counted by year: it changes the chart's controls.
test('the chart\'s points are the table\'s rates', async () => {
  const page = await countedByYear();
  await page.waitForFunction(() => window.tifaCorpus.charts?.chart && document.querySelector('#cc-chart canvas'));
  const table = expected.year.trim().split('\n').slice(1).map((l) => l.split(','));
  const cols = expected.year.split('\n')[0].split(',');
  const at = (row, c) => row[cols.indexOf(c)];
  const rate = (term, period) => Number(at(table.find((r) => at(r, 'term') === term && at(r, 'period') === period && at(r, 'unit') === 'words') || [], 'rate') || 0);
  const s = await page.evaluate(() => ({
    series: window.tifaCorpus.charts.series.slice(),
    periods: window.tifaCorpus.charts.periods.slice(),
    data: window.tifaCorpus.charts.chart.data.map((a) => Array.from(a)),
  }));
  assert.deepEqual(s.periods, ['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  assert.equal(s.series.length, 5);
  s.series.forEach((term, i) => assert.deepEqual(s.data[i + 1], s.periods.map((p) => rate(term, p)), term));
  // The same controls as the report: a term more, and the rising terms.
  await page.check('#cc-term-list input[data-key="new-quality-productive-forces"]');
  await page.waitForFunction(() => window.tifaCorpus.charts.series.length === 6);
  await page.selectOption('#cc-from', '2018');
  await page.selectOption('#cc-to', '2024');
  assert.equal(await page.getAttribute('#cc-change tbody tr[data-key="new-quality-productive-forces"]', 'data-direction'), 'rising');
  assert.match(await page.locator('#cc-term-list label', { has: page.locator('input[data-key="two-upholds"]') }).textContent(), /Two Upholds 两个维护/);
});

test('a folder of files: dates from names, else modification times, as the CLI', async () => {
  const page = await openCorpus();
  await count(page, folder, { by: 'month', input: '#corpus-folder' });
  assert.equal(await page.evaluate(() => window.tifaCorpus.csv()), expected.folder);
  assert.equal(await page.locator('#corpus-dates').textContent(), 'Dates from: the file name 35, the file\u2019s modification time 5.');
  await page.close();
});

test('Cancel stops a run; the next one counts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tifa-corpus-big-'));
  const big = join(dir, 'big.jsonl');
  await writeFile(big, (await readFile(CORPUS, 'utf8')).repeat(40));
  const page = await openCorpus();
  await page.setInputFiles('#corpus-files', big);
  // Seen busy and cancelled in one task of the page: a separate click could come after the run
  // ended (a faster engine finished these 14,560 documents between the wait and the click).
  await page.waitForFunction(() => {
    if (!window.tifaCorpus.busy || document.getElementById('corpus-progress').hidden) return false;
    document.getElementById('corpus-cancel').click();
    return true;
  });
  assert.equal(await page.evaluate(() => window.tifaCorpus.busy), false);
  assert.equal(await page.locator('#corpus-status').textContent(), 'Cancelled: nothing was counted.');
  assert.equal(await page.evaluate(() => window.tifaCorpus.result), null);
  assert.ok(await page.locator('#corpus-progress').isHidden());
  await count(page, [CORPUS], { by: 'year' });
  assert.equal(await page.evaluate(() => window.tifaCorpus.csv()), expected.year);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('emerging phrases are the CLI\'s candidates, each with the CLI\'s stub', async () => {
  const cli = tifa([CORPUS, '--emerging', '--format', 'jsonl']).trim().split('\n').map((l) => JSON.parse(l));
  const stubs = tifa([CORPUS, '--emerging', '--stubs']);
  const page = await countedWithEmerging();
  await page.waitForFunction(() => window.tifaCorpus.stubs.length > 0, null, { timeout: 300_000 });
  const got = await page.evaluate(() => ({ candidates: window.tifaCorpus.candidates, stubs: window.tifaCorpus.stubs }));
  assert.deepEqual(got.candidates.map((c) => c.phrase), cli.map((c) => c.phrase));
  assert.deepEqual(got.candidates.map((c) => c.documents), cli.map((c) => c.documents));
  assert.equal(got.stubs.join('\n'), stubs);
  const rows = await page.locator('#corpus-emerging tbody tr').count();
  assert.equal(rows, cli.length);
  assert.equal(await page.locator('#corpus-emerging tbody tr button[data-stub]').count(), cli.length);
});

test('axe-core: the counted view has no serious or critical violations (light and dark)', async () => {
  const page = await countedWithEmerging();
  await page.waitForFunction(() => window.tifaCorpus.charts?.chart && window.tifaCorpus.stubs.length > 0);
  assert.deepEqual(await axeViolations(page, { within: '#view-corpus' }), []);
});
