// Produces docs/mobile-sheet.png: the page on a 390×844 touch screen with a term tapped, its card
// open as a bottom sheet and the term kept visible above it.
//   node scripts/screenshot-sheet.mjs   (after make build; make screenshot runs it)
import { tooltipShown } from '../tests/browser/page-helpers.mjs';
import { shoot } from './shoot.mjs';

await shoot('mobile-sheet.png', { width: 390, height: 844 }, async (page, url) => {
  await page.goto(`${url}/index.html?sample=official-en.txt`);
  await page.waitForFunction(() => window.tifaPage && window.tifaPage.matchCount > 0 && !window.tifaPage.busy);
  await page.evaluate(() => window.tifaPage.cards());
  const mark = page.locator('#output mark[data-tifa-term="two-upholds"], #output mark[data-tifa-term]').first();
  await mark.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 300)); // the term in the lower half, where the sheet would cover it
  const box = await mark.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const pt = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [pt] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await tooltipShown(page);
  await page.waitForTimeout(300); // the scroll that keeps the term above the sheet
});
