// Page benchmark: paste -> highlighted output for 100 KB and 1 MB of English and of Chinese text,
// against one big JS RegExp over the same forms (from the dictionary's entries) building the
// same highlights, in the same run; and the cold load, navigation -> first highlight, on
// localhost (a new tab of the same browser, then a fresh browser profile per run: a new user),
// split by phase (when the worker started, the wasm was ready, the match part arrived, the
// automaton was built, the sample text arrived, the analysis came back).
// Prints medians (and match counts, so the two sides can be compared).
//
//   node benches/page.mjs [runs=7] [--cold] [--before DIR]
//     --cold        only the cold loads
//     --before DIR  also load the page from DIR (an older www/, e.g. from `git archive`, with
//                   this build's pkg/, samples/ and vendor/ copied in), alternating run by run
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, normalize, extname } from 'node:path';
import { startServer, launch } from '../tests/browser/harness.mjs';
import { SAMPLES, SAMPLE_LIST } from '../tests/browser/page-helpers.mjs';

const args = process.argv.slice(2);
const COLD_ONLY = args.includes('--cold');
const beforeAt = args.indexOf('--before');
const BEFORE = beforeAt >= 0 ? args[beforeAt + 1] : null;
if (beforeAt >= 0 && !BEFORE) throw new Error('page.mjs: --before needs a directory (an older www/)');
const RUNS = Number(args.find((a, i) => /^[0-9]+$/.test(a) && args[i - 1] !== '--before') || 7);
const KB = 1024;
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (ms) => (ms == null || Number.isNaN(ms) ? '–' : ms.toFixed(0));
const summary = (xs) => `median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))}, ${xs.length} runs)`;
const samples = SAMPLE_LIST;
const read = (f) => readFile(join(SAMPLES, f), 'utf8');
const english = (await Promise.all(samples.filter((s) => s.party && !s.chinese).map((s) => read(s.file)))).join('\n\n');
const chinese = (await Promise.all(samples.filter((s) => s.party && s.chinese).map((s) => read(s.file)))).join('\n\n');
const to = (t, n) => (t.trimEnd() + '\n\n').repeat(Math.ceil(n / (t.length + 2))).slice(0, n);
// 100 KB and 1 MB, English and Chinese; the 1 MB texts get fewer runs (each is ten times longer).
const docs = [['100 KB English', to(english, 100 * KB), RUNS], ['100 KB Chinese', to(chinese, 100 * KB), RUNS],
  ['1 MB English', to(english, 1024 * KB), Math.max(3, Math.ceil(RUNS / 2))],
  ['1 MB Chinese', to(chinese, 1024 * KB), Math.max(3, Math.ceil(RUNS / 2))]];

/** The phases of a cold load, in the order they usually end: [key, label]. */
const PHASES = [['html', 'HTML'], ['boot', 'boot.js ran'], ['modules', 'page modules run'], ['worker', 'worker started'],
  ['wasm', 'wasm ready'], ['match', 'match part'], ['warmUp', 'warm-up'], ['built', 'automaton built'],
  ['text', 'sample text'], ['sent', 'analysis asked'], ['received', 'analysis back'], ['firstHighlight', 'first highlight']];

/**
 * One cold load of `url/index.html?sample=<sample>` in a new page of `browser`: when each phase
 * ended, in ms after navigation (the worker's marks moved onto the page's clock).
 */
async function coldLoad(browser, url, sample) {
  const p = await browser.newPage();
  try {
    await p.goto(`${url}/index.html?sample=${encodeURIComponent(sample)}`);
    await p.waitForFunction(() => performance.getEntriesByName('tifa-first-highlight').length > 0, null, { polling: 5, timeout: 120_000 });
    const page = await p.evaluate((file) => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      const text = performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/samples/${file}`));
      return { origin: performance.timeOrigin, html: nav.responseEnd, boot: at('tifa-boot'), modules: nav.domContentLoadedEventStart, text: text?.responseEnd,
        sent: at('tifa-analyze-sent'), received: at('tifa-analyze-received'), firstHighlight: at('tifa-first-highlight') };
    }, sample);
    const worker = p.workers().find((w) => /\/worker\.js(\?|$)/.test(w.url()));
    const marks = worker ? await worker.evaluate(() => ({ origin: performance.timeOrigin,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])) })) : { origin: 0, marks: {} };
    const shift = (name) => (name in marks.marks ? marks.origin + marks.marks[name] - page.origin : undefined);
    return { ...page, worker: shift('tifa-worker-start'), wasm: shift('tifa-engine-wasm') ?? shift('tifa-engine-module'), match: shift('tifa-engine-match'),
      warmUp: shift('tifa-engine-warm-up'), built: shift('tifa-engine-built') };
  } finally {
    await p.close();
  }
}

/** Serves `dir` as the test server serves www/ (no-store), for --before. */
async function serveDir(dir) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml' };
  const root = normalize(dir);
  if (!(await stat(join(root, 'index.html')).catch(() => null))) throw new Error(`page.mjs: --before ${dir} has no index.html`);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}

const server = await startServer();
const before = BEFORE ? await serveDir(BEFORE) : null;
const browser = await launch({ serviceWorkers: 'allow' });
try {
  console.log(`page benchmark: ${RUNS} runs each (1 MB: ${docs[2][2]}), medians (Chromium ${browser.context.browser()?.version() ?? ''}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  if (!COLD_ONLY) {
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
  }
  const sample = samples[0].file;
  const tab = [];
  for (let r = 0; r < RUNS; r++) tab.push(await coldLoad(browser, server.url, sample));
  console.log(`  cold load (navigation -> first highlight, localhost, a new tab of the same browser, ${sample}): ${summary(tab.map((x) => x.firstHighlight))}`);
  // As a new user: a fresh browser profile per run (no HTTP cache, no service worker, no
  // compiled code cached). With --before DIR, the same runs alternate with the page in DIR (an
  // older www/ with the same pkg/), served the same way: before and after in one run.
  const trees = [['this page', server.url]];
  if (before) trees.unshift(['before', before.url]);
  const fresh = new Map(trees.map(([name]) => [name, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [name, url] of trees) {
      const b = await launch({ serviceWorkers: 'allow' });
      try {
        fresh.get(name).push(await coldLoad(b, url, sample));
      } finally {
        await b.close();
      }
    }
  }
  for (const [name] of trees) {
    const runs = fresh.get(name);
    const ms = median(runs.map((x) => x.firstHighlight));
    console.log(`  cold load as a new user (fresh profile, ?sample=), ${name}: ${summary(runs.map((x) => x.firstHighlight))} | goal 300 ms, ratio ${(ms / 300).toFixed(2)}`);
    console.log(`    by phase (medians, ms after navigation): ${PHASES.map(([key, label]) => `${label} ${fmt(median(runs.map((x) => x[key])))}`).join(', ')}`);
  }
  if (before) {
    const [b, a] = trees.map(([name]) => median(fresh.get(name).map((x) => x.firstHighlight)));
    console.log(`  new user, this page / before: ${(a / b).toFixed(2)}`);
  }
  console.log(`  load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
  await server.close();
  await before?.close();
}
