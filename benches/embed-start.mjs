// The embed's first highlight in headless Chromium, from a cold browser: the engine scoped to
// the article's text (as shipped) against the whole engine, and the scoped one with and without
// the warm-up build (www/lib/engine.js: `Tifa.warmUp` before the real build).
//
//   node benches/embed-start.mjs [--runs N] [--modes scoped,scoped-warm,whole] [--files a.txt,b.txt] [--breakdown]
//     --files: one article of these files of tests/samples/ instead of the English and the Chinese one
//     --before DIR: one more mode, `before`: the shipped (scoped) embed with pkg/tifa_embed.js and
//       pkg/tifa_embed_bg.wasm served from DIR (a copy of them made before a change of the wasm),
//       and DIR/engine.js, if there is one, as lib/engine.js, and the dictionary's parts
//       (tifa.match*.bin, tifa.cards.bin) from DIR when it has them
//     --breakdown: where the time of each mode goes, as medians from the embed's import: the
//       fetches (Resource Timing), the import of pkg/tifa_embed.js, the wasm's compile and
//       instantiation, the build (`fromCompiledFor` / `fromCompiled`) and its stages inside the
//       wasm (`Tifa.timings()`: reading the match parts, of which the templates' expansion;
//       choosing the forms, of which the automaton's build), the engine's calls while
//       highlighting (`rows`, `documentVouches`) and the rest (walking and writing the DOM). It
//       serves target/timing-pkg/ (built by benches/timing-pkg.sh: the embed's wasm with the
//       feature `timing`) in place of pkg/tifa_embed*, and marks the served JS (page.route).
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
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, WWW, ROOT } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', 7));
const BEFORE = opt('--before', null);
const MODES = [...opt('--modes', 'scoped,scoped-warm,whole').split(','), ...(BEFORE ? ['before'] : [])];
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
  before: {},
  'scoped-warm': {
    '/lib/engine.js': ['const t = mod.Tifa.fromCompiledFor(bytes, scope);',
      'mod.Tifa.warmUp(bytes, WARM_UP_ENTRIES); await new Promise((resolve) => setTimeout(resolve, 0)); const t = mod.Tifa.fromCompiledFor(bytes, scope);'],
  },
  whole: {
    '/embed.js': ['...(scope === null ? {} : { scope })', '...{}'],
  },
};

const BREAKDOWN = args.includes('--breakdown');
const TIMING_PKG = join(ROOT, 'target', 'timing-pkg');
// --breakdown: performance.now() marks in globalThis.__t, applied after the mode's rewrites.
const MARK = (k) => `(globalThis.__t ||= {}).${k} = performance.now();`;
const WRAP_CALLS = "for (const k of ['rows', 'documentVouches']) { const f = t[k]; t[k] = (...a) => { const s = performance.now(); try { return f.apply(t, a); } finally { globalThis.__t[k] = (globalThis.__t[k] || 0) + performance.now() - s; } }; }";
const BREAKDOWN_REWRITES = {
  '/embed.js': [['const builtin = () => loadTifa({', `const builtin = () => (${MARK('loadStart').slice(0, -1)}, loadTifa)({`]],
  '/lib/engine.js': [
    ['mod = await import(jsUrl);', `${MARK('importStart')} mod = await import(jsUrl); ${MARK('imported')}`],
    ['await mod.default({ module_or_path: source });', `${MARK('wasmStart')} await mod.default({ module_or_path: source }); ${MARK('instantiated')}`],
    ['const t = mod.Tifa.fromCompiledFor(bytes, scope);', `mod.Tifa.timings?.(); ${MARK('buildStart')} const t = mod.Tifa.fromCompiledFor(bytes, scope); ${MARK('built')} globalThis.__t.stages = mod.Tifa.timings?.(); ${WRAP_CALLS}`],
    ['const t = mod.Tifa.fromCompiled(bytes);', `mod.Tifa.timings?.(); ${MARK('buildStart')} const t = mod.Tifa.fromCompiled(bytes); ${MARK('built')} globalThis.__t.stages = mod.Tifa.timings?.(); ${WRAP_CALLS}`],
  ],
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
    // `before`: DIR/engine.js, when there is one, in place of lib/engine.js.
    const own = mode === 'before' && existsSync(join(BEFORE, 'engine.js')) ? { '/lib/engine.js': join(BEFORE, 'engine.js') } : {};
    const paths = new Set([...Object.keys(REWRITES[mode]), ...Object.keys(own), ...(BREAKDOWN ? Object.keys(BREAKDOWN_REWRITES) : [])]);
    for (const path of paths) {
      let body = await readFile(own[path] || join(WWW, path), 'utf8');
      if (REWRITES[mode][path]) body = rewrite(body, ...REWRITES[mode][path], path);
      for (const [from, to] of (BREAKDOWN && BREAKDOWN_REWRITES[path]) || []) body = rewrite(body, from, to, path);
      await page.route(`${server.url}${path}`, (route) => route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' }));
    }
    const pkg = mode === 'before' ? BEFORE : BREAKDOWN ? TIMING_PKG : null;
    if (pkg) {
      for (const [name, type] of [['tifa_embed.js', 'text/javascript; charset=utf-8'], ['tifa_embed_bg.wasm', 'application/wasm']]) {
        const body = await readFile(join(pkg, name));
        await page.route(`${server.url}/pkg/${name}`, (route) => route.fulfill({ body, contentType: type }));
      }
      // `before`: the dictionary's parts from DIR too, when it has them (a change of their format).
      for (const name of ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin', 'tifa.cards.bin']) {
        if (mode !== 'before' || !existsSync(join(pkg, name))) continue;
        const body = await readFile(join(pkg, name));
        await page.route(`${server.url}/pkg/${name}`, (route) => route.fulfill({ body, contentType: 'application/octet-stream' }));
      }
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
      const marks = {};
      if (globalThis.__t) {
        const m = globalThis.__t;
        for (const [k, v] of Object.entries(m)) if (typeof v === 'number') marks[k] = k === 'rows' || k === 'documentVouches' ? v : v - t0;
        for (const line of (m.stages || '').split('\n').filter(Boolean)) {
          const [name, ms, n] = line.split(' ');
          marks[`stage:${name} (${n}×)`] = Number(ms);
        }
        // The end of each fetch (Resource Timing), from the import: the last of each kind.
        const kinds = { js: /\/(embed|lib\/\w+)\.js$/, 'pkg-js': /\/pkg\/[\w]+\.js$/, wasm: /\.wasm$/, match: /\/tifa\.match[\w.]*\.bin$/ };
        for (const e of performance.getEntriesByType('resource')) {
          for (const [kind, re] of Object.entries(kinds)) {
            // 'js': the embed and the modules it imports before it loads the engine.
            if (kind === 'js' && e.startTime - t0 > m.loadStart) continue;
            if (re.test(new URL(e.name).pathname)) marks[`fetched:${kind}`] = Math.max(marks[`fetched:${kind}`] ?? -Infinity, e.responseEnd - t0);
          }
        }
      }
      return { firstMs: first - t0, doneMs: done - t0, count: h.count, chars: story.textContent.length, marks };
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
        if (BREAKDOWN) {
          const keys = [...new Set(rs.flatMap((r) => Object.keys(r.marks)))];
          const m = (k) => median(rs.map((r) => r.marks[k]).filter((x) => x !== undefined));
          const order = (k) => (k.startsWith('stage:') || k === 'rows' || k === 'documentVouches' ? 1e9 : m(k));
          for (const k of keys.sort((a, b) => order(a) - order(b))) {
            const span = k.startsWith('stage:') || k === 'rows' || k === 'documentVouches';
            console.log(`    ${(span ? `${k} (time spent)` : `${k} (at)`).padEnd(34)} ${m(k).toFixed(1)} ms`);
          }
        }
      }
    }
  } finally {
    console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    await server.close();
  }
  if (!ok) process.exit(1);
}

main().catch((err) => { console.error(err); process.exit(1); });
