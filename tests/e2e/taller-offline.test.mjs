// The workspace offline (issue 6): after one visit it loads with no network and an assessment
// is completed and saved; a new version of Umbral installed during an assessment waits for
// the user, keeps the workspace offline, and loses no answer. Run after `make build`.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { launchBrowser, PHONE, watchProblems } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import {
  addEnterprise,
  controlled,
  eventually,
  newVisit,
  openVisit,
  openWorkspace,
  readStore,
} from './taller-support.mjs';

let browser;
let context;
let server;
let root;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
  context = server = root = undefined;
});

/** Serves a private copy of dist/, so a test can change it into a new version. */
async function serveCopy() {
  root = await mkdtemp(join(tmpdir(), 'umbral-taller-'));
  await cp(DIST, root, { recursive: true });
  server = await startServer({ root });
}

/** Answers every question of the visit on show, always the first choice, up to the results. */
async function completeAssessment(page) {
  for (let step = 0; step < 60; step += 1) {
    if (await page.getByTestId('resultados').count()) return step;
    const field = page.getByTestId('pregunta').first();
    await field.waitFor();
    const choice = field.locator('input[type=radio], input[type=checkbox]').first();
    if (await choice.count()) {
      await choice.check();
    } else {
      const box = field.locator('input[type=number], input[type=text]').first();
      if (await box.count()) await box.fill('1');
    }
    await page.getByTestId('siguiente').click();
  }
  throw new Error('the questionnaire never reached the results');
}

describe('the workspace offline', () => {
  test('loaded once, it opens with no network; an assessment is completed and saved', async () => {
    await serveCopy();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    await openWorkspace(page, server.url);
    await controlled(page);
    // The workspace's files are cached on this first use, though the worker came after them.
    const cached = await eventually(() =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return (await cache.match(new URL('./', location.href).href)) ? names : null;
      }),
    );
    assert.equal(cached.length, 1);
    await server.close();
    server = undefined;
    await context.setOffline(true);
    const problems = watchProblems(page);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('vista').waitFor({ timeout: 20_000 });
    await addEnterprise(page, { name: 'Artesanías Sin Señal', locality: 'Sierra Norte' });
    await newVisit(page);
    const steps = await completeAssessment(page);
    assert.ok(steps > 5, `answered ${steps} pages`);
    await page.getByTestId('notas').fill('Visita sin señal');
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('vista').waitFor({ timeout: 20_000 });
    await openVisit(page, 'Artesanías Sin Señal');
    await page.getByTestId('resultados').waitFor();
    assert.equal(await page.getByTestId('notas').inputValue(), 'Visita sin señal');
    const [visit] = await readStore(page, 'visits');
    assert.ok(Object.keys(visit.profile).length > 10, 'the answers are stored');
    assert.deepEqual(problems, []);
  });

  test('a new version during an assessment: told, user chooses, workspace stays offline, no answer lost', async () => {
    await serveCopy();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openWorkspace(page, server.url);
    await controlled(page);
    await addEnterprise(page, { name: 'Dulces Rosita' });
    await newVisit(page);
    await page.getByTestId('q-sector-3').check();
    await page.getByTestId('siguiente').click();
    await page.getByTestId('q-locality-2').check();
    await page.getByTestId('notas').fill('A medio cuestionario');

    // Build B: a new worker version and a workspace page that says it is B.
    const sw = await readFile(join(root, 'sw.js'), 'utf8');
    const version = sw.match(/const CACHE ?= ?"umbral-([0-9a-f]+)"/)?.[1];
    assert.ok(version, 'sw.js names its cache version');
    await writeFile(join(root, 'sw.js'), sw.replace(version, 'b'.repeat(16)));
    const html = await readFile(join(root, 'taller', 'index.html'), 'utf8');
    await writeFile(join(root, 'taller', 'index.html'), html.replace('<html', '<html data-build="B"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const button = page.getByTestId('actualizar');
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await page.getByRole('status').filter({ has: button }).innerText(), /Sus respuestas están guardadas/);
    // It waits: still build A, still on the same question, until the user says so.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('html').getAttribute('data-build'), null);
    assert.equal(await page.getByTestId('q-locality-2').isChecked(), true);

    const reloaded = page.waitForEvent('load');
    await button.click();
    await reloaded;
    await page.getByTestId('vista').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('html').getAttribute('data-build'), 'B');
    // The new version kept the workspace's files, so it stays offline.
    const caches = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      const page = await cache.match(new URL('./', location.href).href);
      return { names, page: page ? await page.text() : '' };
    });
    assert.deepEqual(caches.names, [`umbral-${'b'.repeat(16)}`]);
    assert.match(caches.page, /data-build="B"/);
    // No answer lost.
    await openVisit(page, 'Dulces Rosita');
    assert.equal(await page.getByTestId('notas').inputValue(), 'A medio cuestionario');
    const [visit] = await readStore(page, 'visits');
    assert.equal(visit.profile.sector, 'crafts');
    assert.equal(visit.profile.locality, 'rural');
    await server.close();
    server = undefined;
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('vista').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('html').getAttribute('data-build'), 'B', 'build B offline');
    assert.deepEqual(problems, []);
  });
});
