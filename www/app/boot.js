// The first module the page runs: it starts the matching worker and, at the same moment, the two
// downloads the worker's engine needs (the wasm, compiled while it streams in, and the
// dictionary's match parts), so that none of them waits for the page's other modules or for the
// worker's own. main.js takes the worker over through startEngine() in engine-client.js.
//
// The worker is told (`?preloaded`) to wait for what this module posts: `{ type: 'preloaded',
// wasm }` (a WebAssembly.Module) and `{ type: 'preloaded', matching }` (an ArrayBuffer,
// transferred), each null when it could not be had here (a 404, a server that does not say
// application/wasm, a Content-Security-Policy without 'wasm-unsafe-eval'); the worker then
// fetches that part itself and reports any failure with its cause. With `?preloaded&scope` it
// also waits for `{ type: 'preloaded', scope }` (the sample's text, or null: the whole engine).
performance.mark('tifa-boot'); // for the page benchmark's split of the cold load
const pkg = new URL('../pkg/', import.meta.url);
// A page opened on a sample (`?sample=name.txt`, a plain name: open.js checks it against the
// list) knows its text before the engine is built: it is fetched here as well, and the worker
// (`?preloaded&scope`) builds an engine scoped to it (docs/performance.md, "Scoped engines"), then the whole one.
const sample = new URLSearchParams(location.search).get('sample');
const scoped = typeof sample === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$/.test(sample);
const worker = new Worker(new URL(`./worker.js?preloaded${scoped ? '&scope' : ''}`, import.meta.url), { type: 'module', name: 'tifa-matcher' });
globalThis.tifaWorker = worker;

/** Posts one preloaded part to the worker: null when it failed or cannot be posted. */
function hand(part, value, transfer = []) {
  try {
    worker.postMessage({ type: 'preloaded', [part]: value }, transfer);
  } catch {
    worker.postMessage({ type: 'preloaded', [part]: null });
  }
}

const wasm = typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch(new URL('tifa_bg.wasm', pkg))) : Promise.resolve(null);
wasm.then((module) => hand('wasm', module), () => hand('wasm', null));
// The page matches any text: it loads the base part and the three script parts (English,
// Chinese and English machine-translation forms), one after another in one buffer.
Promise.all(['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map((name) => fetch(new URL(name, pkg))
  .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`HTTP ${res.status}`))))))
  .then((parts) => {
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) { bytes.set(new Uint8Array(p), at); at += p.byteLength; }
    hand('matching', bytes.buffer, [bytes.buffer]);
  }, () => hand('matching', null));
if (scoped) {
  const text = fetch(new URL(`../samples/${sample}`, import.meta.url))
    .then((res) => (res.ok ? res.text() : null)).catch(() => null);
  text.then((t) => hand('scope', t));
  // The page opens the same sample (open.js): it takes this text rather than fetching it again
  // (null: it fetches it itself and reports why it failed).
  globalThis.tifaSample = { name: sample, text };
}
