// Produces docs/screenshot.png: the page with a sample text highlighted and a tooltip open.
//   node scripts/screenshot.mjs   (after make build)
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { startServer, launch, ROOT, WWW } from '../tests/browser/harness.mjs';
import { tooltipShown } from '../tests/browser/page-helpers.mjs';

const samples = JSON.parse(await readFile(join(WWW, 'app', 'samples.json'), 'utf8'));
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${server.url}/index.html?sample=${encodeURIComponent(samples[0].file)}`);
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0 && !window.tifaPage.busy);
  const mark = page.locator('#output mark[data-tifa-term="two-upholds"], #output mark[data-tifa-term]').first();
  await mark.hover();
  await tooltipShown(page);
  await page.waitForTimeout(300);
  const out = join(ROOT, 'docs', 'screenshot.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
