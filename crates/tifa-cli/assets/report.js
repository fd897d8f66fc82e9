// The script of `tifa corpus --report` (embedded by crates/tifa-cli/src/corpus/report.rs).
// It reads the data from the JSON script element #tifa-data and builds the trend
// chart (uPlot), the rising and falling terms, the heat map of categories and the full table.
// Text reaches the DOM only through textContent / createTextNode: names, ids and periods are
// text, never markup. For tests: window.tifaReport = { data, chart, series, periods, state, … }.
(function () {
  'use strict';

  const DATA = JSON.parse(document.getElementById('tifa-data').textContent);
  const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#9333ea',
    '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5'];
  const TOP = 5;
  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  /** Sets an element's text (never markup). */
  function setText(node, text) { node.textContent = text; }

  // ---- The data, indexed ----------------------------------------------------------------

  /** A series is a term, or a term's form when counted by form. */
  const keyOf = (row) => (DATA.by_form ? row.term + '\u0000' + row.form : row.term);
  const termOf = (key) => key.split('\u0000')[0];
  const formOf = (key) => key.split('\u0000')[1] || '';

  /** Periods in order, `undated` last. */
  const PERIODS = [...new Set(DATA.periods.map((p) => p.period))]
    .sort((a, b) => (a === 'undated') - (b === 'undated') || (a < b ? -1 : a > b ? 1 : 0));

  /** Period × unit → { documents, size }. */
  const SIZES = new Map(DATA.periods.map((p) => [p.period + '\u0001' + p.unit, p]));
  /** Period × series × unit → row. */
  const ROWS = new Map(DATA.rows.map((r) => [r.period + '\u0001' + keyOf(r) + '\u0001' + r.unit, r]));

  /** Units, the one with most occurrences first. */
  const UNITS = (() => {
    const total = new Map();
    for (const p of DATA.periods) total.set(p.unit, total.get(p.unit) || 0);
    for (const r of DATA.rows) total.set(r.unit, (total.get(r.unit) || 0) + r.occurrences);
    return [...total.keys()].sort((a, b) => total.get(b) - total.get(a) || (a < b ? -1 : 1));
  })();

  const CATEGORY_LABELS = new Map(DATA.categories.map((c) => [c.id, c.label]));

  /** "Two Upholds 两个维护" (and the form, when counted by form). */
  function nameOf(key) {
    const t = DATA.terms[termOf(key)] || { en: termOf(key), zh: '' };
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

  /** unit → its series (computed once per unit). */
  const SERIES = new Map();

  /** The series of the current unit, most occurrences first: [{ key, occurrences, color }]. */
  function seriesOfUnit() {
    if (!SERIES.has(state.unit)) SERIES.set(state.unit, computeSeries(state.unit));
    return SERIES.get(state.unit);
  }

  function computeSeries(unit) {
    const total = new Map();
    for (const r of DATA.rows) {
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

  // ---- Trends -----------------------------------------------------------------------------

  let chart = null;

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
    if (chart) chart.destroy();
    box.textContent = '';
    const keys = seriesOfUnit().map((s) => s.key).filter((k) => state.selected.has(k));
    const css = getComputedStyle(document.documentElement);
    const fg = css.getPropertyValue('--fg').trim();
    const line = css.getPropertyValue('--line').trim();
    const panel = css.getPropertyValue('--panel').trim();
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
    chart = new uPlot(opts, chartData(keys), box);
    // The drawing is an image with a description; the legend below it stays readable text.
    const drawing = chart.root.querySelector('.u-wrap') || box;
    drawing.setAttribute('role', 'img');
    drawing.setAttribute('aria-label', 'Trend lines, ' +
      (state.measure === 'rate' ? 'rate per 10,000 ' + state.unit : 'occurrences') + ' by period, ' +
      (state.scale === 'log' ? 'logarithmic' : 'linear') + ' scale: ' +
      (keys.length ? keys.map(nameOf).join(', ') : 'no terms selected'));
    window.tifaReport.chart = chart;
    window.tifaReport.series = keys;
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

  function buildChange() {
    const table = $('change');
    for (const n of [...table.children]) if (n.tagName !== 'CAPTION') n.remove();
    const head = ['Term', 'Category', 'Rate in ' + state.from, 'Rate in ' + state.to, 'Change',
      'Occurrences in ' + state.from, 'Occurrences in ' + state.to];
    table.appendChild(el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : '' }, h)))));
    const body = el('tbody');
    const rows = changes();
    if (!rows.length) {
      body.appendChild(el('tr', {}, el('td', { colspan: '7' },
        'No documents in ' + state.unit + ' in one of these periods.')));
    }
    for (const c of rows) {
      const dir = c.change > 0 ? 'rising' : c.change < 0 ? 'falling' : 'steady';
      const sign = c.change > 0 ? '▲ +' : c.change < 0 ? '▼ ' : '';
      const t = DATA.terms[termOf(c.key)] || {};
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

  function fmt(x) {
    return Number(x).toLocaleString('en', { maximumFractionDigits: 3 });
  }

  // ---- Heat map of categories ---------------------------------------------------------------

  function buildHeat() {
    const table = $('heat');
    for (const n of [...table.children]) if (n.tagName !== 'CAPTION') n.remove();
    const measure = state.measure;
    const rows = DATA.category_rows.filter((r) => r.unit === state.unit);
    const cell = new Map(rows.map((r) => [r.category + '\u0001' + r.period, r]));
    const present = new Set(rows.map((r) => r.category));
    const categories = DATA.categories.filter((c) => present.has(c.id));
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
        td.style.backgroundColor = 'rgba(var(--heat), calc(var(--a) * var(--heat-max)))';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    setText(table.querySelector('caption'), (measure === 'rate' ? 'Rate per 10,000 ' + state.unit : 'Occurrences') +
      ', by category and period');
  }

  // ---- The full table -----------------------------------------------------------------------

  const NUMERIC = new Set(['occurrences', 'nested', 'documents', 'period_documents', 'period_size',
    'rate', 'official', 'media', 'mt', 'spelled_out']);
  const FULL_COLUMNS = (() => {
    const cols = DATA.columns.slice();
    cols.splice(cols.indexOf('term') + 1, 0, 'name');
    return cols;
  })();
  const cellOf = (row, col) => (col === 'name' ? nameOf(keyOf(row)) : row[col]);

  function sortedRows() {
    const { column, descending } = state.sort;
    if (!column) return DATA.rows;
    const numeric = NUMERIC.has(column);
    const rows = DATA.rows.slice();
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
    for (const n of [...table.children]) if (n.tagName !== 'CAPTION') n.remove();
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

  /** RFC 4180 quoting and a leading `'` for what a spreadsheet would read as a formula (as the
   *  Rust CSV writer). */
  function csvField(s) {
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[,"\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** The table as the CSV `tifa corpus` writes. */
  function toCsv() {
    const lines = [DATA.columns.join(',')];
    for (const row of DATA.rows) {
      lines.push(DATA.columns.map((c) => {
        const v = row[c];
        if (typeof v === 'number') return c === 'rate' && Number.isInteger(v) ? v + '.0' : String(v);
        return csvField(String(v));
      }).join(','));
    }
    return lines.join('\n') + '\n';
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

  function showUnitNames() {
    for (const s of document.querySelectorAll('.unit-name')) setText(s, state.unit);
  }

  function redraw() {
    showUnitNames();
    drawChart();
    buildChange();
    buildHeat();
  }

  function init() {
    window.tifaReport = { data: DATA, periods: PERIODS, units: UNITS, state, chart: null, series: [],
      changes, toCsv, nameOf };
    const terms = new Set(DATA.rows.map((r) => r.term)).size;
    setText($('summary'), DATA.documents.toLocaleString('en') + ' documents, ' + PERIODS.length +
      ' period' + (PERIODS.length === 1 ? '' : 's') + ' (by ' + DATA.by + '), ' + terms + ' term' +
      (terms === 1 ? '' : 's') + ' found. Made by ' + DATA.tool + '.');
    if (!DATA.rows.length) {
      // Nothing to chart: say so, and show no empty controls.
      for (const section of document.querySelectorAll('main > section')) section.hidden = true;
      document.querySelector('main').appendChild(el('p', { id: 'nothing' }, 'No terms were found in these documents.'));
      return;
    }
    fillSelect($('unit'), UNITS, state.unit);
    $('unit-box').hidden = UNITS.length < 2;
    fillSelect($('from'), PERIODS, state.from);
    fillSelect($('to'), PERIODS, state.to);
    selectTop();
    buildTermList();
    for (const r of document.querySelectorAll('input[name=measure]')) {
      r.addEventListener('change', () => { state.measure = r.value; redraw(); });
    }
    for (const r of document.querySelectorAll('input[name=scale]')) {
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
    $('csv').href = URL.createObjectURL(new Blob([toCsv()], { type: 'text/csv;charset=utf-8' }));
    buildFull();
    redraw();
    let pending = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(drawChart);
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawChart);
  }

  init();
}());
