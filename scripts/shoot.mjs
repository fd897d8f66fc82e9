// Shared by the scripts/screenshot*.mjs scripts (make screenshot): a headless Chromium page in
// the light theme with reduced motion, optionally over a server of www/, and its picture saved
// in docs/.
//
//   import { shoot } from './shoot.mjs';
//   await shoot('term-page.png', { width: 1280, height: 900 }, async (page, url) => { await page.goto(url + '/'); });
import { join } from 'node:path';
import { startServer, launch, ROOT } from '../tests/browser/harness.mjs';

/**
 * Opens a page of `viewport` size (and a server of www/ unless `serve` is false), runs
 * `setup(page, serverUrl)`, waits for the fonts, and writes docs/`name`.
 */
export async function shoot(name, viewport, setup, { serve = true } = {}) {
  const server = serve ? await startServer() : null;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await setup(page, server?.url);
    await page.evaluate(() => document.fonts.ready);
    const out = join(ROOT, 'docs', name);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await server?.close();
  }
}
