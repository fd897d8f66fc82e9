// End-to-end tests of the page (www/index.html) in headless Debian Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, ROOT, downloadText, axeViolations } from './harness.mjs';
import { SAMPLES, SAMPLE_LIST, cli, openPage, settled, fillText, highlights, tooltipText, parseCsv, tooltipShown, download, sharedPage, withCards } from './page-helpers.mjs';

let server; let browser; let tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await mkdtemp(join(tmpdir(), 'tifa-page-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const samples = SAMPLE_LIST;

// ---- 1. paste a sample: the highlights are the CLI's matches, ids and count ------------------
// One page for the samples: each pastes its text over the one before.
const samplePage = sharedPage(() => openPage(browser, server.url + '/index.html'));
for (const { file, title, party } of samples) {
  test(`paste sample "${title}" (${file}): highlight ids and count equal the CLI's matches`, async () => {
    const text = await readFile(join(SAMPLES, file), 'utf8');
    const expected = JSON.parse(cli(join(SAMPLES, file)));
    if (party) assert.ok(expected.matches.length >= 3, `the sample ${file} should hold at least 3 terms`);
    const page = await samplePage();
    await fillText(page, text);
    const got = await highlights(page);
    assert.equal(got.length, expected.matches.length);
    assert.deepEqual(got.map((h) => h.id), expected.matches.map((m) => m.id));
    assert.deepEqual(got.map((h) => h.text), expected.matches.map((m) => m.text));
    // Verbatim: the output's text is the input, line breaks included.
    assert.equal(await page.$eval('#output', (el) => el.textContent), text);
    // The report lists the terms in first-appearance order with their counts.
    const terms = await page.$$eval('#report .term-step', (bs) => bs.map((b) => b.getAttribute('data-term')));
    assert.deepEqual(terms, expected.terms.map((t) => t.id));
    // Every highlight follows the contract.
    const contract = await page.$$eval('#output mark', (ms) => ms.every((m) => m.matches('[data-tifa-term][data-tifa-form][data-tifa-kind][data-tifa-occurrence][tabindex].tifa-term')
      && [...m.classList].some((c) => c.startsWith('tifa-cat-'))));
    assert.ok(contract);
    // One tab stop for the whole text (a roving tabindex; issue 11, item 4).
    assert.equal(await page.$$eval('#output [tabindex="0"]', (ms) => ms.length), expected.matches.length ? 1 : 0);
    assert.deepEqual(page.errors, []);
  });
}

// ---- 2. tooltips ----------------------------------------------------------------------------
const TIP_TEXT = 'The session called on the Party to resolutely achieve the Two Upholds, said the "two maintenances" notice.';

async function tipPage(viewport) {
  const page = await openPage(browser, server.url + '/index.html', { viewport });
  await fillText(page, TIP_TEXT);
  return page;
}
const firstMark = '#output mark[data-tifa-term="two-upholds"]';

const tooltipCases = [
  { name: 'hover', open: async (page) => page.hover(firstMark) },
  { name: 'keyboard focus (Tab)', open: async (page) => {
    await page.focus('#report-title'); // anything before the output is fine; Tab into the first highlight
    await page.evaluate(() => document.getElementById('text').focus());
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches?.('mark[data-tifa-term]'))) return;
    }
    throw new Error('Tab never reached a highlight');
  } },
  { name: 'tap (touch)', viewport: { width: 390, height: 800 }, open: async (page) => {
    await page.locator(firstMark).first().scrollIntoViewIfNeeded();
    const box = await page.locator(firstMark).first().boundingBox();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const pt = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [pt] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } },
];
for (const c of tooltipCases) {
  test(`tooltip opens by ${c.name}, shows the entry, and Escape closes it`, async () => {
    const page = await tipPage(c.viewport);
    await c.open(page);
    await tooltipShown(page);
    // The card part may arrive after the tooltip opened (a hover asks for it): the open card is
    // then drawn again with the pinyin and explanation, without being reopened.
    await page.waitForFunction(() => /liǎng gè wéihù/.test(document.querySelector('[data-tifa-tooltip-host]')?.shadowRoot?.textContent || ''), null, { timeout: 15000 });
    const text = await tooltipText(page);
    assert.match(text, /两个维护/);
    assert.match(text, /Two Upholds/);
    assert.match(text, /liǎng gè wéihù/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-tifa-tooltip-host]')?.hasAttribute('data-open'), null, { timeout: 5000 });
    assert.equal(await tooltipText(page), '');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('tooltip of a machine-translation form names its kind and the official term', async () => {
  const page = await tipPage();
  await page.hover('#output mark[data-tifa-kind="mt"]');
  await tooltipShown(page);
  assert.match(await tooltipText(page), /'two maintenances?' is a machine-translation rendering of 两个维护 \(official: Two Upholds\)/);
  await page.close();
});

// ---- 4. hostile text and hostile dictionaries -------------------------------------------------
const HOSTILE_TEXT = `<img src=x onerror="window.__pwned='img'"> the Two Upholds <script>window.__pwned='script'</script>
<svg onload="window.__pwned='svg'"></svg> "two maintenances" <iframe src="javascript:window.parent.__pwned='iframe'"></iframe> &amp; &lt;b&gt;`;

test('hostile text renders as text and runs nothing (page, tooltip, standalone export)', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, HOSTILE_TEXT);
  assert.equal(await page.$eval('#output', (el) => el.textContent), HOSTILE_TEXT);
  assert.equal(await page.$$eval('#output img, #output script, #output svg, #output iframe', (x) => x.length), 0);
  assert.ok((await highlights(page)).length >= 2);
  await page.hover('#output mark[data-tifa-term]');
  const html = await download(page, 'standalone');
  const p = join(tmp, 'hostile.html');
  await writeFile(p, html.body);
  const doc = await browser.newPage();
  await doc.goto('file://' + p);
  await doc.hover('mark[data-tifa-term]');
  assert.equal(await doc.$eval('.text', (el) => el.textContent), HOSTILE_TEXT);
  assert.equal(await doc.evaluate(() => window.__pwned), undefined);
  assert.equal(await doc.$$eval('.text img, .text script, .text svg, .text iframe', (x) => x.length), 0);
  await doc.close();
  // An injected <img onerror> would run once its request fails: a probe image requested now
  // fails after any such one, so by its error event that handler would have run.
  await page.evaluate(() => new Promise((done) => { const img = new Image(); img.onerror = img.onload = done; img.src = '/no-such-image?probe'; }));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// A dictionary whose fields hold markup-like text. The validator refuses `<` and `>`, so that
// one must be rejected with its error shown as text; the other passes and must render as text.
const REJECTED_DICT = `[[term]]
id = "evil-term"
zh = "邪恶词"
pinyin = "xié'è cí"
en = "<img src=x onerror=window.__pwned='dict'>"
category = "propaganda"
since = 2020
gloss = "<script>window.__pwned='gloss'</script>"
explanation = "Markup <b>here</b>."
sources = ["Made up, 2024"]
`;
const SNEAKY = `"onmouseover="window.__pwned='attr'" &amp; &lt;img src=x onerror=alert(1)&gt; javascript:window.__pwned='js' \${window.__pwned='tpl'}`;
const ACCEPTED_DICT = `[[term]]
id = "sneaky-term"
zh = "狡猾词"
pinyin = "jiǎohuá cí"
en = "sneaky formula"
category = "propaganda"
since = 2020
gloss = ${JSON.stringify(SNEAKY.slice(0, 90))}
explanation = ${JSON.stringify(`Explanation with ${SNEAKY}. Second sentence here.`)}
sources = [${JSON.stringify('Made up source "quoted" & dated 2024')}]
forms = [ { text = "sneaky formula", kind = "official", note = ${JSON.stringify(SNEAKY.slice(0, 60))} } ]
`;

test('a custom dictionary holding markup is refused, its error shown as text', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  const p = join(tmp, 'evil.toml');
  await writeFile(p, REJECTED_DICT);
  await page.click('details.dict summary');
  await page.setInputFiles('#dict-file', p);
  await page.waitForFunction(() => /Not loaded|Loaded/.test(document.getElementById('dict-status').textContent));
  const status = await page.$eval('#dict-status', (el) => ({ text: el.textContent, children: el.children.length }));
  assert.match(status.text, /^Not loaded: .*evil\.toml/);
  assert.equal(status.children, 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('a custom dictionary with markup-like text renders as text everywhere and runs nothing', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  const p = join(tmp, 'sneaky.toml');
  await writeFile(p, ACCEPTED_DICT);
  await page.click('details.dict summary');
  await page.setInputFiles('#dict-file', p);
  await page.waitForFunction(() => /Not loaded|Loaded/.test(document.getElementById('dict-status').textContent));
  assert.match(await page.$eval('#dict-status', (el) => el.textContent), /^Loaded sneaky\.toml: 1 entry from it/);
  await fillText(page, 'They repeat the sneaky formula and the Two Upholds.');
  const got = await highlights(page);
  assert.deepEqual(got.map((h) => h.id), ['sneaky-term', 'two-upholds']);
  await page.hover('#output mark[data-tifa-term="sneaky-term"]');
  await tooltipShown(page);
  const tip = await tooltipText(page);
  assert.ok(tip.includes(SNEAKY), 'the explanation shows literally');
  assert.equal(await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelectorAll('img, script, [onmouseover]').length), 0);
  await page.keyboard.press('Escape');
  const md = await download(page, 'md');
  assert.ok(!/<img|<script/.test(md.body));
  const html = await download(page, 'standalone');
  const hp = join(tmp, 'sneaky.html');
  await writeFile(hp, html.body);
  const doc = await browser.newPage();
  await doc.goto('file://' + hp);
  await doc.hover('mark[data-tifa-term="sneaky-term"]');
  await doc.waitForFunction(() => document.querySelector('[data-tifa-tooltip-host]')?.hasAttribute('data-open'));
  assert.ok((await doc.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.textContent)).includes(SNEAKY));
  assert.ok((await doc.$eval('#tifa-glossary', (el) => el.textContent)).includes(SNEAKY), 'the glossary at the end, as text');
  assert.equal(await doc.evaluate(() => window.__pwned), undefined);
  await doc.close();
  await page.goto(server.url + '/index.html#term/sneaky-term');
  await page.reload();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an HTML file is read as text: its markup is not rendered and its scripts do not run', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  const p = join(tmp, 'speech.html');
  await writeFile(p, `<!doctype html><title>Speech</title><script>window.__pwned='file'</script><style>p{}</style>
<body onload="window.__pwned='onload'"><h1>Report</h1><p>We must achieve the <b>Two Upholds</b>.</p><img src=x onerror="window.__pwned='img'"><p>两个维护</p></body>`);
  await page.setInputFiles('#file', p);
  await settled(page);
  assert.equal(await page.evaluate(() => window.tifaPage.text), 'Speech\n\nReport\n\nWe must achieve the Two Upholds.\n\n两个维护');
  assert.deepEqual((await highlights(page)).map((h) => h.id), ['two-upholds', 'two-upholds']);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

// Issue 11, item 11: after a failed upload the previous dictionary silently stayed active;
// "1 entries"; "Use only my dictionary" did nothing until a new upload; nothing survived a reload.
test('custom dictionary: failures name the one still in use, the only-box applies at once, it survives a reload', async () => {
  const page = await openPage(browser, server.url + '/index.html', { keepStorage: true });
  const status = () => page.$eval('#dict-status', (el) => el.textContent);
  const waitStatus = (re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('dict-status').textContent), re.source);
  const good = join(tmp, 'mine.toml');
  await writeFile(good, ACCEPTED_DICT);
  const bad = join(tmp, 'broken.toml');
  await writeFile(bad, '[[term]]\nid = 3\n');
  await page.click('details.dict summary');
  await page.setInputFiles('#dict-file', good);
  await waitStatus(/^Loaded mine\.toml: 1 entry from it, [\d,]+ entries in all\.$/);
  await page.setInputFiles('#dict-file', bad);
  await waitStatus(/^Not loaded: /);
  assert.match(await status(), /broken\.toml.* Still using mine\.toml\.$/);
  await page.check('#dict-only');
  await waitStatus(/only this dictionary/);
  assert.match(await status(), /^Loaded mine\.toml: 1 entry from it, 1 entry in all \(only this dictionary\)\.$/);
  await page.reload();
  await page.waitForFunction(() => /^Restored mine\.toml/.test(document.getElementById('dict-status').textContent));
  assert.equal(await page.$eval('#dict-only', (el) => el.checked), true);
  await fillText(page, 'They repeat the sneaky formula and the Two Upholds.');
  assert.deepEqual((await highlights(page)).map((h) => h.id), ['sneaky-term'], 'only the custom dictionary');
  await page.click('details.dict summary');
  await page.click('#dict-reset');
  await waitStatus(/^Using the built-in dictionary/);
  assert.equal(await page.evaluate(() => localStorage.getItem('tifa-dictionary')), null);
  await page.evaluate(() => localStorage.removeItem('tifa-draft')); // the profile is shared by the tests
  await page.close();
});

// ---- 5. report panel ------------------------------------------------------------------------
test('report: clicking a term steps through its occurrences; category toggles hide highlights', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, 'The Two Upholds.\n'.repeat(3) + 'Common prosperity.');
  const step = 'button.term-step[data-term="two-upholds"]';
  const positions = [];
  for (let i = 0; i < 4; i++) {
    await page.click(step);
    positions.push(await page.$eval('#output .tifa-current', (m) => m.getAttribute('data-tifa-occurrence')));
  }
  assert.deepEqual(positions, ['0', '1', '2', '0']);
  assert.equal(await page.$eval(`${step} + .term-pos`, (el) => el.textContent), '1 of 3');
  const cat = await page.$eval('#output mark[data-tifa-term="two-upholds"]', (m) => [...m.classList].find((c) => c.startsWith('tifa-cat-')).slice(9));
  await page.uncheck(`input[data-category="${cat}"]`);
  assert.equal(await page.$eval('#output mark[data-tifa-term="two-upholds"]', (m) => [getComputedStyle(m).pointerEvents, m.tabIndex].join()), 'none,-1');
  await page.check(`input[data-category="${cat}"]`);
  assert.equal(await page.$eval('#output mark[data-tifa-term="two-upholds"]', (m) => getComputedStyle(m).pointerEvents), 'auto');
  // Still one tab stop for the text (the roving tabindex; issue 11, item 4).
  assert.equal(await page.$$eval('#output [tabindex="0"]', (ms) => ms.length), 1);
  assert.match(await page.$eval('#report', (el) => el.textContent), /per 1,000 words/);
  await page.close();
});

// ---- 6. glossary browser --------------------------------------------------------------------
const searches = [
  { q: '两个维护', id: 'two-upholds', how: 'simplified Chinese' },
  { q: '兩個維護', id: 'two-upholds', how: 'traditional Chinese' },
  { q: 'liǎng gè wéihù', id: 'two-upholds', how: 'pinyin with tones' },
  { q: 'lianggeweihu', id: 'two-upholds', how: 'pinyin without tones or spaces' },
  { q: 'liang ge weihu', id: 'two-upholds', how: 'pinyin without tones, with spaces' },
  { q: 'two maintenances', id: 'two-upholds', how: 'an English machine-translation form' },
  { q: 'Two Establishments', id: 'two-establishments', how: 'the official English' },
];
// The glossary's index and list (about 1,600 entries) are built when it is first shown: a reader
// who stays in the read view does not pay for them on every load.
test('the glossary is listed when it is first shown, not while the read view is in use', async () => {
  const page = await openPage(browser, server.url + '/index.html?sample=official-en.txt');
  await settled(page);
  await withCards(page);
  await page.evaluate(async () => { for (let i = 0; i < 3; i++) await new Promise((r) => requestIdleCallback(r)); });
  assert.equal(await page.$$eval('#glossary-results li', (items) => items.length), 0, 'nothing listed behind the read view');
  await page.click('#nav-glossary');
  await page.waitForFunction(() => document.querySelectorAll('#glossary-results a[href^="#term/"]').length > 1000);
  // Listed with the card part's fields: pinyin finds an entry.
  await page.fill('#glossary-q', 'lianggeweihu');
  await page.waitForFunction(() => document.querySelector('#glossary-results a')?.getAttribute('href') === '#term/two-upholds');
  await page.close();
});

test('glossary search: by Chinese, pinyin and any English form', async () => {
  const page = await openPage(browser, server.url + '/index.html#glossary');
  // Pinyin is in the card part, which arrives after the first paint.
  await withCards(page);
  for (const s of searches) {
    await page.fill('#glossary-q', s.q);
    await page.waitForFunction((q) => document.getElementById('glossary-count').textContent.includes(q), s.q);
    const first = await page.$eval('#glossary-results a', (a) => a.getAttribute('href'));
    assert.equal(first, `#term/${s.id}`, `search by ${s.how}: "${s.q}"`);
  }
  await page.close();
});

test('glossary: #term/<id> shows every field; related terms link to their entries', async () => {
  const page = await openPage(browser, server.url + '/index.html#term/two-upholds');
  await page.waitForSelector('#glossary-entry [data-tifa-entry="two-upholds"]');
  const text = await page.$eval('#glossary-entry', (el) => el.textContent);
  for (const want of ['两个维护', '兩個維護', 'liǎng gè wéihù', 'Two Upholds', 'two maintenance', 'machine-translation', '2018', 'Constitution']) {
    assert.ok(text.includes(want), `entry view shows ${want}`);
  }
  assert.equal(await page.isVisible('#view-read'), false);
  await page.click('#glossary-entry a[href="#term/two-establishments"]');
  await page.waitForSelector('#glossary-entry [data-tifa-entry="two-establishments"]');
  assert.equal(new URL(page.url()).hash, '#term/two-establishments');
  await page.goBack();
  await page.waitForSelector('#glossary-entry [data-tifa-entry="two-upholds"]');
  await page.close();
});

// ---- 7. accessibility -----------------------------------------------------------------------
const axeCases = [
  { name: 'read view with a text, a report and an open tooltip', hash: '', setup: async (page) => {
    await fillText(page, await readFile(join(SAMPLES, samples[0].file), 'utf8'));
    await page.focus('#output mark[data-tifa-term]');
    await tooltipShown(page);
  } },
  { name: 'read view with a pinned card (a dialog) and the share link shown', hash: '', setup: async (page) => {
    await withCards(page);
    await fillText(page, await readFile(join(SAMPLES, samples[0].file), 'utf8'));
    await page.click('#share');
    await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
    await page.focus('#output mark[data-tifa-term]');
    await page.keyboard.press('Enter');
    await tooltipShown(page);
  } },
  // The glossary's list and a term page are checked in tests/browser/wordlist.test.mjs (AXE_CASES),
  // with the card part loaded: the same views, more content.
];
for (const c of axeCases) {
  test(`axe-core finds no serious or critical violations: ${c.name} (light and dark)`, async () => {
    const page = await openPage(browser, server.url + '/index.html' + c.hash);
    await c.setup(page);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test('the page links the bookmarklet and its console snippet for this server', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await page.waitForFunction(() => document.getElementById('bookmarklet').getAttribute('href').startsWith('javascript:'));
  const href = await page.$eval('#bookmarklet', (a) => a.getAttribute('href'));
  assert.ok(decodeURIComponent(href).includes(JSON.stringify(server.url + '/embed.js')), href);
  const snippet = await page.$eval('[data-tifa-snippet]', (c) => c.textContent);
  assert.match(snippet, /^import\(".*\/embed\.js"\)\.then/);
  await page.close();
});

test('highlights are coloured by category: each category its own colour', async () => {
  const page = await openPage(browser, server.url + '/index.html');
  await fillText(page, 'The Two Upholds, the democratic life meeting, the eight-point rules and common prosperity.');
  const colours = await page.$$eval('#output mark[data-tifa-term]', (ms) => ms.map((m) => [
    [...m.classList].find((c) => c.startsWith('tifa-cat-')), getComputedStyle(m).borderBottomColor]));
  const byCategory = new Map(colours);
  assert.ok(byCategory.size >= 3, JSON.stringify(colours));
  assert.equal(new Set(byCategory.values()).size, byCategory.size, JSON.stringify(colours));
  await page.close();
});

test('works offline once loaded: with its server gone, a reload still reads, samples and glossary included', async () => {
  const own = await startServer(); // its own origin, so its own service worker
  const b = await launch({ serviceWorkers: 'allow' });
  try {
    const page = await openPage(b, own.url + '/index.html');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // The worker and its one cache are named after this build (content-hashed, www/config.json).
    const build = JSON.parse(await readFile(join(ROOT, 'www', 'config.json'), 'utf8')).build;
    assert.match(build, /^[0-9a-f]{12}$/);
    assert.deepEqual(await page.evaluate(async () => [navigator.serviceWorker.controller.scriptURL.replace(/^.*\?/, ''), await caches.keys()]),
      [`build=${build}`, [`tifa-page-${build}`]]);
    await own.close();
    const gone = await page.evaluate(() => fetch('/no-such-file', { cache: 'no-store' }).then((r) => r.status, () => 'network error'));
    assert.equal(gone, 'network error', 'the server is really gone');
    await page.reload();
    await page.waitForFunction(() => window.tifaPage && window.tifaPage.entries.length > 0);
    await fillText(page, 'The Two Upholds and 全面從嚴治黨.');
    assert.deepEqual((await highlights(page)).map((h) => h.id), ['two-upholds', 'full-rigorous-party-self-governance']);
    await page.selectOption('#sample', SAMPLE_LIST[0].file);
    await settled(page);
    assert.ok((await highlights(page)).length >= 3, 'a sample never opened online loads offline');
    await page.hover('#output mark[data-tifa-term]');
    await tooltipShown(page);
    await page.goto(own.url + '/index.html#term/two-upholds');
    await page.waitForFunction(() => /两个维护/.test(document.getElementById('glossary-entry').textContent));
  } finally {
    await b.close();
  }
});
