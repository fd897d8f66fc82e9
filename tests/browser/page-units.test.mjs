// Unit tests of the page's pure modules (search, exports, rendering cuts), run in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, compactPinyin, buildIndex } from '../../www/app/search.js';
import { exportJson, exportMarkdown, exportFilename, sourceLabel, escapeMarkdown } from '../../www/app/export.js';
import { escapeHtml, scriptJson, standaloneHtml } from '../../www/app/standalone.js';
import { blockEnd, categoryClass } from '../../www/app/render.js';
import { packRows, matchView, STRIDE } from '../../www/app/compact.js';

const ENTRY = {
  id: 'two-upholds', zh: '两个维护', zh_hant: '兩個維護', pinyin: 'liǎng gè wéihù', en: 'Two Upholds', category: 'leadership',
  since: 2018, gloss: 'g <b>', explanation: 'e & f', related: ['x'], sources: ['S, 2019'],
  forms: [{ text: 'Two Upholds', kind: 'official' }, { text: 'two maintenances', kind: 'mt' }, { text: '两个坚决维护', kind: 'official', chinese: true }],
};
const LV = { id: 'green', zh: '绿色', pinyin: 'lǜsè', en: 'green', category: 'economy', forms: [] };

const folds = [
  ['tones', 'Liǎng Gè  Wéihù', 'liang ge weihu'],
  ['full-width', 'ＴＷＯ', 'two'],
  ['dashes', 'self‐revolution', 'self revolution'],
];
for (const [name, input, want] of folds) test(`fold: ${name}`, () => assert.equal(fold(input), want));

const compacts = [
  ['tone marks and spaces', 'liǎng gè wéihù', 'lianggeweihu'],
  ['tone numbers', 'liang3 ge4 wei2hu4', 'lianggeweihu'],
  ['apostrophe', "Xī'ān", 'xian'],
];
for (const [name, input, want] of compacts) test(`compactPinyin: ${name}`, () => assert.equal(compactPinyin(input), want));

const index = buildIndex([ENTRY, LV]);
const queries = [
  ['simplified', '两个维护', 'two-upholds'], ['traditional', '兩個維護', 'two-upholds'], ['Chinese form', '坚决维护', 'two-upholds'],
  ['pinyin tones', 'liǎng gè wéihù', 'two-upholds'], ['pinyin bare', 'lianggeweihu', 'two-upholds'],
  ['pinyin numbers', 'liang3ge4', 'two-upholds'], ['English variant', 'Two maintenances', 'two-upholds'],
  ['plural of a form', 'two maintenanceses'.slice(0, -2), 'two-upholds'], ['ü as v', 'lvse', 'green'], ['ü as u', 'luse', 'green'],
];
for (const [name, q, id] of queries) test(`search: ${name} (${q})`, () => assert.equal(index.search(q)[0]?.id, id));
test('search: empty query lists every entry', () => assert.equal(index.search('').length, 2));
test('search: no match', () => assert.deepEqual(index.search('zzzz'), []));

const REPORT = {
  length: 27,
  matches: [{ id: 'two-upholds', start: 4, end: 15, text: 'Two Upholds', form: 'Two Upholds', kind: 'official', category: 'leadership', nested: [] },
    { id: 'two-upholds', start: 17, end: 27, text: 'a,"b"\nc <x>', form: 'two maintenances', kind: 'mt', category: 'leadership', context: 'quoted', nested: [{ id: 'two-upholds', start: 17, end: 20, form: 'x' }] }],
  terms: [{ id: 'two-upholds', count: 2, nested: 0, en: 'Two Upholds', zh: '两个维护', category: 'leadership' }],
  categories: [{ category: 'leadership', count: 2 }],
  density: { unit: 'words', size: 5, matches: 2, per_thousand: 400 },
  candidates: [{ text: 'the <five> things', start: 0, end: 3, count: 1 }],
};
test('exportJson: the report plus source, one line', () => {
  const s = exportJson(REPORT, 'a.txt');
  assert.ok(s.endsWith('}\n') && !s.slice(0, -1).includes('\n'));
  assert.deepEqual(JSON.parse(s), { ...REPORT, source: 'a.txt' });
});
test('exportMarkdown: markup in dictionary text is escaped', () => {
  const md = exportMarkdown(REPORT, (id) => (id === 'two-upholds' ? ENTRY : undefined), 'a.txt');
  assert.match(md, /^# Glossary: a\.txt/);
  assert.ok(md.includes('g \\<b\\>'));
  assert.ok(!/<b>|<five>/.test(md));
});
const names = [['<paste>', 'json', 'tifa.json'], ['dir/speech.txt', 'csv', 'speech.tifa.csv'], ['报告.md', 'html', '报告.tifa.html']];
for (const [source, fmt, want] of names) test(`exportFilename: ${source}`, () => assert.equal(exportFilename(source, fmt), want));
const labels = [['<paste>', 'pasted text'], ['', 'pasted text'], ['speech.txt', 'speech.txt'], ['<b>.txt', '<b>.txt']];
for (const [source, want] of labels) test(`sourceLabel: ${JSON.stringify(source)}`, () => assert.equal(sourceLabel(source), want));
test('escapeMarkdown', () => assert.equal(escapeMarkdown('<b>*x*</b>'), '\\<b\\>\\*x\\*\\</b\\>'));
test('escapeHtml', () => assert.equal(escapeHtml('<a href="x">&\''), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'));
test('scriptJson cannot close its script element', () => assert.ok(!scriptJson({ a: '</script><!--' }).includes('<')));
test('standaloneHtml: text and attributes escaped, one mark per match', () => {
  const text = '<i> Two Upholds, a,"b"\nc <x>';
  const html = standaloneHtml(text, REPORT, (id) => (id === 'two-upholds' ? ENTRY : undefined), '<src>');
  assert.equal((html.match(/<mark /g) || []).length, 2);
  assert.ok(html.includes('&lt;i&gt;') && html.includes('&lt;src&gt;') && !html.includes('<x>') && !html.includes('<src>'));
  assert.ok(!/<script[^>]*>[^]*<\/script>[^]*<script[^>]*>[^]*<\/script>[^]*<script/.test(html));
});

test('categoryClass keeps class names safe', () => {
  assert.equal(categoryClass('party-building'), 'tifa-cat-party-building');
  assert.equal(categoryClass('a b<"'), 'tifa-cat-a-b--');
});

/** Engine rows (as `Tifa.highlight` gives them) of matches `[start, end, form, kind, context, nested entries]`. */
function rowsOf(matches) {
  const nested = matches.flatMap((m) => m[5] || []);
  return Uint32Array.from([matches.length, ...matches.flatMap(([s, e, f = 0, k = 0, c = 0, n = []]) => [s, e, 0, f, k, c, n.length]), ...nested]);
}
function viewOf(spans) {
  const entries = [ENTRY];
  return matchView({ rows: rowsOf(spans) }, entries);
}
const cuts = [
  ['at the first line break after the size', 'ab\ncd\nef', [], 0, 2, 3],
  ['end of text', 'abc', [], 0, 10, 3],
  ['not inside a match', 'ab\ncd\nef', [[1, 4]], 0, 2, 6],
  ['hard cut in a long line', 'x'.repeat(100), [], 0, 10, 10],
  ['hard cut moved past a match', 'x'.repeat(100), [[8, 14]], 0, 10, 14],
  ['hard cut never splits a surrogate pair', 'x'.repeat(9) + '😀'.repeat(40), [], 0, 10, 11],
];
for (const [name, text, spans, pos, size, want] of cuts) {
  test(`blockEnd: ${name}`, () => assert.equal(blockEnd(text, pos, size, viewOf(spans), 0), want));
}
// (name, entries as the worker holds them, the form's text the view gives, formText calls)
const packs = [
  ['full entries: forms by index, no look-up', [ENTRY], 'two maintenances', 0],
  ['summaries: one formText per distinct pair', [{ ...ENTRY, forms: undefined }], 'two maintenances (engine)', 1],
];
for (const [name, entries, wantForm, wantCalls] of packs) {
  test(`packRows and matchView: ${name}`, () => {
    const rows = rowsOf([[4, 15, 0, 0, 0], [17, 27, 1, 2, 1, [0]], [30, 40, 1, 2, 0]]);
    assert.equal(STRIDE, 7);
    const calls = [];
    const formText = (e, f) => { calls.push([e, f]); return f === 1 ? 'two maintenances (engine)' : 'Two Upholds'; };
    const summary = { length: 40, terms: REPORT.terms, categories: REPORT.categories, density: REPORT.density,
      candidates: [], sensitivity: 'default', not_counted: [{ id: 'core' }] };
    const packed = packRows(rows, summary, entries, formText);
    assert.equal(packed.summary.count, 3);
    assert.deepEqual(packed.summary.notCounted, [{ id: 'core' }]);
    assert.deepEqual(packed.transfer, [rows.buffer]);
    assert.equal(calls.filter(([, f]) => f === 1).length, wantCalls);
    const m = matchView(packed.compact, entries).match(1);
    assert.deepEqual({ start: m.start, end: m.end, id: m.entry.id, form: m.form, formIndex: m.formIndex, kind: m.kind, context: m.context, nested: m.nested },
      { start: 17, end: 27, id: 'two-upholds', form: wantForm, formIndex: 1, kind: 'mt', context: 'quoted', nested: ['two-upholds'] });
  });
}

// The standalone export carries the card modules and rewires their imports to blob: URLs: a
// new relative import in one of them must be listed, or the exported file's cards break.
test('standalone: every relative import of a carried module is rewired (CARD_MODULES)', async () => {
  const { CARD_MODULES } = await import('../../www/app/standalone.js');
  const { readFileSync } = await import('node:fs');
  const here = new URL('../../www/app/', import.meta.url);
  for (const [name, path] of Object.entries(CARD_MODULES.files)) {
    if (name === 'floating') continue; // vendored, no imports of its own
    // Code only: doc comments show imports as examples.
    const src = readFileSync(new URL(path, here), 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l)).join('\n');
    const specs = [...src.matchAll(/(?:from\s*|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => `'${m[2]}'`);
    const rewired = Object.values(CARD_MODULES.imports[name] || {});
    assert.deepEqual([...new Set(specs)].sort(), [...rewired].sort(), `${name}: ${specs.join(', ')}`);
    const order = CARD_MODULES.order;
    for (const dep of Object.keys(CARD_MODULES.imports[name] || {})) assert.ok(order.indexOf(dep) < order.indexOf(name), `${dep} before ${name}`);
  }
});

// describeForm takes the form the engine matched by its index; a match known only by its text
// is looked up by it. (name, match, expected sentence)
const FORM_ENTRY = { ...ENTRY, forms: [{ text: 'two safeguards', kind: 'media', since: 2019 }, { text: 'Two Upholds', kind: 'official' }] };
const described = [
  ['by index', { formIndex: 0, text: 'Two  Safeguards' }, "'Two Safeguards' is a media rendering of 两个维护 (official: Two Upholds); since 2019."],
  ['by text', { form: 'two safeguards', text: 'two safeguards' }, "'two safeguards' is a media rendering of 两个维护 (official: Two Upholds); since 2019."],
  ['the official English says nothing', { formIndex: 1, text: 'Two Upholds' }, ''],
  ['an index past the forms falls back to the text', { formIndex: 9, form: 'two safeguards' }, "'two safeguards' is a media rendering of 两个维护 (official: Two Upholds); since 2019."],
  // The embed's marks made before it loaded another script's forms hold indices into fewer forms.
  ['an index naming another form falls back to the text', { formIndex: 1, form: 'two safeguards' }, "'two safeguards' is a media rendering of 两个维护 (official: Two Upholds); since 2019."],
  // Regression (fact-check fc14): an entry with no official English called its own descriptive
  // `en` "official" on every other form's line.
  ['a descriptive English is not called official', { formIndex: 0, text: 'two safeguards' },
    "'two safeguards' is a media rendering of 两个维护 (no official English; described as: Two Upholds); since 2019.", { en_descriptive: true }],
  ['a descriptive English matched itself says nothing', { formIndex: 1, text: 'Two Upholds' }, '', { en_descriptive: true }],
];
for (const [name, match, want, extra] of described) {
  test(`describeForm: ${name}`, async () => {
    const { describeForm } = await import('../../www/lib/card.js');
    assert.equal(describeForm({ ...FORM_ENTRY, ...extra }, match), want);
  });
}
