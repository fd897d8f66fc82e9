// Keyboard use of the page (issue 11, item 4): the highlighted text is one tab stop with n/p,
// arrow, Home and End keys between terms; a pinned card is a non-modal dialog that Tab leaves
// back to its highlight; a card whose highlight is edited away closes. Headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillText, settled, pageSuite } from './page-helpers.mjs';

const t = pageSuite();

// Six terms, in this order: 两个维护 is in the text twice.
const TEXT = 'The plenum stressed the Two Upholds and the four consciousnesses. '
  + 'It called for comprehensively and strictly governing the Party, and for the Two Upholds again. '
  + 'Members held a democratic life meeting on the two establishments.';

/** The focused highlight: its entry id and occurrence, or null. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.matches?.('mark[data-tifa-term]') ? { id: a.getAttribute('data-tifa-term'), occ: +a.getAttribute('data-tifa-occurrence') } : null;
});
const tabStops = (page) => page.$$eval('#output [tabindex="0"]', (ms) => ms.length);
const tipOpen = (page) => page.evaluate(() => !!document.querySelector('[data-tifa-tooltip-host]')?.hasAttribute('data-open'));
const waitTip = (page, open) => page.waitForFunction((o) => !!document.querySelector('[data-tifa-tooltip-host]')?.hasAttribute('data-open') === o, open, { timeout: 10_000 });

/** Waits until Enter's pin has moved focus into the card (after it is positioned). */
const focusInCard = (page) => page.waitForFunction(() => document.querySelector('[data-tifa-tooltip-host]')?.shadowRoot.activeElement != null, null, { timeout: 10_000 });

async function textPage() {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await fillText(page, TEXT);
  return page;
}

/** Tabs from the text box until a highlight has focus; returns how many presses it took. */
async function tabIntoText(page) {
  await page.focus('#text');
  for (let i = 1; i <= 30; i++) {
    await page.keyboard.press('Tab');
    if (await focused(page)) return i;
  }
  throw new Error('Tab never reached a highlight');
}

test('the highlighted text is one tab stop: the next Tab leaves it for the report', async () => {
  const page = await textPage();
  const count = await page.evaluate(() => window.tifaPage.matchCount);
  assert.ok(count >= 6, `at least six highlights, got ${count}`);
  assert.equal(await tabStops(page), 1);
  await tabIntoText(page);
  assert.equal((await focused(page)).occ, 0, 'Tab enters at the first term');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), null, 'one more Tab leaves the text');
  assert.ok(await page.evaluate(() => !document.getElementById('output').contains(document.activeElement)));
  assert.deepEqual(page.errors, []);
  await page.close();
});

const moves = [
  { name: 'n goes to the next term', keys: ['n'], occ: 1 },
  { name: 'ArrowRight and ArrowDown go to the next terms', keys: ['ArrowRight', 'ArrowDown'], occ: 2 },
  { name: 'p after n comes back', keys: ['n', 'n', 'p'], occ: 1 },
  { name: 'ArrowLeft at the first term stays there', keys: ['ArrowLeft'], occ: 0 },
  { name: 'End goes to the last term, Home back to the first', keys: ['End', 'Home'], occ: 0 },
  { name: 'End goes to the last term', keys: ['End'], occ: 'last' },
  { name: 'N (with Shift) works as n', keys: ['Shift+N'], occ: 1 },
];
for (const m of moves) {
  test(`keys between terms: ${m.name}; the focused term is the only tab stop and shows its card`, async () => {
    const page = await textPage();
    await tabIntoText(page);
    for (const k of m.keys) await page.keyboard.press(k);
    const want = m.occ === 'last' ? (await page.evaluate(() => window.tifaPage.matchCount)) - 1 : m.occ;
    assert.equal((await focused(page)).occ, want);
    assert.equal(await tabStops(page), 1);
    assert.equal(await page.$eval('#output [tabindex="0"]', (el) => el === document.activeElement), true);
    await waitTip(page, true);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a hidden category is skipped by n and loses the tab stop', async () => {
  const page = await textPage();
  await tabIntoText(page);
  const first = await focused(page);
  // Hide the first term's category in the report.
  const cat = await page.evaluate((id) => window.tifaPage.entries.find((e) => e.id === id).category, first.id);
  await page.evaluate((c) => {
    const box = document.querySelector(`#report input[type=checkbox][data-category="${c}"]`);
    box.click();
  }, cat);
  const stop = await page.$eval('#output [tabindex="0"]', (el) => el.getAttribute('data-tifa-term'));
  const stopCat = await page.evaluate((id) => window.tifaPage.entries.find((e) => e.id === id).category, stop);
  assert.notEqual(stopCat, cat, 'the tab stop moved off the hidden category');
  await page.focus('#output [tabindex="0"]');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('n');
    const f = await focused(page);
    const c = await page.evaluate((id) => window.tifaPage.entries.find((e) => e.id === id).category, f.id);
    assert.notEqual(c, cat, `n landed on a hidden ${cat} term (${f.id})`);
  }
  await page.close();
});

test('Tab past a pinned card\'s last control closes it and returns focus to its highlight; Tab then goes on', async () => {
  const page = await textPage();
  await tabIntoText(page);
  await page.keyboard.press('Enter');
  await waitTip(page, true);
  assert.ok(await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').getAttribute('role') === 'dialog'));
  await focusInCard(page);
  const controls = await page.evaluate(() => [...document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelectorAll('button, a[href]')]
    .filter((b) => !b.hidden && b.offsetParent !== null).length);
  let closed = false;
  for (let i = 0; i < controls + 2 && !closed; i++) {
    await page.keyboard.press('Tab');
    closed = !(await tipOpen(page));
  }
  assert.ok(closed, 'the card closed when Tab left it');
  assert.deepEqual(await focused(page), { id: 'plenary-session', occ: 0 }, 'focus is back on the highlight, not on <body>');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement !== document.body && !document.getElementById('output').contains(document.activeElement)),
    'the next Tab goes on to the report');
  await page.close();
});

test('Shift+Tab before a pinned card\'s first control closes it and returns focus to its highlight', async () => {
  const page = await textPage();
  await tabIntoText(page);
  await page.keyboard.press('Enter');
  await waitTip(page, true);
  await focusInCard(page);
  let closed = false;
  for (let i = 0; i < 12 && !closed; i++) {
    await page.keyboard.press('Shift+Tab');
    closed = !(await tipOpen(page));
  }
  assert.ok(closed);
  assert.equal((await focused(page))?.id, 'plenary-session');
  await page.close();
});

test('a pinned card closes when its highlight is edited away, and focus is not lost', async () => {
  const page = await textPage();
  await page.click('#output mark[data-tifa-term="two-establishments"]');
  await waitTip(page, true);
  assert.ok(await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').getAttribute('role') === 'dialog'));
  await page.fill('#text', 'An ordinary sentence with no terms at all.');
  await settled(page);
  await waitTip(page, false);
  assert.equal(await page.evaluate(() => window.tifaPage.matchCount), 0);
  await page.close();
});

test('a card pinned from the keyboard closes when the text is replaced, and focus goes to the text', async () => {
  const page = await textPage();
  await tabIntoText(page);
  await page.keyboard.press('Enter');
  await waitTip(page, true);
  await page.evaluate(() => window.tifaPage.load('The two establishments, again.'));
  await waitTip(page, false);
  assert.ok(await page.evaluate(() => document.getElementById('output').contains(document.activeElement) || document.activeElement === document.getElementById('output')),
    `focus is in the text, not on ${await page.evaluate(() => document.activeElement?.tagName)}`);
  await page.close();
});

