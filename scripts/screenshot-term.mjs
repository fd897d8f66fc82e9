// Produces docs/term-page.png: the glossary's entry page of 两个维护 "Two Upholds" (1280×900, light).
//   scripts/ensure-tools.sh fonts && node scripts/screenshot-term.mjs   (after make build)
import { join } from 'node:path';
import { startServer, launch, ROOT } from '../tests/browser/harness.mjs';

const ID = 'two-upholds';
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${server.url}/index.html#term/${ID}`);
  // The entry with its card fields, and the list beside it with pinyin (after the card fields).
  await page.waitForFunction((id) => window.tifaPage && document.querySelector(`#glossary-entry [data-tifa-entry="${id}"] .tifa-card-explanation`), ID);
  await page.waitForSelector('#glossary-results .g-py');
  // Every font the page uses is loaded (the Chinese ones come late).
  await page.evaluate(() => document.fonts.ready);
  // The screenshot shows the top of the page, and the list scrolled to the entry.
  await page.evaluate(() => {
    document.querySelector('#glossary-results a[aria-current]')?.scrollIntoView({ block: 'center' });
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
  const out = join(ROOT, 'docs', 'term-page.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
