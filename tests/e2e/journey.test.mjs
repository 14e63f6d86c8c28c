// End-to-end journeys through the questionnaire and the results, on a phone-sized viewport:
// keyboard only, resuming after a reload, switching language, printing, sharing, and axe on
// every screen. Run with `node --test tests/e2e/` after a release build (`make build`).

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  axeViolations,
  focused,
  launchBrowser,
  PHONE,
  SAMPLE_PROFILE,
  seedDraft,
  serveDist,
  StartScreen,
  tabTo,
  watchProblems,
} from './helpers.mjs';

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

async function openStart(page) {
  await page.goto(server.url, { waitUntil: 'load' });
  await page.getByTestId('comenzar').waitFor({ state: 'visible', timeout: 15_000 });
  // The pack has loaded once the start screen lists what Umbral looks at.
  await page.getByTestId('revisa').waitFor({ state: 'visible', timeout: 15_000 });
}

/** The text of the heading of the question on show. */
function questionText(page) {
  return page.locator('#enfoque').innerText();
}

/** Answers the question on show with the keyboard only, then presses the next button. */
async function answerByKeyboard(page) {
  const kind = await page.getByTestId('pregunta').first().evaluate((element) => {
    if (element.querySelector('select')) return 'select';
    if (element.querySelector('input[type=number], input[type=text]')) return 'number';
    if (element.querySelector('input[type=checkbox]')) return 'checkbox';
    const radios = element.querySelectorAll('input[type=radio]:not([data-testid$="-no-se"])');
    return `radio:${radios.length}`;
  });
  await page.keyboard.press('Tab');
  if (kind === 'select') {
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
  } else if (kind === 'number') {
    await page.keyboard.type('500');
  } else if (kind === 'checkbox') {
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
  } else {
    const count = Number(kind.split(':')[1]);
    await page.keyboard.press('Space');
    // The third option where there are more than two, so the result has some substance.
    for (let i = 0; i < Math.min(2, count - 2); i += 1) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, 'siguiente');
  await page.keyboard.press('Enter');
}

describe('questionnaire and results', () => {
  let context;
  let page;
  let problems;

  beforeEach(async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    page = await context.newPage();
    problems = watchProblems(page);
  });

  afterEach(async () => {
    await context?.close();
  });

  test('the Mexico questionnaire can be completed by keyboard alone', async () => {
    await openStart(page);
    await tabTo(page, 'comenzar');
    await page.keyboard.press('Enter');
    await page.getByTestId('pregunta').first().waitFor();
    let answered = 0;
    while ((await page.getByTestId('resultados').count()) === 0) {
      assert.equal((await focused(page)).id, 'enfoque', 'focus on the question heading');
      const live = await page.locator('[aria-live=polite]').innerText();
      assert.match(live, /Pregunta \d+ de \d+/);
      await answerByKeyboard(page);
      answered += 1;
      assert.ok(answered < 40, 'the questionnaire ends');
    }
    assert.ok(answered >= 20, `answered ${answered} questions`);
    assert.equal((await focused(page)).id, 'enfoque', 'focus on the results heading');
    const results = await page.getByTestId('resultados').innerText();
    assert.match(results, /Sus resultados/);
    assert.match(results, /\d+ \/ 100/);
    assert.match(results, /Lo que más frena a su negocio/);
    // The short result first; the plan waits behind "Ver todo", which keeps the focus.
    assert.doesNotMatch(results, /Su plan, paso a paso/);
    const all = page.getByTestId('ver-todo');
    assert.equal(await all.getAttribute('aria-expanded'), 'false');
    await all.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan').waitFor();
    assert.equal(await all.getAttribute('aria-expanded'), 'true');
    assert.equal((await focused(page)).testid, 'ver-todo', 'focus stays on Ver todo');
    assert.match(await page.getByTestId('resultados').innerText(), /Su plan, paso a paso/);
    assert.ok((await page.getByTestId('paso').count()) > 0, 'a roadmap');
    assert.deepEqual(problems, []);
  });

  test('a reload half-way resumes at the same question with every answer kept', async () => {
    await openStart(page);
    await page.getByTestId('comenzar').click();
    await page.getByTestId('pregunta').first().waitFor();
    await page.getByTestId('q-sector-3').check(); // crafts
    await page.getByTestId('siguiente').click();
    await page.getByTestId('q-locality-2').check(); // rural
    await page.getByTestId('siguiente').click();
    await page.getByTestId('q-size-0').check();
    await page.getByTestId('siguiente').click();
    const before = await questionText(page);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    assert.equal(await questionText(page), before, 'same question after reload');
    await page.getByTestId('atras').click();
    assert.equal(await page.getByTestId('q-size-0').isChecked(), true);
    await page.getByTestId('atras').click();
    assert.equal(await page.getByTestId('q-locality-2').isChecked(), true);
    await page.getByTestId('atras').click();
    assert.equal(await page.getByTestId('q-sector-3').isChecked(), true);
    assert.deepEqual(problems, []);
  });

  test('English and back keeps the answers', async () => {
    await openStart(page);
    await page.getByTestId('comenzar').click();
    await page.getByTestId('q-sector-3').check();
    assert.match(await questionText(page), /¿Qué vende su negocio\?/);
    await page.getByTestId('idioma').click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    // The rules' English texts come in their own file (packs/mx.en.txt), a moment later.
    await page.waitForFunction(() => !/¿Qué vende/.test(document.getElementById('enfoque')?.textContent ?? ''));
    assert.doesNotMatch(await questionText(page), /¿Qué vende/);
    assert.equal(await page.getByTestId('q-sector-3').isChecked(), true);
    assert.equal((await page.getByTestId('siguiente').innerText()).trim(), 'Next');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe in English');
    await page.getByTestId('idioma').click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.waitForFunction(() => /¿Qué vende/.test(document.getElementById('enfoque')?.textContent ?? ''));
    assert.match(await questionText(page), /¿Qué vende su negocio\?/);
    assert.equal(await page.getByTestId('q-sector-3').isChecked(), true);
    assert.deepEqual(problems, []);
  });

  test('a question that appears only when relevant appears once it is', async () => {
    await openStart(page);
    await page.getByTestId('comenzar').click();
    const before = await page.getByTestId('progreso').innerText();
    await page.getByTestId('q-sector-0').check(); // food: asks whether it spoils
    const after = await page.getByTestId('progreso').innerText();
    const total = (text) => Number(text.match(/de (\d+)/)[1]);
    assert.ok(total(after) > total(before), `${before} -> ${after}`);
  });

  test('results: readiness, chart with a table, ladder, roadmap with costs and reasons', async () => {
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    await page.getByTestId('ver-todo').click();
    const text = await page.getByTestId('resultados').innerText();
    assert.match(text, /Preparación para vender en línea/);
    assert.equal(await page.getByTestId('grafica-tabla').locator('tbody tr').count(), 9);
    assert.equal(await page.getByTestId('primeros-pasos').locator('li').count(), 3);
    // Five rungs and the route beside the ladder.
    assert.equal(await page.getByTestId('escalon').count(), 6);
    assert.match(text, /Gratis|\$[\d,]+ MXN/);
    assert.match(text, /Precio revisado en [a-z]+ de \d{4}/);
    assert.doesNotMatch(text, /connectivity\.|presence\./, 'no field paths');
    // A "¿Por qué?" has its reasons once opened (drawn then, to keep the screen fast), and
    // keeps them when the screen is drawn again (here: the language switched and back).
    const why = page.getByTestId('paso').first().locator('details');
    assert.equal(await why.locator('li').count(), 0, 'closed: no reasons drawn yet');
    await why.locator('summary').click();
    await why.locator('li').first().waitFor();
    assert.match(await why.locator('li').first().innerText(), /\S/);
    await page.getByTestId('idioma').click();
    await page.getByTestId('idioma').click();
    assert.equal(await why.getAttribute('open'), '', 'still open');
    assert.ok((await why.locator('li').count()) > 0, 'reasons still there');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on results');
    assert.deepEqual(problems, []);
  });

  test('print emulation gives the leave-behind: roadmap shown, buttons hidden, links written', async () => {
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('plan').isVisible(), true, 'roadmap visible');
    assert.equal(await page.getByTestId('frenos').isVisible(), true, 'blockers visible');
    assert.equal(await page.getByTestId('imprimir').isVisible(), false, 'print button hidden');
    assert.equal(await page.getByTestId('idioma').isVisible(), false, 'language switch hidden');
    assert.equal(await page.getByTestId('whatsapp').isVisible(), false, 'share buttons hidden');
    // Terms are explained on paper without opening anything (the RFC step of this plan).
    const term = page.locator('.todo .glosario dd').first();
    assert.equal(await term.isVisible(), true, 'a term explained on paper');
    assert.match(await term.innerText(), /\S/);
    const after = await page
      .locator('.paso__enlace a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    assert.match(after, /https:\/\//, 'link address written out');
  });

  test('axe finds no violation on a question in the middle, on a wide screen too', async () => {
    await openStart(page);
    await page.getByTestId('comenzar').click();
    for (let i = 0; i < 5; i += 1) await page.getByTestId('siguiente').click();
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on a question');
    await page.setViewportSize({ width: 1024, height: 800 });
    // Some groups hold one question; move on until a page shows a whole group.
    for (let i = 0; i < 8 && (await page.getByTestId('grupo').count()) === 0; i += 1) {
      await page.getByTestId('siguiente').click();
    }
    assert.equal((await focused(page)).id, 'enfoque', 'focus on the page heading');
    assert.ok((await page.getByTestId('pregunta').count()) > 1, 'a whole group on wide screens');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe on a group');
  });

  test('a share link reproduces the same report in a fresh browser', async () => {
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    const link = await page.getByTestId('enlace-compartir').inputValue();
    assert.match(link, /#p2\./);
    // The QR code is drawn a moment after the results (see share_panel.rs).
    await page.getByTestId('qr').locator('path').waitFor({ timeout: 5_000 });
    assert.equal(await page.getByTestId('qr').locator('path').count(), 1, 'a QR code');
    const whatsapp = await page.getByTestId('whatsapp').getAttribute('href');
    assert.ok(whatsapp.startsWith('https://wa.me/?text='));
    assert.ok(decodeURIComponent(whatsapp).includes(link));
    const original = await page.getByTestId('resultados').innerText();

    const fresh = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    try {
      const other = await fresh.newPage();
      const otherProblems = watchProblems(other);
      await other.goto(link);
      await other.getByTestId('resultados').waitFor({ timeout: 15_000 });
      assert.equal(await other.getByTestId('resultados').innerText(), original);
      assert.deepEqual(otherProblems, []);
    } finally {
      await fresh.close();
    }
  });

  test('opening a share link keeps the earlier answers aside and can go back to them', async () => {
    // A link for other answers, made in another browser.
    const sender = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    let link;
    try {
      await seedDraft(sender, {
        ...SAMPLE_PROFILE,
        connectivity: { internet: 'none', devices: ['basic_phone'] },
      });
      const page2 = await sender.newPage();
      await page2.goto(server.url);
      await page2.getByTestId('resultados').waitFor({ timeout: 15_000 });
      link = await page2.getByTestId('enlace-compartir').inputValue();
    } finally {
      await sender.close();
    }
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    const mine = await page.getByTestId('resultados').innerText();
    const myDraft = await page.evaluate(() => localStorage.getItem('umbral.draft/1'));

    await page.goto(link);
    await page.reload();
    const notice = page.getByTestId('respuestas-apartadas');
    await notice.waitFor({ timeout: 15_000 });
    assert.notEqual(await page.getByTestId('resultados').innerText(), mine, 'the link is on show');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe with the notice');

    await page.getByTestId('volver-a-mis-respuestas').click();
    await page.getByTestId('respuestas-apartadas').waitFor({ state: 'detached' });
    await page.getByTestId('resultados').waitFor();
    assert.equal(await page.getByTestId('resultados').innerText(), mine, 'my answers are back');
    const draft = JSON.parse(await page.evaluate(() => localStorage.getItem('umbral.draft/1')));
    assert.deepEqual(draft.profile, JSON.parse(myDraft).profile);
    assert.equal(await page.evaluate(() => localStorage.getItem('umbral.draft-set-aside/1')), null);
  });

  /** A share link for `profile`, made in another browser. */
  async function shareLinkFor(profile) {
    const sender = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    try {
      await seedDraft(sender, profile);
      const page2 = await sender.newPage();
      await page2.goto(server.url);
      await page2.getByTestId('resultados').waitFor({ timeout: 15_000 });
      return await page2.getByTestId('enlace-compartir').inputValue();
    } finally {
      await sender.close();
    }
  }

  const OTHER = { ...SAMPLE_PROFILE, connectivity: { internet: 'none', devices: ['basic_phone'] } };

  test('the same share link opened twice, then "Volver a mis respuestas", brings back my own answers', async () => {
    const link = await shareLinkFor(OTHER);
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    const mine = await page.getByTestId('resultados').innerText();
    const myDraft = await page.evaluate(() => localStorage.getItem('umbral.draft/1'));
    // Opened twice as a fresh load (a WhatsApp link tapped twice), the second time with the
    // link's answers as the saved draft.
    for (let i = 0; i < 2; i += 1) {
      await page.goto('about:blank');
      await page.goto(link);
      await page.getByTestId('respuestas-apartadas').waitFor({ timeout: 15_000 });
      assert.notEqual(await page.getByTestId('resultados').innerText(), mine, `the link is on show (${i + 1})`);
    }
    await page.getByTestId('volver-a-mis-respuestas').click();
    await page.getByTestId('respuestas-apartadas').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('resultados').innerText(), mine, 'my answers are back');
    const draft = JSON.parse(await page.evaluate(() => localStorage.getItem('umbral.draft/1')));
    assert.deepEqual(draft.profile, JSON.parse(myDraft).profile);
  });

  test('a share link followed in a tab where the app is open opens as a fresh load would', async () => {
    const link = await shareLinkFor(OTHER);
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    const mine = await page.getByTestId('resultados').innerText();
    // Only the fragment changes: no load, as when a link to the same address is followed.
    await page.evaluate((hash) => {
      location.hash = hash;
    }, new URL(link).hash);
    await page.getByTestId('respuestas-apartadas').waitFor({ timeout: 15_000 });
    const theirs = await page.getByTestId('resultados').innerText();
    assert.notEqual(theirs, mine, 'the link is on show');
    assert.equal(new URL(page.url()).hash, '', 'the fragment is cleared, so a reload resumes');
    await page.reload();
    await page.getByTestId('respuestas-apartadas').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('resultados').innerText(), theirs, 'a reload keeps the link on show');
    await page.getByTestId('volver-a-mis-respuestas').click();
    await page.getByTestId('respuestas-apartadas').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('resultados').innerText(), mine, 'my answers are back');
  });

  test('two tabs: answers saved in one show in the other, which says so and never writes older ones back', async () => {
    await seedDraft(context, SAMPLE_PROFILE, 'start');
    await page.goto(server.url);
    await page.getByTestId('comenzar').click();
    await page.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    const other = await context.newPage();
    await other.goto(server.url);
    await other.getByTestId('comenzar').click();
    await other.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    // The first tab changes an answer: the sector, from crafts to food.
    await page.getByTestId('q-sector-0').check();
    await other.getByTestId('aviso-respuestas').waitFor({ timeout: 5_000 });
    assert.match(await other.getByTestId('aviso-respuestas').innerText(), /cambiaron en otra pestaña/);
    const sectorIn = async (tab) => JSON.parse(await tab.evaluate(() => localStorage.getItem('umbral.draft/1'))).profile.sector;
    assert.equal(await sectorIn(other), 'food');
    // The second tab answers on: the first tab's answer stays.
    await other.getByTestId('siguiente').click();
    await other.getByTestId('q-locality-0').check();
    await other.getByTestId('aviso-respuestas').waitFor({ state: 'detached' });
    const draft = JSON.parse(await other.evaluate(() => localStorage.getItem('umbral.draft/1'))).profile;
    assert.equal(draft.sector, 'food', 'the other tab\'s answer was not overwritten');
    assert.equal(draft.locality, 'urban');
    await other.close();
  });

  test('when the answers cannot be saved, the page says so, and the update notice does not say they are', async () => {
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'umbral.draft/1') throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto(server.url);
    await page.getByTestId('comenzar').click();
    await page.getByTestId('q-sector-3').check();
    const notice = page.getByTestId('aviso-respuestas');
    await notice.waitFor({ timeout: 5_000 });
    assert.match(await notice.innerText(), /No se pudieron guardar sus respuestas en este teléfono/);
    assert.equal(await page.locator('.sin-guardar').count(), 1, 'marked for the update notice');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'axe with the notice');
  });

  test('"Empezar de nuevo" can be undone until the next answer', async () => {
    await seedDraft(context, SAMPLE_PROFILE, 'start');
    await page.goto(server.url);
    await page.getByTestId('empezar-de-nuevo').waitFor({ timeout: 15_000 });
    const before = await page.evaluate(() => localStorage.getItem('umbral.draft/1'));
    await page.getByTestId('empezar-de-nuevo').click();
    await page.getByTestId('pregunta').first().waitFor();
    assert.match(await page.getByTestId('aviso-respuestas').innerText(), /Sus respuestas anteriores se borraron/);
    assert.notEqual(await page.evaluate(() => localStorage.getItem('umbral.draft/1')), before, 'erased');
    await page.getByTestId('deshacer').click();
    await page.getByTestId('aviso-respuestas').waitFor({ state: 'detached' });
    const restored = JSON.parse(await page.evaluate(() => localStorage.getItem('umbral.draft/1')));
    assert.deepEqual(restored.profile, JSON.parse(before).profile, 'the answers are back');
    // Once the person answers anew, there is nothing to undo.
    await page.getByTestId('empezar-de-nuevo').click();
    await page.getByTestId('q-sector-0').check();
    await page.getByTestId('aviso-respuestas').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('deshacer').count(), 0);
  });

  test('an unreadable saved draft is kept aside, not overwritten', async () => {
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('umbral.draft/1', '{"country":"MX","profile":{broken');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(server.url);
    await new StartScreen(page, server.url).heading.waitFor({ timeout: 15_000 });
    assert.equal(
      await page.evaluate(() => localStorage.getItem('umbral.draft-unreadable/1')),
      '{"country":"MX","profile":{broken',
    );
  });

  test('a tampered share link shows a clear message and loads nothing', async () => {
    await seedDraft(context, SAMPLE_PROFILE);
    await page.goto(server.url);
    await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
    const link = await page.getByTestId('enlace-compartir').inputValue();
    const cut = link.slice(0, link.length - 6);
    const fresh = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
    try {
      const other = await fresh.newPage();
      await other.goto(cut);
      const message = other.getByTestId('enlace-danado');
      await message.waitFor({ timeout: 15_000 });
      assert.match(await message.innerText(), /enlace/i);
      assert.equal(await other.getByTestId('resultados').count(), 0, 'no report');
      const draft = await other.evaluate(() => localStorage.getItem('umbral.draft/1'));
      assert.ok(draft === null || !draft.includes('MX-PUE'), 'nothing of the link was saved');
      assert.deepEqual(await axeViolations(other, AxeBuilder), [], 'axe with the message');
    } finally {
      await fresh.close();
    }
  });
});
