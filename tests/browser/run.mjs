// Runs the browser and JS tests (`node --test` over tests/browser/) against ONE headless
// Chromium for the whole run: it is started here as a server, each test file connects to it
// (harness.mjs `launch()`, through TIFA_BROWSER_WS) and works in its own fresh context.
//
//   node tests/browser/run.mjs [--concurrency N] [files…]   (default: every *.test.mjs, largest
//                                                            first; N = 4)
//
// The exit code is `node --test`'s; the browser is closed however the run ends.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS, ROOT } from './harness.mjs';

const args = process.argv.slice(2);
// Four files at once: most of a browser test's time is waiting (for the worker, the engine, idle
// callbacks, downloads); with three at once a cold `make test` used 0.6 of the two cores on
// average while the browser tests ran. (Six at once, on a machine loaded far beyond its two
// cores, gave more tests that ran past Playwright's 30 s waits: 9 of 377 against 5 and 6.)
let concurrency = '4';
const at = args.indexOf('--concurrency');
if (at >= 0) {
  concurrency = args[at + 1];
  args.splice(at, 2);
}
if (!/^[1-9][0-9]*$/.test(concurrency || '')) {
  console.error(`run.mjs: --concurrency needs a positive whole number, not ${JSON.stringify(concurrency)}`);
  process.exit(2);
}
// Every test file, the largest first: the big files hold the most tests and take the longest, and
// started last they would run on alone at the end while the other slots sit idle.
const files = args.length ? args : readdirSync(join(ROOT, 'tests/browser'))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => ({ f: `tests/browser/${f}`, size: statSync(join(ROOT, 'tests/browser', f)).size }))
  .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f))
  .map(({ f }) => f);

// Where the test files' browser contexts append their page loads (harness.mjs), for the report.
const counts = mkdtempSync(join(tmpdir(), 'tifa-loads-'));
const server = await chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
const code = await new Promise((done) => {
  // The usual report on standard output, and at the end the time and page loads per file and the
  // slowest tests (file-times.mjs).
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tests/browser/file-times.mjs', '--test-reporter-destination=stdout'];
  const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...reporters, ...files], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TIFA_BROWSER_WS: server.wsEndpoint(), TIFA_PAGE_LOADS: join(counts, 'loads.tsv') },
  });
  child.on('error', (e) => { console.error(`run.mjs: cannot start node --test: ${e.message}`); done(1); });
  child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0)));
});
await server.close();
rmSync(counts, { recursive: true, force: true });
process.exit(code);
