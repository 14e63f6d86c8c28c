// Compacts the JavaScript glue wasm-bindgen writes for the app (umbral-web-<hash>.js), which
// Trunk 0.21 leaves as written: drops comment lines, /** … */ blocks and indentation (about
// 1 KB gzip of the first load), then updates the file's integrity hash in index.html so the
// browser still accepts it. A Trunk post_build hook of the main page; the Makefile runs
// sw-build.mjs afterwards (it hashes the files for the service worker). Only whole lines are
// dropped, and the glue has no multi-line strings, so no code changes.
//
// Run by hand: TRUNK_STAGING_DIR=dist node www/js-compact.mjs

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('js-compact: TRUNK_STAGING_DIR is not set (run me from a Trunk post_build hook)');
  process.exit(2);
}

const names = (await readdir(staging)).filter((name) => /^umbral-web-[0-9a-f]+\.js$/.test(name));
if (names.length !== 1) {
  console.error(`js-compact: expected one umbral-web-<hash>.js in ${staging}, found ${names.length}`);
  process.exit(1);
}
const file = join(staging, names[0]);
const source = await readFile(file, 'utf8');
// A line with an odd number of backticks opens or closes a template string over several lines.
if (source.split('\n').some((line) => (line.match(/`/g) ?? []).length % 2 === 1)) {
  console.error('js-compact: the glue has a multi-line template string; left as it is');
  process.exit(1);
}
const lines = [];
let inBlock = false;
for (const raw of source.split('\n')) {
  const line = raw.trim();
  if (inBlock) {
    if (line.endsWith('*/')) inBlock = false;
    continue;
  }
  if (line.startsWith('/**') || line.startsWith('/*')) {
    if (!line.endsWith('*/')) inBlock = true;
    continue;
  }
  if (line === '' || line.startsWith('//')) continue;
  lines.push(line);
}
const compact = `${lines.join('\n')}\n`;

const digest = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const index = join(staging, 'index.html');
const html = await readFile(index, 'utf8');
const before = digest(source);
if (!html.includes(before)) {
  console.error(`js-compact: index.html does not name ${names[0]} by its integrity hash`);
  process.exit(1);
}
await writeFile(file, compact);
await writeFile(index, html.replaceAll(before, digest(compact)));
console.log(`js-compact: ${names[0]} ${source.length} -> ${compact.length} bytes`);
