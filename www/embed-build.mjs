// Puts the embedding files into the built app (run by the Makefile after `trunk build`, before
// www/csp-build.mjs and www/sw-build.mjs): the loader embed.js, with whole-line comments and
// indentation dropped (they would count against its budget), embed-frame.js (the app's side of
// embedding, loaded only in embed mode), the demo page of a fictional
// state programme with its pack, and the integrators' guide in Spanish and English. Prints the
// loader's size and fails when it is over 3 KB gzip (issue 7).
//
//   node www/embed-build.mjs dist

import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LOADER_BUDGET_GZIP = 3 * 1024;
const FILES = ['embed-frame.js', 'embed-demo.html', 'embed-demo.js', 'embed-demo.toml', 'integra.html', 'integrate.html', 'guia.css'];

const dist = process.argv[2];
if (!dist) {
  console.error('embed-build: usage: node www/embed-build.mjs <dist folder>');
  process.exit(2);
}
const here = new URL('.', import.meta.url).pathname;
const loader = (await readFile(join(here, 'embed.js'), 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('//'))
  .join('\n');
await writeFile(join(dist, 'embed.js'), `${loader}\n`);
for (const name of FILES) await copyFile(join(here, name), join(dist, name));
const gzip = gzipSync(`${loader}\n`, { level: 9 }).length;
console.log(`embed-build: embed.js ${loader.length + 1} bytes, ${gzip} bytes gzip (budget ${LOADER_BUDGET_GZIP}); ${FILES.length} more files`);
if (gzip > LOADER_BUDGET_GZIP) {
  console.error(`embed-build: embed.js is over its ${LOADER_BUDGET_GZIP}-byte gzip budget by ${gzip - LOADER_BUDGET_GZIP} bytes`);
  process.exit(1);
}
