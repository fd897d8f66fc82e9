// Reading files that are not UTF-8 (issue 11, item 2): the page detects the encoding, says
// which it used, and refuses binaries with a message. Node runs decodeText itself; the page
// test opens the same files through the file picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeText } from '../../www/app/read-file.js';

const dir = new URL('./fixtures/encodings/', import.meta.url);
const ZH = '中共中央政治局召开民主生活会，强调坚决做到“两个维护”，全面从严治党。\n';
const HANT = '中共中央政治局召開民主生活會，強調堅決做到「兩個維護」，全面從嚴治黨。\n';
const EN = 'The meeting stressed the Two Upholds — café société naïve.\n';

/** (file, expected text, expected encoding) */
export const ENCODED = [
  ['gbk.txt', ZH, 'gb18030'],
  ['big5.txt', HANT, 'big5'],
  ['utf16le-bom.txt', ZH, 'utf-16le'],
  ['utf16be-bom.txt', ZH, 'utf-16be'],
  ['utf16le.txt', EN, 'utf-16le'],
  ['latin1.txt', EN.replace('—', '-'), 'windows-1252'],
  ['utf8-bom.txt', ZH, 'utf-8'],
];

for (const [file, text, encoding] of ENCODED) {
  test(`decodeText: ${file} is read as ${encoding}`, () => {
    const got = decodeText(new Uint8Array(readFileSync(new URL(file, dir))), { name: file });
    assert.deepEqual(got, { text, encoding });
  });
}

/** (name, bytes, what the message says) */
const REFUSED = [
  ['a PNG image', readFileSync(new URL('image.png', dir)), /image\.png is a PNG image, not a text file/],
  ['a PDF', new TextEncoder().encode('%PDF-1.7\n...'), /is a PDF document/],
  ['a zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /ZIP archive or Office document/],
  ['zero bytes in a short file', new Uint8Array([0x41, 0, 0, 0x42, 0x43, 0, 0x44, 0x45, 0x46, 0x47]), /zero bytes/],
];
for (const [name, bytes, want] of REFUSED) {
  test(`decodeText refuses ${name} with a message`, () => {
    assert.throws(() => decodeText(new Uint8Array(bytes), { name: 'image.png' }), want);
  });
}

test('plain UTF-8 stays UTF-8, and the dictionary\'s characters help a short GBK text', () => {
  assert.deepEqual(decodeText(new TextEncoder().encode('两个维护 and more')), { text: '两个维护 and more', encoding: 'utf-8' });
  const short = new Uint8Array([0xc1, 0xbd, 0xb8, 0xf6, 0xce, 0xac, 0xbb, 0xa4]); // 两个维护 in GBK
  assert.equal(decodeText(short, { known: new Set('两个维护') }).text, '两个维护');
});
