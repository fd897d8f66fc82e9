// Helpers for the page's browser tests (tests/browser/page*.test.mjs) and benches/page.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { before, after } from 'node:test';
import { ROOT, WWW, startServer, launch, downloadText } from './harness.mjs';

/** Where the page's sample texts are (copied from tests/samples by make build, or our own). */
export const SAMPLES = join(WWW, 'samples');

/** The samples the page offers: [{ file, title, party, chinese }] (www/app/samples.json). */
export const SAMPLE_LIST = JSON.parse(readFileSync(join(WWW, 'app', 'samples.json'), 'utf8'));

/**
 * Runs the CLI on `file` (`tifa annotate <basename> --format <format>`, from the file's folder, so
 * its "source" is the basename) and returns stdout. Uses $TIFA_BIN when set, else `cargo run`.
 */
export function cli(file, format = 'json', extra = []) {
  const args = ['annotate', basename(file), '--format', format, ...extra];
  const opts = { cwd: dirname(file), encoding: 'utf8', maxBuffer: 1 << 30 };
  if (process.env.TIFA_BIN) return execFileSync(process.env.TIFA_BIN, args, opts);
  for (const dir of [process.env.CARGO_TARGET_DIR, join(ROOT, 'target')].filter(Boolean)) {
    for (const profile of ['release', 'debug']) {
      const bin = join(dir, profile, 'tifa');
      if (existsSync(bin)) return execFileSync(bin, args, opts);
    }
  }
  return execFileSync('cargo', ['run', '-q', '--locked', '--manifest-path', join(ROOT, 'Cargo.toml'), '-p', 'tifa-cli', '--', ...args], opts);
}

/** Opens the page and waits until the dictionary is loaded. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, init, keepStorage = false } = {}) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  // The browser profile is shared by the tests: a custom dictionary one test loaded (and the
  // page keeps in localStorage) must not reach the next, unless the test asks for it.
  if (!keepStorage) {
    await page.addInitScript(() => {
      try { for (const k of ['tifa-dictionary', 'tifa-draft', 'tifa-keep-draft']) localStorage.removeItem(k); } catch { /* none */ }
    });
  }
  if (init) await page.addInitScript(init);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  await page.waitForFunction(() => window.tifaPage && document.getElementById('engine-status').textContent.includes('entries'));
  page.errors = errors;
  return page;
}

/**
 * Waits until the page has its card part (explanations, sources) and has drawn its entries with
 * it. The promise's value (every entry, megabytes) stays in the page: returned from `evaluate`, it
 * was serialized over the wire on every call, 6–7 s each on an idle machine and past Playwright's
 * 30 s waits on a loaded one.
 *
 * @example
 *   await withCards(page);
 *   await page.hover('mark[data-tifa-term]'); // its card shows the explanation at once
 */
export function withCards(page) {
  return page.evaluate(async () => { await window.tifaPage.cards(); });
}

/** Waits until the page has analysed and fully rendered the current text. */
export async function settled(page, timeout = 120_000) {
  await page.waitForFunction(() => !window.tifaPage.busy, null, { timeout, polling: 50 });
}

/** Types (fills) `text` into the textarea, as a user pasting normally would, and waits. */
export async function fillText(page, text) {
  await page.fill('#text', text);
  await settled(page);
}

/** Fires a real `paste` event carrying `text` on the textarea (the big-paste path). */
export async function pasteEvent(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** The highlights on the page: [{ id, text }] in document order. */
export function highlights(page) {
  return page.$$eval('#output [data-tifa-term]', (els) => els.map((e) => ({ id: e.getAttribute('data-tifa-term'), text: e.textContent })));
}

/** The open tooltip host's text ('' when closed). */
export function tooltipText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-tifa-tooltip-host]');
    return host && host.hasAttribute('data-open') ? host.shadowRoot.textContent : '';
  });
}

/** Minimal RFC 4180 CSV parser: rows of fields. */
export function parseCsv(s) {
  const rows = [];
  let row = []; let field = ''; let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Waits until the tooltip is open and positioned: until then its panel is hidden (and nameless). */
export function tooltipShown(page) {
  return page.waitForFunction(() => {
    const h = document.querySelector('[data-tifa-tooltip-host]');
    const p = h && h.hasAttribute('data-open') && h.shadowRoot.querySelector('.tifa-tip');
    return !!p && getComputedStyle(p).visibility === 'visible';
  });
}

/**
 * One static server and one headless Chromium for a test file, started before its tests and
 * closed after them: `const t = pageSuite();` then `openPage(t.browser, t.server.url + '/')`.
 */
export function pageSuite() {
  const t = { server: null, browser: null };
  before(async () => {
    t.server = await startServer();
    t.browser = await launch();
  });
  after(async () => {
    await t.browser?.close();
    await t.server?.close();
  });
  return t;
}

/** Clicks the page's export button for `format` and returns the file it saves: name and text. */
export async function download(page, format) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${format}"]`)]);
  return { name: dl.suggestedFilename(), body: await downloadText(dl) };
}

/**
 * A page the tests of a file share: opened by the first test that asks for it and closed after
 * the file's tests. For tests that read the page, or put back what they change, so that each
 * does not load the page and start its engine again.
 *
 * @example
 *   const shared = sharedPage(() => openPage(t.browser, t.server.url + '/index.html'));
 *   test('…', async () => { const page = await shared(); … });
 */
export function sharedPage(open) {
  let page = null;
  after(async () => {
    // Not opened (it failed), or the browser closed first (its hook may run before): nothing to do.
    if (page) await page.then((p) => p.close()).catch(() => {});
  });
  return () => (page ??= open());
}
