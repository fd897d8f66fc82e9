// The vocabulary (src/vocabulary.toml → www/lib/vocabulary.js, www/vocabulary.css): one list of
// categories, kinds and reasons, and colours that keep at least 3:1 against their background.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { CATEGORIES, CATEGORY_LABELS, KIND_LABELS, CONTEXT_LABELS, MARK_COLORS } from '../../www/lib/vocabulary.js';
import * as card from '../../www/lib/card.js';

const css = readFileSync(join(ROOT, 'www', 'vocabulary.css'), 'utf8');
const lin = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const lum = (hex) => { const n = parseInt(hex.slice(1), 16); return 0.2126 * lin(n >> 16) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255); };
const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

/** The page's colours per theme, read from vocabulary.css: { light: { id: '#…' }, dark: {…} }. */
function pageColours() {
  const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
  const read = (part) => Object.fromEntries([...part.matchAll(/--cat-([a-z-]+): (#[0-9a-f]{6});/g)].map((m) => [m[1], m[2]]));
  return { light: read(light), dark: read(dark) };
}

const backgrounds = [
  { name: 'page, light', colours: () => pageColours().light, bg: '#fbfaf7' },
  { name: 'page, dark', colours: () => pageColours().dark, bg: '#141418' },
  { name: 'embed and standalone, light', colours: () => ({ ...MARK_COLORS.light, other: MARK_COLORS.other.light }), bg: '#ffffff' },
  { name: 'embed and standalone, dark', colours: () => ({ ...MARK_COLORS.dark, other: MARK_COLORS.other.dark }), bg: '#16161a' },
];
for (const b of backgrounds) {
  test(`vocabulary colours (${b.name}): every category and "other", at least 3:1 against ${b.bg}`, () => {
    const colours = b.colours();
    assert.deepEqual(Object.keys(colours).sort(), [...CATEGORIES, 'other'].sort());
    for (const [id, c] of Object.entries(colours)) assert.ok(contrast(c, b.bg) >= 3, `${id} ${c}: ${contrast(c, b.bg).toFixed(2)}:1`);
  });
}

test('vocabulary: labels for every category, kind and reason; the card re-exports them', () => {
  assert.deepEqual(Object.keys(CATEGORY_LABELS), [...CATEGORIES]);
  assert.deepEqual(Object.keys(KIND_LABELS), ['official', 'media', 'mt', 'spelled-out']);
  assert.deepEqual(Object.keys(CONTEXT_LABELS), ['quoted', 'capitalized', 'nearby', 'sentence', 'document', 'all']);
  assert.equal(card.CATEGORY_LABELS, CATEGORY_LABELS);
  assert.equal(card.KIND_LABELS, KIND_LABELS);
  for (const c of CATEGORIES) assert.ok(css.includes(`.tifa-cat-${c} { --c: var(--cat-${c}); }`), c);
});

test('vocabulary: no other file lists the categories', () => {
  for (const file of ['www/style.css', 'www/lib/highlight.js', 'www/lib/card.js', 'www/embed.js', 'www/app/standalone.js']) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    assert.ok(!/'regions-religion'|"regions-religion"|regions-religion:|--cat-regions-religion:/.test(text), `${file} lists categories`);
  }
});
