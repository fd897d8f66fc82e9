// The npm package of the embed: scripts/build-npm.sh packs www/npm/tifa-embed-<version>.tgz;
// unpacked as node_modules/tifa-embed, it resolves through `exports` in Node, ships its types,
// and a tiny consumer page imports it (through an import map, as a bundler would resolve it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, FIXTURES } from './harness.mjs';
import { suite, open } from './fixtures/node-helpers.mjs';

const s = suite();
const NPM_DIR = join(FIXTURES, '.npm');
const PKG_DIR = join(NPM_DIR, 'node_modules', 'tifa-embed');
let tarball;

before(async () => {
  await s.start();
  tarball = execFileSync(join(ROOT, 'scripts', 'build-npm.sh'), { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop();
  await rm(NPM_DIR, { recursive: true, force: true });
  await mkdir(PKG_DIR, { recursive: true });
  execFileSync('tar', ['xzf', join(ROOT, tarball), '-C', PKG_DIR, '--strip-components=1']);
});
after(async () => {
  await s.stop();
  await rm(NPM_DIR, { recursive: true, force: true });
});

test('the tarball holds the embed, the engine, the wasm, the types and the licence', async () => {
  assert.match(tarball, /^www\/npm\/tifa-embed-\d+\.\d+\.\d+\.tgz$/);
  const files = ['package.json', 'index.d.ts', 'embed.js', 'lib/engine.js', 'lib/highlight.js', 'lib/tooltip.js', 'lib/card.js', 'lib/mark.js',
    'pkg/tifa.js', 'pkg/tifa.d.ts', 'pkg/tifa_bg.wasm', 'pkg/tifa.match.bin', 'pkg/tifa.match.en.bin', 'pkg/tifa.match.zh.bin', 'pkg/tifa.match.mt.bin', 'pkg/tifa.cards.bin', 'pkg/tifa_embed.js', 'pkg/tifa_embed_bg.wasm', 'pkg/tifa_full.js', 'pkg/tifa_full_bg.wasm', 'vendor/floating-ui.dom.browser.min.mjs', 'vendor/floating-ui.core.browser.min.mjs',
    'README.md', 'LICENSE'];
  for (const f of files) await access(join(PKG_DIR, f));
  const pkg = JSON.parse(await readFile(join(PKG_DIR, 'package.json'), 'utf8'));
  const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.version, /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1], 'version follows Cargo.toml');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  assert.equal(pkg.exports['.'].default, './embed.js');
  const vendored = await readFile(join(PKG_DIR, 'vendor', 'floating-ui.dom.browser.min.mjs'), 'utf8');
  assert.doesNotMatch(vendored, /from\s*"@floating-ui\//, 'no bare specifier a browser cannot resolve');
  const types = await readFile(join(PKG_DIR, 'index.d.ts'), 'utf8');
  for (const name of ['highlight', 'unhighlight', 'HighlightOptions', 'HighlightHandle', 'TifaText', 'loadTifa']) assert.match(types, new RegExp(`\\b${name}\\b`));
});

test('Node resolves the package through its exports map', async () => {
  const probe = join(NPM_DIR, 'probe.mjs');
  await writeFile(probe, `
    const m = await import('tifa-embed');
    const e = await import('tifa-embed/engine');
    console.log(JSON.stringify({ highlight: typeof m.highlight, unhighlight: typeof m.unhighlight, loadTifa: typeof e.loadTifa,
      categories: m.CATEGORIES.length, wasm: import.meta.resolve('tifa-embed/pkg/tifa_bg.wasm').endsWith('/pkg/tifa_bg.wasm') }));
  `);
  const out = execFileSync(process.execPath, [probe], { cwd: NPM_DIR, encoding: 'utf8', timeout: 20000 });
  assert.deepEqual(JSON.parse(out), { highlight: 'function', unhighlight: 'function', loadTifa: 'function', categories: 12, wasm: true });
  assert.ok(pathToFileURL(probe));
});

test('a tiny consumer page imports the package and highlights', async () => {
  const { page, warnings, errors } = await open(s.ctx.browser, s.ctx.server, '/fixtures/npm-consumer.html', {
    waitFor: () => window.consumer,
  });
  const r = await page.evaluate(() => window.consumer);
  assert.deepEqual(r, { count: 2, terms: { 'two-upholds': 2 }, categories: 12 });
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});
