// "Report a problem with this entry": a link that opens a pre-filled issue or mail naming the
// entry and the dictionary version. The address is set when the site is built
// (`make build TIFA_REPORT_URL='https://…/issues/new?title={title}&body={body}'`, written to
// www/config.json); without one, the link opens a mail with no recipient, filled in.

/** The template used when the site was built without TIFA_REPORT_URL. */
export const DEFAULT_REPORT_TEMPLATE = 'mailto:?subject={title}&body={body}';

/**
 * The address of a problem report for `entry`. Placeholders in `template`, each replaced
 * URL-encoded: {id}, {zh}, {en}, {version} (the dictionary's), {title}, {body}.
 *
 * @example
 *   problemUrl('https://example.org/new?title={title}&body={body}', { id: 'two-upholds', zh: '两个维护', en: 'Two Upholds' },
 *     { version: '0.1.0+3f2a9c1b0e4d', page: 'https://site/read' })
 *   // 'https://example.org/new?title=tifa%20entry%20two-upholds%3A%20...&body=...'
 */
export function problemUrl(template, entry, { version = '', page = '' } = {}) {
  const t = template || DEFAULT_REPORT_TEMPLATE;
  const file = entry.file ? `Dictionary file: ${entry.file}\n` : '';
  const values = {
    id: entry.id,
    zh: entry.zh || '',
    en: entry.en || '',
    version,
    title: `tifa entry ${entry.id}: ${entry.en || ''} (${entry.zh || ''})`,
    body: `Entry: ${entry.id} — ${entry.en || ''} (${entry.zh || ''})\nDictionary version: ${version || 'unknown'}\n${file}`
      + `${page ? `Seen on: ${page}\n` : ''}\nWhat is wrong (a fact, a date, a rendering, a missing source)?\n\n`,
  };
  return t.replace(/\{(id|zh|en|version|title|body)\}/g, (_, k) => encodeURIComponent(values[k]));
}
