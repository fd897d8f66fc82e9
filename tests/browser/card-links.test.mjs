// Links from each card (issue 11, "expected and missing"): to the entry's own page (#term/<id>)
// and "Report a problem with this entry" (lib/feedback.js, address set at build time by
// scripts/site-config.py). Node units and headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { openPage, fillText, tooltipShown, pageSuite, withCards } from './page-helpers.mjs';
import { problemUrl, DEFAULT_REPORT_TEMPLATE } from '../../www/lib/feedback.js';

const ENTRY = { id: 'two-upholds', zh: '两个维护', en: 'Two Upholds', file: 'leadership.toml' };
const urls = [
  { name: 'the default: a filled-in mail with no recipient', template: '', starts: 'mailto:?subject=tifa%20entry%20two-upholds' },
  { name: 'an issue tracker', template: 'https://tracker.example/new?title={title}&body={body}', starts: 'https://tracker.example/new?title=tifa%20entry%20two-upholds%3A%20Two%20Upholds%20(' },
  { name: 'single fields', template: 'https://x.example/{id}/{version}?zh={zh}&en={en}', equals: 'https://x.example/two-upholds/0.1.0%2Babc?zh=%E4%B8%A4%E4%B8%AA%E7%BB%B4%E6%8A%A4&en=Two%20Upholds' },
];
for (const c of urls) {
  test(`problemUrl: ${c.name}`, () => {
    const url = problemUrl(c.template, ENTRY, { version: '0.1.0+abc', page: 'https://site.example/' });
    if (c.equals) assert.equal(url, c.equals);
    else assert.ok(url.startsWith(c.starts), url);
    if (!c.equals) {
      const body = decodeURIComponent(/body=([^&]*)/.exec(url)[1]);
      assert.match(body, /Entry: two-upholds — Two Upholds \(两个维护\)/);
      assert.match(body, /Dictionary version: 0\.1\.0\+abc/);
      assert.match(body, /Dictionary file: leadership\.toml/);
      assert.match(body, /Seen on: https:\/\/site\.example\//);
    }
  });
}
test('problemUrl: the default template is a mailto: link', () => assert.ok(DEFAULT_REPORT_TEMPLATE.startsWith('mailto:')));

const configs = [
  { name: 'no address set', env: {}, report: '' },
  { name: 'an https tracker', env: { TIFA_REPORT_URL: 'https://tracker.example/new?body={body}' }, report: 'https://tracker.example/new?body={body}' },
  { name: 'a javascript: address is refused', env: { TIFA_REPORT_URL: 'javascript:alert(1)' }, error: /must be an https:, http: or mailto: address/ },
];
for (const c of configs) {
  test(`scripts/site-config.py: ${c.name}`, () => {
    const r = spawnSync('python3', ['scripts/site-config.py', 'www/pkg/tifa.match.bin'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TIFA_REPORT_URL: '', ...c.env } });
    if (c.error) {
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, c.error);
      return;
    }
    assert.equal(r.status, 0, r.stderr);
    const cfg = JSON.parse(r.stdout);
    assert.equal(cfg.report, c.report);
    assert.match(cfg.version, /^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });
}

const t = pageSuite();

test('a card links to its entry page and to a pre-filled report with the dictionary version; the reader\'s text stays out of it', async () => {
  const page = await openPage(t.browser, t.server.url + '/index.html');
  await withCards(page);
  await fillText(page, 'The plenum stressed the Two Upholds.');
  await page.hover('#output mark[data-tifa-term="two-upholds"]');
  await tooltipShown(page);
  const links = await page.evaluate(() => [...document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelectorAll('.tifa-card-foot a')]
    .map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.target })));
  assert.deepEqual(links.map((l) => l.text), ['Entry page', 'Report a problem with this entry']);
  assert.equal(links[0].href, '#term/two-upholds');
  const config = JSON.parse(readFileSync(join(ROOT, 'www', 'config.json'), 'utf8'));
  const report = decodeURIComponent(links[1].href);
  assert.ok(report.includes(`Dictionary version: ${config.version}`), report);
  assert.ok(!report.includes('plenum'), 'the text is not in the report');
  assert.equal(links[1].target, '_blank');
  // The entry page link opens the glossary's term page.
  await page.evaluate(() => document.querySelector('[data-tifa-tooltip-host]').shadowRoot.querySelector('.tifa-card-foot a').click());
  await page.waitForFunction(() => !document.getElementById('view-glossary').hidden && location.hash === '#term/two-upholds');
  await page.waitForFunction(() => /两个维护/.test(document.getElementById('glossary-entry').textContent));
  // The term page offers the report too (not a link to itself).
  assert.deepEqual(await page.$$eval('#glossary-entry .tifa-card-foot a', (as) => as.map((a) => a.textContent)), ['Report a problem with this entry']);
  assert.deepEqual(page.errors, []);
  await page.close();
});
