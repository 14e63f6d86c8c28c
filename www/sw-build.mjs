// Writes the service worker, sw.js, into Trunk's staging folder (a post_build hook in
// Trunk.toml; Trunk sets TRUNK_STAGING_DIR). Trunk gives the code hashed names, so the list of
// files to precache is only known after the build: the app shell (index.html, cached as ./, the
// favicon, which is also the manifest's icon, and the hashed js, wasm and css) and the default
// pack, packs/mx.txt (its compact form, which the app reads). The other packs and the manifest are cached on first use, so that
// installing the worker fetches nothing the first load did not. Comment lines and indentation are dropped
// from sw.js and sw-register.js: they count in the first load's size budget.
// The cache version is a hash of those files' names and contents, so any change to what is
// served makes a new version, and an unchanged build keeps its version.
//
// Run by hand: TRUNK_STAGING_DIR=dist node www/sw-build.mjs

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('sw-build: TRUNK_STAGING_DIR is not set (run me from a Trunk post_build hook)');
  process.exit(2);
}

const SHELL = /^(index\.html|favicon\.svg|sw-register\.js|.+-[0-9a-f]+(_bg\.wasm|\.js|\.css))$/;
const files = (await readdir(staging, { withFileTypes: true }))
  .filter((entry) => entry.isFile() && SHELL.test(entry.name))
  .map((entry) => entry.name);
files.push('packs/mx.txt');
files.sort();
for (const required of ['index.html', 'favicon.svg', 'sw-register.js', 'packs/mx.txt']) {
  if (!files.includes(required)) {
    console.error(`sw-build: ${required} is not in ${staging}`);
    process.exit(1);
  }
}

/** Drops whole-line comments, blank lines and indentation (no comment shares a code line). */
const compact = (source) =>
  source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');

const register = join(staging, 'sw-register.js');
await writeFile(register, `${compact(await readFile(register, 'utf8'))}\n`);
const source = await readFile(new URL('sw.js', import.meta.url), 'utf8');

// The version covers the worker's own code too.
const hash = createHash('sha256').update(source);
for (const name of files) {
  hash.update(`\0${name}\0`);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = files.map((name) => (name === 'index.html' ? './' : name));
const code = compact(source)
  .replace("'__CACHE__'", JSON.stringify(`umbral-${version}`))
  .replace('__PRECACHE__', JSON.stringify(precache));
await writeFile(join(staging, 'sw.js'), `${code}\n`);
console.log(`sw-build: sw.js version ${version}, ${files.length} files precached`);
