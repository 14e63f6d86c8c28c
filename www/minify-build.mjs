// Minifies the built site's JavaScript with terser (run by the Makefile after
// www/embed-build.mjs and www/csp-build.mjs, before www/sw-build.mjs, which minifies sw.js as
// it writes it):
//
//   node www/minify-build.mjs dist
//
// Every .js file under the folder: wasm-bindgen's glue for each page and worker (Trunk 0.21's
// own minifier gives up on it, "Failed to minify JS", and ships it as written), the start-up
// scripts csp-build.mjs moved out of the pages, view.js, sw-register.js and the embedding
// files. ES modules (those that import or export) get their top-level names shortened too;
// classic scripts keep theirs, which other scripts may use. Nothing's behaviour changes:
// names that are exported or read by other files (window.umbralView, the wasm imports, which
// are property names) are kept as they are.
//
// Trunk writes an `integrity` (SHA-384) on the tags that load its files; each one naming a
// file minified here is written again for the new bytes, or the browser would refuse it.
// Prints the bytes saved (gzip), which count in the first load's budget.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const root = process.argv[2];
if (!root) {
  console.error('minify-build: usage: node www/minify-build.mjs <dist folder>');
  process.exit(2);
}

async function files(dir, ending) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path, ending)));
    else if (entry.name.endsWith(ending)) out.push(path);
  }
  return out;
}

const isModule = (code) => /^\s*(import|export)\b/m.test(code);
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** New integrity values by file path. */
const changed = new Map();
let before = 0;
let after = 0;
for (const path of await files(root, '.js')) {
  // Written after this step, by sw-build.mjs, which minifies it.
  if (relative(root, path) === 'sw.js') continue;
  const code = await readFile(path, 'utf8');
  const module = isModule(code);
  const result = await minify(code, {
    module,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  }).catch((error) => {
    throw new Error(`minify-build: ${relative(root, path)}: ${error.message}`);
  });
  const minified = `${result.code}\n`;
  before += gzip(code);
  after += gzip(minified);
  await writeFile(path, minified);
  changed.set(path, integrity(minified));
}

// The integrity attributes of the tags that name a minified file.
let rewritten = 0;
for (const page of await files(root, '.html')) {
  let html = await readFile(page, 'utf8');
  html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const at = tag.match(/\b(?:href|src)=("?)([^"\s>]+)\1/)?.[2];
    if (!at || !/\bintegrity=/.test(tag)) return tag;
    const file = at.startsWith('/') ? join(root, at) : join(dirname(page), at);
    const value = changed.get(file);
    if (!value) return tag;
    rewritten += 1;
    return tag.replace(/\bintegrity=("?)sha(256|384|512)-[A-Za-z0-9+/=]+\1/, `integrity=${value}`);
  });
  await writeFile(page, html);
}
console.log(
  `minify-build: ${changed.size} scripts, ${before} → ${after} bytes gzip (${before - after} less); ` +
    `${rewritten} integrity attribute(s) rewritten`,
);
