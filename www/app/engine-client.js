// The page's handle on the matching worker: promise-returning requests over postMessage.

/**
 * Starts the worker and returns `{ request(type, payload, transfer) -> Promise, terminate() }`.
 *
 * @example
 *   const engine = startEngine();
 *   const { entries } = await engine.request('init');
 *   const { summary, compact } = await engine.request('analyze', { text, source: 'speech.txt' });
 */
export function startEngine(url) {
  // The worker boot.js started early, once; otherwise a new one.
  let worker = !url && globalThis.tifaWorker;
  if (worker) globalThis.tifaWorker = null;
  else worker = new Worker(url || new URL('./worker.js', import.meta.url), { type: 'module', name: 'tifa-matcher' });
  return workerClient(worker, 'the matching engine');
}

/**
 * Promise-returning requests to `worker` (each message carries `seq`; the worker's reply echoes
 * it with `{ ok, value }` or `{ ok: false, error }`): `{ request(type, payload, transfer) ->
 * Promise, terminate(reason) }`. `what` names the worker in the error when it cannot start;
 * `terminate` rejects the requests still pending with `reason` ('stopped' by default).
 *
 * @example
 *   const counter = workerClient(new Worker(url, { type: 'module' }), 'a counting worker');
 *   const part = await counter.request('count', { docs });
 */
export function workerClient(worker, what) {
  const pending = new Map();
  let seq = 0;
  const failAll = (message) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
  };
  worker.onmessage = (event) => {
    const { seq: id, ok, value, error } = event.data;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (ok) p.resolve(value);
    else p.reject(new Error(error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(`${what} could not start (${event.message || 'worker error'})`);
  };
  return {
    request(type, payload = {}, transfer = []) {
      seq += 1;
      const id = seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...payload, type, seq: id }, transfer);
      });
    },
    terminate(reason = 'stopped') {
      worker.terminate();
      failAll(reason);
    },
  };
}
