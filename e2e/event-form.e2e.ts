import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';

// A centre writes an event from the web: the empty form names what is missing; a workshop of two sessions is saved as
// a draft, changed, published, and a visitor finds it in the calendar. Accessible in Italian and English, on a phone.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const TITLE = 'Workshop sulla stampa 3D di materiali compositi';
// Days a month ahead, in Italian time, so the event is upcoming whatever the day the test runs.
const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, landing: string) {
  await page.goto('/accedi');
  await settled(page);
  const main = page.getByRole('main');
  await main.locator('input[type="email"]').fill('sara.pieri@lucense.example.org');
  await main.locator('input[type="password"]').fill('clock-demo');
  await main.locator('button[type="submit"]').click();
  await page.waitForURL(/\/richieste$/);
  await page.goto(landing);
  await settled(page);
}

describe('a centre', () => {
  it('writes a workshop of two sessions, changes it, publishes it, and a visitor finds it', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signIn(page, '/eventi');
      const main = page.getByRole('main');
      await main.getByRole('link', { name: 'Nuovo evento' }).click();
      await arrive(page, /\/eventi\/nuovo$/, 'Nuovo evento');
      expect(await axeViolations(page)).toEqual([]);

      // The empty form names every missing piece, next to the fields and in the summary; nothing is sent.
      await main.getByRole('button', { name: 'Salva la bozza' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/titolo/);
      const summary = (await page.locator('.error-summary').textContent()) ?? '';
      expect(summary).toMatch(/sommario/);
      expect(summary).toMatch(/luogo/);
      expect(summary).toMatch(/Per ogni incontro/);
      expect(await axeViolations(page)).toEqual([]);

      await main.getByLabel('Workshop', { exact: true }).check();
      await main.getByLabel('Titolo (italiano)').fill(TITLE);
      await main.getByLabel('Sommario (italiano)').fill('Due mattine di prove pratiche con le stampanti del centro.');
      await main.getByLabel('Luogo', { exact: true }).fill('Lucense, laboratorio materiali');
      await main.getByLabel('Indirizzo').fill('Via della Chiesa XXXII, 231, Lucca');
      await page.locator('#event-sessions-0-day').fill(dayAhead(30));
      await page.locator('#event-sessions-0-start').fill('09:30');
      await page.locator('#event-sessions-0-end').fill('13:00');
      await main.getByRole('button', { name: 'Aggiungi un incontro' }).click();
      await page.locator('#event-sessions-1-day').fill(dayAhead(31));
      await main.getByLabel('Posti disponibili').fill('12');
      await main.getByLabel('Prezzo in euro').fill('49,50');
      await main.getByLabel('Carta e tissue (distretto Lucca-Pistoia)').check();
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'Salva la bozza' }).click();
      await arrive(page, /\/eventi\/[0-9a-f-]{36}$/, TITLE);
      const url = page.url();
      expect(await main.textContent()).toMatch(/Bozza/);
      expect(await main.textContent()).toMatch(/2 incontri|Programma/);
      expect(await main.textContent()).toMatch(/49,50/);
      expect(await page.locator('.event-sessions li').count()).toBe(2);

      // Changing it: the form holds what was saved (hours in Italian time); a third session is added.
      await main.getByRole('link', { name: 'Modifica', exact: true }).click();
      await arrive(page, /\/modifica$/, 'Modifica l’evento');
      expect(await page.locator('#event-sessions-1-start').inputValue()).toBe('09:30');
      expect(await main.getByLabel('Prezzo in euro').inputValue()).toBe('49.50');
      await main.getByRole('button', { name: 'Aggiungi un incontro' }).click();
      await page.locator('#event-sessions-2-day').fill(dayAhead(32));
      await main.getByRole('button', { name: 'Salva le modifiche' }).click();
      await arrive(page, /\/eventi\/[0-9a-f-]{36}$/, TITLE);
      expect(page.url()).toBe(url);
      await expect.poll(() => page.locator('.event-sessions li').count()).toBe(3);

      await main.getByRole('button', { name: 'Pubblica' }).click();
      await expect.poll(() => main.textContent()).toMatch(/Evento pubblicato/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }

    // A visitor without a session finds it in the calendar.
    const visitor = await openPage(stack, { lang: 'it' });
    try {
      await visitor.page.goto(`/eventi?q=${encodeURIComponent('stampa 3D')}`);
      await settled(visitor.page);
      await expect.poll(() => visitor.page.getByRole('main').textContent()).toContain(TITLE);
      expect(await visitor.page.getByRole('link', { name: 'Nuovo evento' }).count()).toBe(0);
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.close();
    }
  });

  it('finds the form accessible in English and fitting a phone', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en', mobile: true });
    try {
      await signIn(page, '/eventi/nuovo');
      await arrive(page, /\/eventi\/nuovo$/, 'New event');
      expect(await axeViolations(page)).toEqual([]);
      const main = page.getByRole('main');
      await main.getByLabel('Online', { exact: true }).check();
      await main.getByRole('button', { name: 'Add a session' }).click();
      await main.getByRole('button', { name: 'Save the draft' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/https:\/\//);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
