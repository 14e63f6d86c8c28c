// A language a reviewed translation adds, in the entrepreneur app: the switch offers it, the
// questions, the app's words and the results come in it, the choice survives a reload, and
// Spanish comes back. No translation ships, so this test writes one in the test-only code
// `qaa` (ISO 639 keeps qaa–qtz for local use: no one speaks it), each text the Spanish marked
// ⟦…⟧, compiles the packs with it (`umbral compile`) and serves them in place of the built ones.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  axeViolations, DRAFT_KEY, launchBrowser, PHONE, SAMPLE_PROFILE, seedDraft, serveDist, umbralBinary, watchProblems,
} from './helpers.mjs';
import { REPO_ROOT } from './server.mjs';

let browser;
let server;
let dir;

/** The core pack's translator file, every text marked; a glossary's words (acronyms) kept. */
function markedTranslation(template) {
  const header = '[locale]\nname = "Prueba"\ntranslators = ["prueba"]\nreviewed_by = ["prueba"]\nchecked = "2026-12"\n';
  const body = template
    .slice(template.indexOf('[[text]]'))
    .replace(/key = ("[^"\n]*")\nes = (".*")\ntext = ""/g, (_, key, es) => {
      const spanish = JSON.parse(es);
      const text = JSON.parse(key).endsWith('].term') ? spanish : `⟦${spanish}⟧`;
      return `key = ${key}\nes = ${es}\ntext = ${JSON.stringify(text)}`;
    });
  return `${header}\n${body}`;
}

before(async () => {
  const umbral = umbralBinary();
  dir = mkdtempSync(join(tmpdir(), 'umbral-qaa-'));
  cpSync(join(REPO_ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  const template = execFileSync(umbral, ['translation', '--pack', 'core', '--locale', 'qaa'], { cwd: REPO_ROOT, encoding: 'utf8' });
  mkdirSync(join(dir, 'rules', 'core', 'locales'), { recursive: true });
  writeFileSync(join(dir, 'rules', 'core', 'locales', 'qaa.toml'), markedTranslation(template));
  execFileSync(umbral, ['compile', '--out', join(dir, 'packs'), join(dir, 'rules')], { cwd: REPO_ROOT, stdio: 'ignore' });
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a translated language: offered, shown, kept after a reload, and back to Spanish', async () => {
  // The service worker would answer the packs itself: these come from the test's compile.
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', serviceWorkers: 'block' });
  await context.route(/\/packs\/mx\.(es|en|qaa)\.txt$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ body: readFileSync(join(dir, 'packs', name)), contentType: 'text/plain; charset=utf-8' });
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.getByTestId('revisa').waitFor({ state: 'visible', timeout: 15_000 });

  // Offered beside English, named in itself, in its own language for screen readers.
  const prueba = page.getByTestId('idioma-qaa');
  assert.equal((await prueba.innerText()).trim(), 'Prueba');
  assert.equal(await prueba.getAttribute('lang'), 'qaa');
  assert.equal((await page.getByTestId('idioma').innerText()).trim(), 'English');

  await page.getByTestId('comenzar').click();
  await page.getByTestId('q-sector-3').check();
  await prueba.click();
  await page.waitForFunction(() => document.documentElement.lang === 'qaa');
  // The question is the pack's translation; the buttons are the app's words in it.
  assert.match(await page.locator('#enfoque').innerText(), /^⟦¿Qué vende su negocio\?⟧$/);
  assert.equal((await page.getByTestId('siguiente').innerText()).trim(), '⟦Siguiente⟧');
  assert.equal(await page.getByTestId('q-sector-3').isChecked(), true, 'the answer stays');
  // From the added language, Spanish and English are both offered; it is not offered again.
  assert.equal((await page.getByTestId('idioma').innerText()).trim(), 'Español');
  assert.equal((await page.getByTestId('idioma-en').innerText()).trim(), 'English');
  assert.equal(await page.getByTestId('idioma-qaa').count(), 0);
  assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe in the added language');

  // The saved answers keep the language: a reload shows it again once its pack has come.
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).locale, DRAFT_KEY);
  assert.equal(saved, 'qaa');
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.lang === 'qaa', null, { timeout: 15_000 });
  await page.locator('#enfoque').waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await page.locator('#enfoque').innerText(), /^⟦/);
  assert.equal(await page.getByTestId('q-sector-3').isChecked(), true, 'the answer survives the reload');

  await page.getByTestId('idioma').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await page.waitForFunction(() => /^¿Qué vende/.test(document.getElementById('enfoque')?.textContent ?? ''));
  assert.equal((await page.getByTestId('siguiente').innerText()).trim(), 'Siguiente');
  assert.equal(await page.getByTestId('idioma-qaa').count(), 1, 'offered again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the results in a translated language: the short result and the plan in its words', async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', serviceWorkers: 'block' });
  await context.route(/\/packs\/mx\.(es|en|qaa)\.txt$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ body: readFileSync(join(dir, 'packs', name)), contentType: 'text/plain; charset=utf-8' });
  });
  await seedDraft(context, SAMPLE_PROFILE, 'results', 'qaa');
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.lang === 'qaa', null, { timeout: 15_000 });
  const brief = page.getByTestId('breve');
  await brief.waitFor({ state: 'visible', timeout: 15_000 });
  const said = await brief.innerText();
  // Every line of the short result is the translation's (the marks), bar numbers and prices.
  for (const line of said.split('\n').map((l) => l.trim()).filter((l) => /\p{L}/u.test(l))) {
    assert.match(line, /⟦/, `not translated: ${line}`);
  }
  assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on the results');
  assert.deepEqual(problems, []);
  await context.close();
});
