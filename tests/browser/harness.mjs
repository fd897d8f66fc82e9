// Shared harness for browser tests: a static server over www/ (and tests/browser/fixtures/)
// on 127.0.0.1 with per-path headers, and headless Debian Chromium driven by playwright-core.
//
//   import { startServer, launch } from './harness.mjs';
//   const server = await startServer({ headers: { '/csp-strict.html': { 'Content-Security-Policy': "..." } } });
//   const browser = await launch();
//   const page = await browser.newPage(); await page.goto(server.url + '/index.html');
//   ... await browser.close(); await server.close();
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const WWW = join(ROOT, 'www');
export const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.toml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8', '.tgz': 'application/gzip',
};

/**
 * Serves `www/` at `/`, `tests/browser/fixtures/` at `/fixtures/`, and `node_modules/` at
 * `/node_modules/` (for baselines such as mark.js). `headers` maps a path to extra headers.
 */
export async function startServer({ headers = {}, port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (path.startsWith('/fixtures/')) file = join(FIXTURES, path.slice('/fixtures/'.length));
    else if (path.startsWith('/node_modules/')) file = join(ROOT, path);
    else file = join(WWW, path === '/' ? 'index.html' : path);
    file = normalize(file);
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store', ...(headers[path] || {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  // close() also drops kept-alive connections, so a closed server really is gone (offline tests).
  return { url, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}

/** Debian's chromium, found on PATH; never a downloaded browser. */
export function chromiumPath() {
  const path = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  if (!path) throw new Error('chromium is not installed: run `make test` (it installs it) or `apt-get install -y chromium`');
  return path;
}

/** The flags this machine needs, for a launched browser and for the shared one (run.mjs). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  // Two test servers on 127.0.0.1 are two origins; let one load from the other (the CORS test).
  '--disable-features=LocalNetworkAccessChecks'];

/**
 * A fresh browser context: in the Chromium that `tests/browser/run.mjs` shares between test
 * files when `TIFA_BROWSER_WS` names it (one browser per run), else in a headless Chromium
 * launched for the caller with a fresh profile. `close()` closes what this call opened.
 *
 * Service workers are blocked unless the caller asks for them (`launch({ serviceWorkers:
 * 'allow' })`: the tests of the page's offline mode and its loading order, and the benchmarks).
 * The page's worker installs itself in every fresh context after the first highlight and
 * downloads every file of the site, 3.6 MB of wasm included, into its cache: about 0.6 s of
 * processor time per page load in a context, which the 150 page loads of the other tests do not
 * need (the worker is network-first, so with it or without it they read the same files).
 */
/**
 * How long a Playwright action or wait may take before it fails (Playwright's own default is
 * 30 s). A limit, never a measurement: on the two-core CI machine, while the Rust tests compile
 * beside four browser test files, one click has needed more than 30 s (the sixteenth session's
 * CI run failed two stepping tests so). Set on every context `launch` makes.
 */
export const WAIT_MS = 120_000;

export async function launch({ serviceWorkers = 'block' } = {}) {
  const shared = process.env.TIFA_BROWSER_WS;
  if (shared) {
    const browser = await chromium.connect(shared);
    const context = await browser.newContext({ serviceWorkers });
    context.setDefaultTimeout(WAIT_MS);
    const loads = countLoads(context);
    return {
      context,
      newPage: async () => context.newPage(),
      // Disconnects this file's client; the shared browser stays up for the others.
      close: async () => { loads.report(); await context.close(); await browser.close(); },
    };
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'tifa-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers,
  });
  context.setDefaultTimeout(WAIT_MS);
  const loads = countLoads(context);
  return {
    context,
    newPage: async () => context.newPage(),
    close: () => { loads.report(); return context.close(); },
  };
}

/**
 * Counts the documents `context` loads (each page's load event: page.goto, reloads, links, file://
 * pages), and `report()` appends "<test file>\t<count>" to the file TIFA_PAGE_LOADS names, when it
 * is set (run.mjs sets it; file-times.mjs prints the counts per test file).
 */
function countLoads(context) {
  let n = 0;
  const watch = (page) => page.on('load', () => { n += 1; });
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    report() {
      if (process.env.TIFA_PAGE_LOADS) appendFileSync(process.env.TIFA_PAGE_LOADS, `${process.argv[1]}\t${n}\n`);
    },
  };
}

/**
 * The text of a Playwright download. Read as a stream: `download.path()` is not available when
 * the browser is the shared one run.mjs starts (a remote connection).
 */
export async function downloadText(download) {
  return (await downloadBytes(download)).toString('utf8');
}

/** The bytes of a Playwright download, read as a stream (as {@link downloadText}). */
export async function downloadBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The serious and critical axe-core violations on `page` in the light and the dark colour
 * scheme, as readable lines (rule, impact, up to three targets), each prefixed with its scheme.
 * All rules run in light; in dark only the rules that depend on colours (the markup is the same,
 * only the custom properties change), which halves what the slowest browser tests did when each
 * scheme was a page and a full run of its own. `within` is a CSS selector for the part to check
 * (default: the whole document).
 *
 * @example
 *   assert.deepEqual(await axeViolations(page), []);
 */
export async function axeViolations(page, { within } = {}) {
  axeViolations.source ??= await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated, not added as a <script>: the corpus report's CSP allows no inline script.
  await page.evaluate(axeViolations.source);
  const out = [];
  for (const [scheme, rules] of [['light', null], ['dark', AXE_COLOUR_RULES]]) {
    await page.emulateMedia({ colorScheme: scheme });
    const found = await page.evaluate(async ({ within, rules }) => {
      const context = within ? document.querySelector(within) : document;
      const options = { resultTypes: ['violations'], ...(rules && { runOnly: { type: 'rule', values: rules } }) };
      const r = await window.axe.run(context, options);
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
    }, { within, rules });
    out.push(...found.map((line) => `${scheme}: ${line}`));
  }
  return out;
}

/** The axe-core rules whose outcome depends on colours (what the dark scheme changes). */
const AXE_COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
