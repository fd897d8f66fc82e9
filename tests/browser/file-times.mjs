// A `node --test` reporter (tests/browser/run.mjs adds it beside the usual one): at the end of
// the run, the test files by summed test time, slowest first, with the count of tests and of
// page loads in each (harness.mjs counts them), then the slowest tests, so the slow files and
// what makes them slow are known when the suite must get faster; last, each failed test with the
// first lines of its error, so that the tail of a CI log says why it failed. Not a test file.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/** How many of the slowest tests are listed. */
const SLOWEST = 15;
/** How many lines of a failed test's error are repeated at the end. */
const ERROR_LINES = 8;

/**
 * The first `ERROR_LINES` lines of a failed test's error, its cause's message first (node --test
 * wraps a test's error in one whose cause is the error thrown).
 *
 * @example
 *   errorLines({ cause: new Error('Timeout 30000ms exceeded.') }) // ['Timeout 30000ms exceeded.']
 */
export function errorLines(error) {
  const e = error?.cause ?? error;
  const text = String(e?.message ?? e ?? 'no error recorded');
  return text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(0, ERROR_LINES);
}

/** @param {AsyncIterable<{type: string, data: any}>} source */
export default async function* fileTimes(source) {
  const byFile = new Map();
  const tests = [];
  const failed = [];
  const file = (name) => {
    let f = byFile.get(resolve(name));
    if (!f) byFile.set(resolve(name), (f = { ms: 0, tests: 0, loads: 0 }));
    return f;
  };
  for await (const { type, data } of source) {
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0 && data.file) {
      const f = file(data.file);
      const ms = data.details?.duration_ms || 0;
      f.ms += ms;
      f.tests += 1;
      tests.push({ ms, name: data.name, file: data.file });
    }
    if (type === 'test:fail' && data.file && data.details?.error?.failureType !== 'subtestsFailed') {
      failed.push({ name: data.name, file: data.file, ms: data.details?.duration_ms || 0, lines: errorLines(data.details?.error) });
    }
  }
  // harness.mjs appends each browser context's page loads to this file when it closes.
  let counts = '';
  try { counts = process.env.TIFA_PAGE_LOADS ? readFileSync(process.env.TIFA_PAGE_LOADS, 'utf8') : ''; } catch { /* no browser test ran */ }
  for (const line of counts.split('\n').filter(Boolean)) {
    const [name, n] = line.split('\t');
    file(resolve(name)).loads += Number(n);
  }
  const rows = [...byFile].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, f]) => s + f.ms, 0);
  const loads = rows.reduce((s, [, f]) => s + f.loads, 0);
  yield `\ntest time by file (summed over its tests; ${rows.length} files, ${(total / 1000).toFixed(0)} s in all, ${loads} page loads):\n`;
  for (const [name, f] of rows) {
    yield `${(f.ms / 1000).toFixed(1).padStart(7)} s ${String(f.tests).padStart(4)} tests ${String(f.loads).padStart(4)} loads  ${relative(process.cwd(), name)}\n`;
  }
  yield `\nthe ${SLOWEST} slowest tests:\n`;
  for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST)) {
    yield `${(t.ms / 1000).toFixed(1).padStart(7)} s  ${relative(process.cwd(), t.file)}: ${t.name}\n`;
  }
  if (failed.length) {
    let text = `\n${failed.length} failed test${failed.length === 1 ? '' : 's'}, with the start of each error:\n`;
    for (const t of failed) {
      text += `  ${relative(process.cwd(), t.file)}: ${t.name} (${(t.ms / 1000).toFixed(1)} s)\n`;
      for (const line of t.lines) text += `      ${line}\n`;
    }
    yield text;
    // `make test` prints this file again after every step has ended (Makefile, FAILED_JS).
    if (process.env.TIFA_FAILED_FILE) {
      try { writeFileSync(process.env.TIFA_FAILED_FILE, text); } catch { /* the list above stays */ }
    }
  }
}
