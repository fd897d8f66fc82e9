// Loads the tifa WebAssembly engine once per page and hands out Tifa instances.
//
// Failures become an Error with a `code`, a `fix` and a message naming both, so the embed can
// warn once ("tifa: … Fix: …") and leave the page untouched.

/** The directory that holds `pkg/` by default: the parent of this module's `lib/` directory. */
export const DEFAULT_BASE = new URL('../', import.meta.url).href;

const modules = new Map(); // pkg URL + module name -> Promise<module namespace, initialised>
const instances = new Map(); // pkg URL + '\n' + dictionary URL -> Promise<Tifa>
const cardSources = new WeakMap(); // Tifa -> { url, promise }
const partBytes = new Map(); // URL of a compiled part -> Promise<Uint8Array> (each fetched once)
// Tifa of the built-in dictionary -> { base, module, scripts, bytes? }: how loadTifa made it, so
// that withScripts can make the engine with more scripts (bytes: the match parts a scoped engine
// was built from, to widen it). Engines not in it have every form.
const builtinOf = new WeakMap();

/**
 * The scripts of the compiled dictionary's match parts: the base part (`pkg/tifa.match.bin`:
 * ids, names, categories) comes with the English forms (`pkg/tifa.match.en.bin`), the Chinese
 * ones (`pkg/tifa.match.zh.bin`) or both, and the English machine-translation forms
 * (`pkg/tifa.match.mt.bin`, 'mt': a text with Latin letters needs them too; the embed loads them
 * right after its first highlight).
 */
export const SCRIPTS = Object.freeze(['en', 'zh', 'mt']);
/** The files of the compiled dictionary, as `make build` writes them into `pkg/`. */
export const PART_FILES = Object.freeze(['tifa.match.bin', ...SCRIPTS.map((s) => `tifa.match.${s}.bin`), 'tifa.cards.bin']);
const PART_LIST = `${PART_FILES.slice(0, -1).join(', ')} and ${PART_FILES[PART_FILES.length - 1]}`;
// What the normalizer turns into ASCII letters (ASCII, full-width, the ligatures ﬀ…ﬆ), and Han
// characters (the ranges of `tifa::text::is_han`): the scan of `tifa::compiled::scripts_needed`.
const LATIN = /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A\uFB00-\uFB06]/;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;

/**
 * The scripts whose forms `text` can hold: 'en' and 'mt' when it has a Latin letter, 'zh' when
 * it has a Han character. Every English form of the dictionary has a Latin letter and every
 * Chinese form a Han character, so an engine with the parts of these scripts finds in `text`
 * exactly what the whole dictionary finds (the Rust test `parts_analyse_like_the_toml_dictionary`).
 *
 * @example
 *   scriptsOf('坚决做到两个维护'); // ['zh']
 *   scriptsOf('the Two Upholds (两个维护)'); // ['en', 'zh', 'mt']
 * @param {string} text
 * @param {string[]} [among=SCRIPTS] only these are looked for (the scan stops early)
 * @returns {string[]}
 */
export function scriptsOf(text, among = SCRIPTS) {
  return among.filter((s) => (s === 'zh' ? HAN : LATIN).test(text));
}

const LATIN_ALL = new RegExp(LATIN.source, 'g');
const HAN_ALL = new RegExp(HAN.source, 'gu');

/**
 * How much text of each script `text` holds, in rough words: Latin letters / 6 for 'en', Han
 * characters / 2 for 'zh' (an English word is about six letters with its space, a Chinese one
 * about two characters). The embed loads the forms of the script with more text first.
 *
 * @example
 *   scriptWeights('The Party 两个维护'); // { en: 1.33…, zh: 2 } (8 letters, 4 characters)
 * @param {string} text
 * @returns {{ en: number, zh: number }}
 */
export function scriptWeights(text) {
  return { en: (text.match(LATIN_ALL)?.length ?? 0) / 6, zh: (text.match(HAN_ALL)?.length ?? 0) / 2 };
}

/**
 * The scripts `text` needs that `tifa` lacks (an engine from {@link loadTifa} with only some
 * script parts); [] when it has them, or has every form (a custom dictionary).
 *
 * @example missingScripts(englishOnly, '两个维护'); // ['zh']
 */
export function missingScripts(tifa, text) {
  const made = builtinOf.get(tifa);
  if (!made) return [];
  const lacking = SCRIPTS.filter((s) => !made.scripts.includes(s));
  return lacking.length ? scriptsOf(text, lacking) : [];
}

/** The scripts `tifa`'s forms are of (all of them for an engine that has every form). @example scriptsIn(await loadTifa({ scripts: ['zh'] })); // ['zh'] */
export function scriptsIn(tifa) {
  return builtinOf.get(tifa)?.scripts.slice() ?? SCRIPTS.slice();
}

/**
 * The engine with `tifa`'s dictionary and the forms of `scripts` as well: a new engine made
 * from the parts already fetched and the ones it lacks (each part is fetched once per page),
 * shared like every {@link loadTifa} result. Resolves to `tifa` itself when it has them.
 *
 * @example
 *   const en = await loadTifa({ scripts: ['en'] });
 *   const both = await withScripts(en, ['zh']);  // fetches pkg/tifa.match.zh.bin only
 */
export function withScripts(tifa, scripts, text = '') {
  const made = builtinOf.get(tifa);
  if (!made || scripts.every((s) => made.scripts.includes(s))) return Promise.resolve(tifa);
  const all = [...made.scripts, ...scripts];
  if (!made.bytes) return loadTifa({ base: made.base, module: made.module, scripts: all });
  // A scoped engine stays scoped: its texts and `text`, with the forms of every script.
  return matchParts(pkgUrlOf(made.base), all).then((bytes) => scopedTwin(tifa, made, all, bytes, text));
}

/**
 * For an engine from {@link loadTifa} with `scope` (a *scoped* engine: only the forms whose
 * words occur in its texts): null when it finds in `text` all that the whole dictionary finds
 * (`Tifa.covers`, a scan of the text's words), else a promise of a scoped engine for its texts
 * and `text` as well (`Tifa.widen`, from the parts fetched already). Null for any other engine.
 *
 * @example
 *   const t = await loadTifa({ module: EMBED, scripts: ['en'], scope: article.textContent });
 *   const wider = widenFor(t, comment.textContent); // null, or a promise of the wider engine
 * @param {object} tifa
 * @param {string} text
 * @returns {Promise<object>|null}
 */
export function widenFor(tifa, text) {
  const made = builtinOf.get(tifa);
  if (!made || !made.bytes || tifa.covers(text)) return null;
  // A page that keeps adding words (a live feed) gets the whole engine after a few widenings:
  // each costs a scoped build, the whole one a little more, once.
  if ((made.widened || 0) >= MAX_WIDENINGS) return loadTifa({ base: made.base, module: made.module, scripts: made.scripts });
  return Promise.resolve().then(() => scopedTwin(tifa, made, made.scripts, made.bytes, text));
}

/** Scoped engines a page gets one after another before it gets the whole one ({@link widenFor}). */
const MAX_WIDENINGS = 3;

/** A scoped engine from `tifa`'s scope and `text` over `bytes` (the parts of `scripts`). */
function scopedTwin(tifa, made, scripts, bytes, text) {
  const t = tifa.widen(bytes, text);
  const cards = cardSources.get(tifa);
  cardSources.set(t, { url: cards.url, promise: null });
  builtinOf.set(t, { ...made, scripts, bytes, widened: (made.widened || 0) + 1 });
  return t;
}

/** The `pkg/` URL under `base`, as {@link loadTifa} resolves it. */
function pkgUrlOf(base) {
  return new URL('./pkg/', new URL(String(base), typeof document !== 'undefined' ? document.baseURI : DEFAULT_BASE)).href;
}

/** The bytes of a match part, fetched once per page (an upgrade or a twin fetches only what is new). */
function partOf(url) {
  let p = partBytes.get(url);
  if (!p) {
    p = fetchBytes(url);
    partBytes.set(url, p);
    p.catch(() => partBytes.delete(url));
  }
  return p;
}

/** The base part and the parts of `scripts` under `pkgUrl`, fetched (once) and joined into one buffer. */
async function matchParts(pkgUrl, scripts) {
  const names = ['tifa.match.bin', ...SCRIPTS.filter((s) => scripts.includes(s)).map((s) => `tifa.match.${s}.bin`)];
  const parts = await Promise.all(names.map((n) => partOf(new URL(n, pkgUrl).href)));
  return joinBytes(parts);
}

/** One Uint8Array holding `parts` one after another. */
function joinBytes(parts) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Entries the warm-up build reads (measured in Chromium: 100 gives the shortest total). */
const WARM_UP_ENTRIES = 100;

/** The module that matches with the compiled built-in dictionary (no TOML parser inside). */
export const CORE = 'tifa';
/** The larger module that also reads TOML and renders CSV/HTML: loaded only for custom
 * dictionaries and the page's exports ({@link loadFull}). */
export const FULL = 'tifa_full';
/** The module without the full report (`analyze`): what the embed highlights with (`rows`). */
export const EMBED = 'tifa_embed';

/**
 * An engine failure: `code` is one of 'unsupported', 'not-found', 'network', 'csp', 'init',
 * 'dictionary'; `fix` says what the site owner can do; `cause` keeps the original error.
 */
export class TifaLoadError extends Error {
  constructor(code, message, fix, cause) {
    super(fix ? `${message} Fix: ${fix}` : message, cause ? { cause } : undefined);
    this.name = 'TifaLoadError';
    this.code = code;
    this.fix = fix || '';
  }
}

/** The CSP source expression tifa needs in script-src. */
export const CSP_FIX = "add 'wasm-unsafe-eval' to the page's Content-Security-Policy script-src, e.g. `script-src 'self' 'wasm-unsafe-eval'`.";

/**
 * Loads (once) and returns a Tifa instance: the built-in dictionary, plus a custom dictionary
 * when `dictionaryUrl` (or `dictionary` text) is given. The built-in dictionary arrives in
 * parts: `pkg/tifa.match.bin` (ids, names, categories) with the English forms
 * (`pkg/tifa.match.en.bin`, and their machine-translation ones, `pkg/tifa.match.mt.bin`) and/or
 * the Chinese ones (`pkg/tifa.match.zh.bin`), as `scripts` asks, before the first highlight,
 * and the card part (explanations, sources…) when
 * {@link loadCards} asks for it. Concurrent and repeated calls with the same options share one
 * instance; the wasm module is fetched and compiled once per `base`, each part once per page.
 *
 * Rejects with a {@link TifaLoadError} naming the cause and the fix: no WebAssembly, a 404 for
 * `pkg/tifa.js` or `pkg/tifa_bg.wasm`, a CSP without 'wasm-unsafe-eval', a bad dictionary.
 *
 * @example
 *   import { loadTifa } from './lib/engine.js';
 *   const tifa = await loadTifa();                                   // www/pkg/ next to lib/
 *   const mine = await loadTifa({ dictionaryUrl: '/terms/mine.toml' }); // built-in + mine
 *   tifa.analyze('坚决做到两个维护').matches[0].id; // 'two-upholds'
 * @param {{ base?: string|URL, dictionaryUrl?: string|URL, dictionary?: string, dictionaryName?: string, only?: boolean, module?: string, scripts?: string[], wasm?: Promise<WebAssembly.Module|null>, matching?: Promise<Uint8Array|null> }} [options]
 *   base: the URL of the directory holding `pkg/` (default: the parent of `lib/`);
 *   only: use the custom dictionary alone (Tifa.fromDictionary) instead of adding it;
 *   module: for the built-in dictionary, {@link CORE} (default) or {@link EMBED} (no `analyze`,
 *   `spans` or `entries`: a smaller download);
 *   scripts: for the built-in dictionary, the forms to load, among 'en', 'zh' and 'mt' (default:
 *   all three; see {@link scriptsOf} and {@link withScripts});
 *   wasm, matching: the module's wasm, compiled, and the match parts' bytes (the base part and
 *   the parts of `scripts`, one after another), when the caller started fetching them earlier
 *   (the page's boot.js); a promise of null: fetch them here;
 *   scope: for the built-in dictionary, a text: the engine is *scoped* to it (`Tifa.fromCompiledFor`:
 *   only the forms whose words all occur in it, built in a fraction of the time and memory; it
 *   finds in that text exactly what the whole engine finds) and is not shared; {@link widenFor}
 *   tells whether a later text needs a wider one and makes it.
 * @returns {Promise<object>} a Tifa instance
 */
export function loadTifa({ base = DEFAULT_BASE, dictionaryUrl, dictionary, dictionaryName, only = false, module = CORE, scripts = SCRIPTS, wasm, matching, scope } = {}) {
  let pkgUrl;
  try {
    pkgUrl = new URL('./pkg/', new URL(String(base), typeof document !== 'undefined' ? document.baseURI : DEFAULT_BASE)).href;
  } catch (err) {
    return Promise.reject(new TifaLoadError('init', `tifa: invalid base URL ${JSON.stringify(String(base))}.`, 'pass the URL of the directory that holds pkg/.', err));
  }
  let dictKey = '';
  if (dictionaryUrl) {
    try {
      dictionaryUrl = new URL(String(dictionaryUrl), typeof document !== 'undefined' ? document.baseURI : pkgUrl).href;
    } catch (err) {
      return Promise.reject(new TifaLoadError('dictionary', `tifa: invalid dictionary URL ${JSON.stringify(String(dictionaryUrl))}.`, 'give an absolute or page-relative URL of a .toml file.', err));
    }
    dictKey = `url:${dictionaryUrl}`;
  } else if (typeof dictionary === 'string') dictKey = `text:${dictionaryName || ''}:${dictionary}`;
  scripts = SCRIPTS.filter((s) => scripts.includes(s));
  const key = `${pkgUrl}\n${only ? 'only' : 'add'}\n${dictKey || `${module}\n${scripts.join(' ')}`}`;
  // A scoped engine is shared by the calls with the same text (the embed's roots of one page).
  if (!dictKey && typeof scope === 'string') return shared(`${key}\nscope\n${scope}`, () => loadScoped(pkgUrl, { base, module, scripts, wasm, matching, scope }));
  let p = instances.get(key);
  if (!p) {
    p = (async () => {
      if (!dictKey) {
        const [mod, bytes] = await Promise.all([loadModule(pkgUrl, module, wasm),
          Promise.resolve(matching).then((b) => b || matchParts(pkgUrl, scripts))]);
        try {
          // Browsers optimize a wasm function only after it has run a while: a small warm-up
          // build, then a turn of the event loop, makes the real one about twice as fast.
          mod.Tifa.warmUp(bytes, WARM_UP_ENTRIES);
          await new Promise((resolve) => setTimeout(resolve, 0));
          const t = mod.Tifa.fromCompiled(bytes);
          cardSources.set(t, { url: new URL('tifa.cards.bin', pkgUrl).href, promise: null });
          builtinOf.set(t, { base, module, scripts });
          return t;
        } catch (err) {
          throw new TifaLoadError('init', `tifa: the built-in dictionary did not load (${errText(err)}).`, `rebuild pkg/ with \`make build\` (the build writes ${PART_LIST}).`, err);
        }
      }
      const mod = await loadModule(pkgUrl, FULL);
      let text = dictionary;
      let name = dictionaryName;
      if (dictionaryUrl) {
        text = await fetchText(dictionaryUrl);
        name = name || decodeURIComponent(new URL(dictionaryUrl).pathname.split('/').pop() || 'dictionary.toml');
      }
      name = name || 'dictionary.toml';
      try {
        return only ? mod.Tifa.fromDictionary(text, name) : mod.Tifa.withDictionary(text, name);
      } catch (err) {
        throw new TifaLoadError('dictionary', `tifa: the custom dictionary is invalid: ${err && err.message ? err.message : err}.`,
          `correct ${name} (run \`tifa dict check ${name}\`), or remove the dictionary option.`, err);
      }
    })();
    instances.set(key, p);
    p.catch(() => instances.delete(key));
  }
  return p;
}

/** The promise `make()` gives, made once per `key` (dropped if it fails). */
function shared(key, make) {
  let p = instances.get(key);
  if (!p) {
    p = make();
    instances.set(key, p);
    p.catch(() => instances.delete(key));
  }
  return p;
}

/** A scoped engine of the built-in dictionary for `scope` (see {@link loadTifa}): not shared. */
async function loadScoped(pkgUrl, { base, module, scripts, wasm, matching, scope }) {
  const [mod, bytes] = await Promise.all([loadModule(pkgUrl, module, wasm),
    Promise.resolve(matching).then((b) => b || matchParts(pkgUrl, scripts))]);
  try {
    // No warm-up: for a scoped build it cost more than it saved in node (benches/start.mjs --scoped;
    // docs/performance.md, "Scoped engines"), nor in Chromium (benches/embed-start.mjs: 50-100 ms more).
    const t = mod.Tifa.fromCompiledFor(bytes, scope);
    cardSources.set(t, { url: new URL('tifa.cards.bin', pkgUrl).href, promise: null });
    builtinOf.set(t, { base, module, scripts, bytes });
    return t;
  } catch (err) {
    throw new TifaLoadError('init', `tifa: the built-in dictionary did not load (${errText(err)}).`, `rebuild pkg/ with \`make build\` (the build writes ${PART_LIST}).`, err);
  }
}

/**
 * Adds the card part of the built-in dictionary (explanations, sources, pinyin, glosses) to a
 * Tifa from {@link loadTifa}, fetching `pkg/tifa.cards.bin` once. Resolves to the same Tifa;
 * at once for an engine that has its cards (a custom dictionary's).
 *
 * @example
 *   const tifa = await loadTifa();
 *   tifa.hasCards;            // false: enough to highlight
 *   await loadCards(tifa);
 *   tifa.entry('two-upholds').explanation; // the card text
 */
export function loadCards(tifa) {
  const source = cardSources.get(tifa);
  if (!source || tifa.hasCards) return Promise.resolve(tifa);
  if (!source.promise) {
    source.promise = fetchBytes(source.url).then((bytes) => {
      if (!tifa.hasCards) tifa.addCards(bytes);
      return tifa;
    });
    source.promise.catch(() => { source.promise = null; });
  }
  return source.promise;
}

const fullTwins = new WeakMap(); // Tifa -> Promise<Tifa of the full module, same dictionary>

/**
 * A Tifa of the full module (`pkg/tifa_full`, which also renders the CLI's CSV and HTML: its
 * `exportCsv` and `exportHtml`) with the same dictionary as `tifa`, made once per engine and
 * only when asked for (the page's exports), so the core module pages load does not carry the
 * renderers. An engine of the full module (a custom dictionary) is its own twin; for the
 * built-in dictionary the twin reads every match part and `tifa.cards.bin` from the same `pkg/`.
 *
 * @example
 *   const full = await loadFull(await loadTifa());
 *   full.exportCsv('the Two Upholds', { sensitivity: 'default' }, 'a.txt'); // as `tifa annotate --format csv a.txt`
 */
export function loadFull(tifa) {
  if (typeof tifa.exportCsv === 'function') return Promise.resolve(tifa);
  let p = fullTwins.get(tifa);
  if (!p) {
    const source = cardSources.get(tifa);
    if (!source) return Promise.reject(new Error('tifa: loadFull needs an engine made by loadTifa'));
    const pkgUrl = new URL('./', source.url).href;
    p = (async () => {
      const [mod, matching, cards] = await Promise.all([loadModule(pkgUrl, FULL),
        matchParts(pkgUrl, SCRIPTS), fetchBytes(source.url)]);
      const twin = mod.Tifa.fromCompiled(matching);
      twin.addCards(cards);
      return twin;
    })();
    fullTwins.set(tifa, p);
    p.catch(() => fullTwins.delete(tifa));
  }
  return p;
}

/**
 * Imports and initialises `pkg/<name>.js` + `pkg/<name>_bg.wasm` under `pkgUrl` (once).
 * `compiled` (a promise of the wasm as a `WebAssembly.Module`, or of null) is used instead of
 * fetching the wasm when it resolves to a module.
 *
 * @example
 *   const { Tifa } = await loadModule('https://example.org/tifa/pkg/', 'tifa');
 */
export function loadModule(pkgUrl, name = CORE, compiled) {
  const key = `${pkgUrl}\n${name}`;
  let p = modules.get(key);
  if (!p) {
    p = (async () => {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
        throw new TifaLoadError('unsupported', 'tifa: this browser does not support WebAssembly.', 'use a current browser (Chrome/Edge 91+, Firefox 90+, Safari 15+).');
      }
      const jsUrl = new URL(`${name}.js`, pkgUrl).href;
      const wasmUrl = new URL(`${name}_bg.wasm`, pkgUrl).href;
      // The wasm is fetched and compiled while the glue module is imported: neither waits for
      // the other (its errors are reported after the import's, as before).
      const early = compiled === undefined ? fetchAndCompile(wasmUrl) : null;
      let mod;
      try {
        mod = await import(jsUrl);
      } catch (err) {
        // A module that fails to load gives no status code: ask the server for one.
        const status = await probe(jsUrl);
        if (status === 404 || status === 410) {
          throw new TifaLoadError('not-found', `tifa: ${jsUrl} was not found (HTTP ${status}).`,
            'serve the pkg/ directory built by `make build` next to embed.js, or point data-tifa-base / the base option at it.', err);
        }
        throw new TifaLoadError('network', `tifa: could not load ${jsUrl} (${errText(err)}).`,
          "check that the file is served with a JavaScript MIME type and, if the page has a Content-Security-Policy, that script-src allows tifa's origin.", err);
      }
      let source = await compiled;
      if (!source) {
        const { res, compiling } = await (early || fetchAndCompile(wasmUrl, false));
        if (!res.ok) {
          throw new TifaLoadError(res.status === 404 || res.status === 410 ? 'not-found' : 'network',
            `tifa: ${wasmUrl} answered HTTP ${res.status}.`, `serve pkg/${name}_bg.wasm (built by \`make build\`) next to pkg/${name}.js.`);
        }
        if (compiling) {
          try {
            source = await compiling;
          } catch (err) {
            throw classifyInitError(err);
          }
        } else {
          const type = (res.headers.get('Content-Type') || '').split(';')[0].trim();
          source = type === 'application/wasm' ? res : await res.arrayBuffer();
        }
      }
      try {
        await mod.default({ module_or_path: source });
      } catch (err) {
        throw classifyInitError(err);
      }
      if (typeof mod.Tifa !== 'function') {
        throw new TifaLoadError('init', `tifa: ${jsUrl} does not export Tifa.`, 'rebuild pkg/ with `make build`.');
      }
      return mod;
    })();
    modules.set(key, p);
    p.catch(() => modules.delete(key));
  }
  return p;
}

/**
 * Fetches `wasmUrl` and, when `compile` and it is served as application/wasm, starts compiling
 * it as it arrives (`WebAssembly.compileStreaming`): `{ res, compiling }`, compiling a promise
 * of the `WebAssembly.Module` or null. Rejections are also caught here, so a promise nobody
 * awaits (the glue module failed first) reports nothing.
 */
function fetchAndCompile(wasmUrl, compile = true) {
  const p = fetchOrExplain(wasmUrl).then((res) => {
    const streams = compile && res.ok && typeof WebAssembly.compileStreaming === 'function'
      && (res.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm';
    const compiling = streams ? WebAssembly.compileStreaming(res) : null;
    compiling?.catch(() => {});
    return { res, compiling };
  });
  p.catch(() => {});
  return p;
}

function classifyInitError(err) {
  const msg = errText(err);
  if (/content security policy|unsafe-eval|wasm-eval|refused to compile/i.test(msg) || (err && err.name === 'EvalError')) {
    return new TifaLoadError('csp', "tifa: the page's Content-Security-Policy does not allow WebAssembly.", CSP_FIX, err);
  }
  return new TifaLoadError('init', `tifa: the WebAssembly module could not start (${msg}).`, 'rebuild pkg/ with `make build` and serve tifa_bg.wasm as application/wasm.', err);
}

async function fetchText(url) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    throw new TifaLoadError('dictionary', `tifa: could not fetch the custom dictionary ${url} (${errText(err)}).`,
      'check the URL; a dictionary on another origin must be served with CORS (Access-Control-Allow-Origin).', err);
  }
  if (!res.ok) {
    throw new TifaLoadError('dictionary', `tifa: the custom dictionary ${url} answered HTTP ${res.status}.`, 'check data-tifa-dictionary / the dictionaryUrl option.');
  }
  return res.text();
}

/** Fetches a part of the compiled dictionary as bytes, with errors that say what to fix. */
async function fetchBytes(url) {
  const res = await fetchOrExplain(url);
  if (!res.ok) {
    throw new TifaLoadError(res.status === 404 || res.status === 410 ? 'not-found' : 'network',
      `tifa: ${url} answered HTTP ${res.status}.`, `serve the pkg/ directory built by \`make build\` (it holds ${PART_LIST}).`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** The fix to quote for tifa's files on another origin than the page. */
export const CORS_FIX = "serve tifa's files (pkg/, lib/, embed.js) with the header `Access-Control-Allow-Origin: *` (or your pages' origin), or from your pages' own origin.";

/** `fetch` for tifa's own files; a network failure becomes a {@link TifaLoadError} saying why. */
async function fetchOrExplain(url) {
  try {
    return await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    throw fetchError(url, err);
  }
}

/** A failed fetch: on another origin than the page, most likely a missing CORS header. */
function fetchError(url, err) {
  const here = typeof location !== 'undefined' ? location.origin : null;
  if (here && new URL(url).origin !== here) {
    return new TifaLoadError('network', `tifa: could not load ${url} (CORS?).`, CORS_FIX, err);
  }
  return new TifaLoadError('network', `tifa: could not fetch ${url} (${errText(err)}).`,
    "check the network and, if the page has a Content-Security-Policy, allow tifa's origin in connect-src.", err);
}

async function probe(url) {
  try {
    const r = await fetch(url, { method: 'GET', cache: 'no-store' });
    return r.status;
  } catch {
    return 0;
  }
}

function errText(err) {
  return String((err && err.message) || err || 'unknown error').replace(/\s+/g, ' ').trim();
}
