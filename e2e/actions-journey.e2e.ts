import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  arrive,
  expectAccessible,
  openPage,
  settled,
  startStack,
  type Stack,
  unexpected,
  signInWithForm,
} from './fixtures.ts';

// Joint actions and the nucleus at work, with the demo network: the public sees public actions with their progress;
// a centre's staff member opens an action, adds a milestone and marks it done (Italian, and the list at phone width);
// a nucleus member plans the next meeting, finds the open action items on its agenda, records an action item (the
// server's objection shown beside the fields first), holds the meeting and approves the previous minutes (English).
// Axe on every page.
let stack: Stack;
let demo: { password: string };

beforeAll(async () => {
  stack = await startStack();
  demo = (await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as { password: string };
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function signIn(page: Page, lang: 'it' | 'en', email: string, returnTo: string) {
  await signInWithForm(page, lang, email, demo.password, returnTo);
}

describe('joint actions (Italian)', () => {
  it('the public sees public actions; a centre opens one, adds a milestone and marks it done', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await page.goto('/azioni');
      await arrive(page, /\/azioni$/, 'Azioni congiunte');
      const rows = page.locator('.action-table tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      // Every progress has its value written beside the bar.
      const texts = await page.locator('.action-progress').allTextContents();
      expect(texts.every((t) => /%|—/.test(t))).toBe(true);
      expect(await page.getByRole('link', { name: 'Nuova azione congiunta' }).count()).toBe(0);
      await expectAccessible(page);

      await signIn(page, 'it', 'sara.pieri@lucense.example.org', '/azioni');
      await arrive(page, /\/azioni$/, 'Azioni congiunte');
      // A network action with no milestone reads "—", not 0 %.
      const nano = page.locator('.action-table tbody tr', { hasText: 'Superfici nanostrutturate' });
      await expect.poll(() => nano.locator('.action-progress').textContent()).toContain('—');
      // Filtering by the lateness rule.
      await page.getByLabel('Solo le azioni in ritardo (secondo le tappe)').check();
      await page.getByRole('button', { name: 'Applica i filtri' }).click();
      await page.waitForURL(/ritardo=1/);
      await settled(page);
      await expect.poll(() => rows.count()).toBe(1);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Nuova azione congiunta' }).click();
      await arrive(page, /\/azioni\/nuova$/, 'Nuova azione congiunta');
      await page.getByLabel('Titolo (italiano)').fill('Prove condivise sulla carta riciclata');
      await page.getByRole('button', { name: 'Crea l’azione' }).click();
      // The end is missing: the server says so beside the field.
      await expect.poll(() => page.locator('.field-invalid').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await page.getByLabel('Fine').fill('2027-12-31');
      await page.getByRole('button', { name: 'Crea l’azione' }).click();
      await arrive(page, /\/azioni\/[0-9a-f-]{36}$/, /Prove condivise sulla carta riciclata/);
      await expect.poll(() => page.locator('.action-progress').first().textContent()).toContain('—');

      await page.getByLabel('Titolo della tappa').fill('Campionatura');
      await page.getByLabel('Scadenza').fill('2027-03-31');
      await page.getByRole('button', { name: 'Aggiungi una tappa' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Tappa aggiunta');
      await page.getByLabel('Segna «Campionatura» come completata').check();
      await expect.poll(() => page.locator('.action-progress').first().textContent()).toContain('100');
      await expectAccessible(page);
      expect(unexpected(problems, [/status of 400/])).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a request's lead centre turns the agreed team into a joint action", async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signIn(page, 'it', 'matteo.innocenti@cptm.example.org', '/richieste');
      const list = (await (await page.request.get('/api/v1/requests?limit=100')).json()) as {
        items: { id: string; state: string }[];
      };
      const agreed = list.items.find((r) => r.state === 'team_agreed')!;
      await page.goto(`/richieste/${agreed.id}`);
      await settled(page);
      const section = page.getByRole('region', { name: 'Azione congiunta', exact: true });
      await section.getByLabel('Fine').fill('2027-06-30');
      await expectAccessible(page);
      await section.getByRole('button', { name: 'Trasforma la squadra in azione congiunta' }).click();
      await arrive(page, /\/azioni\/[0-9a-f-]{36}$/, /^A-\d{4}/);
      const partners = page.getByRole('region', { name: 'Partner', exact: true });
      await expect.poll(() => partners.textContent()).toContain('capofila');
      expect(await partners.locator('li').count()).toBeGreaterThanOrEqual(3);
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reads on a phone', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it', mobile: true });
    try {
      await page.goto('/azioni');
      await arrive(page, /\/azioni$/, 'Azioni congiunte');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(380);
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the nucleus at work (English)', () => {
  it('plans the next meeting with the open items carried over, records an action item, holds it and approves the previous minutes', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await signIn(page, 'en', 'chiara.lombardi@lucense.example.org', '/nucleo');
      await arrive(page, /\/nucleo$/, 'Coordination nucleus');
      await expect.poll(() => page.locator('main li a[href^="/nucleo/riunioni/"]').count()).toBe(6);
      await expectAccessible(page);

      await page.getByLabel('Day').fill('2030-01-15');
      await page.getByRole('button', { name: 'Plan', exact: true }).click();
      await arrive(page, /\/nucleo\/riunioni\/[0-9a-f-]{36}$/, /^Meeting N-\d{4}$/);
      const agenda = page.getByRole('region', { name: 'Agenda' });
      await expect.poll(() => agenda.getByText(/carried over from meeting/).count()).toBeGreaterThan(0);
      await expectAccessible(page);

      await page.getByLabel('Kind of outcome').selectOption('action');
      await page.getByLabel('Text').fill('Send the half-year figures to the Region');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await expect.poll(() => page.locator('.field-invalid').count()).toBe(2);
      await expectAccessible(page);
      await page.getByLabel('Owner').selectOption({ index: 1 });
      await page.getByLabel('Due by').fill('2030-02-15');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      const outcomes = page.getByRole('region', { name: 'Outcomes' });
      await expect.poll(() => outcomes.textContent()).toContain('Send the half-year figures to the Region');

      await page.getByRole('button', { name: 'Mark the meeting as held' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('marked as held');
      await page.getByRole('button', { name: /^Approve the minutes of meeting N-\d{4}$/ }).click();
      await expect.poll(() => outcomes.textContent()).toContain('approved');
      await expectAccessible(page);
      expect(unexpected(problems, [/status of 400/])).toEqual([]);
    } finally {
      await close();
    }
  });
});
