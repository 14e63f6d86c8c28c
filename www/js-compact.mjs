// Compacts the JavaScript glue wasm-bindgen writes for the app (umbral-web-<hash>.js), which
// Trunk 0.21 leaves as written: drops comment lines, /** … */ blocks and indentation (about
// 1 KB gzip of the first load), then updates the file's integrity hash in index.html so the
// browser still accepts it. A Trunk post_build hook of the main page; the Makefile runs
// sw-build.mjs afterwards (it hashes the files for the service worker). Only whole lines are
// dropped, and the glue has no multi-line strings, so no code changes.
//
// It also shortens the names the glue and the wasm share for the functions the wasm imports:
// wasm-bindgen names most of them `__wbg_<name>_<16 hex digits>` (52 of the app's 59), hex
// digits found twice (in the wasm's import section and in the glue) that do not compress:
// about 1.5 KB gzip of the first load (BENCHMARKS.md). Each becomes `__wbg_<name>` (with a
// number when two would be the same, never a name the glue already uses). The import section is rewritten in place (name lengths and the section's
// size re-encoded, nothing else touched), every renamed name must appear in the glue, and the
// wasm's integrity hash in index.html is updated too. Any surprise stops the build.
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
let compact = `${lines.join('\n')}\n`;

// The imports' names, shortened in the wasm and in the glue alike.
const wasmName = names[0].replace(/\.js$/, '_bg.wasm');
const wasmFile = join(staging, wasmName);
const wasmBefore = await readFile(wasmFile);
const { wasm: wasmAfter, renamed } = shortenImports(wasmBefore);
const glue = compact;
for (const [from, to] of renamed) {
  if (!glue.includes(from)) fail(`the glue does not name the import ${from}`);
  // A whole identifier of the glue already (`_` counts as part of one, so `__wbg_new` is not
  // found inside `__wbg_new_with_length_…`).
  if (new RegExp(`(^|[^\\w$])${to.replace(/\$/g, '\\$')}(?![\\w$])`).test(glue)) {
    fail(`the shorter name ${to} for ${from} is already a name in the glue`);
  }
  compact = compact.split(from).join(to);
}

const digest = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const index = join(staging, 'index.html');
const html = await readFile(index, 'utf8');
const before = digest(source);
if (!html.includes(before)) {
  console.error(`js-compact: index.html does not name ${names[0]} by its integrity hash`);
  process.exit(1);
}
const wasmDigest = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
if (!html.includes(wasmDigest(wasmBefore))) fail(`index.html does not name ${wasmName} by its integrity hash`);
await writeFile(file, compact);
await writeFile(wasmFile, wasmAfter);
await writeFile(
  index,
  html.replaceAll(before, digest(compact)).replaceAll(wasmDigest(wasmBefore), wasmDigest(wasmAfter)),
);
console.log(`js-compact: ${names[0]} ${source.length} -> ${compact.length} bytes`);
console.log(`js-compact: ${wasmName} ${wasmBefore.length} -> ${wasmAfter.length} bytes (${renamed.size} import names shortened)`);

function fail(message) {
  console.error(`js-compact: ${message}`);
  process.exit(1);
}

/**
 * The wasm module `bytes` with its imports from the glue (`wbg` or `./<name>_bg.js`) named
 * without wasm-bindgen's hash: `{ wasm, renamed }`, `renamed` mapping each old name to its new
 * one.
 */
function shortenImports(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) fail(`${wasmName} is not a wasm module`);
  const renamed = new Map();
  const chunks = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (end > bytes.length) fail(`${wasmName}: a section runs past the end`);
    if (id !== 2) {
      chunks.push(bytes.subarray(at, end));
    } else {
      const body = importSection(bytes.subarray(start, end), renamed);
      chunks.push(Buffer.from([2]), uleb(body.length), body);
    }
    at = end;
  }
  return { wasm: Buffer.concat(chunks), renamed };
}

/** The import section's body with the names of `wbg`'s hashed imports shortened. */
function importSection(body, renamed) {
  const [count, first] = leb(body, 0);
  const entries = [];
  let at = first;
  const name = () => {
    const [length, start] = leb(body, at);
    at = start + length;
    return body.subarray(start, at).toString('utf8');
  };
  for (let i = 0; i < count; i++) {
    const module = name();
    const field = name();
    const descStart = at;
    const kind = body[at++];
    if (kind === 0) at = leb(body, at)[1]; // function: type index
    else if (kind === 1) at = limits(body, at + 1); // table: element type, limits
    else if (kind === 2) at = limits(body, at); // memory: limits
    else if (kind === 3) at += 2; // global: value type, mutability
    else fail(`${wasmName}: import ${module}.${field} of unknown kind ${kind}`);
    entries.push({ module, field, desc: body.subarray(descStart, at) });
  }
  if (at !== body.length) fail(`${wasmName}: the import section has bytes after its imports`);
  const taken = new Set(entries.map((e) => e.field));
  for (const e of entries) {
    const hashed = /(^wbg$|_bg\.js$)/.test(e.module) && /^(__wbg_[A-Za-z0-9_$]+)_[0-9a-f]{16}$/.exec(e.field);
    if (!hashed) continue;
    let short = hashed[1];
    for (let n = 2; taken.has(short); n++) short = `${hashed[1]}_${n}`;
    taken.add(short);
    renamed.set(e.field, short);
    e.field = short;
  }
  const text = (s) => {
    const b = Buffer.from(s, 'utf8');
    return [uleb(b.length), b];
  };
  return Buffer.concat([uleb(entries.length), ...entries.flatMap((e) => [...text(e.module), ...text(e.field), e.desc])]);
}

/** Skips a table's or memory's limits at `at`: a flag, then one or two numbers. */
function limits(body, at) {
  const flags = body[at];
  at = leb(body, at + 1)[1];
  return flags & 1 ? leb(body, at)[1] : at;
}

/** The unsigned LEB128 number at `at`: `[value, next position]`. */
function leb(b, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= b.length) fail(`${wasmName}: a number runs past the end`);
    const byte = b[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function uleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}
