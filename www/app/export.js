// Export builders, run in the worker: JSON and Markdown are string functions of a Report (no
// DOM); CSV and HTML come from the Rust renderers of `tifa annotate --format csv|html` in the
// full wasm module (engine.js `loadFull`), so the page and the CLI write the same bytes.

/** MIME type per export format. */
export const EXPORT_TYPES = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  standalone: 'text/html;charset=utf-8',
};

/**
 * A download name derived from the source: `speech.txt` + `csv` -> `speech.tifa.csv`.
 *
 * @example exportFilename('<paste>', 'json') // 'tifa.json'
 */
export function exportFilename(source, format) {
  const name = /^<.*>$/.test(String(source)) ? '' : String(source || '');
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  const stem = base && !/^-+$/.test(base) ? `${base}.tifa` : 'tifa';
  return `${stem}.${format}`;
}

/**
 * What exports call the source: the file name, or "pasted text" for the page's internal
 * placeholders (`<paste>`), which readers must not see.
 *
 * @example sourceLabel('<paste>') // 'pasted text'
 * @example sourceLabel('speech.txt') // 'speech.txt'
 */
export function sourceLabel(source) {
  return !source || /^<.*>$/.test(String(source)) ? 'pasted text' : String(source);
}

/**
 * The report as one JSON line, in the CLI's contract (`tifa annotate --format json`): the Report
 * plus a `source` key.
 *
 * @example JSON.parse(exportJson(t.analyze('the Two Upholds'), 'a.txt')).matches[0].id // 'two-upholds'
 */
export function exportJson(report, source) {
  return JSON.stringify({ ...report, source }) + '\n';
}

/**
 * One CSV field, by the same rule as the CLI (`csv_field` in src/render/mod.rs): RFC 4180
 * quoting, and a leading ' for fields a spreadsheet would read as a formula (=, +, -, @, tab,
 * CR). The word lists (wordlist.js) use it too.
 *
 * @example csvField('a, "b"') // '"a, ""b"""'
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV of `text`, as `tifa annotate --format csv` writes it for a file named `source`: the
 * header, then one row per top-level match (RFC 4180 quoting, formula cells neutralised, nested
 * ids joined by `;`). `full` is a Tifa of the full module (engine.js `loadFull`); `options` as
 * for `analyze` (`{ sensitivity }`).
 *
 * @example exportCsv(full, 'the Two Upholds', { sensitivity: 'default' }, 'a.txt')
 *   // 'source,id,start,end,text,form,kind,category,context,nested\na.txt,two-upholds,4,15,Two Upholds,…\n'
 */
export function exportCsv(full, text, options, source) {
  return full.exportCsv(text, options, source);
}

/**
 * The annotated HTML document of `text`, as `tifa annotate --format html` writes it: the text
 * with a `<mark>` per term, then a glossary (the interactive file is the standalone export).
 *
 * @example exportHtml(full, 'the Two Upholds', {}, 'a.txt').startsWith('<!doctype html>') // true
 */
export function exportHtml(full, text, options, source) {
  return full.exportHtml(text, options, source);
}

/**
 * Escapes Markdown (CommonMark) punctuation so dictionary text stays text, including `<`.
 *
 * @example escapeMarkdown('<b>*x*</b>') // '\\<b\\>\\*x\\*\\</b\\>'
 */
export function escapeMarkdown(s) {
  return String(s ?? '').replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => (c === '-' ? c : '\\' + c)).replace(/\n/g, ' ');
}


/**
 * A Markdown glossary of the terms found, in order of first appearance.
 *
 * @example exportMarkdown(report, (id) => t.entry(id), 'speech.txt').startsWith('# Glossary') // true
 */
export function exportMarkdown(report, getEntry, source) {
  const e = escapeMarkdown;
  const out = [`# Glossary: ${e(source || 'text')}`, ''];
  const d = report.density;
  out.push(`${report.matches.length} term occurrences of ${report.terms.length} terms; ${d.per_thousand} per 1,000 ${d.unit}. Made with tifa.`, '');
  for (const t of report.terms) {
    const entry = getEntry(t.id);
    if (!entry) continue;
    out.push(`## ${e(entry.en)} — ${e(entry.zh)}`, '');
    const forms = report.matches.filter((m) => m.id === t.id).map((m) => m.text);
    const seen = [...new Set(forms)];
    out.push(`- **Chinese:** ${e(entry.zh)}${entry.zh_hant && entry.zh_hant !== entry.zh ? ` (traditional: ${e(entry.zh_hant)})` : ''}`);
    out.push(`- **Pinyin:** ${e(entry.pinyin)}`);
    out.push(`- **Category:** ${e(entry.category)}`);
    if (entry.since) out.push(`- **Since:** ${e(entry.since)}`);
    out.push(`- **Found:** ${t.count}${t.nested ? ` (+${t.nested} inside longer terms)` : ''}${seen.length ? ` as ${seen.map((s) => `“${e(s)}”`).join(', ')}` : ''}`);
    out.push(`- **Id:** \`${String(entry.id).replace(/`/g, '')}\``, '');
    if (entry.gloss) out.push(e(entry.gloss), '');
    if (entry.explanation) out.push(e(entry.explanation), '');
    if (entry.related?.length) out.push(`Related: ${entry.related.map((r) => e(getEntry(r)?.en || r)).join('; ')}`, '');
    if (entry.sources?.length) {
      out.push('Sources:', '');
      for (const s of entry.sources) out.push(`- ${e(s)}`);
      out.push('');
    }
  }
  if (report.candidates.length) {
    out.push('## Possible formulas not in the dictionary', '');
    for (const c of report.candidates) out.push(`- ${e(c.text)} ×${c.count}`);
    out.push('');
  }
  return out.join('\n');
}
