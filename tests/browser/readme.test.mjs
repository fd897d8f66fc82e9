// The README's embed examples are real: each code block below is read from README.md, pointed at
// the test server instead of https://example.org/tifa/, and run in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { suite, open, occurrences } from './fixtures/node-helpers.mjs';

const s = suite();
before(() => s.start());
after(() => s.stop());

const README = await readFile(join(ROOT, 'README.md'), 'utf8');
const EXAMPLE_BASE = 'https://example.org/tifa/';

/** The body of the first ```lang block of the README that contains `needle`. */
function block(lang, needle) {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  for (const [, body] of README.matchAll(re)) if (body.includes(needle)) return body;
  throw new Error(`README.md has no \`\`\`${lang} block containing ${JSON.stringify(needle)}`);
}

const ARTICLE = `<p id="outside">Outside the article: the Two Upholds.</p>
<article>
<h1>After the plenum</h1>
<p>Members must achieve the Two <em>Upholds</em>, hold a democratic life meeting and keep the
<a href="#r">eight-point</a> rules.</p>
<div class="comments"><p>A reader's comment on the Two Upholds.</p></div>
</article>`;
/** Remembers the article's markup before tifa runs (an inline script: not for the CSP page). */
const RECORD = `<script>window.__orig = document.querySelector('article').innerHTML;</script>`;

/** Serves `body` as an HTML page at /readme/<name>.html on the test server, with `headers`. */
async function openHtml(name, head, body, { headers = {}, waitFor } = {}) {
  const { ctx } = s;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>\n${head}</head><body>\n${body}\n</body></html>`;
  return open(ctx.browser, ctx.server, `/readme/${name}.html`, {
    routes: {
      [`${ctx.server.url}/readme/${name}.html`]: (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }),
    },
    waitFor,
  });
}

const here = (code) => code.replaceAll(EXAMPLE_BASE, `${s.ctx.server.url}/`).replaceAll('https://example.org', s.ctx.server.url);

test('README "Script tag" example, served under the README\'s Content-Security-Policy line', async () => {
  const tag = here(block('html', 'data-tifa-root="article"'));
  const csp = here(block('text', 'Content-Security-Policy:').trim()).replace(/^Content-Security-Policy:\s*/, '');
  const { page, errors } = await openHtml('script-tag', tag, ARTICLE, {
    headers: { 'Content-Security-Policy': csp },
    waitFor: () => document.querySelectorAll('article [data-tifa-term]').length > 0,
  });
  const ids = (await occurrences(page, 'article')).map((o) => o.id);
  assert.ok(ids.includes('two-upholds'), ids.join());
  assert.ok(ids.includes('democratic-life-meeting'), ids.join());
  assert.deepEqual(await occurrences(page, '#outside'), []);
  // Each category has its own underline colour.
  const colour = (id) => page.$eval(`article mark[data-tifa-term="${id}"]`, (m) => getComputedStyle(m).borderBottomColor);
  assert.notEqual(await colour('two-upholds'), await colour('democratic-life-meeting'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('README "JS API" example: options apply, counts are returned, unhighlight restores the DOM', async () => {
  const lines = here(block('js', "import { highlight, unhighlight }")).split('\n');
  const at = lines.findIndex((l) => l.startsWith('unhighlight('));
  assert.ok(at > 0, 'the example ends with unhighlight(...)');
  // Record what the example produced just before it removes the highlights.
  lines.splice(at, 0, `window.__seen = { count: h.count, terms: { ...h.terms },
    marks: [...document.querySelectorAll('article [data-tifa-term]')].map((m) => ({
      id: m.getAttribute('data-tifa-term'), cls: m.className, inComments: !!m.closest('.comments') })) };`);
  lines.push('window.__after = document.querySelector("article").innerHTML;');
  const { page, warnings } = await openHtml('js-api', '', `${ARTICLE}${RECORD}\n<script type="module">\n${lines.join('\n')}\n</script>`, {
    waitFor: () => window.__after !== undefined,
  });
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.count >= 2, JSON.stringify(seen));
  assert.equal(seen.terms['two-upholds'], 1, JSON.stringify(seen.terms)); // the comment is excluded
  for (const m of seen.marks) {
    assert.match(m.cls, /tifa-cat-(leadership|discipline)\b/, `categories option: ${JSON.stringify(m)}`);
    assert.equal(m.inComments, false, 'exclude option');
  }
  assert.ok(!seen.marks.some((m) => m.id === 'democratic-life-meeting'), 'party-building is not among the categories');
  // The example's dictionary URL does not exist here: a warning, then the built-in dictionary.
  assert.ok(warnings.some((w) => /our-terms\.toml/.test(w)), JSON.stringify(warnings));
  assert.equal(await page.evaluate(() => window.__after), await page.evaluate(() => window.__orig));
  await page.close();
});

test('README engine example: each commented line gives what its comment says', async () => {
  // Each `expr; // value` line of the example becomes a check that expr equals value.
  const lines = here(block('js', 'loadCards(tifa)')).split('\n').map((line) => {
    const m = /^(.*?);\s*\/\/\s*(.+)$/.exec(line);
    if (!m || /^\s*(const|await|import)/.test(m[1])) return line;
    const want = /^'[^']*'$|^true$|^false$/.test(m[2].trim()) ? m[2].trim() : null;
    if (want) return `window.__checks.push([${JSON.stringify(m[1])}, ${m[1]}, ${want}]);`;
    if (/^Uint32Array/.test(m[2])) return `window.__checks.push([${JSON.stringify(m[1])}, (${m[1]}) instanceof Uint32Array, true]);`;
    return line;
  });
  const { page } = await openHtml('engine', '', `<script type="module">\nwindow.__checks = [];\n${lines.join('\n')}\nwindow.__done = true;\n</script>`, {
    waitFor: () => window.__done === true,
  });
  const checks = await page.evaluate(() => window.__checks);
  assert.equal(checks.length, 4, JSON.stringify(checks));
  for (const [expr, got, want] of checks) assert.deepEqual(got, want, expr);
  await page.close();
});

test('README "Custom element" example highlights its own content with its attributes', async () => {
  const html = here(block('html', '<tifa-text'));
  const { page } = await openHtml('element', '', `${ARTICLE}\n${html}`, {
    waitFor: () => customElements.get('tifa-text'),
  });
  const count = await page.evaluate(async () => (await document.querySelector('tifa-text').ready).count);
  const found = await occurrences(page, 'tifa-text');
  assert.equal(count, found.length);
  assert.deepEqual(found.map((o) => o.id), ['two-upholds']); // categories="leadership" first
  assert.deepEqual(await occurrences(page, 'article'), []);
  await page.close();
});

test('README "Bookmarklet" console snippet toggles the highlights on a page without tifa', async () => {
  const snippet = here(block('js', 'm.toggle(')).trim();
  const { page } = await openHtml('bookmarklet', '', ARTICLE + RECORD);
  await page.evaluate(snippet);
  await page.waitForFunction(() => document.querySelectorAll('article [data-tifa-term]').length > 0);
  await page.evaluate(snippet);
  await page.waitForFunction(() => document.querySelectorAll('[data-tifa-term]').length === 0);
  assert.equal(await page.evaluate(() => document.querySelector('article').innerHTML), await page.evaluate(() => window.__orig));
  await page.close();
});
