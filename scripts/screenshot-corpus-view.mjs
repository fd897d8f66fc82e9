// Produces docs/corpus-view.png: the page's Corpus view (#corpus) after counting the shipped test
// corpus (tests/data/corpus/watchwords.jsonl) by year, scrolled to its summary, dates line and
// trend chart (1280×1000, light).
//   make build && scripts/ensure-tools.sh fonts && node scripts/screenshot-corpus-view.mjs
import { join } from 'node:path';
import { ROOT } from '../tests/browser/harness.mjs';
import { shoot } from './shoot.mjs';

await shoot('corpus-view.png', { width: 1280, height: 1000 }, async (page, url) => {
  await page.goto(`${url}/#corpus`);
  await page.waitForFunction(() => window.tifaCorpus);
  await page.selectOption('#corpus-by', 'year');
  await page.setInputFiles('#corpus-files', join(ROOT, 'tests', 'data', 'corpus', 'watchwords.jsonl'));
  await page.waitForFunction(() => window.tifaCorpus.charts?.chart, null, { timeout: 300_000 });
  await page.evaluate(() => {
    document.activeElement.blur();
    document.getElementById('corpus-result').scrollIntoView();
  });
});
