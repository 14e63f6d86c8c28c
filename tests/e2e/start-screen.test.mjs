// End-to-end tests of the start screen in headless Chromium on a phone-sized viewport.
// Run with `node --test tests/e2e/` after `trunk build --release --offline` (`make test` does both).

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, launchBrowser, PHONE, serveDist, StartScreen, watchProblems } from './helpers.mjs';

describe('start screen', () => {
  let browser;
  let server;
  let context;
  let page;
  let problems;
  let screen;

  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

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
    assert.equal(await page.title(), 'Umbral — ¿Listo para vender en línea?');
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
