// Embedding (issue 7): the demo programme page, served from another origin than the app,
// embeds the app with www/embed.js; an assessment completes inside the iframe; the host page
// receives the result only after the user agrees, and only at its own origin; a page on a
// third origin gets nothing. The app is served with the strict Content-Security-Policy
// throughout, and the full journey of the plain app runs under it with no violation.
// Run with `node --test tests/e2e/` after `make build`.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, launchBrowser, PHONE, SAMPLE_PROFILE, seedDraft, serveDist, watchProblems } from './helpers.mjs';
import { appFrame, completeQuestionnaire, CSP, recordEverything, startHost } from './embed-host.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals';

let browser;
let app;
let host;

/** A page on a third origin that frames the app itself, claiming the host's origin. */
/**
 * A page on its own origin that frames the app at `frameUrl` (or at what `frameUrl(origin)`
 * gives, for the page's own origin), with `attributes` on the iframe.
 */
function startThird(frameUrl, attributes = '') {
  let page = '';
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  server.on('listening', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const src = typeof frameUrl === 'function' ? frameUrl(origin) : frameUrl;
    page = `<!doctype html><html lang="es"><title>Otra página</title><main><h1>Otra página</h1><iframe title="Umbral" src="${src}" width="360" height="900" ${attributes}></iframe></main></html>`;
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
      }),
    ),
  );
}

before(async () => {
  app = await serveDist({ headers: { 'Content-Security-Policy': CSP } });
  host = await startHost(app.url);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

/** Asserts no frame of `page` saw a CSP violation. */
async function assertNoViolations(page) {
  for (const frame of page.frames()) {
    assert.deepEqual(await frame.evaluate(() => window.__violations), [], `CSP violations in ${frame.url()}`);
  }
}

describe('embedding on a programme page', () => {
  let context;
  let page;
  let problems;

  beforeEach(async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    await recordEverything(context);
    page = await context.newPage();
    problems = watchProblems(page);
    page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  });

  afterEach(async () => {
    await context?.close();
  });

  test('the demo page embeds the app, with its pack; the result reaches it only after consent', async () => {
    await page.goto(host.url);
    const iframe = page.locator('iframe');
    assert.equal(await iframe.getAttribute('sandbox'), SANDBOX);
    const frame = await appFrame(page, app.url);
    assert.match(frame.url(), /[?&]embed=1&origin=http%3A%2F%2F127\.0\.0\.1%3A\d+&lang=es&accent=%230a6&programme=Impulsa\+Digital&pack=1$/);

    // The programme's pack, checked in the worker, is in use; its name and colour show.
    await page.getByTestId('aviso-paquete').getByText('El paquete del programa está en uso.').waitFor({ timeout: 20_000 });
    assert.equal((await frame.getByTestId('programa').innerText()).trim(), 'Impulsa Digital');
    const header = await frame.locator('.cabecera').evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.notEqual(header, 'rgb(11, 92, 74)', 'the accent replaces Umbral\'s green');
    const [r, g, b] = header.match(/\d+/g).map(Number);
    const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const contrast = 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05);
    assert.ok(contrast >= 4.5, `white on the accent ${header}: ${contrast.toFixed(2)}:1`);
    assert.ok(g > r && g > b, `the accent keeps its green hue: ${header}`);

    // A whole assessment inside the iframe, with the programme's own question on the way.
    const asked = await completeQuestionnaire(frame);
    assert.ok(asked.length >= 20, `answered ${asked.length} questions`);
    assert.ok(asked.some((text) => text.includes('asesora de Impulsa Digital')), 'the programme\'s question was asked');
    await frame.getByTestId('compartir-programa').waitFor();
    assert.match(await frame.getByTestId('compartir-programa').innerText(), /Compartir su resultado con Impulsa Digital/);

    // Nothing but sizes and the start-up handshake before consent; all from the app's origin.
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => ({ messages: window.__messages, events: window.__events }));
    assert.deepEqual(before.messages.filter((m) => m.type === 'umbral:report'), [], 'no report before consent');
    assert.deepEqual(before.events.filter((e) => e.type === 'umbral:report'), []);
    assert.deepEqual([...new Set(before.messages.map((m) => m.origin))], [new URL(app.url).origin]);
    assert.match(await page.getByTestId('aviso-reporte').innerText(), /Todavía no se ha recibido/);

    await frame.getByTestId('compartir-programa-boton').click();
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'umbral:report'));
    const afterConsent = await page.evaluate(() => ({ messages: window.__messages, events: window.__events }));
    const reports = afterConsent.messages.filter((m) => m.type === 'umbral:report');
    assert.deepEqual(reports, [{ origin: new URL(app.url).origin, type: 'umbral:report' }], 'exactly one report');
    const { profile, report } = afterConsent.events.find((e) => e.type === 'umbral:report').detail;
    assert.equal(profile.schema, 'umbral.profile/2');
    assert.equal(profile.country, 'MX');
    assert.equal(profile.extra.quiere_asesoria, true, 'the programme question\'s answer is in the profile');
    assert.equal(report.schema, 'umbral.report/3');
    assert.equal(report.pack.id, 'impulsa-ejemplo');
    assert.equal(report.locale, 'es');
    assert.ok(report.steps.length > 0);
    await frame.getByText('Listo: su resultado se envió a Impulsa Digital.').waitFor();
    assert.match(await page.getByTestId('aviso-reporte').innerText(), /Resultado recibido[\s\S]*Preparación: \d+ de 100/);

    // The iframe is as tall as the app's content: no inner scroll bar, nothing cut off.
    await page.waitForTimeout(300);
    const frameHeight = await iframe.evaluate((element) => element.getBoundingClientRect().height);
    const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(Math.abs(frameHeight - contentHeight) <= 1, `iframe ${frameHeight} px, content ${contentHeight} px`);
    assert.ok(contentHeight > 1000, `results are long: ${contentHeight} px`);
    // Back to a question, much shorter: the iframe shrinks with it.
    await frame.getByTestId('cambiar').click();
    await frame.getByTestId('pregunta').first().waitFor();
    await page.waitForFunction(
      ([before]) => document.querySelector('iframe').getBoundingClientRect().height < before - 200,
      [frameHeight],
    );
    const shorter = await iframe.evaluate((element) => element.getBoundingClientRect().height);
    const shorterContent = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(Math.abs(shorter - shorterContent) <= 1, `iframe ${shorter} px, content ${shorterContent} px`);

    assert.deepEqual(await context.cookies(), [], 'no cookies');
    await assertNoViolations(page);
    assert.deepEqual(problems, []);
  });

  test('axe finds nothing on the demo page and the embedded app\'s screens', async () => {
    await page.goto(host.url);
    const frame = await appFrame(page, app.url);
    await frame.getByTestId('comenzar').waitFor({ timeout: 15_000 });
    await page.getByTestId('aviso-paquete').getByText('está en uso').waitFor({ timeout: 20_000 });
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on the start screen');
    await frame.getByTestId('comenzar').click();
    await frame.getByTestId('pregunta').first().waitFor();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on a question');
    await frame.getByTestId('ver-resultados').click();
    await frame.getByTestId('compartir-programa').waitFor();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on the results');
    await frame.getByTestId('compartir-programa-boton').click();
    await frame.getByText('Listo: su resultado se envió').waitFor();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe after sharing');
    await assertNoViolations(page);
    assert.deepEqual(problems, []);
  });

  test('a page on a third origin that frames the app gets nothing, even after consent', async () => {
    const frameUrl = `${app.url}?embed=1&origin=${encodeURIComponent(host.origin)}&lang=en&programme=Impulsa`;
    const third = await startThird(frameUrl);
    try {
      await seedDraft(context, SAMPLE_PROFILE);
      await page.goto(third.url);
      const frame = await appFrame(page, app.url);
      // In the language the address asks for, over the draft's Spanish.
      const button = frame.getByTestId('compartir-programa-boton');
      await button.waitFor({ timeout: 15_000 });
      assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
      assert.equal((await button.innerText()).trim(), 'Share my result with Impulsa');
      await button.click();
      // Nobody confirmed receipt, so nothing says it was sent.
      await frame.getByText('There was no confirmation that Impulsa received your result. Please try again.').waitFor({ timeout: 10_000 });
      const messages = await page.evaluate(() => window.__messages);
      assert.deepEqual(messages, [], 'the browser delivers nothing addressed to another origin');
      assert.deepEqual(problems, []);
    } finally {
      await third.close();
    }
  });

  test('an invisible consent button (a page that hides the frame) sends nothing', async () => {
    const third = await startThird(
      (origin) => `${app.url}?embed=1&origin=${encodeURIComponent(origin)}&programme=Impulsa`,
      'class="oculto"',
    );
    try {
      await seedDraft(context, SAMPLE_PROFILE);
      await page.goto(third.url);
      // A decoy page: the frame is there, fully transparent, over whatever the page shows.
      await page.addStyleTag({ content: '.oculto { opacity: 0 }' });
      const frame = await appFrame(page, app.url);
      const button = frame.getByTestId('compartir-programa-boton');
      await button.waitFor({ timeout: 15_000 });
      await button.click({ force: true });
      await frame.getByText('Para compartir, el botón tiene que verse completo en la pantalla. No se envió nada.').waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual((await page.evaluate(() => window.__messages)).filter((m) => m.type === 'umbral:report'), []);
    } finally {
      await third.close();
    }
  });

  test('an upper-case origin is normalised; another port, a path or plain http elsewhere are refused', async () => {
    // Upper case: the same origin, as browsers write it; the report reaches it.
    const third = await startThird((origin) => `${app.url}?embed=1&origin=${encodeURIComponent(origin.toUpperCase())}&programme=Impulsa`);
    try {
      await seedDraft(context, SAMPLE_PROFILE);
      await page.goto(third.url);
      const frame = await appFrame(page, app.url);
      await frame.getByTestId('compartir-programa-boton').click();
      await page.waitForFunction(() => window.__messages.some((m) => m.type === 'umbral:report'));
    } finally {
      await third.close();
    }
    for (const given of ['http://127.0.0.1:1', 'http://example.org', 'https://example.org/ruta', 'https://user@example.org']) {
      const other = await startThird(`${app.url}?embed=1&origin=${encodeURIComponent(given)}&programme=Impulsa`);
      try {
        await page.goto(other.url);
        const frame = await appFrame(page, app.url);
        if (given === 'http://127.0.0.1:1') {
          // A valid origin, not this page's: the browser delivers nothing to it.
          await frame.getByTestId('compartir-programa-boton').click();
          await frame.getByText(/No hubo confirmación/).waitFor({ timeout: 10_000 });
          assert.deepEqual((await page.evaluate(() => window.__messages)).filter((m) => m.type === 'umbral:report'), [], given);
        } else {
          await frame.getByTestId('compartir-programa-apagado').waitFor({ timeout: 15_000 });
        }
      } finally {
        await other.close();
      }
    }
  });

  test('without a valid origin, sharing is off and the results say why', async () => {
    const third = await startThird(`${app.url}?embed=1&origin=*&accent=${encodeURIComponent('red;background:url(x)')}`);
    try {
      await seedDraft(context, SAMPLE_PROFILE);
      await page.goto(third.url);
      const frame = await appFrame(page, app.url);
      await frame.getByTestId('compartir-programa-apagado').waitFor({ timeout: 15_000 });
      assert.match(await frame.getByTestId('compartir-programa').innerText(), /No se puede compartir el resultado desde aquí/);
      assert.equal(await frame.getByTestId('compartir-programa-boton').count(), 0);
      assert.deepEqual(await page.evaluate(() => window.__messages), []);
      // An accent that is not a hex colour is ignored: Umbral's own green stays.
      const header = await frame.locator('.cabecera').evaluate((element) => getComputedStyle(element).backgroundColor);
      assert.equal(header, 'rgb(11, 92, 74)');
      assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('style')), null);
    } finally {
      await third.close();
    }
  });
});

describe('the integrators\' guide', () => {
  test('integra.html and integrate.html load under the CSP, link each other, and axe finds nothing', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      await recordEverything(context);
      const page = await context.newPage();
      const problems = watchProblems(page);
      for (const [file, heading, other] of [
        ['integra.html', 'Integra Umbral en tu página', 'integrate.html'],
        ['integrate.html', 'Embed Umbral in your page', 'integra.html'],
      ]) {
        await page.goto(`${app.url}${file}`);
        assert.equal((await page.locator('h1').innerText()).trim(), heading);
        assert.equal(await page.locator(`a[href="${other}"]`).count(), 1);
        assert.match(await page.locator('main').innerText(), /frame-ancestors/);
        assert.deepEqual(await axeViolations(page, AxeBuilder), [], `axe on ${file}`);
        await assertNoViolations(page);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe('the app under the strict Content-Security-Policy', () => {
  test('the whole journey of the plain app runs with no violation and no console error', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    try {
      await recordEverything(context);
      const page = await context.newPage();
      const problems = watchProblems(page);
      const response = await page.goto(app.url);
      assert.equal(response.headers()['content-security-policy'], CSP);
      const asked = await completeQuestionnaire(page.mainFrame());
      assert.ok(asked.length >= 20);
      await page.getByTestId('primeros-pasos').waitFor();
      assert.ok((await page.getByTestId('paso').count()) > 0, 'a roadmap');
      // The progress bar, the chart and the QR code draw without style attributes.
      assert.equal(await page.locator('[style]').count(), 0, 'no style attribute anywhere');
      assert.equal(await page.getByTestId('compartir-programa').count(), 0, 'no host to share with');
      await assertNoViolations(page);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
