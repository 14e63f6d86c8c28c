// Every page carries its own Content-Security-Policy (issue 13): served by a host that sends
// no headers at all, each page still refuses inline script, and each app still starts under
// it. Run after a release build (`make build`; www/csp-build.mjs puts the policy in).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, PHONE, serveDist, watchProblems } from './helpers.mjs';
import { META_CSP } from './embed-host.mjs';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  // No headers beyond what any static server sends: no policy from the server.
  server = await serveDist();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each page, and what shows that its app (if it has one) started. */
const PAGES = [
  ['', 'revisa'],
  ['taller/', 'vista'],
  ['planner/', 'archivos'],
  ['integra.html', null],
  ['integrate.html', null],
];
// (embed-demo.html stands for a programme's own page, on its own site: it has no policy of the
// app's; tests/e2e/embed-*.test.mjs serve it from another origin.)

describe('a policy on every page, with no headers from the server', () => {
  for (const [path, started] of PAGES) {
    test(`/${path} carries the policy, blocks inline script and still works`, async () => {
      const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
      try {
        const page = await context.newPage();
        const problems = watchProblems(page);
        const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
        assert.equal(response.headers()['content-security-policy'], undefined, 'no policy header');
        const metas = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((list) =>
          list.map((meta) => ({ content: meta.content, first: meta === document.head.querySelector('meta[http-equiv], script, link') })),
        );
        assert.deepEqual(metas, [{ content: META_CSP, first: true }], 'one policy, before any script or stylesheet');
        if (started) await page.getByTestId(started).waitFor({ state: 'attached', timeout: 20_000 });
        assert.deepEqual(problems, [], 'the page works under its policy');
        // What an injected payload would try: an inline script and an inline handler.
        const ran = await page.evaluate(async () => {
          const violations = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
          const script = document.createElement('script');
          script.textContent = 'window.__ran = true';
          document.head.append(script);
          const image = document.createElement('img');
          image.setAttribute('onerror', 'window.__ran = true');
          image.src = 'data:,x';
          document.body.append(image);
          const object = document.createElement('object');
          object.data = 'data:text/html,x';
          document.body.append(object);
          await new Promise((resolve) => setTimeout(resolve, 200));
          return { ran: window.__ran === true, violations: [...new Set(violations)].sort() };
        });
        assert.equal(ran.ran, false, 'no inline script ran');
        assert.ok(ran.violations.includes('script-src-elem'), `violations: ${ran.violations}`);
        assert.ok(ran.violations.includes('object-src'), `violations: ${ran.violations}`);
      } finally {
        await context.close();
      }
    });
  }
});
