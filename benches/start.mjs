// The engine's start in node: the wasm module instantiated, then the matcher built from the
// compiled match parts, as the page's worker (`tifa`) and the embed (`tifa_embed`) do it: a
// warm-up over 100 entries (`Tifa.warmUp`), then `Tifa.fromCompiled`. Each run is a fresh node
// process, so the first build runs as a reader's would (partly in V8's baseline tier).
//
//   node benches/start.mjs [--runs N] [--pkg DIR] [--module tifa|tifa_embed] [--warm ENTRIES]
//                          [--scripts en+zh,en,zh] [--scoped] [--whole]
//
// Prints, per module and set of script parts (the base part with both, as the page loads it,
// and for the embed also with the English or the Chinese part only, as an English or a Chinese
// page loads it), the medians of N fresh processes: the first build (warm-up + build, wall and
// processor time), the median of five more builds in the same process (warm), and the
// module's memory after the first build (what the page keeps: a WebAssembly memory never shrinks).
//
// With --scoped (a module that has `Tifa.fromCompiledFor`), each set is also started as the
// embed's first highlight starts it: an engine scoped to the bench's texts of the set's scripts
// (`SCOPE_TEXTS`: the English samples, ~35 KB, and the Chinese ones), without the warm-up
// (--warm 0 for none on the whole build too), and the line says how long `covers` took on the
// text and how many patterns the scoped engine has. --whole with --scoped: the whole engine too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', 9));
const PKG = resolve(opt('--pkg', new URL('../www/pkg', import.meta.url).pathname));
const MODULES = args.includes('--module') ? [opt('--module')] : ['tifa_embed', 'tifa'];
/** The sets of script parts measured: every one given, or for the embed's module all three. */
const SETS = (module) => (args.includes('--scripts') ? opt('--scripts').split(',') : module === 'tifa_embed' ? ['en+zh', 'en', 'zh'] : ['en+zh']);
/** Entries of the warm-up build (www/lib/engine.js: WARM_UP_ENTRIES). */
const WARM = Number(opt('--warm', 100));
const SCOPED = args.includes('--scoped');
const WHOLE = !SCOPED || args.includes('--whole');
/** The texts a scoped start is built for, by script: the shipped samples (tests/samples/). */
const SCOPE_TEXTS = { en: ['official-en.txt', 'mt-en.txt', 'news-prose.txt'], zh: ['zh-mixed.txt', 'zh-prose.txt'] };
const scopeText = (set) => set.split('+').flatMap((s) => SCOPE_TEXTS[s])
  .map((f) => readFileSync(new URL(`../tests/samples/${f}`, import.meta.url), 'utf8')).join('\n\n');
const median = (xs) => { const a = [...xs].sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };

/** One fresh process's measurement (run as `node start.mjs --child MODULE PKG`). */
async function child(module, pkg, set, scoped) {
  const { performance } = await import('node:perf_hooks');
  const mod = await import(pathToFileURL(`${pkg}/${module}.js`).href);
  const wasm = mod.initSync({ module: readFileSync(`${pkg}/${module}_bg.wasm`) });
  // The base part, then the parts of the scripts in `set`, one after another (www/lib/engine.js).
  const names = ['tifa.match.bin', ...set.split('+').map((s) => `tifa.match.${s}.bin`)];
  const bytes = Buffer.concat(names.map((n) => readFileSync(`${pkg}/${n}`)));
  const text = scoped ? scopeText(set) : null;
  const build = () => (scoped ? mod.Tifa.fromCompiledFor(bytes, text) : mod.Tifa.fromCompiled(bytes));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (WARM > 0) {
    mod.Tifa.warmUp(bytes, WARM);
    // As www/lib/engine.js does: a turn of the event loop lets the optimized code be installed.
    await new Promise((r) => setTimeout(r, 0));
  }
  const t1 = performance.now();
  const tifa = build();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  let covers = 0;
  if (scoped) {
    const t = performance.now();
    if (!tifa.covers(text)) throw new Error('a scoped engine does not cover its own text');
    covers = performance.now() - t;
  }
  // The module's memory once the engine is built: it grew to the build's peak and never
  // shrinks (WebAssembly memories only grow), so this is what the page keeps.
  const memory = wasm.memory.buffer.byteLength / 1048576;
  const n = tifa.patternCount;
  tifa.free();
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    build().free();
    warm.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ warmUp: t1 - t0, build: t2 - t1, first: t2 - t0, cpu: (cpu.user + cpu.system) / 1000, warm: median(warm), patterns: n, memory, covers, chars: text ? text.length : 0 }));
}

if (args[0] === '--child') {
  await child(args[1], args[2], args[3], args[4] === 'scoped');
} else {
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`engine start in node, ${PKG} (${RUNS} fresh processes each; load average ${load()})`);
  for (const module of MODULES) for (const set of SETS(module)) for (const kind of [...(WHOLE ? ['whole'] : []), ...(SCOPED ? ['scoped'] : [])]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', module, PKG, set, kind, '--warm', String(WARM)], { encoding: 'utf8' })));
    }
    const m = (k) => median(runs.map((r) => r[k])).toFixed(1);
    const what = kind === 'scoped' ? `scoped to ${runs[0].chars} chars` : 'whole';
    console.log(`  ${module.padEnd(11)} ${set.padEnd(6)} ${what}: first start (${WARM > 0 ? 'warm-up + ' : ''}build) ${m('first')} ms wall, ${m('cpu')} ms processor`
      + ` (warm-up ${m('warmUp')}, build ${m('build')}); a later build ${m('warm')} ms; ${runs[0].patterns} patterns;`
      + ` wasm memory after the build ${m('memory')} MiB${kind === 'scoped' ? `; covers() on the text ${m('covers')} ms` : ''}`);
  }
  console.log(`  load average after: ${load()}`);
}
