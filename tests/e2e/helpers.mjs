// Shared pieces for the end-to-end tests and the size check: the browser, the static server,
// a watcher for console errors and failed requests, and a page object for the start screen.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, REPO_ROOT, startServer } from './server.mjs';

/** Debian's Chromium; nothing downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for this machine: root, no GPU, and a closed network that Chromium must not dial. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 360, height: 740 };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The command line, `umbral`, built (debug) if it is not up to date: its path. */
export function umbralBinary() {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'umbral'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return join(REPO_ROOT, 'target', 'debug', 'umbral');
}

/** Serves dist/ (it must have been built: `trunk build --release --offline`). */
export async function serveDist(options = {}) {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html missing: build the app first (`make test` does, or `trunk build --release --offline`)');
  }
  return startServer({ root: DIST, ...options });
}

/**
 * Collects what should never happen on a page: console errors, uncaught exceptions, failed
 * requests and HTTP responses >= 400.
 */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The exports of the packs' examples (tests/xlsform.rs writes them). */
export const EXPORTS = join(REPO_ROOT, 'tests', 'fixtures', 'kobo');

/**
 * Kobo's CSV export `kobo-mx.csv` made `count` rows long: its rows again and again, each copy
 * with ids of its own.
 */
export function koboExport(count) {
  const [header, ...rows] = readFileSync(join(EXPORTS, 'kobo-mx.csv'), 'utf8').trimEnd().split('\r\n');
  assert.ok(!header.includes('"') && !rows.some((r) => r.includes('"')), 'no quoted cells to split');
  const columns = header.split(';');
  const at = (name) => columns.indexOf(name);
  const [instance, id, uuid, index] = ['meta/instanceID', '_id', '_uuid', '_index'].map(at);
  const out = [header];
  for (let n = 0; n < count; n += 1) {
    const cells = rows[n % rows.length].split(';');
    const key = `00000000-0000-4000-9000-${String(n + 1).padStart(12, '0')}`;
    cells[instance] = `uuid:${key}`;
    cells[id] = String(100_000 + n);
    cells[uuid] = key;
    cells[index] = String(n + 1);
    out.push(cells.join(';'));
  }
  return out.join('\r\n') + '\r\n';
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The key under which the app keeps the draft in localStorage. */
export const DRAFT_KEY = 'umbral.draft/1';

/** A fairly complete Mexican profile (a rural craft business), for results screens. */
export const SAMPLE_PROFILE = {
  schema: 'umbral.profile/2', country: 'MX', region: 'MX-PUE', locality: 'rural', sector: 'crafts',
  size: 'solo', goal: 'grow_local',
  connectivity: { internet: 'mobile_data', devices: ['smartphone'] },
  skills: { digital_level: 2, helper: 'family_youth', hours_per_week: 3 },
  logistics: { shipping_access: 'post_office', delivers_locally: true, packaging: false },
  payments: { bank_account: false, accepts: ['cash'], monthly_budget: 200 },
  formalisation: { tax_id: 'none' },
  presence: { channels: ['whatsapp'], product_photos: false, online_sales_share: 0, inventory: 'paper' },
  motivation: { level: 4 },
  network: { association: false, intermediary: false, programme: false },
};

/** Makes the page start with `profile` saved as a draft on `screen` (before any script runs). */
export async function seedDraft(context, profile, screen = 'results', locale = 'es') {
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [DRAFT_KEY, JSON.stringify({ country: profile.country, locale, screen, profile })],
  );
}

/** Runs axe-core with the WCAG 2.1 A/AA rules; returns readable violations (empty when none). */
export async function axeViolations(page, AxeBuilder) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ` +
      violation.nodes.map((node) => node.target.join(' ')).join('\n    '),
  );
}

/** The data-testid, id and tag of the focused element. */
export function focused(page) {
  return page.evaluate(() => ({
    testid: document.activeElement?.dataset?.testid ?? null,
    id: document.activeElement?.id ?? null,
    tag: document.activeElement?.tagName ?? null,
  }));
}

/** Presses Tab until the element with `testId` has focus (at most `limit` presses). */
export async function tabTo(page, testId, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.testid === testId) return presses + 1;
  }
  throw new Error(`${testId} never received focus by keyboard`);
}

/** Page object for the start screen. */
export class StartScreen {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.heading = page.getByTestId('titulo');
    this.startButton = page.getByTestId('comenzar');
    this.question = page.getByTestId('pregunta').first();
  }

  /** Opens the app and waits until it has drawn the start screen. */
  async open() {
    await this.page.goto(this.baseUrl, { waitUntil: 'load' });
    await this.heading.waitFor({ state: 'visible', timeout: 15_000 });
    await this.startButton.waitFor({ state: 'visible' });
  }

  /** Tabs from the top of the page until the Comenzar button has focus (at most 10 presses). */
  async tabToStartButton() {
    for (let presses = 0; presses < 10; presses += 1) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => document.activeElement?.dataset?.testid ?? null);
      if (focused === 'comenzar') return presses + 1;
    }
    throw new Error('Comenzar never received focus by keyboard');
  }

  focusedTestId() {
    return this.page.evaluate(() => document.activeElement?.dataset?.testid ?? null);
  }
}
