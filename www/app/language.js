// Which language and Chinese script a text is in, for the report's "Language" line: counted
// from the text itself (Han characters against Latin letters) and, for Chinese, from the
// characters that differ between the dictionary's simplified and traditional forms of its terms.

/** Characters looked at: enough to decide, cheap on a 64 MiB text. */
export const SAMPLE_CHARS = 200_000;

/**
 * The characters that tell the scripts apart, from entries' `zh` and `zh_hant`: those only in
 * simplified forms and those only in traditional forms.
 *
 * @example scriptCharacters([{ zh: '两个维护', zh_hant: '兩個維護' }]).traditional.has('護') // true
 */
export function scriptCharacters(entries) {
  const simplified = new Set();
  const traditional = new Set();
  for (const e of entries) {
    const s = [...String(e.zh || '')];
    const t = [...String(e.zh_hant || '')];
    if (s.length !== t.length) continue;
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== t[i]) { simplified.add(s[i]); traditional.add(t[i]); }
    }
  }
  // A character written the same way in both scripts somewhere is no evidence.
  for (const c of [...simplified]) if (traditional.has(c)) { simplified.delete(c); traditional.delete(c); }
  return { simplified, traditional };
}

/**
 * `{ language: 'zh'|'en'|'mixed'|'none', script: 'simplified'|'traditional'|'mixed'|null, han, latin }`
 * for `text` (its first `SAMPLE_CHARS` characters). Chinese when its words (Han characters / 1.7)
 * outnumber Latin words; mixed when the smaller side is over a fifth of the larger.
 *
 * @example detectLanguage('坚决做到两个维护', scriptCharacters(entries)) // { language: 'zh', script: 'simplified', ... }
 * @example detectLanguage('the Two Upholds', sets).language // 'en'
 */
export function detectLanguage(text, { simplified, traditional }) {
  const sample = String(text).slice(0, SAMPLE_CHARS);
  // One regular expression pass picks the Han characters (a test per character was slow).
  const hanChars = sample.match(/\p{Script=Han}/gu) || [];
  const han = hanChars.length;
  let s = 0; let t = 0;
  for (const ch of hanChars) {
    if (simplified.has(ch)) s += 1;
    else if (traditional.has(ch)) t += 1;
  }
  const latin = (sample.match(/\p{Script=Latin}+/gu) || []).length; // words
  let language = 'none';
  if (han || latin) {
    const words = han / 1.7; // a Chinese word is about 1.7 characters: compare like with like
    const [big, small] = words >= latin ? [words, latin] : [latin, words];
    language = small > big / 5 ? 'mixed' : words >= latin ? 'zh' : 'en';
  }
  let script = null;
  if (han && (s || t)) script = t > s * 4 ? 'traditional' : s > t * 4 ? 'simplified' : 'mixed';
  else if (han) script = 'simplified';
  return { language, script, han, latin };
}

/**
 * One line for the report: "Chinese, traditional script", "English", "Chinese and English".
 *
 * @example languageLabel({ language: 'zh', script: 'traditional' }) // 'Chinese (traditional script)'
 */
export function languageLabel({ language, script }) {
  const scriptName = script ? ` (${script === 'mixed' ? 'simplified and traditional' : script} script)` : '';
  if (language === 'zh') return `Chinese${scriptName}`;
  if (language === 'en') return 'English';
  if (language === 'mixed') return `Chinese${scriptName} and English`;
  return 'no Chinese or English text';
}
