import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { readPdfText } from '../apps/server/src/test/pdf.ts';
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

// Issue 15's matchmaking day and filiera map in the demo network: a participant asks another for a 1:1 meeting, the
// other accepts, the organiser makes the schedule and sees the grid, both find the meeting in their agenda (web,
// iCalendar, PDF) and rate it once the day has come; the paper and nautical maps show their graph and the table of
// relations; a company declares a relation and a centre verifies it. Axe in Italian and English, a phone's width.
let stack: Stack;
let password = '';
let dayId = '';
const FEDERICO = 'federico.del.carlo@cartiera-brancoli.example.org';
const MASSIMO = 'massimo.tonelli@pietre-del-frigido.example.org';
const IRENE = 'irene.franchi@navigo.example.org';
const SARA = 'sara.pieri@lucense.example.org';
const REGION = 'giovanni.bartoli@regione.example.org';

beforeAll(async () => {
  stack = await startStack();
  password = ((await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as { password: string }).password;
  const days = (await (await fetch(`${stack.baseUrl}/api/v1/matchmaking`)).json()) as { items: { id: string }[] };
  dayId = days.items[0]!.id;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function signIn(page: Page, lang: 'it' | 'en', email: string, returnTo: string) {
  await signInWithForm(page, lang, email, password, returnTo);
}

/** Signs in a fresh browser as `email` on `url`, runs `steps`, and checks there was no unexpected console error. */
async function as(
  email: string,
  url: string,
  steps: (page: Page) => Promise<void>,
  opts: { lang?: 'it' | 'en'; mobile?: boolean } = {},
) {
  const lang = opts.lang ?? 'it';
  const { page, problems, close } = await openPage(stack, { lang, mobile: opts.mobile });
  try {
    if (opts.mobile) await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, lang, email, url);
    await steps(page);
    expect(unexpected(problems, [])).toEqual([]);
  } finally {
    await close();
  }
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a matchmaking day', () => {
  it('is organised by a centre through the form; a company is told it cannot', async () => {
    await as(SARA, '/incontri', async (page) => {
      await arrive(page, /\/incontri$/, 'Giornate di incontri B2B');
      await page.getByRole('link', { name: 'Organizza una giornata di incontri' }).click();
      await arrive(page, /\/incontri\/nuova$/, 'Nuova giornata di incontri B2B');
      await expectAccessible(page);
      const main = page.getByRole('main');
      await main.getByLabel('Tavoli').fill('0');
      const day = main.getByLabel('Giorno');
      const planned = await day.inputValue();
      await day.fill('');
      await main.getByRole('button', { name: 'Crea la giornata' }).click();
      const summary = page.getByRole('alert').first();
      await expect.poll(() => summary.textContent()).toContain('Scrivi un titolo in italiano o in inglese.');
      expect(await summary.textContent()).toContain('I tavoli vanno da 1 a 500.');
      // The date field shows the browser's own format: the message asks for the day without naming one.
      expect(await summary.textContent()).toContain('Indica il giorno degli incontri.');
      await expectAccessible(page);
      await day.fill(planned);
      await main.getByLabel('Titolo in italiano').fill('Incontri B2B della filiera cartaria');
      await main.getByLabel('Tavoli').fill('8');
      await main.getByLabel('Turni').fill('10');
      await main.getByRole('button', { name: 'Crea la giornata' }).click();
      await arrive(page, /\/incontri\/[0-9a-f-]{36}$/, 'Incontri B2B della filiera cartaria');
      expect(await page.getByRole('main').textContent()).toMatch(/09:30/);
    });
    await as(
      FEDERICO,
      '/incontri/nuova',
      async (page) => {
        await arrive(page, /\/incontri\/nuova$/, 'New B2B matchmaking day');
        expect(await page.getByRole('main').textContent()).toContain(
          'Only the staff of a network centre organise a matchmaking day.',
        );
        expect(await page.getByRole('button', { name: 'Create the day' }).count()).toBe(0);
        await expectAccessible(page);
        expect(await noSideways(page)).toBe(true);
      },
      { lang: 'en', mobile: true },
    );
  });

  it('is linked from its event and listed with the others', async () => {
    // The demo links the day to NAVIGO's B2B event of the same day: each page leads to the other.
    const day = (await (await fetch(`${stack.baseUrl}/api/v1/matchmaking/${dayId}`)).json()) as { eventId: string };
    const eventId = day.eventId;
    expect(eventId).toBeTruthy();
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await page.goto(`/eventi/${eventId}`);
      await settled(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Refit sostenibile');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Giornata B2B della nautica: refit sostenibile' }).click();
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      const back = page.getByRole('link', { name: 'Refit sostenibile: cantieri e fornitori a confronto' });
      expect(await back.getAttribute('href')).toBe(`/eventi/${eventId}`);
      await expectAccessible(page);
      await page.goto('/incontri');
      await settled(page);
      expect(await page.getByRole('link', { name: /Giornata B2B della nautica/ }).count()).toBe(1);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a participant filters the others and asks one for a meeting with a note', async () => {
    await as(FEDERICO, `/incontri/${dayId}`, async (page) => {
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      await expectAccessible(page);
      const browse = page.getByRole('region', { name: 'Partecipanti', exact: true });
      await browse.getByLabel('Cerca per nome, organizzazione, offerta o richiesta').fill('marmo');
      await expect.poll(() => browse.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Massimo Tonelli']);
      await browse.getByRole('button', { name: 'Chiedi un incontro a Massimo Tonelli' }).click();
      await browse.getByLabel('Nota per Massimo Tonelli').fill('Pavimenti in marmo per i nostri uffici: parliamone.');
      await browse.getByRole('button', { name: 'Invia la richiesta' }).click();
      await expect.poll(() => browse.textContent()).toContain('Hai chiesto un incontro: in attesa di risposta');
      const requests = page.getByRole('region', { name: 'Richieste di incontro' });
      await expect.poll(() => requests.textContent()).toContain('Massimo Tonelli (Pietre del Frigido S.r.l.)');
      await expectAccessible(page);
    });
  });

  it('the other accepts, in English, on a phone', async () => {
    await as(
      MASSIMO,
      `/incontri/${dayId}`,
      async (page) => {
        await arrive(page, new RegExp(`/incontri/${dayId}$`), /Yachting B2B day/);
        const requests = page.getByRole('region', { name: 'Meeting requests' });
        expect(await requests.textContent()).toContain('Pavimenti in marmo per i nostri uffici');
        await expectAccessible(page);
        expect(await noSideways(page)).toBe(true);
        await requests.getByRole('button', { name: 'Accept the request of Federico Del Carlo' }).click();
        await expect.poll(() => requests.getByRole('status').textContent()).toContain('You accepted');
        await expect
          .poll(() => requests.getByRole('button', { name: 'Accept the request of Federico Del Carlo' }).count())
          .toBe(0);
        await expectAccessible(page);
      },
      { lang: 'en', mobile: true },
    );
  });

  it('the organiser makes the schedule and sees the grid with nobody double-booked', async () => {
    await as(IRENE, `/incontri/${dayId}`, async (page) => {
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      const desk = page.getByRole('region', { name: 'Organizzazione della giornata' });
      await desk.getByText(/^Tutte le richieste \(\d+\)$/).click();
      expect(await desk.getByRole('group').first().textContent()).toMatch(
        /Federico Del Carlo \(Cartiera Brancoli Tissue S\.p\.A\.\) ha chiesto a Massimo Tonelli \(Pietre del Frigido S\.r\.l\.\) accettata/,
      );
      await desk.getByRole('button', { name: 'Calcola il calendario' }).click();
      await expect.poll(() => desk.getByRole('status').textContent()).toMatch(/Calendario calcolato: \d+ incontri/);
      const grid = desk.getByRole('table');
      await expect.poll(() => grid.textContent()).toContain('Federico Del Carlo');
      const cells = await grid
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
      let met = 0;
      for (const row of cells) {
        const names = row.flatMap((c) => c.match(/[A-Z][a-z]+ (?:Del )?[A-Z][a-z]+(?= \()/g) ?? []);
        expect(new Set(names).size, row.join(' | ')).toBe(names.length);
        if (row.some((c) => c.includes('Federico Del Carlo') && c.includes('Massimo Tonelli'))) met++;
      }
      expect(met).toBe(1);
      expect(await desk.textContent()).toContain('Tutti gli incontri accettati sono in calendario.');
      await expectAccessible(page);
    });
  });

  it('both find the meeting in their agenda, as iCalendar and PDF, and rate it once the day has come', async () => {
    await as(FEDERICO, `/incontri/${dayId}`, async (page) => {
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      const agenda = page.getByRole('region', { name: 'La tua agenda' });
      await expect.poll(() => agenda.getByRole('table').textContent()).toContain('Massimo Tonelli');
      const ics = await page.request.get(`/api/v1/matchmaking/${dayId}/agenda.ics`);
      expect(ics.headers()['content-type']).toMatch(/text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
      const summaries = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
      expect(summaries.some((s) => s.includes('Massimo Tonelli'))).toBe(true);
      const href = await agenda.getByRole('link', { name: 'Scarica il PDF da stampare' }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const { text } = await readPdfText(bytes);
      expect(text).toContain('Giornata B2B della nautica');
      expect(text).toContain('Massimo Tonelli');
    });
    await as(MASSIMO, `/incontri/${dayId}`, async (page) => {
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      const agenda = page.getByRole('region', { name: 'La tua agenda' });
      await expect.poll(() => agenda.getByRole('table').textContent()).toContain('Federico Del Carlo');
    });
    // The day comes: the meetings may be rated.
    await stack.database.db.execute(sql`update matchmaking_days set day = current_date - 1 where id = ${dayId}`);
    await as(FEDERICO, `/incontri/${dayId}`, async (page) => {
      await arrive(page, new RegExp(`/incontri/${dayId}$`), /Giornata B2B della nautica/);
      const agenda = page.getByRole('region', { name: 'La tua agenda' });
      await agenda.getByRole('button', { name: 'Valuta l’incontro con Massimo Tonelli' }).click();
      await agenda.getByRole('button', { name: 'Invia la valutazione' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Scegli un voto da 1 a 5.');
      await agenda
        .getByRole('group', { name: /Quanto è stato utile l’incontro con Massimo Tonelli/ })
        .getByLabel('4')
        .check();
      await agenda.getByLabel('Commento (facoltativo)').fill('Utile, ci rivediamo in cava.');
      await agenda.getByRole('button', { name: 'Invia la valutazione' }).click();
      await expect.poll(() => agenda.textContent()).toContain('Valutato, grazie');
      await expectAccessible(page);
    });
  });
});

describe('the filiera map', () => {
  it('shows the paper chain to the Region: graph, table, chain steps and introductions', async () => {
    await as(REGION, '/filiere/carta/mappa', async (page) => {
      await arrive(page, /\/filiere\/carta\/mappa$/, /Mappa della filiera: Carta/);
      const graph = page.getByRole('group', { name: /Grafo della filiera/ });
      await graph.waitFor();
      const nodes = graph.getByRole('link');
      expect(await nodes.count()).toBeGreaterThanOrEqual(5);
      const table = page.getByRole('table', { name: /Relazioni fra imprese della filiera/ });
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
      expect(await table.textContent()).toContain('verificata da un centro');
      expect(await table.textContent()).toContain('dichiarata dall’impresa');
      expect(await page.getByRole('main').textContent()).toContain('Presentazioni fatte dai centri');
      expect(await page.getByRole('main').textContent()).toContain('nessun fornitore locale');
      // Keyboard: the organisations are links in the graph, each named.
      await nodes.first().focus();
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      expect(focused).toMatch(/, (impresa|centro), \d+ relazion/);
      await expectAccessible(page);
    });
  });

  it('shows the nautical chain in English on a phone: the table first, the graph scrolls', async () => {
    await as(
      SARA,
      '/filiere/nautica/mappa',
      async (page) => {
        await arrive(page, /\/filiere\/nautica\/mappa$/, /Supply-chain map: /);
        const graph = page.getByRole('group', { name: /Graph of the .* supply chain/ });
        await graph.waitFor();
        expect(await graph.getByRole('link').count()).toBeGreaterThanOrEqual(5);
        const table = page.getByRole('table', { name: /Relations between the companies/ });
        const [tableTop, graphTop] = await Promise.all([
          table.evaluate((e) => e.getBoundingClientRect().top),
          graph.evaluate((e) => e.getBoundingClientRect().top),
        ]);
        expect(tableTop).toBeLessThan(graphTop);
        expect(await noSideways(page)).toBe(true);
        await expectAccessible(page);
      },
      { lang: 'en', mobile: true },
    );
  });

  it('a company declares a relation and a centre verifies it', async () => {
    await as(FEDERICO, '/filiere/carta/mappa', async (page) => {
      await arrive(page, /\/filiere\/carta\/mappa$/, /Mappa della filiera: Carta/);
      const form = page.getByRole('region', { name: 'Dichiara una relazione della tua impresa' });
      await form.getByRole('button', { name: 'Dichiara la relazione' }).click();
      await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('Scegli la relazione.');
      await form.getByLabel('Relazione').selectOption('customer-of');
      await form.getByLabel('Con l’impresa').selectOption({ label: 'Chimica del Serchio S.r.l.' });
      await form.getByRole('button', { name: 'Dichiara la relazione' }).click();
      await expect
        .poll(() => page.getByRole('main').getByRole('status').textContent())
        .toContain('Relazione dichiarata');
      const table = page.getByRole('table', { name: /Relazioni fra imprese della filiera/ });
      await expect
        .poll(() => table.locator('tr', { hasText: 'cliente di' }).filter({ hasText: 'Chimica del Serchio' }).count())
        .toBe(1);
      await expectAccessible(page);
    });
    await as(SARA, '/filiere/carta/mappa', async (page) => {
      await arrive(page, /\/filiere\/carta\/mappa$/, /Mappa della filiera: Carta/);
      const row = page
        .getByRole('table', { name: /Relazioni fra imprese della filiera/ })
        .locator('tr', { hasText: 'cliente di' })
        .filter({ hasText: 'Chimica del Serchio' });
      await row
        .getByRole('button', {
          name: 'Verifica la relazione fra Cartiera Brancoli Tissue S.p.A. e Chimica del Serchio S.r.l.',
        })
        .click();
      await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toContain('verificata');
      await expect.poll(() => row.textContent()).toContain('verificata da un centro');
      expect(await row.getByRole('button').count()).toBe(0);
      await expectAccessible(page);
    });
  });
});
