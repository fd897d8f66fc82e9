// A `node --test` reporter (tests/browser/run.mjs adds it beside the usual one): at the end of
// the run, the test files by summed test time, slowest first, and the count of tests in each,
// so the slow files are known when the suite must get faster. Not a test file.
import { relative } from 'node:path';

/** @param {AsyncIterable<{type: string, data: any}>} source */
export default async function* fileTimes(source) {
  const byFile = new Map();
  for await (const { type, data } of source) {
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0 && data.file) {
      const f = byFile.get(data.file) || { ms: 0, tests: 0 };
      f.ms += data.details?.duration_ms || 0;
      f.tests += 1;
      byFile.set(data.file, f);
    }
  }
  const rows = [...byFile].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, f]) => s + f.ms, 0);
  yield `\ntest time by file (summed over its tests; ${rows.length} files, ${(total / 1000).toFixed(0)} s in all):\n`;
  for (const [file, f] of rows) yield `${(f.ms / 1000).toFixed(1).padStart(7)} s ${String(f.tests).padStart(4)} tests  ${relative(process.cwd(), file)}\n`;
}
