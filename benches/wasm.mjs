// wasm in node: start time (the compiled match part read and the automaton built), throughput of analyze() and spans() on 1 MB of English
// and 1 MB of Chinese, against one big JS RegExp over the same forms (same run), and the .wasm
// size (raw and gzip). Run after `make build`: `node benches/wasm.mjs`.
//
// Like the native benchmark, the texts insert N unambiguous forms between neutral filler, so
// every engine must find exactly N matches; the script checks that before it reports a time.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import init, { Tifa } from '../www/pkg/tifa.js';

const wasmPath = new URL('../www/pkg/tifa_bg.wasm', import.meta.url);
const wasmBytes = readFileSync(wasmPath);
await init({ module_or_path: wasmBytes });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(runs, expect, what, f) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const n = f();
    times.push(performance.now() - t);
    if (n !== expect) throw new Error(`${what}: expected ${expect} matches, got ${n}`);
  }
  return median(times);
}

// The base part and both script parts, one after another: every form.
const matchBytes = Buffer.concat(['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map((n) => readFileSync(new URL(`../www/pkg/${n}`, import.meta.url))));
const cardBytes = readFileSync(new URL('../www/pkg/tifa.cards.bin', import.meta.url));
const builds = [];
let tifa;
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  tifa = Tifa.fromCompiled(matchBytes);
  builds.push(performance.now() - t);
  if (i < 6) tifa.free();
}
const c0 = performance.now();
tifa.addCards(cardBytes);
const cardsMs = performance.now() - c0;
const entries = tifa.entries();

// The same normalization as the core for the plain forms we insert: lower-case ASCII only.
const norm = (s) => s.toLowerCase();
const allForms = [...new Set(entries.flatMap((e) => e.forms.map((f) => norm(f.text))))];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const t0 = performance.now();
// Longest first; English forms on word boundaries (else "bri" matches in "bridge"), as tifa does.
// One \b(?:…)\b group: a \b on each alternative makes V8's RegExp about 50 times slower.
const han = /\p{Script=Han}/u;
const longestFirst = (fs) => fs.sort((a, b) => b.length - a.length).map(escape).join('|');
const bigRegExp = new RegExp(`\\b(?:${longestFirst(allForms.filter((f) => !han.test(f)))})\\b|`
  + longestFirst(allForms.filter((f) => han.test(f))), 'gi');
const regexpBuild = performance.now() - t0;

const EN = ['the', 'weather', 'was', 'mild', 'and', 'river', 'boats', 'moved', 'slowly', 'past', 'orchards', 'while',
  'cyclists', 'waited', 'near', 'bridge', 'market', 'stalls', 'sold', 'apples', 'bread', 'cheese', 'tea', 'morning',
  'afternoon', 'visitors', 'walked', 'quietly', 'along', 'harbour', 'gardens', 'library'];
const ZH = ['今天天气晴朗', '河边有人散步', '市场里卖苹果和面包', '孩子们在公园玩', '图书馆很安静', '傍晚下了小雨'];
let seed = 42n;
const rand = (n) => {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  return Number((seed >> 33n) % BigInt(n));
};
function build(forms, chinese, size) {
  const parts = [];
  let len = 0;
  let n = 0;
  while (len < size) {
    let piece;
    if (chinese) {
      piece = ZH[rand(ZH.length)] + '。';
      if (rand(2) === 0) { piece += forms[rand(forms.length)] + '。'; n++; }
    } else {
      piece = '';
      for (let i = 0; i < 8; i++) piece += EN[rand(EN.length)] + ' ';
      piece += forms[rand(forms.length)] + '. ';
      n++;
    }
    parts.push(piece);
    len += Buffer.byteLength(piece);
  }
  return { text: parts.join(''), n };
}
const pick = (chinese) => entries.flatMap((e) => e.forms)
  .filter((f) => !f.needs_context && f.chinese === chinese)
  .map((f) => norm(f.text))
  .filter((f) => chinese || /^[a-z ]+$/.test(f));

console.log('tifa wasm in node (median of runs; same run)');
console.log(`dictionary: ${tifa.entryCount} entries, ${tifa.patternCount} normalized forms`);
console.log(`start: Tifa.fromCompiled(match part) ${median(builds).toFixed(1)} ms (first ${builds[0].toFixed(1)} ms); addCards ${cardsMs.toFixed(1)} ms; one big RegExp ${regexpBuild.toFixed(1)} ms`);
const gz = (b) => gzipSync(b, { level: 9 }).length;
console.log(`.wasm size: ${wasmBytes.length} bytes raw, ${gz(wasmBytes)} bytes gzip; match parts ${matchBytes.length} raw, ${gz(matchBytes)} gzip; card part ${cardBytes.length} raw, ${gz(cardBytes)} gzip`);
let englishSpansRatio = NaN;
for (const [label, chinese] of [['english', false], ['chinese', true]]) {
  const { text, n } = build(pick(chinese), chinese, 1 << 20);
  const mb = Buffer.byteLength(text) / (1 << 20);
  const runs = 9;
  const base = time(runs, n, 'RegExp', () => text.match(bigRegExp)?.length ?? 0);
  const spans = time(runs, n, 'spans', () => tifa.spans(text).length / 3);
  const full = time(runs, n, 'analyze', () => tifa.analyze(text).matches.length);
  if (!chinese) englishSpansRatio = spans / base;
  for (const [engine, ms] of [['big RegExp', base], ['tifa spans', spans], ['tifa analyze', full]]) {
    console.log(`${label.padEnd(8)} ${String(n).padStart(6)} matches  ${engine.padEnd(13)} ${ms.toFixed(1).padStart(8)} ms  ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s  ratio ${(ms / base).toFixed(2)}`);
  }
}
console.log('ratio = time / big-RegExp time (lower is better)');
// Issue 10's goal: English spans at least twice as fast as the big RegExp (ratio <= 0.5).
console.log(`goal: english spans ratio ${englishSpansRatio.toFixed(2)} (goal <= 0.50): ${englishSpansRatio <= 0.5 ? 'met' : 'NOT met'}`);
