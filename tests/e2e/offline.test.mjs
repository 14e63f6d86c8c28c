// Offline after the first visit (issue 6): the service worker serves the app with no network,
// a new version waits until the user chooses to update, no answer is lost across the update,
// and the web app manifest makes the app installable. Run with `node --test tests/e2e/` after a
// release build (`make build`, which writes dist/sw.js once every page is built).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import {
  axeViolations,
  CHROMIUM,
  CHROMIUM_ARGS,
  DRAFT_KEY,
  launchBrowser,
  PHONE,
  serveDist,
  tabTo,
  watchProblems,
} from './helpers.mjs';
import { DIST, REPO_ROOT, startServer } from './server.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens the app and waits until the pack has loaded and the service worker controls the page. */
async function openControlled(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('revisa').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
}

/** Starts an assessment and answers the first two questions: crafts, rural. */
async function answerTwo(page) {
  await page.getByTestId('comenzar').click();
  await page.getByTestId('q-sector-3').check(); // crafts
  await page.getByTestId('siguiente').click();
  await page.getByTestId('q-locality-2').check(); // rural
  await page.getByTestId('siguiente').click();
  await page.getByTestId('pregunta').first().waitFor();
}

/** Checks, going back from the question on show, that both answers are still there. */
async function assertTwoKept(page, where) {
  await page.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
  const draft = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY));
  assert.equal(draft.profile.sector, 'crafts', `sector saved ${where}`);
  assert.equal(draft.profile.locality, 'rural', `locality saved ${where}`);
  await page.getByTestId('atras').click();
  assert.equal(await page.getByTestId('q-locality-2').isChecked(), true, `locality shown ${where}`);
  await page.getByTestId('atras').click();
  assert.equal(await page.getByTestId('q-sector-3').isChecked(), true, `sector shown ${where}`);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

describe('offline after the first visit', () => {
  let context;

  afterEach(async () => {
    await context?.close();
  });

  test('with no network the app loads, an assessment starts, and a reload keeps the answers', async () => {
    const server = await serveDist();
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    try {
      await openControlled(page, server.url);
      // Another pack is cached the first time it is used, and only then.
      assert.equal((await page.evaluate(() => fetch('packs/cl.txt').then((r) => r.status))), 200);
    } finally {
      // No server at all from here on, and the browser offline too.
      await server.close();
    }
    await context.setOffline(true);
    const problems = watchProblems(page);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('revisa').waitFor({ state: 'visible', timeout: 15_000 });
    await answerTwo(page);
    const question = await page.locator('#enfoque').innerText();
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#enfoque').innerText(), question, 'same question after an offline reload');
    await assertTwoKept(page, 'after an offline reload');
    assert.deepEqual(problems, []);
    const packs = await page.evaluate(() =>
      Promise.all(['packs/cl.txt', 'packs/bo.txt'].map((pack) => fetch(pack).then((r) => r.status, () => 'failed'))),
    );
    assert.deepEqual(packs, [200, 'failed'], 'a pack used once is there offline; one never used is not');
  });
});

describe('a new version during an assessment', () => {
  let context;
  let root;
  let server;

  beforeEach(async () => {
    // Build A is a copy of dist/; build B is the same copy with its files changed in place.
    root = await mkdtemp(join(tmpdir(), 'umbral-update-'));
    await cp(DIST, root, { recursive: true });
    server = await startServer({ root });
  });

  afterEach(async () => {
    await context?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Serves build B: a new worker version, and an index.html that says it is B. */
  async function publishBuildB() {
    const sw = await readFile(join(root, 'sw.js'), 'utf8');
    const version = sw.match(/const CACHE ?= ?"umbral-([0-9a-f]+)"/)?.[1];
    assert.ok(version, 'sw.js names its cache version');
    await writeFile(join(root, 'sw.js'), sw.replace(version, 'b'.repeat(16)));
    const html = await readFile(join(root, 'index.html'), 'utf8');
    await writeFile(join(root, 'index.html'), html.replace('<html', '<html data-build="B"'));
    return version;
  }

  /** Opens build A, answers two questions, publishes build B and waits for its notice. */
  async function updateWaiting(locale) {
    context = await browser.newContext({ viewport: PHONE, locale });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openControlled(page, server.url);
    await answerTwo(page);
    const oldVersion = await publishBuildB();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    const button = page.getByTestId('actualizar');
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    return { page, problems, button, oldVersion };
  }

  test('the user is told, chooses when, and no answer is lost', async () => {
    const { page, problems, button, oldVersion } = await updateWaiting('es-MX');
    const notice = page.getByRole('status').filter({ has: button });
    assert.equal(
      (await notice.locator('p').innerText()).trim(),
      'Hay una versión nueva de Umbral. Sus respuestas están guardadas.',
    );
    assert.equal((await button.innerText()).trim(), 'Actualizar ahora');
    // The new version waits: the old one still serves the page until the user says so.
    await page.waitForTimeout(1000);
    const waiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration.waiting), active: registration.active.state };
    });
    assert.deepEqual(waiting, { waiting: true, active: 'activated' });
    assert.ok((await cacheNames(page)).includes(`umbral-${oldVersion}`), 'the old version still serves');
    assert.equal(await page.locator('html').getAttribute('data-build'), null, 'still build A');
    assert.equal(await page.getByTestId('q-size-0').count(), 1, 'still on the third question');

    const reloaded = page.waitForEvent('load');
    await button.click();
    await reloaded;
    await page.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('html').getAttribute('data-build'), 'B', 'build B after the update');
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: Boolean(navigator.serviceWorker.controller),
        waiting: Boolean(registration.waiting),
        active: registration.active.state,
        caches: await caches.keys(),
      };
    });
    assert.deepEqual(state, { controlled: true, waiting: false, active: 'activated', caches: [`umbral-${'b'.repeat(16)}`] });
    assert.equal(await page.getByTestId('actualizar').count(), 0, 'no notice once updated');
    assert.equal(await page.getByTestId('q-size-0').count(), 1, 'back on the third question');
    await assertTwoKept(page, 'after the update');
    assert.deepEqual(problems, []);
  });

  /** Asks for the published version, presses "Actualizar ahora" and waits for it to serve. */
  async function updateNow(page) {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    const button = page.getByTestId('actualizar');
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    const reloaded = page.waitForEvent('load');
    await button.click();
    await reloaded;
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  }

  test('an update deletes only its own caches, and other caches on the origin stay', async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    await openControlled(page, server.url);
    await page.evaluate(async () => {
      await (await caches.open('otra-app')).put('/otra', new Response('suya'));
      await (await caches.open('umbral-fotos')).put('/foto', new Response('suya también'));
    });
    const oldVersion = await publishBuildB();
    await updateNow(page);
    const names = (await cacheNames(page)).sort();
    assert.deepEqual(names, ['otra-app', `umbral-${'b'.repeat(16)}`, 'umbral-fotos'], `not umbral-${oldVersion}`);
    assert.equal(await page.evaluate(async () => (await (await caches.open('otra-app')).match('/otra'))?.text()), 'suya');
  });

  test('a release that changes only the Chile pack is a new version, and serves the new pack offline', async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    await openControlled(page, server.url);
    // Chile used once: cached on first use.
    const before = await page.evaluate(async () => (await fetch('packs/cl.txt')).text());
    const oldSw = await readFile(join(root, 'sw.js'), 'utf8');
    // The release: only packs/cl.txt changes; the worker is built again as the Makefile does.
    await writeFile(join(root, 'packs', 'cl.txt'), `${before}\n`);
    execFileSync('node', [join(REPO_ROOT, 'www', 'sw-build.mjs'), root], { stdio: 'ignore' });
    const newSw = await readFile(join(root, 'sw.js'), 'utf8');
    assert.notEqual(newSw, oldSw, 'a new worker version');
    await updateNow(page);
    await context.setOffline(true);
    const after = await page.evaluate(async () => (await fetch('packs/cl.txt')).text());
    assert.equal(after, `${before}\n`, 'the new Chile pack, from the cache, offline');
  });

  test('the notice is accessible (axe, keyboard, touch target), in the page language', async () => {
    const { page, button } = await updateWaiting('en-US');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal((await button.innerText()).trim(), 'Update now');
    assert.match(await page.getByRole('status').filter({ has: button }).innerText(), /Your answers are saved/);
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe with the notice shown');
    await page.locator('body').focus();
    await tabTo(page, 'actualizar');
    const box = await button.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `touch target ≥ 44×44 (got ${box.width}×${box.height})`);
  });
});

describe('web app manifest', () => {
  let server;
  let context;
  let profile;

  before(async () => {
    server = await serveDist();
    profile = await mkdtemp(join(tmpdir(), 'umbral-profile-'));
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('is linked, served as application/manifest+json, and makes the app installable', async () => {
    // A persistent profile: Chromium never offers to install from an incognito one.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
      locale: 'es-MX',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await openControlled(page, server.url);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const response = await page.request.get(new URL(href, server.url).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Umbral');
    assert.equal(manifest.lang, 'es');
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, response.url()).href, server.url);
    assert.ok(manifest.icons.length > 0, 'icons');
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, response.url()).href);
      assert.equal(image.status(), 200, icon.src);
      assert.equal(image.headers()['content-type'].split(';')[0], icon.type, icon.src);
    }
    // Chromium's own verdict on installability.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  });
});
