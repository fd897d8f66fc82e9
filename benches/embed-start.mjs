// The embed's first highlight in headless Chromium, from a cold browser: the engine scoped to
// the article's text (as shipped) against the whole engine, and the scoped one with and without
// the warm-up build (www/lib/engine.js: `Tifa.warmUp` before the real build).
//
//   node benches/embed-start.mjs [--runs N] [--modes scoped,scoped-warm,whole] [--files a.txt,b.txt]
//     --files: one article of these files of tests/samples/ instead of the English and the Chinese one
//
// Each run is a fresh Chromium (a new profile: no HTTP or code cache), one page, the article made
// from the shipped samples (English: tests/samples/official-en, mt-en, news-prose, ~35 KB;
// Chinese: zh-mixed, zh-prose), one <p> per paragraph. It times from the embed's import to the
// first <mark data-tifa-term> in the article (a MutationObserver) and to the end of
// `highlight()`, and sums the main thread's tasks until `highlight()` resolves (Chrome trace,
// RunTask). The
// modes interleave run by run, so a change of the machine's load falls on all of them.
// The other modes come from the same tree: the bench rewrites the served source (page.route),
// `whole`: embed.js without the scope option; `scoped-warm`: engine.js's scoped build preceded by
// the warm-up as the whole build does it. It is also a correctness check: every mode must
// highlight as many occurrences as the whole engine (exit code 1 otherwise).
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, WWW, ROOT } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', 7));
const MODES = opt('--modes', 'scoped,scoped-warm,whole').split(',');
const ARTICLES = args.includes('--files') ? { [opt('--files')]: opt('--files').split(',') } : {
  English: ['official-en.txt', 'mt-en.txt', 'news-prose.txt'],
  Chinese: ['zh-mixed.txt', 'zh-prose.txt'],
};
const median = (xs) => { const a = [...xs].sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };

/** Replaces `from` by `to` in `src`, failing loudly when the source no longer has `from`. */
function rewrite(src, from, to, file) {
  if (!src.includes(from)) throw new Error(`benches/embed-start.mjs: ${file} no longer contains ${JSON.stringify(from)}; update the bench`);
  return src.replace(from, to);
}

const REWRITES = {
  scoped: {},
  'scoped-warm': {
    '/lib/engine.js': ['const t = mod.Tifa.fromCompiledFor(bytes, scope);',
      'mod.Tifa.warmUp(bytes, WARM_UP_ENTRIES); await new Promise((resolve) => setTimeout(resolve, 0)); const t = mod.Tifa.fromCompiledFor(bytes, scope);'],
  },
  whole: {
    '/embed.js': ['...(scope === null ? {} : { scope })', '...{}'],
  },
};

async function paragraphs(files) {
  const out = [];
  for (const f of files) {
    const txt = await readFile(join(ROOT, 'tests', 'samples', f), 'utf8');
    out.push(...txt.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
  }
  return out;
}

function taskMs(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => !main || (e.pid === main.pid && e.tid === main.tid);
  return events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e)).reduce((n, e) => n + (e.dur || 0) / 1000, 0);
}

async function oneRun(server, mode, paras) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const [path, [from, to]] of Object.entries(REWRITES[mode])) {
      const src = await readFile(join(WWW, path), 'utf8');
      const body = rewrite(src, from, to, path);
      await page.route(`${server.url}${path}`, (route) => route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' }));
    }
    await page.goto(`${server.url}/fixtures/bench.html`);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const r = await page.evaluate(async (paras) => {
      const story = document.getElementById('story');
      for (const p of paras) story.appendChild(document.createElement('p')).textContent = p;
      let first = null;
      const observer = new MutationObserver(() => {
        if (first == null && story.querySelector('[data-tifa-term]')) first = performance.now();
      });
      observer.observe(story, { childList: true, subtree: true });
      const t0 = performance.now();
      const embed = await import('/embed.js');
      const h = await embed.highlight(story, { observe: false });
      const done = performance.now();
      observer.disconnect();
      return { firstMs: first - t0, doneMs: done - t0, count: h.count, chars: story.textContent.length };
    }, paras);
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
    return { ...r, taskMs: taskMs(events) };
  } finally {
    await browser.close();
  }
}

async function main() {
  const server = await startServer();
  let ok = true;
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${RUNS} runs per mode, fresh Chromium each`);
  try {
    for (const [lang, files] of Object.entries(ARTICLES)) {
      const paras = await paragraphs(files);
      const res = Object.fromEntries(MODES.map((m) => [m, []]));
      for (let run = 0; run < RUNS; run++) {
        for (const mode of MODES) {
          const r = await oneRun(server, mode, paras);
          res[mode].push(r);
          process.stderr.write(`  ${lang} run ${run + 1} ${mode}: first ${r.firstMs.toFixed(0)} ms, done ${r.doneMs.toFixed(0)} ms, tasks ${r.taskMs.toFixed(0)} ms, ${r.count} occurrences\n`);
        }
      }
      const counts = new Set(MODES.flatMap((m) => res[m].map((r) => r.count)));
      if (counts.size !== 1) { ok = false; console.error(`MISMATCH ${lang}: occurrence counts ${[...counts].join(', ')}`); }
      for (const mode of MODES) {
        const rs = res[mode];
        const f = (k) => median(rs.map((r) => r[k])).toFixed(0);
        const all = rs.map((r) => r.firstMs.toFixed(0)).join(' ');
        console.log(`${lang} (${rs[0].chars} chars, ${rs[0].count} occurrences) ${mode.padEnd(12)} first highlight ${f('firstMs')} ms, highlight done ${f('doneMs')} ms, main-thread tasks ${f('taskMs')} ms (medians; first: ${all})`);
      }
    }
  } finally {
    console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    await server.close();
  }
  if (!ok) process.exit(1);
}

main().catch((err) => { console.error(err); process.exit(1); });
