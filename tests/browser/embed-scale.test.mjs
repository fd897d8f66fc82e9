// The embed on one long text node dense with terms (issue 14, item 1): highlight and unhighlight
// must be linear in the text, and the work must be cut into short tasks even inside one node.
// Nothing here is timed: linearity is checked on the DOM work itself (nodes inserted and removed,
// characters written, as a MutationObserver sees them), which is the same on every machine; the
// time ratios of the same runs are a benchmark (`node benches/embed-scale.mjs`, in make bench).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open } from './fixtures/node-helpers.mjs';
import { UNIT, SHAPES, runScale } from './fixtures/scale.mjs';

const s = suite();
before(s.start);
after(s.stop);

/** Opens a fresh page and runs one highlight + unhighlight of `size` units laid out as `shape`. */
async function run(size, shape = 'one text node') {
  const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/live.html');
  const r = await runScale(page, size, shape);
  await page.close();
  return r;
}

const SMALL = 30_000;
for (const shape of SHAPES) test(`highlight and unhighlight do DOM work linear in the length of ${shape} (10x the text, the same work per character)`, async () => {
  const small = await run(SMALL, shape);
  const big = await run(10 * SMALL, shape);
  const perOcc = 5 / UNIT.length;
  for (const r of [small, big]) {
    assert.ok(Math.abs(r.count - r.chars * perOcc) < 10, `every occurrence highlighted (${r.count} in ${r.chars} units)`);
    assert.equal(r.marks, r.count, 'count = occurrences on the page');
    assert.equal(r.removed, r.count);
    assert.ok(r.restored, 'unhighlight restores the original nodes and text');
  }
  // Work per character of text, small against big. Linear code does the same work per
  // character at both sizes (up to the edges of the text); the old splitText code wrote the
  // rest of the node again at every term, so its characters written per character grew with
  // the length (x10 here).
  for (const phase of ['highlight', 'unhighlight']) {
    for (const what of ['nodes', 'chars']) {
      const a = small[phase][what] / small.chars; const b = big[phase][what] / big.chars;
      console.log(`# ${shape}, ${phase}: ${what} per character ${a.toFixed(3)} (${small.chars} units) / ${b.toFixed(3)} (${big.chars} units)`);
      assert.ok(a > 0 || phase === 'unhighlight', `${phase} does ${what} work`);
      assert.ok(b <= a * 1.05 + 0.001, `${phase}: ${what} per character grew from ${a.toFixed(3)} to ${b.toFixed(3)} with 10x the text`);
    }
  }
});

test('a 1 MB text node is highlighted in short tasks: a 0 ms timer keeps running meanwhile', async () => {
  const r = await run(1024 * 1024);
  console.log(`# 1 MB text node: ${r.count} occurrences, highlight wall ${r.wall.toFixed(0)} ms (script ${r.script.toFixed(0)} ms), ` +
    `timer ran ${r.ticks} times, longest gap ${r.gap.toFixed(0)} ms; unhighlight ${r.un.toFixed(0)} ms`);
  assert.ok(r.count > 40_000);
  assert.ok(r.restored);
  // One task per slice of at most ~24 K units: the timer gets turns between slices (the browser
  // runs the embed's MessageChannel tasks first, so not after every slice). The old code took
  // the whole node in one task: the timer ran 0 times. (The longest gap is printed, not
  // asserted: it is a time, and times depend on the machine's load.)
  assert.ok(r.ticks >= 5, `the timer ran ${r.ticks} times while highlighting`);
});

test('slicing does not change the result: a long text node cut into small batches == one batch', async () => {
  const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/live.html');
  const runs = await page.evaluate(async () => {
    const { highlightTree, unhighlightTree } = await import('/lib/highlight.js');
    const { loadTifa } = await import('/lib/engine.js');
    const tifa = await loadTifa();
    const story = document.getElementById('story');
    // Terms of every length, emoji (surrogate pairs) and combining marks next to them, gated
    // forms ("new era", "the core") whose context is nearby, units of odd lengths so that
    // slice cuts fall everywhere: inside words, inside terms, inside surrogate pairs.
    const units = ['Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era. ', '😀两个维护😀', 'e\u0301 the Two Upholds, ',
      'a new era began; ', '全面从严治党。', 'upholding the core ', 'eight-point regulation ', 'plain filler without terms. ', '🇨🇳democratic life meetings '];
    let text = ''; let i = 0;
    while (text.length < 30000) { text += units[(i * 7 + (i >> 3)) % units.length]; i += 1; }
    const p = document.createElement('p'); p.append(text); story.append(p);
    // And a block of many short nodes with a term across each <em>: cut between nodes.
    const q = document.createElement('p');
    for (let k = 0; k < 300; k++) q.append(`${k}: the Two `, Object.assign(document.createElement('em'), { textContent: 'Upholds' }), ' and ');
    story.append(q);
    const out = [];
    for (const batchChars of [1, 50, 333, 1000, 5000, 1e9]) {
      await highlightTree(story, tifa, { batchChars, observe: false });
      const marks = [...story.querySelectorAll('[data-tifa-term]')];
      out.push({ batchChars, same: story.textContent === text + q.textContent.replace(/^$/, ''),
        sig: marks.map((m) => `${m.dataset.tifaTerm}:${m.textContent}:${m.dataset.tifaContext || ''}:${m.tabIndex}`).join('|'),
        count: marks.length });
      unhighlightTree(story);
      out[out.length - 1].restored = p.childNodes.length === 1 && p.firstChild.data === text;
    }
    return out;
  });
  const one = runs[runs.length - 1];
  assert.ok(one.count > 1000, `${one.count} marks`);
  assert.match(one.sig, /new-era:new era:/, 'a gated form counted through its context');
  for (const r of runs) {
    assert.ok(r.restored, `batchChars ${r.batchChars}: unhighlight restores the node`);
    assert.equal(r.count, one.count, `batchChars ${r.batchChars}: mark count`);
    assert.equal(r.sig, one.sig, `batchChars ${r.batchChars}: same marks`);
  }
  await page.close();
});
