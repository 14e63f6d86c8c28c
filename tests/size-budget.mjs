// Size budget for the first load of the built release app (dist/).
//
// Loads the app in headless Chromium through the static test server, records every request
// the first load makes until the network is idle and the service worker has installed, and
// prints each file's raw size and its gzip size (level 9, of the file on disk). Requests made
// by the service worker count too (sw.js itself, and its precaching). Each distinct URL counts
// once: precaching fetches again the files the page has just loaded (the same URLs, the same
// bytes; a server that lets hashed files be cached serves them from the HTTP cache), so only
// the worker's own new files add to the total. Exits 1 when the gzip total is over budget,
// when a request failed, or when anything outside the app's own origin was asked for.
//
// It does this twice, for a browser in Spanish (es-MX) and one in English (en-US): each language
// has its own rule pack file, and each first load must fit the budget.
//
// Run: `node tests/size-budget.mjs` after `trunk build --release --offline` (`make test` does).

// The budget for everything the first load fetches (HTML, JS, wasm, CSS and the first rule
// pack, packs/mx.es.txt or packs/mx.en.txt, preloaded): 150 KB gzip, from issue 5. The check fails past it and prints
// how much of it is used. History (BENCHMARKS.md, "Size of the first load"): 270.2 KB when the
// full app first stood, with a temporary ceiling over the target; 190.6 KB after compact packs,
// no serde_json, float formatting or std sorts in the app and the nightly build; 137.3 KB on
// 2026-11-28 once the app drew its screens as HTML text (maud and www/view.js) instead of
// through Yew's virtual DOM, when the ceiling became the target itself.
const BUDGET_GZIP_BYTES = 150 * 1024;

// One sentence of each table of words the entrepreneur app does not say, so must not link: the
// Spanish of a profile's problems (`problem.not_an_object`: the app's JS API says them in
// English, and `Display` hands over the English table itself), what is wrong with a hand-off
// file or a form export, and the planner's cohort summary. A table chosen by a locale known
// only at run time would bring its every language into the first load.
const NOT_IN_THE_APP = [
  'se esperaba un objeto y hay',
  'no es un archivo de traspaso',
  'no es una exportación de envíos',
  'quedarían fuera',
];

import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, PHONE, serveDist } from './e2e/helpers.mjs';
import { DIST } from './e2e/server.mjs';

const server = await serveDist();
const browser = await launchBrowser();
let failed = false;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
try {
  for (const locale of ['es-MX', 'en-US']) {
    const { rows, total, requests, failures } = await measure(locale);
    const nameWidth = Math.max(5, ...rows.map((row) => row.name.length));
    const line = (name, raw, gzip) => `${name.padEnd(nameWidth)}  ${String(raw).padStart(10)}  ${String(gzip).padStart(10)}`;
    console.log(`\nfirst load, browser in ${locale}`);
    console.log(line('file', 'raw bytes', 'gzip bytes'));
    console.log('-'.repeat(nameWidth + 24));
    for (const row of rows) console.log(line(row.name, row.raw, row.gzip));
    console.log('-'.repeat(nameWidth + 24));
    console.log(line(`total (${rows.length} files)`, total.raw, total.gzip));
    console.log(`${requests} requests for ${rows.length} distinct URLs: each URL is counted once.`);
    console.log(
      `budget (${locale}): ${kb(BUDGET_GZIP_BYTES)} gzip; used ${kb(total.gzip)} (${((100 * total.gzip) / BUDGET_GZIP_BYTES).toFixed(0)}%), ` +
        (total.gzip <= BUDGET_GZIP_BYTES ? `${kb(BUDGET_GZIP_BYTES - total.gzip)} to spare` : `${kb(total.gzip - BUDGET_GZIP_BYTES)} over`),
    );
    if (failures.length > 0) {
      console.error(`FAIL (${locale}): ${failures.length} request problem(s):\n  ${failures.join('\n  ')}`);
      failed = true;
    }
    if (rows.length === 0) {
      console.error(`FAIL (${locale}): the first load requested no file`);
      failed = true;
    }
    if (total.gzip > BUDGET_GZIP_BYTES) {
      console.error(`FAIL (${locale}): first load is ${kb(total.gzip)} gzip, over the ${kb(BUDGET_GZIP_BYTES)} budget by ${total.gzip - BUDGET_GZIP_BYTES} bytes`);
      failed = true;
    }
    // Words the app never says must not ride in its first load: the Spanish of what is wrong
    // with a profile (the JS API says it in English), and the consultants' tables.
    for (const row of rows.filter((r) => r.name.endsWith('.wasm'))) {
      const bytes = await readFile(join(DIST, row.name));
      for (const words of NOT_IN_THE_APP) {
        if (bytes.includes(Buffer.from(words))) {
          console.error(`FAIL (${locale}): ${row.name} holds «${words}», which the app never says`);
          failed = true;
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exit(1);
console.log('size budget: ok');

/** The first load of a fresh browser in `locale`: each distinct file with its sizes. */
async function measure(locale) {
  const requested = [];
  const failures = [];
  const context = await browser.newContext({ viewport: PHONE, locale });
  const page = await context.newPage();
  // On the context, not the page: the context also sees the service worker's requests.
  context.on('request', (request) => requested.push(request.url()));
  context.on('requestfailed', (request) =>
    failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(server.url, { waitUntil: 'networkidle' });
  // The app must have started, or the measurement means nothing.
  await page.getByTestId('revisa').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  // The first visit ends when the service worker has installed (precached the app shell).
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();

  const origin = new URL(server.url).origin;
  const rows = [];
  for (const url of [...new Set(requested)]) {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') continue;
    if (parsed.origin !== origin) {
      failures.push(`${url}: outside the app's origin`);
      continue;
    }
    let pathname = decodeURIComponent(parsed.pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(DIST, pathname));
    if (!file.startsWith(DIST + sep)) {
      failures.push(`${url}: outside dist/`);
      continue;
    }
    try {
      const bytes = await readFile(file);
      rows.push({ name: pathname.replace(/^\//, ''), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    } catch {
      failures.push(`${url}: no such file in dist/`);
    }
  }
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
  return { rows, total, requests: requested.length, failures };
}
