// Page benchmark: paste -> highlighted output for 100 KB and 1 MB of English and of Chinese text,
// against one big JS RegExp over the same forms (from the dictionary's entries) building the
// same highlights, in the same run; and the cold load, navigation -> first highlight, on
// localhost (a new tab of the same browser, then a fresh browser profile per run: a new user).
// Prints medians (and match counts, so the two sides can be compared).
//
//   node benches/page.mjs [runs=7]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch } from '../tests/browser/harness.mjs';
import { SAMPLES, SAMPLE_LIST } from '../tests/browser/page-helpers.mjs';

const RUNS = Number(process.argv[2] || 7);
const KB = 1024;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const samples = SAMPLE_LIST;
const read = (f) => readFile(join(SAMPLES, f), 'utf8');
const english = (await Promise.all(samples.filter((s) => s.party && !s.chinese).map((s) => read(s.file)))).join('\n\n');
const chinese = (await Promise.all(samples.filter((s) => s.party && s.chinese).map((s) => read(s.file)))).join('\n\n');
const to = (t, n) => (t.trimEnd() + '\n\n').repeat(Math.ceil(n / (t.length + 2))).slice(0, n);
// 100 KB and 1 MB, English and Chinese; the 1 MB texts get fewer runs (each is ten times longer).
const docs = [['100 KB English', to(english, 100 * KB), RUNS], ['100 KB Chinese', to(chinese, 100 * KB), RUNS],
  ['1 MB English', to(english, 1024 * KB), Math.max(3, Math.ceil(RUNS / 2))],
  ['1 MB Chinese', to(chinese, 1024 * KB), Math.max(3, Math.ceil(RUNS / 2))]];

const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url + '/index.html');
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.entries.length > 0);
  await page.evaluate(() => window.tifaPage.cards()); // the baseline reads every form
  // The baseline: one RegExp (alternation, longest first; English case-insensitive on \b).
  await page.evaluate(() => {
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const han = /\p{Script=Han}/u;
    const forms = new Map();
    for (const e of window.tifaPage.entries) {
      for (const f of [e.zh, e.zh_hant, e.en, ...e.forms.map((x) => x.text)]) if (f && !forms.has(f.toLowerCase())) forms.set(f.toLowerCase(), e);
    }
    const list = [...forms.keys()].sort((a, b) => b.length - a.length);
    // One \b(?:…)\b group for English: a \b on each alternative makes V8 about 50 times slower.
    const re = new RegExp(`\\b(?:${list.filter((f) => !han.test(f)).map(esc).join('|')})\\b|`
      + list.filter((f) => han.test(f)).map(esc).join('|'), 'giu');
    window.__baseline = (text, out) => {
      const frag = document.createDocumentFragment();
      let at = 0; let n = 0;
      for (const m of text.matchAll(re)) {
        if (m.index > at) frag.append(document.createTextNode(text.slice(at, m.index)));
        const e = forms.get(m[0].toLowerCase());
        const mark = document.createElement('mark');
        mark.className = `tifa-term tifa-cat-${e?.category}`;
        mark.setAttribute('data-tifa-term', e?.id ?? '');
        mark.setAttribute('tabindex', '0');
        mark.textContent = m[0];
        frag.append(mark);
        at = m.index + m[0].length; n++;
      }
      frag.append(document.createTextNode(text.slice(at)));
      out.replaceChildren(frag);
      void out.offsetHeight;
      return n;
    };
    window.__forms = list.length;
  });
  console.log(`page benchmark: ${RUNS} runs each (1 MB: ${docs[2][2]}), medians (Chromium ${browser.context.browser()?.version() ?? ''})`);
  for (const [name, text, runs] of docs) {
    const tifa = []; const base = []; let tifaCount = 0; let baseCount = 0;
    for (let r = 0; r < runs + 1; r++) {
      await page.evaluate(() => window.tifaPage.load('', '<paste>'));
      const t = await page.evaluate(async (s) => {
        const t0 = performance.now();
        const n = await window.tifaPage.load(s, '<paste>');
        void document.getElementById('output').offsetHeight;
        return [performance.now() - t0, n];
      }, text);
      const b = await page.evaluate((s) => {
        const out = document.createElement('div');
        out.className = 'tifa-text';
        document.body.append(out);
        const t0 = performance.now();
        const n = window.__baseline(s, out);
        const ms = performance.now() - t0;
        out.remove();
        return [ms, n];
      }, text);
      if (r === 0) continue; // warm-up
      tifa.push(t[0]); base.push(b[0]); tifaCount = t[1]; baseCount = b[1];
    }
    console.log(`  ${name}: paste -> highlighted  tifa (worker + wasm + incremental DOM) ${median(tifa).toFixed(1)} ms, ${tifaCount} highlights` +
      ` | one JS RegExp over ${await page.evaluate(() => window.__forms)} forms (main thread) ${median(base).toFixed(1)} ms, ${baseCount} highlights` +
      ` | ratio ${(median(tifa) / median(base)).toFixed(2)}`);
  }
  await page.close();
  const cold = [];
  for (let r = 0; r < RUNS; r++) {
    const p = await browser.newPage();
    await p.goto(server.url + `/index.html?sample=${encodeURIComponent(samples[0].file)}`);
    const ms = await p.evaluate(() => new Promise((ok) => {
      const check = () => {
        const m = performance.getEntriesByName('tifa-first-highlight')[0];
        if (m) ok(m.startTime); else setTimeout(check, 5);
      };
      check();
    }));
    cold.push(ms);
    await p.close();
  }
  console.log(`  cold load (navigation -> first highlight, localhost, ${samples[0].file}): median ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);
  // As a new user: a fresh browser profile per run (no HTTP cache, no service worker).
  const fresh = [];
  for (let r = 0; r < RUNS; r++) {
    const b = await launch();
    try {
      const p = await b.newPage();
      await p.goto(server.url + `/index.html?sample=${encodeURIComponent(samples[0].file)}`);
      await p.waitForFunction(() => performance.getEntriesByName('tifa-first-highlight').length > 0, null, { polling: 5 });
      fresh.push(await p.evaluate(() => performance.getEntriesByName('tifa-first-highlight')[0].startTime));
    } finally {
      await b.close();
    }
  }
  console.log(`  cold load as a new user (fresh profile, ?sample=): median ${median(fresh).toFixed(0)} ms (min ${Math.min(...fresh).toFixed(0)}, max ${Math.max(...fresh).toFixed(0)}) | goal 300 ms, ratio ${(median(fresh) / 300).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
