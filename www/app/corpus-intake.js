// The Corpus view's documents, as `tifa corpus` reads them (crates/tifa-cli/src/corpus/input.rs):
// plain files (.txt, .md, .html… read as text, HTML not stripped), JSON Lines (.jsonl, .ndjson)
// and CSV (.csv) with `id`, `date`, `text` (other fields are metadata). Inside a folder only
// files with those extensions count; a file chosen on its own is read as text whatever its name.
//
// Pure functions (no DOM, no workers), so Node tests can run them:
// - `listSources(files)`: what to read, in the CLI's order (paths sorted);
// - `jsonlRecords(text, name)`, `csvRecords(text, name)`: a records file's documents, or the
//   reason each record is left out, in the CLI's words;
// - `modifiedDate(ms)`: a modification time as a UTC date.
// The dates of plain files (file name, else modification time) are the worker's to decide,
// with the library's own rule (`tifa::corpus::date_in_name`).

/** Extensions of plain text files (inside folders). */
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm']);

/** `text`, `jsonl` or `csv` by extension, or null for an unknown one. */
export function kindOf(name) {
  const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  return ext && TEXT_EXTENSIONS.has(ext) ? 'text' : null;
}

/**
 * What to read: `[{ file, path, kind }]` sorted by path, where `path` is the file's place
 * (its `webkitRelativePath` in a folder, else its name) and `kind` is `text`, `jsonl` or `csv`.
 * Files inside a folder with an unknown extension are left out (as the CLI does); a file given
 * on its own is read as text.
 *
 * @example listSources([{ name: 'a.jsonl' }, { name: 'x.bin', webkitRelativePath: 'd/x.bin' }])
 *   // [{ file: {...}, path: 'a.jsonl', kind: 'jsonl' }]
 * @param {Array<File|{ file: File, path: string }>} files
 */
export function listSources(files) {
  const out = [];
  for (const f of files) {
    const file = f.file || f;
    const path = f.path || file.webkitRelativePath || file.name;
    const inFolder = path.includes('/');
    const kind = kindOf(path);
    if (kind) out.push({ file, path, kind });
    else if (!inFolder) out.push({ file, path, kind: 'text' });
  }
  const parts = (p) => p.split('/');
  const cmp = (a, b) => {
    const x = parts(a.path);
    const y = parts(b.path);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
  };
  return out.sort(cmp);
}

/** A modification time (ms since 1970) as the UTC date `YYYY-MM-DD`, or null. */
export function modifiedDate(ms) {
  if (!Number.isFinite(ms) || ms < 0) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A record's `id` or `date` field as text: a non-empty string, or a number; else null. */
function field(v) {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * The documents of a JSON Lines text: `{ docs: [{ id, date, source, text }], skipped: [{ place,
 * why }] }`. Blank lines are passed over; a line that is not an object with a string `text` is
 * skipped, named `name:line`. `source` is `column` when the record has a date, else `none`.
 *
 * @example jsonlRecords('{"id":"a","date":"2020-01-02","text":"x"}\n\n[1]\n', 'c.jsonl')
 *   // { docs: [{ id: 'a', date: '2020-01-02', source: 'column', text: 'x' }],
 *   //   skipped: [{ place: 'c.jsonl:3', why: 'not a JSON object' }] }
 */
export function jsonlRecords(text, name) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return jsonlLines(lines, name, 1);
}

/**
 * The documents of some lines of a JSON Lines file, as {@link jsonlRecords}; `first` is the
 * number of the first line (so a large file can be read a part at a time).
 *
 * @example jsonlLines(['{"text":"x"}'], 'c.jsonl', 41).docs[0].id // 'c.jsonl:41'
 */
export function jsonlLines(lines, name, first) {
  const docs = [];
  const skipped = [];
  lines.forEach((line, i) => {
    const place = `${name}:${first + i}`;
    if (line.trim() === '') return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (err) {
      skipped.push({ place, why: `not JSON: ${err.message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      skipped.push({ place, why: 'not a JSON object' });
      return;
    }
    if (!('text' in value)) {
      skipped.push({ place, why: 'no `text` field' });
      return;
    }
    if (typeof value.text !== 'string') {
      skipped.push({ place, why: '`text` is not a string' });
      return;
    }
    const date = field(value.date);
    docs.push({ id: field(value.id) ?? place, date, source: date ? 'column' : 'none', text: value.text });
  });
  return { docs, skipped };
}

/**
 * The records of an RFC 4180 text, as the CLI's reader splits them: quoted fields may hold
 * commas, quotes (doubled) and line breaks; CRLF and LF end records. Throws when a quoted field
 * is still open at the end.
 *
 * @example csvSplit('a,b\r\n"x, ""y""",2\n') // [['a', 'b'], ['x, "y"', '2']]
 */
export function csvSplit(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    started = true;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field); field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // The line break that follows ends the record.
    } else if (c === '\n') {
      fields.push(field); field = '';
      records.push(fields);
      fields = [];
      started = false;
    } else field += c;
  }
  if (quoted) throw new Error('a quoted field is not closed before the end of the file');
  if (started) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

/**
 * The documents of a CSV text with a header row that has a `text` column (names trimmed and
 * lower-cased): `{ docs, skipped }` as {@link jsonlRecords}, records named `name:record N`.
 * A file without a header or without `text` is one skipped item naming the file.
 *
 * @example csvRecords('id,date,text\n1,2021,"a, b"\n', 'c.csv').docs
 *   // [{ id: '1', date: '2021', source: 'column', text: 'a, b' }]
 */
export function csvRecords(text, name) {
  let records;
  try {
    records = csvSplit(text);
  } catch (err) {
    return { docs: [], skipped: [{ place: name, why: err.message }] };
  }
  if (!records.length) return { docs: [], skipped: [{ place: name, why: 'the file is empty: a CSV corpus needs a header row with a `text` column' }] };
  const header = records[0].map((h) => h.replace(/^\ufeff+/, '').trim().toLowerCase());
  if (!header.includes('text')) return { docs: [], skipped: [{ place: name, why: `its header (${header.join(',')}) has no \`text\` column` }] };
  const docs = [];
  const skipped = [];
  records.slice(1).forEach((fields, i) => {
    const place = `${name}:record ${i + 1}`;
    if (fields.length !== header.length) {
      skipped.push({ place, why: `${fields.length} fields where the header has ${header.length}` });
      return;
    }
    let text = '';
    let id = null;
    let date = null;
    header.forEach((h, k) => {
      if (h === 'text') text = fields[k];
      else if (h === 'id' && fields[k] !== '') id = fields[k];
      else if (h === 'date' && fields[k] !== '') date = fields[k];
    });
    docs.push({ id: id ?? place, date, source: date ? 'column' : 'none', text });
  });
  return { docs, skipped };
}

/** How the view names each source of dates, in the CLI's order. */
export const DATE_SOURCES = Object.freeze([
  ['column', 'a date field'],
  ['name', 'the file name'],
  ['modified', 'the file\u2019s modification time'],
  ['none', 'none (period \u201cundated\u201d)'],
]);

/**
 * The line that says where dates came from: "Dates from: a date field 300, the file name 64."
 *
 * @example datesLine({ column: 300, name: 64 }) // 'Dates from: a date field 300, the file name 64.'
 */
export function datesLine(counts) {
  const parts = DATE_SOURCES.filter(([k]) => counts[k]).map(([k, label]) => `${label} ${counts[k]}`);
  return parts.length ? `Dates from: ${parts.join(', ')}.` : 'No documents.';
}
