// Puts the embedding files into the built app (run by the Makefile after `trunk build`, before
// www/csp-build.mjs and www/sw-build.mjs): the loader embed.js and embed-frame.js (the app's
// side of embedding, loaded only in embed mode), both with whole-line comments and indentation
// dropped (they count in what a host page's visitors download), the demo page of a fictional
// state programme with its pack, and the integrators' guide in Spanish and English. Prints the
// loader's size and fails when it is over 3 KB gzip (issue 7).
//
//   node www/embed-build.mjs dist

import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LOADER_BUDGET_GZIP = 3 * 1024;
const FILES = ['embed-demo.html', 'embed-demo.js', 'embed-demo.toml', 'integra.html', 'integrate.html', 'guia.css'];

const dist = process.argv[2];
if (!dist) {
  console.error('embed-build: usage: node www/embed-build.mjs <dist folder>');
  process.exit(2);
}
const here = new URL('.', import.meta.url).pathname;
/** Drops whole-line comments, blank lines and indentation (no comment shares a code line). */
const compact = (source) =>
  `${source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n')}\n`;
for (const name of ['embed.js', 'embed-frame.js']) {
  await writeFile(join(dist, name), compact(await readFile(join(here, name), 'utf8')));
}
for (const name of FILES) await copyFile(join(here, name), join(dist, name));
const loader = await readFile(join(dist, 'embed.js'));
const gzip = gzipSync(loader, { level: 9 }).length;
console.log(`embed-build: embed.js ${loader.length} bytes, ${gzip} bytes gzip (budget ${LOADER_BUDGET_GZIP}); ${FILES.length + 1} more files`);
if (gzip > LOADER_BUDGET_GZIP) {
  console.error(`embed-build: embed.js is over its ${LOADER_BUDGET_GZIP}-byte gzip budget by ${gzip - LOADER_BUDGET_GZIP} bytes`);
  process.exit(1);
}
