import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { arrive, axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';
import { expandedNodes, SCHEMA } from './structured-data.ts';

// Issue 13's journey: a visitor finds an upcoming workshop on the home page, registers without an account and confirms
// by e-mail, gets the invitation for their calendar, and downloads the certificate once the organiser has recorded
// their presence. Accessible at every step; the event page is readable without scripts and describes an Event.
let stack: Stack;
let eventId = '';
let auth: Record<string, string> = {};
const TITLE = {
  it: 'Workshop sulle prove di compostabilità degli imballaggi',
  en: 'Workshop on packaging compostability tests',
};
const ORGANISER = { email: 'sara.pieri@lucense.example.org', password: 'clock-demo' };

async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${stack.baseUrl}/api/v1${url}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: r.status,
    body: (await r.json().catch(() => null)) as Record<string, unknown> | null,
    headers: r.headers,
  };
}

beforeAll(async () => {
  stack = await startStack();
  const login = await api('POST', '/auth/login', ORGANISER);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  auth = { cookie, 'x-csrf-token': String(login.body?.csrfToken) };
  const day = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
  const created = await api(
    'POST',
    '/events',
    {
      kind: 'workshop',
      title: TITLE,
      summary: {
        it: 'Metodi di prova e casi di imprese della filiera.',
        en: 'Test methods and cases from companies of the supply chain.',
      },
      mode: 'in-person',
      place: { name: 'Polo Tecnologico Lucchese', address: 'Lucca', lat: 43.87, lon: 10.55 },
      language: 'it',
      filiere: ['carta'],
      capacity: 30,
      visibility: 'public',
      organizers: [{ organization: 'lucense', role: 'lead' }],
      sessions: [{ start: `${day}T09:00:00+01:00`, end: `${day}T13:00:00+01:00` }],
    },
    auth,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  eventId = String(created.body?.id);
  expect((await api('POST', `/events/${eventId}/publish`, {}, auth)).status).toBe(200);
});
afterAll(async () => {
  await stack?.close();
});

/** The calendar file attached to a mail, decoded. */
function attachedCalendar(raw: string): string | null {
  const part = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([\s\S]*?)\r?\n--/.exec(raw);
  if (!part) return null;
  const header = raw.slice(raw.indexOf('Content-Type: text/calendar'), part.index + part[0].indexOf(part[1]!));
  return /base64/i.test(header) ? Buffer.from(part[1]!.replace(/\s+/g, ''), 'base64').toString('utf8') : part[1]!;
}

describe('a visitor', () => {
  let manage = '';
  it('finds the workshop on the home page, registers without an account and confirms by e-mail', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await page.goto('/');
      await settled(page);
      const upcoming = page.getByRole('region', { name: 'Upcoming events' });
      await upcoming.getByRole('link', { name: TITLE.en }).click();
      await arrive(page, new RegExp(`/eventi/${eventId}$`), TITLE.en);
      expect(await axeViolations(page)).toEqual([]);
      const form = page.getByRole('region', { name: 'Register' });
      await form.getByRole('button', { name: 'Register' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/Write your name/);
      await form.getByLabel('Full name').fill('Giulia Neri');
      await form.getByLabel('E-mail address').fill('giulia.neri@example.org');
      await form.getByLabel('Company or organisation').fill('Cartotecnica Neri');
      await form.getByRole('button', { name: 'Register' }).click();
      await expect.poll(() => page.locator('.success-panel').textContent()).toMatch(/Check your mail/);
      expect(await axeViolations(page)).toEqual([]);

      const ask = await stack.smtp.mailTo('giulia.neri@example.org');
      const confirm = /https?:\/\/[^\s]+\/eventi\/conferma\?token=[A-Za-z0-9_%.-]+/.exec(ask.raw)?.[0];
      expect(confirm).toBeDefined();
      await page.goto(confirm!.replace(/^https?:\/\/[^/]+/, ''));
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'I confirm my registration' }).click();
      await expect.poll(() => page.locator('.success-panel').textContent()).toMatch(/Registration confirmed/);

      // The confirmation brings the invitation: an iCalendar event a calendar program reads.
      await expect
        .poll(() => stack.smtp.inbox.filter((m) => m.to.includes('giulia.neri@example.org')).length, {
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(2);
      const confirmed = [...stack.smtp.inbox].reverse().find((m) => m.to.includes('giulia.neri@example.org'))!;
      const ics = attachedCalendar(confirmed.raw);
      expect(ics).not.toBeNull();
      const calendar = new ICAL.Component(ICAL.parse(ics!));
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      expect(String(vevent.getFirstPropertyValue('summary'))).toMatch(/compostab/i);
      expect(String(vevent.getFirstPropertyValue('uid'))).toContain(eventId);
      manage =
        /https?:\/\/[^\s]+\/eventi\/iscrizioni\/[0-9a-f-]{36}\?token=[A-Za-z0-9_%.-]+/.exec(confirmed.raw)?.[0] ?? '';
      expect(manage).not.toBe('');
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('gets the attendance certificate once the organiser has recorded their presence', async () => {
    // The workshop takes place: presence can be recorded only once a session has started, so its time is moved to
    // this morning (as an organiser correcting the date would), which also tells the registrant of the change.
    const started = new Date(Date.now() - 3 * 3600_000).toISOString();
    const ended = new Date(Date.now() - 3600_000).toISOString();
    const moved = await api('PUT', `/events/${eventId}/sessions`, { items: [{ start: started, end: ended }] }, auth);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const organiser = await openPage(stack, { lang: 'it' });
    try {
      const { page } = organiser;
      await page.goto('/accedi');
      await settled(page);
      const main = page.getByRole('main');
      await main.getByLabel('Indirizzo e-mail').fill(ORGANISER.email);
      await main.getByLabel('Password', { exact: true }).fill(ORGANISER.password);
      await main.getByRole('button', { name: 'Accedi' }).click();
      await page.waitForURL(/\/richieste$/);
      await page.goto(`/eventi/${eventId}/iscrizioni`);
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('checkbox', { name: 'Presente: Giulia Neri' }).check();
      await page.getByRole('button', { name: 'Salva le presenze' }).click();
      await expect.poll(() => main.textContent()).toMatch(/Presenze salvate/);
      expect(organiser.problems).toEqual([]);
    } finally {
      await organiser.close();
    }

    // The registrant is told by e-mail, with the link to their registration and its certificate.
    await expect
      .poll(
        () => stack.smtp.inbox.some((m) => m.to.includes('giulia.neri@example.org') && /\/certificate/.test(m.raw)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const attendedMail = [...stack.smtp.inbox].reverse().find((m) => m.to.includes('giulia.neri@example.org'))!;
    manage =
      /https?:\/\/[^\s]+\/eventi\/iscrizioni\/[0-9a-f-]{36}\?token=[A-Za-z0-9_%.-]+/.exec(attendedMail.raw)?.[0] ?? '';
    expect(manage).not.toBe('');
    const visitor = await openPage(stack, { lang: 'en' });
    try {
      const { page } = visitor;
      await page.goto(manage.replace(/^https?:\/\/[^/]+/, ''));
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      const link = page.getByRole('link', { name: 'Download the attendance certificate (PDF)' });
      const href = await link.getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});

describe('the event page without JavaScript', () => {
  it('carries the event, its head and an Event in JSON-LD', async () => {
    const html = await (await fetch(`${stack.baseUrl}/eventi/${eventId}`, { headers: { accept: 'text/html' } })).text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>${TITLE.it}`));
    expect(html).toMatch(/<meta property="og:type" content="event"/);
    const event = (await expandedNodes(html)).find((n) => n.types.includes(SCHEMA('Event')));
    expect(event?.node['@id']).toBe(`${stack.baseUrl}/eventi/${eventId}`);
    for (const p of ['startDate', 'endDate', 'eventStatus', 'eventAttendanceMode', 'location', 'organizer'])
      expect(event?.node[SCHEMA(p)], p).toBeDefined();
  });
});
