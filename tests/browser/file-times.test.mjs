// The run's reporter (file-times.mjs): the end of a CI log must say which tests failed and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fileTimes, { errorLines } from './file-times.mjs';

// This process's own reports must not reach the run's list of failures (`make test` sets it for
// the reporter of the real run, which runs in the parent process).
delete process.env.TIFA_FAILED_FILE;

/** The reporter's whole output for these events. */
async function report(events) {
  let out = '';
  for await (const chunk of fileTimes((async function* () { yield* events; })())) out += chunk;
  return out;
}
const FILE = join(process.cwd(), 't', 'a.test.mjs'); // printed relative to the working directory
const pass = (name, ms) => ({ type: 'test:pass', data: { name, nesting: 0, file: FILE, details: { duration_ms: ms } } });
const fail = (name, error, nesting = 0) => ({ type: 'test:fail', data: { name, nesting, file: FILE, details: { duration_ms: 31_000, error } } });
const wrapped = (message) => Object.assign(new Error('test failed'), { cause: new Error(message) });

/** (case, events, lines the output must hold, lines it must not) */
const CASES = [
  ['no failure, no failure section', [pass('one', 5)], ['the 15 slowest tests:'], ['failed test']],
  ['a failure names its file, test, time and its cause\'s message',
    [pass('one', 5), fail('two clicks', wrapped('locator.click: Timeout 30000ms exceeded.\nCall log:\n  - waiting'))],
    ['1 failed test, with the start of each error:', '  t/a.test.mjs: two clicks (31.0 s)', '      locator.click: Timeout 30000ms exceeded.', '      Call log:'], ['test failed']],
  ['a parent failed only by its subtests is not repeated',
    [fail('suite', Object.assign(new Error('1 subtest failed'), { failureType: 'subtestsFailed' })), fail('inner', wrapped('boom'), 1)],
    ['1 failed test', '  t/a.test.mjs: inner (31.0 s)', '      boom'], ['1 subtest failed']],
];
for (const [name, events, want, not] of CASES) {
  test(`file-times: ${name}`, async () => {
    const out = (await report(events)).split('\n');
    for (const line of want) assert.ok(out.some((l) => l.startsWith(line)), `missing ${JSON.stringify(line)} in\n${out.join('\n')}`);
    for (const line of not) assert.ok(!out.some((l) => l.includes(line)), `unexpected ${JSON.stringify(line)}`);
  });
}

test('file-times: errorLines keeps the first eight non-empty lines', () => {
  const long = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n\n');
  assert.deepEqual(errorLines(wrapped(long)), Array.from({ length: 8 }, (_, i) => `line ${i}`));
  assert.deepEqual(errorLines(undefined), ['no error recorded']);
  assert.deepEqual(errorLines('plain'), ['plain']);
});

test('file-times: with TIFA_FAILED_FILE set, the failures are written there too, and nothing when all pass', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-failed-'));
  const file = join(dir, 'failed.txt');
  process.env.TIFA_FAILED_FILE = file;
  try {
    await report([pass('one', 5)]);
    assert.equal(existsSync(file), false);
    const out = await report([fail('two clicks', wrapped('Timeout 30000ms exceeded.'))]);
    const written = readFileSync(file, 'utf8');
    assert.ok(written.includes('  t/a.test.mjs: two clicks (31.0 s)\n      Timeout 30000ms exceeded.\n'), written);
    assert.ok(out.endsWith(written));
  } finally {
    delete process.env.TIFA_FAILED_FILE;
    rmSync(dir, { recursive: true, force: true });
  }
});
