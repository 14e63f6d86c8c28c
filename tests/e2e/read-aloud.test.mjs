// Read aloud (issue 15): each question and the results' summary can be heard in the pack's
// Spanish, with the device's own voices. Chromium here has no voices, so a stand-in
// speechSynthesis records what would be spoken, in which language and voice, and when.
// Run after `make build`.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { launchBrowser, PHONE, SAMPLE_PROFILE, seedDraft, serveDist, StartScreen, watchProblems } from './helpers.mjs';

let browser;
let server;
const contexts = [];

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  while (contexts.length) await contexts.pop().close();
});

/** A page whose device has `voices` ({name, lang, localService}); what it speaks is recorded. */
async function withVoices(voices, setup) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
  contexts.push(context);
  await context.addInitScript((voices) => {
    const spoken = [];
    window.__spoken = spoken;
    addEventListener('click', () => { window.__tapped = performance.now(); }, true);
    const synth = {
      speaking: false,
      getVoices: () => voices,
      speak(utterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name, at: performance.now() });
        synth.speaking = true;
      },
      cancel() {
        spoken.push('cancel');
        synth.speaking = false;
      },
      addEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    // The stand-in's voices are plain objects, which the real utterance would refuse.
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  }, voices);
  if (setup) await setup(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { page, problems };
}

const MEXICAN = { name: 'Voz de México', lang: 'es-MX', localService: true };

describe('read aloud', () => {
  test('a question is read in order (text, help, options) in Mexican Spanish, within 300 ms of the tap', async () => {
    const { page, problems } = await withVoices([{ name: 'Remote', lang: 'es-MX', localService: false }, MEXICAN]);
    const screen = new StartScreen(page, server.url);
    await screen.open();
    await screen.startButton.click();
    const question = page.getByTestId('pregunta').first();
    await question.waitFor();
    const listen = question.getByTestId('escuchar');
    assert.equal(await listen.isVisible(), true);
    assert.equal((await listen.innerText()).trim(), 'Escuchar');
    await listen.click();
    const spoken = await page.evaluate(() => window.__spoken);
    const said = spoken.filter((s) => s !== 'cancel');
    const expected = await question.evaluate((q) =>
      [...q.querySelectorAll('.pregunta__texto, .ayuda, .indicacion, .opcion span, select option:not([value=""]), .unidad')]
        .map((e) => e.textContent.trim()).filter(Boolean));
    assert.ok(expected.length >= 3, `${expected}`);
    assert.deepEqual(said.map((s) => s.text), expected);
    assert.equal(said[0].text, await question.locator('.pregunta__texto').innerText());
    assert.ok(said.every((s) => s.lang === 'es-MX' && s.voice === 'Voz de México'), JSON.stringify(said));
    const delay = said[0].at - (await page.evaluate(() => window.__tapped));
    console.log(`read aloud: first words ${delay.toFixed(1)} ms after the tap`);
    assert.ok(delay < 300, `${delay} ms`);
    // A second tap stops it.
    await listen.click();
    assert.equal((await page.evaluate(() => window.__spoken)).at(-1), 'cancel');
    assert.deepEqual(problems, []);
  });

  test('the results summary is read: readiness, what holds the business back, the first steps', async () => {
    const { page, problems } = await withVoices([MEXICAN], (context) => seedDraft(context, SAMPLE_PROFILE));
    await page.goto(server.url, { waitUntil: 'load' });
    const results = page.getByTestId('resultados');
    await results.waitFor({ timeout: 15_000 });
    await results.getByTestId('escuchar').first().click();
    const said = (await page.evaluate(() => window.__spoken)).filter((s) => s !== 'cancel').map((s) => s.text);
    assert.equal(said[0], 'Preparación para vender en línea');
    assert.ok(said.includes('Lo que más frena a su negocio'), said.join(' | '));
    const firstStep = (await page.getByTestId('primeros-pasos').locator('li').first().innerText()).split('\n')[0].trim();
    assert.ok(said.includes(firstStep), `${firstStep} in ${said.join(' | ')}`);
    assert.deepEqual(problems, []);
  });

  test('Chile is read in Chilean Spanish where the device has it, else in any Spanish', async () => {
    const chilean = { name: 'Voz de Chile', lang: 'es-CL', localService: true };
    for (const [voices, voice] of [[[MEXICAN, chilean], 'Voz de Chile'], [[MEXICAN], 'Voz de México']]) {
      const chile = { ...SAMPLE_PROFILE, country: 'CL', region: 'CL-VS' };
      const { page } = await withVoices(voices, (context) => seedDraft(context, chile, 'results'));
      await page.goto(server.url, { waitUntil: 'load' });
      await page.getByTestId('resultados').waitFor({ timeout: 15_000 });
      await page.getByTestId('escuchar').first().click();
      const said = (await page.evaluate(() => window.__spoken)).filter((s) => s !== 'cancel');
      assert.ok(said.length > 3);
      assert.ok(said.every((s) => s.lang === 'es-CL' && s.voice === voice), JSON.stringify(said[0]));
    }
  });

  test('with no voice on the device (or only voices over the network) there is no button', async () => {
    for (const voices of [[], [{ name: 'Remote', lang: 'es-MX', localService: false }], [{ name: 'English', lang: 'en-US', localService: true }]]) {
      const { page } = await withVoices(voices);
      const screen = new StartScreen(page, server.url);
      await screen.open();
      await screen.startButton.click();
      const listen = page.getByTestId('pregunta').first().getByTestId('escuchar');
      await listen.waitFor({ state: 'attached' });
      assert.equal(await listen.isVisible(), false, JSON.stringify(voices));
    }
  });
});
