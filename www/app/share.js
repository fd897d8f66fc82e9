// Keeping and sharing work without a server:
// - a share link holds the text itself, compressed (deflate-raw) and base64url-encoded in the
//   URL fragment (`#text=…`), which browsers never send to a server;
// - a draft of the current text is kept in this browser's localStorage, so a reload or a
//   closed tab does not lose it.

/** Fragment prefix of a share link. */
export const SHARE_PREFIX = 'text=';
/** Longest share link fragment we offer (characters): long URLs break in mail and chat apps. */
export const SHARE_LIMIT = 1_500_000;
/** localStorage key of the draft. */
export const DRAFT_KEY = 'tifa-draft';
/** Longest text kept as a draft (UTF-16 units): localStorage holds about 5 MB per site. */
export const DRAFT_LIMIT = 1_000_000;

const toBase64Url = (bytes) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s) => {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * The fragment of a share link for `text` (and its sensitivity when not the default).
 *
 * @example await shareFragment('the Two Upholds') // 'text=K8lIVQ…'
 * @example await shareFragment('core', { sensitivity: 'all' }) // 'text=…&sensitivity=all'
 */
export async function shareFragment(text, { sensitivity = 'default' } = {}) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  let fragment = SHARE_PREFIX + toBase64Url(packed);
  if (sensitivity && sensitivity !== 'default') fragment += `&sensitivity=${encodeURIComponent(sensitivity)}`;
  return fragment;
}

/**
 * Reads a share fragment (with or without its `#`): `{ text, sensitivity }`, or null when the
 * fragment is not a share link. Throws an Error saying what is wrong with a damaged link.
 *
 * @example await readShareFragment('#text=K8lIVQ…') // { text: 'the Two Upholds', sensitivity: 'default' }
 */
export async function readShareFragment(fragment) {
  const f = String(fragment || '').replace(/^#/, '');
  if (!f.startsWith(SHARE_PREFIX)) return null;
  const [data, ...rest] = f.slice(SHARE_PREFIX.length).split('&');
  const params = new URLSearchParams(rest.join('&'));
  let bytes;
  try {
    bytes = fromBase64Url(decodeURIComponent(data));
  } catch {
    throw new Error('the link is damaged (its text is not base64url): was it cut short when it was copied?');
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the link is damaged (its text does not decompress): was it cut short when it was copied?');
  }
  return { text, sensitivity: params.get('sensitivity') || 'default' };
}

/**
 * Keeps `text` as the draft (or forgets it when empty). Returns false when the browser refused
 * (storage full or disabled) or the text is over `DRAFT_LIMIT`.
 *
 * @example saveDraft(localStorage, 'my text', 'speech.txt') // true
 */
export function saveDraft(storage, text, source) {
  try {
    if (!text) { storage.removeItem(DRAFT_KEY); return true; }
    if (text.length > DRAFT_LIMIT) { storage.removeItem(DRAFT_KEY); return false; }
    storage.setItem(DRAFT_KEY, JSON.stringify({ text, source, saved: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The kept draft `{ text, source, saved }`, or null.
 *
 * @example loadDraft(localStorage)?.text // 'my text'
 */
export function loadDraft(storage) {
  try {
    const d = JSON.parse(storage.getItem(DRAFT_KEY) || 'null');
    return d && typeof d.text === 'string' && d.text ? d : null;
  } catch {
    return null;
  }
}
