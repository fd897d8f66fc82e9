// Word lists: pure string builders (no DOM) that turn a list of dictionary entries into a CSV
// file for spreadsheets or a tab-separated file that Anki imports as flashcards. Used by the
// glossary's "Export word list" (www/app/glossary.js) and by the read view's Anki export (in the
// worker, www/app/worker.js).
import { csvField } from './export.js';

/** MIME type per word-list format. */
export const WORDLIST_TYPES = Object.freeze({
  csv: 'text/csv;charset=utf-8',
  anki: 'text/plain;charset=utf-8',
});

/** The word-list CSV's columns, in order. */
export const WORDLIST_COLUMNS = Object.freeze([
  'id', 'simplified', 'traditional', 'pinyin', 'english', 'other_renderings', 'category', 'since', 'gloss',
  'explanation', 'sources',
]);

const fold = (s) => String(s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const HAN = /\p{Script=Han}/u;

/**
 * The entry's renderings other than its official English headword: every non-Chinese form
 * with its kind (official, media, mt, spelled-out), each once, in dictionary order. A template
 * (`(uphold|maintain) the …`) is listed once, as written, not as its literal expansions, after
 * the literal forms.
 *
 * @example
 *   otherRenderings(t.entry('two-upholds')).slice(0, 2)
 *   // [{ text: 'two safeguards', kind: 'media' }, { text: 'Two Protects', kind: 'media' }]
 */
export function otherRenderings(entry) {
  const out = [];
  const seen = new Set([fold(entry?.en)]);
  for (const f of Array.isArray(entry?.forms) ? entry.forms : []) {
    if (f.chinese || HAN.test(f.text)) continue;
    const text = f.template || f.text;
    const key = fold(text);
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, kind: f.kind, template: !!f.template });
  }
  return [...out.filter((r) => !r.template), ...out.filter((r) => r.template)].map(({ text, kind }) => ({ text, kind }));
}

/**
 * One CSV row (an array of strings) of an entry, in the order of `WORDLIST_COLUMNS`. Renderings
 * are joined by `; ` with their kind in brackets, sources by ` | ` (sources may contain `;`).
 *
 * @example
 *   wordlistRow(t.entry('two-upholds')).slice(0, 5)
 *   // ['two-upholds', '两个维护', '兩個維護', 'liǎng gè wéihù', 'Two Upholds']
 */
export function wordlistRow(entry) {
  return [
    entry.id, entry.zh, entry.zh_hant, entry.pinyin, entry.en,
    otherRenderings(entry).map((r) => (r.kind ? `${r.text} (${r.kind})` : r.text)).join('; '),
    entry.category, entry.since ?? '', entry.gloss, entry.explanation,
    (Array.isArray(entry.sources) ? entry.sources : []).join(' | '),
  ].map((v) => (v == null ? '' : String(v)));
}

/**
 * A CSV word list of `entries`, in the given order: a header row (`WORDLIST_COLUMNS`), then one
 * row per entry. Fields are quoted as RFC 4180 says (and as the read view's CSV export does:
 * `csvField` of export.js), and a field a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`. Explanations keep their paragraph breaks
 * inside a quoted field. Rows end with `\n`.
 *
 * @example
 *   wordlistCsv([{ id: 'x', zh: '一', en: '=1+1', category: 'ideology', sources: ['A, 2020'] }])
 *   // 'id,simplified,…,sources\nx,一,,,\'=1+1,,ideology,,,,"A, 2020"\n'
 */
export function wordlistCsv(entries) {
  const lines = [WORDLIST_COLUMNS.join(',')];
  for (const e of entries) lines.push(wordlistRow(e).map(csvField).join(','));
  return lines.join('\n') + '\n';
}

/**
 * One field of Anki's tab-separated import, on one line: tabs, line breaks and runs of spaces
 * become one space; a field holding a double quote is quoted CSV-style (Anki reads the file
 * with a CSV reader, where a leading `"` would start a quoted field).
 *
 * @example ankiField('a\tb\n\nc') // 'a b c'
 * @example ankiField('the "core"') // '"the ""core"""'
 */
export function ankiField(value) {
  const s = String(value ?? '').replace(/[\t\n\r\f\v\u2028\u2029 ]+/g, ' ').trim();
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * An Anki tag of a category: Anki tags cannot hold spaces; `::` makes them hierarchical, so
 * every tifa note sits under the tag `tifa` in Anki's browser.
 *
 * @example ankiTag('party-building') // 'tifa::party-building'
 */
export function ankiTag(category) {
  return `tifa::${String(category || 'other').replace(/\s+/g, '-')}`;
}

/** Anki's note columns of the word list, in order (GUID and Tags are Anki's meta columns). */
export const ANKI_COLUMNS = Object.freeze(['GUID', 'Front', 'Back', 'Tags']);

/**
 * A word list that Anki (2.1.55 or later) imports as Basic notes, one note per entry: the
 * front is the Chinese (traditional in brackets when it differs) and the pinyin; the back is the
 * official English, the gloss and the explanation, joined by ` — `. The file starts with Anki's
 * header lines (`#separator:tab`, `#html:false`, `#notetype:Basic`, `#columns:…`,
 * `#guid column:1`, `#tags column:4`); each note is one line of four tab-separated fields. The
 * GUID (`tifa:<id>`) makes a second import of a newer list update the notes instead of adding
 * duplicates; the tag is the entry's category (`tifa::discipline`).
 *
 * @example
 *   wordlistAnki([t.entry('two-upholds')]).split('\n')
 *   // ['#separator:tab', '#html:false', '#notetype:Basic', '#columns:GUID\tFront\tBack\tTags',
 *   //  '#guid column:1', '#tags column:4',
 *   //  'tifa:two-upholds\t两个维护 (兩個維護) liǎng gè wéihù\tTwo Upholds — Uphold Xi's … — A loyalty formula …\ttifa::leadership', '']
 */
export function wordlistAnki(entries) {
  const lines = [
    '#separator:tab',
    '#html:false',
    '#notetype:Basic',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#guid column:${ANKI_COLUMNS.indexOf('GUID') + 1}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
  ];
  for (const e of entries) {
    const zh = e.zh_hant && e.zh_hant !== e.zh ? `${e.zh} (${e.zh_hant})` : e.zh || '';
    const front = [zh, e.pinyin].filter(Boolean).join(' ');
    const back = [e.en, e.gloss, e.explanation].filter(Boolean).join(' — ');
    lines.push([`tifa:${e.id}`, front, back, ankiTag(e.category)].map(ankiField).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/**
 * A download name for a word list: `tifa-glossary-discipline.csv`, `speech.tifa.anki.txt`.
 *
 * @example wordlistFilename('tifa-glossary', 'anki') // 'tifa-glossary.anki.txt'
 * @example wordlistFilename('tifa-glossary', 'csv') // 'tifa-glossary.csv'
 */
export function wordlistFilename(stem, format) {
  return format === 'anki' ? `${stem}.anki.txt` : `${stem}.${format}`;
}
