// Shared steps for the workspace's end-to-end tests (tests/e2e/taller-*.test.mjs): the browser
// and server of a test file, opening the page, adding an enterprise and a visit, and reading IndexedDB directly, as the tests check
// what is stored rather than what is shown.

import { after, afterEach, before } from 'node:test';
import { launchBrowser, serveDist } from './helpers.mjs';

/**
 * Starts Chromium and a server of the release build before a file's tests and stops them after
 * them; the browser contexts pushed onto `contexts` are closed after each test. Returns the
 * session, whose `browser` and `server` are set once the tests start.
 */
export function session() {
  const state = { browser: null, server: null, contexts: [] };
  before(async () => {
    state.browser = await launchBrowser();
    state.server = await serveDist();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  afterEach(async () => {
    while (state.contexts.length) await state.contexts.pop().close();
  });
  return state;
}

/** The workspace's database, as src/workspace_page/db.rs names it. */
export const DB = 'umbral-taller';

/** Opens the workspace and waits until its data is loaded (a screen heading is shown). */
export async function openWorkspace(page, baseUrl) {
  await page.goto(new URL('taller/', baseUrl).href, { waitUntil: 'load' });
  await page.getByTestId('vista').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Waits until the service worker controls the page. */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
}

/** Adds an enterprise from the list; ends on its screen. */
export async function addEnterprise(page, { name, locality = '', country = 'MX' }) {
  await page.getByTestId('nav-negocios').click();
  await page.getByTestId('agregar').click();
  await page.getByTestId('negocio-nombre').fill(name);
  await page.getByTestId('negocio-pais').selectOption(country);
  if (locality) await page.getByTestId('negocio-localidad').fill(locality);
  await page.getByTestId('guardar-negocio').click();
  await page.getByTestId('negocio-detalle').waitFor();
}

/** Starts a new visit on the enterprise on show; ends on its first question. */
export async function newVisit(page) {
  await page.getByTestId('nueva-visita').click();
  await page.getByTestId('visita-vista').waitFor();
}

/** Opens an enterprise by name from the list, then its only (or first listed) visit. */
export async function openVisit(page, name) {
  await page.getByTestId('nav-negocios').click();
  await page.getByTestId('abrir-negocio').filter({ hasText: name }).click();
  await page.getByTestId('abrir-visita').first().click();
  await page.getByTestId('visita-vista').waitFor();
}

/** Every record of a store, read from IndexedDB in the page. */
export function readStore(page, store) {
  return page.evaluate(
    ([name, store]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [DB, store],
  );
}

/** Writes raw records into stores ({store: [records]}) of an existing database. */
export function writeRaw(page, records) {
  return page.evaluate(
    ([name, records]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(records), 'readwrite');
          for (const [store, list] of Object.entries(records)) {
            for (const record of list) tx.objectStore(store).put(record);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [DB, records],
  );
}

/**
 * An enterprise record in the stored format (record version 1): the hand-off file's enterprise
 * (src/workspace) without its visits, and `v`.
 */
export function enterpriseRecord(id, name, extra = {}) {
  return {
    v: 1, id, name, country: 'MX', locality: '', created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z', edits: { 'otro-equipo': 1 }, visits: [], ...extra,
  };
}

/** A visit record in the stored format (record version 1): the hand-off file's visit, its enterprise and `v`. */
export function visitRecord(id, enterprise, profile, extra = {}) {
  return {
    v: 1, enterprise, id, date: '2026-01-02', profile, notes: '',
    updated: '2026-01-02T00:00:00.000Z', edits: { 'otro-equipo': 1 }, ...extra,
  };
}

/** A visit's revision: its saves on every device. */
export const revision = (visit) => Object.values(visit.edits).reduce((a, b) => a + b, 0);

/** Polls `check` (an async function returning truthy when done) for up to `ms` milliseconds. */
export async function eventually(check, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms: ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
