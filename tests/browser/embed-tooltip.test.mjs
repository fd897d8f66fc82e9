// The shared tooltip (www/lib/tooltip.js + card.js) as the embed uses it: hover, focus, tap,
// Escape, pin, in-place navigation, one delegated listener, isolation from hostile CSS, bottom
// sheet, dark theme, axe-core. Headless Chromium via tests/browser/harness.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
before(s.start);
after(s.stop);

async function article(opts = {}) {
  const r = await open(s.ctx.browser, s.ctx.server, '/fixtures/article.html', {
    ...opts, waitFor: () => document.getElementById('shadow-host')?.shadowRoot,
  });
  await r.page.evaluate(async () => {
    window.tifaEmbed = await import('/embed.js');
    await window.tifaEmbed.highlight(document.getElementById('story'));
  });
  return r;
}

/** State of the tooltip: open?, role, text, panel box, which element has focus inside it. */
const tipState = (page) => page.evaluate(() => {
  const host = document.querySelector('[data-tifa-tooltip-host]');
  if (!host) return { open: false };
  const panel = host.shadowRoot.querySelector('.tifa-tip');
  const r = panel.getBoundingClientRect();
  const cs = getComputedStyle(panel);
  return {
    open: host.hasAttribute('data-open'), role: host.getAttribute('role'), id: host.id,
    text: panel.textContent, title: host.shadowRoot.querySelector('.tifa-card-title')?.textContent,
    box: { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) },
    display: getComputedStyle(host).display, bg: cs.backgroundColor, fontSize: cs.fontSize, sheet: panel.classList.contains('sheet'),
    focusInside: host.shadowRoot.activeElement ? host.shadowRoot.activeElement.textContent : null,
    described: document.activeElement?.getAttribute?.('aria-describedby') || null,
  };
});
/** Waits until the tooltip is open and positioned (visible), or closed. */
const waitOpen = (page, open = true) => page.waitForFunction((o) => {
  const h = document.querySelector('[data-tifa-tooltip-host]');
  if (!o) return !h || !h.hasAttribute('data-open');
  const p = h && h.hasAttribute('data-open') && h.shadowRoot.querySelector('.tifa-tip');
  return !!p && getComputedStyle(p).visibility === 'visible';
}, open);

test('hover opens the tooltip with the entry; moving into it keeps it open; leaving closes it', async () => {
  // A controlled clock: "stays open" is checked by running the page's timers past the close
  // delay at once, not by waiting.
  const { page } = await article({ clock: true });
  await page.hover('#p-plain mark');
  await waitOpen(page);
  const st = await tipState(page);
  assert.equal(st.role, 'tooltip');
  assert.match(st.title, /民主生活会/);
  assert.match(st.text, /meeting of criticism and self-criticism/);
  assert.ok(st.box.w > 100 && st.box.h > 50, `visible box ${JSON.stringify(st.box)}`);
  // The description is one short line, not the whole card (issue 11, item 10).
  const described = await page.evaluate(() => {
    const ids = document.querySelector('#p-plain mark').getAttribute('aria-describedby').split(' ');
    return ids.map((id) => document.getElementById(id)?.textContent);
  });
  assert.equal(described.length, 1, JSON.stringify(described));
  assert.match(described[0], /^.+ \(民主生活会\), Party building\. Press Enter for the explanation\.$/);
  assert.ok(described[0].length < 120, described[0]);
  // Into the tooltip: stays open.
  await page.mouse.move(st.box.x + 20, st.box.y + 20, { steps: 4 });
  await page.clock.runFor(1000); // any close timer the move armed fires now
  assert.equal((await tipState(page)).open, true, 'stays open while the pointer is in it');
  // Away from both: closes.
  await page.mouse.move(5, 5, { steps: 2 });
  await waitOpen(page, false);
  await page.close();
});

test('focus opens; Escape closes and keeps focus; Enter pins as a dialog and moves focus in', async () => {
  const { page } = await article();
  await page.focus('#p-inline mark');
  await waitOpen(page);
  let st = await tipState(page);
  assert.equal(st.role, 'tooltip');
  assert.match(st.text, /Two Upholds/);
  assert.equal(st.described, `${st.id}-description`);
  await page.keyboard.press('Escape');
  await waitOpen(page, false);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-tifa-term')), 'two-upholds', 'focus stays on the highlight');
  // Enter pins.
  await page.keyboard.press('Enter');
  await waitOpen(page);
  st = await tipState(page);
  assert.equal(st.role, 'dialog');
  assert.ok(st.focusInside, 'focus moved into the pinned tooltip');
  // Navigate to a related term with the keyboard, then back.
  const firstTitle = st.title;
  await page.keyboard.press('Enter'); // the focused related/nested button
  st = await tipState(page);
  assert.notEqual(st.title, firstTitle, 'a related term opened in place');
  assert.match(st.text, /Back/);
  await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('button[title^="Back"]').click());
  assert.equal((await tipState(page)).title, firstTitle, 'Back returns to the first entry');
  // Escape closes the pinned tooltip and returns focus to the highlight.
  await page.keyboard.press('Escape');
  await waitOpen(page, false);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-tifa-term')), 'two-upholds');
  await page.close();
});

test('tap (touch pointer) opens a pinned tooltip; a tap outside closes it', async () => {
  const { page } = await article();
  await page.evaluate(() => {
    const m = document.querySelector('#p-plain mark');
    const r = m.getBoundingClientRect();
    const o = { bubbles: true, composed: true, pointerType: 'touch', clientX: r.x + 3, clientY: r.y + 3, isPrimary: true };
    m.dispatchEvent(new PointerEvent('pointerdown', o));
    m.dispatchEvent(new PointerEvent('pointerup', o));
    m.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: o.clientX, clientY: o.clientY }));
  });
  await waitOpen(page);
  assert.equal((await tipState(page)).role, 'dialog');
  await page.evaluate(() => document.querySelector('footer').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' })));
  await waitOpen(page, false);
  await page.close();
});

test('one delegated listener: no listener on any highlight', async () => {
  const { page } = await article();
  const cdp = await page.context().newCDPSession(page);
  const { result: marks } = await cdp.send('Runtime.evaluate', { expression: "document.querySelectorAll('#story mark')" });
  const { result: list } = await cdp.send('Runtime.callFunctionOn', {
    objectId: marks.objectId, functionDeclaration: 'function () { return [...this]; }', returnByValue: false,
  });
  const { result: props } = await cdp.send('Runtime.getProperties', { objectId: list.objectId, ownProperties: true });
  const items = props.filter((p) => /^\d+$/.test(p.name));
  assert.ok(items.length > 10);
  let listeners = 0;
  for (const p of items) listeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: p.value.objectId })).listeners.length;
  assert.equal(listeners, 0, 'highlights carry no listeners of their own');
  const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const docTypes = (await cdp.send('DOMDebugger.getEventListeners', { objectId: doc.objectId })).listeners.map((l) => l.type);
  for (const t of ['pointerover', 'focusin', 'click', 'keydown']) assert.ok(docTypes.includes(t), `document has a ${t} listener`);
  await page.close();
});

// The tooltip code arrives after the first highlight: a pointer that came to rest on a term
// before it did (no pointerover follows) still opens that term's tooltip once it arrives.
test('a term under a resting pointer opens when the tooltip code arrives after the hover', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/hostile.html', {
    routes: { '**/lib/tooltip.js': async (route) => { await held; await route.continue(); } },
    waitFor: () => document.querySelector('#story [data-tifa-term]'),
  });
  await page.hover('#first mark');
  assert.equal(await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host][data-open]')), null, 'no tooltip before its code');
  release();
  await waitOpen(page);
  await page.close();
});

test('hostile CSS: the tooltip is visible on top and styled; the site element named like tifa is not restyled', async () => {
  const { page, warnings, errors } = await open(s.ctx.browser, s.ctx.server, '/fixtures/hostile.html', {
    waitFor: () => document.querySelector('#story [data-tifa-term]'),
  });
  const decoyBefore = await page.evaluate(() => { const cs = getComputedStyle(document.getElementById('decoy')); return [cs.color, cs.fontSize]; });
  await page.hover('#first mark');
  await waitOpen(page);
  const st = await tipState(page);
  assert.equal(st.display, 'block', 'the host beats [role=tooltip]{display:none!important}');
  assert.ok(st.box.w > 100 && st.box.h > 50, `panel has a box ${JSON.stringify(st.box)}`);
  assert.equal(st.fontSize, '14px', 'the site *{all:unset} and div{font-size} do not reach inside');
  assert.notEqual(st.bg, 'rgba(0, 0, 0, 0)');
  const onTop = await page.evaluate(({ x, y, w, h }) => {
    const el = document.elementFromPoint(x + w / 2, y + Math.min(h / 2, 40));
    return el === document.querySelector('[data-tifa-tooltip-host]');
  }, st.box);
  assert.ok(onTop, 'elementFromPoint at the panel finds the tooltip (not clipped, not under the page)');
  const inView = await page.evaluate(({ x, y, w }) => x >= 0 && y >= 0 && x + w <= innerWidth, st.box);
  assert.ok(inView, 'inside the viewport');
  const decoyAfter = await page.evaluate(() => { const cs = getComputedStyle(document.getElementById('decoy')); return [cs.color, cs.fontSize]; });
  assert.deepEqual(decoyAfter, decoyBefore);
  assert.deepEqual(decoyAfter, ['rgb(1, 2, 3)', '13px']);
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('under 600px the tooltip is a bottom sheet', async () => {
  const { page } = await article({ viewport: { width: 400, height: 700 } });
  await page.focus('#p-plain mark');
  await waitOpen(page);
  const st = await tipState(page);
  assert.equal(st.sheet, true);
  assert.equal(st.box.x, 0);
  assert.equal(st.box.w, 400);
  assert.equal(st.box.y + st.box.h, 700);
  await page.close();
});

/** Scrolls the plain paragraph's term 700 px down a tall page and opens its card with focus. */
async function openLowTerm(page) {
  await page.addStyleTag({ content: 'body { padding-bottom: 1200px; }' });
  await page.evaluate(() => {
    const m = document.querySelector('#p-plain mark');
    window.scrollTo(0, m.getBoundingClientRect().top + window.scrollY - 700);
  });
  await page.focus('#p-plain mark');
  await waitOpen(page);
}

/** The term's and the sheet's boxes (viewport px): the term must be on screen and above the sheet. */
const termAndSheet = (page) => page.evaluate(() => {
  const m = document.querySelector('#p-plain mark').getBoundingClientRect();
  const p = document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('.tifa-tip').getBoundingClientRect();
  return { markTop: m.top, markBottom: m.bottom, sheetTop: p.top };
});

// Issue 11, item 3: on a phone, a term in the lower part of the screen disappeared under its
// own bottom sheet.
test('on a 390x844 touch screen the tapped term stays visible above its sheet', async () => {
  const { page } = await article({ viewport: { width: 390, height: 844 } });
  await openLowTerm(page);
  const got = await termAndSheet(page);
  assert.ok(got.markTop >= 0 && got.markBottom <= got.sheetTop, JSON.stringify(got));
  await page.close();
});

// The card part arrives after the sheet opened (the embed fetches it when the page is idle): the
// whole card is taller, the sheet grows upward, and the term must still be above it.
test('on a 390x844 touch screen the term stays above its sheet when the card part arrives after it opened', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page } = await article({
    viewport: { width: 390, height: 844 },
    routes: { '**/pkg/tifa.cards.bin': async (route) => { await held; await route.continue(); } },
  });
  await openLowTerm(page);
  const before = (await termAndSheet(page)).sheetTop;
  release();
  // The card is drawn again with its explanation: the sheet's top moves up.
  await page.waitForFunction((t) => document.querySelector('[data-tifa-tooltip-host]').shadowRoot
    .querySelector('.tifa-tip').getBoundingClientRect().top < t - 1, before);
  const got = await termAndSheet(page);
  assert.ok(got.markTop >= 0 && got.markBottom <= got.sheetTop, JSON.stringify(got));
  await page.close();
});

// Issue 11, item 8: `auto` followed the operating system, so a light news page in a dark OS got
// dark cards. It follows the background under the highlight now; explicit themes still win.
test('themes: auto follows the page\'s background, explicit dark and light win', async () => {
  const cases = [
    // [name, OS colour scheme, page background (none: the fixture's white), theme option, tooltip background]
    ['auto, light page, light OS', 'light', null, undefined, 'rgb(255, 254, 249)'],
    ['auto, light page, dark OS', 'dark', null, undefined, 'rgb(255, 254, 249)'],
    ['auto, dark page, light OS', 'light', '#15161a', undefined, 'rgb(30, 31, 36)'],
    ['auto, dark page, dark OS', 'dark', '#15161a', undefined, 'rgb(30, 31, 36)'],
    ['dark theme, light page', 'light', null, 'dark', 'rgb(30, 31, 36)'],
    ['light theme, dark page', 'dark', '#15161a', 'light', 'rgb(255, 254, 249)'],
  ];
  for (const [name, colorScheme, pageBg, theme, bg] of cases) {
    const { page } = await open(s.ctx.browser, s.ctx.server, '/fixtures/article.html', { colorScheme });
    if (pageBg) await page.addStyleTag({ content: `body { background: ${pageBg}; color: #eee; }` });
    await page.evaluate(async (t) => {
      const m = await import('/embed.js');
      await m.highlight(document.getElementById('story'), t ? { theme: t } : {});
    }, theme);
    await page.focus('#p-plain mark');
    await waitOpen(page);
    assert.equal((await tipState(page)).bg, bg, name);
    await page.close();
  }
});

test('card: renderCard describes the matched form (table)', async () => {
  const { page } = await article();
  const cases = [
    ['machine translation', 'two-upholds', { form: 'two maintenances', kind: 'mt' },
      "'two maintenances' is a machine-translation rendering of 两个维护 (official: Two Upholds)."],
    ['the official English: no note', 'two-upholds', { form: 'Two Upholds', kind: 'official' }, null],
    ['the Chinese: no note', 'two-upholds', { form: '两个维护', kind: 'official' }, null],
  ];
  for (const [name, id, match, want] of cases) {
    const got = await page.evaluate(async ([i, m]) => {
      const { renderCard } = await import('/lib/card.js');
      const { loadTifa, loadCards } = await import('/lib/engine.js');
      const t = await loadCards(await loadTifa());
      const card = renderCard(document, t.entry(i), { nested: [], ...m }, { getEntry: (x) => t.entry(x), onNavigate: () => {} });
      return { form: card.querySelector('.tifa-card-form')?.textContent ?? null, text: card.textContent, buttons: card.querySelectorAll('button').length };
    }, [id, match]);
    assert.equal(got.form, want, name);
    assert.match(got.text, /两个维护/);
    assert.ok(got.buttons > 0, `${name}: related terms are buttons`);
  }
  await page.close();
});

test('axe-core: no serious or critical violations with a tooltip open and pinned', async () => {
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const { page } = await article();
  await page.addScriptTag({ content: axe });
  for (const state of ['plain', 'pinned']) {
    await page.focus('#p-plain mark');
    if (state === 'pinned') await page.keyboard.press('Enter');
    await waitOpen(page);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, [], state);
    await page.keyboard.press('Escape');
    await waitOpen(page, false);
  }
  await page.close();
});

// Issue 11, item 1: a transformed (or filtered, contained…) <body> or <html> becomes the
// containing block of position:fixed descendants, and the tooltip landed off screen (a mark at
// y=339 had its tooltip at y=-816). The tooltip lives in the top layer (a popover) now.
/** (name, host CSS) */
const CONTAINING_BLOCKS = [
  ['body transform', 'body { transform: translateZ(0); }'],
  ['html transform', 'html { transform: translateX(0); }'],
  ['body filter', 'body { filter: saturate(1.01); }'],
  ['body will-change', 'body { will-change: transform; }'],
  ['body contain', 'body { contain: paint; }'],
];
for (const [name, css] of CONTAINING_BLOCKS) {
  test(`the tooltip sits under its highlight when the host page has ${name}, scrolled`, async () => {
    const { page } = await article();
    await page.addStyleTag({ content: `${css} body { min-height: 3000px; }` });
    await page.evaluate(() => {
      const m = document.querySelector('#p-plain mark');
      window.scrollTo(0, Math.max(0, m.getBoundingClientRect().top + window.scrollY - 300));
    });
    await page.hover('#p-plain mark');
    await waitOpen(page);
    const mark = await page.evaluate(() => {
      const r = document.querySelector('#p-plain mark').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const st = await tipState(page);
    const viewport = page.viewportSize();
    assert.ok(st.box.y >= 0 && st.box.y + 20 <= viewport.height, `${name}: tooltip at y=${st.box.y}, viewport ${viewport.height}`);
    const near = Math.abs(st.box.y - mark.bottom) < 30 || Math.abs(st.box.y + st.box.h - mark.top) < 30;
    assert.ok(near, `${name}: tooltip ${JSON.stringify(st.box)} not next to the mark ${JSON.stringify(mark)}`);
    await page.close();
  });
}
