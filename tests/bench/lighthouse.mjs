// Lighthouse 12.2.3 (node_modules/.bin/lighthouse, pinned in package.json) on the release build
// (dist/), with its default settings: the mobile form factor, simulated throttling (Slow 4G,
// 150 ms RTT, 1.6 Mbit/s, 4x CPU: Lighthouse's mobileSlow4G). Issue 5.
//
// Runs against dist/ served by tests/e2e/server.mjs (files as on disk, no compression) and by
// tests/e2e/server.mjs with gzip on (gzip-encoded, as a static host would), 3 runs each, and prints
// the category scores of each run, their medians against the budget (performance >= 95,
// accessibility 100, best practices >= 95; SEO has none), the main metrics and the audits
// that did not pass. Always exits 0 unless Lighthouse itself fails.
//
// Chromium is Debian's (/usr/bin/chromium), started by Lighthouse with this machine's flags:
// the network is closed, so every background connection is switched off. Reports go to a
// temporary folder (its path is printed).
//
// With Chromium 156, Lighthouse 12.2.3 cannot read the trace's layout-shift root causes
// ("Cannot read properties of undefined (reading 'frame_sequence')"), so six diagnostics error
// out: layout-shifts, largest-contentful-paint-element, lcp-lazy-loaded, prioritize-lcp-image,
// render-blocking-resources, non-composited-animations. All weigh 0 in the performance score,
// so the scores stand; the script lists them. (Lighthouse 13 needs Node 22.)
//
// Run: `make bench`, or
// `node tests/bench/lighthouse.mjs` after `make build`. LIGHTHOUSE_RUNS=n changes the runs.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM, CHROMIUM_ARGS, serveDist } from '../e2e/helpers.mjs';
import { REPO_ROOT, startServer } from '../e2e/server.mjs';
import { snapshotDist } from './dist-snapshot.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const LIGHTHOUSE = join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse');
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 95, seo: null };
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'speed-index',
  'total-blocking-time',
  'cumulative-layout-shift',
  'interactive',
];
const dist = await snapshotDist();
const SERVERS = [
  { name: 'test server (no compression)', start: () => serveDist({ root: dist.root }) },
  { name: 'gzip (as a static host serves it)', start: () => startServer({ root: dist.root, gzip: true }) },
];

const run = promisify(execFile);
const outDir = await mkdtemp(join(tmpdir(), 'umbral-lighthouse-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function lighthouse(url, outPath) {
  await run(
    LIGHTHOUSE,
    [
      url,
      `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
      '--output=json',
      `--output-path=${outPath}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(await readFile(outPath, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`);
  return report;
}

console.log(`Lighthouse on dist/ (${dist.wasm}), default (mobile) settings, ${RUNS} runs per server; reports in ${outDir}`);
const summary = [];
try {
  for (const serverKind of SERVERS) {
    const server = await serverKind.start();
    const reports = [];
    try {
      for (let i = 1; i <= RUNS; i += 1) {
        const slug = serverKind.name.split(' ')[0];
        reports.push(await lighthouse(server.url, join(outDir, `${slug}-${i}.json`)));
      }
    } finally {
      await server.close();
    }
    const first = reports[0];
    console.log(
      `\n${serverKind.name}: Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, ` +
        `throttling ${first.configSettings.throttlingMethod} ${JSON.stringify(first.configSettings.throttling)}`,
    );
    const scores = {};
    for (const category of Object.keys(BUDGET)) {
      const values = reports.map((r) => Math.round(100 * (r.categories[category]?.score ?? NaN)));
      scores[category] = median(values);
      console.log(`  ${category.padEnd(16)} runs ${values.join(' ').padEnd(12)} median ${scores[category]}`);
    }
    for (const id of METRICS) {
      const values = reports.map((r) => r.audits[id].numericValue);
      const shown = reports.map((r) => r.audits[id].displayValue).join(' | ');
      console.log(`  ${id.padEnd(26)} ${shown}   (median ${median(values).toFixed(id === 'cumulative-layout-shift' ? 3 : 0)})`);
    }
    // Audits that did not pass in any run (scored below 1), with their ids.
    const failing = new Map();
    for (const report of reports) {
      for (const audit of Object.values(report.audits)) {
        const scored = audit.score !== null && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode);
        if (scored && audit.score < 1 && !METRICS.includes(audit.id) && audit.id !== 'max-potential-fid') {
          failing.set(audit.id, `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
    console.log(`  audits not passed: ${failing.size === 0 ? 'none' : ''}`);
    for (const line of failing.values()) console.log(`    ${line}`);
    // Audits Lighthouse could not run (none of them weighs in a score; see the note at the top).
    const errored = new Map();
    for (const report of reports) {
      for (const audit of Object.values(report.audits)) {
        if (audit.scoreDisplayMode === 'error') errored.set(audit.id, audit.errorMessage ?? 'error');
      }
    }
    if (errored.size > 0) {
      console.log(`  audits that could not run: ${[...errored.keys()].join(', ')}`);
      console.log(`    (${[...new Set(errored.values())][0]})`);
    }
    summary.push({ server: serverKind.name, scores });
  }
} finally {
  await dist.remove();
}

console.log('\nmedians against the budgets (issue 5)');
for (const row of summary) {
  const parts = Object.entries(BUDGET).map(([category, min]) => {
    const score = row.scores[category];
    return min === null ? `${category} ${score}` : `${category} ${score} (>= ${min}) ${score >= min ? 'ok' : 'OVER'}`;
  });
  console.log(`  ${row.server.padEnd(34)} ${parts.join('   ')}`);
}
