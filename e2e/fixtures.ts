import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { loadConfig } from '../apps/server/src/config.ts';
import net from 'node:net';
import pg from 'pg';
import { startServer, type RunningServer } from '../apps/server/src/server.ts';
import { startSmtp } from '../apps/server/src/test/smtp.ts';

/** A real server on a fresh embedded database with the demo network, a real SMTP server, and a real Chromium. */
export interface Stack {
  server: RunningServer;
  browser: Browser;
  baseUrl: string;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** Runs a service function against the stack's database (e.g. to create accounts). */
  database: RunningServer['database'];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The stack runs on a copy of the run's embedded data directory with the demo loaded (e2e/global-setup.ts). With
 * `postgresUrl` (a server's admin URL) it runs instead on a fresh, empty PostgreSQL database, dropped at the end: the
 * server migrates it and loads the demo itself, as on a first start.
 */
export async function startStack(opts: { postgresUrl?: string } = {}): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-e2e-'));
  if (!opts.postgresUrl) fs.cpSync(inject('e2eDataDir'), path.join(dir, 'data'), { recursive: true });
  const smtp = await startSmtp();
  const port = await freePort();
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  if (opts.postgresUrl) {
    const name = `clock_e2e_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: opts.postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(opts.postgresUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const config = loadConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    CLOCK_DATA_DIR: path.join(dir, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    CLOCK_SEED: 'demo',
    SMTP_URL: smtp.url,
    CLOCK_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The worker delivers queued mail (request notifications) quickly, so journeys can read it.
    CLOCK_WORKER_INTERVAL_MS: '300',
    // Every journey comes from one address: limits far above what they send (rate limits have their own tests).
    CLOCK_RATE_LIMIT_ANONYMOUS: '100000',
    CLOCK_RATE_LIMIT_MEMBER: '100000',
    CLOCK_RATE_LIMIT_NOT_FOUND: '100000',
  });
  const server = await startServer(config, { handleSignals: false, logger: false });
  // The server listens before its search index is built; the journeys expect full search results.
  await server.app.searchService.ready();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    smtp,
    database: server.database,
    async close() {
      await browser.close();
      await server.close();
      await dropDatabase();
      await smtp.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page that records console errors and failed requests, so every test can assert there were none. */
export async function openPage(stack: Stack, opts: { lang?: 'it' | 'en'; mobile?: boolean } = {}) {
  const context: BrowserContext = await stack.browser.newContext({
    baseURL: stack.baseUrl,
    viewport: opts.mobile ? { width: 375, height: 740 } : { width: 1280, height: 900 },
    locale: opts.lang === 'en' ? 'en-GB' : 'it-IT',
  });
  if (opts.lang) await context.addInitScript((l) => localStorage.setItem('clock.lang', l), opts.lang);
  // The choice as the app keeps it for the server too, so public pages arrive rendered in that language.
  if (opts.lang) await context.addCookies([{ name: 'clock_lang', value: opts.lang, url: stack.baseUrl }]);
  const page = await context.newPage();
  // A page the server rendered shows before its scripts have run: every navigation waits until the app has taken the
  // page over, as a person would before the buttons respond.
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', undefined, { timeout: 15_000 });
    return response;
  };
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

/** WCAG 2.1 A and AA violations found by axe on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/** No WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Client-side navigation changes the URL before the new page renders: wait for its heading too. */
export async function arrive(page: Page, url: RegExp, heading: RegExp | string): Promise<void> {
  await page.waitForURL(url);
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(heading);
  await settled(page);
}

/** Waits until the page shows its h1 and has finished loading data. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  // A page the server rendered shows before its scripts run: wait until the app has taken it over.
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', undefined, { timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 });
}

/** Console lines the journey provokes on purpose (the browser logs each 4xx answer); any other is a failure. */
const SIGN_IN_WORDS = {
  it: { email: 'Indirizzo e-mail', signIn: 'Accedi' },
  en: { email: 'E-mail address', signIn: 'Sign in' },
} as const;

/** Signs in through the sign-in form, as a person does, and waits for the page it returns to. */
export async function signInWithForm(
  page: Page,
  lang: 'it' | 'en',
  email: string,
  password: string,
  returnTo: string,
): Promise<void> {
  await page.goto(`/accedi?torna=${encodeURIComponent(returnTo)}`);
  await settled(page);
  const main = page.getByRole('main');
  await main.getByLabel(SIGN_IN_WORDS[lang].email).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: SIGN_IN_WORDS[lang].signIn, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
  await settled(page);
}

export function unexpected(problems: string[], expected: RegExp[]): string[] {
  const left = [...expected];
  return problems.filter((p) => {
    const i = left.findIndex((re) => re.test(p));
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}
