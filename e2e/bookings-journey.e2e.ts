import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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

// Equipment sharing with the demo network: a newcomer books a self-service instrument from its page (Italian); a
// company asks for an instrument that needs approval and the centre's staff approve it (English); a person without
// the qualification is told how to get it; the free-slot search finds time across centres; the centre edits an
// instrument's rules and sees the server's objection next to the field; the calendar works at 360 px. Axe on every page.
let stack: Stack;
let demo: DemoInfo;

interface DemoInfo {
  password: string;
  accounts: { email: string; name: string; role: string; organization: { id: string; kind: string } | null }[];
}
interface Policy {
  bookable: boolean;
  approval: 'automatic' | 'manual';
  qualificationRequired: boolean;
}
interface EquipmentRecord {
  id: string;
  organization: string;
  title?: { it?: string; en?: string };
  booking?: Policy;
}

const WORDS = {
  it: {
    panel: 'Prenota questa attrezzatura',
    nextWeek: 'Settimana successiva',
    choose: /^Scegli /,
    purpose: 'Per che cosa ti serve',
    confirm: 'Conferma la prenotazione',
    request: 'Invia la richiesta',
    confirmed: 'Prenotazione confermata',
    requested: 'Richiesta inviata, in attesa di approvazione',
    mine: 'Le mie prenotazioni',
    stateConfirmed: 'Confermata',
    qualification: 'Serve un’abilitazione per usare questa attrezzatura',
    how: 'Come ottenerla',
    training: 'Chiedi la formazione al centro',
    trainingSent: 'Richiesta inviata',
    centre: 'Prenotazioni del centro',
    approve: /^Approva /,
    approved: 'approvata',
    slots: 'Cerca disponibilità',
    search: 'Cerca',
    duration: 'Per quanto tempo',
    found: /orar[io] liber[oi]/,
    policy: 'Prenotazioni di',
    step: 'Passo del calendario (minuti)',
    savePolicy: 'Salva le regole',
    signInToBook: 'Accedi per prenotare',
    day: 'Giorno',
  },
  en: {
    panel: 'Book this equipment',
    nextWeek: 'Next week',
    choose: /^Choose /,
    purpose: 'What you need it for',
    confirm: 'Confirm the booking',
    request: 'Send the request',
    confirmed: 'Booking confirmed',
    requested: 'Request sent, waiting for approval',
    mine: 'My bookings',
    stateConfirmed: 'Confirmed',
    qualification: 'Using this equipment needs a qualification',
    how: 'How to get it',
    training: 'Ask the centre for the training',
    trainingSent: 'Request sent',
    centre: 'Centre bookings',
    approve: /^Approve /,
    approved: 'approved',
    slots: 'Find free equipment',
    search: 'Search',
    duration: 'For how long',
    found: /free times?/,
    policy: 'Bookings of',
    step: 'Calendar step (minutes)',
    savePolicy: 'Save the rules',
    signInToBook: 'Sign in to book',
    day: 'Day',
  },
} as const;
type Lang = keyof typeof WORDS;

beforeAll(async () => {
  stack = await startStack();
  demo = (await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as DemoInfo;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/** Every equipment record of the demo network, with its booking policy. */
async function allEquipment(): Promise<EquipmentRecord[]> {
  const out: EquipmentRecord[] = [];
  for (let page = 1; page <= 20; page++) {
    const answer = (await (await fetch(`${stack.baseUrl}/api/v1/equipment?limit=100&page=${page}`)).json()) as {
      items: EquipmentRecord[];
      total: number;
    };
    out.push(...answer.items);
    if (out.length >= answer.total || answer.items.length === 0) break;
  }
  // A list may leave the policy out: read those records one by one.
  return Promise.all(
    out.map(async (r) =>
      'booking' in r
        ? r
        : ((await (
            await fetch(`${stack.baseUrl}/api/v1/equipment/${encodeURIComponent(r.id)}`)
          ).json()) as EquipmentRecord),
    ),
  );
}

async function findEquipment(test: (p: Policy) => boolean): Promise<EquipmentRecord> {
  const found = (await allEquipment()).find((r) => r.booking?.bookable && test(r.booking));
  if (!found) throw new Error('the demo network has no such instrument');
  return found;
}

function account(test: (a: DemoInfo['accounts'][number]) => boolean) {
  const found = demo.accounts.find(test);
  if (!found) throw new Error('no such demo account');
  return found;
}

async function signIn(page: Page, lang: Lang, email: string, returnTo: string) {
  await signInWithForm(page, lang, email, demo.password, returnTo);
}

/** Opens the booking form on the first free time of next week (clear of any notice the instrument asks for). */
/** What the booking form says after "confirm": its success panel, or its error summary (so a failure reads why). */
const outcome = (form: Locator) => form.locator('.success-panel, .error-summary').first().textContent();

async function chooseFreeTime(page: Page, lang: Lang, keyboard = false) {
  const panel = page.getByRole('region', { name: WORDS[lang].panel });
  await panel.getByRole('button', { name: WORDS[lang].nextWeek }).click();
  await settled(page);
  const choose = panel.locator('.slot-free .slot-choose').first();
  await choose.waitFor();
  expect(await choose.getAttribute('aria-label')).toMatch(WORDS[lang].choose);
  if (keyboard) {
    await choose.focus();
    await page.keyboard.press('Enter');
  } else await choose.click();
  await panel.locator('.booking-form').waitFor();
  // The form takes the focus, on its heading naming the day.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('booking-form-title');
  // The price is shown before confirming.
  await expect.poll(() => panel.locator('.booking-summary').textContent()).toContain('€');
  return panel;
}

describe('booking from an equipment page (Italian)', () => {
  it('a newcomer books a self-service instrument and finds it among their bookings', async () => {
    const equipment = await findEquipment((p) => p.approval === 'automatic' && !p.qualificationRequired);
    const person = account((a) => a.role === 'company' && a.organization?.id === 'cantiere-burlamacco');
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      // Anonymous: the calendar is there, and an invitation to sign in.
      await page.goto(`/attrezzature/${encodeURIComponent(equipment.id)}`);
      await settled(page);
      const panel = page.getByRole('region', { name: WORDS.it.panel });
      await panel.locator('.slot-list').first().waitFor();
      expect(await panel.getByRole('link', { name: WORDS.it.signInToBook }).count()).toBe(1);
      expect(await panel.locator('.slot-choose').count()).toBe(0);
      await expectAccessible(page);

      await signIn(page, 'it', person.email, `/attrezzature/${encodeURIComponent(equipment.id)}`);
      const form = await chooseFreeTime(page, 'it');
      await expectAccessible(page);
      await form.getByLabel(WORDS.it.purpose).fill('Prove di trazione su provini in alluminio.');
      await form.getByRole('button', { name: WORDS.it.confirm }).click();
      await expect.poll(() => outcome(form)).toContain(WORDS.it.confirmed);
      await expectAccessible(page);

      await page.goto('/prenotazioni');
      await arrive(page, /\/prenotazioni$/, WORDS.it.mine);
      const coming = page.getByRole('region', { name: 'Prossime prenotazioni' });
      await expect.poll(() => coming.textContent()).toContain(WORDS.it.stateConfirmed);
      expect(await page.locator('#feed-url').inputValue()).toMatch(/\.ics$|calendar-feeds\//);
      await expectAccessible(page);

      // Where the notification, the e-mail and the calendar entry lead: the booking's own page.
      const mine = (await (await page.request.get('/api/v1/bookings?scope=mine')).json()) as {
        items: { id: string; ref: string; purpose: string }[];
      };
      const made = mine.items.find((b) => b.purpose.startsWith('Prove di trazione'))!;
      await page.goto(`/prenotazioni/${made.id}`);
      await arrive(page, new RegExp(`/prenotazioni/${made.id}$`), new RegExp(made.ref));
      expect(await page.getByRole('main').textContent()).toContain(WORDS.it.stateConfirmed);
      await expectAccessible(page);
      await page.goto('/prenotazioni');
      await arrive(page, /\/prenotazioni$/, WORDS.it.mine);

      // Plans change: cancelling asks first, then the booking moves among the ended ones.
      const booked = coming.getByRole('article').filter({ hasText: 'Prove di trazione su provini in alluminio.' });
      await booked.getByRole('button', { name: 'Annulla la prenotazione' }).click();
      const dialog = page.getByRole('dialog', { name: 'Annullare la prenotazione?' });
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Annulla la prenotazione' }).click();
      const ended = page.getByRole('region', { name: 'Passate e concluse' });
      await expect
        .poll(() => ended.getByRole('article').filter({ hasText: 'Prove di trazione' }).textContent())
        .toContain('Annullata');
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a person without the qualification is told how to get it', async () => {
    const equipment = await findEquipment((p) => p.qualificationRequired);
    // A company person the demo grants no qualification to.
    const person = account((a) => a.role === 'company' && a.organization?.id === 'cantiere-burlamacco');
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signIn(page, 'it', person.email, `/attrezzature/${encodeURIComponent(equipment.id)}`);
      // By keyboard alone this time.
      const form = await chooseFreeTime(page, 'it', true);
      await form.getByLabel(WORDS.it.purpose).fill('Analisi di campioni di vino.');
      await form
        .getByRole('button', { name: equipment.booking?.approval === 'manual' ? WORDS.it.request : WORDS.it.confirm })
        .click();
      const alert = form.locator('.booking-refusal');
      await expect.poll(() => alert.textContent()).toContain(WORDS.it.qualification);
      expect(await alert.textContent()).toContain(WORDS.it.how);
      await expectAccessible(page);
      const training = alert.getByRole('button', { name: WORDS.it.training });
      if (await training.count()) {
        await training.click();
        await expect.poll(() => form.textContent()).toContain(WORDS.it.trainingSent);
      }
      expect(unexpected(problems, [/403/])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a request that needs approval (English)', () => {
  it('a company asks, the centre approves, the company sees it confirmed', async () => {
    const equipment = await findEquipment((p) => p.approval === 'manual' && !p.qualificationRequired);
    // A company person the demo grants no qualification to.
    const company = account((a) => a.role === 'company' && a.organization?.id === 'pietre-del-frigido');
    const staff = account(
      (a) =>
        (a.role === 'centre-staff' || a.role === 'centre-manager') && a.organization?.id === equipment.organization,
    );
    const asker = await openPage(stack, { lang: 'en' });
    const centre = await openPage(stack, { lang: 'en' });
    try {
      const page = asker.page;
      await signIn(page, 'en', company.email, `/attrezzature/${encodeURIComponent(equipment.id)}`);
      const form = await chooseFreeTime(page, 'en');
      await form.getByLabel(WORDS.en.purpose).fill('Climatic ageing of a packaging sample.');
      await form.getByRole('button', { name: WORDS.en.request }).click();
      await expect.poll(() => outcome(form)).toContain(WORDS.en.requested);
      await expectAccessible(page);

      await signIn(centre.page, 'en', staff.email, `/prenotazioni/centro?organizzazione=${equipment.organization}`);
      await arrive(centre.page, /\/prenotazioni\/centro/, WORDS.en.centre);
      const queue = centre.page.getByRole('region', { name: 'Requests to approve' });
      const item = queue.getByRole('article').filter({ hasText: 'Climatic ageing of a packaging sample.' });
      await item.waitFor();
      await expectAccessible(centre.page);
      await item.getByRole('button', { name: WORDS.en.approve }).click();
      await expect.poll(() => centre.page.locator('.queue-status').textContent()).toContain(WORDS.en.approved);
      await expectAccessible(centre.page);

      // Declining needs a reason, which the requester reads.
      const other = queue.getByRole('article').filter({ hasNotText: 'Climatic ageing of a packaging sample.' }).first();
      await other.getByRole('button', { name: /^Decline / }).click();
      await other.getByRole('button', { name: 'Decline the request' }).click();
      expect(await other.locator('.field-error').textContent()).toContain('Write the reason for declining.');
      await other.getByLabel('Reason for declining').fill('The camera is away for calibration that week.');
      await other.getByRole('button', { name: 'Decline the request' }).click();
      await expect.poll(() => centre.page.locator('.queue-status').textContent()).toContain('declined');

      // The usage for cost sharing downloads as CSV.
      const csv = await centre.page.getByRole('link', { name: 'Download the usage (CSV)' }).getAttribute('href');
      const usage = await centre.page.request.get(csv!);
      expect(usage.status()).toBe(200);
      expect(usage.headers()['content-type']).toContain('text/csv');

      // The centre grants the person one of its qualifications, valid until a date.
      const qualification = centre.page
        .locator('.card')
        .filter({ has: centre.page.getByText('Grant the qualification') });
      await qualification.first().getByLabel('The person’s e-mail').fill(company.email);
      await qualification.first().getByRole('button', { name: 'Grant', exact: true }).click();
      await expect.poll(() => qualification.first().textContent()).toContain(company.name);
      await expectAccessible(centre.page);

      await page.goto('/prenotazioni');
      await arrive(page, /\/prenotazioni$/, WORDS.en.mine);
      const mine = page.getByRole('article').filter({ hasText: 'Climatic ageing of a packaging sample.' });
      await expect.poll(() => mine.textContent()).toContain(WORDS.en.stateConfirmed);
      await expect.poll(() => page.locator('.qualification-list').textContent()).toContain('valid until');
      // The private calendar feed answers as iCalendar.
      const feed = await page.request.get(await page.locator('#feed-url').inputValue());
      expect(feed.status()).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');

      // The centre revokes the qualification, with a reason; the person sees it revoked.
      await centre.page.reload();
      await settled(centre.page);
      const holder = centre.page.locator('.grant-list > li').filter({ hasText: company.name });
      await holder.getByRole('button', { name: `Revoke from ${company.name}` }).click();
      await holder.getByLabel('Reason for revoking').fill('Granted to the wrong person.');
      await holder.getByRole('button', { name: 'Revoke', exact: true }).click();
      await expect
        .poll(() => centre.page.getByRole('main').textContent())
        .toContain(`Qualification revoked from ${company.name}.`);
      await expectAccessible(centre.page);
      await page.reload();
      await settled(page);
      await expect.poll(() => page.locator('.qualification-list').textContent()).toContain('revoked on');
      expect(unexpected(asker.problems, [])).toEqual([]);
      expect(unexpected(centre.problems, [])).toEqual([]);
    } finally {
      await asker.close();
      await centre.close();
    }
  });
});

describe.each(['it', 'en'] as const)('the free-slot search in %s', (lang) => {
  it('finds free time across centres and leads to the booking form', async () => {
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await page.goto('/disponibilita');
      await arrive(page, /\/disponibilita$/, WORDS[lang].slots);
      await expectAccessible(page);
      await page.getByRole('main').getByLabel(WORDS[lang].duration).selectOption('60');
      await page.getByRole('main').getByRole('button', { name: WORDS[lang].search, exact: true }).click();
      const results = page.locator('.slot-results > li');
      await results.first().waitFor();
      expect(await page.locator('#slot-count').textContent()).toMatch(WORDS[lang].found);
      const centres = new Set(
        await page
          .locator('.slot-results > li a[href^="/organizzazioni/"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      );
      expect(centres.size).toBeGreaterThan(1);
      await expectAccessible(page);
      await results
        .first()
        .getByRole('link', { name: /^(Prenota|Book) / })
        .click();
      await page.waitForURL(/\/attrezzature\/.+inizio=/);
      await settled(page);
      // Anonymous: the instrument's page says to sign in to book that time.
      expect(await page.getByRole('link', { name: WORDS[lang].signInToBook }).count()).toBe(1);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the centre sets an instrument’s rules (Italian)', () => {
  it('shows the server’s objection next to its field', async () => {
    const equipment = await findEquipment(() => true);
    const staff = account(
      (a) =>
        (a.role === 'centre-staff' || a.role === 'centre-manager') && a.organization?.id === equipment.organization,
    );
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signIn(page, 'it', staff.email, `/attrezzature/${encodeURIComponent(equipment.id)}/prenotazioni`);
      await arrive(page, /\/prenotazioni$/, new RegExp(WORDS.it.policy));
      await expectAccessible(page);
      await page.getByRole('main').getByLabel(WORDS.it.step).fill('2');
      await page.getByRole('main').getByRole('button', { name: WORDS.it.savePolicy }).click();
      await expect.poll(() => page.locator('#policy-slotMinutes-error').textContent()).toBeTruthy();
      expect(await page.locator('#policy-slotMinutes').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);

      // Tariffs: an amount that is not one is caught next to its cell; a good one is saved.
      const tariffs = page
        .getByRole('region', { name: 'Tariffe' })
        .or(page.locator('form[aria-labelledby="tariffs-title"]'));
      const cell = page.getByLabel('Tariffa per PMI, per ora');
      await cell.fill('dodici');
      await tariffs.getByRole('button', { name: 'Salva le tariffe' }).click();
      await expect.poll(() => page.locator('#tariff-sme-hour-error').textContent()).toContain('Scrivi un importo');
      await cell.fill('50,00');
      await tariffs.getByRole('button', { name: 'Salva le tariffe' }).click();
      await expect.poll(() => page.locator('.policy-status').textContent()).toContain('Tariffe salvate');

      // A closure of the instrument for some days, listed with its reason.
      const closures = page.getByRole('region', { name: 'Chiusure' });
      await closures.getByLabel('Motivo').fill('Manutenzione straordinaria');
      await closures.getByRole('button', { name: 'Aggiungi la chiusura' }).click();
      await expect.poll(() => closures.locator('.closure-list').textContent()).toContain('Manutenzione straordinaria');
      await expectAccessible(page);
      expect(unexpected(problems, [/400/])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('on a phone', () => {
  it('shows one day as a list at 360 px, with nothing wider than the screen', async () => {
    const equipment = await findEquipment(() => true);
    const { page, problems, close } = await openPage(stack, { lang: 'it', mobile: true });
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`/attrezzature/${encodeURIComponent(equipment.id)}`);
      await settled(page);
      const panel = page.getByRole('region', { name: WORDS.it.panel });
      await panel.locator('.slot-list').first().waitFor();
      expect(await panel.getByRole('button', { name: WORDS.it.day, exact: true }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(await panel.locator('.availability-day').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });
});
