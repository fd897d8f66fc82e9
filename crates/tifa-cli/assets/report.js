// The start of `tifa corpus --report` (embedded by crates/tifa-cli/src/corpus/report.rs right
// after www/lib/corpus-charts.js, in the same module script): reads the data from the JSON
// script element #tifa-data, writes the summary line, and builds the charts and tables with
// the page's Corpus view's code (mountCorpusCharts). For tests: window.tifaReport is its handle
// ({ data, chart, series, periods, state, changes, toCsv, … }).
{
  const data = JSON.parse(document.getElementById('tifa-data').textContent);
  const periods = new Set(data.periods.map((p) => p.period)).size;
  const terms = new Set(data.rows.map((r) => r.term)).size;
  document.getElementById('summary').textContent = data.documents.toLocaleString('en') + ' documents, ' +
    periods + ' period' + (periods === 1 ? '' : 's') + ' (by ' + data.by + '), ' + terms + ' term' +
    (terms === 1 ? '' : 's') + ' found. Made by ' + data.tool + '.';
  window.tifaReport = mountCorpusCharts(document.getElementById('report'), data, { uPlot: window.uPlot });
}
