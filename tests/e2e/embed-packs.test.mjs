// Programme packs at runtime (issue 7): a host page hands the embedded app a pack by URL or
// inline; the app checks it in its worker with the command line's diagnostics. An invalid pack
// shows those diagnostics (file:line:col, source line and caret) on the host page and in the
// console, and the app falls back to the country pack with a note; a pack full of HTML and
// script payloads shows them as text and nothing runs. And the loader stays within 3 KB gzip.
// Run with `node --test tests/e2e/` after `make build`.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { launchBrowser, PHONE, serveDist, watchProblems } from './helpers.mjs';
import { DIST } from './server.mjs';
import { appFrame, completeQuestionnaire, CSP, demoPage, recordEverything, startHost } from './embed-host.mjs';

/** A pack with two mistakes: an http link and a misspelt key. */
const BROKEN = `[pack]
id = "programa-roto"
version = "1"
extends = "mx"
name = { es = "Programa roto", en = "Broken programme" }

[[entry]]
id = "roto-taller"
kind = "programme"
name = { es = "Taller", en = "Workshop" }
summary = { es = "Un taller.", en = "A workshop." }
addresses = ["basic_skills"]
needs = []
setup = 0
monthly = 0
commission_pct = 0
url = "http://example.org/taller"
checked = "2026-11"
source = "Test."

[[entry]]
id = "roto-vale"
kind = "programme"
name = { es = "Vale", en = "Voucher" }
summary = { es = "Un vale.", en = "A voucher." }
addresses = ["device"]
needs = []
setup = 0
monthly = 0
commision_pct = 0
url = "https://example.org/vale"
checked = "2026-11"
source = "Test."
`;

/** What `umbral validate` prints for BROKEN saved as programa-roto.toml (bar the folder). */
const BROKEN_DIAGNOSTICS = `error: links must start with https://; found 'http://example.org/taller'
  --> programa-roto.toml:17:7
   |
17 | url = "http://example.org/taller"
   |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^
error: unknown field 'commision_pct' in [[entry]]; expected one of: id, kind, name, summary, addresses, opens, needs, sets, when, eligible_when, eligibility, localities, regions, setup, monthly, commission_pct, cost_note, approximate, per_use, priority, url, checked, source
  --> programa-roto.toml:30:1
   |
30 | commision_pct = 0
   | ^^^^^^^^^^^^^
programa-roto: 2 error(s), 0 warning(s)
`;

// Payloads: each would set window.__pwned if it ever ran as HTML or script. In TOML, \u003C is
// "<": the closing tag must not end the host page's <script type="text/plain"> early.
const SCRIPT = '<script>window.__pwned=1\\u003C/script>';
const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT_TEXT = '<script>window.__pwned=1</script>';
const both = `{ es = "${SCRIPT} ${IMG}", en = "${SCRIPT} ${IMG}" }`;
const HOSTILE = `[pack]
id = "programa-hostil"
version = "1"
extends = "mx"
name = ${both}

[[field]]
id = "hostil"
type = "bool"

[[question]]
id = "hostil"
field = "extra.hostil"
group = "network"
text = ${both}
help = ${both}
dont_know = true
options = [
  { value = true, label = ${both} },
  { value = false, label = ${both} },
]

[[entry]]
id = "hostil-oferta"
kind = "programme"
priority = 100
name = ${both}
summary = ${both}
addresses = ["basic_skills", "social_skills", "selling_skills", "presence_channel", "product_photos", "digital_payments", "internet_access", "device_access"]
needs = []
setup = 0
monthly = 0
commission_pct = 0
cost_note = ${both}
url = "https://example.org/hostil"
checked = "2026-11"
source = "${SCRIPT} ${IMG}"
`;

let browser;
let app;

before(async () => {
  app = await serveDist({ headers: { 'Content-Security-Policy': CSP } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

describe('programme packs supplied by the host page', () => {
  let context;
  let page;
  let problems;
  let consoleText;

  beforeEach(async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    await recordEverything(context);
    page = await context.newPage();
    problems = watchProblems(page);
    consoleText = [];
    page.on('console', (message) => consoleText.push(message.text()));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      dialog.dismiss();
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  test('an invalid pack shows its diagnostics to the host; the app falls back with a note', async () => {
    const html = await demoPage(app.url, (page) => page.replace('data-pack="embed-demo.toml"', 'data-pack="programa-roto.toml"'));
    const host = await startHost(app.url, {
      '/': ['text/html; charset=utf-8', html],
      '/programa-roto.toml': ['text/plain; charset=utf-8', BROKEN],
    });
    try {
      await page.goto(host.url);
      const notice = page.getByTestId('aviso-paquete');
      await notice.getByText('tiene errores').waitFor({ timeout: 20_000 });
      assert.equal(await notice.locator('pre').textContent(), BROKEN_DIAGNOSTICS);
      assert.ok(
        consoleText.some((text) => text.includes(BROKEN_DIAGNOSTICS)),
        'the diagnostics are in the console too',
      );
      const frame = await appFrame(page, app.url);
      const note = frame.getByTestId('programa-no-disponible');
      await note.waitFor();
      assert.equal(
        (await note.innerText()).trim(),
        'No pudimos cargar la información de Impulsa Digital. Le mostramos las recomendaciones generales de Umbral; sus respuestas no cambian.',
      );
      // The assessment goes on with Mexico's own pack.
      const asked = await completeQuestionnaire(frame);
      assert.ok(asked.length >= 20);
      assert.ok(!asked.some((text) => text.includes('Impulsa')), 'no programme question');
      await frame.getByTestId('compartir-programa-boton').click();
      await page.waitForFunction(() => window.__events.some((e) => e.type === 'umbral:report'));
      const { report } = await page.evaluate(() => window.__events.find((e) => e.type === 'umbral:report').detail);
      assert.equal(report.pack.id, 'mx');
      const errors = problems.filter((p) => !p.startsWith('console error: umbral: programme pack not used') && !p.startsWith('console error: umbral: the programme pack was not used'));
      assert.deepEqual(errors, []);
    } finally {
      await host.close();
    }
  });

  test('a pack that cannot be fetched: the host hears why and the app goes on', async () => {
    const html = await demoPage(app.url, (page) => page.replace('data-pack="embed-demo.toml"', 'data-pack="no-existe.toml"'));
    const host = await startHost(app.url, { '/': ['text/html; charset=utf-8', html] });
    try {
      await page.goto(host.url);
      const notice = page.getByTestId('aviso-paquete');
      await notice.getByText('tiene errores').waitFor({ timeout: 20_000 });
      assert.equal(await notice.locator('pre').textContent(), 'data-pack: no-existe.toml: HTTP 404');
      const frame = await appFrame(page, app.url);
      await frame.getByTestId('programa-no-disponible').waitFor();
      await frame.getByTestId('comenzar').click();
      await frame.getByTestId('pregunta').first().waitFor();
    } finally {
      await host.close();
    }
  });

  test('a programme built on another country\'s pack switches the app to that country', async () => {
    const chile = `[pack]
id = "programa-chile"
version = "1"
extends = "cl"
name = { es = "Programa de Chile (ficticio)", en = "Chile programme (fictional)" }
`;
    const html = await demoPage(app.url, (page) =>
      page
        .replace('data-pack="embed-demo.toml"', 'data-pack-inline="#programa"')
        .replace(' data-programme="Impulsa Digital"', '')
        .replace('</main>', `<script type="text/plain" id="programa">${chile}</script></main>`),
    );
    const host = await startHost(app.url, { '/': ['text/html; charset=utf-8', html] });
    try {
      await page.goto(host.url);
      await page.getByTestId('aviso-paquete').getByText('está en uso').waitFor({ timeout: 20_000 });
      const frame = await appFrame(page, app.url);
      // No name from the host: the pack's own.
      assert.equal((await frame.getByTestId('programa').innerText()).trim(), 'Programa de Chile (ficticio)');
      await frame.getByTestId('revisa').waitFor({ timeout: 15_000 });
      assert.equal(await frame.getByTestId('pais-CL').isChecked(), true, 'Chile chosen');
      await frame.getByTestId('comenzar').click();
      await frame.getByTestId('ver-resultados').click();
      await frame.getByTestId('compartir-programa-boton').click();
      await page.waitForFunction(() => window.__events.some((e) => e.type === 'umbral:report'));
      const { profile, report } = await page.evaluate(() => window.__events.find((e) => e.type === 'umbral:report').detail);
      assert.equal(profile.country, 'CL');
      assert.equal(report.pack.id, 'programa-chile');
      assert.deepEqual(problems, []);
    } finally {
      await host.close();
    }
  });

  test('every text of a hostile pack shows as text and nothing in it runs', async () => {
    const html = await demoPage(app.url, (page) =>
      page
        .replace('data-pack="embed-demo.toml"', 'data-pack-inline="#programa"')
        .replace('data-programme="Impulsa Digital"', `data-programme="${IMG.replaceAll('<', '&lt;')}"`)
        .replace('</main>', `<script type="text/plain" id="programa">${HOSTILE}</script></main>`),
    );
    const host = await startHost(app.url, { '/': ['text/html; charset=utf-8', html] });
    try {
      await page.goto(host.url);
      await page.getByTestId('aviso-paquete').getByText('está en uso').waitFor({ timeout: 20_000 });
      const frame = await appFrame(page, app.url);
      // The host's programme name, a payload itself, is text.
      assert.equal((await frame.getByTestId('programa').innerText()).trim(), IMG);
      const asked = await completeQuestionnaire(frame);
      const hostile = asked.find((text) => text.includes('onerror'));
      assert.ok(hostile, 'the hostile question was asked');
      assert.ok(hostile.includes(`${SCRIPT_TEXT} ${IMG}`), `question shown as text: ${hostile}`);
      const results = await frame.getByTestId('resultados').innerText();
      assert.ok(results.includes(`${SCRIPT_TEXT} ${IMG}`), 'the offer\'s texts shown as text');
      // Nothing ran, in either page, and no element came out of the payloads.
      for (const f of page.frames()) {
        assert.equal(await f.evaluate(() => window.__pwned), undefined, `payload ran in ${f.url()}`);
        assert.equal(await f.locator('img[src=x]').count(), 0);
        assert.equal(await f.locator('script:not([type="text/plain"])').filter({ hasText: '__pwned' }).count(), 0);
      }
      assert.deepEqual(problems, []);
    } finally {
      await host.close();
    }
  });
});

test('the loader is within its 3 KB gzip budget', async () => {
  const loader = await readFile(join(DIST, 'embed.js'));
  const gzip = gzipSync(loader, { level: 9 }).length;
  console.log(`embed.js: ${loader.length} bytes, ${gzip} bytes gzip (budget 3072)`);
  assert.ok(gzip <= 3072, `embed.js is ${gzip} bytes gzip`);
});

test('the pack checker is in the worker only: the app\'s wasm has no TOML parser', async () => {
  const files = await readdir(DIST);
  const app = files.find((name) => /^umbral-web-[0-9a-f]+_bg\.wasm$/.test(name));
  assert.ok(app, 'the app\'s wasm is built');
  const has = async (name, text) => (await readFile(join(DIST, name))).includes(text);
  // A message of the pack loader's TOML parsing (src/packs): in the worker, not in the app.
  assert.equal(await has('umbral-packs_bg.wasm', 'TOML syntax: '), true);
  assert.equal(await has(app, 'TOML syntax: '), false);
});
