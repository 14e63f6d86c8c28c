// Makes the built pages run under the strict Content-Security-Policy Umbral is served with
// (default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; …; see
// www/integrate.html). Trunk injects an inline `<script type=module>` that starts the wasm;
// that policy blocks inline scripts. For every HTML file under the folder given (dist/ and its
// sub-pages), this moves each inline module script into a file beside it named after a hash of
// its contents (init-<hash>.js, so caches and the service worker's precache treat it like
// Trunk's other hashed files) and loads it with `src` instead.
//
// Every page of the app also carries the policy itself, as a `<meta http-equiv>` right after its charset,
// so that a host that cannot set headers still serves it (META_POLICY below: the recommended
// header without `frame-ancestors`, which browsers ignore in a meta element; framing is for the
// header to allow or forbid, see www/integrate.html).
//
// It then refuses (exit 1) any page that still has an inline script, a `<style>` element, a
// `style=` attribute or an inline event handler: the policy would block them in the browser,
// silently. Run after every `trunk build` and before www/sw-build.mjs (the Makefile does):
//
//   node www/csp-build.mjs dist

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('csp-build: usage: node www/csp-build.mjs <dist folder>');
  process.exit(2);
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

// Trunk's minified output writes `type=module`; unminified builds write `type="module"`.
const INLINE_MODULE = /<script type=("module"|module)>([\s\S]*?)<\/script>/g;
// Any script element without a src that a browser would run (text/plain etc. are data).
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype=("?)(text\/plain|application\/json)\1)[^>]*>\s*\S/i;
const FORBIDDEN = [
  [/<style[\s>]/i, 'a <style> element'],
  [/<[a-z][^>]*\sstyle=/i, 'a style= attribute'],
  [/<[a-z][^>]*\son[a-z]+=/i, 'an inline event handler (on…=)'],
];

// The header's policy, written short: style-src and img-src say what default-src 'self'
// already does (no page uses data: images), and each byte here is in the first load.
const META_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'self'";
const META = `<meta http-equiv=Content-Security-Policy content="${META_POLICY}">`;
const CHARSET = /<meta charset=("?)utf-8\1\s*\/?>/i;
// The demo of a programme's page stands for a host site, which has its own policy (or none):
// it loads the app from wherever the app is served, so the app's policy is not its own.
const HOST_PAGES = new Set(['embed-demo.html']);

let moved = 0;
const problems = [];
for (const file of await htmlFiles(root)) {
  let html = await readFile(file, 'utf8');
  const name = relative(root, file);
  html = await replaceAsync(html, INLINE_MODULE, async (_, __, code) => {
    // The script imports the page's hashed bindings by absolute path (Trunk's public URL):
    // the extracted file goes beside the page and is addressed under the same public URL.
    const imported = code.match(/from '([^']+\.js)'/);
    if (!imported) throw new Error(`csp-build: ${name}: an inline module script that imports no .js`);
    const base = posix.dirname(imported[1]).replace(/\/?$/, '/');
    // Blank lines and indentation dropped: the file counts in the first load. No integrity
    // attribute: the file comes from the page's own origin, like the page that names it, and
    // the digest would add about 70 bytes gzip to every first load for no added protection.
    const compact = `${code.split('\n').map((line) => line.trim()).filter(Boolean).join('\n')}\n`;
    const hash = createHash('sha256').update(compact).digest('hex').slice(0, 16);
    const script = `init-${hash}.js`;
    await writeFile(join(dirname(file), script), compact);
    moved += 1;
    return `<script type=module src=${base}${script}></script>`;
  });
  if (HOST_PAGES.has(name)) {
    // No app policy on a host page.
  } else if (/<meta\s[^>]*http-equiv=("?)content-security-policy/i.test(html)) {
    if (!html.includes(META)) problems.push(`${name}: a Content-Security-Policy meta other than this build's`);
  } else if (CHARSET.test(html)) {
    html = html.replace(CHARSET, (charset) => charset + META);
  } else {
    problems.push(`${name}: no <meta charset=utf-8> to put the policy after`);
  }
  if (INLINE_SCRIPT.test(html)) problems.push(`${name}: an inline <script> the policy would block`);
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(html)) problems.push(`${name}: ${what}, which style-src/script-src 'self' blocks`);
  }
  await writeFile(file, html);
}

async function replaceAsync(text, pattern, replacer) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replacer(...match));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

if (problems.length > 0) {
  console.error(`csp-build: ${problems.length} problem(s) under ${root}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`csp-build: ${moved} inline module script(s) moved to files under ${root}`);
