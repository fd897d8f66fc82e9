// The embed's WebAssembly module (`tifa_embed`) and the page's (`tifa`) are built without the
// library's feature `builtin-t2s`: they have no traditional → simplified table of their own and
// install the one the Chinese match part carries, when they read that part (the page loads that
// part anyway, so it fetches the table once). Run in node against www/pkg (`make build`). Each
// test starts a fresh instance of a module (a module URL of its own), so no table is installed
// when it begins; the full module `tifa_full` (table built in: it reads TOML) is the oracle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
const embedWasm = readFileSync(new URL('tifa_embed_bg.wasm', pkg));
const pageWasm = readFileSync(new URL('tifa_bg.wasm', pkg));
const core = await import(new URL('tifa_full.js', pkg));
core.initSync({ module: readFileSync(new URL('tifa_full_bg.wasm', pkg)) });
const [base, en, zh] = ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin'].map((n) => readFileSync(new URL(n, pkg)));
const whole = core.Tifa.fromCompiled(Buffer.concat([base, en, zh]));
// The full module's engines over the same parts (a row's form index counts the forms read).
const englishOnly = core.Tifa.fromCompiled(Buffer.concat([base, en]));
const chineseOnly = core.Tifa.fromCompiled(Buffer.concat([base, zh]));

// Traditional Chinese, written for this test: five terms' traditional names in a sentence.
const TRADITIONAL = '會議強調，要深刻領悟「兩個確立」的決定性意義，增強「四個意識」、堅定「四個自信」、做到「兩個維護」。全面從嚴治黨永遠在路上。';
const ENGLISH = 'Officials must achieve the “two upholds” (兩個維護) and study the new era.';

let instances = 0;
/** A new instance of the embed's module (or of `name`'s): nothing installed yet. */
async function freshEmbed(name = 'tifa_embed', wasm = embedWasm) {
  instances += 1;
  const mod = await import(new URL(`${name}.js?instance=${instances}`, pkg).href);
  mod.initSync({ module: wasm });
  return mod;
}
/** A new instance of the page's module. */
const freshPage = () => freshEmbed('tifa', pageWasm);

const rows = (t, text) => Array.from(t.rows(text));

/** Unsigned LEB128 at `i`: [value, next index]. */
function leb(bytes, i) {
  let v = 0;
  for (let s = 0; ; s += 7) {
    const b = bytes[i++];
    v += (b & 0x7f) * 2 ** s;
    if (b < 0x80) return [v, i];
  }
}
function lebBytes(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** The Chinese part with its fourth stream (the traditional → simplified table) replaced by `table`. */
function withTable(part, table) {
  assert.equal(part.subarray(0, 8).toString('latin1'), 'tifa-s6\n');
  const head = 8 + 1 + 8; // magic, script byte, build hash
  let i = head;
  const lens = [];
  for (let k = 0; k < 6; k++) {
    let n;
    [n, i] = leb(part, i);
    lens.push(n);
  }
  assert.ok(lens[3] > 1000, `the Chinese part's table is ${lens[3]} B`);
  const before = part.subarray(i, i + lens[0] + lens[1] + lens[2]);
  const after = part.subarray(i + lens[0] + lens[1] + lens[2] + lens[3]);
  const newLens = [...lens.slice(0, 3), table.length, ...lens.slice(4)];
  return Buffer.concat([part.subarray(0, head), Buffer.from(newLens.flatMap(lebBytes)), before, table, after]);
}

test('the full module finds the terms of the traditional text (else the checks below prove nothing)', () => {
  assert.ok(rows(whole, TRADITIONAL)[0] >= 5, `${rows(whole, TRADITIONAL)[0]} matches`);
  assert.ok(rows(chineseOnly, TRADITIONAL)[0] >= 5, `${rows(chineseOnly, TRADITIONAL)[0]} matches`);
  assert.ok(rows(whole, ENGLISH)[0] >= 2, `${rows(whole, ENGLISH)[0]} matches`);
});

test('a Chinese part without the table, or with a damaged one, is refused with a clear error; then the real one is read', async () => {
  const m = await freshEmbed();
  // 國 → 国 twice: a table out of order.
  const damaged = Buffer.concat([base, withTable(zh, Buffer.from([0x8b, 0xae, 0x01, 27, 0x00, 0x02]))]);
  assert.throws(() => m.Tifa.fromCompiled(damaged), (err) => err instanceof Error && /\(Chinese part\) is damaged at byte \d+: its traditional → simplified table is out of order/.test(err.message));
  const missing = Buffer.concat([base, withTable(zh, Buffer.alloc(0))]);
  assert.throws(() => m.Tifa.fromCompiled(missing), (err) => err instanceof Error && /carries no traditional → simplified table.*builtin-t2s/.test(err.message));
  assert.throws(() => m.Tifa.fromCompiledFor(missing, TRADITIONAL), /carries no traditional → simplified table/);
  // The English part needs no table.
  const english = m.Tifa.fromCompiled(Buffer.concat([base, en]));
  assert.deepEqual(rows(english, 'the Two Upholds'), rows(englishOnly, 'the Two Upholds'));
  const t = m.Tifa.fromCompiled(Buffer.concat([base, zh]));
  assert.deepEqual(rows(t, TRADITIONAL), rows(chineseOnly, TRADITIONAL));
});

test('regression: a scoped engine (fromCompiledFor) of a traditional text, its scope made before the Chinese part brought the table, finds what the full module finds', async () => {
  const m = await freshEmbed();
  const t = m.Tifa.fromCompiledFor(Buffer.concat([base, zh]), TRADITIONAL);
  assert.ok(t.scoped);
  assert.deepEqual(rows(t, TRADITIONAL), rows(chineseOnly, TRADITIONAL));
  assert.ok(t.covers(TRADITIONAL));
});

test('an English-only first engine, then traditional Chinese content: the widened engine finds what the full module finds in both, and covers both', async () => {
  const m = await freshEmbed();
  const first = m.Tifa.fromCompiledFor(Buffer.concat([base, en]), ENGLISH);
  assert.deepEqual(rows(first, 'the two upholds'), rows(englishOnly, 'the two upholds'));
  // What the embed does for later content in another script (engine.js `withScripts`).
  const wider = first.widen(Buffer.concat([base, en, zh]), TRADITIONAL);
  assert.deepEqual(rows(wider, TRADITIONAL), rows(whole, TRADITIONAL));
  // The first text's 兩個維護 entered the scope before the table came.
  assert.deepEqual(rows(wider, ENGLISH), rows(whole, ENGLISH));
  assert.ok(wider.covers(TRADITIONAL) && wider.covers(ENGLISH));
  // The scope's characters are simplified: the simplified text is covered and found alike.
  assert.ok(wider.covers('两个维护'));
  assert.deepEqual(rows(wider, '两个维护'), rows(whole, '两个维护'));
});

test("the page's module has no table of its own either: a Chinese part without one is refused (one copy per page, in the part)", async () => {
  const m = await freshPage();
  const missing = Buffer.concat([base, withTable(zh, Buffer.alloc(0))]);
  assert.throws(() => m.Tifa.fromCompiled(missing), (err) => err instanceof Error && /carries no traditional → simplified table.*builtin-t2s/.test(err.message));
});

test("the page's module, the table read from the Chinese part: the same report of the traditional text as the full module, scoped first or whole", async () => {
  const m = await freshPage();
  // What the page's worker does for `?sample=`: an engine scoped to the text, its scope made
  // before the part brought the table; then the whole engine.
  const scoped = m.Tifa.fromCompiledFor(Buffer.concat([base, en, zh]), TRADITIONAL);
  const want = whole.analyze(TRADITIONAL);
  assert.ok(want.matches.length >= 5, `${want.matches.length} matches`);
  assert.deepEqual(scoped.analyze(TRADITIONAL), want);
  const all = m.Tifa.fromCompiled(Buffer.concat([base, en, zh]));
  for (const text of [TRADITIONAL, ENGLISH, '两个维护']) assert.deepEqual(all.analyze(text), whole.analyze(text), text);
});
