// Page benchmark: paste -> highlighted output for 100 KB and 1 MB of English and of Chinese text,
// against one big JS RegExp over the same forms (from the dictionary's entries) building the
// same highlights, in the same run; and the cold load, navigation -> first highlight, on
// localhost (a new tab of the same browser, then a fresh browser profile per run: a new user),
// split by phase (when the worker started, the wasm was ready, the match part arrived, the
// automaton was built, the sample text arrived, the analysis came back).
// Prints medians (and match counts, so the two sides can be compared).
//
//   node benches/page.mjs [runs=7] [--cold] [--before DIR] [--breakdown]
//     --cold        only the cold loads
//     --before DIR  also load the page from DIR (an older www/, e.g. from `git archive`, with
//                   this build's pkg/, samples/ and vendor/ copied in), alternating run by run
//     --breakdown   where the new user's cold load goes, as medians: the fetches (Resource
//                   Timing, on the page and in the worker), the worker's steps (its module run,
//                   the engine's glue imported and the wasm instantiated, the wasm, the match
//                   parts and the sample handed over, the build), the build's stages inside the
//                   wasm (`Tifa.timings()`: reading the parts, of which the templates; choosing the
//                   forms, of which their expansion and the automaton), the first analysis in the
//                   worker, its way back and the first render. It serves target/timing-pkg/
//                   (`benches/timing-pkg.sh page`: the page's wasm with the feature `timing`) in
//                   place of pkg/tifa.js and pkg/tifa_bg.wasm for this page (not for --before).
// Every cold run also loads a plain page that loads nothing (tests/browser/fixtures/plain.html) in
// a fresh browser of its own: the time until its one inline module script runs is the baseline
// the first highlight is divided by (a fresh Chromium's own start, under the machine's load).
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, normalize, extname } from 'node:path';
import { startServer, launch, WWW, ROOT } from '../tests/browser/harness.mjs';
import { SAMPLES, SAMPLE_LIST, withCards } from '../tests/browser/page-helpers.mjs';

const args = process.argv.slice(2);
const COLD_ONLY = args.includes('--cold');
const beforeAt = args.indexOf('--before');
const BEFORE = beforeAt >= 0 ? args[beforeAt + 1] : null;
if (beforeAt >= 0 && !BEFORE) throw new Error('page.mjs: --before needs a directory (an older www/)');
const RUNS = Number(args.find((a, i) => /^[0-9]+$/.test(a) && args[i - 1] !== '--before') || 7);
const BREAKDOWN = args.includes('--breakdown');
const TIMING_PKG = join(ROOT, 'target', 'timing-pkg');
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
 * --breakdown: [key, label], ms after navigation ("at") or a span's length ("took"), printed in
 * this order. Fetch ends are Resource Timing's responseEnd (on the page: boot.js's wasm, match
 * parts and sample; in the worker: its modules and the glue).
 */
const BREAKDOWN_ROWS = [
  ['html', 'at: HTML received'],
  ['boot', 'at: boot.js ran (worker, wasm, parts and sample asked for)'],
  ['fetch:sample', 'at: sample text fetched (page)'],
  ['fetch:wasm', 'at: tifa_bg.wasm fetched (page; compiled as it streams)'],
  ['fetch:match', 'at: match parts fetched (page; last of three)'],
  ['fetch:worker-js', 'at: worker.js and lib/engine.js fetched (worker)'],
  ['worker', 'at: worker module ran'],
  ['wasm', 'at: compiled wasm handed to the worker'],
  ['match', 'at: match parts handed to the worker'],
  ['scope', 'at: sample text handed to the worker'],
  ['fetch:glue', 'at: pkg/tifa.js fetched (worker)'],
  ['module', 'at: glue imported, wasm instantiated (worker)'],
  ['built', 'at: engine built (worker)'],
  ['took:build', 'took: build (built - the last of module, match parts, sample)'],
  ['stage:read', 'took:   reading the match parts (`read`)'],
  ['stage:templates', 'took:     of which the templates'],
  ['stage:patterns', 'took:   choosing the forms, building the automaton (`patterns`)'],
  ['stage:expand', 'took:     of which expanding templates the scope keeps'],
  ['stage:automaton', 'took:     of which the automaton'],
  ['modules', 'at: page modules ran (DOMContentLoaded)'],
  ['sent', 'at: analysis asked (page)'],
  ['analyzeStart', 'at: analysis started (worker)'],
  ['analyzeEnd', 'at: analysis done (worker)'],
  ['took:analysis', 'took: first analysis (worker: highlight + rows packed)'],
  ['received', 'at: analysis back (page)'],
  ['firstHighlight', 'at: first highlight'],
  ['took:render', 'took: analysis back -> first highlight (report, first marks)'],
];

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
      const resources = performance.getEntriesByType('resource');
      const text = resources.find((e) => e.name.endsWith(`/samples/${file}`));
      const ended = (re) => Math.max(...resources.filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.responseEnd));
      return { origin: performance.timeOrigin, html: nav.responseEnd, boot: at('tifa-boot'), modules: nav.domContentLoadedEventStart, text: text?.responseEnd,
        sent: at('tifa-analyze-sent'), received: at('tifa-analyze-received'), firstHighlight: at('tifa-first-highlight'),
        'fetch:sample': text?.responseEnd, 'fetch:wasm': ended(/\/pkg\/tifa_bg\.wasm$/), 'fetch:match': ended(/\/pkg\/tifa\.match[\w.]*\.bin$/) };
    }, sample);
    const worker = p.workers().find((w) => /\/worker\.js(\?|$)/.test(w.url()));
    const marks = worker ? await worker.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const ended = (re) => Math.max(...resources.filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.responseEnd));
      return { origin: performance.timeOrigin, stages: self.tifaStages || '',
        marks: { ...Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
          'fetch:glue': ended(/\/pkg\/tifa\.js$/), 'fetch:worker-js': ended(/\/(app\/worker|lib\/engine)\.js$/) } };
    }) : { origin: 0, marks: {}, stages: '' };
    const shift = (name) => (name in marks.marks && Number.isFinite(marks.marks[name]) ? marks.origin + marks.marks[name] - page.origin : undefined);
    const out = { ...page, worker: shift('tifa-worker-start'), wasm: shift('tifa-engine-wasm'), match: shift('tifa-engine-match'),
      scope: shift('tifa-engine-scope'), module: shift('tifa-engine-module'), warmUp: shift('tifa-engine-warm-up'), built: shift('tifa-engine-built'),
      scoped: 'tifa-engine-scoped' in marks.marks,
      analyzeStart: shift('tifa-analyze-start'), analyzeEnd: shift('tifa-analyze-end'), 'fetch:glue': shift('fetch:glue'), 'fetch:worker-js': shift('fetch:worker-js') };
    out['took:build'] = out.built - Math.max(out.module ?? 0, out.match ?? 0, out.scope ?? 0);
    out['took:analysis'] = out.analyzeEnd - out.analyzeStart;
    out['took:render'] = out.firstHighlight - out.received;
    for (const line of marks.stages.split('\n').filter(Boolean)) {
      const [name, ms] = line.split(' ');
      out[`stage:${name}`] = Number(ms);
    }
    return out;
  } finally {
    await p.close();
  }
}

/** A plain page that loads nothing, cold: when its one inline module script ran, after navigation. */
async function plainLoad(browser, url) {
  const p = await browser.newPage();
  try {
    await p.goto(`${url}/fixtures/plain.html`);
    await p.waitForFunction(() => performance.getEntriesByName('plain-ran').length > 0, null, { polling: 5, timeout: 60_000 });
    return await p.evaluate(() => ({ firstHighlight: performance.getEntriesByName('plain-ran')[0].startTime }));
  } finally {
    await p.close();
  }
}

/**
 * Serves `dir` as the test server serves www/ (no-store), for --before; `files` maps a path
 * (`/pkg/tifa.js`) to a file served in its place (--breakdown).
 */
async function serveDir(dir, files = {}) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml' };
  const root = normalize(dir);
  if (!(await stat(join(root, 'index.html')).catch(() => null))) throw new Error(`page.mjs: --before ${dir} has no index.html`);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = files[path] || normalize(join(root, path === '/' ? 'index.html' : path));
    if (!files[path] && !file.startsWith(root)) { res.writeHead(403).end(); return; }
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
// --breakdown: this page with the timing build of its wasm (benches/timing-pkg.sh page).
let timed = null;
if (BREAKDOWN) {
  const files = { '/pkg/tifa.js': join(TIMING_PKG, 'tifa.js'), '/pkg/tifa_bg.wasm': join(TIMING_PKG, 'tifa_bg.wasm') };
  for (const f of Object.values(files)) if (!(await stat(f).catch(() => null))) throw new Error(`page.mjs --breakdown: ${f} is missing: run benches/timing-pkg.sh page`);
  timed = await serveDir(WWW, files);
}
const browser = await launch({ serviceWorkers: 'allow' });
try {
  console.log(`page benchmark: ${RUNS} runs each (1 MB: ${docs[2][2]}), medians (Chromium ${browser.context.browser()?.version() ?? ''}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  if (!COLD_ONLY) {
    const page = await browser.newPage();
    await page.goto(server.url + '/index.html');
    await page.waitForFunction(() => window.tifaPage && window.tifaPage.entries.length > 0);
    await withCards(page); // the baseline reads every form
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
  const trees = [['this page', timed ? timed.url : server.url]];
  if (before) trees.unshift(['before', before.url]);
  trees.push(['plain page (baseline)', server.url]);
  const fresh = new Map(trees.map(([name]) => [name, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [name, url] of trees) {
      const b = await launch({ serviceWorkers: 'allow' });
      try {
        fresh.get(name).push(await (name.startsWith('plain') ? plainLoad(b, url) : coldLoad(b, url, sample)));
      } finally {
        await b.close();
      }
    }
  }
  const plain = median(fresh.get('plain page (baseline)').map((x) => x.firstHighlight));
  console.log(`  baseline: a plain page (one inline module script, nothing loaded) in a fresh profile, its script ran: ${summary(fresh.get('plain page (baseline)').map((x) => x.firstHighlight))}`);
  for (const [name] of trees.filter(([n]) => !n.startsWith('plain'))) {
    const runs = fresh.get(name);
    const ms = median(runs.map((x) => x.firstHighlight));
    console.log(`  cold load as a new user (fresh profile, ?sample=), ${name}: ${summary(runs.map((x) => x.firstHighlight))} | goal 300 ms, ratio ${(ms / 300).toFixed(2)} | / plain page ${(ms / plain).toFixed(2)}`);
    console.log(`    first engine scoped to the sample in ${runs.filter((x) => x.scoped).length} of ${runs.length} runs (else the whole engine)`);
    console.log(`    by phase (medians, ms after navigation): ${PHASES.map(([key, label]) => `${label} ${fmt(median(runs.map((x) => x[key])))}`).join(', ')}`);
    if (BREAKDOWN) {
      for (const [key, label] of BREAKDOWN_ROWS) {
        const xs = runs.map((x) => x[key]).filter((x) => x != null && Number.isFinite(x));
        if (xs.length) console.log(`      ${label.padEnd(72)} ${fmt(median(xs))} ms`);
      }
    }
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
  await timed?.close();
}
