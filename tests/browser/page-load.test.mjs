// How the page starts (www/app/boot.js, www/app/worker.js, www/app/main.js): the engine's
// downloads begin beside the worker, not after its modules; what the first highlight does not
// need (the card part, the service worker) waits for it; and when boot.js cannot hand a part
// over, the worker fetches it itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch } from './harness.mjs';
import { SAMPLE_LIST, highlights, settled, fillText } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const SAMPLE = SAMPLE_LIST.find((s) => s.party).file;
const path = (url) => new URL(url).pathname;

/** A page in a browser context of its own (its own HTTP cache and service worker), and the
 * paths it requested, in order (the worker's requests included, the service worker's not). */
async function freshPage() {
  const browser = await launch({ serviceWorkers: 'allow' });
  const page = await browser.newPage();
  const requested = [];
  // Not the service worker's own requests: its install fetches every file of the site (the wasm
  // and the match part too) once the first highlight is shown, at a moment no test can pin.
  page.context().on('request', (r) => { if (!r.serviceWorker()) requested.push(path(r.url())); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { browser, page, requested, errors };
}

const firstHighlight = (page) => page.waitForFunction(() => performance.getEntriesByName('tifa-first-highlight').length > 0, null, { timeout: 120_000 });

test('a cold load fetches the wasm and the match part once each, started by boot.js before the worker\'s own modules', async () => {
  const { browser, page, requested, errors } = await freshPage();
  try {
    await page.goto(`${server.url}/index.html?sample=${SAMPLE}`);
    await firstHighlight(page);
    const count = (p) => requested.filter((r) => r === p).length;
    assert.equal(count('/pkg/tifa_bg.wasm'), 1);
    assert.equal(count('/pkg/tifa.match.bin'), 1);
    // The sample's text too: the page takes the text boot.js fetched for the worker's scope.
    assert.equal(count(`/samples/${SAMPLE}`), 1);
    // The worker's engine module is requested only after worker.js has arrived: the two parts
    // were asked for before it, by boot.js.
    const engineAt = requested.indexOf('/lib/engine.js');
    assert.ok(engineAt > 0, 'the worker loaded lib/engine.js');
    for (const part of ['/pkg/tifa_bg.wasm', '/pkg/tifa.match.bin']) {
      assert.ok(requested.indexOf(part) < engineAt, `${part} was requested before lib/engine.js: ${requested.join(' ')}`);
    }
    assert.ok((await highlights(page)).length >= 3);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the card part and the service worker wait for the first highlight, then come', async () => {
  const { browser, page, requested, errors } = await freshPage();
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  try {
    // The sample text is held back: the engine gets ready while its first text is on the way.
    await page.route(`**/samples/${SAMPLE}`, async (route) => { await gate; await route.continue(); });
    await page.goto(`${server.url}/index.html?sample=${SAMPLE}`);
    await page.waitForFunction(() => window.tifaPage && document.getElementById('engine-status').textContent.includes('entries'));
    // Two idle periods of the page: before this change the card part was asked for in the first.
    await page.evaluate(async () => {
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestIdleCallback(resolve));
    });
    assert.ok(!requested.includes('/pkg/tifa.cards.bin'), 'the card part is not fetched before the first highlight');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null), null,
      'no service worker before the first highlight');
    release();
    await firstHighlight(page);
    await settled(page);
    await page.waitForFunction(() => window.tifaPage.entries.some((e) => e.explanation));
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) != null, null, { polling: 50, timeout: 60_000 });
    assert.deepEqual(errors, []);
  } finally {
    release();
    await browser.close();
  }
});

// A page opened on a sample builds its first engine scoped to the sample's text (fetched by
// boot.js beside the engine's parts); a text it does not cover must get the whole engine before
// it is analyzed, never a report from an engine that lacks its forms.
test('a sample gets a scoped first engine; a pasted text with words it lacks gets the whole engine', async () => {
  const { browser, page, errors } = await freshPage();
  const matcher = () => page.workers().find((w) => /\/worker\.js\?/.test(w.url()));
  try {
    // The match part is held back until the worker has the sample's text, so that the text is
    // there when the engine's parts are (a text that comes later gets the whole engine at once).
    await page.route('**/pkg/tifa.match.bin', async (route) => {
      for (;;) {
        const w = matcher();
        if (w && await w.evaluate(() => performance.getEntriesByName('tifa-engine-scope').length > 0).catch(() => false)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await route.continue();
    });
    await page.goto(`${server.url}/index.html?sample=${SAMPLE}`);
    await firstHighlight(page);
    await settled(page);
    const worker = matcher();
    const marks = () => worker.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.ok((await marks()).includes('tifa-engine-scoped'), `the first engine is scoped: ${(await marks()).join(' ')}`);
    const before = (await highlights(page)).length;
    assert.ok(before >= 3);
    // Neither "democratic life" nor 两个维护 is in the sample (official-en.txt).
    await fillText(page, 'The committee held a democratic life meeting and stressed 两个维护 again.');
    const ids = (await highlights(page)).map((h) => h.id);
    assert.deepEqual(ids, ['democratic-life-meeting', 'two-upholds']);
    assert.ok((await marks()).includes('tifa-engine-whole'), 'the whole engine analyzed the pasted text');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// The worker decided between a scoped and the whole engine the moment the wasm and the match parts
// were in: a sample's text handed over a moment later (the page's main thread busy with its own
// modules) got the whole engine, a build several times longer, before the first highlight.
test('regression: a sample text handed to the worker after the match parts, before the page asks for the engine, still gets a scoped first engine', async () => {
  const { browser, page, errors } = await freshPage();
  const matcher = () => page.workers().find((w) => /\/worker\.js\?/.test(w.url()));
  /** Resolves once the worker has performance mark `name`. */
  const workerMark = async (name) => {
    for (;;) {
      const w = matcher();
      if (w && await w.evaluate((n) => performance.getEntriesByName(n).length > 0, name).catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    // The text comes after the worker has the match parts; the page's modules (and so its
    // request for the engine) after the worker has the text.
    await page.route(`**/samples/${SAMPLE}`, async (route) => { await workerMark('tifa-engine-match'); await route.continue(); });
    await page.route('**/app/main.js', async (route) => { await workerMark('tifa-engine-scope'); await route.continue(); });
    await page.goto(`${server.url}/index.html?sample=${SAMPLE}`);
    await firstHighlight(page);
    const marks = await matcher().evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.ok(marks.indexOf('tifa-engine-match') < marks.indexOf('tifa-engine-scope'), `the text came after the parts: ${marks.join(' ')}`);
    assert.ok(marks.includes('tifa-engine-scoped'), `the first engine is scoped: ${marks.join(' ')}`);
    assert.ok((await highlights(page)).length >= 3);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('with no text to show, the card part and the service worker come once the engine is ready', async () => {
  const { browser, page, errors } = await freshPage();
  try {
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.tifaPage && window.tifaPage.entries.some((e) => e.explanation), null, { timeout: 120_000 });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) != null, null, { polling: 50, timeout: 60_000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// When boot.js cannot hand a part over, the worker fetches it itself (and explains a failure).
const FALLBACKS = [
  { name: 'the wasm is served without application/wasm (no streaming compile)', file: '/pkg/tifa_bg.wasm',
    route: (route) => route.fetch().then((res) => route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } })) },
  { name: "boot.js's request for the wasm fails", file: '/pkg/tifa_bg.wasm', failFirst: true },
  { name: "boot.js's request for the match part fails", file: '/pkg/tifa.match.bin', failFirst: true },
];
for (const { name, file, route, failFirst } of FALLBACKS) {
  test(`the engine still starts when ${name}`, async () => {
    const { browser, page, requested, errors } = await freshPage();
    try {
      let seen = 0;
      await page.route(`**${file}`, (r) => {
        seen += 1;
        if (failFirst) return seen === 1 ? r.abort('failed') : r.continue();
        return route(r);
      });
      await page.goto(`${server.url}/index.html?sample=${SAMPLE}`);
      await firstHighlight(page);
      assert.ok((await highlights(page)).length >= 3);
      if (failFirst) assert.equal(requested.filter((p) => p === file).length, 2, 'asked for again by the worker');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}
