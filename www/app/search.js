// Glossary search: one index over every entry, queried by Chinese (simplified or traditional),
// pinyin (with or without tones, spaces, tone numbers; ü as u or v) or any English form.

const HAN = /\p{Script=Han}/u;
/** Printable ASCII and the ASCII spaces only. */
const PLAIN = /^[\x20-\x7e\t\n\r\f\v]*$/;

/**
 * Folds Latin text for comparison: NFKC, lower case, no diacritics (tone marks), ü -> u,
 * curly quotes straightened, runs of spaces and dashes to one space.
 *
 * @example fold('Liǎng Gè  Wéihù') // 'liang ge weihu'
 */
export function fold(s) {
  const t = String(s ?? '');
  // Plain ASCII (most forms) has nothing to compose, decompose or strip: the same result
  // without the two normalizations, which were most of the search index's build.
  if (PLAIN.test(t)) return t.toLowerCase().replace(/`/g, "'").replace(/[\s_-]+/g, ' ').trim();
  return t
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[\s\u2010-\u2015_-]+/g, ' ')
    .trim();
}

/**
 * Folds pinyin (or a query) to bare letters: no tones, spaces, apostrophes, hyphens or tone numbers.
 *
 * @example compactPinyin("liǎng gè wéihù") // 'lianggeweihu'
 * @example compactPinyin('liang3 ge4 wei2hu4') // 'lianggeweihu'
 */
export function compactPinyin(s) {
  return fold(s).replace(/[\s'’\-·.0-9]/g, '');
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/**
 * Spells out numbers up to twenty that stand alone in folded text: the glossary says
 * "eight-point rules", a reader types "8-point".
 *
 * @example spellNumbers('8 point rules') // 'eight point rules'
 */
export function spellNumbers(s) {
  return s.replace(/\b(\d{1,2})\b/g, (m, n) => NUMBER_WORDS[Number(n)] ?? m);
}

/**
 * Builds a search index over `entries`; `index.search(query)` returns entries, best first.
 *
 * @example
 *   const index = buildIndex(t.entries());
 *   index.search('liangge weihu')[0].id // 'two-upholds'
 *   index.search('兩個維護')[0].id     // 'two-upholds'
 *   index.search('two maintenances')[0].id // 'two-upholds'
 */
export function buildIndex(entries) {
  const rows = entries.map((e) => {
    const forms = Array.isArray(e.forms) ? e.forms : [];
    const han = [e.zh, e.zh_hant, ...forms.filter((f) => f.chinese || HAN.test(f.text)).map((f) => f.text)].filter(Boolean);
    const english = [e.en, ...forms.filter((f) => !(f.chinese || HAN.test(f.text))).map((f) => f.text)].filter(Boolean).map(fold);
    const py = compactPinyin(e.pinyin);
    return {
      entry: e,
      han,
      english,
      pinyin: py,
      pinyinU: compactPinyin(String(e.pinyin || '').normalize('NFD').replace(/[uU]\u0308/g, 'v')),
      id: fold(e.id),
      rest: fold([e.gloss, e.category].join(' ')),
    };
  });
  // Numbers sort as numbers: "18th", "19th", "1992". One collator: localeCompare with options
  // builds one per call, which made the full list of ~1,400 entries slow to sort.
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const byName = (a, b) => collator.compare(String(a.entry.en), String(b.entry.en));
  const headLength = (r) => String(r.entry.en).length;
  let all = null; // every entry by name, sorted once
  return {
    size: rows.length,
    search(query) {
      const q = String(query ?? '').trim();
      if (!q) return (all ??= rows.slice().sort(byName).map((r) => r.entry)).slice();
      const scored = [];
      if (HAN.test(q)) {
        const qn = q.normalize('NFKC').replace(/\s+/g, '');
        for (const r of rows) {
          let score = 0;
          for (const h of r.han) {
            if (h === qn) score = Math.max(score, 100);
            else if (h.startsWith(qn)) score = Math.max(score, 80);
            else if (h.includes(qn)) score = Math.max(score, 60);
          }
          if (score) scored.push([score, r]);
        }
      } else {
        const qf = fold(q);
        const qs = spellNumbers(qf);
        const qc = compactPinyin(q);
        // A regular plural finds the singular form, as the matcher does ("two maintenances").
        const singular = qf.length > 3 ? [qf.replace(/es$/, ''), qf.replace(/s$/, '')].filter((x) => x !== qf) : [];
        for (const r of rows) {
          let score = 0;
          // The headword (the preferred English, r.english[0]) outranks the other forms.
          r.english.forEach((en, i) => {
            const head = i === 0 ? 5 : 0;
            for (const query of qs === qf ? [qf] : [qf, qs]) {
              if (en === query) score = Math.max(score, 100);
              else if (singular.includes(en)) score = Math.max(score, 98);
              else if (en.startsWith(query + ' ')) score = Math.max(score, 88 + head); // whole first words
              else if (en.startsWith(query)) score = Math.max(score, 80 + head);
              else if ((' ' + en).includes(' ' + query)) score = Math.max(score, 65 + head);
              else if (en.includes(query)) score = Math.max(score, 50 + head);
            }
          });
          if (qc) {
            for (const py of [r.pinyin, r.pinyinU]) {
              if (py === qc) score = Math.max(score, 95);
              else if (py.startsWith(qc)) score = Math.max(score, 75);
              else if (qc.length >= 3 && py.includes(qc)) score = Math.max(score, 50);
            }
          }
          if (r.id === qf || r.id.includes(qf)) score = Math.max(score, 45);
          if (qf.length >= 3 && r.rest.includes(qf)) score = Math.max(score, 20);
          if (score) scored.push([score, r]);
        }
      }
      // Equal scores: the shorter headword first (the query is more of it), then by name.
      scored.sort((a, b) => b[0] - a[0] || headLength(a[1]) - headLength(b[1]) || byName(a[1], b[1]));
      return scored.map(([, r]) => r.entry);
    },
  };
}
