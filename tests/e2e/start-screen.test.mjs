// End-to-end tests of the start screen in headless Chromium on a phone-sized viewport.
// Run with `node --test tests/e2e/` after `trunk build --release --offline` (`make test` does both).

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, launchBrowser, PHONE, serveDist, StartScreen, watchProblems } from './helpers.mjs';

let browser;
let server;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('start screen', () => {
  let context;
  let page;
  let problems;
  let screen;

  beforeEach(async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    page = await context.newPage();
    problems = watchProblems(page);
    screen = new StartScreen(page, server.url);
    await screen.open();
  });

  afterEach(async () => {
    await context?.close();
  });

  async function assertNoAxeViolations(where) {
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], `axe violations ${where}`);
  }

  test('loads in Spanish with its title, heading and Comenzar button', async () => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    // The tagline asks about the business, so it assumes nothing of who reads it (issue 15).
    assert.equal(await page.title(), 'Umbral — ¿Su negocio está listo para vender en línea?');
    assert.equal((await screen.heading.textContent()).trim(), 'Umbral');
    assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
    assert.equal((await screen.startButton.textContent()).trim(), 'Comenzar');
    assert.equal(await page.locator('header').count(), 1, 'a header landmark');
    assert.equal(await page.locator('main').count(), 1, 'a main landmark');
    assert.match(await page.locator('main').innerText(), /vender en línea/);
    assert.equal(await page.getByTestId('pais-MX').isChecked(), true, 'Mexico by default');
    assert.equal(await screen.question.count(), 0, 'no question before Comenzar');
  });

  test('makes no console error and no failed request', async () => {
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
  });

  test('Comenzar works with the keyboard and moves focus to the first question', async () => {
    await screen.tabToStartButton();
    await page.keyboard.press('Enter');
    await screen.question.waitFor({ state: 'visible' });
    const heading = page.locator('#enfoque');
    assert.match(await heading.innerText(), /¿Qué vende su negocio\?/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'enfoque');
    assert.deepEqual(problems, []);
  });

  test('Comenzar has a visible keyboard focus style and a large touch target', async () => {
    await screen.tabToStartButton();
    const outline = await screen.startButton.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.notEqual(outline.style, 'none', 'focus outline visible');
    assert.ok(outline.width >= 2, `focus outline at least 2px (got ${outline.width}px)`);
    const box = await screen.startButton.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `touch target ≥ 44×44 (got ${box.width}×${box.height})`);
  });

  test('axe finds no WCAG 2.1 A/AA violation on the start screen and a question', async () => {
    await assertNoAxeViolations('on the start screen');
    await screen.startButton.click();
    await screen.question.waitFor({ state: 'visible' });
    await assertNoAxeViolations('on the first question');
  });

  test('has no horizontal scroll at 320px wide', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await screen.startButton.click();
    await screen.question.waitFor({ state: 'visible' });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`);
  });
});

// The app's code fails to download (a connection dropped half-way), or the browser has no
// WebAssembly: the page says so and offers to try again (www/view.js), never "Preparando
// Umbral…" for ever.
describe('when the app cannot start', () => {
  test('a failed download says so, and trying again starts the app', async () => {
    // No service worker: its precaching would fetch the code outside the page's routes.
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX', serviceWorkers: 'block' });
    const page = await context.newPage();
    await context.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto(server.url);
    const notice = page.getByTestId('no-arranca');
    await notice.waitFor({ timeout: 15_000 });
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.innerText(), /Umbral no terminó de cargarse\. Revise su conexión/);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /Preparando Umbral/, 'no endless loading note');
    await context.unroute(/_bg\.wasm$/);
    await notice.getByRole('button', { name: 'Intentar de nuevo' }).click();
    await page.getByTestId('comenzar').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('no-arranca').count(), 0);
    // The workspace's page too.
    await context.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto(new URL('taller/', server.url).href);
    await page.getByTestId('no-arranca').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.cargando').isVisible(), false, 'no endless loading line');
    await context.close();
  });

  test('a browser without WebAssembly is told so, in its language', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', serviceWorkers: 'block' });
    await context.addInitScript(() => delete window.WebAssembly);
    const page = await context.newPage();
    await page.goto(server.url);
    const notice = page.getByTestId('no-arranca');
    await notice.waitFor({ timeout: 15_000 });
    assert.match(await notice.innerText(), /This browser cannot open Umbral/);
    await context.close();
  });

  test('an app that starts shows no such notice', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page.getByTestId('comenzar').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('no-arranca').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
