// Produces docs/term-page.png: the glossary's entry page of 两个维护 "Two Upholds" (1280×900, light).
//   scripts/ensure-tools.sh fonts && node scripts/screenshot-term.mjs   (after make build)
import { shoot } from './shoot.mjs';

const ID = 'two-upholds';
await shoot('term-page.png', { width: 1280, height: 900 }, async (page, url) => {
  await page.goto(`${url}/index.html#term/${ID}`);
  // The entry with its card fields, and the list beside it with pinyin (after the card fields).
  await page.waitForFunction((id) => window.tifaPage && document.querySelector(`#glossary-entry [data-tifa-entry="${id}"] .tifa-card-explanation`), ID);
  await page.waitForSelector('#glossary-results .g-py');
  // The screenshot shows the top of the page, and the list scrolled to the entry.
  await page.evaluate(() => {
    document.querySelector('#glossary-results a[aria-current]')?.scrollIntoView({ block: 'center' });
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
});
