// Produces docs/corpus-report.png: `tifa corpus --report` on the shipped test corpus, opened from
// file:// (1280×900, light), with "new quality productive forces" added to the chart.
//   scripts/ensure-tools.sh fonts && cargo build -p tifa-cli && node scripts/screenshot-corpus-report.mjs
// TIFA_BIN names another tifa binary (default target/debug/tifa).
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, ROOT } from '../tests/browser/harness.mjs';

const tifa = process.env.TIFA_BIN || join(ROOT, 'target', 'debug', 'tifa');
const report = join(await mkdtemp(join(tmpdir(), 'tifa-report-')), 'report.html');
execFileSync(tifa, ['corpus', join(ROOT, 'tests', 'data', 'corpus', 'watchwords.jsonl'), '--by', 'year', '--report', report],
  { stdio: ['ignore', 'ignore', 'inherit'] });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(pathToFileURL(report).href);
  await page.waitForFunction(() => window.tifaReport?.chart);
  await page.check('input[data-key="new-quality-productive-forces"]');
  await page.waitForFunction(() => window.tifaReport.series.includes('new-quality-productive-forces'));
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.evaluate(() => document.fonts.ready);
  const out = join(ROOT, 'docs', 'corpus-report.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
