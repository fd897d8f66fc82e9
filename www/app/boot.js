// Starts the matching worker before the page's other modules have loaded, so the engine
// (wasm and the compiled dictionary) loads in parallel with them. main.js takes it over through
// startEngine() in engine-client.js.
globalThis.tifaWorker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'tifa-matcher' });
