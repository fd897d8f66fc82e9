// The shipped WebAssembly modules (www/pkg, built by `make build`), run in node: the core module
// that starts from the compiled dictionary, and the full one that also reads TOML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
const core = await import(new URL('tifa.js', pkg));
core.initSync({ module: readFileSync(new URL('tifa_bg.wasm', pkg)) });
const full = await import(new URL('tifa_full.js', pkg));
full.initSync({ module: readFileSync(new URL('tifa_full_bg.wasm', pkg)) });
// The base part and the three script parts, one after another: every form.
const parts = ['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map((n) => readFileSync(new URL(n, pkg)));
const matchBytes = Buffer.concat(parts);
const cardBytes = readFileSync(new URL('tifa.cards.bin', pkg));

/** A core engine with its card part. */
function coreTifa({ cards = true } = {}) {
  const t = core.Tifa.fromCompiled(matchBytes);
  if (cards) t.addCards(cardBytes);
  return t;
}

test('analyze returns a plain report with UTF-16 offsets', () => {
  const report = coreTifa({ cards: false }).analyze('😀 the “two upholds” and 兩個確立');
  assert.deepEqual(report.matches.map((m) => m.id), ['two-upholds', 'two-establishments']);
  // 😀 is two UTF-16 units: "😀 the “" is 2 + 1 + 3 + 1 + 1 = 8 units.
  assert.deepEqual([report.matches[0].start, report.matches[0].end], [8, 19]);
  assert.ok(Array.isArray(report.matches[0].nested));
  assert.equal(report.matches[1].text, '兩個確立');
});

test('spans is a flat Uint32Array of start, end, entry index', () => {
  const t = coreTifa({ cards: false });
  const spans = t.spans('两个维护');
  assert.ok(spans instanceof Uint32Array);
  assert.deepEqual([...spans.slice(0, 2)], [0, 4]);
  assert.equal(t.entries()[spans[2]].id, 'two-upholds');
});

test('the card part arrives later and fills the entries', () => {
  const t = coreTifa({ cards: false });
  assert.equal(t.hasCards, false);
  const before = t.entry('two-upholds');
  assert.equal(before.zh_hant, '兩個維護');
  assert.equal(before.explanation, '');
  t.addCards(cardBytes);
  assert.equal(t.hasCards, true);
  const after = t.entry('two-upholds');
  assert.ok(after.explanation.length > 40, after.explanation);
  assert.ok(after.sources.length >= 2);
  assert.ok(after.pinyin.length > 0);
  assert.equal(t.entry('no-such-entry'), undefined);
});

test('the core engine and the full one (TOML at start) agree entry for entry', () => {
  const a = coreTifa();
  const b = new full.Tifa();
  assert.deepEqual(a.entries(), b.entries());
});

test('the core engine and the full one find the same matches in every shipped sample', () => {
  const a = coreTifa({ cards: false });
  const b = new full.Tifa();
  const dir = new URL('../samples/', import.meta.url);
  const samples = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(samples.length >= 4);
  for (const f of samples) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    assert.deepEqual(a.analyze(text).matches, b.analyze(text).matches, f);
    assert.deepEqual([...a.spans(text)], [...b.spans(text)], f);
  }
});

/** A copy of a script part with its build hash (bytes 9 to 16) changed. */
const otherBuild = (part) => { const b = Buffer.from(part); b[9] ^= 0xff; return b; };

/** (name, bytes, what the error message must say) */
const DAMAGED = [
  ['not a compiled dictionary', new TextEncoder().encode('[[term]]\nid = "x"\n'), /not a part of tifa's compiled dictionary/],
  ['truncated', matchBytes.subarray(0, 5000), /\(base part\) is damaged at byte \d+: (it ends too early|a count of \d+ is more than the file holds)/],
  ['trailing bytes', Buffer.concat([matchBytes, Buffer.from([1, 2, 3])]), /not a part of tifa's compiled dictionary/],
  ['a truncated Chinese part', Buffer.concat([parts[0], parts[2].subarray(0, 3000)]), /\(Chinese part\) is damaged at byte \d+/],
  ['an English part of another build', Buffer.concat([parts[0], otherBuild(parts[1]), parts[2]]),
    /the English part of the compiled dictionary belongs to another build than its base part/],
  ['no base part', Buffer.concat([parts[1], parts[2]]), /has no base part/],
];
for (const [name, bytes, want] of DAMAGED) {
  test(`a damaged match part is refused with a positioned error: ${name}`, () => {
    assert.throws(() => core.Tifa.fromCompiled(bytes), (err) => err instanceof Error && want.test(err.message));
  });
}

test('a card part from another build is refused and changes nothing', () => {
  const t = coreTifa({ cards: false });
  const stale = Buffer.from(cardBytes);
  stale[9] ^= 0xff; // the build hash
  assert.throws(() => t.addCards(stale), /belongs to another build/);
  assert.equal(t.hasCards, false);
  assert.throws(() => t.addCards(cardBytes.subarray(0, 100)), /card part\) is damaged at byte/);
  assert.equal(t.hasCards, false);
  t.addCards(cardBytes);
  assert.equal(t.hasCards, true);
});

test('custom dictionary errors are positioned JS errors (full module)', () => {
  assert.throws(() => full.Tifa.withDictionary('[[term]]\nid = "x"\nzh = \n', 'mine.toml'),
    (err) => err instanceof Error && err.message.startsWith('mine.toml:3:'));
});

// Issue 14, item 4: a custom dictionary over the budget is a clear JS error, not an OOM trap
// (after which free() threw "…while it was borrowed"); the module stays usable.
const overBudget = [
  ['forms nested 200 deep', `[[term]]\nid = "nest"\nzh = "测试乙"\npinyin = "cè shì"\nen = "Nest"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\nforms = [${Array.from({ length: 199 }, (_, k) => `{ text = "${'中'.repeat(k + 2)}", kind = "official" }`).join(', ')}]\n`, /at most 16 may/],
  ['a one-character form', '[[term]]\nid = "one"\nzh = "测试丙"\npinyin = "cè shì"\nen = "One"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\nforms = [{ text = "中", kind = "official" }]\n', /one character/],
  ['a form with U+202E', '[[term]]\nid = "bidi"\nzh = "测试丁"\npinyin = "cè shì"\nen = "Bidi \u202e"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\n', /bidi|U\+202E|direction/i],
];
for (const [name, toml, re] of overBudget) {
  test(`a custom dictionary with ${name} is refused with a clear error; the module still works (full module)`, () => {
    assert.throws(() => full.Tifa.fromDictionary(toml, 'mine.toml'), (err) => err instanceof Error && re.test(err.message) && err.message.startsWith('mine.toml'));
    const t = full.Tifa.fromDictionary('[[term]]\nid = "ok"\nzh = "测试甲"\npinyin = "cè shì"\nen = "Fine Test"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\n', 'ok.toml');
    assert.equal(t.analyze('a Fine Test').matches.length, 1);
    t.free();
  });
}

test('a custom dictionary adds terms, or stands alone (full module)', () => {
  const toml = '[[term]]\nid = "my-slogan"\nzh = "三个测试"\npinyin = "sān gè cèshì"\nen = "Three Tests"\ncategory = "local"\nsince = 2024\ngloss = "g"\nexplanation = "x"\nsources = ["Doc, 2024"]\n';
  const t = full.Tifa.withDictionary(toml, 'mine.toml');
  assert.equal(t.analyze('the Three Tests').matches[0].id, 'my-slogan');
  assert.ok(t.entryCount > 1000);
  assert.equal(full.Tifa.fromDictionary(toml, 'mine.toml').entryCount, 1);
});

test('the core module has no TOML reader', () => {
  assert.equal(typeof core.Tifa.withDictionary, 'undefined');
  assert.equal(typeof core.Tifa.fromDictionary, 'undefined');
});

/** (name, call) — wrong argument types throw a TypeError naming the problem. */
const WRONG_TYPES = [
  ['number text', (t) => t.analyze(123)],
  ['object text', (t) => t.analyze({})],
  ['number id', (t) => t.entry(5)],
  ['bad sensitivity', (t) => t.analyze('text', { sensitivity: 'loose' })],
  ['bad documentVouches', (t) => t.analyze('text', { documentVouches: 'yes' })],
  ['number text to spans', (t) => t.spans(1)],
];
for (const [name, call] of WRONG_TYPES) {
  test(`wrong argument types throw a TypeError: ${name}`, () => {
    const t = coreTifa({ cards: false });
    assert.throws(() => call(t), (err) => err instanceof TypeError && err.message.startsWith('tifa: '));
  });
}

test('the sensitivity option and the document rule', () => {
  const t = coreTifa({ cards: false });
  // "important speech" needs context; "core" needs it in its own sentence, which the document
  // cannot give.
  const text = 'The important speech was long.';
  assert.equal(t.analyze(text).matches.length, 0);
  assert.equal(t.analyze(text, { sensitivity: 'all' }).matches.length, 1);
  assert.equal(t.analyze(text, { documentVouches: true }).matches.length, 1);
  const core = 'The core of the plan is simple.';
  assert.equal(t.analyze(core, { documentVouches: true }).matches.length, 0);
  assert.equal(t.analyze(core, { sensitivity: 'all' }).matches.length, 1);
  assert.equal(t.documentVouches('全面从严治党'), true);
  assert.equal(t.documentVouches(text), false);
});

test('warmUp runs the start-up code on the first entries and keeps nothing', () => {
  assert.equal(core.Tifa.warmUp(matchBytes, 100), undefined);
  assert.equal(core.Tifa.warmUp(matchBytes, 0), undefined);
  assert.throws(() => core.Tifa.warmUp(matchBytes.subarray(0, 40), 100), /damaged at byte/);
});

test('highlight gives the rows and the report without its matches, in one pass', () => {
  const t = coreTifa({ cards: false });
  const dir = new URL('../samples/', import.meta.url);
  const files = readdirSync(dir).filter((x) => x.endsWith('.txt'));
  assert.ok(files.length > 3);
  for (const f of files) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const sensitivity of ['strict', 'default', 'all']) {
      const { rows, summary } = t.highlight(text, { sensitivity });
      assert.ok(rows instanceof Uint32Array);
      assert.deepEqual([...rows], [...t.rows(text, { sensitivity })], `${f} ${sensitivity}`);
      const { matches, ...rest } = t.analyze(text, { sensitivity });
      assert.deepEqual(summary, rest, `${f} ${sensitivity}`);
      assert.equal(rows[0], matches.length);
    }
  }
  assert.throws(() => t.highlight(42), (err) => err instanceof TypeError);
});

test('rows say what analyze says, as numbers, on every shipped sample', () => {
  const t = coreTifa({ cards: false });
  const entries = t.summaries();
  const { kinds, contexts } = t.rowNames();
  const dir = new URL('../samples/', import.meta.url);
  let checked = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const sensitivity of ['strict', 'default', 'all']) {
      const report = t.analyze(text, { sensitivity });
      const rows = t.rows(text, { sensitivity });
      assert.ok(rows instanceof Uint32Array);
      const n = rows[0];
      assert.equal(n, report.matches.length, f);
      let k = 1 + n * 7;
      report.matches.forEach((m, i) => {
        const r = rows.subarray(1 + i * 7, 8 + i * 7);
        const nested = [];
        for (let j = 0; j < r[6]; j++) nested.push(entries[rows[k++]].id);
        assert.deepEqual(
          [r[0], r[1], entries[r[2]].id, t.formText(r[2], r[3]), kinds[r[4]], r[5] ? contexts[r[5] - 1] : undefined, nested],
          [m.start, m.end, m.id, m.form, m.kind, m.context, m.nested.map((x) => x.id)], `${f} ${sensitivity} ${i}`);
        checked += 1;
      });
      assert.equal(k, rows.length);
    }
  }
  assert.ok(checked > 100, `${checked}`);
  assert.equal(t.formText(999999, 0), undefined);
});

// The page's CSV and HTML exports (issue 10, item 3): the full module renders them with the CLI's
// code. The page test checks them against the CLI byte for byte; these check the rules.
const CSV_CASES = [
  ['one term', 'the Two Upholds', 'a.txt',
    'a.txt,two-upholds,4,15,Two Upholds,Two Upholds,official,leadership,,\n'],
  ['a quoted source and a comma-free text', 'the Two Upholds', 'my "file", 2024.txt',
    '"my ""file"", 2024.txt",two-upholds,4,15,Two Upholds,Two Upholds,official,leadership,,\n'],
  ['a source a spreadsheet would read as a formula', 'the Two Upholds', '=HYPERLINK("x")',
    '"\'=HYPERLINK(""x"")",two-upholds,4,15,Two Upholds,Two Upholds,official,leadership,,\n'],
  ['no term: the header only', 'Rain is expected.', 'a.txt', ''],
];
for (const [name, text, source, rows] of CSV_CASES) {
  test(`exportCsv (full module): ${name}`, () => {
    const t = full.Tifa.fromCompiled(matchBytes);
    assert.equal(t.exportCsv(text, undefined, source), 'source,id,start,end,text,form,kind,category,context,nested\n' + rows);
  });
}

test('exportHtml (full module): the text escaped, a mark per term, a glossary from the card part', () => {
  const t = full.Tifa.fromCompiled(matchBytes);
  t.addCards(cardBytes);
  const html = t.exportHtml('<b>the Two Upholds</b>', { sensitivity: 'default' }, 'a<1>.txt');
  assert.match(html, /^<!doctype html>/);
  assert.ok(html.includes('<h2>a&lt;1&gt;.txt</h2>'), html.slice(0, 400));
  assert.match(html, /&lt;b&gt;the <mark data-tifa-term="two-upholds" data-category="leadership" title="[^"]+">Two Upholds<\/mark>&lt;\/b&gt;/);
  assert.match(html, /<dt id="term-two-upholds">Two Upholds — 两个维护 \(/);
  assert.throws(() => t.exportHtml(42, undefined, 'a.txt'), TypeError);
});

test('the core module has no exports: they stay in the full module the page loads on export', () => {
  assert.equal(typeof core.Tifa.prototype.exportCsv, 'undefined');
  assert.equal(typeof core.Tifa.prototype.exportHtml, 'undefined');
  assert.equal(typeof full.Tifa.prototype.exportCsv, 'function');
});
