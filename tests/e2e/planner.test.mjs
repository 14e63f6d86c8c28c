// The planner's page (/planner/) against `umbral batch --summary`: a generated file of 10,000
// profiles imported in the browser gives a CSV byte-equal to the command line's, with and
// without filters and a requirement; so do KoboToolbox and ODK Central exports of Umbral's form
// (tests/fixtures/kobo/, the packs' examples as tests/xlsform.rs writes them, and 10,000 rows
// made from them); bad lines are reported by file and line (an export's by column too);
// axe-core finds nothing at 360 px, and the page fits 320 px. Run after a release build that
// includes the planner page (`make build`); it builds the command line with cargo itself.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, EXPORTS, koboExport, launchBrowser, PHONE, serveDist, umbralBinary, watchProblems } from './helpers.mjs';
import { DIST, REPO_ROOT } from './server.mjs';
import { generateCohort } from '../planner/cohort.mjs';
import { generateProfiles } from '../planner/generate.mjs';

let browser;
let server;
let work;
let umbral;
let profiles;

// The Makefile builds the pages listed in PAGES. Until `planner` is among them (the page loop
// comes with the workspace page), a plain `make test` has no dist/planner/ and these tests are
// skipped, saying so; once it is listed, a missing build is a failure.
const PAGES = /^PAGES\s*:?=(.*)$/m.exec(readFileSync(join(REPO_ROOT, 'Makefile'), 'utf8'))?.[1] ?? '';
const BUILT = existsSync(join(DIST, 'planner', 'index.html'));
const SKIP = !BUILT && !PAGES.split(/\s+/).includes('planner')
  ? 'dist/planner/ not built and `planner` not yet in the Makefile\'s PAGES: build it by hand (README.md)'
  : false;

before(async () => {
  if (SKIP) return;
  if (!BUILT) {
    throw new Error('dist/planner/index.html missing: build the pages first (`make build`)');
  }
  umbral = umbralBinary();
  work = mkdtempSync(join(tmpdir(), 'umbral-planner-'));
  profiles = join(work, 'perfiles.jsonl');
  writeFileSync(profiles, generateProfiles(10_000, 7));
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `umbral batch --summary --summary-format csv` on `files`, with `args`; stdout and code. */
function cliSummary(file, args = []) {
  const run = spawnSync(umbral, ['batch', '--summary', '--summary-format', 'csv', ...args, file], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { csv: run.stdout, code: run.status, stderr: run.stderr };
}

async function openPlanner(viewport = PHONE) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'es-MX' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL('planner/', server.url).href, { waitUntil: 'load' });
  await page.getByTestId('archivos').waitFor({ state: 'attached', timeout: 15_000 });
  return { context, page, problems };
}

/** Chooses files and waits until every one of them is listed. */
async function importFiles(page, files) {
  const before = await page.getByTestId('archivo').count();
  await page.getByTestId('archivos').setInputFiles(files);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="archivo"]').length === n,
    before + files.length,
    { timeout: 30_000 },
  );
}

async function downloadCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('descargar').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'umbral-resumen.csv');
  return readFileSync(await download.path(), 'utf8');
}

describe('planner page', { skip: SKIP }, () => {
  test('10,000 profiles: the downloaded CSV is byte-equal to umbral batch --summary', async () => {
    const cli = cliSummary(profiles);
    assert.equal(cli.code, 0, cli.stderr);
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [profiles]);
    await assert.doesNotReject(
      page.getByTestId('conteo').filter({ hasText: '10000 de 10000' }).waitFor({ timeout: 5_000 }),
    );
    const csv = await downloadCsv(page);
    assert.equal(csv, cli.csv);
    assert.match(csv, /^section,condition,scope,group,group_label,key,label,count,base,percent,average\n/);
    // The figures on the page are those of the CSV.
    const readiness = csv.split('\n').find((l) => l.startsWith('readiness,')).split(',').at(-1);
    assert.equal(await page.getByTestId('preparacion').textContent(), readiness);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('while a 100,000-line file is still being read, nothing partial is shown or downloadable', async () => {
    const big = join(work, 'grande.jsonl');
    writeFileSync(big, generateProfiles(100_000, 11));
    const { context, page, problems } = await openPlanner();
    await page.getByTestId('archivos').setInputFiles([big]);
    // Reading, with some profiles read already.
    await page.getByTestId('estado').filter({ hasText: /Leyendo grande\.jsonl: [1-9]\d* perfiles/ }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('descargar').count(), 0, 'no download while reading');
    assert.equal(await page.getByTestId('resumen').count(), 0, 'no figures while reading');
    await page.getByTestId('conteo').filter({ hasText: '100000 de 100000' }).waitFor({ timeout: 180_000 });
    const csv = await downloadCsv(page);
    assert.match(csv, /^enterprises,,all,,,total,,100000,100000,/m, 'the whole file is counted');
    assert.deepEqual(problems, []);
    await context.close();
    rmSync(big);
  });

  test('a filter and a requirement give the same figures as the command line', async () => {
    const cli = cliSummary(profiles, [
      '--region', 'MX-OAX', '--locality', 'rural',
      '--require', 'connectivity.internet >= mobile_data',
      '--require', 'payments.bank_account',
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [profiles]);
    await page.getByTestId('filtro-region').selectOption('MX-OAX');
    await page.getByTestId('filtro-localidad').selectOption('rural');
    // The builder's options carry the field path and the level value; their words are the pack's.
    const field = page.getByTestId('escenario-dato');
    await field.selectOption('connectivity.internet');
    await page.getByTestId('escenario-minimo').selectOption('mobile_data');
    await page.getByTestId('escenario-calcular').click();
    await field.selectOption('payments.bank_account');
    await page.getByTestId('escenario-calcular').click();
    const scenarios = page.getByTestId('escenario');
    await scenarios.nth(1).waitFor();
    assert.match(await scenarios.nth(0).textContent(), /connectivity\.internet >= mobile_data/);
    assert.match(await scenarios.nth(0).textContent(), /quedarían fuera/);
    const csv = await downloadCsv(page);
    assert.equal(csv, cli.csv);
    const excluded = csv.split('\n').find((l) => l.startsWith('scenario,connectivity.internet >= mobile_data,all,,,excluded,'));
    const [count, , percent] = excluded.split(',').slice(7, 10);
    assert.match(await scenarios.nth(0).textContent(), new RegExp(`^${count} empresas \\(${percent.replace('.', '\\.')} %\\) quedarían fuera`));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('¿Y si el programa diera…?: ticking what a programme could supply gives the command line\'s figures', async () => {
    const cli = cliSummary(profiles, ['--supply', 'celular-usado,cfe-plan-datos']);
    assert.equal(cli.code, 0, cli.stderr);
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [profiles]);
    await page.getByTestId('conteo').filter({ hasText: '10000 de 10000' }).waitFor({ timeout: 30_000 });
    const result = page.getByTestId('dar-resultado');
    assert.match(await result.textContent(), /Marque algo de la lista/);
    // The list is closed until opened, so a keyboard need not cross it.
    await page.getByTestId('dar-lista').locator('summary').click();
    // Ticked in the other order: the page lists them as the command line does.
    const timed = async (id) => {
      const before = await result.textContent();
      const start = Date.now();
      await page.getByTestId(`dar-${id}`).check();
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="dar-resultado"]').textContent !== text,
        before,
      );
      return Date.now() - start;
    };
    const times = [await timed('cfe-plan-datos'), await timed('celular-usado')];
    console.log(`# supply scenario over 10,000 enterprises, tick to figures: ${times.join(' ms, ')} ms`);
    const text = await result.textContent();
    assert.match(text, /Comprar un celular inteligente usado: lo necesitan \d+/);
    assert.match(text, /subirían de escalón/);
    assert.match(text, /Costo: \$[\d,]+ MXN de una vez/);
    const csv = await downloadCsv(page);
    assert.equal(csv, cli.csv);
    assert.match(csv, /^supply,celular-usado cfe-plan-datos,all,,,moved,/m);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad lines are reported with file name and line, and the rest are counted', async () => {
    const good = readFileSync(profiles, 'utf8').split('\n').slice(0, 3);
    const jsonl = join(work, 'con-errores.jsonl');
    writeFileSync(
      jsonl,
      [good[0], 'esto no es JSON', good[1], '{"schema":"umbral.profile/1","country":"MX","locality":"city"}', good[2]].join('\n') + '\n',
    );
    const csvFile = join(work, 'con-errores.csv');
    writeFileSync(
      csvFile,
      'country,region,locality,connectivity.internet,payments.bank_account\n' +
        'MX,MX-OAX,rural,none,no\n' +
        'MX,MX-OAX,rural,mobile_data,quizá\n' +
        'MX,MX-PUE,urban\n' +
        'MX,MX-PUE,urban,broadband,sí\n',
    );
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [jsonl, csvFile]);
    const files = page.getByTestId('archivo');
    const first = await files.nth(0).textContent();
    assert.match(first, /con-errores\.jsonl: 3 negocios leídos/);
    assert.match(first, /2 líneas con problemas/);
    // In the page's language; the command line keeps its English (below).
    assert.match(first, /Línea 2: no es JSON válido/);
    assert.match(first, /Línea 4: valor desconocido 'city'/);
    const second = await files.nth(1).textContent();
    assert.match(second, /con-errores\.csv: 2 negocios leídos/);
    assert.match(second, /Línea 3: se esperaba true o false \(sí o no\) y hay 'quizá' en \$\.payments\.bank_account/);
    assert.match(second, /Línea 4: no se puede leer este registro del CSV/);
    await page.getByTestId('conteo').filter({ hasText: '5 de 5' }).waitFor();
    // Files dropped on the import section are read the same way as chosen ones.
    await page.evaluate((line) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([`${line}\n`], 'soltado.jsonl', { type: 'application/jsonl' }));
      const zone = document.querySelector('[data-testid="importar"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, good[0]);
    await page.getByTestId('conteo').filter({ hasText: '6 de 6' }).waitFor();
    assert.match(await files.nth(2).textContent(), /soltado\.jsonl: 1 negocio leído/);
    // The command line reads each file the same way and reports the same lines.
    for (const [file, lines] of [[jsonl, [2, 4]], [csvFile, [3, 4]]]) {
      const cli = cliSummary(file);
      assert.equal(cli.code, 1);
      for (const line of lines) assert.match(cli.stderr, new RegExp(`line ${line}: `));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a file over 256 MB is named with its size and not read; the others chosen with it count', async () => {
    // 300 MB on disk, sparse (nothing is written), handed over by its path.
    const huge = join(work, 'enorme.jsonl');
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 1024 * 1024);
    const small = join(work, 'pocos.jsonl');
    writeFileSync(small, readFileSync(profiles, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const { context, page, problems } = await openPlanner();
    try {
      await importFiles(page, [huge, small]);
      const files = page.getByTestId('archivo');
      const first = await files.nth(0).textContent();
      assert.match(first, /enorme\.jsonl/);
      assert.match(first, /El archivo pesa 300 MB; el máximo es 256 MB\. Divídalo en partes y elíjalas juntas\./);
      assert.match(await files.nth(1).textContent(), /pocos\.jsonl: 2 negocios leídos/);
      await page.getByTestId('conteo').filter({ hasText: '2 de 2' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      rmSync(huge, { force: true });
      await context.close();
    }
  });

  test('a hand-off file counts each enterprise by its latest visit, as umbral batch does', async () => {
    const fixture = join(REPO_ROOT, 'tests', 'fixtures', 'handoff', 'v1-sample.json');
    const handoff = JSON.parse(readFileSync(fixture, 'utf8'));
    // The command line reads the same hand-off file (tests/summary.rs checks that it counts
    // the latest visits, as the same profiles in JSON Lines would be).
    const cli = cliSummary(fixture);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.csv, /^enterprises,/m);
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [fixture]);
    assert.match(await page.getByTestId('archivo').first().textContent(), /v1-sample\.json: 3 negocios leídos/);
    await page.getByTestId('conteo').filter({ hasText: '3 de 3' }).waitFor();
    assert.equal(await downloadCsv(page), cli.csv);
    // A hand-off file that is not valid is refused whole, with every problem named.
    const broken = join(work, 'roto.json');
    writeFileSync(broken, JSON.stringify({ ...handoff, enterprises: [{ ...handoff.enterprises[0], country: 'AR', visits: 'no' }] }));
    await importFiles(page, [broken]);
    const second = await page.getByTestId('archivo').nth(1).textContent();
    assert.match(second, /roto\.json: 0 negocios leídos/);
    assert.match(second, /enterprises\[0\]\.country: /);
    assert.match(second, /enterprises\[0\]\.visits: /);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a country whose questions cannot be loaded (offline) is named in plain words; the rest count', async () => {
    // No service worker, whose own fetches the page's routes would not see.
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', serviceWorkers: 'block' });
    await context.route(/packs\/cl\.(json|txt)$/, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(new URL('planner/', server.url).href, { waitUntil: 'load' });
    await page.getByTestId('archivos').waitFor({ state: 'attached', timeout: 15_000 });
    const file = join(work, 'dos-paises.jsonl');
    writeFileSync(
      file,
      '{"schema":"umbral.profile/1","country":"MX","locality":"rural"}\n{"schema":"umbral.profile/1","country":"CL","locality":"urban"}\n',
    );
    await importFiles(page, [file]);
    const text = await page.getByTestId('archivo').first().textContent();
    assert.match(text, /dos-paises\.jsonl: 1 negocio leído/);
    assert.match(text, /Línea 2: no se pudieron cargar las preguntas de CL \(¿sin conexión\?\)/);
    await context.close();
  });

  test('KoboToolbox and ODK Central exports give the figures and CSV of umbral batch --summary', async () => {
    for (const [name, count] of [['kobo-mx.csv', 16], ['odk-central-cl.csv', 10], ['kobo-example-programme.json', 2]]) {
      const file = join(EXPORTS, name);
      const cli = cliSummary(file);
      assert.equal(cli.code, 0, cli.stderr);
      const { context, page, problems } = await openPlanner();
      await importFiles(page, [file]);
      const listed = await page.getByTestId('archivo').first().textContent();
      assert.match(listed, new RegExp(`${name.replace('.', '\\.')}: ${count} negocios leídos$`), listed);
      await page.getByTestId('conteo').filter({ hasText: `${count} de ${count}` }).waitFor();
      const csv = await downloadCsv(page);
      assert.equal(csv, cli.csv, name);
      const readiness = csv.split('\n').find((l) => l.startsWith('readiness,')).split(',').at(-1);
      assert.equal(await page.getByTestId('preparacion').textContent(), readiness, name);
      assert.deepEqual(problems, [], name);
      await context.close();
    }
  });

  test('an export of 10,000 rows: the same CSV as umbral batch, and how long it takes', async () => {
    const file = join(work, 'kobo-10000.csv');
    writeFileSync(file, koboExport(10_000));
    const started = Date.now();
    const cli = cliSummary(file);
    const cliMs = Date.now() - started;
    assert.equal(cli.code, 0, cli.stderr);
    const { context, page, problems } = await openPlanner();
    const chosen = Date.now();
    await page.getByTestId('archivos').setInputFiles([file]);
    await page.getByTestId('conteo').filter({ hasText: '10000 de 10000' }).waitFor({ timeout: 120_000 });
    const pageMs = Date.now() - chosen;
    console.log(`export of 10,000 rows (${(readFileSync(file).length / 1e6).toFixed(1)} MB): planner ${pageMs} ms from choosing the file to the figures; umbral batch --summary (debug build) ${cliMs} ms`);
    assert.equal(await downloadCsv(page), cli.csv);
    assert.deepEqual(problems, []);
    await context.close();
    rmSync(file);
  });

  test('a cohort of 10,000 enterprises with three visits each: before and after as umbral batch gives them, and how long', async () => {
    const file = join(work, 'cohorte-10000.json');
    writeFileSync(file, generateCohort(10_000, 11));
    const cli = cliSummary(file);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.csv, /^before_after,,all,,,followed,,10000,10000,100\.0,$/m);
    const { context, page, problems } = await openPlanner({ width: 1280, height: 900 });
    const chosen = Date.now();
    await page.getByTestId('archivos').setInputFiles([file]);
    await page.getByTestId('antes-despues').waitFor({ timeout: 120_000 });
    const pageMs = Date.now() - chosen;
    console.log(`# cohort of 10,000 enterprises x 3 visits (${(readFileSync(file).length / 1e6).toFixed(1)} MB hand-off file): planner ${pageMs} ms from choosing the file to the before and after`);
    assert.equal(await downloadCsv(page), cli.csv);
    // A supply scenario over the cohort, recomputed from the kept assessments.
    await page.getByTestId('dar-lista').locator('summary').click();
    const ticked = Date.now();
    const result = await page.getByTestId('dar-resultado').textContent();
    await page.getByTestId('dar-celular-usado').check();
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="dar-resultado"]').textContent !== text,
      result,
    );
    console.log(`# the same cohort, a supply scenario from tick to figures: ${Date.now() - ticked} ms`);
    assert.deepEqual(problems, []);
    await context.close();
    rmSync(file);
  });

  test("an export's rows that do not map are named by line and column, as umbral batch names them", async () => {
    const lines = readFileSync(join(EXPORTS, 'kobo-mx.csv'), 'utf8').split('\r\n');
    const columns = lines[0].split(';');
    const set = (line, column, value) => {
      const cells = lines[line - 1].split(';');
      cells[columns.indexOf(column)] = value;
      lines[line - 1] = cells.join(';');
    };
    set(3, 'connectivity/internet', 'wifi');
    set(5, 'owner/age', '200');
    lines[5] = lines[5].split(';').slice(0, 10).join(';');
    const bad = join(work, 'kobo-con-errores.csv');
    writeFileSync(bad, lines.join('\r\n'));
    const header = join(work, 'kobo-columna.csv');
    writeFileSync(header, lines[0].replace('connectivity/internet', 'internet_wifi') + '\r\n' + lines[1] + '\r\n');
    const json = JSON.parse(readFileSync(join(EXPORTS, 'kobo-example-programme.json'), 'utf8'));
    json.results[1]['extra/apoyo'] = 'dinero';
    const badJson = join(work, 'kobo-con-errores.json');
    writeFileSync(badJson, JSON.stringify(json));
    const { context, page, problems } = await openPlanner();
    await importFiles(page, [bad, header, badJson]);
    const files = page.getByTestId('archivo');
    const first = await files.nth(0).textContent();
    assert.match(first, /kobo-con-errores\.csv: 13 negocios leídos/);
    assert.match(first, /3 líneas con problemas/);
    assert.match(first, /Línea 3: columna 'connectivity\/internet': 'wifi' no es una de las respuestas de esta pregunta; puede ser /);
    assert.match(first, /Línea 5: columna 'owner\/age': 200 está fuera de rango/);
    assert.match(first, /Línea 6: no se puede leer este registro del CSV/);
    const second = await files.nth(1).textContent();
    assert.match(second, /kobo-columna\.csv: 0 negocios leídos/);
    assert.match(second, /Línea 1: la columna 'internet_wifi' no es del formulario umbral_mx/);
    const third = await files.nth(2).textContent();
    assert.match(third, /kobo-con-errores\.json: 1 negocio leído/);
    assert.match(third, /Envío 2 \(_id 2001\): columna 'extra\/apoyo': 'dinero' no es una de las respuestas de esta pregunta/);
    await page.getByTestId('conteo').filter({ hasText: '14 de 14' }).waitFor();
    // The command line names the same rows.
    for (const [file, places] of [[bad, ['line 3', 'line 5', 'line 6']], [badJson, ['submission 2 \\(_id 2001\\)']]]) {
      const cli = cliSummary(file);
      assert.equal(cli.code, 1);
      for (const place of places) assert.match(cli.stderr, new RegExp(`${place}: `));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the printed report is one page: stages before and after, the top blockers, what supplying would cost', async () => {
    const handoff = join(REPO_ROOT, 'tests', 'fixtures', 'handoff', 'merged.json');
    const v3 = join(REPO_ROOT, 'tests', 'fixtures', 'handoff', 'v3-sample.json');
    const { context, page, problems } = await openPlanner({ width: 1280, height: 900 });
    await importFiles(page, [profiles, handoff, v3]);
    await page.getByTestId('antes-despues').waitFor();
    assert.match(await page.getByTestId('antes-despues').textContent(), /Con dos visitas o más: 3/);
    assert.match(await page.getByTestId('seguimiento').textContent(), /Pasos en seguimiento: 4; hechos 1/);
    // Each enterprise, and all of them in the download, as umbral batch writes them.
    assert.match(await page.getByTestId('antes-despues-negocios').textContent(), /Tejidos Lupita \(ficticio\)/);
    const [each] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('descargar-negocios').click(),
    ]);
    assert.equal(each.suggestedFilename(), 'umbral-antes-despues.csv');
    // umbral batch reads one file at a time: the page's rows are each hand-off file's, in the
    // order chosen (the profiles file has none).
    const cliEach = (file) => spawnSync(umbral, ['batch', '--summary', '--summary-format', 'before-after', file], { encoding: 'utf8' }).stdout;
    const [first, second] = [cliEach(handoff), cliEach(v3)];
    assert.equal(readFileSync(await each.path(), 'utf8'), first + second.slice(second.indexOf('\n') + 1));
    // The programme's tag, from the version-3 file, is a filter.
    assert.equal(await page.getByTestId('filtro-programa').locator('option').count(), 2);
    await page.getByTestId('dar-lista').locator('summary').click();
    await page.getByTestId('dar-celular-usado').check();
    await page.getByTestId('dar-resultado').filter({ hasText: 'Costo' }).waitFor();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'with the before and after');
    // On screen the sheet is not shown; in print it is, alone.
    assert.equal(await page.getByTestId('informe-hoja').isVisible(), false);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('informe-hoja').isVisible(), true);
    for (const other of ['resumen', 'escenarios', 'dar', 'antes-despues']) {
      assert.equal(await page.getByTestId(other).isVisible(), false, `${other} is not printed`);
    }
    const sheet = await page.getByTestId('informe-hoja').textContent();
    assert.match(sheet, /10005 de 10005 negocios/);
    assert.match(sheet, /Pasos en seguimiento/);
    assert.match(sheet, /venden en línea/);
    assert.match(sheet, /Primera visita/);
    assert.match(sheet, /Subieron de escalón/);
    assert.match(sheet, /Costo:/);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.equal(pages, 1, `the report prints on one A4 page, not ${pages}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('accessible: axe-core finds nothing, keyboard reaches the file picker, 320 px fits, English', async () => {
    const { context, page, problems } = await openPlanner();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'empty page');
    await importFiles(page, [profiles]);
    await page.getByTestId('escenario-calcular').click();
    await page.getByTestId('escenario').first().waitFor();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'with a summary');
    // The file input is reachable by keyboard (its label is the visible button).
    await page.keyboard.press('Tab');
    let reached = false;
    for (let i = 0; i < 8 && !reached; i += 1) {
      reached = await page.evaluate(() => document.activeElement?.id === 'archivos');
      if (!reached) await page.keyboard.press('Tab');
    }
    assert.ok(reached, 'Tab reaches the file picker');
    await page.setViewportSize({ width: 320, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 320 px (${overflow} px too wide)`);
    await page.getByTestId('idioma').click();
    await page.getByTestId('conteo').filter({ hasText: '10000 of 10000 businesses' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'in English');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
