// Word lists and category browsing in the glossary (issue 11): the CSV and Anki builders of
// www/app/wordlist.js in node (table-driven), then the glossary's category filter, its URL
// state, the word-list downloads, the read view's Anki export and axe-core in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { downloadText, axeViolations } from './harness.mjs';
import { openPage, fillText, parseCsv, pageSuite, sharedPage, withCards } from './page-helpers.mjs';
import {
  wordlistCsv, wordlistAnki, wordlistRow, otherRenderings, ankiField, ankiTag, wordlistFilename,
  WORDLIST_COLUMNS, ANKI_COLUMNS,
} from '../../www/app/wordlist.js';
import { glossaryHash, parseGlossaryHash } from '../../www/app/glossary.js';
import { CATEGORY_LABELS } from '../../www/lib/card.js';

// The real dictionary, with its card fields, as the page has it after start.
const pkg = new URL('../../www/pkg/', import.meta.url);
const core = await import(new URL('tifa.js', pkg));
core.initSync({ module: readFileSync(new URL('tifa_bg.wasm', pkg)) });
const tifa = core.Tifa.fromCompiled(Buffer.concat(['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map((n) => readFileSync(new URL(n, pkg)))));
tifa.addCards(readFileSync(new URL('tifa.cards.bin', pkg)));
const ENTRIES = tifa.entries();
const BY_ID = new Map(ENTRIES.map((e) => [e.id, e]));

/**
 * Reads a word list for Anki as Anki's importer does (rslib/src/import_export/text/csv): `#key:value`
 * header lines, then one note per line, fields split on the declared separator, a field in
 * double quotes unquoted (`""` is one quote).
 */
function parseAnki(text) {
  const headers = {};
  const notes = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      const at = line.indexOf(':');
      headers[line.slice(1, at)] = line.slice(at + 1);
      continue;
    }
    notes.push(line.split('\t').map((f) => (/^".*"$/s.test(f) ? f.slice(1, -1).replace(/""/g, '"') : f)));
  }
  return { headers, notes };
}

const entry = (fields) => ({ id: 'x', zh: '两个维护', zh_hant: '兩個維護', pinyin: 'liǎng gè wéihù', en: 'Two Upholds',
  category: 'leadership', since: 2018, gloss: 'g', explanation: 'e', sources: ['S, 2019'], forms: [], ...fields });

// ---- CSV builder ------------------------------------------------------------------------------
/** (name, entry, column, the CSV cell as written) */
const CSV_CELLS = [
  ['a plain field is written as is', entry({}), 'english', 'Two Upholds'],
  ['a comma quotes the field', entry({ gloss: 'uphold, and uphold' }), 'gloss', '"uphold, and uphold"'],
  ['a double quote is doubled inside quotes', entry({ gloss: 'the "core"' }), 'gloss', '"the ""core"""'],
  ['a paragraph break stays inside a quoted field', entry({ explanation: 'one.\n\ntwo.' }), 'explanation', '"one.\n\ntwo."'],
  ['= starts a formula: prefixed with \'', entry({ en: '=HYPERLINK("http://x")' }), 'english', '"\'=HYPERLINK(""http://x"")"'],
  ['+ is prefixed', entry({ gloss: '+1' }), 'gloss', "'+1"],
  ['- is prefixed', entry({ gloss: '-1' }), 'gloss', "'-1"],
  ['@ is prefixed', entry({ gloss: '@SUM(A1)' }), 'gloss', "'@SUM(A1)"],
  ['a leading tab is prefixed', entry({ gloss: '\tx' }), 'gloss', "'\tx"],
  ['a leading CR is prefixed and quoted', entry({ gloss: '\rx' }), 'gloss', '"\'\rx"'],
  ['a missing field is empty', entry({ since: undefined, zh_hant: undefined }), 'since', ''],
  ['sources are joined by " | "', entry({ sources: ['A; part 2, 2019', 'B, 2020'] }), 'sources', '"A; part 2, 2019 | B, 2020"'],
  ['other renderings carry their kinds', entry({ forms: [
    { text: 'Two Upholds', kind: 'official' }, { text: 'two upholds', kind: 'official' }, { text: 'two safeguards', kind: 'media' },
    { text: '两个维护', kind: 'official', chinese: true }, { text: 'two maintenances', kind: 'mt' },
  ] }), 'other_renderings', 'two safeguards (media); two maintenances (mt)'],
];
for (const [name, e, column, want] of CSV_CELLS) {
  test(`wordlistCsv: ${name}`, () => {
    const csv = wordlistCsv([e]);
    const [head, ...rest] = csv.split('\n');
    assert.equal(head, WORDLIST_COLUMNS.join(','));
    // The row is the header's width, and the cell is written as expected.
    const row = parseCsv(csv)[1];
    assert.equal(row.length, WORDLIST_COLUMNS.length, JSON.stringify(row));
    const raw = wordlistRow(e)[WORDLIST_COLUMNS.indexOf(column)];
    assert.ok(rest.join('\n').includes(want), `${column}: ${JSON.stringify(want)} in ${JSON.stringify(rest.join('\n'))}`);
    // Parsed back, the cell is the value (with the formula guard's ' when it needed one).
    const guarded = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    assert.equal(row[WORDLIST_COLUMNS.indexOf(column)], guarded);
  });
}

test('wordlistCsv: the header, one row per entry in the given order, a final newline', () => {
  const csv = wordlistCsv([entry({ id: 'b' }), entry({ id: 'a' })]);
  assert.ok(csv.startsWith('id,simplified,traditional,pinyin,english,other_renderings,category,since,gloss,explanation,sources\n'));
  assert.ok(csv.endsWith('\n'));
  assert.deepEqual(parseCsv(csv).slice(1).map((r) => r[0]), ['b', 'a']);
  assert.equal(wordlistCsv([]), `${WORDLIST_COLUMNS.join(',')}\n`);
});

test('wordlistCsv over the whole dictionary: every row parses back to its entry', () => {
  const rows = parseCsv(wordlistCsv(ENTRIES));
  assert.equal(rows.length, ENTRIES.length + 1);
  for (const [i, row] of rows.slice(1).entries()) {
    const e = ENTRIES[i];
    assert.equal(row.length, WORDLIST_COLUMNS.length, e.id);
    const get = (c) => row[WORDLIST_COLUMNS.indexOf(c)];
    assert.deepEqual([get('id'), get('simplified'), get('pinyin'), get('english'), get('category'), get('gloss')],
      [e.id, e.zh, e.pinyin, e.en, e.category, e.gloss]);
    assert.equal(get('explanation'), e.explanation);
    assert.equal(get('sources'), e.sources.join(' | '));
  }
});

test('otherRenderings: two-upholds lists its media and machine-translation renderings, not the headword', () => {
  const r = otherRenderings(BY_ID.get('two-upholds'));
  assert.deepEqual(r.slice(0, 4), [
    { text: 'two safeguards', kind: 'media' }, { text: 'Two Protects', kind: 'media' },
    { text: 'two maintenance', kind: 'mt' }, { text: 'two maintenances', kind: 'mt' },
  ]);
  assert.ok(!r.some((x) => x.text === 'Two Upholds' || /\p{Script=Han}/u.test(x.text)));
  // A template is listed once, as written, not as its dozens of expansions.
  const templates = r.filter((x) => x.text.includes('('));
  assert.equal(templates.length, new Set(templates.map((x) => x.text)).size);
  assert.ok(r.length < BY_ID.get('two-upholds').forms.length / 2, `${r.length} renderings`);
});

// ---- Anki builder -----------------------------------------------------------------------------
test('wordlistAnki: Anki\'s header lines, in order', () => {
  const lines = wordlistAnki([entry({})]).split('\n');
  assert.deepEqual(lines.slice(0, 6), ['#separator:tab', '#html:false', '#notetype:Basic', '#columns:GUID\tFront\tBack\tTags',
    '#guid column:1', '#tags column:4']);
});

/** (name, entry, which field, what it must be) */
const ANKI_FIELDS = [
  ['the front is the Chinese (traditional in brackets) and the pinyin', entry({}), 'Front', '两个维护 (兩個維護) liǎng gè wéihù'],
  ['no brackets when the traditional is the same', entry({ zh: '一国两制', zh_hant: '一国两制', pinyin: 'yī guó liǎng zhì' }), 'Front', '一国两制 yī guó liǎng zhì'],
  ['the back is English — gloss — explanation', entry({}), 'Back', 'Two Upholds — g — e'],
  ['tabs and line breaks become spaces: one note, one line', entry({ gloss: 'a\tb', explanation: 'one.\n\ntwo.\r\nthree.' }), 'Back', 'Two Upholds — a b — one. two. three.'],
  ['a double quote survives (the field is quoted)', entry({ gloss: '"core" position' }), 'Back', 'Two Upholds — "core" position — e'],
  ['the tag is the category, under tifa::', entry({ category: 'party-building' }), 'Tags', 'tifa::party-building'],
  ['the GUID is stable: tifa:<id>', entry({ id: 'two-upholds' }), 'GUID', 'tifa:two-upholds'],
  ['a missing gloss leaves no empty dash', entry({ gloss: '' }), 'Back', 'Two Upholds — e'],
];
for (const [name, e, field, want] of ANKI_FIELDS) {
  test(`wordlistAnki: ${name}`, () => {
    const text = wordlistAnki([e]);
    const { headers, notes } = parseAnki(text);
    const columns = headers.columns.split('\t');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].length, columns.length);
    assert.equal(notes[0][columns.indexOf(field)], want);
    assert.equal(text.split('\n').filter((l) => l && !l.startsWith('#')).length, 1, 'one line per note');
  });
}

test('ankiField and ankiTag', () => {
  assert.equal(ankiField('a\tb\n\nc'), 'a b c');
  assert.equal(ankiField('the "core"'), '"the ""core"""');
  assert.equal(ankiField(undefined), '');
  assert.equal(ankiTag('security foreign'), 'tifa::security-foreign');
  assert.equal(wordlistFilename('tifa-glossary-discipline', 'anki'), 'tifa-glossary-discipline.anki.txt');
  assert.equal(wordlistFilename('tifa-glossary', 'csv'), 'tifa-glossary.csv');
});

test('wordlistAnki over the whole dictionary: every note has the declared columns, no line starts with #', () => {
  const text = wordlistAnki(ENTRIES);
  const { headers, notes } = parseAnki(text);
  const width = headers.columns.split('\t').length;
  assert.equal(width, ANKI_COLUMNS.length);
  assert.equal(notes.length, ENTRIES.length);
  for (const [i, n] of notes.entries()) {
    assert.equal(n.length, width, ENTRIES[i].id);
    assert.equal(n[Number(headers['tags column']) - 1], `tifa::${ENTRIES[i].category}`);
    assert.equal(n[Number(headers['guid column']) - 1], `tifa:${ENTRIES[i].id}`);
  }
});

// ---- URL state ----------------------------------------------------------------------------------
const HASHES = [
  ['#glossary', { category: '', q: '' }],
  ['#glossary?category=discipline', { category: 'discipline', q: '' }],
  ['#glossary?category=discipline&q=two+upholds', { category: 'discipline', q: 'two upholds' }],
  ['#glossary?q=%E4%B8%A4%E4%B8%AA%E7%BB%B4%E6%8A%A4', { category: '', q: '两个维护' }],
  ['#glossary?q=a%26b', { category: '', q: 'a&b' }],
];
for (const [hash, want] of HASHES) {
  test(`glossary URL state: ${hash}`, () => {
    assert.deepEqual(parseGlossaryHash(hash), want);
    assert.deepEqual(parseGlossaryHash(glossaryHash(want)), want, 'written and read back');
  });
}
test('glossary URL state: other fragments are not the list; a malformed escape is read as written', () => {
  for (const h of ['#term/two-upholds', '#read', '', '#glossaryx']) assert.equal(parseGlossaryHash(h), null, h);
  assert.deepEqual(parseGlossaryHash('#glossary?q=%'), { category: '', q: '%' });
});

// ---- in the t.browser -----------------------------------------------------------------------------
const t = pageSuite();

/** The ids the list shows, in order. */
const listedIds = (page) => page.$$eval('#glossary-results a[href^="#term/"]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href').slice(6))));
const countText = (page) => page.$eval('#glossary-count', (p) => p.textContent);
/** Waits until the count line says `re` (the list is rendered for the current state). */
const countSays = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('glossary-count').textContent), re.source);
/** Opens the glossary at `hash` with the card fields loaded and listed (pinyin shows). */
async function glossary(hash = '#glossary') {
  const page = await openPage(t.browser, t.server.url + '/index.html' + hash);
  await withCards(page);
  await page.waitForSelector('#glossary-results .g-py');
  return page;
}
const number = (s) => Number(s.replace(/,/g, ''));
/** One glossary page for the filter tests: each starts from the whole list (`#glossary`, which
 * clears the category and the search) instead of loading the page again. */
const sharedGlossary = sharedPage(() => glossary());
async function wholeList() {
  const page = await sharedGlossary();
  await page.evaluate(() => { location.hash = '#glossary'; });
  await countSays(page, /by category/);
  return page;
}

const PER_CATEGORY = Object.keys(CATEGORY_LABELS).map((c) => [c, ENTRIES.filter((e) => e.category === c).length]);
test('the category filter offers all 12 categories and "All", each with its count', async () => {
  const page = await wholeList();
  const options = await page.$$eval('#glossary-category option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options, [['', `All categories (${ENTRIES.length.toLocaleString('en')})`],
    ...PER_CATEGORY.map(([c, n]) => [c, `${CATEGORY_LABELS[c]} (${n})`])]);
  // With an empty search the list is grouped: one heading per category, with its count.
  const headings = await page.$$eval('#glossary-results h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headings, PER_CATEGORY.filter(([, n]) => n).map(([c, n]) => `${CATEGORY_LABELS[c]} (${n})`));
  assert.equal((await listedIds(page)).length, ENTRIES.length);
});

for (const [category, n] of PER_CATEGORY.filter(([c]) => ['discipline', 'local', 'security-foreign'].includes(c))) {
  test(`the category filter narrows the list: ${category} (${n} entries), and the URL says so`, async () => {
    const page = await wholeList();
    await page.selectOption('#glossary-category', category);
    await countSays(page, new RegExp(`^${n} entries in ${CATEGORY_LABELS[category]}\\.$`));
    const ids = await listedIds(page);
    assert.equal(ids.length, n);
    assert.ok(ids.every((id) => BY_ID.get(id).category === category), 'only that category');
    assert.deepEqual(new Set(ids), new Set(ENTRIES.filter((e) => e.category === category).map((e) => e.id)));
    assert.equal(new URL(page.url()).hash, `#glossary?category=${category}`);
    assert.equal(await page.getAttribute('#nav-glossary', 'href'), `#glossary?category=${category}`);
  });
}

/** (category, query) */
const COMBINED = [['leadership', 'two'], ['discipline', 'rules'], ['economy', '两'], ['history', 'zzzz-nothing']];
for (const [category, q] of COMBINED) {
  test(`the filter combines with the search: "${q}" in ${category}`, async () => {
    const page = await wholeList();
    await page.fill('#glossary-q', q);
    await countSays(page, new RegExp(`“${q}”`));
    const everywhere = await listedIds(page);
    await page.selectOption('#glossary-category', category);
    await countSays(page, new RegExp(`in ${CATEGORY_LABELS[category]}`));
    const ids = await listedIds(page);
    // The search's ranking, narrowed to the category.
    assert.deepEqual(ids, everywhere.filter((id) => BY_ID.get(id).category === category));
    const count = await countText(page);
    assert.equal(number(count.match(/^([\d,]+|No) /)?.[1] ?? '0'), ids.length, count);
    // The option's count is of the search's matches in that category.
    const label = await page.$eval(`#glossary-category option[value="${category}"]`, (o) => o.textContent);
    assert.equal(label, `${CATEGORY_LABELS[category]} (${ids.length})`);
    assert.deepEqual(parseGlossaryHash(new URL(page.url()).hash), { category, q });
  });
}

test('the list survives a reload through the URL, and #term/<id> links still route', async () => {
  const page = await glossary();
  await page.selectOption('#glossary-category', 'leadership');
  await page.fill('#glossary-q', 'core');
  await countSays(page, /in Leadership match(es)? “core”/);
  const before = await listedIds(page);
  assert.ok(before.length > 0);
  await page.reload();
  await withCards(page);
  await page.waitForSelector('#glossary-results .g-py');
  await countSays(page, /in Leadership match(es)? “core”/);
  assert.equal(await page.inputValue('#glossary-q'), 'core');
  assert.equal(await page.inputValue('#glossary-category'), 'leadership');
  assert.deepEqual(await listedIds(page), before);
  // An entry of the list opens at #term/<id>; Back returns to the same list.
  await page.click(`#glossary-results a[href="#term/${before[0]}"]`);
  await page.waitForSelector(`#glossary-entry [data-tifa-entry="${before[0]}"]`);
  assert.equal(new URL(page.url()).hash, `#term/${before[0]}`);
  assert.equal(await page.getAttribute(`#glossary-results a[href="#term/${before[0]}"]`, 'aria-current'), 'page');
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith('#glossary?'));
  assert.deepEqual(parseGlossaryHash(new URL(page.url()).hash), { category: 'leadership', q: 'core' });
  assert.deepEqual(await listedIds(page), before);
  // A heading of the grouped list is a link to its category.
  await page.goto(t.server.url + '/index.html#glossary');
  await countSays(page, /by category/);
  await page.click('#glossary-results h2 a[href="#glossary?category=history"]');
  await countSays(page, /in History\.$/);
  assert.equal(await page.inputValue('#glossary-category'), 'history');
  assert.deepEqual(page.errors, []);
  await page.close();
});

async function wordlist(page, format) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#glossary-export button[data-wordlist="${format}"]`)]);
  return { name: dl.suggestedFilename(), body: await downloadText(dl) };
}

test('export CSV: the rows are the listed entries, in order, with every field (waits for the card fields)', async () => {
  // Straight from the URL, without waiting for the card fields: the export waits for them.
  const page = await openPage(t.browser, t.server.url + '/index.html#glossary?category=discipline');
  await countSays(page, /in Discipline\.$/);
  const { name, body } = await wordlist(page, 'csv');
  const ids = await listedIds(page);
  assert.equal(name, 'tifa-glossary-discipline.csv');
  assert.ok(body.startsWith('\uFEFF'), 'a byte order mark, for Excel');
  const rows = parseCsv(body.slice(1));
  assert.deepEqual(rows[0], WORDLIST_COLUMNS);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ids);
  assert.equal(ids.length, ENTRIES.filter((e) => e.category === 'discipline').length);
  for (const row of rows.slice(1)) {
    const e = BY_ID.get(row[0]);
    assert.deepEqual(row, wordlistRow(e).map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)), e.id);
    assert.ok(row[WORDLIST_COLUMNS.indexOf('gloss')] && row[WORDLIST_COLUMNS.indexOf('pinyin')], `${e.id} has its card fields`);
  }
  assert.match(await page.$eval('#glossary-export [role="status"]', (p) => p.textContent), new RegExp(`^Saved tifa-glossary-discipline\\.csv: ${ids.length} entries`));
  // With a search too: the search's rows only.
  await page.fill('#glossary-q', 'inspection');
  await countSays(page, /“inspection”/);
  const searched = await wordlist(page, 'csv');
  assert.equal(searched.name, 'tifa-glossary-discipline-search.csv');
  assert.deepEqual(parseCsv(searched.body.slice(1)).slice(1).map((r) => r[0]), await listedIds(page));
  await page.close();
});

test('export Anki: a file Anki imports, one note of the declared columns per listed entry', async () => {
  const page = await glossary('#glossary?category=leadership&q=two');
  await countSays(page, /in Leadership match(es)? “two”/);
  const ids = await listedIds(page);
  const { name, body } = await wordlist(page, 'anki');
  assert.equal(name, 'tifa-glossary-leadership-search.anki.txt');
  const { headers, notes } = parseAnki(body);
  assert.equal(headers.separator, 'tab');
  assert.equal(headers.html, 'false');
  const columns = headers.columns.split('\t');
  assert.deepEqual(columns, ANKI_COLUMNS);
  assert.equal(notes.length, ids.length);
  for (const [i, n] of notes.entries()) {
    assert.equal(n.length, columns.length, `note ${i + 1}: ${JSON.stringify(n)}`);
    const e = BY_ID.get(ids[i]);
    assert.equal(n[columns.indexOf('GUID')], `tifa:${e.id}`);
    assert.ok(n[columns.indexOf('Front')].startsWith(e.zh) && n[columns.indexOf('Front')].endsWith(e.pinyin));
    assert.ok(n[columns.indexOf('Back')].startsWith(`${e.en} — ${e.gloss.replace(/\s+/g, ' ').trim()}`), n[columns.indexOf('Back')]);
    assert.equal(n[Number(headers['tags column']) - 1], 'tifa::leadership');
  }
  assert.ok(ids.includes('two-upholds'));
  await page.close();
});

test('export with nothing listed says so and saves nothing', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html#glossary?q=zzzz-nothing');
  await countSays(page, /“zzzz-nothing”/);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#glossary-export button[data-wordlist="csv"]');
  await page.waitForFunction(() => /Nothing to export/.test(document.querySelector('#glossary-export [role="status"]').textContent));
  assert.equal(downloads, 0);
  await page.close();
});

test('the read view exports the terms found as an Anki word list, in order of first appearance', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  const text = 'The plenum stressed the Two Upholds, the democratic life meeting and, again, the two upholds.';
  await fillText(page, text);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="anki"]')]);
  assert.equal(dl.suggestedFilename(), 'tifa.anki.txt');
  const { headers, notes } = parseAnki(await downloadText(dl));
  assert.equal(headers.separator, 'tab');
  const terms = tifa.analyze(text).terms.map((t) => `tifa:${t.id}`);
  assert.ok(terms.includes('tifa:two-upholds') && terms.includes('tifa:democratic-life-meeting'), terms.join());
  assert.deepEqual(notes.map((n) => n[0]), terms);
  assert.ok(notes.every((n) => n.length === headers.columns.split('\t').length));
  assert.equal(notes.find((n) => n[0] === 'tifa:two-upholds')[1], '两个维护 (兩個維護) liǎng gè wéihù');
  await page.close();
});

// ---- accessibility ------------------------------------------------------------------------------
const AXE_CASES = [
  ['glossary, grouped by category', '#glossary', (page) => countSays(page, /by category/)],
  ['glossary, filtered and searched', '#glossary?category=discipline&q=two', (page) => countSays(page, /“two”/)],
  ['term page', '#term/two-upholds', (page) => page.waitForSelector('#glossary-entry [data-tifa-entry="two-upholds"]')],
];
for (const [name, hash, ready] of AXE_CASES) {
  test(`axe-core: no serious or critical violations on the ${name} (light and dark)`, async () => {
    const page = await openPage(t.browser, t.server.url + '/index.html' + hash);
    await withCards(page);
    await ready(page);
    await page.waitForSelector('#glossary-results li');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}
