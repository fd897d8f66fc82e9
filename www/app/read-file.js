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

/** Signatures of files that are not text, with what to tell the reader. */
const BINARY = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document (copy its text and paste it)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or Office document (save it as plain text first)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (save it as plain text first)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
];

/** Encodings tried, in order, when a file is not UTF-8. */
export const FALLBACK_ENCODINGS = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'];

// The most frequent Chinese characters, simplified and traditional, and Party vocabulary: a
// decoding that yields them is the right one.
const COMMON = new Set([...'的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心党政社会建设工作领导干部群众全面制度加强坚持推进实现问题记书委员责任发挥提高重要思想新时代特色体系治理改革开放经济文化生态安全军队统一团结精神民族复兴',
  ...'這個們來為國說時會對過發後裡種經麼學現當沒動還進樣黨會設領導幹部眾強堅進現題記書員責任揮提體係治理改開經濟文態軍隊統團結復興']);

function hasPrefix(bytes, sig) {
  return sig.every((b, i) => bytes[i] === b);
}

/** How well `text` reads as Chinese: common characters per Han character, replacements and
 * control characters counting against it. */
function chineseScore(text, known) {
  let han = 0; let common = 0; let bad = 0;
  for (const c of text) {
    const u = c.codePointAt(0);
    if (u === 0xfffd || (u < 0x20 && c !== '\n' && c !== '\r' && c !== '\t') || (u >= 0x80 && u < 0xa0)) bad += 1;
    else if (u >= 0x3400 && u <= 0x9fff) {
      han += 1;
      if (COMMON.has(c) || known?.has(c)) common += 1;
    }
  }
  return { han, score: han ? common / (han + 10 * bad) : 0 };
}

/**
 * Decodes the bytes of a text file: a byte-order mark first, then UTF-8, UTF-16 without a mark,
 * then the encodings common for Chinese text (GB18030/GBK, Big5, and Shift-JIS, EUC-KR),
 * chosen by how much of the result reads as Chinese, else Windows-1252 (Latin-1). Throws an
 * Error naming the kind of file for images, PDFs, archives and other binaries.
 *
 * @example decodeText(new Uint8Array([0xc1, 0xbd, 0xb8, 0xf6, 0xce, 0xac, 0xbb, 0xa4])) // { text: '两个维护', encoding: 'gb18030' }
 * @param {Uint8Array} bytes
 * @param {{ known?: Set<string>, name?: string }} [options] known: more characters that count as
 *   Chinese (the dictionary's); name: the file name, for messages.
 * @returns {{ text: string, encoding: string }}
 */
export function decodeText(bytes, { known, name = 'the file' } = {}) {
  for (const [sig, what] of BINARY) {
    if (hasPrefix(bytes, sig)) throw new Error(`${name} is ${what}, not a text file`);
  }
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (hasPrefix(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (hasPrefix(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a mark: zero bytes in every other place (ASCII), or CJK in both halves.
  const head = bytes.subarray(0, 4096);
  let evenZero = 0; let oddZero = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) { if (i % 2) oddZero += 1; else evenZero += 1; }
  const half = head.length / 2;
  if (half >= 4 && oddZero > 0.3 * half && evenZero < 0.05 * half) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (half >= 4 && evenZero > 0.3 * half && oddZero < 0.05 * half) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (evenZero + oddZero > 0) throw new Error(`${name} holds zero bytes: it looks like a binary file, not text`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch { /* not UTF-8: try the others */ }
  let best = null;
  for (const encoding of FALLBACK_ENCODINGS.slice(0, -1)) {
    let text;
    try { text = new TextDecoder(encoding).decode(bytes); } catch { continue; }
    const { han, score } = chineseScore(text, known);
    if (han >= 2 && (!best || score > best.score)) best = { text, encoding, score };
  }
  if (best && best.score >= 0.2) return { text: best.text, encoding: best.encoding };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/**
 * Reads a File as text: the encoding detected by {@link decodeText}, then `.html`/`.htm` (or a
 * text/html type) through {@link htmlToText}.
 *
 * @example const { text, kind, encoding } = await readTextFile(input.files[0]);
 * @param {File} file
 * @param {{ known?: Set<string> }} [options]
 */
export async function readTextFile(file, { known } = {}) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, encoding } = decodeText(bytes, { known, name: file.name });
  const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html';
  return isHtml ? { text: htmlToText(text), kind: 'html', encoding } : { text, kind: 'text', encoding };
}
