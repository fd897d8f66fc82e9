// Glossary search over the real dictionary (issue 11, item 12): the headword's exact and prefix
// matches come first, numbers typed as digits find the spelled-out forms, names with numbers
// sort numerically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildIndex, fold, spellNumbers } from '../../www/app/search.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const core = await import(new URL('tifa.js', pkg));
core.initSync({ module: readFileSync(new URL('tifa_bg.wasm', pkg)) });
const tifa = core.Tifa.fromCompiled(Buffer.concat(['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map((n) => readFileSync(new URL(n, pkg)))));
tifa.addCards(readFileSync(new URL('tifa.cards.bin', pkg)));
const index = buildIndex(tifa.entries());

/** (query, what the first result must satisfy, why) */
const FIRST = [
  ['xi', (e) => /^Xi\b/.test(e.en), 'a headword starting with Xi, not "cyberpower"'],
  ['Xi Jinping Thought', (e) => e.id === 'xi-jinping-thought', 'the entry itself, not a branch of it'],
  ['8-point', (e) => /eight-point/.test(e.en), 'digits find the spelled-out number'],
  ['two upholds', (e) => e.id === 'two-upholds', 'exact'],
  ['兩個維護', (e) => e.id === 'two-upholds', 'traditional Chinese'],
];
for (const [q, ok, why] of FIRST) {
  test(`search "${q}": ${why}`, () => {
    const [first] = index.search(q);
    assert.ok(first && ok(first), `first result: ${first?.id} (${first?.en})`);
  });
}

test('the full list sorts numbers as numbers: 18th, 19th, then 1992', () => {
  const ids = index.search('').map((e) => e.id);
  const at = (id) => ids.indexOf(id);
  assert.ok(at('party-congress-18') >= 0 && at('party-congress-18') < at('party-congress-19') && at('party-congress-19') < at('1992-consensus'),
    `${at('party-congress-18')} ${at('party-congress-19')} ${at('1992-consensus')}`);
});

/** (input, folded, why): plain ASCII takes a shorter path than the rest and must fold the same. */
const FOLDS = [
  ['Two Upholds', 'two upholds', 'ASCII: lower case'],
  ['  Two\t\tUpholds \n', 'two upholds', 'ASCII: runs of spaces, tabs and newlines to one space, trimmed'],
  ['self-revolution__now', 'self revolution now', 'ASCII: hyphens and underscores as spaces'],
  ["Xi's `core`", "xi's 'core'", 'ASCII: a backtick straightened'],
  ['Liǎng Gè  Wéihù', 'liang ge weihu', 'tone marks stripped'],
  ['Xi’s ‘core’', "xi's 'core'", 'curly quotes straightened'],
  ['Marxism–Leninism', 'marxism leninism', 'an en dash as a space'],
  ['ＴＷＯ　Upholds', 'two upholds', 'full-width letters and space (NFKC)'],
  ['ﬁve', 'five', 'a ligature (NFKC)'],
  ['Lǚ', 'lu', 'ü as u'],
  ['', '', 'empty'],
];
for (const [input, want, why] of FOLDS) {
  test(`fold ${JSON.stringify(input)}: ${why}`, () => assert.equal(fold(input), want));
}

test('spellNumbers', () => {
  assert.equal(spellNumbers('8 point rules'), 'eight point rules');
  assert.equal(spellNumbers('1992 consensus'), '1992 consensus');
  assert.equal(spellNumbers('14th five year plan'), '14th five year plan');
});
