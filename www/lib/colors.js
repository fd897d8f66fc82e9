// Category colours of highlights outside the page (the embed's marks, the standalone export),
// light and dark, each checked for at least 3:1 against white (light) or #16161a (dark) as an
// underline. The page has its own palette in style.css, tuned to its background.

/** Colour per category, for light and for dark backgrounds. */
export const CATEGORY_COLORS = Object.freeze({
  light: Object.freeze({
    ideology: '#b71c1c', leadership: '#e65100', 'party-building': '#bf360c', discipline: '#6a1b9a', economy: '#2e7d32', governance: '#1565c0',
    'security-foreign': '#37474f', 'regions-religion': '#00838f', propaganda: '#ad1457', institutions: '#5d4037', local: '#558b2f', history: '#795548',
  }),
  dark: Object.freeze({
    ideology: '#ff8a80', leadership: '#ffb74d', 'party-building': '#ff8a65', discipline: '#ce93d8', economy: '#81c784', governance: '#64b5f6',
    'security-foreign': '#90a4ae', 'regions-religion': '#4dd0e1', propaganda: '#f06292', institutions: '#a1887f', local: '#aed581', history: '#ffd54f',
  }),
});

/**
 * CSS rules giving each category's highlights its colour in custom property `prop`.
 *
 * @example categoryColorRules('dark', '--c') // 'mark.tifa-cat-ideology { --c: #ff8a80; }\n…'
 */
export function categoryColorRules(theme, prop, value = (category, color) => color) {
  return Object.entries(CATEGORY_COLORS[theme] || CATEGORY_COLORS.light)
    .map(([c, v]) => `mark.tifa-cat-${c} { ${prop}: ${value(c, v)}; }`).join('\n');
}
