// Keeping and sharing work (issue 11, "expected and missing"): share links that carry the text
// in the URL fragment, drafts kept in the t.browser, the Clear button. Headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillText, settled, highlights, pageSuite } from './page-helpers.mjs';

const t = pageSuite();

const roundTrips = [
  { name: 'English', text: 'The plenum stressed the Two Upholds.' },
  { name: 'Chinese with line breaks', text: '坚决做到“两个维护”。\n全面从严治党永远在路上。' },
  { name: 'astral characters and quotes', text: '“core” 𠮷 — \u2028 & <b>not markup</b>' },
  { name: 'a long repetitive text', text: 'the Two Upholds and the four consciousnesses. '.repeat(5000) },
  { name: 'a non-default sensitivity', text: 'the core', sensitivity: 'all' },
];
test('share fragments: the text and its sensitivity come back exactly (table)', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  for (const c of roundTrips) {
    const got = await page.evaluate(async ({ text, sensitivity }) => {
      const m = await import('/app/share.js');
      const fragment = await m.shareFragment(text, { sensitivity });
      return { fragment: fragment.slice(0, 5), safe: /^[A-Za-z0-9_\-=&]+$/.test(fragment), back: await m.readShareFragment('#' + fragment), length: fragment.length };
    }, c);
    assert.equal(got.fragment, 'text=', c.name);
    assert.ok(got.safe, `${c.name}: the fragment needs no escaping`);
    assert.deepEqual(got.back, { text: c.text, sensitivity: c.sensitivity || 'default' }, c.name);
    if (c.name === 'a long repetitive text') assert.ok(got.length < c.text.length / 20, `compressed: ${got.length} characters`);
  }
  await page.close();
});

const damaged = [
  { name: 'not base64url', fragment: '#text=%%%' },
  { name: 'cut short', cut: true },
  { name: 'not deflate', fragment: '#text=aGVsbG8gd29ybGQ' },
];
for (const c of damaged) {
  test(`a damaged share link (${c.name}) says so and changes nothing`, async () => {
    const page = await openPage(t.browser, t.server.url + '/index.html');
    let fragment = c.fragment;
    if (c.cut) {
      fragment = '#' + await page.evaluate(async () => (await import('/app/share.js')).shareFragment('The plenum stressed the Two Upholds. '.repeat(50)));
      fragment = fragment.slice(0, Math.floor(fragment.length / 2));
    }
    await page.goto(t.server.url + '/index.html' + fragment);
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    assert.match(await page.$eval('#error', (el) => el.textContent), /^Could not open this link: the link is damaged/);
    assert.equal(await page.$eval('#text', (el) => el.value), '');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('"Copy a link" gives a link that reopens the same text, highlights and sensitivity; the server never sees the text', async () => {
  const requested = [];
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await page.selectOption('#sensitivity', 'all');
  const TEXT = 'The core of the leadership: the Two Upholds and the two establishments.';
  await fillText(page, TEXT);
  const before = await highlights(page);
  await page.click('#share');
  await page.waitForFunction(() => /Link copied|did not let the page copy/.test(document.getElementById('share-status').textContent));
  const link = await page.$eval('#share-link', (el) => el.value);
  assert.ok(link.startsWith(t.server.url + '/index.html#text='), link);
  await page.close();

  const other = await t.browser.newPage();
  other.on('request', (r) => requested.push(r.url()));
  await other.goto(link);
  await other.waitForFunction(() => window.tifaPage && window.tifaPage.text.length > 0);
  await settled(other);
  assert.equal(await other.$eval('#text', (el) => el.value), TEXT);
  assert.equal(await other.$eval('#sensitivity', (el) => el.value), 'all');
  assert.deepEqual(await highlights(other), before);
  assert.ok(!other.url().includes('text='), `the address bar no longer carries the text: ${other.url()}`);
  assert.ok(requested.every((u) => !u.includes('text=') && !u.includes('Upholds')), 'no request carried the text');
  await other.close();

  // Someone with a draft of their own opens the link: the draft is one click away.
  const mine = await openPage(t.browser, t.server.url + '/index.html');
  await fillText(mine, 'My own notes on the four consciousnesses.');
  await mine.waitForFunction(() => JSON.parse(localStorage.getItem('tifa-draft') || '{}').text === 'My own notes on the four consciousnesses.');
  await mine.goto(link);
  await mine.waitForFunction(() => window.tifaPage && window.tifaPage.text.startsWith('The core'));
  await mine.click('#draft-restore');
  await settled(mine);
  assert.equal(await mine.$eval('#text', (el) => el.value), 'My own notes on the four consciousnesses.');
  await mine.close();
});

test('a text too long for a link is refused with a message', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  // Random letters do not compress: about 2.4 MB of base64url.
  await page.evaluate(() => {
    const a = new Uint8Array(1_800_000);
    crypto.getRandomValues(a.subarray(0, 65536));
    for (let i = 65536; i < a.length; i += 65536) crypto.getRandomValues(a.subarray(i, Math.min(a.length, i + 65536)));
    return window.tifaPage.load(Array.from(a, (b) => String.fromCharCode(97 + (b % 26))).join(''));
  });
  await page.click('#share');
  await page.waitForFunction(() => /too long for a link/.test(document.getElementById('share-status').textContent));
  assert.equal(await page.$eval('#share-link', (el) => el.hidden), true);
  await page.close();
});

test('the draft comes back after a reload; unticking "Keep my text" forgets it; Clear empties it', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await fillText(page, 'A draft about the Two Upholds.');
  await page.waitForFunction(() => localStorage.getItem('tifa-draft') !== null);
  // Reload without the helper's storage clean-up.
  const again = await openPage(t.browser, t.server.url + '/index.html', { keepStorage: true });
  await again.waitForFunction(() => window.tifaPage.text.length > 0);
  await settled(again);
  assert.equal(await again.$eval('#text', (el) => el.value), 'A draft about the Two Upholds.');
  assert.match(await again.$eval('#draft-note', (el) => el.textContent), /is back/);
  assert.deepEqual((await highlights(again)).map((h) => h.id), ['two-upholds']);
  // Clear empties the text and the draft.
  await again.click('#clear');
  await settled(again);
  assert.equal(await again.$eval('#text', (el) => el.value), '');
  await again.waitForFunction(() => localStorage.getItem('tifa-draft') === null);
  // Not kept when unticked, across reloads.
  await again.uncheck('#keep-draft');
  await again.fill('#text', 'Not to be kept.');
  await settled(again);
  const third = await openPage(t.browser, t.server.url + '/index.html', { keepStorage: true });
  assert.equal(await third.$eval('#keep-draft', (el) => el.checked), false);
  assert.equal(await third.$eval('#text', (el) => el.value), '');
  assert.equal(await third.evaluate(() => localStorage.getItem('tifa-draft')), null);
  await third.evaluate(() => localStorage.removeItem('tifa-keep-draft'));
  for (const p of [page, again, third]) await p.close();
});
