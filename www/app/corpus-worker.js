// One worker of the Corpus view's pool (corpus-pool.js): loads the larger wasm module
// (`tifa_full`, the one with the corpus counts) and the built-in dictionary, keeps one
// `CorpusCount`, counts the documents it is sent, and hands back its part as JSON. The counting
// is the library's (`tifa::corpus`): nothing is counted here in JavaScript.
//
// Protocol (every request carries `seq`; every reply echoes it):
//   { seq, type: 'start', by, terms, sensitivity, emerging }     -> {}
//   { seq, type: 'batch', docs: [doc] }                          -> { done, bytes, sources, skipped }
//     doc: { text, date, source, id } (a record), or { file, path } (a plain file, read and
//     decoded here; dated by its name, else its modification time)
//   { seq, type: 'part' }                                -> { json, emerging } (table, n-grams)
//   { seq, type: 'candidates', parts: [emerging json], minDocuments, top } -> { candidates }
//     (merges the parts' n-grams and picks the emerging phrases, which needs the dictionary)
//   { seq, type: 'examples', candidates, docs }                   -> { examples: string[][] }
import { loadModule, DEFAULT_BASE, FULL } from '../lib/engine.js';
import { decodeText } from './read-file.js';
import { modifiedDate } from './corpus-intake.js';

/** The engine reads at most this many bytes as one document (tifa::MAX_TEXT_BYTES). */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

const pkgUrl = new URL('./pkg/', DEFAULT_BASE).href;
let mod = null;
let tifa = null;
let count = null;

/** The module and the engine, once. */
const ready = (async () => {
  mod = await loadModule(pkgUrl, FULL);
  // The base part and the three script parts, one after another: every form.
  const parts = await Promise.all(['tifa.match.bin', 'tifa.match.en.bin', 'tifa.match.zh.bin', 'tifa.match.mt.bin'].map(async (name) => {
    const res = await fetch(new URL(name, pkgUrl));
    if (!res.ok) throw new Error(`the dictionary could not be read (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  }));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { bytes.set(p, at); at += p.length; }
  tifa = mod.Tifa.fromCompiled(bytes);
})();
ready.catch(() => {});

/** A plain file as a document: its text, and its date with where the date came from. */
async function fileDocument({ file, path }) {
  if (file.size > MAX_TEXT_BYTES) throw new Error(`it is over ${MAX_TEXT_BYTES >> 20} MiB, the most tifa reads as one document`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text } = decodeText(bytes, { name: path });
  const named = mod.corpusDateInName(file.name);
  if (named) return { text, date: named, source: 'name' };
  const modified = modifiedDate(file.lastModified);
  return modified ? { text, date: modified, source: 'modified' } : { text, date: null, source: 'none' };
}

async function handle(msg) {
  switch (msg.type) {
    case 'start':
      count?.free();
      count = new mod.CorpusCount(msg.by, msg.terms || '', msg.sensitivity || 'default', Boolean(msg.emerging));
      return {};
    case 'batch': {
      const sources = {};
      const skipped = [];
      let done = 0;
      let bytes = 0;
      for (const d of msg.docs) {
        const place = d.path || d.id;
        try {
          const doc = d.file ? await fileDocument(d) : d;
          count.add(tifa, doc.text, doc.date || undefined);
          sources[doc.source] = (sources[doc.source] || 0) + 1;
          done += 1;
          bytes += d.file ? d.file.size : doc.text.length;
        } catch (err) {
          skipped.push({ place, why: String(err && err.message ? err.message : err) });
        }
      }
      return { done, bytes, sources, skipped };
    }
    case 'part':
      return { json: count.toJson(), emerging: count.emergingJson() };
    case 'candidates': {
      const all = new mod.CorpusCount('all', '', 'default', true);
      try {
        for (const json of msg.parts) all.mergeEmerging(json);
        return { candidates: all.candidates(tifa, msg.minDocuments, msg.top) };
      } finally {
        all.free();
      }
    }
    case 'examples': {
      const examples = msg.candidates.map(() => []);
      for (const d of msg.docs) {
        let text = d.text;
        if (d.file) {
          try { ({ text } = await fileDocument(d)); } catch { continue; }
        }
        const found = mod.emergingExamples(msg.candidates, text);
        found.forEach((list, i) => { for (const e of list) if (examples[i].length < 3) examples[i].push(e); });
        if (examples.every((e) => e.length >= 3)) break;
      }
      return { examples };
    }
    default:
      throw new Error(`unknown request: ${msg.type}`);
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    self.postMessage({ seq: msg.seq, ok: true, value: await handle(msg) });
  } catch (err) {
    self.postMessage({ seq: msg.seq, ok: false, error: String(err && err.message ? err.message : err) });
  }
};
