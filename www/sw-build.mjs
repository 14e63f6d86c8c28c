// Writes the service worker, sw.js, into the built site: `node www/sw-build.mjs dist` (the
// Makefile runs it once the main app and every page in PAGES are built). Trunk gives the code
// hashed names, so the list of files to precache is only known after the build: the app shell
// (index.html, cached as ./, the favicon, which is also the manifest's icon, and the hashed js,
// wasm and css). The first rule pack is cached as well, in the language the page chose
// (www/view.js tells www/sw.js which: packs/<id>.es.txt or .en.txt).
// The other packs and the manifest are cached on first use, so that installing the worker
// fetches nothing the first load did not.
// Each extra page (a folder of dist/ with an index.html, such as taller/) is listed in PAGES:
// its files are cached the first time it is used, and kept across updates (see www/sw.js).
// sw.js is minified with terser as it is written (www/minify-build.mjs, run before this, did
// the same for sw-register.js, view.js and the rest): it counts in the first load's budget.
// The cache version is a hash of every listed file's name and contents and of every pack in
// packs/ (cached on first use, so not listed), so any change to what is served, a change to
// one country's pack alone included, makes a new version, and an unchanged build keeps its
// version.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const root = process.argv[2];
if (!root) {
  console.error('sw-build: usage: node www/sw-build.mjs DIST_DIR (e.g. dist)');
  process.exit(2);
}

const SHELL = /^(index\.html|favicon\.svg|sw-register\.js|view\.js|.+-[0-9a-f]+(_bg\.wasm|\.js|\.css))$/;
const entries = await readdir(root, { withFileTypes: true });
const files = entries.filter((entry) => entry.isFile() && SHELL.test(entry.name)).map((entry) => entry.name);
files.sort();
for (const required of ['index.html', 'favicon.svg', 'sw-register.js', 'view.js']) {
  if (!files.includes(required)) {
    console.error(`sw-build: ${required} is not in ${root}`);
    process.exit(1);
  }
}

/** The extra pages: folders of the built site holding an index.html, each with its files. */
const pages = {};
for (const entry of entries) {
  if (!entry.isDirectory()) continue;
  const inside = await stat(join(root, entry.name, 'index.html')).catch(() => null);
  if (!inside?.isFile()) continue;
  const names = (await readdir(join(root, entry.name), { withFileTypes: true }))
    .filter((file) => file.isFile())
    .map((file) => file.name)
    .sort();
  // And the whole default pack, which the pages read (they show both languages).
  pages[`${entry.name}/`] = [...names.map((name) => `${entry.name}/${name === 'index.html' ? '' : name}`), 'packs/mx.txt'];
}

const source = await readFile(new URL('sw.js', import.meta.url), 'utf8');

// The version covers the worker's own code too.
const hash = createHash('sha256').update(source);
const pageFiles = Object.values(pages).flat();
const packFiles = (await readdir(join(root, 'packs')))
  .filter((name) => /\.(json|txt)$/.test(name))
  .map((name) => `packs/${name}`)
  .filter((name) => !files.includes(name))
  .sort();
for (const name of [...files, ...pageFiles, ...packFiles]) {
  hash.update(`\0${name}\0`);
  hash.update(await readFile(join(root, name.endsWith('/') ? `${name}index.html` : name)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = files.map((name) => (name === 'index.html' ? './' : name));
const filled = source
  .replace("'__CACHE__'", JSON.stringify(`umbral-${version}`))
  .replace('__PRECACHE__', JSON.stringify(precache))
  .replace('__PAGES__', JSON.stringify(pages));
const { code } = await minify(filled, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
await writeFile(join(root, 'sw.js'), `${code}\n`);
const listed = Object.entries(pages).map(([page, names]) => `${page} ${names.length} files`);
console.log(
  `sw-build: sw.js version ${version}, ${files.length} files precached` +
    (listed.length ? `; cached on first use: ${listed.join(', ')}` : ''),
);
