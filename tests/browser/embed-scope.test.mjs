// The embed's first engine is scoped to the page's text (issue 10, item 4: only the forms whose
// words occur in it, `Tifa.fromCompiledFor`). Content added later with terms the page did not
// have must still be highlighted: the session asks the engine whether it covers the new text and
// moves to a wider one when not (`widenFor` in www/lib/engine.js). Headless Chromium via
// tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

const FIRST = 'The plenum asked members to achieve the Two Upholds.';
const LATER = 'Speakers also stressed the Two Establishments at a democratic life meeting.';
const LATER_CHINESE = '全会强调两个确立。';

/** Opens the empty fixture with `paragraphs` in #story, and embed.js as window.tifaEmbed. */
async function page(paragraphs) {
  const r = await open(s.ctx.browser, s.ctx.server, '/fixtures/live.html');
  await r.page.evaluate(async (texts) => {
    const story = document.getElementById('story');
    for (const t of texts) story.appendChild(document.createElement('p')).textContent = t;
    window.tifaEmbed = await import('/embed.js');
  }, paragraphs);
  return r;
}

/** The entry ids highlighted in paragraph `i` of #story, in order (one per occurrence). */
const idsIn = (p, i) => p.evaluate((k) => [...document.querySelectorAll('#story p')[k].querySelectorAll('mark[data-tifa-term]')]
  .filter((m) => m.tabIndex === 0).map((m) => m.dataset.tifaTerm), i);

const add = (p, text) => p.evaluate((t) => { document.getElementById('story').appendChild(document.createElement('p')).textContent = t; }, text);

test('scope: later content with terms the page did not have is highlighted (a wider engine)', async () => {
  const { page: p, warnings, errors } = await page([FIRST]);
  await p.evaluate(async () => { window.__h = await window.tifaEmbed.highlight(document.getElementById('story')); });
  assert.deepEqual(await idsIn(p, 0), ['plenary-session', 'two-upholds']);
  await add(p, LATER);
  await p.waitForFunction(() => window.__h.count === 4, null, { timeout: 15000 });
  assert.deepEqual(await idsIn(p, 1), ['two-establishments', 'democratic-life-meeting']);
  assert.deepEqual(await idsIn(p, 0), ['plenary-session', 'two-upholds'], 'the first marks stay');
  // The first text again, after the widening: still found (the wider scope holds both texts).
  await add(p, FIRST);
  await p.waitForFunction(() => window.__h.count === 6, null, { timeout: 15000 });
  assert.deepEqual(await idsIn(p, 2), ['plenary-session', 'two-upholds']);
  // Chinese added later: the Chinese part, and a scoped engine for it.
  await add(p, LATER_CHINESE);
  await p.waitForFunction(() => window.__h.count === 7, null, { timeout: 15000 });
  assert.deepEqual(await idsIn(p, 3), ['two-establishments']);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await p.close();
});

test('scope: the scoped engine finds on the page what the whole engine finds', async () => {
  const sample = await (await fetch(`${s.ctx.server.url}/samples/official-en.txt`)).text();
  const paragraphs = sample.split(/\n\s*\n/).filter((t) => t.trim());
  const { page: p, warnings, errors } = await page(paragraphs);
  const { scoped, whole } = await p.evaluate(async () => {
    const { loadTifa, EMBED } = await import('/lib/engine.js');
    const story = document.getElementById('story');
    const text = story.textContent;
    const a = await loadTifa({ module: EMBED, scripts: ['en'], scope: text });
    const b = await loadTifa({ module: EMBED, scripts: ['en'] });
    return { scoped: [a.scoped, a.patternCount, [...a.rows(text)]], whole: [b.scoped, b.patternCount, [...b.rows(text)]] };
  });
  assert.equal(scoped[0], true);
  assert.equal(whole[0], false);
  assert.ok(scoped[1] * 10 < whole[1], `${scoped[1]} patterns against ${whole[1]}`);
  assert.ok(whole[2].length > 100, 'the sample has matches');
  assert.deepEqual(scoped[2], whole[2]);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await p.close();
});
