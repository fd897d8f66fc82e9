// Produces docs/corpus-report.png: `tifa corpus --report` on the shipped test corpus, opened from
// file:// (1280×900, light), with "new quality productive forces" added to the chart and 2023 hovered.
//   scripts/ensure-tools.sh fonts && cargo build -p tifa-cli && node scripts/screenshot-corpus-report.mjs
// TIFA_BIN names another tifa binary (default target/debug/tifa).
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../tests/browser/harness.mjs';
import { shoot } from './shoot.mjs';

const tifa = process.env.TIFA_BIN || join(ROOT, 'target', 'debug', 'tifa');
const report = join(await mkdtemp(join(tmpdir(), 'tifa-report-')), 'report.html');
execFileSync(tifa, ['corpus', join(ROOT, 'tests', 'data', 'corpus', 'watchwords.jsonl'), '--by', 'year', '--report', report],
  { stdio: ['ignore', 'ignore', 'inherit'] });
await shoot('corpus-report.png', { width: 1280, height: 900 }, async (page) => {
  await page.goto(pathToFileURL(report).href);
  await page.waitForFunction(() => window.tifaReport?.chart);
  await page.check('input[data-key="new-quality-productive-forces"]');
  await page.waitForFunction(() => window.tifaReport.series.includes('new-quality-productive-forces'));
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  // Hover 2023, so the legend shows that year's rates.
  const at = await page.evaluate(() => {
    const u = window.tifaReport.chart;
    const box = u.over.getBoundingClientRect();
    return { x: box.left + u.valToPos(window.tifaReport.periods.indexOf('2023'), 'x'), y: box.top + box.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => window.tifaReport.chart.legend.idx === window.tifaReport.periods.indexOf('2023'));
}, { serve: false });
