// Category colours of highlights outside the page (the embed's marks, the standalone export),
// light and dark, from the vocabulary (src/vocabulary.toml → lib/vocabulary.js). The page's own
// palette, tuned to its background, is www/vocabulary.css, written from the same file.
import { MARK_COLORS } from './vocabulary.js';

/** Colour per category, for light and for dark backgrounds (and `other` for an unknown one). */
export const CATEGORY_COLORS = MARK_COLORS;

/**
 * CSS rules giving each category's highlights its colour in custom property `prop`;
 * `value(category, colour)` may wrap the colour (e.g. in a host-overridable `var()`).
 *
 * @example categoryColorRules('dark', '--c') // 'mark.tifa-cat-ideology { --c: #ff8a80; }\n…'
 */
export function categoryColorRules(theme, prop, value = (category, color) => color) {
  return Object.entries(MARK_COLORS[theme] || MARK_COLORS.light)
    .map(([c, v]) => `mark.tifa-cat-${c} { ${prop}: ${value(c, v)}; }`).join('\n');
}
