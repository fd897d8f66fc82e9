// The page's service worker, so that tifa keeps working offline once it has been loaded.
// Network first (an online reader always gets the current files), the cache when the network
// fails. On install it stores every file the page can need, listed by `make build` in
// precache.json, so that parts loaded lazily (the worker, the tooltip library, the samples) are
// there too. Only the page registers it; the embed never does (it runs on other sites).

// One cache per build: the page registers `sw.js?build=<hash of every file>` (www/config.json,
// written by make build), so a new build installs a new worker whose cache holds only its own
// files, and the old cache is deleted when it activates; nothing stale is ever served.
const CACHE = `tifa-page-${new URL(self.location.href).searchParams.get('build') || 'dev'}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const list = await (await fetch('precache.json', { cache: 'no-store' })).json();
    // The page has just loaded most of these: let the HTTP cache answer rather than download
    // them twice (the fetch handler below refreshes them from the network later).
    await cache.addAll(list.map((url) => new Request(url, { cache: 'force-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    } catch (err) {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
