// The engine in Chromium, JS to wasm and back: loads the release build (dist/), links the
// Mexico pack through the app's JS API (window.wasmBindings.umbralLoadPack) and times
// umbralAssess(packId, profileJson, 'es') — a JSON string in, the report's JSON string out —
// for the Mexico profiles of tests/reports/profiles.jsonl.
//
// Chromium coarsens performance.now(), so each figure is the mean of a batch of calls; the
// script prints the median of 9 batches. Run: `make bench` (or `node tests/bench/wasm.mjs`
// after `make build`). Budget (issue 3): at most 0.2 ms per call.

import { readFile } from 'node:fs/promises';
import { launchBrowser, serveDist } from '../e2e/helpers.mjs';
import { REPO_ROOT } from '../e2e/server.mjs';

const BATCHES = 9;
const CALLS = 400;
const BUDGET_MS = 0.2;

const cases = (await readFile(`${REPO_ROOT}/tests/reports/profiles.jsonl`, 'utf8'))
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line))
  .filter((c) => c.pack === 'mx');

const server = await serveDist();
const browser = await launchBrowser();
let worst = 0;
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings?.umbralAssess, null, { timeout: 15_000 });
  const rows = await page.evaluate(
    async ({ cases, batches, calls }) => {
      const api = window.wasmBindings;
      const pack = await (await fetch('packs/mx.txt')).text();
      const id = api.umbralLoadPack(pack);
      const out = [];
      for (const c of cases) {
        const profile = JSON.stringify(c.profile);
        let bytes = 0;
        for (let i = 0; i < 200; i++) bytes = api.umbralAssess(id, profile, 'es').length;
        const means = [];
        for (let b = 0; b < batches; b++) {
          const start = performance.now();
          for (let i = 0; i < calls; i++) api.umbralAssess(id, profile, 'es');
          means.push((performance.now() - start) / calls);
        }
        means.sort((a, b) => a - b);
        out.push({ name: c.name, median: means[Math.floor(batches / 2)], best: means[0], bytes });
      }
      return out;
    },
    { cases, batches: BATCHES, calls: CALLS },
  );
  console.log('umbralAssess in Chromium (JS string in, JSON string out), ms per call');
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(30)} median ${r.median.toFixed(4)} ms   best ${r.best.toFixed(4)} ms   report ${r.bytes} chars`,
    );
    worst = Math.max(worst, r.median);
  }
  console.log(`worst median: ${worst.toFixed(4)} ms (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? 'ok' : 'OVER'}`);
} finally {
  await browser.close();
  await server.close();
}
