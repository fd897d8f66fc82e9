// The embed on a page whose own script keeps writing the text it highlights (issue 14, item 2):
// React, Vue and Svelte keep references to their text nodes and write `.data` on them; others
// replace a paragraph's `textContent`. The host's text must never be duplicated or lost, the
// host's node references must stay valid, marks and counts must match what is on the page, and
// the embed must not keep nodes the host threw away. Also: a host that breaks appendChild /
// insertBefore gets no empty marks and a right count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

const UPDATES = 60;

/** Opens the empty fixture with embed.js as window.tifaEmbed; `init` runs before any page script. */
async function page(init) {
  const r = await open(s.ctx.browser, s.ctx.server, '/fixtures/live.html', init ? { init } : {});
  await r.page.evaluate(async () => { window.tifaEmbed = await import('/embed.js'); });
  return r;
}

/** What the page shows under #story: text, occurrences (distinct ids), marks, empty marks. Runs in the page. */
/**
 * Waits until the page shows the host's last text with exactly `terms` highlighted and the
 * embed's count and marks match the page; on a timeout it returns, and the test's assertions
 * say what differs.
 */
async function settle(p, terms) {
  await p.evaluate(`window.__shown = ${shown}`);
  await p.waitForFunction((want) => {
    const now = window.__shown();
    return now.text === window.__expected(window.__n) && JSON.stringify(now.terms) === JSON.stringify(want)
      && window.__h.count === now.occurrences && window.__h.marks === now.marks;
  }, terms, { timeout: 15000 }).catch(() => {});
}

const shown = () => {
  const story = document.getElementById('story');
  const marks = [...story.querySelectorAll('mark[data-tifa-term]')];
  return {
    text: story.textContent,
    occurrences: new Set(marks.map((m) => m.dataset.tifaOccurrence)).size,
    terms: marks.filter((m) => m.tabIndex === 0).map((m) => m.dataset.tifaTerm).sort(),
    marks: marks.length,
    emptyMarks: marks.filter((m) => m.textContent === '').length,
  };
};

// Each host writes its text UPDATES times, every 10 ms, while the embed watches (default
// debounce). [name, setup (runs in the page, returns nothing), expected terms of the last text].
// The setup defines window.__mount() (builds the host DOM under #story), window.__update(i)
// (the host's own write) and window.__expected(i) (the text the host means to show).
const HOSTS = [
  ['a text node whose .data the host writes (its reference kept)', () => {
    const line = (i) => `Update ${i}: the Two Upholds and 两个维护 were stressed at the democratic life meeting${'!'.repeat(i % 3)}.`;
    window.__expected = line;
    window.__mount = () => {
      const p = document.createElement('p');
      window.__node = document.createTextNode(line(0));
      p.append(window.__node);
      document.getElementById('story').append(p);
      window.__refs = () => window.__node.parentNode === p && p.isConnected;
    };
    window.__update = (i) => { window.__node.data = line(i); };
  }, ['democratic-life-meeting', 'two-upholds', 'two-upholds']],
  ['a paragraph whose textContent the host replaces', () => {
    const line = (i) => `Round ${i}: 全面从严治党 and the eight-point regulation${i % 2 ? ', again' : ''}.`;
    window.__expected = line;
    window.__mount = () => {
      window.__p = document.createElement('p');
      window.__p.textContent = line(0);
      document.getElementById('story').append(window.__p);
      window.__refs = () => window.__p.isConnected;
    };
    window.__update = (i) => { window.__p.textContent = line(i); };
  }, ['eight-point-rules', 'full-rigorous-party-self-governance']],
  ['a React-style renderer: text nodes kept by reference, .data written on rerender, a term across <em>', () => {
    // A tiny renderer in the manner of React's commitTextUpdate: it builds the nodes once,
    // remembers the last value it rendered into each, and writes nodeValue when that changes.
    const view = (i) => [`Render ${i}: the Two `, 'Upholds', ` and 两个维护 at a democratic life meeting${i % 2 ? ' (again)' : ''}.`];
    window.__expected = (i) => view(i).join('');
    window.__mount = () => {
      const p = document.createElement('p');
      const em = document.createElement('em');
      const nodes = view(0).map((t) => document.createTextNode(t));
      em.append(nodes[1]);
      p.append(nodes[0], em, nodes[2]);
      document.getElementById('story').append(p);
      const last = view(0);
      window.__rerender = (i) => view(i).forEach((t, k) => { if (last[k] !== t) { nodes[k].nodeValue = t; last[k] = t; } });
      window.__refs = () => nodes[0].parentNode === p && nodes[1].parentNode === em && nodes[2].parentNode === p && em.parentNode === p;
    };
    window.__update = (i) => window.__rerender(i);
  }, ['democratic-life-meeting', 'two-upholds', 'two-upholds']],
];

for (const [name, setup, terms] of HOSTS) {
  test(`live host text is neither duplicated nor lost: ${name}`, async () => {
    const { page: p, errors } = await page();
    await p.evaluate(setup);
    const r = await p.evaluate(async (n) => {
      window.__mount();
      const h = await window.tifaEmbed.highlight(document.getElementById('story'), { tooltips: false });
      window.__h = h;
      window.__n = n;
      // The host's timer: one write every 10 ms.
      await new Promise((done) => {
        let i = 0;
        const t = setInterval(() => { i += 1; window.__update(i); if (i === n) { clearInterval(t); done(); } }, 10);
      });
      return { expected: window.__expected(n) };
    }, UPDATES);
    // The embed's debounced pass has run once the last text is highlighted and counted.
    await settle(p, terms);
    Object.assign(r, await p.evaluate(() => ({ count: window.__h.count, marks: window.__h.marks, refs: window.__refs() })));
    const now = await p.evaluate(shown);
    const extra = now.text.length - r.expected.length;
    assert.equal(now.text, r.expected, `the page shows the host's last text (${extra} characters too many after ${UPDATES} updates)`);
    assert.ok(r.refs, "the host's node references are still in place");
    assert.deepEqual(now.terms, terms, 'the last text is highlighted');
    assert.equal(now.emptyMarks, 0, 'no empty marks');
    assert.equal(r.count, now.occurrences, 'the count is the number of occurrences on the page');
    assert.equal(r.marks, now.marks, 'the embed holds exactly the marks on the page (detached ones released)');
    assert.deepEqual(errors, []);
    // And unhighlight leaves exactly the host's text, in the host's nodes.
    const back = await p.evaluate(() => { window.tifaEmbed.unhighlight(document.getElementById('story')); return { text: document.getElementById('story').textContent, refs: window.__refs(), marks: document.querySelectorAll('mark').length }; });
    assert.deepEqual(back, { text: r.expected, refs: true, marks: 0 });
    await p.close();
  });
}

test('a host that removes its text node by reference takes away all of its text, and gets the node back whole', async () => {
  const { page: p } = await page();
  const r = { before: await p.evaluate(async () => {
    const text = 'Before: the Two Upholds, then 两个维护 and the eight-point regulation. After.';
    const para = document.createElement('p');
    const node = document.createTextNode(text);
    para.append('Kept. ', document.createElement('br'), node);
    document.getElementById('story').append(para);
    const h = await window.tifaEmbed.highlight(document.getElementById('story'), { tooltips: false });
    const before = h.count;
    node.remove(); // as React does when it unmounts a text node
    Object.assign(window, { __h: h, __node: node, __text: text, __para: para });
    return before;
  }) };
  await p.waitForFunction(() => window.__h.count === 0 && window.__h.marks === 0);
  Object.assign(r, await p.evaluate(() => ({ count: window.__h.count, marks: window.__h.marks,
    shown: window.__para.textContent, whole: window.__node.data === window.__text })));
  assert.equal(r.before, 3);
  assert.deepEqual({ count: r.count, marks: r.marks, shown: r.shown, whole: r.whole },
    { count: 0, marks: 0, shown: 'Kept. ', whole: true });
  await p.close();
});

test("a host write between the embed's slices of a long text node is not lost or duplicated", async () => {
  const { page: p } = await page();
  await p.evaluate(async () => {
    const unit = 'The Two Upholds and 两个维护 at the democratic life meeting. ';
    const node = document.createTextNode(unit.repeat(4000)); // ~200 KB: several slices
    const para = document.createElement('p'); para.append(node);
    document.getElementById('story').append(para);
    const done = window.tifaEmbed.highlight(document.getElementById('story'), { tooltips: false });
    // The host rewrites its node while the embed works through it: once the first slice's
    // marks are in (an observer's callback runs when that slice's task yields).
    await new Promise((ok) => {
      const mo = new MutationObserver(() => { if (para.querySelector('mark')) { mo.disconnect(); ok(); } });
      mo.observe(para, { childList: true, subtree: true });
    });
    node.data = 'Replaced: the Two Upholds.';
    window.__h = await done;
    window.__para = para; window.__node = node;
  });
  // The host's write is highlighted again after the embed's debounce: wait for its one term.
  await p.waitForFunction(() => window.__para.textContent === 'Replaced: the Two Upholds.'
    && window.__h.count === 1 && window.__para.querySelectorAll('mark[data-tifa-term]').length > 0);
  const r = await p.evaluate(() => ({ text: window.__para.textContent, count: window.__h.count, marks: window.__h.marks,
    ref: window.__node.parentNode === window.__para }));
  const now = await p.evaluate(shown);
  assert.equal(r.text, 'Replaced: the Two Upholds.');
  assert.ok(r.ref);
  assert.equal(r.count, now.occurrences);
  assert.equal(r.count, 1);
  assert.equal(r.marks, now.marks);
  await p.close();
});

// A host that has replaced appendChild / insertBefore with versions that throw on every second
// call: [name, patch before embed.js loads?].
const FLAKY = [
  ['patched before embed.js loaded (the embed captured the patched methods)', true],
  ['patched after embed.js loaded (the embed uses the methods it captured)', false],
];
/**
 * Replaces appendChild and insertBefore with versions that throw on every second call while
 * `window.__flaky` is set. Runs in the page (as an init script, or later).
 */
function flaky() {
  let calls = 0;
  for (const k of ['appendChild', 'insertBefore']) {
    const orig = Node.prototype[k];
    Node.prototype[k] = function (...a) {
      if (window.__flaky && (calls += 1) % 2 === 0) throw new Error(`host ${k} refused`);
      return orig.apply(this, a);
    };
  }
}

for (const [name, early] of FLAKY) {
  test(`appendChild/insertBefore that throw: no empty marks, a right count (${name})`, async () => {
    const { page: p } = await page(early ? flaky : undefined);
    if (!early) await p.evaluate(flaky);
    const r = await p.evaluate(async () => {
      const story = document.getElementById('story');
      for (let i = 0; i < 12; i++) {
        const para = document.createElement('p');
        para.append(`Paragraph ${i}: the Two `, Object.assign(document.createElement('em'), { textContent: 'Upholds' }),
          ' and 两个维护 at a democratic life meeting under the eight-point regulation.');
        story.append(para);
      }
      const text = story.textContent;
      window.__flaky = true;
      const h = await window.tifaEmbed.highlight(story, { tooltips: false, observe: false });
      window.__flaky = false;
      return { text, same: story.textContent === text, count: h.count, marks: h.marks };
    });
    const now = await p.evaluate(shown);
    assert.ok(r.same, 'the text is unchanged');
    assert.equal(now.emptyMarks, 0, 'no empty marks');
    assert.equal(r.count, now.occurrences, 'count = occurrences on the page');
    assert.equal(r.marks, now.marks, 'marks = marks on the page');
    if (!early) assert.equal(r.count, 12 * 4, 'a patch made after loading does not reach the embed');
    else assert.ok(r.count < 12 * 4, 'the throwing methods were really used');
    await p.close();
  });
}
