// The charts and tables of a corpus count: trend lines per term (uPlot), the rising and falling
// terms between two periods, a heat map of categories by period, and the full sortable table.
// One implementation for both places that show them: `tifa corpus --report` embeds this file
// (crates/tifa-cli/src/corpus/report.rs, include_str!) in its self-contained HTML, and the
// page's Corpus view (www/app/corpus.js) imports it.
//
// No imports: the caller passes uPlot (the report's embedded copy, the page's www/vendor/ one).
// Text reaches the DOM only through textContent / createTextNode: names, ids and periods are
// text, never markup.
//
// The data, as the report embeds it (`tifa corpus --report`):
//   { tool, by, by_form, documents, columns, rows, periods: [{ period, unit, documents, size }],
//     terms: { id: { en, zh, category } }, categories: [{ id, label }] }
// `rows` are the table's rows as `tifa corpus` writes them (period, term, [form,] unit,
// occurrences, nested, documents, period_documents, period_size, rate, official, …).

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#9333ea',
  '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5'];
/** Terms shown at first (and by "Top 5"). */
const TOP = 5;
/** The numeric columns of the table (right-aligned, sorted as numbers). */
const NUMERIC = new Set(['occurrences', 'nested', 'documents', 'period_documents', 'period_size',
  'rate', 'official', 'media', 'mt', 'spelled_out']);

/** Occurrences per 10,000 units, rounded to three decimals: the table's `rate`, computed in the
 *  same order as the Rust code so the numbers are the same. */
export function ratePer10k(occurrences, size) {
  if (!size) return 0;
  return Math.round(occurrences * 10000 / size * 1000) / 1000;
}

/**
 * The occurrences (top-level and nested) of each category in each period and unit, summed over
 * the rows, with the rate per 10,000 units of the period: `[{ period, category, unit,
 * occurrences, nested, rate }]`, sorted by period, category, unit. A term the `terms` map does
 * not know is in the category `other`.
 *
 * @example
 *   categoryRows([{ period: '2020', term: 'a', unit: 'words', occurrences: 3, nested: 0 }],
 *     [{ period: '2020', unit: 'words', documents: 1, size: 1000 }], { a: { category: 'economy' } })
 *   // [{ period: '2020', category: 'economy', unit: 'words', occurrences: 3, nested: 0, rate: 30 }]
 */
export function categoryRows(rows, periods, terms) {
  const size = new Map(periods.map((p) => [p.period + '\u0001' + p.unit, p.size]));
  const sums = new Map();
  for (const r of rows) {
    const category = terms[r.term]?.category || 'other';
    const key = [r.period, category, r.unit].join('\u0001');
    const s = sums.get(key) || { period: r.period, category, unit: r.unit, occurrences: 0, nested: 0 };
    s.occurrences += r.occurrences;
    s.nested += r.nested;
    sums.set(key, s);
  }
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...sums.values()]
    .map((s) => ({ ...s, rate: ratePer10k(s.occurrences, size.get(s.period + '\u0001' + s.unit) || 0) }))
    .sort((a, b) => cmp(a.period, b.period) || cmp(a.category, b.category) || cmp(a.unit, b.unit));
}

/** RFC 4180 quoting, and a leading `'` for what a spreadsheet would read as a formula (as the
 *  Rust CSV writer, `tifa::output::csv_field`). */
export function csvField(s) {
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[,"\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The table as the CSV `tifa corpus` writes. */
export function tableCsv(columns, rows) {
  const lines = [columns.join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => {
      const v = row[c];
      if (typeof v === 'number') return c === 'rate' && Number.isInteger(v) ? v + '.0' : String(v);
      return csvField(String(v));
    }).join(','));
  }
  return lines.join('\n') + '\n';
}

function fmt(x) {
  return Number(x).toLocaleString('en', { maximumFractionDigits: 3 });
}

/**
 * Builds the charts and tables of `data` inside `root` (an empty element) and returns a handle
 * for tests and callers: `{ data, periods, units, state, chart, series, changes(), toCsv(),
 * nameOf(key), destroy() }` (`chart` and `series` follow each redraw).
 *
 * Element ids are `prefix` + `chart`, `term-list`, `term-search`, `unit`, `from`, `to`,
 * `change`, `heat`, `full`, `csv`…, so the report (no prefix) and the page ('corpus-') can
 * each have their own.
 *
 * @example
 *   const handle = mountCorpusCharts(document.querySelector('main'), data, { uPlot });
 *   handle.series; // the ids of the terms drawn, e.g. the top five
 * @param {HTMLElement} root
 * @param {object} data see the top of this file
 * @param {{ uPlot: Function, prefix?: string, headingLevel?: number }} options
 *   headingLevel: the level of the sections' headings (2 in the report).
 */
export function mountCorpusCharts(root, data, { uPlot, prefix = '', headingLevel = 2 } = {}) {
  const doc = root.ownerDocument;
  const id = (name) => prefix + name;
  const $ = (name) => doc.getElementById(id(name));

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
    return e;
  }

  // ---- The data, indexed ----------------------------------------------------------------

  /** A series is a term, or a term's form when counted by form. */
  const keyOf = (row) => (data.by_form ? row.term + '\u0000' + row.form : row.term);
  const termOf = (key) => key.split('\u0000')[0];
  const formOf = (key) => key.split('\u0000')[1] || '';

  /** Periods in order, `undated` last. */
  const PERIODS = [...new Set(data.periods.map((p) => p.period))]
    .sort((a, b) => (a === 'undated') - (b === 'undated') || (a < b ? -1 : a > b ? 1 : 0));
  /** Period × unit → { documents, size }. */
  const SIZES = new Map(data.periods.map((p) => [p.period + '\u0001' + p.unit, p]));
  /** Period × series × unit → row. */
  const ROWS = new Map(data.rows.map((r) => [r.period + '\u0001' + keyOf(r) + '\u0001' + r.unit, r]));
  const CATEGORY_ROWS = categoryRows(data.rows, data.periods, data.terms);

  /** Units, the one with most occurrences first. */
  const UNITS = (() => {
    const total = new Map();
    for (const p of data.periods) total.set(p.unit, total.get(p.unit) || 0);
    for (const r of data.rows) total.set(r.unit, (total.get(r.unit) || 0) + r.occurrences);
    return [...total.keys()].sort((a, b) => total.get(b) - total.get(a) || (a < b ? -1 : 1));
  })();

  const CATEGORY_LABELS = new Map(data.categories.map((c) => [c.id, c.label]));

  /** "Two Upholds 两个维护" (and the form, when counted by form). */
  function nameOf(key) {
    const t = data.terms[termOf(key)] || { en: termOf(key), zh: '' };
    const name = t.zh ? t.en + ' ' + t.zh : t.en;
    return formOf(key) ? name + ' — “' + formOf(key) + '”' : name;
  }

  const state = {
    unit: UNITS[0] || 'words',
    measure: 'rate',
    scale: 'linear',
    selected: new Set(),
    from: PERIODS[0],
    to: PERIODS[PERIODS.length - 1],
    sort: { column: null, descending: false },
  };

  const handle = { data, periods: PERIODS, units: UNITS, state, chart: null, series: [],
    categoryRows: CATEGORY_ROWS, changes, toCsv: () => tableCsv(data.columns, data.rows), nameOf, destroy };

  /** unit → its series (computed once per unit). */
  const SERIES = new Map();

  /** The series of the current unit, most occurrences first: [{ key, occurrences, color }]. */
  function seriesOfUnit() {
    if (!SERIES.has(state.unit)) SERIES.set(state.unit, computeSeries(state.unit));
    return SERIES.get(state.unit);
  }

  function computeSeries(unit) {
    const total = new Map();
    for (const r of data.rows) {
      if (r.unit !== unit) continue;
      total.set(keyOf(r), (total.get(keyOf(r)) || 0) + r.occurrences);
    }
    return [...total.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key, occurrences], i) => ({ key, occurrences, color: PALETTE[i % PALETTE.length] }));
  }

  /** A series' value in a period: the row's rate or occurrences, 0 when the term is absent,
   *  null when the period has no documents in the unit. */
  function value(key, period, measure) {
    const row = ROWS.get(period + '\u0001' + key + '\u0001' + state.unit);
    if (row) return row[measure];
    return SIZES.has(period + '\u0001' + state.unit) ? 0 : null;
  }

  /** A series' colour: by its rank in the unit, so the checklist and the chart agree. */
  function colorOf(key) {
    const s = seriesOfUnit().find((x) => x.key === key);
    return s ? s.color : PALETTE[0];
  }

  // ---- The markup ---------------------------------------------------------------------------

  const h = 'h' + headingLevel;
  const unitName = () => el('span', { class: 'unit-name' }, 'units');
  const radio = (group, value, checked, ...label) => {
    const input = el('input', { type: 'radio', name: id(group), value });
    input.checked = checked;
    return el('label', {}, input, ' ', ...label);
  };

  function markup() {
    const trends = el('section', { 'aria-labelledby': id('trends-title') },
      el(h, { id: id('trends-title') }, 'Trends'),
      el('div', { class: 'controls' },
        el('fieldset', {}, el('legend', {}, 'Measure'),
          radio('measure', 'rate', true, 'Rate per 10,000 ', unitName()),
          radio('measure', 'occurrences', false, 'Occurrences')),
        el('fieldset', {}, el('legend', {}, 'Scale'),
          radio('scale', 'linear', true, 'Linear'),
          radio('scale', 'log', false, 'Logarithmic')),
        el('fieldset', { id: id('unit-box') }, el('legend', {}, 'Texts counted in'),
          el('label', { for: id('unit') }, 'Unit'), ' ', el('select', { id: id('unit') }))),
      el('div', { class: 'trends' },
        el('div', { id: id('chart'), class: 'chart' }),
        el('fieldset', { class: 'terms-box' }, el('legend', {}, 'Terms'),
          el('label', { for: id('term-search') }, 'Search terms'),
          el('input', { type: 'search', id: id('term-search'), autocomplete: 'off' }),
          el('div', {}, el('button', { type: 'button', id: id('terms-none') }, 'Clear all'), ' ',
            el('button', { type: 'button', id: id('terms-top') }, 'Top 5')),
          el('div', { id: id('term-list'), class: 'term-list' }))),
      el('p', { class: 'note' }, 'A gap in a line: no documents in that unit in that period. On the logarithmic scale, periods where a term does not occur are left out.'));
    const change = el('section', { 'aria-labelledby': id('change-title') },
      el(h, { id: id('change-title') }, 'Rising and falling terms'),
      el('div', { class: 'controls' },
        el('label', { for: id('from') }, 'From period'), ' ', el('select', { id: id('from') }), ' ',
        el('label', { for: id('to') }, 'To period'), ' ', el('select', { id: id('to') })),
      el('div', { class: 'table-wrap' }, el('table', { id: id('change') },
        el('caption', {}, 'Change in rate per 10,000 ', unitName(), ', largest rise first'))));
    const heat = el('section', { 'aria-labelledby': id('heat-title') },
      el(h, { id: id('heat-title') }, 'Categories by period'),
      el('p', { class: 'note' }, 'Occurrences per 10,000 ', unitName(), ' of the terms of each category; the darker the cell, the higher the rate.'),
      el('div', { class: 'table-wrap' }, el('table', { id: id('heat'), class: 'heat' },
        el('caption', {}, 'Rate per 10,000 ', unitName(), ', by category and period'))));
    const full = el('section', { 'aria-labelledby': id('table-title') },
      el(h, { id: id('table-title') }, 'Full table'),
      el('p', { class: 'note' }, 'The table ', el('code', {}, 'tifa corpus'), ' writes as CSV: one row per period × term × unit. Click a column header to sort. ',
        el('a', { id: id('csv'), download: 'tifa-corpus.csv', href: '#' }, 'Download as CSV')),
      el('div', { class: 'table-wrap' }, el('table', { id: id('full') }, el('caption', {}, 'All counts, per period and term'))));
    root.replaceChildren(trends, change, heat, full);
  }

  // ---- Trends -----------------------------------------------------------------------------

  /** The chart's data: x (period indices) then one array per selected series. */
  function chartData(keys) {
    const xs = PERIODS.map((_, i) => i);
    const ys = keys.map((k) => PERIODS.map((p) => {
      const v = value(k, p, state.measure);
      return state.scale === 'log' && v === 0 ? null : v;
    }));
    return [xs, ...ys];
  }

  /** Draws (again) the trend chart of the selected series. */
  function drawChart() {
    const box = $('chart');
    if (!box) return;
    if (handle.chart) handle.chart.destroy();
    box.textContent = '';
    const keys = seriesOfUnit().map((s) => s.key).filter((k) => state.selected.has(k));
    const css = doc.defaultView.getComputedStyle(root);
    const fg = css.getPropertyValue('--cc-fg').trim();
    const line = css.getPropertyValue('--cc-line').trim();
    const panel = css.getPropertyValue('--cc-panel').trim();
    const axis = { stroke: fg, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
    const yLabel = state.measure === 'rate' ? 'Per 10,000 ' + state.unit : 'Occurrences';
    const opts = {
      width: Math.max(300, box.clientWidth - 16),
      height: 380,
      legend: { show: true, live: true },
      scales: { x: { time: false }, y: state.scale === 'log' ? { distr: 3, log: 10 } : { distr: 1 } },
      axes: [
        { ...axis, label: 'Period', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
          values: (u, splits) => splits.map((i) => (Number.isInteger(i) && PERIODS[i] !== undefined ? PERIODS[i] : '')) },
        { ...axis, label: yLabel, size: 60 },
      ],
      series: [
        { label: 'Period', value: (u, i) => (i == null ? '—' : PERIODS[i]) },
        ...keys.map((k) => ({ label: nameOf(k), stroke: colorOf(k), width: 2, points: { show: true, size: 6, fill: panel },
          value: (u, v) => (v == null ? '—' : fmt(v)) })),
      ],
    };
    const chart = new uPlot(opts, chartData(keys), box);
    // The drawing is an image with a description; the legend below it stays readable text.
    const drawing = chart.root.querySelector('.u-wrap') || box;
    drawing.setAttribute('role', 'img');
    drawing.setAttribute('aria-label', 'Trend lines, ' +
      (state.measure === 'rate' ? 'rate per 10,000 ' + state.unit : 'occurrences') + ' by period, ' +
      (state.scale === 'log' ? 'logarithmic' : 'linear') + ' scale: ' +
      (keys.length ? keys.map(nameOf).join(', ') : 'no terms selected'));
    handle.chart = chart;
    handle.series = keys;
  }

  /** The searchable checklist of terms (the top ones checked). */
  function buildTermList() {
    const list = $('term-list');
    list.textContent = '';
    for (const { key, occurrences, color } of seriesOfUnit()) {
      const box = el('input', { type: 'checkbox', value: key, 'data-key': key });
      box.checked = state.selected.has(key);
      box.addEventListener('change', () => {
        if (box.checked) state.selected.add(key); else state.selected.delete(key);
        drawChart();
      });
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = color;
      const label = el('label', { 'data-search': (key + ' ' + nameOf(key)).toLowerCase() },
        box, swatch, nameOf(key), el('span', { class: 'muted' }, ' (' + occurrences + ')'));
      list.appendChild(label);
    }
    filterTerms();
  }

  function filterTerms() {
    const q = $('term-search').value.trim().toLowerCase();
    for (const label of $('term-list').children) {
      label.hidden = q !== '' && !label.getAttribute('data-search').includes(q);
    }
  }

  function selectTop() {
    state.selected = new Set(seriesOfUnit().slice(0, TOP).map((s) => s.key));
  }

  // ---- Rising and falling -----------------------------------------------------------------

  /** Each series' rates in the two periods and the change, largest rise first. */
  function changes() {
    const out = [];
    for (const { key } of seriesOfUnit()) {
      const a = value(key, state.from, 'rate');
      const b = value(key, state.to, 'rate');
      if (a === null || b === null) continue;
      out.push({ key, from: a, to: b, change: Math.round((b - a) * 1000) / 1000,
        fromCount: value(key, state.from, 'occurrences'), toCount: value(key, state.to, 'occurrences') });
    }
    return out.sort((x, y) => y.change - x.change || (x.key < y.key ? -1 : 1));
  }

  /** Empties a table but for its caption. */
  function clearTable(table) {
    for (const n of [...table.children]) if (n.tagName !== 'CAPTION') n.remove();
  }

  function buildChange() {
    const table = $('change');
    clearTable(table);
    const head = ['Term', 'Category', 'Rate in ' + state.from, 'Rate in ' + state.to, 'Change',
      'Occurrences in ' + state.from, 'Occurrences in ' + state.to];
    table.appendChild(el('thead', {}, el('tr', {}, ...head.map((t, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : '' }, t)))));
    const body = el('tbody');
    const rows = changes();
    if (!rows.length) {
      body.appendChild(el('tr', {}, el('td', { colspan: '7' },
        'No documents in ' + state.unit + ' in one of these periods.')));
    }
    for (const c of rows) {
      const dir = c.change > 0 ? 'rising' : c.change < 0 ? 'falling' : 'steady';
      const sign = c.change > 0 ? '▲ +' : c.change < 0 ? '▼ ' : '';
      const t = data.terms[termOf(c.key)] || {};
      body.appendChild(el('tr', { 'data-key': c.key, 'data-direction': dir },
        el('th', { scope: 'row' }, nameOf(c.key)),
        el('td', {}, CATEGORY_LABELS.get(t.category) || t.category || ''),
        el('td', { class: 'num' }, fmt(c.from)),
        el('td', { class: 'num' }, fmt(c.to)),
        el('td', { class: 'num ' + (dir === 'rising' ? 'up' : dir === 'falling' ? 'down' : '') }, sign + fmt(c.change)),
        el('td', { class: 'num' }, String(c.fromCount)),
        el('td', { class: 'num' }, String(c.toCount))));
    }
    table.appendChild(body);
  }

  // ---- Heat map of categories ---------------------------------------------------------------

  function buildHeat() {
    const table = $('heat');
    clearTable(table);
    const measure = state.measure;
    const rows = CATEGORY_ROWS.filter((r) => r.unit === state.unit);
    const cell = new Map(rows.map((r) => [r.category + '\u0001' + r.period, r]));
    const present = new Set(rows.map((r) => r.category));
    const categories = data.categories.filter((c) => present.has(c.id));
    const periods = PERIODS.filter((p) => SIZES.has(p + '\u0001' + state.unit));
    const max = Math.max(0, ...rows.map((r) => r[measure]));
    table.appendChild(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Category'),
      ...periods.map((p) => el('th', { scope: 'col', class: 'num' }, p)))));
    const body = el('tbody');
    for (const c of categories) {
      const tr = el('tr', { 'data-category': c.id }, el('th', { scope: 'row' }, c.label));
      for (const p of periods) {
        const v = cell.has(c.id + '\u0001' + p) ? cell.get(c.id + '\u0001' + p)[measure] : 0;
        const td = el('td', { class: 'num' }, fmt(v));
        td.style.setProperty('--a', max > 0 ? (v / max).toFixed(3) : '0');
        td.style.backgroundColor = 'rgba(var(--cc-heat), calc(var(--a) * var(--cc-heat-max)))';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    table.querySelector('caption').textContent = (measure === 'rate' ? 'Rate per 10,000 ' + state.unit : 'Occurrences') +
      ', by category and period';
  }

  // ---- The full table -----------------------------------------------------------------------

  const FULL_COLUMNS = (() => {
    const cols = data.columns.slice();
    cols.splice(cols.indexOf('term') + 1, 0, 'name');
    return cols;
  })();
  const cellOf = (row, col) => (col === 'name' ? nameOf(keyOf(row)) : row[col]);

  function sortedRows() {
    const { column, descending } = state.sort;
    if (!column) return data.rows;
    const numeric = NUMERIC.has(column);
    const rows = data.rows.slice();
    rows.sort((a, b) => {
      const x = cellOf(a, column);
      const y = cellOf(b, column);
      const c = numeric ? x - y : String(x).localeCompare(String(y));
      return descending ? -c : c;
    });
    return rows;
  }

  function buildFull() {
    const table = $('full');
    clearTable(table);
    const tr = el('tr');
    for (const col of FULL_COLUMNS) {
      const th = el('th', { scope: 'col', class: NUMERIC.has(col) ? 'num' : '' });
      const sorted = state.sort.column === col;
      th.setAttribute('aria-sort', sorted ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
      const button = el('button', { type: 'button', 'data-column': col }, col.replace(/_/g, ' '));
      button.addEventListener('click', () => {
        state.sort = { column: col, descending: sorted ? !state.sort.descending : NUMERIC.has(col) };
        buildFull();
        table.querySelector('button[data-column="' + col + '"]').focus();
      });
      th.appendChild(button);
      tr.appendChild(th);
    }
    table.appendChild(el('thead', {}, tr));
    const body = el('tbody');
    for (const row of sortedRows()) {
      body.appendChild(el('tr', {}, ...FULL_COLUMNS.map((col) =>
        el('td', { class: NUMERIC.has(col) ? 'num' : '' }, String(cellOf(row, col))))));
    }
    table.appendChild(body);
  }

  // ---- Controls -----------------------------------------------------------------------------

  function fillSelect(select, values, chosen) {
    select.textContent = '';
    for (const v of values) {
      const o = el('option', { value: v }, v);
      o.selected = v === chosen;
      select.appendChild(o);
    }
  }

  function redraw() {
    for (const s of root.querySelectorAll('.unit-name')) s.textContent = state.unit;
    drawChart();
    buildChange();
    buildHeat();
  }

  let pending = 0;
  const onResize = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(drawChart);
  };
  const dark = doc.defaultView.matchMedia('(prefers-color-scheme: dark)');
  let csvUrl = null;

  function destroy() {
    doc.defaultView.removeEventListener('resize', onResize);
    dark.removeEventListener('change', drawChart);
    if (handle.chart) handle.chart.destroy();
    handle.chart = null;
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    root.textContent = '';
  }

  root.classList.add('tifa-corpus-charts');
  if (!data.rows.length) {
    // Nothing to chart: say so, and show no empty controls.
    root.replaceChildren(el('p', { id: id('nothing') }, 'No terms were found in these documents.'));
    return handle;
  }
  markup();
  fillSelect($('unit'), UNITS, state.unit);
  $('unit-box').hidden = UNITS.length < 2;
  fillSelect($('from'), PERIODS, state.from);
  fillSelect($('to'), PERIODS, state.to);
  selectTop();
  buildTermList();
  for (const r of root.querySelectorAll(`input[name="${id('measure')}"]`)) {
    r.addEventListener('change', () => { state.measure = r.value; redraw(); });
  }
  for (const r of root.querySelectorAll(`input[name="${id('scale')}"]`)) {
    r.addEventListener('change', () => { state.scale = r.value; drawChart(); });
  }
  $('unit').addEventListener('change', () => {
    state.unit = $('unit').value; selectTop(); buildTermList(); redraw();
  });
  $('from').addEventListener('change', () => { state.from = $('from').value; buildChange(); });
  $('to').addEventListener('change', () => { state.to = $('to').value; buildChange(); });
  $('term-search').addEventListener('input', filterTerms);
  $('terms-none').addEventListener('click', () => { state.selected.clear(); buildTermList(); drawChart(); });
  $('terms-top').addEventListener('click', () => { selectTop(); buildTermList(); drawChart(); });
  csvUrl = URL.createObjectURL(new Blob([handle.toCsv()], { type: 'text/csv;charset=utf-8' }));
  $('csv').href = csvUrl;
  buildFull();
  redraw();
  doc.defaultView.addEventListener('resize', onResize);
  dark.addEventListener('change', drawChart);
  return handle;
}
