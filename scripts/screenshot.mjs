// Produces docs/screenshot.png: the page with a sample text highlighted and a tooltip open.
//   node scripts/screenshot.mjs   (after make build)
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { WWW } from '../tests/browser/harness.mjs';
import { tooltipShown } from '../tests/browser/page-helpers.mjs';
import { shoot } from './shoot.mjs';

const samples = JSON.parse(await readFile(join(WWW, 'app', 'samples.json'), 'utf8'));
await shoot('screenshot.png', { width: 1360, height: 860 }, async (page, url) => {
  await page.goto(`${url}/index.html?sample=${encodeURIComponent(samples[0].file)}`);
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0 && !window.tifaPage.busy);
  await page.locator('#output mark[data-tifa-term="two-upholds"], #output mark[data-tifa-term]').first().hover();
  await tooltipShown(page);
  await page.waitForTimeout(300); // the tooltip's fade
});
