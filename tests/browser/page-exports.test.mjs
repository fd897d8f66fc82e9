// End-to-end tests of the page (www/index.html) in headless Debian Chromium: opening files and
// exporting (split from page.test.mjs so that the two run side by side; run.mjs runs files at once).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SAMPLES, SAMPLE_LIST, cli, openPage, settled, fillText, highlights, parseCsv, download, pageSuite, sharedPage, withCards } from './page-helpers.mjs';

// The shared server and browser (page-helpers.mjs), and a folder for the files the tests write.
const t = pageSuite();
let tmp;
before(async () => { tmp = await mkdtemp(join(tmpdir(), 'tifa-page-')); });

const samples = SAMPLE_LIST;

// ---- 3. exports -----------------------------------------------------------------------------
// Issue 11, item 2: a GBK file used to give mojibake and no highlight, a PNG was dumped into
// the editor.
test('a GBK file is read as GB18030, highlighted, and the page says so; a PNG is refused', async () => {
  const enc = new URL('./fixtures/encodings/', import.meta.url).pathname;
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await page.setInputFiles('#file', join(enc, 'gbk.txt'));
  await settled(page);
  assert.match(await page.$eval('#text', (t) => t.value), /坚决做到“两个维护”/);
  assert.equal(await page.$eval('#file-note', (n) => n.hidden), false);
  assert.match(await page.$eval('#file-note', (n) => n.textContent), /gbk\.txt as GB18030/);
  const ids = await page.$$eval('#output mark[data-tifa-term]', (ms) => ms.map((m) => m.dataset.tifaTerm));
  assert.ok(ids.includes('two-upholds') && ids.includes('democratic-life-meeting'), JSON.stringify(ids));
  await page.setInputFiles('#file', join(enc, 'image.png'));
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  assert.match(await page.$eval('#error', (n) => n.textContent), /image\.png is a PNG image, not a text file/);
  assert.match(await page.$eval('#text', (t) => t.value), /两个维护/, 'the text read before is kept');
  await page.close();
});

// Issue 11, item 7: exports of pasted text showed the internal placeholder <paste> as title,
// heading and CSV source, and the standalone HTML said lang="und".
test('exports of pasted text call it "pasted text" and the standalone file has a language', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await fillText(page, 'The plenum stressed the Two Upholds and the democratic life meeting.');
  await withCards(page);
  for (const format of ['json', 'csv', 'md', 'html', 'standalone']) {
    const { name, body } = await download(page, format);
    assert.ok(!body.includes('<paste>') && !body.includes('&lt;paste&gt;'), `${format}: ${body.slice(0, 200)}`);
    assert.equal(name, `tifa.${format === 'standalone' ? 'html' : format}`);
    if (format === 'json') assert.equal(JSON.parse(body).source, 'pasted text');
    if (format === 'csv') assert.match(body.split('\n')[1], /^pasted text,/);
    if (format === 'md') assert.match(body, /^# Glossary: pasted text/);
    if (format === 'html') assert.match(body, /<html lang="en">[\s\S]*<h2>pasted text<\/h2>/);
    if (format === 'standalone') assert.match(body, /<html lang="en">[\s\S]*<h1>pasted text<\/h1>/);
  }
  await page.close();
});

// Issue 11, item 6: a file dropped outside the text box would have been opened by the browser
// in the tab, losing the reader's work.
test('a file dropped anywhere on the page is read, and the browser does not open it', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  const prevented = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['The plenum stressed the Two Upholds.'], 'dropped.txt', { type: 'text/plain' }));
    const target = document.querySelector('h1, header, footer') || document.body;
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return [over.defaultPrevented, drop.defaultPrevented];
  });
  assert.deepEqual(prevented, [true, true]);
  await page.waitForFunction(() => document.getElementById('text').value.includes('Two Upholds'));
  await settled(page);
  assert.ok((await highlights(page)).length >= 1);
  await page.close();
});

// Issue 11, item 9: glossary entry pages were unstyled (the card's stylesheet lived only in the
// tooltip's shadow root).
test('a glossary entry page is styled like the card', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html#term/two-upholds');
  await page.waitForSelector('#glossary-entry .tifa-card-title');
  const style = await page.evaluate(() => {
    const cs = (sel) => getComputedStyle(document.querySelector(`#glossary-entry ${sel}`));
    return { title: cs('.tifa-card-title').fontWeight, pinyin: cs('.tifa-card-pinyin').fontStyle, label: cs('.tifa-card-label').textTransform };
  });
  assert.deepEqual(style, { title: '600', pinyin: 'italic', label: 'uppercase' });
  await page.close();
});

// Issue 11, item 13: `?sample=` left the select on "Choose a sample…"; favicon.ico 404'd on
// every load.
test('?sample= shows the sample in the select, and nothing on the page 404s', async () => {
  const page = await t.browser.newPage();
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await page.goto(t.server.url + '/index.html?sample=official-en.txt');
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0);
  await page.waitForFunction(() => document.getElementById('sample').value === 'official-en.txt');
  assert.deepEqual(missing, []);
  await page.close();
});

// Issue 11, item 13: the page's purpose was only in its footer.
test('the header says what the page is for, above the fold', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html', { viewport: { width: 390, height: 844 } });
  const tag = await page.$eval('header.site .tagline', (el) => ({ text: el.textContent, bottom: el.getBoundingClientRect().bottom }));
  assert.match(tag.text, /highlighted and explained/);
  assert.ok(tag.bottom < 844, 'visible without scrolling on a phone');
  await page.close();
});

// Issue 14, item 10: `?sample=` accepted data: and cross-origin URLs (attacker text shown as a sample).
const foreignSamples = [
  ['a data: URL', 'data:text/plain,the Two Upholds, says a stranger'],
  ['another site', 'http://127.0.0.2:9/evil.txt'],
  ['a path out of samples/', '../index.html'],
];
for (const [name, sample] of foreignSamples) {
  test(`?sample= refuses ${name} and shows nothing from it`, async () => {
    const page = await openPage(t.browser, `${t.server.url}/index.html?sample=${encodeURIComponent(sample)}`);
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    assert.match(await page.$eval('#error', (el) => el.textContent), /^Not a sample of this page: /);
    assert.equal(await page.evaluate(() => window.tifaPage.text), '');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

// Issue 11, item 14: a text pasted before the page's script had run was ignored until typed
// again.
test('a text in the box before the page\'s script runs is analysed when it does', async () => {
  const page = await t.browser.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/app/main.js', async (route) => { await held; await route.continue(); });
  // Not 'domcontentloaded': that event waits for main.js, a deferred module script, which is held.
  // (The test passed that way while the page's service worker answered the request, unseen by
  // page.route, so main.js was never held: harness.mjs now blocks service workers.)
  await page.goto(t.server.url + '/index.html', { waitUntil: 'commit' });
  assert.equal(await page.evaluate(() => window.tifaPage), undefined, 'main.js has not run yet');
  await page.fill('#text', 'Cadres must achieve the Two Upholds.');
  release();
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0, null, { timeout: 30_000 });
  assert.ok((await highlights(page)).length >= 1);
  await page.close();
});

// Issue 14, item 7: a dictionary with thousands of errors filled the page with a status line of
// almost a million characters.
test('a dictionary with thousands of problems gets a short status that says how to see them all', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  const p = join(tmp, 'many.toml');
  await writeFile(p, '[[term]]\nid = "Bad Id"\n'.repeat(3000));
  await page.click('details.dict summary');
  await page.setInputFiles('#dict-file', p);
  await page.waitForFunction(() => /^Not loaded/.test(document.getElementById('dict-status').textContent), null, { timeout: 60_000 });
  const status = await page.$eval('#dict-status', (el) => el.textContent);
  assert.ok(status.length < 1200, `${status.length} characters`);
  assert.match(status, /more line\(s\): run `tifa dict check many\.toml` for the whole list\./);
  assert.match(status, /many\.toml:2:/);
  await page.close();
});

// Issue 14, item 9: `?sample=…#%` threw a URIError and the page never finished starting.
test('a malformed URL fragment does not stop the page', async () => {
  const page = await t.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(t.server.url + '/index.html?sample=official-en.txt#%');
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// Regression: the card part arriving after an analysis made the worker forget the report, so
// the next export failed ("nothing to export yet") and no file came.
test('an export after the card part has arrived still exports the text analysed before it', async () => {
  // No idle callbacks: the card part comes only when asked for, after the analysis.
  const page = await openPage(t.browser, t.server.url + '/index.html', { init: () => { window.requestIdleCallback = () => 0; } });
  await page.setInputFiles('#file', join(SAMPLES, 'official-en.txt'));
  await settled(page);
  await withCards(page);
  const json = await download(page, 'json');
  assert.ok(JSON.parse(json.body).matches.length > 5);
  await page.close();
});

// One page for the samples: each opens its file over the one before.
const samplePage = sharedPage(() => openPage(t.browser, t.server.url + '/index.html'));
for (const { file } of samples) {
  test(`exports of ${file}: JSON, CSV and HTML equal the CLI's; Markdown and the standalone file parse`, async () => {
    const page = await samplePage();
    await page.setInputFiles('#file', join(SAMPLES, file));
    await settled(page);
    const json = await download(page, 'json');
    assert.deepEqual(JSON.parse(json.body), JSON.parse(cli(join(SAMPLES, file))));
    const csv = await download(page, 'csv');
    assert.equal(csv.body, cli(join(SAMPLES, file), 'csv'));
    const rows = parseCsv(csv.body);
    assert.equal(rows.length - 1, JSON.parse(json.body).matches.length);
    const md = await download(page, 'md');
    assert.match(md.body, /^# Glossary: /);
    assert.equal((md.body.match(/^## /gm) || []).length, JSON.parse(json.body).terms.length + (JSON.parse(json.body).candidates.length ? 1 : 0));
    // CSV and HTML come from the CLI's own renderers (the full wasm module): the same bytes.
    assert.equal((await download(page, 'html')).body, cli(join(SAMPLES, file), 'html'));
    const html = await download(page, 'standalone');
    const htmlPath = join(tmp, html.name);
    await writeFile(htmlPath, html.body);
    // The standalone file works offline: open it from disk, hover a highlight, read its tooltip.
    const doc = await t.browser.newPage();
    const errors = [];
    doc.on('pageerror', (e) => errors.push(String(e)));
    await doc.goto('file://' + htmlPath);
    const n = await doc.$$eval('mark[data-tifa-term]', (ms) => ms.length);
    assert.equal(n, JSON.parse(json.body).matches.length);
    assert.equal(await doc.$eval('.text', (el) => el.textContent), await readFile(join(SAMPLES, file), 'utf8'));
    if (n > 0) { // the ordinary-prose sample has no highlight to hover
      // The page's own card (lib/tooltip.js + card.js, carried by the file), not a copy.
      await doc.hover('mark[data-tifa-term]');
      await doc.waitForFunction(() => document.querySelector('[data-tifa-tooltip-host]')?.hasAttribute('data-open'));
      const tip = await doc.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('.tifa-card').textContent);
      assert.ok(tip.length > 20);
      await doc.keyboard.press('Escape');
      await doc.waitForFunction(() => !document.querySelector('[data-tifa-tooltip-host]').hasAttribute('data-open'));
      // Category colours: each highlight's underline is its category's colour, not the default.
      const colours = await doc.$$eval('mark[data-tifa-term]', (ms) => new Set(ms.map((m) => getComputedStyle(m).borderBottomColor)).size);
      const categories = new Set(JSON.parse(json.body).matches.map((m) => m.category)).size;
      assert.equal(colours, categories, 'one underline colour per category');
      // A glossary at the end, one item per term, and one tab stop for the text.
      assert.equal(await doc.$$eval('#tifa-glossary dt', (d) => d.length), JSON.parse(json.body).terms.length);
      assert.equal(await doc.$$eval('#tifa-text [tabindex="0"]', (d) => d.length), 1);
      assert.equal(await doc.$eval('#tifa-no-script', (el) => el.hidden), true);
    }
    assert.deepEqual(errors, []);
    await doc.close();
  });
}
