// Umbral's service worker: the app works with no network after the first visit.
// This is the source; `www/sw-build.mjs` (run by the Makefile once every page is built) writes
// dist/sw.js from it, filling in the cache name (umbral- and a hash of the built files),
// PRECACHE (the app shell, by its hashed names; index.html as ./) and
// PAGES (each extra page's files, e.g. the workspace's under taller/), and dropping comments
// and indentation.
//
// It never activates a new version on its own: a new version installs, then waits until the
// page posts SKIP_WAITING (the user pressed "Actualizar ahora"; see www/sw-register.js).
const CACHE = '__CACHE__';
const PRECACHE = __PRECACHE__;
// Each extra page's files by its folder ({"taller/": ["taller/", "taller/…js", …,
// "packs/mx.txt"]}, the last the whole default pack the pages read): cached the first time
// they are fetched, so the first load of the app fetches none of them.
const PAGES = __PAGES__;
// index.html is cached under the scope's URL (./), the URL the page is opened at.
const SCOPE = registration.scope;
// Cached on first use: the other packs, and the manifest (only installing the app asks for it).
const LATER = /\/packs\/[^/]+\.(json|txt)$|\.webmanifest$/;
// This app's caches, of any version: other caches on the origin belong to someone else and
// are never touched.
const OURS = /^umbral-[0-9a-f]{16}$/;
// Fetched afresh, not from the HTTP cache: index.html and the packs keep their names across
// versions, and the cache must hold this version's bytes.
const fresh = (url) => new Request(url, { cache: 'no-cache' });
// The extra page a URL belongs to (its folder, "taller/"), if any.
const pageOf = (url) => Object.keys(PAGES).find((page) => url.startsWith(SCOPE + page));

addEventListener('install', (event) =>
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map(fresh));
    const olds = (await caches.keys()).filter((name) => name != CACHE && OURS.test(name));
    // On the first visit, the rule pack the page showed first, in its language (www/view.js
    // left its address), else Mexico's in Spanish; later versions keep the packs used before
    // (below).
    const choice = await caches.match('primero', { cacheName: 'umbral-paquete' });
    if (choice || !olds.length) await cache.add(fresh(choice ? await choice.text() : SCOPE + 'packs/mx.es.txt')).catch(() => {});
    await caches.delete('umbral-paquete');
    // A page open now (it loaded before any worker controlled it, e.g. the workspace on a
    // first visit), or used with an earlier version (its index is in an older cache), stays
    // offline: this version precaches its files too.
    const open = await clients.matchAll({ includeUncontrolled: true, type: 'window' });
    for (const page in PAGES) {
      let used = open.some((client) => client.url.startsWith(SCOPE + page));
      for (const name of olds) used = used || Boolean(await (await caches.open(name)).match(SCOPE + page));
      if (used) await cache.addAll(PAGES[page].map(fresh));
    }
    // The packs and files cached on first use with an earlier version are fetched again, at
    // this version's bytes (the version covers every pack's content): a country used before
    // still works offline, with this release's rules.
    const later = new Set();
    for (const name of olds) {
      for (const request of await (await caches.open(name)).keys()) if (LATER.test(request.url)) later.add(request.url);
    }
    // One that is gone from this release is simply not cached.
    await Promise.all([...later].map((url) => cache.add(fresh(url)).catch(() => {})));
  })()),
);

addEventListener('activate', (event) =>
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name != CACHE && OURS.test(name)) await caches.delete(name);
    await clients.claim();
  })()),
);

addEventListener('message', (event) => event.data == 'SKIP_WAITING' && skipWaiting());

addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method != 'GET' || !request.url.startsWith(SCOPE)) return;
  const page = pageOf(request.url);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // This version's files (the app's page is ./) from the cache, the rest from the network.
    const hit = await cache.match(request);
    if (hit) return hit;
    try {
      // A pack keeps its name across versions: fetched afresh, not from the HTTP cache.
      const response = await fetch(LATER.test(request.url) ? fresh(request.url) : request);
      const path = request.url.slice(SCOPE.length).split(/[?#]/)[0];
      const mine = page && PAGES[page].includes(path);
      if (response.ok && (mine || LATER.test(request.url))) await cache.put(mine ? SCOPE + path : request, response.clone());
      return response;
    } catch (error) {
      // With no network, any other address of a page (./index.html, ./?…, taller/index.html)
      // is that page.
      if (request.mode == 'navigate') return (await cache.match(SCOPE + (page || ''))) || Response.error();
      throw error;
    }
  })());
});
