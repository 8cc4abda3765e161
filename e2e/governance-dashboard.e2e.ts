import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, expectAccessible, openPage, settled, startStack, type Stack, signInWithForm } from './fixtures.ts';

// The protocol's dashboard and the network's public results, on the demo network: the Region (Italian) and a nucleus
// member (English) open the dashboard, change the period, read KPIs with targets and statuses in words, open the
// records a KPI counted, and find the S3 heat map with its gaps and overlaps (linked to the records); a company member
// gets no link and a forbidden state; the public page reads without JavaScript. Axe on every page, and a phone.
let stack: Stack;

const WORDS = {
  it: {
    dashboard: 'Cruscotto',
    heading: 'Cruscotto del protocollo',
    from: 'Dal',
    to: 'Al',
    update: 'Aggiorna',
    records: /Record contati/,
    gaps: 'Celle scoperte',
    overlaps: 'Sovrapposizioni tra centri',
    statuses: /In linea|Attenzione|In ritardo|Senza obiettivo o dati/,
    yesNo: /^(sì|no|—)$/,
  },
  en: {
    dashboard: 'Dashboard',
    heading: 'Protocol dashboard',
    from: 'From',
    to: 'To',
    update: 'Update',
    records: /Records counted/,
    gaps: 'Cells nobody covers',
    overlaps: 'Overlaps between centres',
    statuses: /On track|At risk|Off track|No target or no data/,
    yesNo: /^(yes|no|—)$/,
  },
} as const;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function signIn(page: Page, lang: 'it' | 'en', email: string, returnTo: string) {
  await signInWithForm(page, lang, email, 'clock-demo', returnTo);
}

async function dashboardJourney(lang: 'it' | 'en', email: string) {
  const w = WORDS[lang];
  const { page, problems, close } = await openPage(stack, { lang });
  try {
    await signIn(page, lang, email, '/');
    // The link lives in the main menu for those who may see the dashboard.
    await page.getByRole('navigation').getByRole('link', { name: w.dashboard, exact: true }).click();
    await arrive(page, /\/governo$/, w.heading);
    const rows = page.locator('.gov-kpi-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    // Every KPI has its status in words, and a target column; a missing value or target reads "—", never 0 %.
    const statuses = await page.locator('.gov-kpi-table .gov-status').allTextContents();
    expect(statuses.length).toBe(await rows.count());
    expect(statuses.every((s) => w.statuses.test(s))).toBe(true);
    const received = page.locator('.gov-kpi-table tr[data-kpi="requests.received"] td');
    expect(Number((await received.nth(0).textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await received.nth(1).textContent()).toMatch(/\d/);
    expect((await page.locator('.gov-kpi-table td').allTextContents()).some((t) => t === '0 %')).toBe(false);
    // A chart per KPI, each with a title, a summary and a table of its numbers.
    const charts = page.locator('figure.gov-chart');
    expect(await charts.count()).toBeGreaterThan(5);
    expect(await charts.first().locator('svg[role="img"]').count()).toBe(1);
    // A yes/no KPI is a row of marks with their words, not columns.
    const yesNo = charts.locator('svg.gov-svg-yesno');
    expect(await yesNo.count()).toBeGreaterThan(0);
    expect(await yesNo.first().locator('.gov-bar').count()).toBe(0);
    const words = await yesNo.first().locator('.gov-value').allTextContents();
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((x) => w.yesNo.test(x))).toBe(true);
    await expectAccessible(page);

    // Another period: the last half-year of last year.
    const year = new Date().getFullYear() - 1;
    await page.getByLabel(w.from, { exact: true }).fill(`${year}-07-01`);
    await page.getByLabel(w.to, { exact: true }).fill(`${year}-12-31`);
    await page.getByRole('button', { name: w.update }).click();
    await page.waitForURL(new RegExp(`dal=${year}-07-01&al=${year}-12-31`));
    await settled(page);
    await expect.poll(() => page.locator('.gov-kpi-table caption').textContent()).toContain(String(year));
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const count = Number(
      (await page.locator('.gov-kpi-table tr[data-kpi="requests.received"] td').first().textContent())?.replace(
        /\D/g,
        '',
      ),
    );

    // The records the KPI counted: as many as its value.
    await page.locator('.gov-kpi-table tr[data-kpi="requests.received"] a').click();
    await arrive(page, /\/governo\/indicatori\/requests\.received\?/, w.records);
    await expect.poll(() => page.locator('.gov-records li').count()).toBe(count);
    if (count) expect(await page.locator('.gov-records a').first().getAttribute('href')).toMatch(/^\/richieste\//);
    await expectAccessible(page);
    await page.goBack();
    await settled(page);

    // The heat map, the gaps and the overlaps with the records that overlap.
    await expect.poll(() => page.locator('table.gov-heat tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(20);
    expect(await page.locator('table.gov-heat thead th').count()).toBe(8); // cell, six centres, total
    await page.getByRole('heading', { name: w.gaps }).waitFor();
    expect(await page.locator('.gov-gaps li').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: w.overlaps }).waitFor();
    const overlapLinks = page.locator('.gov-overlap a');
    expect(await overlapLinks.count()).toBeGreaterThan(1);
    expect(await overlapLinks.first().getAttribute('href')).toMatch(/^\/(competenze|servizi|attrezzature)\//);
    // Demand by filiera, sector and province, each chart with its table.
    expect(await page.locator('#domanda figure.gov-chart').count()).toBe(3);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
}

describe('the dashboard', () => {
  it('the Region reads KPIs against targets, a KPI’s records, the heat map (Italian)', async () => {
    await dashboardJourney('it', 'giovanni.bartoli@regione.example.org');
  });

  it('a nucleus member reads the same (English)', async () => {
    await dashboardJourney('en', 'chiara.lombardi@lucense.example.org');
  });

  it('is readable on a phone: the heat map becomes a list per centre, tables scroll', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it', mobile: true });
    try {
      await signIn(page, 'it', 'chiara.lombardi@lucense.example.org', '/governo');
      await arrive(page, /\/governo$/, WORDS.it.heading);
      await expect.poll(() => page.locator('.gov-heat-centre').count(), { timeout: 30_000 }).toBe(6);
      expect(await page.locator('table.gov-heat').isVisible()).toBe(false);
      // Nothing wider than the screen but the tables' own scrolling boxes.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('.gov-heat-centre summary').first().click();
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a company member gets no link and a forbidden state', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signIn(page, 'it', 'tommaso.landi@cristallerie-badia.example.org', '/');
      expect(await page.getByRole('link', { name: WORDS.it.dashboard, exact: true }).count()).toBe(0);
      await page.goto('/governo');
      await settled(page);
      await page.getByTestId('gov-forbidden').waitFor();
      expect(await page.locator('.gov-kpi-table').count()).toBe(0);
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the public results', () => {
  it('show the figures without JavaScript, as SVG charts with tables', async () => {
    const context = await stack.browser.newContext({ baseURL: stack.baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/rete/risultati');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Risultati della rete');
      const figures = page.locator('.gov-figure');
      expect(await figures.count()).toBeGreaterThan(3);
      expect(await figures.first().locator('.gov-figure-value').textContent()).toMatch(/\d/);
      expect(await page.locator('.gov-kpi-table tbody tr').count()).toBeGreaterThan(3);
      expect(await page.locator('figure.gov-chart svg').count()).toBeGreaterThan(3);
      expect(await page.locator('figure.gov-chart details table').count()).toBeGreaterThan(3);
      // Public aggregates only: no records links, no revenue.
      expect(await page.locator('a[href^="/governo/indicatori"]').count()).toBe(0);
      expect(await page.locator('tr[data-kpi="bookings.revenue"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('are accessible in Italian and English, linked from the footer, and fit a phone', async () => {
    for (const lang of ['it', 'en'] as const) {
      const { page, problems, close } = await openPage(stack, { lang, mobile: lang === 'en' });
      try {
        await page.goto('/');
        await settled(page);
        await page
          .locator('footer')
          .getByRole('link', { name: lang === 'it' ? 'Risultati della rete' : "The network's results" })
          .click();
        await arrive(page, /\/rete\/risultati$/, lang === 'it' ? 'Risultati della rete' : "The network's results");
        await expect.poll(() => page.locator('.gov-figure').count()).toBeGreaterThan(3);
        await expectAccessible(page);
        if (lang === 'en') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
