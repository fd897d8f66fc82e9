// The Corpus view's pool of workers (corpus-worker.js): one per core, at most four. Batches of
// documents go to whichever worker is free, so the main thread only hands out work and keeps
// the tally; `stop()` ends every worker at once (the Cancel button).

import { workerClient } from './engine-client.js';

/** Workers at most, whatever the core count. */
export const MAX_WORKERS = 4;

/** How many workers for `cores` cores: one per core, 1 to {@link MAX_WORKERS}. */
export function poolSize(cores) {
  return Math.max(1, Math.min(MAX_WORKERS, Number(cores) || 1));
}

/** One worker with promise-returning requests; `stop()` rejects what is pending as cancelled. */
function startWorker(url, name) {
  const client = workerClient(new Worker(url, { type: 'module', name }), 'a counting worker');
  return { request: client.request, stop: () => client.terminate('cancelled') };
}

/**
 * Starts `size` workers and returns the pool: `run(batches, options, onBatch)` counts the
 * documents of an async iterable of batches and resolves to the workers' parts (`{ json,
 * emerging }`: JSON of the table and of the n-grams), after
 * calling `onBatch(result)` for each batch done; `request(type, payload)` asks the first worker;
 * `stop()` ends them all (a run in progress rejects with "cancelled").
 *
 * @example
 *   const pool = startPool(poolSize(navigator.hardwareConcurrency));
 *   const parts = await pool.run(batches(), { by: 'year', sensitivity: 'default' }, (r) => tally(r));
 */
export function startPool(size, url = new URL('./corpus-worker.js', import.meta.url)) {
  const workers = Array.from({ length: size }, (_, i) => startWorker(url, `tifa-corpus-${i + 1}`));
  let stopped = false;
  return {
    size,
    async run(batches, options, onBatch) {
      await Promise.all(workers.map((w) => w.request('start', options)));
      const iterator = batches[Symbol.asyncIterator]();
      // Each worker takes the next batch as soon as it is free, until there are none.
      const loop = async (w) => {
        for (;;) {
          if (stopped) throw new Error('cancelled');
          const next = await iterator.next();
          if (next.done) return;
          onBatch(await w.request('batch', { docs: next.value }));
        }
      };
      await Promise.all(workers.map(loop));
      return Promise.all(workers.map((w) => w.request('part')));
    },
    request(type, payload) {
      return workers[0].request(type, payload);
    },
    stop() {
      stopped = true;
      for (const w of workers) w.stop();
    },
  };
}
