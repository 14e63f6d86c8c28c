// Hand-off and privacy in the workspace (issue 6): export then import into a fresh browser
// gives the same workspace; an import where both sides changed a visit keeps both versions;
// the CSV of latest reports; KoboToolbox and ODK exports of Umbral's form imported as
// enterprises with one visit each, scored as `umbral batch` scores them, and not duplicated by
// a second import (issue 17); one profile from phone to phone by QR (a photo of the code); the
// reminder to export; deleting with confirmation. Run after `make build`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, CHROMIUM_ARGS, EXPORTS, koboExport, launchBrowser, PHONE, SAMPLE_PROFILE, serveDist, umbralBinary, watchProblems,
} from './helpers.mjs';
import {
  enterpriseRecord,
  eventually,
  openWorkspace,
  readStore,
  visitRecord,
  writeRaw,
} from './taller-support.mjs';

let browser;
let server;
const contexts = [];

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  while (contexts.length) await contexts.pop().close();
});

async function fresh() {
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await openWorkspace(page, server.url);
  return page;
}

const RURAL = { ...SAMPLE_PROFILE };
const TOWN = { ...SAMPLE_PROFILE, locality: 'urban', payments: { ...SAMPLE_PROFILE.payments, bank_account: true } };

/** A workspace of two enterprises and three visits, written as stored records. */
async function seed(page) {
  await writeRaw(page, {
    enterprises: [
      enterpriseRecord('e-lupita', 'Abarrotes Lupita', { locality: 'Tlaxcala', sector: 'food' }),
      enterpriseRecord('e-beto', 'Café Don Beto', { locality: 'Xalapa', created: '2026-01-05T00:00:00.000Z' }),
    ],
    visits: [
      visitRecord('v-lupita-1', 'e-lupita', RURAL, { notes: 'Primera visita' }),
      visitRecord('v-lupita-2', 'e-lupita', TOWN, { date: '2026-02-10', notes: 'Ya tiene cuenta' }),
      visitRecord('v-beto-1', 'e-beto', RURAL),
    ],
  });
  await page.reload();
  await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
}

/** Clicks `testId` and returns the downloaded file's name and text. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function importFile(page, name, text) {
  await page.getByTestId('nav-entregar').click();
  const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/json';
  await page.getByTestId('importar').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  const message = page.getByTestId('mensaje');
  await message.waitFor();
  return message.innerText();
}

const byId = (a, b) => a.id.localeCompare(b.id);

describe('hand-off', () => {
  test('export then import into a fresh browser gives the same workspace', async () => {
    const a = await fresh();
    await seed(a);
    assert.equal(await a.getByTestId('sin-exportar').innerText().then((t) => t.split('\n')[0]), 'Tiene 3 visitas sin exportar.');
    await a.getByTestId('nav-entregar').click();
    const file = await download(a, 'exportar-todo');
    assert.match(file.name, /^umbral-entrega-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(file.text);
    assert.equal(json.schema, 'umbral.handoff/3');
    assert.deepEqual(json.enterprises.map((e) => [e.name, e.visits.length]), [['Abarrotes Lupita', 2], ['Café Don Beto', 1]]);
    await a.getByTestId('nav-negocios').click();
    assert.equal(await a.getByTestId('sin-exportar').count(), 0, 'no reminder once everything is exported');

    const b = await fresh();
    const problems = watchProblems(b);
    assert.match(await importFile(b, file.name, file.text), /2 empresas nuevas, 3 visitas nuevas/);
    for (const store of ['enterprises', 'visits']) {
      assert.deepEqual((await readStore(b, store)).sort(byId), (await readStore(a, store)).sort(byId), store);
    }
    await b.getByTestId('nav-negocios').click();
    assert.deepEqual(await b.getByTestId('negocio').locator('.negocio__nombre').allInnerTexts(), ['Abarrotes Lupita', 'Café Don Beto']);
    // Importing the same file again changes nothing.
    assert.match(await importFile(b, file.name, file.text), /Nada nuevo/);
    assert.equal((await readStore(b, 'visits')).length, 3);
    assert.deepEqual(problems, []);
  });

  test('exporting the chosen enterprises only, and one from its screen', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('negocio').filter({ hasText: 'Café Don Beto' }).getByTestId('elegir').check();
    await a.getByTestId('nav-entregar').click();
    const chosen = JSON.parse((await download(a, 'exportar-elegidos')).text);
    assert.deepEqual(chosen.enterprises.map((e) => e.name), ['Café Don Beto']);
    await a.getByTestId('nav-negocios').click();
    assert.match(await a.getByTestId('sin-exportar').innerText(), /Tiene 2 visitas sin exportar/);
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    const one = JSON.parse((await download(a, 'exportar-uno')).text);
    assert.deepEqual(one.enterprises.map((e) => e.name), ['Abarrotes Lupita']);
  });

  test('an import where both sides changed a visit keeps both versions', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('nav-entregar').click();
    const file = JSON.parse((await download(a, 'exportar-todo')).text);
    // Elsewhere: another consultant changed the first visit's notes.
    const theirs = file.enterprises[0].visits.find((v) => v.id === 'v-lupita-1');
    theirs.notes = 'Cambiado en la otra tableta';
    theirs.edits = { 'otro-equipo': 2 };
    theirs.updated = '2026-03-01T00:00:00.000Z';
    // Here: the same visit changed too.
    await a.getByTestId('nav-negocios').click();
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    await a.getByTestId('abrir-visita').filter({ hasText: '2026-01-02' }).click();
    await a.getByTestId('notas').fill('Cambiado aquí');
    await eventually(async () => (await readStore(a, 'visits')).some((v) => v.notes === 'Cambiado aquí'));
    const summary = await importFile(a, 'otra.json', JSON.stringify(file));
    assert.match(summary, /1 conflicto: se guardaron las dos versiones/);
    const visits = await readStore(a, 'visits');
    assert.equal(visits.length, 4);
    const notes = visits.filter((v) => v.id === 'v-lupita-1' || v.conflict_of === 'v-lupita-1').map((v) => v.notes).sort();
    assert.deepEqual(notes, ['Cambiado aquí', 'Cambiado en la otra tableta']);
    await a.getByTestId('nav-negocios').click();
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    assert.equal(await a.getByTestId('abrir-visita').count(), 3, 'both versions listed');
    assert.match(await a.getByTestId('otra-version').innerText(), /se guardaron las dos/);
    // The user settles it, keeping the version listed as the other one. (Which version stays
    // under the id depends on content only, so that both devices make the same choice.)
    const copy = visits.find((v) => v.conflict_of === 'v-lupita-1');
    await a.getByTestId('quedarse-esta').click();
    await eventually(async () => (await readStore(a, 'visits')).length === 3);
    const settled = (await readStore(a, 'visits')).find((v) => v.id === 'v-lupita-1');
    assert.equal(settled.notes, copy.notes);
    await a.getByTestId('otra-version').waitFor({ state: 'detached' });
    assert.equal(await a.getByTestId('abrir-visita').count(), 2);
    // Importing the same file again brings nothing back: the settled visit follows both.
    assert.match(await importFile(a, 'otra.json', JSON.stringify(file)), /Nada nuevo/);
    assert.equal((await readStore(a, 'visits')).length, 3);
  });

  test('a file that is not a hand-off file is refused, naming where, and nothing changes', async () => {
    const a = await fresh();
    await seed(a);
    // The file as a whole is broken (no date of export): nothing is imported.
    const headless = { schema: 'umbral.handoff/2', app_version: '0.1.0', enterprises: [] };
    const refused = await importFile(a, 'roto.json', JSON.stringify(headless));
    assert.match(refused, /^El archivo tiene un error y no se importó nada\. Detalle: .*exported_at/);
    // One broken enterprise: it is left out and named, with where.
    const broken = { schema: 'umbral.handoff/1', exported_at: '2026-01-01T00:00:00Z', app_version: '0.1.0', enterprises: [{ id: 'x', name: '', country: 'ZZ', created: 'ayer', updated: 'hoy', visits: [] }] };
    const message = await importFile(a, 'roto.json', JSON.stringify(broken));
    assert.match(message, /Un negocio del archivo no se importó porque tiene errores: «x»: enterprises\[0\]\.(name|country|created)/);
    assert.equal((await readStore(a, 'enterprises')).length, 2);
    const profile = await importFile(a, 'perfil.json', JSON.stringify(SAMPLE_PROFILE));
    assert.match(profile, /Este archivo es una sola evaluación, no un archivo de traspaso/);
  });

  /** A hand-off file holding `enterprises` ({...enterpriseRecord, visits: [visitRecord…]}). */
  function handoffFile(enterprises) {
    const strip = ({ v, enterprise, ...rest }) => rest;
    return JSON.stringify({
      schema: 'umbral.handoff/3',
      exported_at: '2026-03-01T00:00:00Z',
      app_version: '0.1.0',
      enterprises: enterprises.map((e) => ({ ...strip(e), visits: e.visits.map(strip) })),
    });
  }

  test('a 200 MB file is refused before it is read, saying its size; nothing changes', async () => {
    const a = await fresh();
    await seed(a);
    // A file of 200 MB on disk (sparse: nothing is written), handed over by its path.
    const dir = await mkdtemp(join(tmpdir(), 'umbral-grande-'));
    const path = join(dir, 'enorme.json');
    await writeFile(path, '');
    await truncate(path, 200 * 1024 * 1024);
    try {
      await a.getByTestId('nav-entregar').click();
      await a.getByTestId('importar').setInputFiles(path);
      const message = a.getByTestId('mensaje');
      await message.waitFor();
      assert.match(await message.innerText(), /^El archivo pesa 200 MB; el máximo es 50 MB, así que no se leyó y no cambió nada\./);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal((await readStore(a, 'enterprises')).length, 2);
  });

  test('a large file (3,000 enterprises, 9,000 visits) is read, merged and written by the helper: the page keeps answering', async () => {
    const a = await fresh();
    await seed(a);
    const enterprises = [];
    for (let i = 0; i < 3000; i++) {
      const id = `e-${String(i).padStart(5, '0')}`;
      const visits = [0, 1, 2].map((n) =>
        visitRecord(`${id}-v${n}`, id, n === 2 ? TOWN : RURAL, { date: `2026-0${n + 1}-15`, notes: `Visita ${n + 1} a la cooperativa número ${i}` }));
      enterprises.push({ ...enterpriseRecord(id, `Cooperativa ${i}`, { locality: 'Cuetzalan' }), visits });
    }
    const text = handoffFile(enterprises);
    // A heartbeat every 10 ms; a gap is counted only while the import says it is working.
    await a.evaluate(() => {
      const state = { gaps: [], last: performance.now(), busyBefore: false, sawBusy: false };
      window.__heartbeat = state;
      const tick = () => {
        const now = performance.now();
        const busy = document.querySelector('[data-testid="importando"]') !== null;
        if (busy && state.busyBefore) state.gaps.push(now - state.last);
        state.sawBusy ||= busy;
        state.busyBefore = busy;
        state.last = now;
        state.timer = setTimeout(tick, 10);
      };
      tick();
    });
    const started = Date.now();
    await a.getByTestId('nav-entregar').click();
    await a.getByTestId('importar').setInputFiles({ name: 'cohorte.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const working = a.getByTestId('importando');
    await working.waitFor();
    assert.match(await working.innerText(), /^Leyendo el archivo… Puede seguir trabajando mientras tanto\.$/);
    // While it works the page answers, and a second file cannot be started.
    assert.equal(await a.getByTestId('importar').isDisabled(), true);
    await a.getByTestId('nav-negocios').click();
    await a.getByTestId('negocios').waitFor();
    await working.waitFor({ state: 'detached', timeout: 120_000 });
    const took = Date.now() - started;
    const { gaps, sawBusy } = await a.evaluate(() => {
      clearTimeout(window.__heartbeat.timer);
      return window.__heartbeat;
    });
    assert.ok(sawBusy && gaps.length > 0, 'the heartbeat ran while the file was read');
    const longest = Math.max(...gaps);
    console.log(`import of ${(text.length / 1e6).toFixed(1)} MB: ${took} ms, ${gaps.length} heartbeats while working, longest gap ${longest.toFixed(0)} ms`);
    assert.ok(longest < 250, `the page stopped for ${longest.toFixed(0)} ms while the file was read`);
    await eventually(async () => (await readStore(a, 'enterprises')).length === 3002, 60_000);
    assert.equal((await readStore(a, 'visits')).length, 9003);
    const message = a.getByTestId('mensaje');
    await message.waitFor();
    assert.match(await message.innerText(), /^Archivo recibido\. 3000 empresas nuevas, 9000 visitas nuevas\.$/);
    await a.getByTestId('nav-entregar').click();
    assert.equal(await a.getByTestId('importar').isDisabled(), false);
  });

  test('a 25,000-character note is kept to 20,000 with a message, and the export imports elsewhere', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('nav-negocios').click();
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    await a.getByTestId('abrir-visita').filter({ hasText: '2026-01-02' }).click();
    await a.getByTestId('notas').fill('ñ'.repeat(25_000));
    assert.match(await a.getByTestId('mensaje').innerText(), /Las notas llegan hasta 20 000 letras/);
    assert.equal((await a.getByTestId('notas').inputValue()).length, 20_000, 'the box shows what is kept');
    await eventually(async () =>
      (await readStore(a, 'visits')).some((v) => v.id === 'v-lupita-1' && [...v.notes].length === 20_000),
    );
    await a.getByTestId('nav-entregar').click();
    const file = await download(a, 'exportar-todo');
    const b = await fresh();
    assert.match(await importFile(b, file.name, file.text), /2 empresas nuevas, 3 visitas nuevas/);
    const notes = (await readStore(b, 'visits')).find((v) => v.id === 'v-lupita-1').notes;
    assert.equal([...notes].length, 20_000);
  });

  test('an import leaves a visit another tab saved meanwhile as that tab saved it', async () => {
    const a = await fresh();
    await seed(a);
    // Another tab saves the first visit; its notice has not reached this tab yet.
    const stored = (await readStore(a, 'visits')).find((v) => v.id === 'v-lupita-1');
    const saved = { ...stored, notes: 'Guardado en la otra pestaña', edits: { ...stored.edits, 'otra-pestana': 1 } };
    await writeRaw(a, { visits: [saved] });
    const rosa = { ...enterpriseRecord('e-rosa', 'Miel Doña Rosa'), visits: [visitRecord('v-rosa-1', 'e-rosa', RURAL)] };
    assert.match(await importFile(a, 'rosa.json', handoffFile([rosa])), /1 empresa nueva, 1 visita nueva/);
    const visits = await readStore(a, 'visits');
    assert.deepEqual(visits.find((v) => v.id === 'v-lupita-1'), saved, 'the other tab\'s save stays');
    assert.ok(visits.some((v) => v.id === 'v-rosa-1'), 'the import is written');
    // An import that touches that visit merges with the stored one, not this tab's copy.
    const lupita = { ...enterpriseRecord('e-lupita', 'Abarrotes Lupita', { locality: 'Tlaxcala', sector: 'food' }) };
    lupita.visits = [{ ...stored, notes: 'Desde el archivo', edits: { ...stored.edits, 'archivo': 1 } }];
    assert.match(await importFile(a, 'lupita.json', handoffFile([lupita])), /1 conflicto/);
    const notes = (await readStore(a, 'visits'))
      .filter((v) => v.id === 'v-lupita-1' || v.conflict_of === 'v-lupita-1')
      .map((v) => v.notes)
      .sort();
    assert.deepEqual(notes, ['Desde el archivo', 'Guardado en la otra pestaña']);
  });

  test('a draft whose label is only spaces becomes an enterprise with a name that exports and imports', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', acceptDownloads: true });
    contexts.push(context);
    await context.addInitScript((draft) => {
      if (!localStorage.getItem('umbral.draft/1')) localStorage.setItem('umbral.draft/1', draft);
    }, JSON.stringify({ country: 'MX', locale: 'es', screen: 'results', profile: { ...SAMPLE_PROFILE, label: '   ' } }));
    const a = await context.newPage();
    await openWorkspace(a, server.url);
    await eventually(async () => (await readStore(a, 'enterprises')).length === 1, 10_000);
    const [enterprise] = await readStore(a, 'enterprises');
    assert.equal(enterprise.name, 'Mi negocio (del cuestionario)');
    await a.getByTestId('nav-entregar').click();
    const file = await download(a, 'exportar-todo');
    const b = await fresh();
    assert.match(await importFile(b, file.name, file.text), /1 empresa nueva, 1 visita nueva/);
  });

  test('the CSV holds the latest report of each enterprise', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('preparacion-negocio').first().waitFor();
    await a.getByTestId('nav-entregar').click();
    const csv = await download(a, 'csv');
    assert.match(csv.name, /^umbral-informes-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    const header = lines[0].split(',');
    assert.deepEqual(header.slice(0, 3), ['enterprise_id', 'name', 'country']);
    const row = Object.fromEntries(lines.slice(1).map((line) => line.split(',')).map((cells) => [cells[0], cells]));
    assert.equal(row['e-lupita'][header.indexOf('latest_visit_id')], 'v-lupita-2');
    assert.match(row['e-lupita'][header.indexOf('readiness')], /^\d+$/);
  });
});

describe('KoboToolbox and ODK exports', () => {
  const kobo = () => readFileSync(join(EXPORTS, 'kobo-mx.csv'), 'utf8');

  /** A CSV text's rows as objects by header (quoted cells allowed). */
  function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; }
      else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
      else cell += c;
    }
    if (cell || row.length) { row.push(cell); rows.push(row); }
    const [header, ...body] = rows;
    return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  }

  test('an export becomes enterprises with one visit each, dated by the submission, scored as umbral batch scores it; a second import adds nothing', async () => {
    const a = await fresh();
    const problems = watchProblems(a);
    assert.match(await importFile(a, 'kobo-mx.csv', kobo()), /^Archivo recibido\. 16 empresas nuevas, 16 visitas nuevas\.$/);
    const enterprises = await readStore(a, 'enterprises');
    const visits = await readStore(a, 'visits');
    assert.equal(enterprises.length, 16);
    assert.deepEqual(enterprises.map((e) => e.name).sort(), Array.from({ length: 16 }, (_, i) => `Kobo ${1000 + i}`).sort());
    for (const e of enterprises) {
      assert.match(e.id, /^kobo-00000000-0000-4000-8000-0000000000\d\d$/);
      assert.deepEqual([e.country, e.created, e.edits], ['MX', '2026-12-02T15:04:05Z', { umbral_mx: 1 }]);
      const [visit] = visits.filter((v) => v.enterprise === e.id);
      assert.deepEqual([visit.id, visit.date, visit.profile.label], [e.id, '2026-12-02', e.name.slice(5)]);
    }
    assert.equal(visits.length, 16);
    // The same file again, and the same rows in another order: nothing new.
    assert.match(await importFile(a, 'kobo-mx.csv', kobo()), /Nada nuevo/);
    const [header, ...rows] = kobo().trimEnd().split('\r\n');
    assert.match(await importFile(a, 'otra-vez.csv', [header, ...rows.reverse()].join('\r\n')), /Nada nuevo/);
    assert.equal((await readStore(a, 'enterprises')).length, 16);
    assert.equal((await readStore(a, 'visits')).length, 16);
    // The workspace's table of latest reports says what umbral batch says of the same file.
    const batch = spawnSync(umbralBinary(), ['batch', '--output', 'csv', join(EXPORTS, 'kobo-mx.csv')], { encoding: 'utf8' });
    assert.equal(batch.status, 0, batch.stderr);
    const expected = parseCsv(batch.stdout);
    await a.getByTestId('nav-negocios').click();
    await a.getByTestId('preparacion-negocio').first().waitFor();
    await a.getByTestId('nav-entregar').click();
    const table = parseCsv((await download(a, 'csv')).text.replace(/^\uFEFF/, ''));
    assert.equal(table.length, 16);
    for (const row of table) {
      const cli = expected.find((r) => `Kobo ${r.label}` === row.name);
      assert.ok(cli, row.name);
      assert.deepEqual([row.readiness, row.stage, row.latest_visit_date], [cli.readiness, cli.stage, '2026-12-02'], row.name);
    }
    assert.deepEqual(problems, []);
  });

  test("rows that do not map are named by line and column, the others imported; the corrected file brings the rest", async () => {
    const a = await fresh();
    const lines = kobo().split('\r\n');
    const columns = lines[0].split(';');
    const set = (line, column, value) => {
      const cells = lines[line - 1].split(';');
      cells[columns.indexOf(column)] = value;
      lines[line - 1] = cells.join(';');
    };
    set(3, 'connectivity/internet', 'wifi');
    set(8, '_submission_time', 'ayer');
    lines[5] = lines[5].split(';').slice(0, 10).join(';');
    const message = await importFile(a, 'kobo-con-errores.csv', lines.join('\r\n'));
    assert.match(message, /^Archivo recibido\. 13 empresas nuevas, 13 visitas nuevas\. 3 filas del archivo no se importaron porque tienen errores: /);
    assert.match(message, /línea 3: columna 'connectivity\/internet': 'wifi' no es una de las respuestas de esta pregunta; puede ser none, intermittent, mobile_data, broadband, dont_know; /);
    assert.match(message, /línea 6: no se puede leer este registro del CSV: /);
    assert.match(message, /línea 8: columna '_submission_time': 'ayer' no es una fecha con hora \(como 2026-12-02T15:04:05\)$/);
    assert.equal((await readStore(a, 'enterprises')).length, 13);
    assert.match(await importFile(a, 'kobo-mx.csv', kobo()), /^Archivo recibido\. 3 empresas nuevas, 3 visitas nuevas\.$/);
    assert.equal((await readStore(a, 'visits')).length, 16);
  });

  test("Kobo's JSON of a programme's form, with a name column; an export whose questionnaire cannot be told is refused whole", async () => {
    const a = await fresh();
    const problems = watchProblems(a);
    const json = JSON.parse(readFileSync(join(EXPORTS, 'kobo-example-programme.json'), 'utf8'));
    json.results[0].label = 'Tejidos Ana';
    assert.match(await importFile(a, 'programa.json', JSON.stringify(json)), /^Archivo recibido\. 2 empresas nuevas, 2 visitas nuevas\.$/);
    const names = (await readStore(a, 'enterprises')).map((e) => e.name).sort();
    assert.deepEqual(names, ['Kobo 2001', 'Tejidos Ana']);
    const visits = await readStore(a, 'visits');
    assert.ok(visits.some((v) => v.profile.extra && Object.keys(v.profile.extra).length > 0), 'the programme\'s own answers are kept');
    // No country and no form id: which questions it holds cannot be told.
    const [header, first] = kobo().split('\r\n');
    const at = header.split(';').indexOf('country');
    const drop = (line) => line.split(';').filter((_, i) => i !== at).join(';');
    const refused = await importFile(a, 'sin-pais.csv', `${drop(header)}\r\n${drop(first)}\r\n`);
    assert.match(refused, /^Este archivo parece una exportación de KoboToolbox u ODK, pero no se pudo leer, así que no cambió nada: no se sabe de qué cuestionario de Umbral es/);
    assert.equal((await readStore(a, 'enterprises')).length, 2);
    assert.deepEqual(problems, []);
  });

  test('an export of 3,000 rows is read, merged and written by the helper', async () => {
    const a = await fresh();
    const text = koboExport(3000);
    const started = Date.now();
    await a.getByTestId('nav-entregar').click();
    await a.getByTestId('importar').setInputFiles({ name: 'kobo-3000.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const message = a.getByTestId('mensaje');
    await message.waitFor({ timeout: 120_000 });
    const took = Date.now() - started;
    assert.match(await message.innerText(), /^Archivo recibido\. 3000 empresas nuevas, 3000 visitas nuevas\.$/);
    console.log(`workspace import of an export of 3,000 rows (${(text.length / 1e6).toFixed(1)} MB): ${took} ms from choosing the file to the message`);
    await eventually(async () => (await readStore(a, 'enterprises')).length === 3000, 30_000);
    const again = Date.now();
    assert.match(await importFile(a, 'kobo-3000.csv', text), /Nada nuevo/);
    console.log(`the same export again: ${Date.now() - again} ms, nothing new`);
  });
});

describe('QR transfer', () => {
  test('one profile from phone to phone: the code shown on one is read from a photo on the other', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    await a.getByTestId('abrir-visita').filter({ hasText: '2026-02-10' }).click();
    await a.getByTestId('resultados').waitFor();
    await a.getByTestId('pasar-qr').locator('summary').click();
    const photo = await a.getByTestId('qr').screenshot();

    const b = await fresh();
    const problems = watchProblems(b);
    await b.getByTestId('recibir-qr').click();
    await b.getByTestId('foto-qr').setInputFiles({ name: 'codigo.png', mimeType: 'image/png', buffer: photo });
    await b.getByTestId('formulario-negocio').waitFor({ timeout: 15_000 });
    assert.match(await b.getByTestId('mensaje').innerText(), /Perfil recibido/);
    await b.getByTestId('negocio-nombre').fill('Abarrotes Lupita');
    await b.getByTestId('guardar-negocio').click();
    await b.getByTestId('negocio-detalle').waitFor();
    const [visit] = await readStore(b, 'visits');
    assert.deepEqual(visit.profile, TOWN, 'the same answers arrived');
    const [enterprise] = await readStore(b, 'enterprises');
    assert.equal(enterprise.name, 'Abarrotes Lupita');
    assert.deepEqual(problems, []);
  });

  test('with BarcodeDetector, the camera reads the code', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Café' }).click();
    await a.getByTestId('abrir-visita').click();
    await a.getByTestId('pasar-qr').locator('summary').click();
    const link = await a.getByTestId('enlace-compartir').inputValue();
    // Chromium on Linux has no BarcodeDetector: a stand-in that "sees" the link in the third
    // frame it is given, and a fake camera (Chromium's test device, permission granted).
    const camera = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    try {
      const context = await camera.newContext({ viewport: PHONE, locale: 'es-MX', permissions: ['camera'] });
      await context.addInitScript((raw) => {
        const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async (constraints) => (window.cameraStream = await getUserMedia(constraints));
        window.BarcodeDetector = class {
          constructor(options) {
            this.calls = 0;
            if (!options.formats.includes('qr_code')) throw new Error('asked for no QR codes');
          }
          async detect(source) {
            if (!(source instanceof HTMLVideoElement) || !source.srcObject) throw new Error('no camera stream');
            this.calls += 1;
            return this.calls < 3 ? [] : [{ rawValue: raw, format: 'qr_code' }];
          }
        };
      }, link);
      const b = await context.newPage();
      await openWorkspace(b, server.url);
      await b.getByTestId('recibir-qr').click();
      await b.getByTestId('usar-camara').click();
      await b.getByTestId('formulario-negocio').waitFor({ timeout: 15_000 });
      const [visit] = await readStore(b, 'visits');
      assert.deepEqual(visit.profile, RURAL);
      const tracks = await b.evaluate(() => window.cameraStream.getTracks().map((track) => track.readyState));
      assert.deepEqual(tracks, ['ended'], 'the camera is released');
    } finally {
      await camera.close();
    }
  });

  test('a photo without a code says so, and loads nothing', async () => {
    const b = await fresh();
    await b.getByTestId('recibir-qr').click();
    const blank = await b.getByTestId('vista').screenshot();
    await b.getByTestId('foto-qr').setInputFiles({ name: 'nada.png', mimeType: 'image/png', buffer: blank });
    await b.getByTestId('qr-error').waitFor({ timeout: 15_000 });
    assert.match(await b.getByTestId('qr-error').innerText(), /No se encontró un código QR/);
    assert.equal((await readStore(b, 'enterprises')).length, 0);
  });

  test('adversarial photos: noise, a PNG that claims 100,000 × 100,000 pixels, not an image; the page goes on', async () => {
    const b = await fresh();
    const problems = watchProblems(b);
    // Each photo on a fresh "receive" screen, so each message is that photo's.
    const pick = async (name, mimeType, buffer) => {
      await b.getByTestId('nav-negocios').click();
      await b.getByTestId('recibir-qr').click();
      await b.getByTestId('foto-qr').setInputFiles({ name, mimeType, buffer });
      await b.getByTestId('qr-error').waitFor({ timeout: 20_000 });
      return b.getByTestId('qr-error').innerText();
    };
    // A decompression bomb: a few hundred bytes whose header claims ten gigapixels.
    const crc = (bytes) => {
      let c = ~0;
      for (const byte of bytes) {
        c ^= byte;
        for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
      return ~c >>> 0;
    };
    const chunk = (type, data) => {
      const body = Buffer.concat([Buffer.from(type), data]);
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc(body), 8 + data.length);
      return out;
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(100_000, 0);
    header.writeUInt32BE(100_000, 4);
    header[8] = 8;
    const { deflateSync } = await import('node:zlib');
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(1 << 16))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    assert.match(await pick('bomba.png', 'image/png', bomb), /La foto es demasiado grande \(100000 × 100000 píxeles; el máximo es 50 megapíxeles\)/);
    assert.match(await pick('nota.pdf', 'application/pdf', Buffer.from('%PDF-1.7 nada')), /no es una foto que se pueda leer/);
    // Noise: a real photo of nothing, decoded in the worker.
    const noise = await b.evaluate(async () => {
      const canvas = new OffscreenCanvas(800, 600);
      const context = canvas.getContext('2d');
      const image = context.createImageData(800, 600);
      let seed = 12345;
      for (let i = 0; i < image.data.length; i += 1) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        image.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
      }
      context.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    assert.match(await pick('ruido.png', 'image/png', Buffer.from(noise)), /No se encontró un código QR/);
    // Nothing was stored, and the page still works.
    assert.equal((await readStore(b, 'enterprises')).length, 0);
    await b.getByTestId('nav-negocios').click();
    await b.getByTestId('agregar').waitFor();
    assert.deepEqual(problems, []);
  });
});

describe('your data', () => {
  test('deleting one enterprise, then everything, each only after confirming', async () => {
    const a = await fresh();
    await seed(a);
    await a.getByTestId('abrir-negocio').filter({ hasText: 'Café' }).click();
    await a.getByTestId('borrar-negocio').click();
    assert.match(await a.getByTestId('confirmar').innerText(), /¿Borrar este negocio y todas sus visitas/);
    await a.getByTestId('no-borrar').click();
    assert.equal((await readStore(a, 'enterprises')).length, 2, 'cancel deletes nothing');
    await a.getByTestId('borrar-negocio').click();
    await a.getByTestId('si-borrar').click();
    await a.getByTestId('lista').waitFor();
    assert.deepEqual((await readStore(a, 'enterprises')).map((e) => e.id), ['e-lupita']);
    assert.deepEqual((await readStore(a, 'visits')).map((v) => v.id).sort(), ['v-lupita-1', 'v-lupita-2']);

    await a.getByTestId('nav-datos').click();
    const text = await a.getByTestId('sus-datos').innerText();
    assert.match(text, /Nada sale del dispositivo salvo cuando usted exporta/);
    assert.match(text, /solo en este navegador/);
    await a.getByTestId('borrar-todo').click();
    assert.match(await a.getByTestId('confirmar').innerText(), /¿Borrar todos los negocios y visitas/);
    await a.getByTestId('si-borrar').click();
    await a.getByTestId('vacio').waitFor();
    assert.equal((await readStore(a, 'enterprises')).length, 0);
    assert.equal((await readStore(a, 'visits')).length, 0);
    await a.reload();
    await a.getByTestId('vacio').waitFor({ timeout: 20_000 });
  });
});
