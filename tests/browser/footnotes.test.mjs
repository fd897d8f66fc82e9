// "Copy with footnotes" and "Print with glossary" (issue 11, "expected and missing"): node units
// of www/app/footnotes.js, then the page in headless Chromium (clipboard, print media).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillText, pageSuite, withCards } from './page-helpers.mjs';
import { withFootnotes, numberTerms } from '../../www/app/footnotes.js';

const ENTRIES = {
  'two-upholds': { en: 'Two Upholds', zh: '两个维护', pinyin: 'liǎng gè wéihù', gloss: 'Two commitments.', sources: ['A document (2018)'] },
  core: { en: 'core', zh: '核心', pinyin: 'héxīn', gloss: '<b>a</b> & b' },
};
const getEntry = (id) => ENTRIES[id];
const cases = [
  { name: 'numbers in first-appearance order, every occurrence marked', text: 'the core and the Two Upholds and the core',
    spans: [[4, 8, 'core'], [17, 28, 'two-upholds'], [37, 41, 'core']],
    plain: 'the core [1] and the Two Upholds [2] and the core [1]\n\nNotes\n[1] core — 核心 (héxīn): <b>a</b> & b\n[2] Two Upholds — 两个维护 (liǎng gè wéihù): Two commitments. Source: A document (2018)\n',
    htmlHas: ['<mark>core</mark><sup>[1]</sup>', '&lt;b&gt;a&lt;/b&gt; &amp; b', '<li id="tifa-note-2">'] },
  { name: 'line breaks become <br>, markup in the text stays text', text: '<i>x</i>\nthe core', spans: [[13, 17, 'core']],
    htmlHas: ['&lt;i&gt;x&lt;/i&gt;<br>\nthe <mark>core</mark>'] },
  { name: 'an unknown id is left unmarked', text: 'the core', spans: [[4, 8, 'gone']], plain: 'the core' },
];
for (const c of cases) {
  test(`withFootnotes: ${c.name}`, () => {
    const spans = c.spans.map(([start, end, id]) => ({ start, end, id }));
    const out = withFootnotes(c.text, spans, getEntry);
    if (c.plain) assert.equal(out.plain, c.plain);
    for (const h of c.htmlHas || []) assert.ok(out.html.includes(h), `${h} in ${out.html}`);
    assert.ok(!/<b>|<i>/.test(out.html), 'no markup from the text or the dictionary');
  });
}
test('numberTerms: one number per entry', () => {
  const { notes, byId } = numberTerms([{ id: 'core' }, { id: 'two-upholds' }, { id: 'core' }], getEntry);
  assert.deepEqual(notes.map((n) => n.n), [1, 2]);
  assert.equal(byId.get('two-upholds'), 2);
});

const t = pageSuite();

const TEXT = 'The plenum stressed the Two Upholds.\nCadres held a democratic life meeting on the Two Upholds.';

test('"Copy with footnotes" puts rich HTML and plain text with numbered notes on the clipboard', async () => {
  await t.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url });
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await fillText(page, TEXT);
  const terms = await page.$$eval('#report .term-step', (bs) => bs.length);
  await page.click('#copy-notes');
  await page.waitForFunction(() => /^Copied the text with \d+ footnotes?/.test(document.getElementById('export-status').textContent));
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), plain: await (await item.getType('text/plain')).text() };
  });
  assert.equal((clip.html.match(/<li id="tifa-note-/g) || []).length, terms);
  assert.match(clip.html, /<mark>Two Upholds<\/mark><sup>\[2\]<\/sup>/);
  assert.match(clip.plain, /^The plenum \[1\] stressed the Two Upholds \[2\]\./);
  assert.match(clip.plain, /\n\nNotes\n\[1\] /);
  await page.close();
});

test('print shows a glossary after the text, numbered as the highlights are', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await withCards(page);
  await fillText(page, TEXT);
  await page.waitForFunction(() => import('/app/footnotes.js').then(() => true));
  assert.equal(await page.$eval('#print-glossary', (el) => getComputedStyle(el).display), 'none', 'hidden on screen');
  // The page loads its footnote module on idle; until it has, beforeprint numbers nothing. Print
  // (beforeprint) again until the glossary is filled: preparing it twice gives the same notes.
  await page.waitForFunction(() => {
    window.dispatchEvent(new Event('beforeprint'));
    return document.querySelectorAll('#print-notes li').length > 0;
  });
  await page.emulateMedia({ media: 'print' });
  const got = await page.evaluate(() => ({
    display: getComputedStyle(document.getElementById('print-glossary')).display,
    notes: [...document.querySelectorAll('#print-notes li')].map((li) => li.textContent),
    after: getComputedStyle(document.querySelector('#output mark[data-tifa-term="two-upholds"]'), '::after').content,
    terms: document.querySelectorAll('#report .term-step').length,
  }));
  assert.equal(got.display, 'block');
  assert.equal(got.notes.length, got.terms);
  assert.ok(got.notes.some((n) => n.startsWith('Two Upholds — 两个维护')), got.notes.join(' | '));
  assert.match(got.after, /\[\d\]/);
  await page.close();
});
