// Reading dropped or opened files as plain text. HTML is parsed with DOMParser (an inert
// document: no scripts run, nothing loads) and only its text is kept; it is never rendered.

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'TITLE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'MATH', 'IFRAME', 'OBJECT']);

/**
 * The readable text of an HTML document: block elements become line breaks, runs of spaces
 * collapse (except in <pre>), and script, style and template contents are dropped.
 *
 * @example htmlToText('<p>One</p><p>Two <b>upholds</b><script>x()</script></p>', new DOMParser()) // 'One\n\nTwo upholds'
 */
export function htmlToText(html, parser = new DOMParser()) {
  const doc = parser.parseFromString(html, 'text/html');
  const title = doc.querySelector('title')?.textContent?.trim();
  const out = [];
  const walk = (node, pre) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out.push(pre ? n.data : n.data.replace(/[ \t\r\n\f]+/g, ' '));
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block) out.push('\n');
        walk(n, pre || tag === 'PRE');
        if (block && tag !== 'BR') out.push('\n');
      }
    }
  };
  if (doc.body) walk(doc.body, false);
  let text = out.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;
  return text;
}

/**
 * Reads a File as text: `.html`/`.htm` (or a text/html type) through {@link htmlToText}, other
 * files as UTF-8 with a leading byte-order mark removed (as the CLI does).
 *
 * @example const { text, kind } = await readTextFile(input.files[0]);
 */
export async function readTextFile(file) {
  const raw = await file.text();
  const text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html';
  return isHtml ? { text: htmlToText(text), kind: 'html' } : { text, kind: 'text' };
}
