// The page's one way to make an element: text only ever goes in through textContent.

/**
 * A new `<tag>` in `doc` with class `cls` and text `text` (both optional).
 *
 * @example el(document, 'p', 'empty', 'No text yet.') // <p class="empty">No text yet.</p>
 */
export function el(doc, tag, cls, text) {
  const n = doc.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = String(text);
  return n;
}
