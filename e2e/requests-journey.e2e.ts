import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, expectAccessible, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';

// The front door, in Italian: a company member of Burlamacco Yachts submits a problem (the live matching panel fills
// while they write; a validation error first), the nucleus representative takes it into triage from the board and
// opens it, NAVIGO and CPTM express interest, the company agrees the team on the team proposal, NAVIGO starts and
// closes it, the company rates it and reads its notifications and e-mail. A confidential request stays invisible to
// a centre not invited. Another request is withdrawn by the company, and the nucleus sees it so. Every page has zero
// axe WCAG 2.1 AA violations and no console errors but those provoked.
let stack: Stack;
// scripts/test.mjs sets it when a PostgreSQL server is reachable: the journey then runs once more on PostgreSQL.
const POSTGRES = process.env.CLOCK_E2E_POSTGRES_URL;

const PASSWORD = 'a long enough password';
// Each centre has its demo nucleus member already (one per centre): the journey signs in as Lucense's.
const DEMO_PASSWORD = 'clock-demo';
const PEOPLE = {
  company: {
    email: 'carla@burlamacco.example',
    name: 'Carla Burlamacco',
    role: 'company',
    organization: 'cantiere-burlamacco',
  },
  nucleus: {
    email: 'chiara.lombardi@lucense.example.org',
    name: 'Chiara Lombardi',
    role: 'nucleus',
    organization: 'lucense',
    demo: true,
  },
  navigo: { email: 'marco@navigo.example', name: 'Marco Navigo', role: 'centre-manager', organization: 'navigo' },
  cptm: { email: 'sara@cptm.example', name: 'Sara Magona', role: 'centre-staff', organization: 'cptm' },
} as const;
type Who = keyof typeof PEOPLE;

const TITLE = 'Cricche a fatica sui giunti saldati delle staffe dello scafo';
const DESCRIPTION =
  'Le staffe in acciaio saldate che reggono le attrezzature di coperta si criccano vicino al cordone di saldatura dopo pochi mesi di navigazione, ' +
  'e la vernice anticorrosione fa le bolle intorno ai giunti. Servono prove di fatica sui giunti saldati e un ciclo di verniciatura più resistente.';

async function signedInPage(who: Who, opts: { mobile?: boolean } = {}) {
  const opened = await openPage(stack, opts);
  const { page } = opened;
  await page.goto('/accedi');
  await settled(page);
  const main = page.getByRole('main');
  await main.getByLabel('Indirizzo e-mail').fill(PEOPLE[who].email);
  await main.getByLabel('Password', { exact: true }).fill('demo' in PEOPLE[who] ? DEMO_PASSWORD : PASSWORD);
  await main.getByRole('button', { name: 'Accedi' }).click();
  // Straight from the sign-in page: the nucleus lands on its board, the others on the requests.
  await arrive(
    page,
    PEOPLE[who].role === 'nucleus' ? /\/richieste\/coordinamento$/ : /\/richieste$/,
    /^(Coordinamento delle richieste|Richieste)/,
  );
  return opened;
}

/** Opens a page of the site and waits for it to settle. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
}

/** Runs one action panel: its region, then the button; waits for the success message. */
async function act(page: Page, region: string, button: string, done: string) {
  await page
    .getByRole('region', { name: region, exact: true })
    .getByRole('button', { name: button, exact: true })
    .click();
  const panel = page.locator('.success-panel');
  await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(done);
  // The focus moves to the message, which names the new state.
  expect(await page.evaluate(() => document.activeElement?.closest('.success-panel') !== null)).toBe(true);
}

/** Ticks a bootstrap-italia checkbox the way people do, by its label (which covers the input), and waits for it. */
async function tick(page: Page, input: ReturnType<Page['locator']>, on = true) {
  const id = await input.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await expect.poll(() => input.isChecked()).toBe(on);
}

const stateOf = (page: Page) => page.locator('.request-kicker .request-state-badge').textContent();

/** The stacks whose people exist already (each test may be the first to run on a stack). */
const peopleCreated = new WeakSet<Stack>();
async function createPeople() {
  if (peopleCreated.has(stack)) return;
  for (const p of Object.values(PEOPLE)) {
    if ('demo' in p) continue;
    await createUser(stack.database.db, {
      email: p.email,
      name: p.name,
      role: p.role,
      organization: p.organization,
      password: PASSWORD,
    });
  }
  peopleCreated.add(stack);
}

/** Calls the API as the person signed in on the page (with their CSRF token); expects a success. */
async function api(page: Page, method: 'post', url: string, data: object) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const r = await page.request[method](url, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(r.status(), await r.text()).toBeLessThan(300);
  return (await r.json()) as { id: string };
}

async function companyToRatedWork() {
  await createPeople();

  // --- Anyone sees the public list and the call to action.
  const visitor = await openPage(stack);
  try {
    await visit(visitor.page, '/richieste');
    expect(await visitor.page.locator('h1').textContent()).toBe('Richieste delle imprese');
    expect(
      await visitor.page.getByRole('main').getByRole('link', { name: 'Presenta un problema' }).getAttribute('href'),
    ).toBe('/accedi?torna=%2Frichieste%2Fnuova');
    await expectAccessible(visitor.page);
    expect(visitor.problems).toEqual([]);
  } finally {
    await visitor.close();
  }

  const company = await signedInPage('company');
  const nucleus = await signedInPage('nucleus');
  const navigo = await signedInPage('navigo');
  const cptm = await signedInPage('cptm');
  let requestUrl = '';
  const companySees = async (state: string) => {
    await visit(company.page, requestUrl);
    await expect.poll(() => stateOf(company.page)).toBe(state);
  };

  try {
    // --- The company writes its problem: the matching panel fills as it types.
    {
      const page = company.page;
      const main = page.getByRole('main');
      await visit(page, '/richieste');
      expect(await main.getByRole('link', { name: 'Le mie richieste' }).getAttribute('aria-current')).toBe('page');
      expect(await main.getByRole('link', { name: 'Per il mio centro' }).count()).toBe(0);
      await expectAccessible(page);
      await main.getByRole('link', { name: 'Presenta un problema' }).click();
      await arrive(page, /\/richieste\/nuova$/, /^Presenta un problema$/);
      // A company member submits for their own company: no company picker.
      expect(await main.getByLabel('Impresa registrata').count()).toBe(0);
      const live = page.locator('.matching-live');
      expect(await live.getAttribute('aria-live')).toBe('polite');
      await main.getByLabel('Titolo', { exact: true }).fill(TITLE);
      await main.getByLabel('Descrizione del problema').fill(DESCRIPTION);
      await expect.poll(() => live.textContent(), { timeout: 20_000 }).toContain('Aspetti del problema');
      expect(await live.textContent()).toContain('Organizzazioni più adatte');
      expect(await live.textContent()).toContain('Squadra migliore');
      await expectAccessible(page);

      // Public without a summary: the server says so next to the field and in the summary, which takes the focus.
      await main.getByLabel(/^Pubblica:/).check();
      await main.getByLabel('Risultato atteso').fill('Giunti riprogettati e un ciclo di verniciatura qualificato.');
      await main.getByRole('button', { name: 'Invia la richiesta' }).click();
      await expect.poll(() => page.locator('#nr-summary-error').textContent()).toContain('sintesi');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(await page.locator('.error-summary a').first().textContent()).toContain('Sintesi pubblica');
      expect(await main.getByLabel('Titolo', { exact: true }).inputValue()).toBe(TITLE);
      expect(await main.getByLabel('Risultato atteso').inputValue()).toContain('Giunti riprogettati');
      await expectAccessible(page);

      // Reserved to the network: sent, and the request page shows it submitted.
      await main.getByLabel(/^Riservata alla rete:/).check();
      await main.getByRole('button', { name: 'Invia la richiesta' }).click();
      await arrive(page, /\/richieste\/[0-9a-f-]{36}$/, TITLE);
      requestUrl = new URL(page.url()).pathname;
      expect(await main.getByRole('status').first().textContent()).toContain('Richiesta inviata');
      expect(await stateOf(page)).toBe('Inviata');
      expect(await page.locator('.request-stepper [aria-current="step"]').textContent()).toContain('Inviata');
      expect(await main.getByRole('region', { name: 'Cronologia' }).textContent()).toContain('Carla Burlamacco');
      expect(await main.textContent()).toContain('Risposta attesa entro il');
      // All the company may do now is take it back.
      expect(await main.locator('.request-action h3').allTextContents()).toEqual(['Ritira la richiesta']);
      await expectAccessible(page);
      expect(unexpected(company.problems, [/status of 400/])).toEqual([]);
      company.problems.length = 0;
    }

    // --- The nucleus finds it on the board, takes it into triage and opens it.
    {
      const page = nucleus.page;
      const main = page.getByRole('main');
      // Signed in straight onto the board, the nucleus comes back to it from the requests, by the menu.
      await visit(page, '/richieste');
      await page.getByRole('banner').getByRole('link', { name: 'Coordinamento' }).click();
      await arrive(page, /\/richieste\/coordinamento$/, /^Coordinamento delle richieste$/);
      const submitted = main.getByRole('region', { name: /^Inviata/ });
      await expect.poll(() => submitted.textContent()).toContain(TITLE);
      await expectAccessible(page);
      // Only the overdue ones (the demo network has some): the new request is not among them, each one is marked.
      await tick(page, main.getByLabel('Solo quelle in ritardo'));
      await expect.poll(() => submitted.textContent()).not.toContain(TITLE);
      await settled(page);
      expect(await main.locator('.board-item').count()).toBe(await main.locator('.board-item .overdue-mark').count());
      await expectAccessible(page);
      await tick(page, main.getByLabel('Solo quelle in ritardo'), false);
      await expect.poll(() => submitted.textContent()).toContain(TITLE);
      // The response-time targets are the nucleus's to change.
      expect(await main.getByLabel('Prima risposta del nucleo').inputValue()).toBe('5');

      await submitted.getByRole('link', { name: TITLE }).click();
      await arrive(page, new RegExp(`${requestUrl}$`), TITLE);
      await expectAccessible(page);
      await act(page, 'Prendi in carico per la valutazione', 'Prendi in carico', 'Richiesta presa in carico');
      expect(await stateOf(page)).toBe('In valutazione');
      await expectAccessible(page);
      await companySees('In valutazione');

      await act(page, 'Apri ai centri', 'Apri la richiesta', 'Richiesta aperta ai centri');
      expect(await stateOf(page)).toBe('Aperta ai centri');
      await companySees('Aperta ai centri');
      expect(nucleus.problems).toEqual([]);
    }

    // --- Two centres express interest with their proposals.
    const interest = async (who: typeof navigo, proposal: string) => {
      const page = who.page;
      const main = page.getByRole('main');
      // Signed in straight onto the requests, the centre comes back to them from the home page, by the menu.
      await visit(page, '/');
      await page.getByRole('banner').getByRole('link', { name: 'Richieste', exact: true }).click();
      await arrive(page, /\/richieste$/, /^Richieste delle imprese$/);
      expect(await main.getByRole('link', { name: 'Per il mio centro' }).getAttribute('aria-current')).toBe('page');
      await expect.poll(() => main.textContent()).toContain(TITLE);
      await expectAccessible(page);
      await main.getByRole('link', { name: TITLE }).click();
      await arrive(page, new RegExp(`${requestUrl}$`), TITLE);
      const region = main.getByRole('region', { name: 'Manifesta interesse', exact: true });
      await region.getByLabel('Proposta').fill(proposal);
      const aspects = region.locator('#act-interest-aspects input[type="checkbox"]');
      if (await aspects.count()) await tick(page, aspects.first());
      await expectAccessible(page);
      await act(page, 'Manifesta interesse', 'Invia la proposta', 'Proposta inviata');
      expect(await main.getByRole('region', { name: 'Centri coinvolti' }).textContent()).toContain(proposal);
      await expectAccessible(page);
      expect(who.problems).toEqual([]);
    };
    await interest(navigo, 'Prove di fatica sui giunti saldati con la nostra rete di laboratori nautici.');
    await companySees('Aperta ai centri');
    await interest(cptm, 'Cicli di verniciatura anticorrosione e prove di resistenza dei rivestimenti.');

    // --- The company agrees the team on the team proposal.
    {
      const page = company.page;
      const main = page.getByRole('main');
      await visit(page, requestUrl);
      const proposal = main.getByRole('region', { name: 'Proposta di squadra' });
      await expect.poll(() => proposal.textContent()).toContain('NAVIGO');
      expect(await proposal.textContent()).toContain('CPTM');
      await expectAccessible(page);
      const team = main.getByRole('region', { name: 'Concorda la squadra', exact: true });
      await team.getByRole('group', { name: 'Centro capofila' }).getByLabel('NAVIGO').check();
      await tick(page, team.getByRole('group', { name: /^Partner/ }).getByLabel('CPTM'));
      await act(page, 'Concorda la squadra', 'Concorda la squadra', 'Squadra concordata');
      expect(await stateOf(page)).toBe('Squadra concordata');
      expect(await main.getByRole('region', { name: 'Centri coinvolti' }).textContent()).toMatch(/NAVIGO\s*Capofila/);
      await expectAccessible(page);
    }

    // --- The lead centre starts and closes it.
    {
      const page = navigo.page;
      const main = page.getByRole('main');
      await visit(page, requestUrl);
      await act(page, 'Avvia i lavori', 'Avvia i lavori', 'Lavori avviati');
      expect(await stateOf(page)).toBe('In corso');
      await expectAccessible(page);
      await companySees('In corso');
      await main
        .getByRole('region', { name: 'Chiudi la richiesta' })
        .getByLabel('Esito')
        .fill('Giunti riprogettati; prove superate su due milioni di cicli e nuovo ciclo di verniciatura.');
      await act(page, 'Chiudi la richiesta', 'Chiudi con questo esito', 'Richiesta chiusa');
      expect(await stateOf(page)).toBe('Chiusa');
      await expectAccessible(page);
      expect(navigo.problems).toEqual([]);
    }

    // --- The company rates it, then reads its notifications and the e-mail.
    {
      const page = company.page;
      const main = page.getByRole('main');
      await companySees('Chiusa');
      expect(await main.getByRole('region', { name: 'Esito' }).textContent()).toContain('due milioni di cicli');
      const rate = main.getByRole('region', { name: 'Valuta il lavoro' });
      await rate.getByLabel('5 – eccellente').check();
      await rate.getByLabel('Commento').fill('Risposta rapida e squadra completa.');
      await expectAccessible(page);
      await act(page, 'Valuta il lavoro', 'Invia la valutazione', 'Valutazione inviata');
      expect(await main.getByRole('region', { name: 'Valutazione dell’impresa' }).textContent()).toContain('5 su 5');
      expect(await main.getByRole('region', { name: 'Che cosa puoi fare' }).count()).toBe(0);
      const history = await main.getByRole('region', { name: 'Cronologia' }).textContent();
      for (const line of [
        'ha preso in carico',
        'ha aperto la richiesta',
        'Marco Navigo (NAVIGO) ha manifestato interesse',
        'ha concordato la squadra',
        'ha avviato i lavori',
        'ha chiuso la richiesta',
        'ha valutato il lavoro',
      ]) {
        expect(history).toContain(line);
      }
      await expectAccessible(page);

      const bell = page.getByRole('banner').getByRole('link', { name: /^Notifiche/ });
      await expect.poll(() => bell.textContent()).toMatch(/\d+ notifiche non lette/);
      await bell.click();
      await arrive(page, /\/notifiche$/, /^Notifiche$/);
      const list = main.getByRole('region', { name: 'Ultime notifiche' });
      await expect.poll(() => list.textContent()).toContain('Abbiamo ricevuto la richiesta R-');
      expect(await list.textContent()).toContain(`${TITLE}. Il nucleo di coordinamento la valuterà`);
      expect(await list.textContent()).toContain('I lavori sulla richiesta');
      expect(await list.textContent()).toContain('NAVIGO ha manifestato interesse');
      await expectAccessible(page);
      await list.getByRole('button', { name: 'Segna tutte come lette' }).click();
      await expect
        .poll(() => list.getByRole('status').textContent())
        .toContain('Tutte le notifiche sono segnate come lette');
      await expect.poll(() => bell.textContent()).toContain('nessuna non letta');
      const prefs = main.getByRole('region', { name: 'Notifiche per e-mail' });
      expect(await prefs.getByLabel('Un’e-mail per ogni evento').isChecked()).toBe(true);
      await prefs.getByLabel('Un riepilogo giornaliero').check();
      await prefs.getByRole('button', { name: 'Salva la preferenza' }).click();
      await expect.poll(() => prefs.getByRole('status').textContent()).toContain('Preferenza salvata');
      await expectAccessible(page);
      await visit(page, '/notifiche');
      expect(await main.getByLabel('Un riepilogo giornaliero').isChecked()).toBe(true);

      // The worker mailed the company about its request, with the link to it.
      const id = requestUrl.split('/').pop()!;
      const end = Date.now() + 15_000;
      while (
        Date.now() < end &&
        !stack.smtp.inbox.some((m) => m.to.includes(PEOPLE.company.email) && m.raw.includes(`/richieste/${id}`))
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const mails = stack.smtp.inbox.filter((m) => m.to.includes(PEOPLE.company.email));
      expect(mails.some((m) => m.raw.includes(`/richieste/${id}`) && /Abbiamo ricevuto la richiesta/.test(m.raw))).toBe(
        true,
      );
      expect(company.problems).toEqual([]);
    }

    // --- A confidential request: the centre invited sees it, another centre gets "not found".
    {
      const secret = await api(company.page, 'post', '/api/v1/requests', {
        title: 'Processo riservato di saldatura laser',
        description: 'Un processo brevettando di saldatura laser produce porosità nei giunti in lega leggera.',
        confidentiality: 'confidential',
      });
      await api(nucleus.page, 'post', `/api/v1/requests/${secret.id}/open`, { centres: ['navigo'] });
      await visit(navigo.page, `/richieste/${secret.id}`);
      expect(await navigo.page.locator('h1').textContent()).toBe('Processo riservato di saldatura laser');
      await visit(cptm.page, `/richieste/${secret.id}`);
      expect(await cptm.page.locator('h1').textContent()).toBe('Richiesta non trovata');
      expect(await cptm.page.getByRole('main').textContent()).not.toContain('saldatura laser');
      await expectAccessible(cptm.page);
      expect(unexpected(cptm.problems, [/status of 404/])).toEqual([]);
    }
  } finally {
    await company.close();
    await nucleus.close();
    await navigo.close();
    await cptm.close();
  }
}

describe('the requests journey in Italian', () => {
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("goes from a company's problem to a rated piece of work, and hides confidential requests", companyToRatedWork);

  it('lets the company withdraw its request, and the nucleus sees it withdrawn', async () => {
    await createPeople();
    const company = await signedInPage('company');
    const nucleus = await signedInPage('nucleus');
    const title = 'Rumore delle eliche di prua in manovra';
    const reason = 'Abbiamo risolto il problema con il fornitore delle eliche.';
    try {
      const created = await api(company.page, 'post', '/api/v1/requests', {
        title,
        description: 'Le eliche di prua fanno troppo rumore in manovra nei porti e disturbano gli ospiti a bordo.',
        confidentiality: 'network',
      });
      const url = `/richieste/${created.id}`;

      // The company withdraws it, with a reason, and confirms in the dialog.
      {
        const page = company.page;
        const main = page.getByRole('main');
        await visit(page, url);
        const panel = main.getByRole('region', { name: 'Ritira la richiesta', exact: true });
        expect(await panel.textContent()).toContain('Non si può annullare');
        await panel.getByLabel(/^Motivazione/).fill(reason);
        await panel.getByRole('button', { name: 'Ritira la richiesta…', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Ritirare la richiesta?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Sì, ritira la richiesta', exact: true }).click();
        await expect
          .poll(() => page.locator('.success-panel').textContent(), { timeout: 15_000 })
          .toContain('Richiesta ritirata');
        expect(await page.evaluate(() => document.activeElement?.closest('.success-panel') !== null)).toBe(true);
        expect(await stateOf(page)).toBe('Ritirata');
        expect(await page.locator('.request-stepper [aria-current="step"]').textContent()).toContain('Ritirata');
        const callout = main.locator('.request-withdrawn');
        expect(await callout.textContent()).toContain('L’impresa ha ritirato la richiesta');
        expect(await callout.textContent()).toContain(reason);
        expect(await main.getByRole('region', { name: 'Cronologia' }).textContent()).toMatch(
          /Carla Burlamacco[^.]* ha ritirato la richiesta\./,
        );
        expect(await main.getByRole('region', { name: 'Che cosa puoi fare' }).count()).toBe(0);
        await expectAccessible(page);
        expect(company.problems).toEqual([]);
      }

      // The nucleus sees it withdrawn, with nothing left to do, and was told.
      {
        const page = nucleus.page;
        const main = page.getByRole('main');
        await visit(page, url);
        expect(await stateOf(page)).toBe('Ritirata');
        expect(await main.locator('.request-withdrawn').textContent()).toContain(reason);
        expect(await main.getByRole('region', { name: 'Che cosa puoi fare' }).count()).toBe(0);
        expect(await main.locator('.request-action').count()).toBe(0);
        await expectAccessible(page);
        await visit(page, '/notifiche');
        await expect
          .poll(() => main.getByRole('region', { name: 'Ultime notifiche' }).textContent())
          .toContain(`${title} è stata ritirata dall’impresa. Motivazione: ${reason}`);
        expect(nucleus.problems).toEqual([]);
      }
    } finally {
      await company.close();
      await nucleus.close();
    }
  });

  it('lets the company correct its request before it is opened, with the field errors of the submission', async () => {
    await createPeople();
    const company = await signedInPage('company');
    const title = 'Corrosione dei passacavi in bronzo sugli scafi';
    const summary = 'Passacavi in bronzo che si corrodono in pochi mesi sugli scafi da diporto.';
    try {
      const created = await api(company.page, 'post', '/api/v1/requests', {
        title,
        description:
          'I passacavi in bronzo montati sugli scafi in vetroresina si corrodono e macchiano la coperta dopo pochi mesi in mare.',
        confidentiality: 'network',
      });
      const url = `/richieste/${created.id}`;
      const page = company.page;
      const main = page.getByRole('main');
      await visit(page, url);
      const actions = main.getByRole('region', { name: 'Che cosa puoi fare' });
      expect(await actions.textContent()).toContain('finché il nucleo di coordinamento non la apre ai centri');
      await actions.getByRole('link', { name: 'Correggi la richiesta' }).click();
      await arrive(page, new RegExp(`${url}/modifica$`), /^Correggi la richiesta$/);
      // Prefilled from the request, without the company.
      expect(await main.getByLabel('Titolo', { exact: true }).inputValue()).toBe(title);
      expect(await main.getByLabel(/^Riservata alla rete:/).isChecked()).toBe(true);
      expect(await main.getByLabel('Impresa registrata').count()).toBe(0);

      // Public without a summary: the field error and the summary, which takes the focus.
      await main.getByLabel(/^Pubblica:/).check();
      await main.getByRole('button', { name: 'Salva le correzioni' }).click();
      await expect.poll(() => page.locator('#nr-summary-error').textContent()).toContain('sintesi');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(await page.locator('.error-summary a').first().textContent()).toContain('Sintesi pubblica');
      await expectAccessible(page);

      // With the summary: saved, back on the request page with the notice, the new tier and the line in the timeline.
      await main.getByLabel(/^Sintesi pubblica/).fill(summary);
      await main.getByRole('button', { name: 'Salva le correzioni' }).click();
      await arrive(page, new RegExp(`${url}$`), title);
      expect(await main.getByRole('status').first().textContent()).toContain('Richiesta corretta');
      expect(await main.getByRole('region', { name: 'In sintesi' }).textContent()).toContain(
        'Pubblica: chiunque legge titolo e sintesi',
      );
      expect(await main.getByRole('region', { name: 'Sintesi pubblica' }).textContent()).toContain(summary);
      expect(await main.getByRole('region', { name: 'Cronologia' }).textContent()).toMatch(
        /Carla Burlamacco[^.]* ha corretto la richiesta \(sintesi pubblica, riservatezza\)\./,
      );
      await expectAccessible(page);
      expect(unexpected(company.problems, [/status of 400/])).toEqual([]);
    } finally {
      await company.close();
    }
  });

  it('the board and a request page fit a phone, and the board is polite to others', async () => {
    const email = 'paolo@asev.example';
    await createUser(stack.database.db, {
      email,
      name: 'Paolo Asev',
      role: 'centre-staff',
      organization: 'asev',
      password: PASSWORD,
    });
    const phone = await signedInPage('nucleus', { mobile: true });
    const fits = async () =>
      expect(
        await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    try {
      await visit(phone.page, '/richieste/coordinamento');
      await fits();
      await expectAccessible(phone.page);
      await phone.page.getByRole('main').locator('a[href^="/richieste/"]').first().click();
      await phone.page.waitForURL(/\/richieste\/[0-9a-f-]{36}$/);
      await settled(phone.page);
      await fits();
      await expectAccessible(phone.page);
      await visit(phone.page, '/richieste/nuova');
      await fits();
      // The nucleus submits on a company's behalf: the company picker is there.
      expect(await phone.page.getByRole('main').getByLabel('Impresa registrata').count()).toBe(1);
      await expectAccessible(phone.page);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
    const other = await openPage(stack);
    try {
      const main = other.page.getByRole('main');
      await visit(other.page, '/accedi');
      await main.getByLabel('Indirizzo e-mail').fill(email);
      await main.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await main.getByRole('button', { name: 'Accedi' }).click();
      await arrive(other.page, /\/richieste$/, /^Richieste/);
      await visit(other.page, '/richieste/coordinamento');
      expect(await main.textContent()).toContain('Questa pagina è riservata al nucleo di coordinamento');
      expect(await other.page.getByRole('banner').getByRole('link', { name: 'Coordinamento' }).count()).toBe(0);
      await expectAccessible(other.page);
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe.runIf(POSTGRES)('the same journey on PostgreSQL', () => {
  beforeAll(async () => {
    stack = await startStack({ postgresUrl: POSTGRES });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("goes from a company's problem to a rated piece of work, and hides confidential requests", companyToRatedWork);
});
