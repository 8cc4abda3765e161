import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';
import { linkToken } from '../apps/server/src/test/smtp.ts';

// People at work: a manager of Lucense signs in, invites a colleague from "My account"; the colleague opens the
// e-mailed link, creates the account, edits a Lucense record (a validation message next to the cleared title, then
// a successful save, shown on the record page and in its history) and cannot edit another centre's record. Then the
// same in English. Every page visited has zero axe WCAG 2.1 AA violations and no console errors except the ones the
// journey provokes on purpose (the browser logs every 4xx answer).
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const PASSWORD = 'a long enough password';

const UI = {
  it: {
    signIn: 'Accedi',
    email: 'Indirizzo e-mail',
    password: 'Password',
    wrong: 'Indirizzo e-mail o password non corretti',
    summary: 'C’è un problema',
    menu: 'menu dell’account',
    myAccount: 'Il mio account',
    signOut: 'Esci',
    invite: 'Invita un collega',
    inviteEmail: 'Indirizzo e-mail del collega',
    role: 'Ruolo',
    staff: 'Personale del centro',
    sendInvite: 'Invia l’invito',
    sent: 'Invito inviato a',
    name: 'Nome e cognome',
    choosePassword: 'Scegli una password',
    createAccount: 'Crea l’account e accedi',
    addCompetence: 'Aggiungi competenza',
    edit: 'Modifica',
    retire: 'Ritira',
    cancel: 'Annulla',
    titleIt: 'Titolo in italiano',
    titleEn: 'Titolo in inglese',
    keywords: 'Parole chiave',
    save: 'Salva le modifiche',
    oneLanguage: 'Scrivi il testo in almeno una lingua',
    saved: 'Modifiche salvate',
    history: 'Cronologia',
    changed: 'Modificata',
    titleField: 'Titolo',
    newTitle: 'Prove su carta tissue e imballaggi (aggiornato)',
    record: 'lucense-tissue-packaging-quality',
    lucense: 'Lucense',
  },
  en: {
    signIn: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    wrong: 'Wrong e-mail address or password',
    summary: 'There is a problem',
    menu: 'account menu',
    myAccount: 'My account',
    signOut: 'Sign out',
    invite: 'Invite a colleague',
    inviteEmail: 'Colleague’s e-mail address',
    role: 'Role',
    staff: 'Centre staff',
    sendInvite: 'Send the invitation',
    sent: 'Invitation sent to',
    name: 'Full name',
    choosePassword: 'Choose a password',
    createAccount: 'Create the account and sign in',
    addCompetence: 'Add competence',
    edit: 'Edit',
    retire: 'Retire',
    cancel: 'Cancel',
    titleIt: 'Title in Italian',
    titleEn: 'Title in English',
    keywords: 'Keywords',
    save: 'Save changes',
    oneLanguage: 'Write the text in at least one language',
    saved: 'Changes saved',
    history: 'History',
    changed: 'Changed',
    titleField: 'Title',
    newTitle: 'Recyclability of fibre-based materials (updated)',
    record: 'lucense-recyclability-assessment',
    lucense: 'Lucense',
  },
} as const;

/** Client-side navigation changes the URL before the new page renders: wait for its heading too. */
async function arrive(page: Page, url: RegExp, heading: RegExp) {
  await page.waitForURL(url);
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(heading);
  await settled(page);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function signIn(page: Page, t: (typeof UI)['it' | 'en'], email: string, password: string) {
  const main = page.getByRole('main');
  await main.getByLabel(t.email).fill(email);
  await main.getByLabel(t.password, { exact: true }).fill(password);
  await main.getByRole('button', { name: t.signIn }).click();
}

/** An ASEV competence: another centre's record. */
async function asevCompetence(): Promise<string> {
  const r = await fetch(`${stack.baseUrl}/api/v1/competences?organization=asev&limit=1`);
  const body = (await r.json()) as { items: { id: string }[] };
  return body.items[0]!.id;
}

describe.each(['it', 'en'] as const)('editing journey in %s', (lang) => {
  it("a manager invites a colleague, who edits a Lucense record and cannot edit another centre's", async () => {
    const t = UI[lang];
    const managerEmail = `manager-${lang}@lucense.example`;
    const managerName = lang === 'it' ? 'Maria Rossi' : 'Mary Reed';
    const colleagueEmail = `colleague-${lang}@lucense.example`;
    const colleagueName = lang === 'it' ? 'Luca Bianchi' : 'Luke White';
    await createUser(stack.database.db, {
      email: managerEmail,
      name: managerName,
      role: 'centre-manager',
      organization: 'lucense',
      password: PASSWORD,
    });

    // --- The manager signs in through the header link, with a wrong password first.
    const manager = await openPage(stack, { lang });
    try {
      const page = manager.page;
      await page.goto('/');
      await settled(page);
      await page.getByRole('banner').getByRole('link', { name: t.signIn }).click();
      await arrive(page, /\/accedi/, new RegExp(`^${t.signIn}$`));
      await expectAccessible(page);

      await signIn(page, t, managerEmail, 'not the password');
      const summary = page.getByRole('alert').filter({ hasText: t.summary });
      await expect.poll(() => summary.textContent()).toContain(t.wrong);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);

      await page.getByRole('main').getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t.signIn }).click();
      // Back on the page the manager came from (the home page), not on "My account".
      await page.waitForURL((url) => url.pathname === '/');
      await settled(page);
      // The header now names the manager, with a menu holding "My account" and "Sign out".
      const accountButton = page.getByRole('banner').getByRole('button', { name: new RegExp(managerName) });
      expect(await accountButton.getAttribute('aria-expanded')).toBe('false');
      expect(await accountButton.textContent()).toContain(t.menu);
      await accountButton.click();
      expect(await accountButton.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByRole('banner').getByRole('link', { name: t.myAccount }).isVisible()).toBe(true);
      expect(await page.getByRole('banner').getByRole('button', { name: t.signOut }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await accountButton.getAttribute('aria-expanded')).toBe('false');
      await expectAccessible(page);
      await accountButton.click();
      await page.getByRole('banner').getByRole('link', { name: t.myAccount }).click();
      await arrive(page, /\/account$/, new RegExp(`^${t.myAccount}$`));

      // --- Invite a colleague from "My account".
      const invite = page.getByRole('region', { name: t.invite });
      await invite.getByLabel(t.inviteEmail).fill(colleagueEmail);
      await invite.getByLabel(t.role).selectOption({ label: t.staff });
      await invite.getByRole('button', { name: t.sendInvite }).click();
      await expect.poll(() => invite.getByRole('status').textContent()).toContain(`${t.sent} ${colleagueEmail}`);
      await expectAccessible(page);
      expect(unexpected(manager.problems, [/status of 401/])).toEqual([]);
    } finally {
      await manager.close();
    }

    // --- The colleague opens the e-mailed link and creates the account.
    const mail = await stack.smtp.mailTo(colleagueEmail);
    const token = linkToken(mail, '/invito');
    const colleague = await openPage(stack, { lang });
    try {
      const page = colleague.page;
      await page.goto(`/invito/${token}`);
      await settled(page);
      const main = page.getByRole('main');
      await expect.poll(() => main.textContent()).toContain(t.lucense);
      expect(await main.textContent()).toContain(t.staff);
      expect(await main.textContent()).toContain(colleagueEmail);
      await expectAccessible(page);
      await main.getByLabel(t.name).fill(colleagueName);
      await main.getByLabel(t.choosePassword).fill(PASSWORD);
      await main.getByRole('button', { name: t.createAccount }).click();
      await page.waitForURL(/\/organizzazioni\/lucense$/);
      await settled(page);
      await expect
        .poll(() =>
          page
            .getByRole('banner')
            .getByRole('button', { name: new RegExp(colleagueName) })
            .count(),
        )
        .toBe(1);
      // Staff edit their centre's offer: the organisation page offers to add records.
      // (The URL changes before the new page renders: wait for it, not just for the address.)
      await expect.poll(() => main.getByRole('link', { name: t.addCompetence }).count()).toBe(1);
      await expectAccessible(page);

      // --- Edit a Lucense record: clearing the title shows the error next to it and in the summary.
      await page.goto(`/competenze/${t.record}`);
      await settled(page);
      await main.getByRole('link', { name: t.edit, exact: true }).click();
      await arrive(page, /\/modifica$/, new RegExp(`^${t.edit} `));
      const keywords = main.getByLabel(t.keywords);
      const typedKeywords = `${await keywords.inputValue()}, e2e-${lang}`;
      await keywords.fill(typedKeywords);
      await main.getByLabel(t.titleIt).fill('');
      await main.getByLabel(t.titleEn).fill('');
      await main.getByRole('button', { name: t.save }).click();

      const fieldError = page.locator('#rf-title-error');
      await expect.poll(() => fieldError.textContent()).toContain(t.oneLanguage);
      // The message sits in the title's group, and the inputs are described by it.
      expect(await page.locator('fieldset#rf-title').locator('#rf-title-error').count()).toBe(1);
      expect(await main.getByLabel(t.titleIt).getAttribute('aria-describedby')).toContain('rf-title-error');
      expect(await main.getByLabel(t.titleIt).getAttribute('aria-invalid')).toBeNull();
      // The summary at the top has the focus and links to the field.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      const summaryLink = page.locator('.error-summary a').first();
      expect(await summaryLink.textContent()).toContain(t.oneLanguage);
      await summaryLink.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rf-title-it');
      // Nothing typed was lost.
      expect(await keywords.inputValue()).toBe(typedKeywords);
      await expectAccessible(page);

      // --- Fix it (in the interface's language) and save: the record page shows the new title, the notice and the history.
      await main.getByLabel(lang === 'it' ? t.titleIt : t.titleEn).fill(t.newTitle);
      await main.getByRole('button', { name: t.save }).click();
      await page.waitForURL(new RegExp(`/competenze/${t.record}$`));
      await settled(page);
      await expect.poll(() => page.locator('h1').textContent()).toBe(t.newTitle);
      await expect.poll(() => main.getByRole('status').first().textContent()).toContain(t.saved);
      const history = page.getByRole('region', { name: t.history });
      await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain(t.changed);
      const historyText = await history.textContent();
      expect(historyText).toContain(colleagueName);
      expect(historyText).toContain(t.titleField);
      // The record shows the keyword added before the failed save too.
      expect(await main.textContent()).toContain(`e2e-${lang}`);
      await expectAccessible(page);

      // --- Another centre's record: no edit button, and the server refuses a direct PATCH.
      const asev = await asevCompetence();
      await page.goto(`/competenze/${asev}`);
      await settled(page);
      // Signed in (the header names the colleague), yet no way to edit.
      expect(
        await page
          .getByRole('banner')
          .getByRole('button', { name: new RegExp(colleagueName) })
          .count(),
      ).toBe(1);
      expect(await main.getByRole('link', { name: t.edit, exact: true }).count()).toBe(0);
      expect(await main.getByRole('button', { name: t.retire }).count()).toBe(0);
      expect(await page.getByRole('region', { name: t.history }).count()).toBe(0);
      const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
      const refused = await page.request.patch(`/api/v1/competences/${asev}`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { title: { it: 'Non mia', en: 'Not mine' } },
      });
      expect(refused.status()).toBe(403);
      await expectAccessible(page);
      expect(unexpected(colleague.problems, [/status of 400/])).toEqual([]);
    } finally {
      await colleague.close();
    }
  });
});

describe('the other account pages', () => {
  it('sign up, confirm the address, sign out, reset the password, and too many attempts', async () => {
    const email = 'newcomer@example.org';
    const { page, problems, close } = await openPage(stack);
    const main = page.getByRole('main');
    try {
      await page.goto('/registrati');
      await settled(page);
      await expectAccessible(page);
      await main.getByLabel('Nome e cognome').fill('Nina Nuova');
      await main.getByLabel('Indirizzo e-mail').fill(email);
      await main.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await main.getByRole('button', { name: 'Crea l’account' }).click();
      await expect.poll(() => main.getByRole('status').textContent()).toContain('Controlla la tua e-mail');
      await expectAccessible(page);

      await page.goto(`/verifica/${linkToken(await stack.smtp.mailTo(email), '/verifica')}`);
      await settled(page);
      await expect.poll(() => main.textContent()).toContain('Il tuo indirizzo e-mail è confermato');
      await expectAccessible(page);
      await main.getByRole('link', { name: 'Accedi' }).click();
      await arrive(page, /\/accedi$/, /^Accedi$/);
      await signIn(page, UI.it, email, PASSWORD);
      // Straight from the sign-in page, a person with no organisation yet lands on the home page.
      await page.waitForURL((url) => url.pathname === '/');
      await settled(page);
      await page.goto('/account');
      await arrive(page, /\/account$/, /^Il mio account$/);
      expect(await main.textContent()).toContain('Non fai ancora parte di nessuna organizzazione');

      // Sign out from the header menu: back home, told so, with "Accedi" in the header again.
      await page
        .getByRole('banner')
        .getByRole('button', { name: /Nina Nuova/ })
        .click();
      await page.getByRole('banner').getByRole('button', { name: 'Esci' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await expect.poll(() => main.getByRole('status').first().textContent()).toContain('Sei uscito');
      expect(await page.getByRole('banner').getByRole('link', { name: 'Accedi' }).count()).toBe(1);

      // Forgotten password: the e-mailed link sets a new one.
      await page.goto('/password-dimenticata');
      await settled(page);
      await expectAccessible(page);
      await main.getByLabel('Indirizzo e-mail').fill(email);
      await main.getByRole('button', { name: 'Invia il link' }).click();
      await expect.poll(() => main.getByRole('status').textContent()).toContain('Controlla la tua e-mail');
      await page.goto(`/nuova-password/${linkToken(await stack.smtp.mailTo(email), '/nuova-password')}`);
      await settled(page);
      await expectAccessible(page);
      await main.getByLabel('Nuova password').fill(`${PASSWORD} 2`);
      await main.getByRole('button', { name: 'Salva la nuova password' }).click();
      await expect.poll(() => main.getByRole('status').textContent()).toContain('Password aggiornata');

      // The old password no longer works; after five failures the sixth attempt is told how long to wait.
      await page.goto('/accedi');
      await settled(page);
      const attempt = async () => {
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await signIn(page, UI.it, email, PASSWORD);
        return (await answer).status();
      };
      for (let i = 0; i < 5; i++) expect(await attempt()).toBe(401);
      await expect.poll(() => page.locator('.error-summary').textContent()).toContain('non corretti');
      expect(await attempt()).toBe(429);
      await expect
        .poll(() => page.locator('.error-summary').textContent())
        .toMatch(/Troppi tentativi.*riprova tra \d+ minuti/);
      await expectAccessible(page);
      expect(unexpected(problems, [...Array(5).fill(/status of 401/), /status of 429/])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('on a phone, by keyboard', () => {
  it("the account page, a record's edit actions, the retire dialog and the edit form fit and work", async () => {
    const email = 'phone@lucense.example';
    await createUser(stack.database.db, {
      email,
      name: 'Paola Telefono',
      role: 'centre-manager',
      organization: 'lucense',
      password: PASSWORD,
    });
    const { page, problems, close } = await openPage(stack, { mobile: true });
    const fits = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    try {
      await page.goto('/accedi');
      await settled(page);
      await fits();
      await signIn(page, UI.it, email, PASSWORD);
      // A centre's manager lands on the requests, the centre's work.
      await arrive(page, /\/richieste$/, /^Richieste/);
      await fits();
      await expectAccessible(page);

      await page.goto('/attrezzature?organization=lucense');
      await settled(page);
      await page.locator('main a[href^="/attrezzature/"]').first().click();
      await page.waitForURL(/\/attrezzature\/[^?]+$/);
      // The retire dialog: the focus starts on "Annulla", Escape closes it and the focus returns to "Ritira".
      const retire = page.getByRole('main').getByRole('button', { name: UI.it.retire });
      await retire.waitFor();
      await settled(page);
      await fits();
      await retire.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(UI.it.cancel);
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(UI.it.retire);

      await page.getByRole('main').getByRole('link', { name: UI.it.edit, exact: true }).click();
      await arrive(page, /\/modifica$/, /^Modifica/);
      await fits();
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
