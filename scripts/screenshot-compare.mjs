// Produces docs/compare.png: the compare view (#compare) with an original, its translation and
// the alignment table, one term stepped to (1280×900, light).
//   scripts/ensure-tools.sh fonts && node scripts/screenshot-compare.mjs   (after make build)
import { ORIGINAL, TRANSLATION } from '../tests/browser/fixtures/compare-texts.mjs';
import { shoot } from './shoot.mjs';
await shoot('compare.png', { width: 1280, height: 900 }, async (page, url) => {
  await page.goto(`${url}/index.html#compare`);
  await page.waitForFunction(() => window.tifaCompare && document.getElementById('engine-status').textContent.includes('entries'));
  await page.fill('#compare-left', ORIGINAL);
  await page.fill('#compare-right', TRANSLATION);
  await page.waitForFunction(() => !window.tifaCompare.busy && document.querySelector('#compare-table table'));
  await page.click('#compare-table tr[data-term="chinese-modernization"] button');
  // From the text boxes down: both texts and the top of the table in one screen.
  await page.evaluate(() => {
    document.activeElement.blur();
    for (const box of document.querySelectorAll('#view-compare textarea')) box.scrollTop = 0;
    window.scrollTo(0, document.querySelector('.compare-sides').getBoundingClientRect().top + window.scrollY - 12);
  });
});
