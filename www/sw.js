// Umbral's service worker: the app works with no network after the first visit.
// This is the source; `www/sw-build.mjs` (a Trunk post_build hook) writes dist/sw.js from it,
// filling in the cache name (umbral- and a hash of the built files) and PRECACHE (the app shell and the default
// pack, by their hashed names; index.html as ./), and dropping comments and indentation.
//
// It never activates a new version on its own: a new version installs, then waits until the
// page posts SKIP_WAITING (the user pressed "Actualizar ahora"; see www/sw-register.js).
const CACHE = '__CACHE__';
const PRECACHE = __PRECACHE__;
// index.html is cached under the scope's URL (./), the URL the page is opened at.
const SCOPE = registration.scope;
// Cached on first use: the other packs, and the manifest (only installing the app asks for it).
const LATER = /\/packs\/[^/]+\.(json|txt)$|\.webmanifest$/;
// Fetched afresh, not from the HTTP cache: index.html and the packs keep their names across
// versions, and the cache must hold this version's bytes.
const fresh = (url) => new Request(url, { cache: 'no-cache' });

addEventListener('install', (event) =>
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(fresh)))),
);

addEventListener('activate', (event) =>
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name != CACHE) await caches.delete(name);
    await clients.claim();
  })()),
);

addEventListener('message', (event) => event.data == 'SKIP_WAITING' && skipWaiting());

addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method != 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // This version's files (the app's page is ./) from the cache, the rest from the network.
    const hit = await cache.match(request);
    if (hit) return hit;
    try {
      const response = await fetch(request);
      if (response.ok && LATER.test(request.url)) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      // With no network, any other page of the app (./index.html, ./?…) is the app.
      if (request.mode == 'navigate') return cache.match(SCOPE);
      throw error;
    }
  })());
});
