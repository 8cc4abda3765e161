import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { vatNumberProblem } from '@clock/contracts';
import { arrive, expectAccessible, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';
import { linkToken } from '../apps/server/src/test/smtp.ts';

// Companies that join, in Italian: a new person signs up, confirms the address, registers the company (a wrong
// partita IVA first), a Lucense staff member verifies the claim, and the person submits a request for the company.
// Reaching each other, in English: a visitor asks Lucense for a quote from an equipment page, signs in on the way and
// comes back to the prefilled form; Lucense sees the request and the demand on its record. Axe on every step.
let stack: Stack;
const PASSWORD = 'a long enough password';
const STAFF = {
  email: 'stella@lucense.example',
  name: 'Stella Lucense',
  role: 'centre-staff',
  organization: 'lucense',
} as const;
const BUYER = {
  email: 'bruno@burlamacco.example',
  name: 'Bruno Burlamacco',
  role: 'company',
  organization: 'cantiere-burlamacco',
} as const;
const EQUIPMENT = '/attrezzature/lucense-cqc-universal-tester';

/** A valid partita IVA no one else uses in this run. */
function validVat(): string {
  const ten = `${String(Date.now() % 10_000_000).padStart(7, '0')}046`;
  for (let d = 0; d <= 9; d++) if (vatNumberProblem(ten + d) === null) return ten + d;
  throw new Error('unreachable');
}

async function signIn(page: Page, email: string, labels: { email: string; submit: string }) {
  const main = page.getByRole('main');
  await main.getByLabel(labels.email).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await main.getByRole('button', { name: labels.submit, exact: true }).click();
}
const IT = { email: 'Indirizzo e-mail', submit: 'Accedi' };
const EN = { email: 'E-mail address', submit: 'Sign in' };

beforeAll(async () => {
  stack = await startStack();
  for (const p of [STAFF, BUYER]) await createUser(stack.database.db, { ...p, password: PASSWORD });
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe('a company joins and is verified (Italian)', () => {
  it('signs up, registers the company, is verified by a centre and submits a request for it', async () => {
    const email = `nora.${Date.now()}@cartotecnica.example`;
    const person = await openPage(stack);
    const staff = await openPage(stack);
    try {
      const page = person.page;
      const main = page.getByRole('main');
      // Sign up and confirm the address.
      await page.goto('/registrati');
      await settled(page);
      await main.getByLabel('Nome e cognome').fill('Nora Cartotecnica');
      await main.getByLabel('Indirizzo e-mail').fill(email);
      await main.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await main.getByRole('button', { name: 'Crea l’account' }).click();
      await expect
        .poll(() => main.getByRole('status').textContent())
        .toContain('collegare il tuo account alla tua impresa');
      await expectAccessible(page);
      await page.goto(`/verifica/${linkToken(await stack.smtp.mailTo(email), '/verifica')}`);
      await settled(page);
      // Signing in from the sign-up page's way leads to the company page.
      await page.goto('/accedi?torna=%2Fimprese%2Fnuova');
      await settled(page);
      await signIn(page, email, IT);
      await arrive(page, /\/imprese\/nuova$/, /^La tua impresa$/);
      await expectAccessible(page);

      // Not registered yet: the search says so.
      await main.getByLabel('Ragione sociale o partita IVA').fill('Cartotecnica Nora');
      await main.getByRole('button', { name: 'Cerca', exact: true }).click();
      await expect.poll(() => main.getByRole('status').first().textContent()).toContain('Nessuna impresa trovata');

      // A mistyped partita IVA is caught next to its field, with the other missing fields, before anything is sent.
      const vat = validVat();
      const wrong = vat.slice(0, 10) + String((Number(vat[10]) + 1) % 10);
      await main.getByLabel('Ragione sociale', { exact: true }).fill('Cartotecnica Nora S.r.l.');
      await main.getByLabel('Partita IVA', { exact: true }).fill(wrong);
      await main.getByRole('button', { name: 'Registra l’impresa' }).click();
      await expect.poll(() => page.locator('#cr-vatNumber-error').textContent()).toContain('cifra di controllo');
      expect(await page.locator('.error-summary').textContent()).toContain('Codici ATECO');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);

      await main.getByLabel('Partita IVA', { exact: true }).fill(vat);
      await main.getByLabel('Codici ATECO').fill('17.21');
      await main.getByLabel('Provincia', { exact: true }).selectOption('LU');
      await main.getByLabel('Comune').fill('Capannori');
      await page.locator('label', { hasText: 'Piccola (10–49 addetti)' }).click();
      await main.getByLabel('Che cosa offre').fill('Scatole in cartone ondulato stampate per l’agroalimentare.');
      await main.getByLabel('Che cosa cerca').fill('Carta per onda da fibre riciclate.');
      await main.getByRole('button', { name: 'Registra l’impresa' }).click();
      await expect
        .poll(() => page.locator('.success-panel').textContent())
        .toContain('Cartotecnica Nora S.r.l. è registrata');
      await expectAccessible(page);
      await expect.poll(() => main.locator('.claim-list').textContent()).toContain('In attesa di verifica');

      // A Lucense staff member verifies the claim.
      await staff.page.goto('/accedi?torna=%2Fimprese%2Fverifiche');
      await settled(staff.page);
      await signIn(staff.page, STAFF.email, IT);
      await arrive(staff.page, /\/imprese\/verifiche$/, /^Imprese da verificare$/);
      const card = staff.page.getByRole('article', { name: 'Nora Cartotecnica per Cartotecnica Nora S.r.l.' });
      expect(await card.textContent()).toContain(vat);
      await expectAccessible(staff.page);
      await card.getByRole('button', { name: 'Conferma che Nora Cartotecnica rappresenta l’impresa' }).click();
      await expect
        .poll(() => staff.page.getByRole('main').getByRole('status').first().textContent())
        .toContain('ora rappresenta Cartotecnica Nora S.r.l.');
      await expectAccessible(staff.page);

      // The person is told by e-mail, and now belongs to the company: its profile lists them as administrator.
      await expect
        .poll(async () => (await stack.smtp.mailTo(email)).raw, { timeout: 15_000 })
        .toContain('Cartotecnica Nora S.r.l. aggiornamento');
      await page.goto('/imprese/nuova');
      await settled(page);
      await expect.poll(() => main.locator('.claim-list').textContent()).toContain('Verificata');
      await main.locator('.claim-list').getByRole('link', { name: 'Cartotecnica Nora S.r.l.' }).click();
      await arrive(page, /\/organizzazioni\//, 'Cartotecnica Nora S.r.l.');
      const profile = main.getByRole('region', { name: 'Profilo dell’impresa' });
      await expect.poll(() => profile.textContent()).toContain('Impresa verificata da un centro della rete');
      expect(await profile.textContent()).toContain('Scatole in cartone ondulato');
      expect(await profile.textContent()).toContain('amministratore');
      expect(await profile.getByLabel('Invita un collega (e-mail)').count()).toBe(1);
      await expectAccessible(page);

      // A request for the company: the form offers it by name (never as a typed name).
      await page.goto('/richieste/nuova');
      await settled(page);
      const picker = main.getByLabel('La tua impresa');
      await expect
        .poll(async () => (await picker.locator('option:checked').textContent()) ?? '')
        .toBe('Cartotecnica Nora S.r.l.');
      expect(await main.getByLabel('Impresa registrata').count()).toBe(0);
      await main.getByLabel('Titolo', { exact: true }).fill('Scatole che perdono resistenza in cella frigorifera');
      await main
        .getByLabel('Descrizione del problema')
        .fill(
          'Le scatole in cartone ondulato perdono resistenza alla compressione dopo due giorni in cella frigorifera umida: servono prove e una carta più adatta.',
        );
      await main.getByLabel(/^Riservata alla rete:/).check();
      await expectAccessible(page);
      await main.getByRole('button', { name: 'Invia la richiesta' }).click();
      await arrive(page, /\/richieste\/[0-9a-f-]{36}$/, 'Scatole che perdono resistenza in cella frigorifera');
      expect(await main.locator('.request-facts').textContent()).toContain(
        'Impresa registrataCartotecnica Nora S.r.l.',
      );
      await expectAccessible(page);
      expect(unexpected(person.problems, [/status of 401/])).toEqual([]);
      expect(staff.problems).toEqual([]);
    } finally {
      await person.close();
      await staff.close();
    }
  });
});

describe('a visitor asks a centre for a quote (English)', () => {
  it('goes from an equipment page through sign-in to a prefilled request the centre sees', async () => {
    const visitor = await openPage(stack, { lang: 'en' });
    const centre = await openPage(stack, { lang: 'en' });
    try {
      const page = visitor.page;
      const main = page.getByRole('main');
      await page.goto(EQUIPMENT);
      await settled(page);
      const action = main.getByRole('region', { name: 'Need this?' });
      await expectAccessible(page);
      await action.getByRole('link', { name: 'Contact / ask for a quote' }).click();
      await arrive(page, /\/accedi\?torna=/, /^Sign in$/);
      await expectAccessible(page);
      await signIn(page, BUYER.email, EN);
      await arrive(page, /\/richieste\/nuova\?fonte=equipment/, /^Submit a problem$/);
      // The form names the record and its centre, and the title says what it is about.
      await expect
        .poll(() => main.locator('.quote-source').textContent())
        .toContain('Universal tensile tester for paper and board');
      expect(await main.locator('.quote-source').textContent()).toContain('It will reach Lucense');
      await expect
        .poll(() => main.getByLabel('Title', { exact: true }).inputValue())
        .toBe('Request for a quote: Universal tensile tester for paper and board');
      await expect
        .poll(async () => (await main.getByLabel('Your company').locator('option:checked').textContent()) ?? '')
        .toContain('Burlamacco');
      await main
        .getByLabel('Description of the problem')
        .fill(
          'We need tensile tests on the paper labels of our hull protection covers, dry and wet, before a supplier change.',
        );
      await main.getByLabel(/^Network only:/).check();
      await expectAccessible(page);
      await main.getByRole('button', { name: 'Submit the request' }).click();
      await arrive(
        page,
        /\/richieste\/[0-9a-f-]{36}$/,
        'Request for a quote: Universal tensile tester for paper and board',
      );
      const requestPath = new URL(page.url()).pathname;
      await expectAccessible(page);

      // Lucense sees the request at once (it is addressed to it) and the demand on its record.
      await centre.page.goto(`/accedi?torna=${encodeURIComponent(requestPath)}`);
      await settled(centre.page);
      await signIn(centre.page, STAFF.email, EN);
      await arrive(
        centre.page,
        new RegExp(`${requestPath}$`),
        'Request for a quote: Universal tensile tester for paper and board',
      );
      expect(await centre.page.getByRole('main').textContent()).toContain('We need tensile tests');
      await expect
        .poll(() => centre.page.locator('.request-facts').textContent())
        .toContain('Started from the recordUniversal tensile tester for paper and board');
      await expectAccessible(centre.page);
      await centre.page.goto(EQUIPMENT);
      await settled(centre.page);
      await expect
        .poll(() => centre.page.locator('.record-demand').textContent())
        .toContain('1 request started from this record.');
      await expectAccessible(centre.page);
      // The centre names the lab's contact person, with their consent (refused without it).
      const card = centre.page.getByRole('region', { name: 'Need this?' });
      await card.getByRole('button', { name: 'Contact person of the record' }).click();
      await card.getByLabel('Contact person’s full name').fill('Tecnico Di Prova');
      await card.getByRole('button', { name: 'Save the contact details' }).click();
      await expect.poll(() => centre.page.locator('#rc-consent-error').textContent()).toContain('consent');
      await expectAccessible(centre.page);
      await centre.page.locator('label[for="rc-consent"]').click();
      await card.getByRole('button', { name: 'Save the contact details' }).click();
      await expect.poll(() => card.textContent()).toContain('Contact person: Tecnico Di Prova');
      await expectAccessible(centre.page);
      expect(unexpected(visitor.problems, [])).toEqual([]);
      expect(centre.problems).toEqual([]);
    } finally {
      await visitor.close();
      await centre.close();
    }
  });
});
