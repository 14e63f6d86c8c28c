// The workspace's screens against WCAG 2.1 A and AA (axe-core), in Spanish and in English,
// with keyboard reach and 44 px touch targets for the controls only the workspace has.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, launchBrowser, PHONE, SAMPLE_PROFILE, tabTo } from './helpers.mjs';
import { enterpriseRecord, openWorkspace, visitRecord, writeRaw } from './taller-support.mjs';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  const { serveDist } = await import('./helpers.mjs');
  server = await serveDist();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function checkScreens(locale) {
  const context = await browser.newContext({ viewport: PHONE, locale });
  const page = await context.newPage();
  const seen = {};
  const check = async (name) => {
    seen[name] = await axeViolations(page, AxeBuilder);
  };
  try {
    await openWorkspace(page, server.url);
    await check('empty list');
    await writeRaw(page, {
      enterprises: [
        enterpriseRecord('e1', 'Abarrotes Lupita', { locality: 'Tlaxcala' }),
        enterpriseRecord('e2', 'Café Don Beto', { locality: 'Xalapa' }),
      ],
      visits: [
        visitRecord('v1', 'e1', SAMPLE_PROFILE),
        visitRecord('v2', 'e1', { ...SAMPLE_PROFILE, presence: { ...SAMPLE_PROFILE.presence, product_photos: true } }, { date: '2026-03-01' }),
        visitRecord('v3', 'e2', { schema: 'umbral.profile/1', country: 'MX' }),
        // Another version of v1, as an import that found both sides changed keeps it.
        visitRecord('v4', 'e1', SAMPLE_PROFILE, { notes: 'Otra versión', conflict_of: 'v1' }),
      ],
    });
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    await page.getByTestId('preparacion-negocio').first().waitFor();
    await check('list');
    await page.getByTestId('agregar').click();
    await page.getByTestId('guardar-negocio').click();
    await page.getByTestId('nombre-error').waitFor();
    await check('form with an error');
    await page.getByTestId('nav-negocios').click();
    await page.getByTestId('abrir-negocio').filter({ hasText: 'Abarrotes' }).click();
    await page.getByTestId('quedarse-esta').waitFor();
    await check('enterprise, with two versions of a visit');
    await page.getByTestId('borrar-negocio').click();
    await check('delete confirmation');
    await page.getByTestId('no-borrar').click();
    await page.getByTestId('abrir-visita').first().click();
    await page.getByTestId('resultados').waitFor();
    await page.getByTestId('pasar-qr').locator('summary').click();
    await check('visit results with the QR');
    await page.getByTestId('cambiar').click();
    await page.getByTestId('pregunta').first().waitFor();
    await check('visit question');
    await page.getByTestId('nav-entregar').click();
    await check('hand-off');
    await page.getByTestId('nav-datos').click();
    await check('your data');
    await page.getByTestId('borrar-todo').click();
    await check('delete everything confirmation');
    await page.getByTestId('nav-negocios').click();
    await page.getByTestId('recibir-qr').click();
    await check('receive by QR');

    // Keyboard: the list's controls are reachable, and big enough to touch.
    await page.getByTestId('nav-negocios').click();
    await page.locator('body').focus();
    await tabTo(page, 'agregar');
    for (const id of ['abrir-negocio', 'agregar', 'nav-datos']) {
      const box = await page.getByTestId(id).first().boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `${id}: touch target ≥ 44×44 (got ${box.width}×${box.height})`);
    }
    const label = await page.locator('.negocio__elegir').first().boundingBox();
    assert.ok(label.height >= 44 && label.width >= 44, `checkbox label ≥ 44×44 (got ${label.width}×${label.height})`);
  } finally {
    await context.close();
  }
  return seen;
}

describe('workspace accessibility', () => {
  for (const locale of ['es-MX', 'en-US']) {
    test(`no WCAG 2.1 AA violation on any screen (${locale})`, async () => {
      const seen = await checkScreens(locale);
      assert.ok(Object.keys(seen).length >= 10, 'every screen was checked');
      for (const [screen, violations] of Object.entries(seen)) assert.deepEqual(violations, [], screen);
    });
  }
});

describe('the workspace page', () => {
  test('the app links to it, /taller redirects to /taller/, and a visit prints as a report', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    try {
      const response = await page.request.get(new URL('taller', server.url).href, { maxRedirects: 0 });
      assert.equal(response.status(), 301);
      assert.equal(response.headers().location, '/taller/');
      await page.goto(server.url);
      const link = page.getByTestId('espacio-de-trabajo');
      assert.equal((await link.innerText()).trim(), '¿Asesora a varios negocios? Abra el espacio de trabajo');
      await link.click();
      await page.getByTestId('vista').waitFor({ timeout: 20_000 });
      assert.equal(new URL(page.url()).pathname, '/taller/');
      await writeRaw(page, {
        enterprises: [enterpriseRecord('e1', 'Abarrotes Lupita')],
        visits: [visitRecord('v1', 'e1', SAMPLE_PROFILE, { notes: 'Vende por WhatsApp' })],
      });
      await page.reload();
      await page.getByTestId('abrir-negocio').click();
      await page.getByTestId('abrir-visita').click();
      await page.getByTestId('resultados').waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header.cabecera').isVisible(), false, 'no header or navigation on paper');
      assert.equal(await page.getByTestId('notas').isVisible(), false, 'no text box on paper');
      assert.equal(await page.locator('.notas-impresas').innerText(), 'Vende por WhatsApp');
      assert.match(await page.locator('.visita-titulo').innerText(), /Abarrotes Lupita · Visita del 2026-01-02/);
      assert.equal(await page.getByTestId('resultados').isVisible(), true);
    } finally {
      await context.close();
    }
  });

  test('the language switch turns the workspace to English and back, a large touch target', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    try {
      await openWorkspace(page, server.url);
      const nav = page.getByTestId('nav-negocios');
      assert.equal((await nav.innerText()).trim(), 'Negocios');
      const button = page.getByTestId('idioma');
      const box = await button.boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `switch ≥ 44×44 (got ${box.width}×${box.height})`);
      await button.click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal((await nav.innerText()).trim(), 'Enterprises');
      assert.equal((await button.innerText()).trim(), 'Español');
      await button.click();
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      assert.equal((await nav.innerText()).trim(), 'Negocios');
    } finally {
      await context.close();
    }
  });

  test('on a wide screen a visit shows a whole group of questions per page, as the app does', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'es-MX' });
    const page = await context.newPage();
    try {
      await openWorkspace(page, server.url);
      await writeRaw(page, {
        enterprises: [enterpriseRecord('e1', 'Abarrotes Lupita')],
        visits: [visitRecord('v1', 'e1', { schema: 'umbral.profile/1', country: 'MX' })],
      });
      await page.reload();
      await page.getByTestId('abrir-negocio').click();
      await page.getByTestId('abrir-visita').click();
      // The first page: the whole group "Su negocio", under its heading.
      const group = page.getByTestId('grupo');
      await group.waitFor();
      assert.ok((await page.getByTestId('pregunta').count()) > 1, 'several questions on the page');
      const progress = page.getByTestId('progreso');
      const first = await progress.innerText();
      assert.match(first, /Preguntas 1 a \d+ de \d+/);
      await page.getByTestId('siguiente').click();
      await page.waitForFunction((before) => document.querySelector('[data-testid=progreso]')?.innerText !== before, first);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'enfoque', 'focus on the new page');
      await page.getByTestId('atras').click();
      await group.waitFor();
      assert.equal(await progress.innerText(), first, 'back to the whole group');
      // Narrow again: one question per page.
      await page.setViewportSize(PHONE);
      await group.waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('pregunta').count(), 1);
    } finally {
      await context.close();
    }
  });
});
