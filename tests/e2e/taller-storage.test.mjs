// The workspace's durable storage (issue 6): answers and notes written as they are typed, a
// damaged record set aside alone, a full disk reported with nothing saved lost, two tabs that
// never silently overwrite each other, and stored data migrating forward (the entrepreneur
// app's draft, IndexedDB schema version 1). Run after `make build`.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, afterEach, before, describe, test } from 'node:test';
import { launchBrowser, PHONE, SAMPLE_PROFILE, seedDraft, serveDist, watchProblems } from './helpers.mjs';
import {
  addEnterprise,
  DB,
  enterpriseRecord,
  eventually,
  newVisit,
  openVisit,
  openWorkspace,
  readStore,
  revision,
  visitRecord,
  writeRaw,
} from './taller-support.mjs';

let browser;
let server;
let context;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function fresh(locale = 'es-MX') {
  context = await browser.newContext({ viewport: PHONE, locale });
  return context.newPage();
}

/** The only visit stored, checked to be the only one. */
async function onlyVisit(page) {
  const visits = await readStore(page, 'visits');
  assert.equal(visits.length, 1, 'one visit stored');
  return visits[0];
}

describe('workspace storage', () => {
  test('closing the page in the middle of typing keeps the note and the answer', async () => {
    const page = await fresh();
    const problems = watchProblems(page);
    await openWorkspace(page, server.url);
    await addEnterprise(page, { name: 'Tejidos Xochitl', locality: 'Cuetzalan' });
    await newVisit(page);
    await page.getByTestId('q-sector-3').check(); // crafts
    await page.getByTestId('notas').click();
    await page.keyboard.type('Vende en la feria del domingo');
    // No blur, no waiting: the tab is closed right after the last key.
    await page.close();
    assert.deepEqual(problems, []);

    const again = await context.newPage();
    await openWorkspace(again, server.url);
    const stored = await onlyVisit(again);
    assert.equal(stored.notes, 'Vende en la feria del domingo');
    assert.equal(stored.profile.sector, 'crafts');
    await openVisit(again, 'Tejidos Xochitl');
    assert.equal(await again.getByTestId('notas').inputValue(), 'Vende en la feria del domingo');
    await again.getByTestId('cambiar').click();
    assert.equal(await again.getByTestId('q-sector-3').isChecked(), true, 'the answer is shown again');
  });

  test('a damaged record is set aside alone and reported; the others load', async () => {
    const page = await fresh();
    await openWorkspace(page, server.url);
    await writeRaw(page, {
      enterprises: [enterpriseRecord('e1', 'Abarrotes Lupita'), enterpriseRecord('e2', 'Café Don Beto')],
      visits: [
        visitRecord('v1', 'e1', SAMPLE_PROFILE),
        visitRecord('v2', 'e2', SAMPLE_PROFILE),
        // Damaged: a profile for a country Umbral has no pack for.
        visitRecord('v3', 'e2', { ...SAMPLE_PROFILE, country: 'ZZ' }, { date: '2026-02-02' }),
      ],
    });
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('negocio').count(), 2, 'both enterprises listed');
    assert.match(await page.getByTestId('apartados').innerText(), /^1 registro dañado se apartó/);
    const aside = await readStore(page, 'apartados');
    assert.equal(aside.length, 1);
    assert.equal(aside[0].store, 'visits');
    assert.equal(aside[0].key, 'v3');
    assert.equal(aside[0].record.profile.country, 'ZZ', 'the damaged record is kept whole');
    assert.match(aside[0].reason, /ZZ/);
    assert.deepEqual((await readStore(page, 'visits')).map((v) => v.id).sort(), ['v1', 'v2']);
    // Reported once: the next open finds nothing damaged, and "Sus datos" counts it.
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('apartados').count(), 0);
    await page.getByTestId('nav-datos').click();
    assert.equal(await page.getByTestId('cuenta-apartados').innerText(), '1');
    assert.equal(await page.getByTestId('cuenta-visitas').innerText(), '2');
  });

  test('a full disk gets a clear message and keeps what was saved', async () => {
    const page = await fresh();
    await openWorkspace(page, server.url);
    await addEnterprise(page, { name: 'Miel del Valle' });
    await newVisit(page);
    await page.getByTestId('q-sector-3').check();
    await page.getByTestId('siguiente').click();
    await eventually(async () => (await onlyVisit(page)).profile.sector === 'crafts');
    // From now on every write finds the disk full.
    await page.evaluate(() => {
      window.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByTestId('q-locality-2').check(); // rural
    const alert = page.getByTestId('problema');
    await alert.waitFor();
    assert.match(await alert.innerText(), /no tiene espacio libre: el último cambio no se guardó/);
    assert.match(await alert.innerText(), /Todo lo guardado antes sigue a salvo/);
    const kept = await onlyVisit(page);
    assert.equal(kept.profile.sector, 'crafts', 'what was saved is still there');
    assert.equal(kept.profile.locality, undefined, 'the refused write stored nothing');
    assert.equal(await page.getByTestId('q-locality-2').isChecked(), true, 'the answer is still on screen');
    // Space again: "Guardar de nuevo" writes it.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.realPut;
    });
    await page.getByTestId('guardar-de-nuevo').click();
    await alert.waitFor({ state: 'detached' });
    assert.equal((await onlyVisit(page)).profile.locality, 'rural');
  });

  test('two tabs: a stale write is refused, the other tab is told live, and both versions can be kept', async () => {
    const a = await fresh();
    await openWorkspace(a, server.url);
    await addEnterprise(a, { name: 'Taller Ríos' });
    await newVisit(a);
    const b = await context.newPage();
    const problems = watchProblems(b);
    await openWorkspace(b, server.url);
    await openVisit(b, 'Taller Ríos');
    await b.getByTestId('q-sector-3').waitFor();
    assert.equal(await b.getByTestId('conflicto').count(), 0);

    await a.getByTestId('q-sector-0').check(); // food, in tab A
    await b.getByTestId('conflicto').waitFor({ timeout: 10_000 });
    assert.match(await b.getByTestId('conflicto').innerText(), /Esta visita cambió en otra pestaña/);
    // Tab B goes on typing: refused, so tab A's answer stays.
    const refused = b.waitForEvent('console', (message) => /visit not saved: Conflict/.test(message.text()));
    await b.getByTestId('notas').fill('Nota escrita en B');
    await refused;
    const stored = await onlyVisit(a);
    assert.equal(stored.profile.sector, 'food');
    assert.equal(stored.notes, '', 'the stale write was refused');
    // Keep both: tab B's version becomes a second visit.
    await b.getByTestId('conflicto-ambas').click();
    await b.getByTestId('conflicto').waitFor({ state: 'detached' });
    const visits = await eventually(async () => {
      const all = await readStore(a, 'visits');
      return all.length === 2 && all;
    });
    assert.equal(visits.length, 2, 'both versions are stored');
    const mine = visits.find((v) => v.notes === 'Nota escrita en B');
    const theirs = visits.find((v) => v.profile.sector === 'food');
    assert.ok(mine && theirs && mine.id !== theirs.id, 'one visit each');
    assert.equal(await b.getByTestId('notas').inputValue(), 'Nota escrita en B', 'B goes on with its copy');
    // B can go on writing its copy now.
    await b.getByTestId('notas').fill('Nota escrita en B, sigue');
    await eventually(async () =>
      (await readStore(a, 'visits')).some((v) => v.id === mine.id && v.notes === 'Nota escrita en B, sigue'),
    );
    // And tab A, whose version was kept, goes on too; tab B is told, and can load it.
    await a.getByTestId('notas').fill('A escribe');
    await eventually(async () => (await readStore(a, 'visits')).some((v) => v.notes === 'A escribe'));
    assert.deepEqual(problems, []);
  });

  test('two tabs: details saved in one tab are not silently overwritten by the other', async () => {
    const a = await fresh();
    await openWorkspace(a, server.url);
    await addEnterprise(a, { name: 'Panadería Sol', locality: 'Tlaxco' });
    const b = await context.newPage();
    const problems = watchProblems(b);
    await openWorkspace(b, server.url);
    await b.getByTestId('nav-negocios').click();
    await b.getByTestId('abrir-negocio').filter({ hasText: 'Panadería Sol' }).click();
    await b.getByTestId('editar-negocio').click();
    await b.getByTestId('negocio-nombre').waitFor();
    // Tab A renames it while tab B has the form open.
    await a.getByTestId('editar-negocio').click();
    await a.getByTestId('negocio-nombre').fill('Panadería Sol de Tlaxco');
    await a.getByTestId('guardar-negocio').click();
    await eventually(async () => (await readStore(a, 'enterprises')).some((e) => e.name === 'Panadería Sol de Tlaxco'));
    // Tab B saves its own change: refused, said, and what B typed stays in the form.
    await b.getByTestId('negocio-localidad').fill('Apizaco');
    const refused = b.waitForEvent('console', (message) => /details not saved: Conflict/.test(message.text()));
    await b.getByTestId('guardar-negocio').click();
    await refused;
    await b.getByTestId('negocio-conflicto').waitFor();
    assert.match(
      await b.getByTestId('negocio-conflicto').innerText(),
      /Otra pestaña cambió los datos de este negocio[\s\S]*Panadería Sol de Tlaxco/,
    );
    assert.equal(await b.getByTestId('negocio-localidad').inputValue(), 'Apizaco', 'what B typed is kept');
    let stored = await readStore(a, 'enterprises');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].name, 'Panadería Sol de Tlaxco', 'A\'s save stands');
    assert.equal(stored[0].locality, 'Tlaxco', 'the refused write stored nothing');
    // Having seen the other tab's details, B saves again on purpose: now its details replace them.
    await b.getByTestId('guardar-negocio').click();
    await b.getByTestId('negocio-detalle').waitFor();
    stored = await eventually(async () => {
      const all = await readStore(a, 'enterprises');
      return all.length === 1 && all[0].locality === 'Apizaco' && all;
    });
    assert.equal(stored[0].name, 'Panadería Sol', 'B saved the name in its form');
    assert.deepEqual(problems, []);
  });

  test('the first open brings in the app draft (umbral.draft/1) once, as an enterprise with one visit', async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    // A draft saved before profiles had version 2: it is brought in as version 2.
    await seedDraft(context, { ...SAMPLE_PROFILE, schema: 'umbral.profile/1' }, 'results');
    const page = await context.newPage();
    await openWorkspace(page, server.url);
    await page.getByTestId('borrador-importado').waitFor();
    assert.match(await page.getByTestId('borrador-importado').innerText(), /Mi negocio \(del cuestionario\)/);
    assert.equal(await page.getByTestId('negocio').count(), 1);
    const visit = await onlyVisit(page);
    for (const [key, value] of Object.entries(SAMPLE_PROFILE)) {
      assert.deepEqual(visit.profile[key], value, `profile.${key}`);
    }
    assert.equal(visit.v, 1);
    assert.ok(await page.evaluate(() => localStorage.getItem('umbral.draft/1')), 'the app keeps its draft');
    // Never twice.
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('negocio').count(), 1);
    assert.equal(await page.getByTestId('borrador-importado').count(), 0);
    await openVisit(page, 'Mi negocio');
    await page.getByTestId('resultados').waitFor();
  });

  test('a database of schema version 1 is upgraded in place, every record kept', async () => {
    const fixture = JSON.parse(await readFile(new URL('./fixtures/taller-schema-v1.json', import.meta.url), 'utf8'));
    const page = await fresh();
    // Same origin, before the workspace ever runs: make the version-1 database.
    await page.goto(new URL('favicon.svg', server.url).href);
    await page.evaluate(
      ([name, fixture]) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(name, fixture.version);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('enterprises', { keyPath: 'id' });
            open.result.createObjectStore('visits', { keyPath: 'id' });
          };
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['enterprises', 'visits'], 'readwrite');
            for (const e of fixture.enterprises) tx.objectStore('enterprises').put(e);
            for (const v of fixture.visits) tx.objectStore('visits').put(v);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        }),
      [DB, fixture],
    );
    await openWorkspace(page, server.url);
    await page.getByTestId('negocios').waitFor();
    const schema = await page.evaluate(
      (name) =>
        new Promise((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const db = open.result;
            const result = {
              version: db.version,
              stores: [...db.objectStoreNames].sort(),
              index: [...db.transaction('visits').objectStore('visits').indexNames],
            };
            db.close();
            resolve(result);
          };
        }),
      DB,
    );
    assert.deepEqual(schema, { version: 2, stores: ['apartados', 'enterprises', 'meta', 'visits'], index: ['enterprise'] });
    assert.deepEqual(await readStore(page, 'enterprises'), fixture.enterprises);
    assert.deepEqual(await readStore(page, 'visits'), fixture.visits);
    // And it works on: the visit opens with its notes, and a change is written on its revision.
    await openVisit(page, 'Panadería La Espiga');
    assert.equal(await page.getByTestId('notas').inputValue(), 'Primera visita: vende en el mercado.');
    await page.getByTestId('notas').fill('Primera visita: vende en el mercado y por WhatsApp.');
    const [visit] = await eventually(async () => {
      const all = await readStore(page, 'visits');
      return revision(all[0]) === 4 && all;
    });
    assert.equal(visit.notes, 'Primera visita: vende en el mercado y por WhatsApp.');
  });
});
