// The shipped embed (www/embed.min.js, bundled and minified by `make build` from www/embed.js)
// against its source: the same highlights, no tooltip or card code before the first highlight,
// and working tooltips after it. Headless Chromium via tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

/**
 * Opens the article fixture, imports `entry` and highlights #story; returns the handle's count
 * and terms, and the paths fetched before the first <mark> appeared in the article.
 */
async function highlightWith(entry) {
  const r = await open(s.ctx.browser, s.ctx.server, '/fixtures/article.html', {
    waitFor: () => document.getElementById('shadow-host')?.shadowRoot,
  });
  const out = await r.page.evaluate(async (src) => {
    const story = document.getElementById('story');
    let fetched = null;
    const observer = new MutationObserver(() => {
      if (fetched == null && story.querySelector('[data-tifa-term]')) {
        fetched = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      }
    });
    observer.observe(story, { childList: true, subtree: true });
    window.tifaEmbed = await import(src);
    const h = await window.tifaEmbed.highlight(story);
    observer.disconnect();
    return { count: h.count, terms: h.terms, fetched };
  }, entry);
  return { ...r, ...out };
}

const ENTRIES = [
  ['the source (embed.js)', '/embed.js'],
  ['the minified bundle (embed.min.js)', '/embed.min.js'],
];

test('the minified bundle highlights exactly what its source highlights', async () => {
  const [a, b] = [await highlightWith('/embed.js'), await highlightWith('/embed.min.js')];
  assert.ok(a.count > 0, 'the fixture has terms');
  assert.equal(b.count, a.count);
  assert.deepEqual(b.terms, a.terms);
  await a.page.close();
  await b.page.close();
});

for (const [name, entry] of ENTRIES) {
  test(`${name}: no tooltip or card code before the first highlight; the tooltip works after it`, async () => {
    const { page, fetched } = await highlightWith(entry);
    assert.ok(fetched, 'a highlight appeared');
    assert.ok(fetched.some((p) => p.endsWith('/pkg/tifa.match.bin')), `fetched ${fetched.join(', ')}`);
    const early = fetched.filter((p) => /tooltip|card|floating-ui|cards\.bin/.test(p));
    assert.deepEqual(early, [], 'fetched before the first highlight');
    await page.hover('#p-plain mark');
    await page.waitForFunction(() => {
      const h = document.querySelector('[data-tifa-tooltip-host]');
      const p = h && h.hasAttribute('data-open') && h.shadowRoot.querySelector('.tifa-tip');
      return !!p && getComputedStyle(p).visibility === 'visible';
    });
    const title = await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('.tifa-card-title')?.textContent);
    assert.match(title, /民主生活会/);
    await page.close();
  });
}
