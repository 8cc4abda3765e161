import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';

// The administration area: an administrator signs in, finds a person, gives them a role, disables the account (the
// person's open session stops working at once), re-enables it, and adds an organisation. Then the Region's officer
// reads the same pages in English. Every page visited has zero axe WCAG 2.1 AA violations and no console errors.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const PASSWORD = 'a long enough password';

async function arrive(page: Page, url: RegExp, heading: RegExp) {
  await page.waitForURL(url);
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(heading);
  await settled(page);
}

async function signIn(page: Page, labels: { email: string; password: string; submit: string }, email: string) {
  const main = page.getByRole('main');
  await main.getByLabel(labels.email).fill(email);
  await main.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
  await main.getByRole('button', { name: labels.submit }).click();
}

describe('the administration area', () => {
  it('finds a person, changes their role, disables and re-enables them, and adds an organisation (Italian)', async () => {
    await createUser(stack.database.db, {
      email: 'amministra@example.org',
      name: 'Ada Amministratrice',
      role: 'admin',
      password: PASSWORD,
    });
    await createUser(stack.database.db, {
      email: 'tecnico@example.org',
      name: 'Tullio Tecnico',
      role: 'centre-staff',
      organization: 'lucense',
      password: PASSWORD,
    });

    // The person works in their own browser: a live session.
    const person = await openPage(stack);
    const me = () => person.page.request.get('/api/v1/me').then((r) => r.status());
    await person.page.goto('/accedi');
    await settled(person.page);
    await signIn(
      person.page,
      { email: 'Indirizzo e-mail', password: 'Password', submit: 'Accedi' },
      'tecnico@example.org',
    );
    await person.page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
    expect(await me()).toBe(200);

    const { page, problems, close } = await openPage(stack);
    await page.goto('/accedi?torna=%2Famministrazione%2Fpersone');
    await settled(page);
    await signIn(page, { email: 'Indirizzo e-mail', password: 'Password', submit: 'Accedi' }, 'amministra@example.org');
    await arrive(page, /\/amministrazione\/persone$/, /Persone/);
    // The account menu leads to the area.
    await page.getByRole('button', { name: /menu dell’account/ }).click();
    expect(await page.locator('.account-menu').getByRole('link', { name: 'Amministrazione' }).count()).toBe(1);
    await page.getByRole('button', { name: /menu dell’account/ }).click();
    expect(await axeViolations(page)).toEqual([]);

    // Find the person by a word of the name.
    await page.getByLabel('Nome o e-mail').fill('tullio');
    await page.getByRole('search', { name: 'Cerca persone' }).getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL(/q=tullio/);
    await expect.poll(() => page.locator('.list-status').textContent()).toMatch(/1 persona/);
    await page.getByRole('link', { name: 'Tullio Tecnico' }).click();
    await arrive(page, /\/amministrazione\/persone\/[0-9a-f-]{36}$/, /Tullio Tecnico/);
    expect(await page.getByText('Personale del centro presso Lucense').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // Change the role: manager of Lucense instead of staff. An empty choice first says what is missing.
    await page.getByRole('button', { name: 'Assegna', exact: true }).click();
    await expect.poll(() => page.getByText('Scegli il ruolo da assegnare.').count()).toBeGreaterThan(0);
    await page.getByLabel('Organizzazione').selectOption('lucense');
    await page.getByLabel('Ruolo', { exact: true }).selectOption('centre-manager');
    await page.getByRole('button', { name: 'Assegna', exact: true }).click();
    await expect
      .poll(() => page.locator('.person-roles').textContent())
      .toMatch(/Responsabile del centro presso Lucense/i);
    expect(await page.locator('.person-roles').textContent()).not.toMatch(/Personale del centro/);

    // Disable: confirmed in a dialog; the person's session ends at once.
    await page.getByRole('button', { name: 'Disattiva l’account' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Disattiva l’account' }).click();
    await expect.poll(() => page.locator('.person-summary').textContent()).toMatch(/Disattivato/);
    await expect.poll(() => page.locator('.person-notice').textContent()).toMatch(/Sessioni chiuse: 1/);
    expect(await me()).toBe(401);
    await person.page.goto('/account');
    await person.page.waitForURL(/\/accedi/);

    // Re-enable: the person signs in anew.
    await page.getByRole('button', { name: 'Riattiva l’account' }).click();
    await expect.poll(() => page.locator('.person-summary').textContent()).toMatch(/Attivo/);
    await settled(person.page);
    await signIn(
      person.page,
      { email: 'Indirizzo e-mail', password: 'Password', submit: 'Accedi' },
      'tecnico@example.org',
    );
    await person.page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
    expect(await me()).toBe(200);

    // Every change is in the person's history, with who made it.
    const history = await page.locator('.person-history').textContent();
    expect(history).toMatch(/Account riattivato.*da Ada Amministratrice/);
    expect(history).toMatch(/Account disattivato/);
    expect(history).toMatch(/Ruolo assegnato: Responsabile del centro presso lucense/i);
    expect(await axeViolations(page)).toEqual([]);

    // Add an organisation: the empty form lists what is missing, then the new organisation has its page.
    await page
      .getByRole('navigation', { name: 'Percorso di navigazione' })
      .getByRole('link', { name: 'Amministrazione' })
      .click();
    await arrive(page, /\/amministrazione$/, /Amministrazione/);
    await page.getByRole('main').getByRole('link', { name: 'Organizzazioni' }).click();
    await arrive(page, /\/amministrazione\/organizzazioni$/, /Organizzazioni/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Aggiungi un’organizzazione' }).click();
    await arrive(page, /\/amministrazione\/organizzazioni\/nuova$/, /Aggiungi un’organizzazione/);
    await page.getByRole('button', { name: 'Aggiungi l’organizzazione' }).click();
    await expect.poll(() => page.getByText('Scegli il tipo di organizzazione.').count()).toBeGreaterThan(0);
    expect(await page.getByText('Scrivi il nome dell’organizzazione.').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Tipo').selectOption('company');
    await page.getByLabel(/^Denominazione/).fill('Cantieri Navali Apuani');
    await page.getByLabel(/^Sede/).fill('Marina di Carrara');
    await page.getByLabel(/^Provincia/).fill('MS');
    await page.getByRole('button', { name: 'Aggiungi l’organizzazione' }).click();
    await arrive(page, /\/organizzazioni\/cantieri-navali-apuani-[0-9a-f]+$/, /Cantieri Navali Apuani/);
    expect(await page.getByText('Marina di Carrara').count()).toBeGreaterThan(0);

    expect(unexpected(problems, [])).toEqual([]);
    await close();
    expect(unexpected(person.problems, [/status of 401/])).toEqual([]);
    await person.close();
  });

  it('gives the Region officer the same area in English, without the platform roles', async () => {
    await createUser(stack.database.db, {
      email: 'regione@example.org',
      name: 'Rita Regione',
      role: 'region',
      password: PASSWORD,
    });
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    await page.goto('/accedi?torna=%2Famministrazione');
    await settled(page);
    await signIn(page, { email: 'E-mail address', password: 'Password', submit: 'Sign in' }, 'regione@example.org');
    await arrive(page, /\/amministrazione$/, /Administration/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: 'People' }).click();
    await arrive(page, /\/amministrazione\/persone$/, /People/);
    await page.getByLabel('Status').selectOption('active');
    await page.waitForURL(/stato=active/);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Name or e-mail').fill('Tullio');
    await page.getByRole('search', { name: 'Find people' }).getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Tullio Tecnico' }).click();
    await arrive(page, /\/amministrazione\/persone\/[0-9a-f-]{36}$/, /Tullio Tecnico/);
    // A Region officer hands out roles in organisations, never the platform roles.
    const roles = await page.getByLabel('Role', { exact: true }).locator('option').allTextContents();
    expect(roles.join(' ')).not.toMatch(/Platform administrator|Regione Toscana officer/);
    expect(await page.locator('.person-history').textContent()).toMatch(/Account re-enabled/);
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(problems, [])).toEqual([]);
    await close();
  });
});
