import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { followUp } from '../apps/server/src/modules/brokerage/followup.service.ts';
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

// Issue 15's "done when", in the browser: a marble company writes an anonymous technology request (its first text
// holds an e-mail address and is refused next to the field), Lucense reviews it with the rubric and publishes it, a
// glassworks finds it searching in English with the English interface and expresses interest; the anonymous company
// accepts, Lucense introduces them and the company is named; three months later (the introduction's date moved back,
// then the brokerage job run as the worker would) the glassworks reports an agreement, Lucense confirms it, and the
// public indicators count it. Axe on every page in Italian and English, and each page on a 390 px phone.
// With CLOCK_E2E_SCREENSHOTS=<dir> the last test also saves each page at 1280 and 390 px.

const OWNER = 'massimo.tonelli@pietre-del-frigido.example.org';
const OWNER_NAME = /Pietre del Frigido/i;
const STAFF = 'sara.pieri@lucense.example.org';
const PARTNER = 'tommaso.landi@cristallerie-badia.example.org';

let stack: Stack;
let password = '';
let opportunityId = '';
beforeAll(async () => {
  stack = await startStack();
  password = ((await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as { password: string }).password;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function signIn(page: Page, lang: 'it' | 'en', email: string, returnTo: string) {
  await signInWithForm(page, lang, email, password, returnTo);
}

/** Opens a page as a person, in a language, optionally on a phone 390 px wide. */
async function as(email: string, lang: 'it' | 'en', returnTo: string, mobile = false) {
  const opened = await openPage(stack, { lang, mobile });
  if (mobile) await opened.page.setViewportSize({ width: 390, height: 844 });
  await signIn(opened.page, lang, email, returnTo);
  return opened;
}

/** With CLOCK_E2E_SCREENSHOTS set, the page as it is now (named with its width). */
async function shoot(page: Page, name: string) {
  const dir = process.env.CLOCK_E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
}

/** Nothing wider than the screen (a phone must not scroll sideways). */
async function fitsWidth(page: Page) {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
}

const kpi = async (code: string) => {
  const today = new Date().toISOString().slice(0, 10);
  const from = `${new Date().getFullYear() - 1}-01-01`;
  const r = await fetch(`${stack.baseUrl}/api/v1/kpis?from=${from}&to=${today}`);
  const body = (await r.json()) as { items: { code: string; value: number | null }[] };
  return body.items.find((k) => k.code === code)?.value ?? null;
};

describe('brokerage between companies, from writing to the agreement counted', () => {
  it('a company writes an anonymous technology request: the e-mail in its text is refused beside the field', async () => {
    const { page, problems, close } = await as(OWNER, 'it', '/opportunita');
    try {
      await arrive(page, /\/opportunita$/, 'Opportunità tra imprese');
      // By keyboard: the link above the list, then the form's fields by their labels.
      await page.getByRole('link', { name: 'Pubblica un’opportunità' }).first().focus();
      await page.keyboard.press('Enter');
      await arrive(page, /\/opportunita\/nuova$/, 'Pubblica un’opportunità');
      await expectAccessible(page);
      const main = page.getByRole('main');
      await main.getByLabel('Centro che la segue').selectOption('lucense');
      await main.getByLabel('Richiesta di tecnologia').check();
      await main.getByLabel('Anonima: il nome resta noto solo al centro').check();
      await main.getByLabel('Titolo in italiano').fill('Telecamera iperspettrale per classificare le lastre di marmo');
      await main
        .getByLabel('Descrizione in italiano')
        .fill(
          'Cerchiamo una tecnologia di visione iperspettrale che classifichi le lastre di marmo per venatura e colore ' +
            'alla fine della linea di lucidatura. Per dettagli scrivete a ufficio.tecnico@marmi-esempio.it.',
        );
      await main.getByLabel('Titolo in inglese').fill('Hyperspectral camera to grade marble slabs');
      await main
        .getByLabel('Descrizione in inglese')
        .fill(
          'We look for a hyperspectral vision technology that grades marble slabs by veining and colour at the end ' +
            'of the polishing line, on 200 slabs a day.',
        );
      await main.getByLabel('Stadio di sviluppo').selectOption('prototype');
      await main.getByLabel('Cooperazione tecnica').check();
      await main.getByRole('button', { name: 'Salva e invia al centro' }).click();
      // The refusal sits beside the Italian description, in Italian; nothing typed is lost.
      const field = page.locator('#opp-description-it');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#opp-description-it-error').textContent()).toMatch(/Contiene un indirizzo e-mail/);
      expect(await main.getByLabel('Titolo in inglese').inputValue()).toBe(
        'Hyperspectral camera to grade marble slabs',
      );
      await expectAccessible(page);
      await shoot(page, 'form-refused-it');
      await field.fill(
        'Cerchiamo una tecnologia di visione iperspettrale che classifichi le lastre di marmo per venatura e colore ' +
          'alla fine della linea di lucidatura, su 200 lastre al giorno.',
      );
      // Saved as a draft first, then changed (the partner sought added) and sent to the centre from the edit page.
      await main.getByRole('button', { name: 'Salva la bozza' }).click();
      await arrive(page, /\/opportunita\/[0-9a-f-]{36}$/, /Telecamera iperspettrale/);
      opportunityId = page.url().split('/').pop()!;
      expect(await page.getByRole('status').first().textContent()).toContain('Bozza salvata');
      expect(await main.textContent()).toContain('Bozza');
      await main.getByRole('link', { name: 'Modifica', exact: true }).click();
      await arrive(page, new RegExp(`/opportunita/${opportunityId}/modifica$`), 'Modifica l’opportunità');
      expect(await main.getByLabel('Titolo in inglese').inputValue()).toBe(
        'Hyperspectral camera to grade marble slabs',
      );
      await expectAccessible(page);
      await main
        .getByLabel('Partner cercato, in italiano')
        .fill('Un fornitore di sistemi di visione o un laboratorio di ottica applicata.');
      await main.getByRole('button', { name: 'Salva e invia al centro' }).focus();
      await page.keyboard.press('Enter');
      await arrive(page, new RegExp(`/opportunita/${opportunityId}$`), /Telecamera iperspettrale/);
      expect(await page.getByRole('status').first().textContent()).toContain('Opportunità inviata al centro');
      expect(await main.textContent()).toContain('Un fornitore di sistemi di visione');
      expect(await main.textContent()).toContain('In esame');
      await expectAccessible(page);
      // The first refusal was an expected 400.
      expect(unexpected(problems, [/status of 400/])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the centre holds it with a comment, the company reads it and sends it again, the centre publishes it', async () => {
    const score = async (page: Page, scores: string[]) => {
      const form = page.getByRole('form', { name: 'Esame dell’opportunità' });
      const criteria = ['Chiarezza', 'Innovazione', 'Partner cercato', 'Completezza'];
      for (const [i, criterion] of criteria.entries())
        await form.getByRole('group', { name: criterion }).getByLabel(scores[i]!, { exact: true }).check();
      return form;
    };
    const staff = await as(STAFF, 'it', '/opportunita');
    try {
      const { page } = staff;
      await page.getByRole('link', { name: 'Opportunità da esaminare' }).first().click();
      await arrive(page, /\/opportunita\/revisione$/, 'Opportunità da esaminare');
      await expectAccessible(page);
      const waiting = page.getByRole('region', { name: 'In attesa di esame' });
      await waiting.getByRole('link', { name: /Telecamera iperspettrale/ }).waitFor();
      await waiting.getByRole('link', { name: 'Esamina' }).first().click();
      await arrive(page, new RegExp(`/opportunita/${opportunityId}$`), /Telecamera iperspettrale/);
      // The centre knows the anonymous company.
      expect(await page.getByRole('main').textContent()).toMatch(OWNER_NAME);
      const form = await score(page, ['3', '2', '2', '2']);
      expect(await form.textContent()).toContain('almeno 12 punti su 20');
      expect(await form.textContent()).toContain('Totale: 9 su 20 — non basta per pubblicare');
      // Holding needs the comment the company reads.
      await form.getByLabel('Sospendi con commenti').check();
      await form.getByRole('button', { name: 'Registra la decisione' }).click();
      await expect.poll(() => page.locator('#review-comment-error').textContent()).toContain('Scrivete il commento');
      await expectAccessible(page);
      await form.getByLabel(/Commento per l’impresa/).fill('Dite quante lastre al giorno e di che formato.');
      await form.getByRole('button', { name: 'Registra la decisione' }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toContain('Sospesa, da rivedere');
      expect(unexpected(staff.problems, [])).toEqual([]);
    } finally {
      await staff.close();
    }
    const owner = await as(OWNER, 'it', '/opportunita/mie');
    try {
      const { page } = owner;
      await page
        .getByRole('region', { name: /Sospesa/ })
        .getByRole('link', { name: /Telecamera/ })
        .click();
      await arrive(page, new RegExp(`/opportunita/${opportunityId}$`), /Telecamera iperspettrale/);
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Il centro ha sospeso l’opportunità');
      expect(await main.textContent()).toContain('Dite quante lastre al giorno e di che formato.');
      await expectAccessible(page);
      await shoot(page, 'on-hold-it');
      await main.getByRole('button', { name: 'Invia al centro per l’esame' }).click();
      await expect.poll(() => main.textContent()).toContain('In esame');
      expect(unexpected(owner.problems, [])).toEqual([]);
    } finally {
      await owner.close();
    }
    const again = await as(STAFF, 'it', `/opportunita/${opportunityId}`);
    try {
      const { page } = again;
      const form = await score(page, ['4', '4', '3', '3']);
      expect(await form.textContent()).toContain('Totale: 14 su 20 — sufficiente per pubblicare');
      await expectAccessible(page);
      await shoot(page, 'review-it');
      await form.getByLabel('Pubblica', { exact: true }).check();
      await form.getByRole('button', { name: 'Registra la decisione' }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toContain('Pubblicata');
      // Suggested counterparts come with the matching engine's explanation.
      await page.getByRole('heading', { name: 'Controparti suggerite' }).waitFor();
      await settled(page);
      await expectAccessible(page);
      expect(unexpected(again.problems, [])).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('another company finds it in English, without the company, and expresses interest', async () => {
    const { page, problems, close } = await as(PARTNER, 'en', '/opportunita');
    try {
      await arrive(page, /\/opportunita$/, 'Opportunities between companies');
      await page.getByLabel('Search the opportunities').fill('hyperspectral marble slabs');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/q=hyperspectral/);
      await settled(page);
      const hit = page.getByRole('link', { name: 'Hyperspectral camera to grade marble slabs' });
      await hit.waitFor();
      // The company has named opportunities on the list too: this one's entry says "anonymous", not its name.
      const entry = page.locator('article').filter({ has: hit });
      expect(await entry.textContent()).toContain('Anonymous company');
      expect(await entry.textContent()).not.toMatch(OWNER_NAME);
      await expectAccessible(page);
      await hit.click();
      await arrive(page, new RegExp(`/opportunita/${opportunityId}$`), 'Hyperspectral camera to grade marble slabs');
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Anonymous company');
      expect(await main.textContent()).not.toMatch(OWNER_NAME);
      await main.getByLabel('Why you are interested').fill('Our optical lab could adapt its glass inspection cameras.');
      await main.getByRole('button', { name: 'Send to the centre' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Interest sent');
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the anonymous company accepts on its phone; the centre introduces; the other company reads its name', async () => {
    const owner = await as(OWNER, 'it', '/opportunita/mie', true);
    try {
      const { page } = owner;
      await arrive(page, /\/opportunita\/mie$/, 'Le mie opportunità');
      await fitsWidth(page);
      await page
        .getByRole('region', { name: /Pubblicata/ })
        .getByRole('link', { name: /Telecamera/ })
        .click();
      await arrive(page, new RegExp(`/opportunita/${opportunityId}$`), /Telecamera iperspettrale/);
      const interests = page.getByRole('region', { name: 'Interessi ricevuti' });
      await interests
        .getByText(/Cristallerie/)
        .first()
        .waitFor();
      await interests.getByRole('button', { name: 'Accetta e rivela la vostra identità' }).click();
      await expect.poll(() => interests.textContent()).toContain('Accettato');
      await fitsWidth(page);
      await shoot(page, 'accepted-it');
      await expectAccessible(page);
      expect(unexpected(owner.problems, [])).toEqual([]);
    } finally {
      await owner.close();
    }
    const staff = await as(STAFF, 'it', `/opportunita/${opportunityId}`);
    try {
      const interests = staff.page.getByRole('region', { name: 'Interessi ricevuti' });
      await interests.getByRole('button', { name: 'Presenta le due imprese' }).click();
      await interests.getByRole('link', { name: 'Vedi le presentazioni' }).waitFor();
      expect(unexpected(staff.problems, [])).toEqual([]);
    } finally {
      await staff.close();
    }
    const partner = await as(PARTNER, 'en', '/introduzioni');
    try {
      await arrive(partner.page, /\/introduzioni$/, 'Introductions between companies');
      expect(await partner.page.getByRole('main').textContent()).toMatch(OWNER_NAME);
      expect(await partner.page.getByRole('main').textContent()).toContain('3 and 6 months after');
      await expectAccessible(partner.page);
      // The opportunity's page names the company now, and says where the interest stands instead of the form.
      await partner.page.goto(`/opportunita/${opportunityId}`);
      await settled(partner.page);
      const main = partner.page.getByRole('main');
      await expect.poll(() => main.textContent()).toContain('Your company expressed interest');
      expect(await main.textContent()).toMatch(OWNER_NAME);
      expect(await main.getByLabel('Why you are interested').count()).toBe(0);
      await expectAccessible(partner.page);
    } finally {
      await partner.close();
    }
  });

  it('three months later the outcome is asked, an agreement reported, confirmed by the centre and counted', async () => {
    const before = await kpi('introductions.agreements');
    // Three months pass: the introduction's date moves back, then the brokerage job runs as the worker would.
    await stack.database.db.execute(
      sql`update introductions set created_at = now() - interval '3 months' - interval '1 day', revealed_at = now() - interval '3 months' - interval '1 day' where opportunity_id = ${opportunityId}`,
    );
    const run = await followUp({ db: stack.database.db, publicUrl: stack.baseUrl }, new Date());
    expect(run.asked).toBeGreaterThanOrEqual(1);
    const partner = await as(PARTNER, 'en', '/introduzioni');
    try {
      const { page } = partner;
      const item = page.getByRole('listitem').filter({ hasText: 'Hyperspectral camera' }).first();
      const question = item.getByRole('form', { name: 'What came of the introduction? (3 months)' });
      await question.waitFor();
      await expectAccessible(page);
      await shoot(page, 'outcome-en');
      await question.getByLabel('Agreement reached').check();
      await question.getByLabel('Kind of agreement').selectOption('technical-cooperation');
      await question.getByLabel('Note').fill('A joint trial on the polishing line in spring.');
      await question.getByRole('button', { name: 'Send the outcome' }).click();
      await expect.poll(() => item.textContent()).toContain('To be confirmed by the centre');
      expect(unexpected(partner.problems, [])).toEqual([]);
    } finally {
      await partner.close();
    }
    const staff = await as(STAFF, 'it', '/introduzioni');
    try {
      const { page } = staff;
      await arrive(page, /\/introduzioni$/, 'Presentazioni tra imprese');
      const item = page.getByRole('listitem').filter({ hasText: 'Telecamera iperspettrale' }).first();
      await expectAccessible(page);
      await item.getByRole('button', { name: 'Conferma l’accordo' }).click();
      await expect.poll(() => item.textContent()).toContain('Confermato dal centro');
      await shoot(page, 'confirmed-it');
      expect(unexpected(staff.problems, [])).toEqual([]);
    } finally {
      await staff.close();
    }
    expect(await kpi('introductions.agreements')).toBe((before ?? 0) + 1);
  });

  it('every page passes axe in Italian and English and fits a 390 px phone', async () => {
    const pages: [string, string, string][] = [
      [OWNER, '/opportunita/nuova', 'new'],
      [OWNER, `/opportunita/${opportunityId}/modifica`, 'edit-refused'],
      [OWNER, '/opportunita/mie', 'mine'],
      [OWNER, `/opportunita/${opportunityId}`, 'owner-detail'],
      [STAFF, '/opportunita/revisione', 'queue'],
      [STAFF, `/opportunita/${opportunityId}`, 'centre-detail'],
      [STAFF, '/introduzioni', 'centre-introductions'],
      [PARTNER, '/introduzioni', 'introductions'],
      [PARTNER, '/opportunita', 'list'],
    ];
    for (const lang of ['it', 'en'] as const)
      for (const mobile of [false, true]) {
        for (const who of [OWNER, STAFF, PARTNER]) {
          const mine = pages.filter((p) => p[0] === who);
          const { page, problems, close } = await as(who, lang, mine[0]![1], mobile);
          try {
            for (const [, url, name] of mine) {
              await page.goto(url);
              await settled(page);
              if (!mobile) await expectAccessible(page);
              else await fitsWidth(page);
              await shoot(page, `${name}-${lang}`);
            }
            expect(unexpected(problems, [])).toEqual([]);
          } finally {
            await close();
          }
        }
      }
  });
});
