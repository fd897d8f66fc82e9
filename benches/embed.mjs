// Benchmark of the embed's DOM pass against mark.js 8.11.1, in headless Chromium.
//
//   node benches/embed.mjs [--runs N] [--transfer]   (make bench runs it after make build;
//                                                    --transfer: only the transfer sizes)
//
// With --transfer it also projects the transfer of the shipped embed at twice today's
// dictionary: each match part the page fetched before its first highlight replaced by its
// size projected by `benches/dict_size.py --project 2` (the dictionary compiled with copies
// of 35 % of its entries, letters and Han characters mapped so every form is new, and the
// bytes per added entry carried to twice the entries; the CLI is $TIFA_BIN, else
// target/release/tifa). With --transfer --shards it also prints what `benches/shards.py`
// measures (the English part cut into shards by a key word, or into a first part and a second
// one; measured, not shipped): over the English texts of the recall work and the samples, the
// median and worst English page at 1x and 2x beside the budget, with the embed's JS and wasm
// as traced here.
//
// For a ~100 KB and a ~1 MB article page, English and Chinese (generated, seeded: realistic
// paragraphs from www/samples/ in that language mixed with filler, terms split by inline tags,
// lists and tables), it measures
//   - tifa `highlight()` (chunked): wall time, summed script time of its tasks;
//   - mark.js per-term mode (`mark(forms)`) and one big `markRegExp` over the same forms
//     (every surface form of the dictionary: forms, zh, zh_hant, en);
//   - one big JS RegExp without mark.js (English forms on \b, longest first, case-insensitive),
//     wrapping its matches text node by text node (it misses terms split by tags, so it does
//     less than tifa and mark.js do);
//   - the longest main-thread task while highlighting (Chrome trace, RunTask events);
//   - the time to unhighlight (tifa `unhighlight`, mark.js `unmark`);
//   - what the embed fetches before its first highlight (traced in the page, for the shipped
//     embed.min.js and its source embed.js), gzip -9, against the 250 KB budget (with the
//     margin) and mark.js: for an English page (the base part and the English forms), a Chinese
//     page (the base part and the Chinese forms) and a page with both.
// It prints medians. It is also a correctness check: tifa's count must equal the engine's own
// count over the same blocks (exit code 1 otherwise).
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, launch, WWW, ROOT } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const SAMPLE = Number(args[args.indexOf('--sample') + 1]) || 20; // forms timed in mark.js per-term mode
// --transfer: only what the embed fetches (no timing runs).
const TRANSFER_ONLY = args.includes('--transfer');
// --shards (with --transfer): the measured alternatives of benches/shards.py, beside the budget.
const SHARDS = args.includes('--shards');
const SIZES = TRANSFER_ONLY ? [] : [['100 KB', 100 * 1024, RUNS], ['1 MB', 1024 * 1024, Math.max(3, Math.ceil(RUNS / 2))]];
const LANGS = [['English', false], ['Chinese', true]];

const median = (xs) => { const a = [...xs].sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function samples() {
  const out = [];
  try {
    for (const f of (await readdir(join(WWW, 'samples'))).filter((x) => x.endsWith('.txt')).sort()) {
      const txt = await readFile(join(WWW, 'samples', f), 'utf8');
      out.push(...txt.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40));
    }
  } catch { /* no samples: the filler and term list below are enough */ }
  return out;
}

const FILLER = ('The provincial delegation met on Tuesday in the capital, where officials discussed budgets, '
  + 'rural roads, water projects and the price of pork. Analysts said the wording of the statement was '
  + 'closely watched by investors and diplomats alike. A spokesperson declined to comment on the record. '
  + 'Local newspapers carried the full text on their front pages the next morning. 会议还讨论了农村道路、水利工程和物价问题。'
  + 'Reporters were not allowed to ask questions after the briefing, which lasted forty minutes.'
  + '今天天气晴朗，河边有人散步。市场里卖苹果和面包。孩子们在公园里玩，图书馆很安静。傍晚下了一场小雨。记者会后没有提问环节。').split(/(?<=[.。])\s*/);
const TERMS = [['the Two ', 'Upholds'], ['两个', '维护'], ['democratic life ', 'meeting'], ['eight-point ', 'regulation'],
  ['Xi Jinping ', 'Thought'], ['common ', 'prosperity'], ['全面从严', '治党'], ['the “four ', 'consciousnesses”'], ['new ', 'quality productive forces'],
  ['high-quality ', 'development'], ['self-', 'revolution'], ['两个', '确立'], ['共同', '富裕'], ['习近平新时代', '中国特色社会主义思想'],
  ['新质', '生产力'], ['高质量', '发展']];
/** The filler, terms and sample paragraphs of one language. */
const mostlyHan = (t) => (t.match(/\p{Script=Han}/gu)?.length ?? 0) > (t.match(/[A-Za-z]/g)?.length ?? 0);
const ofLang = (list, chinese, text = (x) => x) => list.filter((x) => mostlyHan(text(x)) === chinese);

/** A deterministic article: a list of blocks, each { tag, parts: [string | { tag, text }] }. */
function article(bytes, allParagraphs, seed, chinese) {
  const rand = rng(seed);
  const paragraphs = ofLang(allParagraphs, chinese);
  const filler = ofLang(FILLER, chinese);
  const terms = ofLang(TERMS, chinese, (t) => t.join(''));
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const blocks = []; let size = 0;
  while (size < bytes) {
    const r = rand();
    const parts = [];
    const nSent = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < nSent; i++) {
      if (paragraphs.length && rand() < 0.3) parts.push(`${pick(paragraphs)} `);
      else parts.push(`${pick(filler)} `);
      if (rand() < 0.5) {
        const [a, b] = pick(terms);
        const how = rand();
        if (how < 0.25) parts.push(a, { tag: 'em', text: b }, '. ');
        else if (how < 0.4) parts.push({ tag: 'a', text: a }, b, ' ');
        else parts.push(`${a}${b} `);
      }
    }
    const tag = r < 0.08 ? 'h2' : r < 0.16 ? 'li' : r < 0.2 ? 'td' : r < 0.24 ? 'blockquote' : 'p';
    blocks.push({ tag, parts });
    size += Buffer.byteLength(parts.map((p) => (typeof p === 'string' ? p : p.text)).join(''));
  }
  return blocks;
}

/** Runs in the page: builds the article with createElement / createTextNode. */
function buildInPage(blocks) {
  const story = document.getElementById('story');
  story.replaceChildren();
  let list = null; let table = null;
  for (const b of blocks) {
    const el = document.createElement(b.tag === 'blockquote' ? 'blockquote' : b.tag);
    const target = b.tag === 'blockquote' ? el.appendChild(document.createElement('p')) : el;
    for (const p of b.parts) {
      if (typeof p === 'string') target.append(p);
      else { const c = document.createElement(p.tag); if (p.tag === 'a') c.href = '#'; c.textContent = p.text; target.append(c); }
    }
    if (b.tag === 'li') { if (!list) { list = document.createElement('ul'); story.append(list); } list.append(el); continue; }
    list = null;
    if (b.tag === 'td') {
      if (!table) { table = document.createElement('table'); story.append(table); }
      table.insertRow().append(el); continue;
    }
    table = null;
    story.append(el);
  }
  return { chars: story.textContent.length, elements: story.querySelectorAll('*').length };
}

async function traceLongestTask(page, fn, arg) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const result = await page.evaluate(fn, arg);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const longest = tasks.reduce((m, e) => Math.max(m, (e.dur || 0) / 1000), 0);
  return { ...result, longestTaskMs: longest };
}

/** The size of `path` compressed by `gzip -9` (the command: node's zlib compresses the wasm 7 % worse). */
function gzipBytes(path) {
  return execFileSync('gzip', ['-9c', path], { maxBuffer: 1 << 28 }).length;
}

/** The budget of issue 10: everything the embed fetches before its first highlight, gzip. */
const BUDGET = 250 * 1000;

/**
 * Loads `entry` in a fresh page over a short article and lists every file the page fetched,
 * split at the first highlight (the first <mark data-tifa-term> in the article), with each
 * file's size raw and gzip -9 (read from www/, as a static server sends it).
 */
/** The pages the transfer is traced on: [name, the article's text]. */
const TRANSFER_PAGES = [
  ['English page', 'The plenum asked members to achieve the Two Upholds and common prosperity.'],
  ['Chinese page', '全会要求坚决做到两个维护，扎实推进共同富裕。'],
  ['page with both', 'The plenum asked members to achieve the Two Upholds (两个维护) and common prosperity.'],
];

async function traceTransfer(browser, server, entry, [pageName, text]) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/bench.html`);
  const seen = await page.evaluate(async ([src, text]) => {
    const story = document.getElementById('story');
    const p = story.appendChild(document.createElement('p'));
    p.textContent = text;
    let first = null;
    const observer = new MutationObserver(() => {
      if (first == null && story.querySelector('[data-tifa-term]')) first = performance.now();
    });
    observer.observe(story, { childList: true, subtree: true });
    const before = performance.now();
    const embed = await import(src);
    const h = await embed.highlight(story, { observe: false });
    observer.disconnect();
    // The card part is asked for on idle, after the highlight: wait for it to be listed too.
    await new Promise((resolve) => {
      const check = () => (performance.getEntriesByType('resource').some((r) => r.name.endsWith('.cards.bin')) ? resolve() : setTimeout(check, 20));
      check();
    });
    const files = performance.getEntriesByType('resource')
      .filter((r) => r.startTime >= before && !r.name.includes('/node_modules/') && !r.name.includes('/fixtures/'))
      .map((r) => ({ path: new URL(r.name).pathname, before: r.startTime < first }));
    return { files, count: h.count, firstMs: first - before };
  }, [entry, text]);
  await page.close();
  const files = [];
  for (const f of seen.files) {
    const path = join(WWW, decodeURIComponent(f.path));
    // Requests the browser makes on its own (favicon.ico) answered 404: nothing transferred.
    const raw = await readFile(path).then((b) => b.length, () => null);
    if (raw != null) files.push({ ...f, raw, gz: gzipBytes(path) });
  }
  return { entry, pageName, files, count: seen.count };
}

function printTransfer({ entry, pageName, files, count }, markMin) {
  const sum = (xs, k) => xs.reduce((n, f) => n + f[k], 0);
  const first = files.filter((f) => f.before);
  const later = files.filter((f) => !f.before);
  const gz = sum(first, 'gz');
  console.log(`transfer of ${entry}, ${pageName}, before its first highlight (gzip -9; ${count} occurrences): ${gz} B = ${(gz / 1024).toFixed(1)} KiB`
    + ` (${(sum(first, 'raw') / 1024).toFixed(1)} KiB raw) | budget ${BUDGET} B: ${gz <= BUDGET ? 'within' : 'OVER'} by ${Math.abs(BUDGET - gz)} B, ratio ${(gz / BUDGET).toFixed(3)}`
    + ` | mark.js min gzip ${(markMin / 1024).toFixed(1)} KiB (no dictionary)`);
  for (const f of first) console.log(`    ${f.path.padEnd(44)} ${String(f.gz).padStart(8)} B gzip ${String(f.raw).padStart(9)} B raw`);
  console.log(`  after the first highlight: ${(sum(later, 'gz') / 1024).toFixed(1)} KiB gzip (${later.map((f) => f.path.split('/').pop()).join(', ')})`);
}

/** The transfer before the first highlight with the match parts at twice today's dictionary. */
function printProjection(transfers) {
  const bin = process.env.TIFA_BIN || join(ROOT, 'target', 'release', 'tifa');
  if (!existsSync(bin)) {
    // The projection compiles match parts with the CLI; without one, say so and skip it rather
    // than stop the benchmark after its measurements.
    console.log(`\nprojection at twice the dictionary skipped: no CLI at ${bin} (build it with \`cargo build --release -p tifa-cli\`, or set TIFA_BIN)`);
    return;
  }
  const p = JSON.parse(execFileSync('python3', [join(ROOT, 'benches', 'dict_size.py'), '--project', '2', '--tifa', bin, '--json'], { encoding: 'utf8' }));
  console.log(`\nprojected at ${p.scale}x the dictionary (${p.entries} entries today; match parts compiled at ${p.measuredEntries} entries and carried on per entry, benches/dict_size.py):`);
  for (const [f, s] of Object.entries(p.parts)) {
    console.log(`    ${f.padEnd(20)} today ${String(s.now).padStart(7)} B gzip, ${(s.now / p.entries).toFixed(1)} B per entry; added entries ${((s.measured - s.now) / (p.measuredEntries - p.entries)).toFixed(1)} B each; at ${p.scale}x ${s.projected} B`);
  }
  for (const { entry, pageName, files } of transfers) {
    let gz = 0;
    for (const f of files.filter((x) => x.before)) {
      // The part's growth, added to its size as traced (gzip of the file: its name included).
      const part = p.parts[f.path.split('/').pop()];
      gz += f.gz + (part ? part.projected - part.now : 0);
    }
    console.log(`  ${entry}, ${pageName}, at ${p.scale}x: ${gz} B | budget ${BUDGET} B: ${gz <= BUDGET ? 'within' : 'OVER'} by ${Math.abs(BUDGET - gz)} B`);
  }
  if (SHARDS) printShards(bin, transfers.find((t) => t.pageName === 'English page'));
}

/**
 * The English part in shards or in two parts, as `benches/shards.py` measures it (not shipped):
 * the English page's JS and wasm as traced, plus the base part and the English bytes each
 * arrangement fetches before the first highlight, median and worst over its texts, at 1x and 2x.
 */
function printShards(bin, english) {
  const fixed = english.files.filter((f) => f.before && !/tifa\.match[^/]*\.bin$/.test(f.path)).reduce((n, f) => n + f.gz, 0);
  const m = JSON.parse(execFileSync('python3', [join(ROOT, 'benches', 'shards.py'), '--json', '--tifa', bin, '--fixed', String(fixed), '--k', '64,256,1024'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const verdict = (b) => `${b <= BUDGET ? 'within' : 'OVER'} by ${Math.abs(BUDGET - b)} B`;
  console.log(`\nthe English part in shards (benches/shards.py; measured, not shipped): ${m.texts} English texts, the embed's JS and wasm ${fixed} B, budget ${BUDGET} B`);
  for (const sc of m.scales) {
    for (const r of sc.shards.filter((x) => x.mode === 'bands')) {
      console.log(`  ${sc.scale}, K=${r.k}: median ${r.median} B (${verdict(r.median)}), worst ${r.worst} B (${verdict(r.worst)}); files median ${r.files}, most ${r.most_files}`);
    }
  }
  for (const row of m.splits) {
    console.log(`  first part "${row.name}" (shows ${(row.shows * 100).toFixed(1)} % of the matches): 1x ${row['1x'].firstHighlight} B, 2x ${row['2x'].firstHighlight} B (${verdict(row['2x'].firstHighlight)})`);
  }
}

async function main() {
  const server = await startServer();
  const browser = await launch({ serviceWorkers: 'allow' });
  const paragraphs = await samples();
  const rows = [];
  const transfers = [];
  let ok = true;
  let forms = [];
  try {
    // What the embed fetches before its first highlight: the shipped (minified) embed and its source.
    for (const entry of ['/embed.min.js', '/embed.js']) {
      for (const p of TRANSFER_PAGES) transfers.push(await traceTransfer(browser, server, entry, p));
    }
    // Every surface form of the dictionary, for mark.js.
    if (!TRANSFER_ONLY) {
    const page0 = await browser.newPage();
    await page0.goto(`${server.url}/fixtures/bench.html`);
    forms = await page0.evaluate(async () => {
      const { loadTifa, loadCards } = await import('/lib/engine.js');
      const t = await loadCards(await loadTifa());
      const set = new Set();
      for (const e of t.entries()) { set.add(e.zh); set.add(e.zh_hant); set.add(e.en); for (const f of e.forms) set.add(f.text); }
      return [...set].filter(Boolean);
    });
    await page0.close();
    }

    for (const [size, bytes, runs] of SIZES) for (const [lang, chinese] of LANGS) {
      const label = `${size} ${lang}`;
      const blocks = article(bytes, paragraphs, 42, chinese);
      const res = { tifa: [], tifaScript: [], tifaLongest: [], tifaUn: [], perTerm: [], perTermLongest: [], perTermUn: [], regexp: [], regexpLongest: [], regexpUn: [], bigRegExp: [], bigRegExpLongest: [], bigRegExpUn: [] };
      let counts = null; let chars = 0;
      for (let run = 0; run < runs; run++) {
        // tifa
        let page = await browser.newPage();
        await page.goto(`${server.url}/fixtures/bench.html`);
        ({ chars } = await page.evaluate(buildInPage, blocks));
        const oracle = await page.evaluate(async () => {
          window.tifaEmbed = await import('/embed.js');
          const { loadTifa } = await import('/lib/engine.js');
          const t = await loadTifa();
          // The embed analyses the blocks' text joined by its block separator (whole-text context).
          const texts = [...document.querySelectorAll('#story p, #story h2, #story li, #story td')].map((b) => b.textContent);
          return t.analyze(texts.join('\n|\n')).matches.length;
        });
        const r = await traceLongestTask(page, async () => {
          const t0 = performance.now();
          const h = await window.tifaEmbed.highlight(document.getElementById('story'), { observe: false });
          const wall = performance.now() - t0;
          return { wall, count: h.count, marks: h.marks, script: h.scriptMs };
        });
        process.stderr.write(`  ${label} run ${run + 1} tifa: ${r.wall.toFixed(0)} ms, ${r.count} occurrences\n`);
        res.tifa.push(r.wall); res.tifaLongest.push(r.longestTaskMs); res.tifaScript.push(r.script ?? NaN);
        const un = await page.evaluate(() => { const t0 = performance.now(); window.tifaEmbed.unhighlight(document.getElementById('story')); return performance.now() - t0; });
        res.tifaUn.push(un);
        if (r.count !== oracle) { ok = false; console.error(`MISMATCH ${label}: tifa highlighted ${r.count}, the engine finds ${oracle}`); }
        counts = { ...counts, tifa: r.count, oracle, marks: r.marks }; // keeps mark.js's counts from run 1
        await page.close();

        // One big RegExp over the text nodes, without mark.js.
        page = await browser.newPage();
        await page.goto(`${server.url}/fixtures/bench.html`);
        await page.evaluate(buildInPage, blocks);
        const big = await traceLongestTask(page, (fs) => {
          const esc = (f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const han = /\p{Script=Han}/u;
          const longest = (list) => [...list].sort((a, b) => b.length - a.length).map(esc).join('|');
          const re = new RegExp(`\\b(?:${longest(fs.filter((f) => !han.test(f)))})\\b|${longest(fs.filter((f) => han.test(f)))}`, 'giu');
          const t0 = performance.now();
          const story = document.getElementById('story');
          const walker = document.createTreeWalker(story, NodeFilter.SHOW_TEXT);
          const nodes = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
          let count = 0;
          for (const node of nodes) {
            const text = node.data;
            let at = 0; let frag = null;
            for (const m of text.matchAll(re)) {
              frag ??= document.createDocumentFragment();
              if (m.index > at) frag.append(text.slice(at, m.index));
              const mark = document.createElement('mark');
              mark.textContent = m[0];
              frag.append(mark);
              at = m.index + m[0].length; count += 1;
            }
            if (frag) { frag.append(text.slice(at)); node.replaceWith(frag); }
          }
          void story.offsetHeight;
          return { wall: performance.now() - t0, count };
        }, forms);
        const bigUn = await page.evaluate(() => {
          const t0 = performance.now();
          for (const m of [...document.querySelectorAll('#story mark')]) m.replaceWith(m.textContent);
          document.getElementById('story').normalize();
          return performance.now() - t0;
        });
        res.bigRegExp.push(big.wall); res.bigRegExpLongest.push(Math.max(big.wall, big.longestTaskMs)); res.bigRegExpUn.push(bigUn);
        counts.bigRegExp = big.count;
        process.stderr.write(`  ${label} run ${run + 1} big RegExp: ${big.wall.toFixed(0)} ms\n`);
        await page.close();

        // mark.js, per term and one big RegExp
        for (const mode of ['perTerm', 'regexp']) {
          if (mode === 'perTerm' && bytes > 200 * 1024 && run > 0) continue; // slow: once is enough for 1 MB
          page = await browser.newPage();
          await page.goto(`${server.url}/fixtures/bench.html`);
          await page.evaluate(buildInPage, blocks);
          await page.evaluate((n) => { window.SAMPLE = n; }, SAMPLE);
          const m = await traceLongestTask(page, ([fs, md]) => new Promise((resolve) => {
            const inst = new window.Mark(document.getElementById('story'));
            const opts = { acrossElements: true, separateWordSearch: false, diacritics: false, caseSensitive: false,
              exclude: ['script', 'style', 'code', 'pre', 'textarea'] };
            let count = 0;
            const t0 = performance.now();
            const done = () => resolve({ wall: performance.now() - t0, count });
            if (md === 'perTerm') {
              // mark.js's per-term mode makes one full pass over the DOM per keyword, so its cost
              // is linear in the number of forms: time an evenly spread sample of SAMPLE forms and
              // scale to all of them (printed as "extrapolated"). One keyword at a time, so that a
              // keyword whose generated RegExp fails (V8 "Stack overflow") is counted, not fatal.
              const step = Math.max(1, Math.floor(fs.length / window.SAMPLE));
              const sample = fs.filter((_, i) => i % step === 0);
              let failed = 0;
              for (const f of sample) {
                try { inst.mark(f, { ...opts, each: () => { count += 1; } }); } catch { failed += 1; }
              }
              const wall = performance.now() - t0;
              resolve({ wall: wall * (fs.length / sample.length), sampleWall: wall, sample: sample.length, count, failed });
            } else {
              const esc = [...fs].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
              // V8 refuses one RegExp over all 45,000 forms ("Regular expression too large"): one
              // markRegExp pass per chunk of 4,000 forms, longest first, one after another.
              const chunks = [];
              for (let i = 0; i < esc.length; i += 4000) chunks.push(new RegExp(esc.slice(i, i + 4000).join('|'), 'gi'));
              const next = (k) => (k === chunks.length ? done()
                : inst.markRegExp(chunks[k], { acrossElements: true, exclude: opts.exclude, each: () => { count += 1; }, done: () => next(k + 1) }));
              next(0);
            }
          }), [forms, mode]);
          const unm = await page.evaluate(() => new Promise((resolve) => {
            const t0 = performance.now();
            new window.Mark(document.getElementById('story')).unmark({ done: () => resolve(performance.now() - t0) });
          }));
          // mark.js runs synchronously: its whole run is one task (per term: the extrapolated run),
          // whatever the trace kept (a big run can overflow the trace buffer).
          res[mode].push(m.wall); res[`${mode}Longest`].push(mode === 'perTerm' ? m.wall : Math.max(m.wall, m.longestTaskMs)); res[`${mode}Un`].push(unm);
          counts[mode] = m.count;
          if (m.failed) counts.perTermFailed = m.failed;
          if (m.sample) counts.perTermSample = m.sample;
          process.stderr.write(`  ${label} run ${run + 1} ${mode}: ${m.wall.toFixed(0)} ms\n`);
          await page.close();
        }
      }
      rows.push({ label, chars, counts, res, runs });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const markMin = gzipBytes(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'));

  if (!TRANSFER_ONLY) console.log(`\nembed benchmark — headless Chromium, ${RUNS} runs (1 MB: ${SIZES[1][2]} runs; mark.js per-term on 1 MB: 1 run); medians`);
  if (!TRANSFER_ONLY) console.log(`${forms.length} surface forms; mark.js per-term time is extrapolated from ${SAMPLE} evenly spread forms (linear: one DOM pass per form)\n`);
  for (const { label, chars, counts, res } of rows) {
    console.log(`${label} article (${chars} UTF-16 chars): tifa ${counts.tifa} occurrences in ${counts.marks} marks (engine oracle ${counts.oracle}); mark.js per-term ${counts.perTerm} marks for ${counts.perTermSample} sampled forms${counts.perTermFailed ? ` (${counts.perTermFailed} forms failed: RegExp stack overflow)` : ''}, markRegExp ${counts.regexp} marks, one big RegExp ${counts.bigRegExp} marks`);
    console.log(`  ${'method'.padEnd(28)} ${'highlight ms'.padStart(12)} ${'script ms'.padStart(10)} ${'longest task ms'.padStart(16)} ${'unhighlight ms'.padStart(15)}`);
    const line = (name, a, s, l, u) => console.log(`  ${name.padEnd(28)} ${fmt(median(a)).padStart(12)} ${(s ? fmt(median(s)) : '=').padStart(10)} ${fmt(median(l)).padStart(16)} ${fmt(median(u)).padStart(15)}`);
    line('tifa highlight (chunked)', res.tifa, res.tifaScript, res.tifaLongest, res.tifaUn);
    line(`mark.js per term (×${(forms.length / counts.perTermSample).toFixed(1)})`, res.perTerm, null, res.perTermLongest, res.perTermUn);
    line('mark.js 8.11.1 markRegExp', res.regexp, null, res.regexpLongest, res.regexpUn);
    line('one big RegExp (text nodes)', res.bigRegExp, null, res.bigRegExpLongest, res.bigRegExpUn);
    console.log(`  ratio tifa/markRegExp ${(median(res.tifa) / median(res.regexp)).toFixed(2)}, tifa/per-term ${(median(res.tifa) / median(res.perTerm)).toFixed(3)}, tifa/big RegExp ${(median(res.tifa) / median(res.bigRegExp)).toFixed(2)}`);
  }
  console.log('');
  for (const t of transfers) printTransfer(t, markMin);
  if (TRANSFER_ONLY) printProjection(transfers.filter((t) => t.entry === '/embed.min.js'));
  if (!ok) process.exit(1);
}

main().catch((e) => { console.error(e); process.exit(1); });
