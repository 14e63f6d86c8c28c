// Shared pieces of the embedding tests (embed-*.test.mjs): the Content-Security-Policy the app
// is served with, a host page server on another origin than the app, and a walk through the
// questionnaire inside the iframe.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from './server.mjs';

/**
 * The policy every page carries in its own `<meta http-equiv>` (www/csp-build.mjs puts it
 * there): the recommended header written short (style-src and img-src only repeat what
 * default-src says), without `frame-ancestors`, which a meta element cannot carry.
 */
export const META_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** The header the app must run under (www/integrate.html recommends it). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors *";

/**
 * Records, in every frame, what must never happen: CSP violations (`window.__violations`),
 * and in the host page every message it receives with its origin and type
 * (`window.__messages`) and the loader's events (`window.__events`). A payload that runs
 * would set `window.__pwned`.
 */
export async function recordEverything(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
    window.__messages = [];
    addEventListener('message', (event) =>
      window.__messages.push({ origin: event.origin, type: event.data?.type ?? String(event.data) }),
    );
    window.__events = [];
    for (const type of ['umbral:report', 'umbral:pack-ready', 'umbral:pack-error']) {
      addEventListener(type, (event) => window.__events.push({ type, detail: event.detail }));
    }
  });
}

/**
 * Serves pages of a host site on its own origin (127.0.0.1, another port than the app's).
 * `routes` maps a path to [content type, body]; the demo page and its files come from dist/
 * with the loader's address pointed at the app's origin, as a real host page would write it.
 */
export async function startHost(appUrl, routes = {}) {
  const demo = await demoPage(appUrl);
  const files = {
    '/': ['text/html; charset=utf-8', demo],
    '/embed-demo.js': ['text/javascript; charset=utf-8', await readFile(join(DIST, 'embed-demo.js'))],
    '/embed-demo.toml': ['text/plain; charset=utf-8', await readFile(join(DIST, 'embed-demo.toml'))],
    '/guia.css': ['text/css; charset=utf-8', await readFile(join(DIST, 'guia.css'))],
    '/integra.html': ['text/html; charset=utf-8', await readFile(join(DIST, 'integra.html'))],
    ...routes,
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const file = files[path];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain', 'Cache-Control': 'no-store' });
    response.end(file?.[1] ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    origin: new URL(url).origin,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** dist/embed-demo.html with its loader taken from the app's origin. */
export async function demoPage(appUrl, edit = (html) => html) {
  const html = await readFile(join(DIST, 'embed-demo.html'), 'utf8');
  const pointed = html.replace('src="embed.js"', `src="${appUrl}embed.js"`);
  if (pointed === html) throw new Error('embed-demo.html no longer loads embed.js with src="embed.js"');
  return edit(pointed);
}

/** The app's frame in `page` (its iframe's content). */
export async function appFrame(page, appUrl) {
  const iframe = page.locator('iframe').first();
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  if (!frame.url().startsWith(appUrl)) throw new Error(`the iframe shows ${frame.url()}, not the app`);
  return frame;
}

/**
 * Answers every question on the way with the first real option (a number: 500), page after
 * page, until the results show. Returns how many pages it went through.
 */
export async function completeQuestionnaire(frame) {
  await frame.getByTestId('comenzar').click();
  const asked = [];
  while ((await frame.getByTestId('resultados').count()) === 0) {
    await frame.getByTestId('pregunta').first().waitFor({ timeout: 15_000 });
    for (const question of await frame.getByTestId('pregunta').all()) {
      asked.push(await question.innerText());
      const select = question.locator('select');
      const number = question.locator('input[type=number], input[type=text]');
      const option = question.locator('input[type=radio]:not([data-testid$="-no-se"]), input[type=checkbox]').first();
      if (await select.count()) await select.selectOption({ index: 1 });
      else if (await number.count()) await number.fill('500');
      else if (await option.count()) await option.check();
    }
    await frame.getByTestId('siguiente').click();
    if (asked.length > 80) throw new Error('the questionnaire does not end');
  }
  return asked;
}
