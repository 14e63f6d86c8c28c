// First content on screen for the release build (dist/), in headless Chromium on a phone-sized
// viewport, with DevTools' network presets and a 4x CPU slowdown applied through CDP
// (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate). Issue 5.
//
// For each network profile and each server, 5 runs, each in a fresh browser context (empty
// cache, no saved draft). Per run it records, in page time (ms since navigation start):
//   - FCP: performance.getEntriesByName('first-contentful-paint'). In this app the first
//     content is the start screen that index.html carries (Spanish, the app's own first
//     screen), painted before any wasm runs;
//   - app: the start screen's "Comenzar" button in the DOM and then painted (the wasm app
//     has started and rendered; the button may be below the fold on a phone);
//   - pack: the start screen complete, with the Mexico pack fetched and linked (the line
//     that lists what Umbral looks at);
//   - LCP, as Chromium reports it.
// It prints each median against the budget with ok/OVER, and always exits 0 (it fails only
// if the page never gets there).
//
// Servers: tests/e2e/server.mjs (what the tests use: files as they are on disk, no
// compression: ~700 KB move) and the same server with gzip on (the same files gzip-encoded as a
// static host would serve them: ~260 KB). Both on 127.0.0.1; the throttling is Chromium's.
//
// Run: `make bench`, or `node tests/bench/load.mjs` after `make build`. BENCH_RUNS=n changes
// the number of runs. The machine is shared (2 cores): quote medians from an idle machine.

import { launchBrowser, PHONE, serveDist } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';
import { snapshotDist } from './dist-snapshot.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CPU_SLOWDOWN = 4;

// DevTools' own presets, from ChromeDevTools/devtools-frontend,
// front_end/core/sdk/NetworkManager.ts (commit 00d120bf0e61feb60bf7c31cf879454577904b77):
//   Slow3GConditions ("3G", formerly "Slow 3G"): download 500 * 1000 / 8 * .8,
//     upload 500 * 1000 / 8 * .8, latency 400 * 5 (400 ms target RTT)
//   Slow4GConditions ("Slow 4G", "used to be called 'Fast 3G' but it was renamed in May 2024
//     to align with LH (crbug.com/342406608)"): download 1.6 * 1000 * 1000 / 8 * .9,
//     upload 750 * 1000 / 8 * .9, latency 150 * 3.75 (150 ms target RTT)
// DevTools counts in decimal kilobits (1000): 180,000 B/s down on Slow 4G. Older DevTools and
// Lighthouse's mobileSlow4G (throughputKbps 1638.4 = 1.6 * 1024) count in 1024s, ~5% faster.
const PROFILES = [
  {
    name: 'Slow 4G',
    budgetMs: 2000,
    conditions: {
      offline: false,
      latency: 150 * 3.75,
      downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
      uploadThroughput: ((750 * 1000) / 8) * 0.9,
      connectionType: 'cellular4g',
    },
  },
  {
    name: 'Slow 3G',
    budgetMs: 7000,
    conditions: {
      offline: false,
      latency: 400 * 5,
      downloadThroughput: ((500 * 1000) / 8) * 0.8,
      uploadThroughput: ((500 * 1000) / 8) * 0.8,
      connectionType: 'cellular3g',
    },
  },
];

const dist = await snapshotDist();
const SERVERS = [
  { name: 'test server (no compression)', start: () => serveDist({ root: dist.root }) },
  { name: 'gzip (as a static host serves it)', start: () => startServer({ root: dist.root, gzip: true }) },
];

/** Runs in the page before any of its scripts: records when the app's elements get painted. */
function recordMilestones() {
  const marks = (window.__umbralLoad = {});
  // A message posted from a rAF callback is delivered after that frame's rendering (paint).
  const afterPaint = (name) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[name] = performance.now();
      };
      channel.port2.postMessage(0);
    });
  const wanted = { app: '[data-testid="comenzar"]', pack: '[data-testid="revisa"]' };
  const observer = new MutationObserver(() => {
    for (const [name, selector] of Object.entries(wanted)) {
      if (document.querySelector(selector)) {
        delete wanted[name];
        afterPaint(name);
      }
    }
    if (Object.keys(wanted).length === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function measure(browser, url, profile) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
  try {
    const page = await context.newPage();
    await page.addInitScript(recordMilestones);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', profile.conditions);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    const problems = [];
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.url()}: ${response.status()}`));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__umbralLoad?.app && window.__umbralLoad?.pack, null, {
        timeout: 90_000,
        polling: 100,
      });
    } catch (error) {
      throw new Error(`${profile.name}: the start screen never came (${problems.join('; ') || error.message})`);
    }
    // Let LCP settle (it is final at the first input; here, one more second of quiet).
    await page.waitForTimeout(1000);
    const marks = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ...window.__umbralLoad,
    }));
    return { ...marks, bytes };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ms, budget) => (ms <= budget ? 'ok' : 'OVER');

const browser = await launchBrowser();
const summary = [];
try {
  console.log(
    `first load of dist/ (${dist.wasm}), phone viewport ${PHONE.width}x${PHONE.height}, CPU ${CPU_SLOWDOWN}x slower, ` +
      `${RUNS} runs each, fresh context per run; times from navigation start`,
  );
  for (const serverKind of SERVERS) {
    const server = await serverKind.start();
    try {
      for (const profile of PROFILES) {
        const runs = [];
        for (let run = 0; run < RUNS; run += 1) runs.push(await measure(browser, server.url, profile));
        const show = (key) => runs.map((r) => (r[key] / 1000).toFixed(2)).join(' ');
        console.log(`\n${profile.name}, ${serverKind.name} (${Math.round(runs[0].bytes / 1024)} KB over the wire)`);
        console.log(`  FCP                       runs ${show('fcp')}  median ${seconds(median(runs.map((r) => r.fcp)))}`);
        console.log(`  app rendered (Comenzar)   runs ${show('app')}  median ${seconds(median(runs.map((r) => r.app)))}`);
        console.log(`  start screen with pack    runs ${show('pack')}  median ${seconds(median(runs.map((r) => r.pack)))}`);
        console.log(`  LCP                       runs ${show('lcp')}  median ${seconds(median(runs.map((r) => r.lcp)))}`);
        summary.push({
          profile,
          server: serverKind.name,
          fcp: median(runs.map((r) => r.fcp)),
          app: median(runs.map((r) => r.app)),
          pack: median(runs.map((r) => r.pack)),
        });
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
  await dist.remove();
}

console.log('\nmedians against the budgets (issue 5)');
for (const row of summary) {
  const budget = row.profile.budgetMs;
  console.log(
    `  ${row.profile.name.padEnd(8)} ${row.server.padEnd(34)} budget ${seconds(budget)}:  ` +
      `FCP ${seconds(row.fcp)} ${verdict(row.fcp, budget)}   ` +
      `app ${seconds(row.app)} ${verdict(row.app, budget)}   ` +
      `with pack ${seconds(row.pack)} ${verdict(row.pack, budget)}`,
  );
}
