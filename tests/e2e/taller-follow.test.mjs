// Following an enterprise through (issue 14, parts 1–3): cohort tags on the enterprise and
// the list's cohort filter; the steps of a visit's roadmap agreed, done with who and when, or
// dropped with a reason; the next visit opening with the steps left from the earlier one; a step
// done confirmed into the new visit's answers (and only then), its readiness scored again;
// the follow-up visit's outcomes; all of it in the hand-off file (`umbral.handoff/3`).
// Accessibility (axe, WCAG 2.1 AA) on the new screens, and no sideways scroll at 320 px.
// Run after `make build`.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, PHONE, SAMPLE_PROFILE, watchProblems } from './helpers.mjs';
import { addEnterprise, eventually, openWorkspace, readStore, session, visitRecord, writeRaw } from './taller-support.mjs';

const run = session();

/** A new browser context (closed after the test) and its page. */
async function newPage(options) {
  const context = await run.browser.newContext(options);
  run.contexts.push(context);
  return context.newPage();
}

/** The follow-up form of the step whose title is `title`, in the list `list` (a test id). */
function step(page, title, list = 'pasos-de-esta-visita') {
  return page.getByTestId(list).getByTestId('seguimiento-paso').filter({ hasText: title });
}

/** The readiness the visit's results show (0–100). */
async function readiness(page) {
  return Number(await page.getByTestId('preparacion').locator('.resumen__valor').innerText());
}

/** Nothing wider than the window: no sideways scroll. */
async function noSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${where}: page ${scroll} px wide in a ${width} px window`);
}

describe('following an enterprise through', () => {
  test('tags, steps, a confirmed step, outcomes, the cohort filter and the hand-off file', async () => {
    const page = await newPage({ viewport: PHONE, locale: 'es-MX', acceptDownloads: true });
    const problems = watchProblems(page);
    const axe = {};
    await openWorkspace(page, run.server.url);

    // 1. An enterprise with its cohort tags, from the form.
    await page.getByTestId('agregar').click();
    await page.getByTestId('negocio-nombre').fill('Tejidos Ana');
    await page.getByTestId('negocio-programa').fill('  Pueblos Digitales ');
    await page.getByTestId('negocio-institucion').fill('Universidad de Celaya');
    await page.getByTestId('negocio-periodo').fill('2026-1');
    await page.getByTestId('negocio-equipo').fill('Equipo 4');
    axe['enterprise form with tags'] = await axeViolations(page, AxeBuilder);
    await page.getByTestId('guardar-negocio').click();
    await page.getByTestId('negocio-detalle').waitFor();
    const details = await page.getByTestId('negocio-datos').innerText();
    for (const shown of ['Programa', 'Pueblos Digitales', 'Universidad de Celaya', '2026-1', 'Equipo 4']) {
      assert.ok(details.includes(shown), `the enterprise screen shows ${shown}: ${details}`);
    }
    const [ana] = await readStore(page, 'enterprises');
    assert.equal(ana.programme, 'Pueblos Digitales', 'trimmed');
    await addEnterprise(page, { name: 'Café Don Beto' });

    // 2. A visit with answers (the sample profile, as a visit made on another device).
    await writeRaw(page, { visits: [visitRecord('v-ana-1', ana.id, SAMPLE_PROFILE)] });
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    await page.getByTestId('abrir-negocio').filter({ hasText: 'Tejidos Ana' }).click();
    await page.getByTestId('abrir-visita').click();
    await page.getByTestId('seguimiento').waitFor();
    const first = await readiness(page);
    assert.equal(
      await page.getByTestId('pasos-anteriores').count(),
      0,
      'a first visit has no steps from earlier visits',
    );
    assert.equal(
      await page.getByTestId('resultados-seguimiento').count(),
      0,
      'and no outcomes: there is no visit before it',
    );

    // The steps the roadmap recommends, each agreed, then done with who and when.
    const whatsapp = step(page, 'WhatsApp Business');
    assert.equal(await whatsapp.getByTestId('paso-estado').inputValue(), '', 'not agreed yet');
    await whatsapp.getByTestId('paso-guardar').click();
    assert.match(await whatsapp.getByTestId('paso-error').innerText(), /Elija cómo va el paso/);
    await whatsapp.getByTestId('paso-estado').selectOption('agreed');
    await whatsapp.getByTestId('paso-guardar').click();
    await eventually(async () => (await whatsapp.getByTestId('paso-aviso').innerText()).includes('Guardado'));
    await whatsapp.getByTestId('paso-estado').selectOption('done');
    await whatsapp.getByTestId('paso-quien').selectOption('relative');
    await whatsapp.getByTestId('paso-fecha').fill('2026-02-15');
    // Pressed twice at once (two clicks in one task, faster than any hand): the second press
    // waits for the first save, which is not then told that "another tab" saved first.
    await whatsapp.getByTestId('paso-guardar').evaluate((button) => {
      button.click();
      button.click();
    });
    await eventually(async () => (await whatsapp.getByTestId('paso-aviso').innerText()).includes('Guardado'));
    // Time for a second write to come back and say so, had there been one.
    await page.waitForTimeout(500);
    assert.doesNotMatch(await whatsapp.getByTestId('paso-aviso').innerText(), /Otra pestaña/);
    await eventually(async () => {
      const [stored] = (await readStore(page, 'enterprises')).filter((e) => e.id === ana.id);
      return stored.steps?.find((s) => s.step === 'whatsapp-business')?.status === 'done';
    });
    await eventually(async () => /En la próxima visita podrá confirmar/.test(await whatsapp.innerText()));
    assert.equal(await whatsapp.getByTestId('paso-confirmar').count(), 0, 'confirmed only in a later visit');
    let [stored] = (await readStore(page, 'enterprises')).filter((e) => e.id === ana.id);
    const saved = stored.steps.find((s) => s.step === 'whatsapp-business');
    assert.equal(saved.who, 'relative');
    assert.equal(saved.follow_up, '2026-02-15');
    assert.equal(saved.visit, 'v-ana-1');
    let [visit1] = (await readStore(page, 'visits')).filter((v) => v.id === 'v-ana-1');
    assert.deepEqual(visit1.profile.presence.channels, ['whatsapp'], 'a step done changes no answer by itself');

    // Another dropped: without a reason it is not saved, and the form says why, by the field.
    const photos = step(page, 'Tomar fotos');
    await photos.getByTestId('paso-estado').selectOption('dropped');
    await photos.getByTestId('paso-guardar').click();
    const reasonError = photos.getByTestId('paso-error');
    assert.match(await reasonError.innerText(), /Escriba por qué lo dejó/);
    const reason = photos.getByTestId('paso-razon');
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    const describedBy = (await reason.getAttribute('aria-describedby')).split(' ');
    assert.ok(describedBy.includes(await reasonError.getAttribute('id')), 'the error describes the field');
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset?.testid),
      'paso-razon',
      'focus goes to the field to fix',
    );
    axe['visit with a step error'] = await axeViolations(page, AxeBuilder);
    await reason.fill('No tiene tiempo esta temporada');
    await photos.getByTestId('paso-guardar').click();
    await eventually(async () => (await photos.getByTestId('paso-aviso').innerText()).includes('Guardado'));
    assert.equal(await photos.getByTestId('paso-error').count(), 0);
    assert.equal(await reason.inputValue(), 'No tiene tiempo esta temporada', 'what was typed stays');
    // A third agreed: it stays open for the next visit.
    const rfc = step(page, 'RFC');
    await rfc.getByTestId('paso-estado').selectOption('agreed');
    await rfc.getByTestId('paso-quien').selectOption('owner');
    await rfc.getByTestId('paso-guardar').click();
    await eventually(async () => (await rfc.getByTestId('paso-aviso').innerText()).includes('Guardado'));

    // 3. A new visit opens with the steps left from the earlier one.
    await page.getByTestId('volver-negocio').click();
    await page.getByTestId('nueva-visita').click();
    await page.getByTestId('seguimiento').waitFor();
    const earlier = page.getByTestId('pasos-anteriores');
    const left = await earlier.getByTestId('paso-titulo').allInnerTexts();
    assert.deepEqual(left.sort(), ['Sacar su RFC en el SAT', 'WhatsApp Business'], 'open and done-to-confirm');
    assert.match(
      await step(page, 'RFC', 'pasos-anteriores').getByTestId('paso-origen').innerText(),
      /de la visita del 2026-01-02/,
    );
    assert.equal(await step(page, 'RFC', 'pasos-anteriores').getByTestId('paso-estado').inputValue(), 'agreed');
    assert.equal(await step(page, 'RFC', 'pasos-anteriores').getByTestId('paso-confirmar').count(), 0);
    const visits = await readStore(page, 'visits');
    const visit2 = visits.find((v) => v.id !== 'v-ana-1');
    assert.deepEqual(visit2.profile.presence.channels, ['whatsapp'], 'the new visit starts from the answers');
    assert.equal(await readiness(page), first);

    // Confirming the step done changes the answer its entry sets, and the readiness.
    const done = step(page, 'WhatsApp Business', 'pasos-anteriores');
    await done.getByTestId('paso-confirmar').click();
    const changed = done.getByTestId('respuestas-cambiadas');
    await changed.waitFor();
    assert.match(await changed.innerText(), /antes: WhatsApp.*ahora: .*WhatsApp Business/s);
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset?.testid),
      'paso-aviso',
      'focus goes to what changed',
    );
    await eventually(async () => {
      const [v] = (await readStore(page, 'visits')).filter((v) => v.id === visit2.id);
      return v.profile.presence.channels.includes('whatsapp_business');
    });
    await eventually(async () => (await readiness(page)) !== first);
    const second = await readiness(page);
    assert.ok(second > first, `readiness rose from ${first} to ${second}`);
    [visit1] = (await readStore(page, 'visits')).filter((v) => v.id === 'v-ana-1');
    assert.deepEqual(visit1.profile.presence.channels, ['whatsapp'], 'the earlier visit keeps its answers');
    [stored] = (await readStore(page, 'enterprises')).filter((e) => e.id === ana.id);
    assert.equal(stored.steps.find((s) => s.step === 'whatsapp-business').confirmed_in, visit2.id);
    assert.equal(await done.getByTestId('paso-confirmar').count(), 0, 'confirmed once');

    // 4. The outcomes since the last visit, saved with the visit.
    const outcomes = page.getByTestId('resultados-seguimiento');
    await outcomes.getByTestId('vende-en-linea-si').check();
    await outcomes.getByTestId('canal-whatsapp_business').check();
    await outcomes.getByTestId('canal-facebook').check();
    const share = outcomes.getByTestId('parte-en-linea');
    await share.fill('150');
    assert.match(await outcomes.getByTestId('parte-error').innerText(), /número entero de 0 a 100/);
    assert.equal(await share.getAttribute('aria-invalid'), 'true');
    assert.equal(await share.inputValue(), '150', 'what was typed stays');
    axe['follow-up visit with outcomes and an error'] = await axeViolations(page, AxeBuilder);
    await share.fill('40');
    assert.equal(await outcomes.getByTestId('parte-error').count(), 0);
    await outcomes.getByTestId('sigue-whatsapp-business-si').check();
    await eventually(async () => {
      const [v] = (await readStore(page, 'visits')).filter((v) => v.id === visit2.id);
      return v.outcomes?.tools?.length === 1 && v.outcomes.online_share === 40;
    });
    const [withOutcomes] = (await readStore(page, 'visits')).filter((v) => v.id === visit2.id);
    assert.deepEqual(withOutcomes.outcomes, {
      selling_online: true,
      channels: ['whatsapp_business', 'facebook'],
      online_share: 40,
      tools: [{ entry: 'whatsapp-business', still_using: true }],
    });
    // Another tab changes the share; this one, told, reloads the visit and shows it.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByTestId('negocios').waitFor({ timeout: 20_000 });
    await other.getByTestId('abrir-negocio').filter({ hasText: 'Tejidos Ana' }).click();
    await other.getByTestId('abrir-visita').filter({ hasText: visit2.date }).click();
    await other.getByTestId('resultados-seguimiento').getByTestId('parte-en-linea').fill('25');
    await eventually(async () => {
      const [v] = (await readStore(other, 'visits')).filter((v) => v.id === visit2.id);
      return v.outcomes?.online_share === 25;
    });
    await other.close();
    await page.getByTestId('conflicto-recargar').click();
    await eventually(async () => (await share.inputValue()) === '25');
    assert.equal(await outcomes.getByTestId('parte-error').count(), 0);

    // 320 px: nothing scrolls sideways on the follow-up visit.
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page, 'follow-up visit');
    axe['follow-up visit at 320 px'] = await axeViolations(page, AxeBuilder);

    // 5. The list filtered by programme.
    await page.getByTestId('nav-negocios').click();
    await page.getByTestId('negocios').waitFor();
    assert.equal(await page.getByTestId('negocio').count(), 2);
    const filter = page.getByTestId('filtro-programme');
    assert.deepEqual(await filter.locator('option').allInnerTexts(), ['Todos', 'Pueblos Digitales']);
    assert.equal(await page.getByTestId('filtro-team').count(), 1, 'one choice per tag present');
    await filter.selectOption('Pueblos Digitales');
    await eventually(async () => (await page.getByTestId('negocio').count()) === 1);
    assert.match(await page.getByTestId('negocio').innerText(), /Tejidos Ana/);
    await noSidewaysScroll(page, 'list with the cohort filter');
    axe['list with the cohort filter'] = await axeViolations(page, AxeBuilder);
    await filter.selectOption('');
    await eventually(async () => (await page.getByTestId('negocio').count()) === 2);

    // 6. The hand-off file carries the tags, the steps and the outcomes.
    await page.getByTestId('nav-entregar').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exportar-todo').click()]);
    const handoff = JSON.parse(await readFile(await file.path(), 'utf8'));
    assert.equal(handoff.schema, 'umbral.handoff/3');
    const exported = handoff.enterprises.find((e) => e.name === 'Tejidos Ana');
    assert.equal(exported.programme, 'Pueblos Digitales');
    assert.equal(exported.institution, 'Universidad de Celaya');
    assert.equal(exported.term, '2026-1');
    assert.equal(exported.team, 'Equipo 4');
    const statuses = Object.fromEntries(exported.steps.map((s) => [s.step, s.status]));
    assert.deepEqual(statuses, { 'whatsapp-business': 'done', 'product-photos': 'dropped', 'sat-rfc': 'agreed' });
    const dropped = exported.steps.find((s) => s.step === 'product-photos');
    assert.equal(dropped.reason, 'No tiene tiempo esta temporada');
    assert.equal(exported.steps.find((s) => s.step === 'whatsapp-business').confirmed_in, visit2.id);
    const followUp = exported.visits.find((v) => v.id === visit2.id);
    assert.equal(followUp.outcomes.online_share, 25, "the other tab's, as reloaded");
    assert.deepEqual(followUp.outcomes.tools, [{ entry: 'whatsapp-business', still_using: true }]);
    assert.equal(handoff.enterprises.find((e) => e.name === 'Café Don Beto').steps, undefined);

    for (const [screen, violations] of Object.entries(axe)) assert.deepEqual(violations, [], screen);
    assert.deepEqual(problems, []);
  });

  test('in English the steps and outcomes speak English', async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 }, locale: 'en-US' });
    await openWorkspace(page, run.server.url);
    await writeRaw(page, {
      enterprises: [
        {
          v: 1, id: 'e1', name: 'Abarrotes Lupita', country: 'MX', locality: '', programme: 'Pueblos Digitales',
          created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', edits: { 'otro-equipo': 1 },
          visits: [],
          steps: [{
            step: 'whatsapp-business', visit: 'v1', status: 'in_progress', who: 'staff',
            updated: '2026-01-03T00:00:00.000Z', edits: { 'otro-equipo': 1 },
          }],
        },
      ],
      visits: [
        visitRecord('v1', 'e1', SAMPLE_PROFILE),
        visitRecord('v2', 'e1', SAMPLE_PROFILE, { date: '2026-03-01', updated: '2026-03-01T00:00:00.000Z' }),
      ],
    });
    await page.reload();
    await page.getByTestId('negocios').waitFor({ timeout: 20_000 });
    await page.getByTestId('abrir-negocio').click();
    await page.getByTestId('abrir-visita').first().click();
    await page.getByTestId('seguimiento').waitFor();
    assert.match(await page.getByTestId('seguimiento').locator('h3').innerText(), /Following the steps through/);
    const open = step(page, 'WhatsApp Business', 'pasos-anteriores');
    assert.match(await open.getByTestId('paso-origen').innerText(), /from the visit of 2026-01-02/);
    assert.equal(await open.getByTestId('paso-quien').inputValue(), 'staff');
    assert.match(await page.getByTestId('resultados-seguimiento').innerText(), /Does it sell online\?/);
    await noSidewaysScroll(page, 'follow-up visit in English');
    assert.deepEqual(await axeViolations(page, AxeBuilder), [], 'follow-up visit in English');
  });
});
