// Ways in and failure: script-tag mode, strict CSP (allowed and forbidden WebAssembly), 404s,
// no WebAssembly, bad data- options, custom dictionary, <tifa-text>, the bookmarklet.
// Headless Chromium via tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, WWW } from './harness.mjs';
import { suite, open, occurrences } from './fixtures/node-helpers.mjs';

const STRICT_OK = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";
const STRICT_NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

const s = suite({ headers: { '/fixtures/csp.html': { 'Content-Security-Policy': STRICT_OK } } });
let forbid; // a second server: the same fixture under a CSP without 'wasm-unsafe-eval'
before(async () => {
  await s.start();
  forbid = await startServer({ headers: { '/fixtures/csp.html': { 'Content-Security-Policy': STRICT_NO_WASM } } });
});
after(async () => { await forbid?.close(); await s.stop(); });

const markCount = (page) => page.evaluate(() => document.querySelectorAll('[data-tifa-term]').length);
/** The body of `path` as parsed with embed.js replaced by an empty module: "untouched". */
async function pristine(server, path) {
  const { page } = await open(s.ctx.browser, server, path, {
    routes: { '**/embed.js': (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }) },
  });
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  await page.close();
  return html;
}
/** Resolves once a console warning matching `re` has come (at once if it already has). */
const waitWarning = async (page, warnings, re) => {
  if (warnings.some((w) => re.test(w))) return;
  await page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && re.test(m.text()) });
};

test('script tag: data-tifa-root="article" highlights the article once loaded', async () => {
  const { page, warnings, errors } = await open(s.ctx.browser, s.ctx.server, '/fixtures/csp.html', {
    waitFor: () => document.querySelector('[data-tifa-term]'),
  });
  const h = await page.evaluate(async () => { const m = await import('/embed.js'); const r = await m.ready; return { count: r.count, terms: r.terms }; });
  assert.deepEqual((await occurrences(page, '#story')).map((o) => o.id),
    ['two-upholds', 'democratic-life-meeting', 'two-upholds', 'eight-point-rules']);
  assert.equal(h.count, 4);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("strict CSP with 'wasm-unsafe-eval': highlights, styled tooltip, no CSP violation", async () => {
  const { page, warnings, errors } = await open(s.ctx.browser, s.ctx.server, '/fixtures/csp.html', {
    waitFor: () => document.querySelector('[data-tifa-term]'),
  });
  const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
  assert.equal(csp, STRICT_OK);
  // The page holds both scripts: its first highlight is the English one, the Chinese follows
  // before `ready` resolves.
  await page.evaluate(async () => { await (await import('/embed.js')).ready; });
  assert.equal(await markCount(page), 6);
  const border = await page.evaluate(() => getComputedStyle(document.querySelector('mark')).borderBottomStyle);
  assert.equal(border, 'solid', 'mark styles apply (adopted stylesheet, no <style>)');
  await page.hover('#first mark');
  await page.waitForFunction(() => document.querySelector('[data-tifa-tooltip-host][data-open]'));
  const tip = await page.evaluate(() => {
    const p = document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('.tifa-tip');
    const cs = getComputedStyle(p);
    return { bg: cs.backgroundColor, pos: cs.position, w: p.getBoundingClientRect().width };
  });
  assert.notEqual(tip.bg, 'rgba(0, 0, 0, 0)');
  assert.equal(tip.pos, 'fixed');
  assert.ok(tip.w > 100);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, [], 'no CSP violation report');
  await page.close();
});

// Failure cases: [name, server (fn), path, open options, warning pattern]
const FAILURES = [
  ["CSP without 'wasm-unsafe-eval'", () => forbid, '/fixtures/csp.html', {}, /Content-Security-Policy does not allow WebAssembly\. Fix: add 'wasm-unsafe-eval'/],
  ['404 for the wasm', () => s.ctx.server, '/fixtures/csp.html',
    { routes: { '**/pkg/tifa_embed_bg.wasm': (r) => r.fulfill({ status: 404, body: 'not found' }) } }, /tifa_embed_bg\.wasm answered HTTP 404\. Fix: serve pkg\/tifa_embed_bg\.wasm/],
  ['404 for the JS glue', () => s.ctx.server, '/fixtures/csp.html',
    { routes: { '**/pkg/tifa_embed.js': (r) => r.fulfill({ status: 404, body: 'not found' }) } }, /pkg\/tifa_embed\.js was not found \(HTTP 404\)\. Fix: serve the pkg\/ directory/],
  ['a browser without WebAssembly', () => s.ctx.server, '/fixtures/csp.html',
    { init: () => { delete globalThis.WebAssembly; } }, /does not support WebAssembly\. Fix: use a current browser/],
];
for (const [name, server, path, opts, re] of FAILURES) {
  test(`failure leaves the page untouched and warns once: ${name}`, async () => {
    const srv = server();
    const { page, warnings } = await open(s.ctx.browser, srv, path, opts);
    await waitWarning(page, warnings, re);
    // The script tag's run has ended (its `ready` settles after the warning): nothing more comes.
    assert.equal(await page.evaluate(() => import('/embed.js').then((m) => m.ready)), null);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    assert.equal(html, await pristine(srv, path), 'the DOM is exactly as without the embed');
    const mine = warnings.filter((w) => w.startsWith('tifa'));
    assert.equal(mine.length, 1, `one warning: ${JSON.stringify(warnings)}`);
    assert.match(mine[0], re);
    await page.close();
  });
}

// Issue 11, item 5: tifa on another origin whose server sends CORS headers for the scripts but
// not for pkg/ used to fail with only the browser's own CORS error.
test('tifa on another origin without CORS on pkg/: one warning that names CORS and the header', async () => {
  // A second server (another port: another origin) that shares the scripts but not pkg/.
  const cors = { 'Access-Control-Allow-Origin': '*' };
  // Every module the embed may import (all of lib/ and vendor/), so only pkg/'s data lacks CORS.
  const scripts = ['/embed.js', '/pkg/tifa_embed.js', ...readdirSync(join(WWW, 'lib')).map((f) => `/lib/${f}`),
    ...readdirSync(join(WWW, 'vendor')).map((f) => `/vendor/${f}`)];
  const other = await startServer({ headers: Object.fromEntries(scripts.map((p) => [p, cors])) });
  try {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cors</title>
<script type="module" src="${other.url}/embed.js" data-tifa-root="article"></script></head>
<body><article><p id="first">Officials must achieve the Two Upholds.</p></article></body></html>`;
    const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/cors-test.html', {
      routes: { '**/fixtures/cors-test.html': (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }) },
    });
    const re = /tifa: could not load http:\/\/127\.0\.0\.1:\d+\/pkg\/tifa(_embed_bg\.wasm|\.match\.bin) \(CORS\?\)\. Fix: serve tifa's files .*Access-Control-Allow-Origin/;
    await waitWarning(page, warnings, re);
    const mine = warnings.filter((w) => w.startsWith('tifa'));
    assert.equal(mine.length, 1, JSON.stringify(warnings));
    assert.equal(await page.$$eval('[data-tifa-term]', (m) => m.length), 0, 'the page is left as it was');
    await page.close();
  } finally {
    await other.close();
  }
});

test('bad data- options: one clear warning each, defaults used', async () => {
  const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/bad-options.html', {
    waitFor: () => document.querySelector('[data-tifa-term]'),
  });
  const want = [
    /data-tifa-root "###" is not a valid CSS selector; using "body"/,
    /unknown category "bogus" ignored; the categories are: ideology, leadership/,
    /first-occurrence option "maybe" is not true\/false; using false/,
    /exclude selector "\[\[" is not a valid CSS selector/,
    /theme "purple" is not one of auto, light, dark; using auto/,
    /unknown attribute data-tifa-colour ignored/,
  ];
  for (const re of want) assert.ok(warnings.some((w) => re.test(w)), `${re} in ${JSON.stringify(warnings)}`);
  assert.equal(warnings.length, want.length, 'nothing else');
  // Fell back: root body, valid category kept (leadership only).
  assert.deepEqual((await occurrences(page, 'body')).map((o) => o.id), ['two-upholds']);
  await page.close();
});

test('custom dictionary: data-tifa-dictionary adds terms; a broken one falls back with a warning', async () => {
  const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/dictionary.html', {
    waitFor: () => document.querySelectorAll('[data-tifa-term]').length >= 2,
  });
  assert.deepEqual((await occurrences(page, 'main')).map((o) => o.id), ['fixture-doctrine', 'two-upholds']);
  assert.deepEqual(warnings, []);
  // The tooltip code arrives after the first highlight: hover once the script tag's run says
  // the tooltips work (a hover before that is not seen, and this test timed out under load).
  await page.evaluate(async () => { await (await import('/embed.js')).ready; });
  await page.hover('mark[data-tifa-term="fixture-doctrine"]');
  await page.waitForFunction(() => /made-up term/.test(document.querySelector('[data-tifa-tooltip-host]')?.shadowRoot.textContent || ''));
  await page.close();
  const bad = await open(s.ctx.browser, s.ctx.server, '/fixtures/dictionary.html', {
    routes: { '**/fixtures/custom.toml': (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: '[[term]]\nid = "Bad Id"\n' }) },
    waitFor: () => document.querySelector('[data-tifa-term]'),
  });
  assert.deepEqual((await occurrences(bad.page, 'main')).map((o) => o.id), ['two-upholds']);
  assert.equal(bad.warnings.length, 1);
  assert.match(bad.warnings[0], /custom dictionary is invalid: .*custom\.toml.* Using the built-in dictionary/s);
  await bad.page.close();
});

// Issue 14, item 4: a custom dictionary over the budget (forms nested 200 deep made the host
// freeze for one 8.7 s task, or an OOM trap) is one clear warning, and the built-in dictionary
// still highlights.
test('custom dictionary over the budget: one warning naming the limit, built-in terms still highlighted', async () => {
  const forms = Array.from({ length: 199 }, (_, k) => `{ text = "${'中'.repeat(k + 2)}", kind = "official" }`).join(', ');
  const toml = `[[term]]\nid = "nest"\nzh = "测试乙"\npinyin = "cè shì"\nen = "Nest"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\nforms = [${forms}]\n`;
  const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/dictionary.html', {
    routes: { '**/fixtures/custom.toml': (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: toml }) },
    waitFor: () => document.querySelector('[data-tifa-term]'),
  });
  assert.deepEqual((await occurrences(page, 'main')).map((o) => o.id), ['two-upholds']);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /custom dictionary is invalid: .*at most 16 may.*Using the built-in dictionary/s);
  await page.close();
});

test('<tifa-text>: highlights its own content; attributes are options; bad ones warn', async () => {
  const { page, warnings } = await open(s.ctx.browser, s.ctx.server, '/fixtures/element.html', {
    waitFor: () => customElements.get('tifa-text'),
  });
  const counts = await page.evaluate(async () => {
    const els = [...document.querySelectorAll('tifa-text')];
    const hs = await Promise.all(els.map((e) => e.ready));
    return hs.map((h) => (h ? h.count : null));
  });
  assert.deepEqual(counts, [2, 1, 1]);
  assert.deepEqual((await occurrences(page, '#outside')), []);
  assert.deepEqual((await occurrences(page, '#el1')).map((o) => [o.id, o.pieces]), [['two-upholds', 2], ['democratic-life-meeting', 1]]);
  assert.deepEqual((await occurrences(page, '#el2')).map((o) => o.id), ['democratic-life-meeting']);
  assert.deepEqual((await occurrences(page, '#el3')).map((o) => o.id), ['two-upholds']);
  assert.ok(warnings.some((w) => /<tifa-text>: theme "purple"/.test(w)), JSON.stringify(warnings));
  assert.ok(warnings.some((w) => /<tifa-text>: unknown category "nonsense"/.test(w)), JSON.stringify(warnings));
  // Created from script, with content added later.
  const late = await page.evaluate(async () => {
    const el = document.createElement('tifa-text');
    el.textContent = 'Created later: 两个维护.';
    document.querySelector('main').append(el);
    const h = await el.ready;
    const p = document.createElement('b');
    p.textContent = ' And a democratic life meeting.';
    el.append(p);
    window.__late = { el, h };
    return h.count;
  });
  assert.equal(late, 1, 'its first content: one term');
  // The content added later is highlighted too (the element watches itself).
  await page.waitForFunction(() => window.__late.h.count === 2);
  assert.equal(await page.evaluate(() => window.__late.el.querySelectorAll('[data-tifa-term]').length), 2);
  await page.close();
});

test('bookmarklet: loads the embed into a page without it and toggles the highlights', async () => {
  const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/frame.html');
  const href = await page.evaluate(async () => (await import('/bookmarklet.js')).bookmarkletHref());
  assert.match(href, /^javascript:/);
  assert.match(decodeURIComponent(href), /import\("http:\/\/127\.0\.0\.1:\d+\/embed\.js"\)/);
  await page.evaluate((h) => { location.href = h; }, href);
  await page.waitForFunction(() => document.querySelectorAll('[data-tifa-term]').length === 2);
  await page.evaluate((h) => { location.href = h; }, href);
  await page.waitForFunction(() => document.querySelectorAll('[data-tifa-term]').length === 0);
  const html = await page.evaluate(() => document.body.innerHTML.trim());
  assert.equal(html, '<p id="in-frame">Two Upholds and 两个维护 inside an iframe.</p>');
  await page.close();
});
