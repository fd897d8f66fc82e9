// The tifa bookmarklet ("highlight this page"): loads embed.js from wherever tifa is served into
// the page being read and toggles the highlights on its main content.
//
// Imported by a page, this module also fills in every <a data-tifa-bookmarklet> (its href) and
// every <code data-tifa-snippet> (its text) with the bookmarklet for this tifa server.

/** Where embed.js is served: next to this module. */
export const EMBED_URL = new URL('./embed.js', import.meta.url).href;

/**
 * The code the bookmarklet and the console snippet run: import embed.js, then highlight the
 * page's main content (article, main, [role=main] or body), or remove the highlights if they
 * are already there. A failure is shown in an alert, since the reader clicked for it.
 *
 * @example
 *   snippet('https://example.org/tifa/embed.js')
 *   // "import(\"https://example.org/tifa/embed.js\").then(...)"
 * @param {string} [embedUrl]
 */
export function snippet(embedUrl = EMBED_URL) {
  return `import(${JSON.stringify(String(embedUrl))}).then(function(m){`
    + 'var r=document.querySelector("article")||document.querySelector("main,[role=main]")||document.body;'
    + 'return m.toggle(r)})'
    + '.catch(function(e){alert("tifa could not run on this page: "+(e&&e.message||e))})';
}

/**
 * A `javascript:` URL for a bookmark that runs {@link snippet}.
 *
 * @example
 *   link.href = bookmarkletHref('https://example.org/tifa/embed.js');
 * @param {string} [embedUrl]
 */
export function bookmarkletHref(embedUrl = EMBED_URL) {
  return `javascript:${encodeURIComponent(`void(${snippet(embedUrl)})`)}`;
}

/**
 * Fills `<a data-tifa-bookmarklet>` hrefs and `<code data-tifa-snippet>` texts under `root`.
 * @example fillBookmarklets(document);
 */
export function fillBookmarklets(root = document, embedUrl = EMBED_URL) {
  for (const a of root.querySelectorAll('a[data-tifa-bookmarklet]')) a.setAttribute('href', bookmarkletHref(embedUrl));
  for (const c of root.querySelectorAll('[data-tifa-snippet]')) c.textContent = `${snippet(embedUrl)};`;
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => fillBookmarklets(), { once: true });
  else fillBookmarklets();
}
