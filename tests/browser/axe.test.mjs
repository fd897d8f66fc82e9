// The accessibility helper the view tests share (harness.mjs `axeViolations`): it sees a problem
// that exists only in the dark scheme, one only in the light scheme, and none on a clean page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const page = (css) => `<!doctype html><html lang="en"><head><title>t</title><style>
  body { background: #fff; color: #111 } ${css}</style></head>
  <body><main><h1>Heading</h1><p class="x">Some text to read.</p></main></body></html>`;

/** (name, style, the schemes whose colour-contrast failure is expected) */
const CASES = [
  ['clean in both schemes', '@media (prefers-color-scheme: dark) { body { background: #000; color: #eee } }', []],
  ['low contrast only in dark', '@media (prefers-color-scheme: dark) { body { background: #000; color: #eee } .x { color: #222 } }', ['dark']],
  ['low contrast only in light', '.x { color: #eee } @media (prefers-color-scheme: dark) { body { background: #000; color: #eee } }', ['light']],
];
for (const [name, css, schemes] of CASES) {
  test(`axeViolations: ${name}`, async () => {
    const p = await browser.newPage();
    await p.setContent(page(css));
    const found = await axeViolations(p);
    assert.deepEqual(found.map((line) => line.split(':')[0]), schemes, found.join('\n'));
    assert.ok(found.every((line) => line.includes('color-contrast')), found.join('\n'));
    await p.close();
  });
}
