// Saving a generated file from the page, and byte sizes for people.

/**
 * Offers `body` as a download named `filename` (via a Blob and a temporary <a download>).
 *
 * @example saveText('{"a":1}\n', 'application/json', 'speech.tifa.json');
 */
export function saveText(body, mime, filename, doc = document) {
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A size for people, in binary units named as such (the CLI's messages say MiB too):
 * 1536 -> '1.5 KiB', 10485760 -> '10.0 MiB'.
 *
 * @example formatBytes(10 * 1024 * 1024) // '10.0 MiB'
 */
export function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
