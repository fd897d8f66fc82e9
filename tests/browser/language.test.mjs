// The report says which language and Chinese script the text is in, and why the density has its
// unit (issue 11, "expected and missing"). Node units of www/app/language.js, then the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillText, pageSuite, sharedPage } from './page-helpers.mjs';
import { detectLanguage, languageLabel, scriptCharacters } from '../../www/app/language.js';

const ENTRIES = [
  { zh: '两个维护', zh_hant: '兩個維護' }, { zh: '全面从严治党', zh_hant: '全面從嚴治黨' }, { zh: '中国式现代化', zh_hant: '中國式現代化' },
];
const sets = scriptCharacters(ENTRIES);
const cases = [
  { name: 'simplified Chinese', text: '必须坚决做到两个维护，推进全面从严治党。', language: 'zh', script: 'simplified', label: 'Chinese (simplified script)' },
  { name: 'traditional Chinese', text: '必須堅決做到兩個維護，推進全面從嚴治黨。', language: 'zh', script: 'traditional', label: 'Chinese (traditional script)' },
  { name: 'English', text: 'The plenum stressed the Two Upholds and Chinese modernization.', language: 'en', script: null, label: 'English' },
  { name: 'English quoting one Chinese term', text: 'The plenum stressed the Two Upholds (两个维护) and other things in a long sentence.', language: 'en', script: 'simplified', label: 'English' },
  { name: 'Chinese and English side by side', text: '两个维护 全面从严治党 中国式现代化 the Two Upholds and full and rigorous governance', language: 'mixed', script: 'simplified', label: 'Chinese (simplified script) and English' },
  { name: 'both scripts', text: '两个维护，兩個維護', language: 'zh', script: 'mixed', label: 'Chinese (simplified and traditional script)' },
  { name: 'digits only', text: '2024 — 12', language: 'none', script: null, label: 'no Chinese or English text' },
];
for (const c of cases) {
  test(`detectLanguage: ${c.name}`, () => {
    const got = detectLanguage(c.text, sets);
    assert.equal(got.language, c.language);
    assert.equal(got.script, c.script);
    assert.equal(languageLabel(got), c.label);
  });
}
test('scriptCharacters: only characters that differ, none that occur in both scripts', () => {
  assert.ok(sets.simplified.has('维') && sets.traditional.has('維'));
  assert.ok(!sets.simplified.has('两') || !sets.traditional.has('两'));
  assert.ok(!sets.simplified.has('全') && !sets.traditional.has('全'));
});

const t = pageSuite();

const pageCases = [
  { name: 'traditional Chinese', text: '會議強調，全黨必須堅決做到「兩個維護」，推進全面從嚴治黨。', line: /^Language: Chinese \(traditional script\)\. Density is per 1,000 Chinese characters/, lang: 'zh-Hant' },
  { name: 'simplified Chinese', text: '会议强调，全党必须坚决做到“两个维护”，推进全面从严治党。', line: /^Language: Chinese \(simplified script\)\. Density is per 1,000 Chinese characters/, lang: 'zh-Hans' },
  { name: 'English', text: 'The meeting stressed that the whole Party must resolutely achieve the Two Upholds.', line: /^Language: English\. Density is per 1,000 words/, lang: 'en' },
];
// One page: each case pastes its text over the one before.
const shared = sharedPage(() => openPage(t.browser, t.server.url + '/index.html'));
for (const c of pageCases) {
  test(`the report names the language and script of ${c.name} text, and the output's lang follows`, async () => {
    const page = await shared();
    await fillText(page, c.text);
    assert.match(await page.$eval('#report .report-language', (el) => el.textContent), c.line);
    assert.equal(await page.$eval('#output', (el) => el.lang), c.lang);
  });
}
