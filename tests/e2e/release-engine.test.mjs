// The engine as the release build ships it gives the native reports byte for byte. The unit
// tests in Chromium (tests/engine_wasm.rs) run an unoptimised build; this runs the one users
// get, after wasm-opt's passes (`--low-memory-unused` among them, index.html), through
// `window.wasmBindings`, on every snapshot profile of tests/reports/ and each pack in its three
// compact forms (whole, Spanish only, English only). Run after `make build`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, PHONE, serveDist } from './helpers.mjs';
import { REPO_ROOT } from './server.mjs';

let browser;
let server;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('every snapshot profile gets the native report, from each compact form of its pack', async () => {
  const lines = (file) => readFileSync(join(REPO_ROOT, 'tests', 'reports', file), 'utf8').split('\n').filter(Boolean);
  const cases = lines('profiles.jsonl').map((line) => JSON.parse(line));
  const expected = lines('expected.jsonl');
  assert.equal(cases.length, expected.length);
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.wasmBindings?.umbralAssess === 'function', null, { timeout: 15_000 });
    const reports = await page.evaluate(async (cases) => {
      const api = window.wasmBindings;
      const out = [];
      for (const c of cases) {
        const forms = { whole: `packs/${c.pack}.txt`, es: `packs/${c.pack}.es.txt`, en: `packs/${c.pack}.en.txt` };
        const got = {};
        for (const [form, url] of Object.entries(forms)) {
          // Each form holds the texts of the locale it is read in.
          if ((form === 'es' && c.locale !== 'es') || (form === 'en' && c.locale !== 'en')) continue;
          const id = api.umbralLoadPack(await (await fetch(url)).text());
          got[form] = api.umbralAssess(id, JSON.stringify(c.profile), c.locale);
        }
        out.push(got);
      }
      return out;
    }, cases);
    let compared = 0;
    reports.forEach((got, n) => {
      for (const [form, report] of Object.entries(got)) {
        assert.equal(report, expected[n], `${cases[n].name} (${cases[n].pack}, ${form})`);
        compared += 1;
      }
    });
    assert.ok(compared >= cases.length * 2, `${compared} reports compared`);
    // A faulty profile: each problem's kind and where it is (the kinds are the keys of the
    // sentences `umbral assess` says).
    const refused = await page.evaluate(async () => {
      const api = window.wasmBindings;
      const id = api.umbralLoadPack(await (await fetch('packs/mx.txt')).text());
      try {
        api.umbralAssess(id, '{"schema":"umbral.profile/2","country":"MX","size":"huge","extra":null}', 'es');
        return 'no error';
      } catch (error) {
        return error.message;
      }
    });
    assert.equal(refused, 'invalid profile: unknown_value at $.size; not_an_object at $.extra');
  } finally {
    await context.close();
  }
});
