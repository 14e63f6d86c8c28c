// How long a host page waits for its programme pack (issue 7): the demo page, on its own
// origin, embeds the app (served with the strict CSP and gzip, as a static host would) and
// hands it www/embed-demo.toml; the app fetches the pack checker worker (umbral-packs), which
// compiles the pack on the built-in packs. Prints, over RUNS fresh browser contexts (nothing
// cached), the median time from the host page's navigation to
//   - the app's start screen ready (its pack loaded), without a programme pack, and
//   - the same with the programme pack checked and in use (the loader's umbral:pack-ready),
// and the worker's own share: from the app asking for it to its answer.
// No throttling: this machine's CPU and a local network. Run: `node tests/bench/embed-pack.mjs`
// after `make build` (`make bench` runs it).

import { launchBrowser, PHONE, serveDist } from '../e2e/helpers.mjs';
import { appFrame, CSP, demoPage, startHost } from '../e2e/embed-host.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const app = await serveDist({ headers: { 'Content-Security-Policy': CSP }, gzip: true });
const noPack = await demoPage(app.url, (html) => html.replace(' data-pack="embed-demo.toml"', ''));
const host = await startHost(app.url, { '/sin-paquete': ['text/html; charset=utf-8', noPack] });
const browser = await launchBrowser();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const withPack = [];
const withoutPack = [];
const worker = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const [path, out] of [['', withPack], ['sin-paquete', withoutPack]]) {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${host.url}${path}`);
      const frame = await appFrame(page, app.url);
      // The start screen lists what Umbral looks at once its pack is linked; with a programme
      // pack, only once that pack has been checked and handed over.
      await frame.getByTestId('revisa').waitFor({ timeout: 30_000 });
      out.push(await page.evaluate(() => performance.now()));
      if (path === '') {
        // The worker's share, on the frame's clock: from the request for the checker's script
        // to the app's answer about the pack.
        worker.push(await frame.evaluate(() => {
          const loader = performance.getEntriesByName(new URL('umbral-packs_loader.js', location.href).href)[0];
          return performance.getEntriesByName('umbral:pack-settled')[0].startTime - loader.startTime;
        }));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await host.close();
  await app.close();
}
const ms = (value) => `${Math.round(value)} ms`;
console.log(`runs: ${RUNS}, fresh context each (nothing cached), no throttling`);
console.log(`start screen, no programme pack:            median ${ms(median(withoutPack))} (${withoutPack.map(ms).join(', ')})`);
console.log(`start screen, programme pack checked:       median ${ms(median(withPack))} (${withPack.map(ms).join(', ')})`);
console.log(`of which the worker (fetch, start, check):  median ${ms(median(worker))} (${worker.map(ms).join(', ')})`);
