import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, expectAccessible, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';

// The protocol's periodic verification with the demo network (issue 12 §5): the Lucense nucleus member prepares a
// half-year verification from live data, writes the centre's comment and the conclusions, and signs (Italian, through
// the forms); the other five centres' representatives comment and sign in turn (signed in through the API, their
// pages checked with axe); the Region signs (English), after which the report is read-only with its content hash and
// its PDF is a valid document of several pages. The objectives page refuses "N/A" for a number. Axe on every page in
// both languages; the report at phone width.
let stack: Stack;
let password: string;
let reportId = '';
const NUCLEUS = [
  'chiara.lombardi@lucense.example.org',
  'marco.cecchi@asev.example.org',
  'francesca.rossi@cosvig.example.org',
  'andrea.galli@cptm.example.org',
  'roberta.pellegrini@navigo.example.org',
  'alessandro.conti@tls.example.org',
];
const REGION = 'giovanni.bartoli@regione.example.org';

beforeAll(async () => {
  stack = await startStack();
  password = ((await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as { password: string }).password;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/** Signs the page's context in through the API (the sign-in form has its own journeys). */
async function signInAs(page: Page, email: string): Promise<string> {
  const r = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(r.status()).toBe(200);
  // The app asks for the account when the browser remembers having signed in (as its own sign-in form leaves it).
  await page.context().addInitScript(() => localStorage.setItem('clock.session', '1'));
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}
/** The second half of last year: a whole half-year the demo has no report for. */
const lastYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' }).slice(0, 4)) - 1;

describe('a periodic verification', () => {
  it('is prepared from live data by the nucleus, commented and signed by the first centre (Italian)', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signInAs(page, NUCLEUS[0]!);
      await page.goto('/nucleo');
      await arrive(page, /\/nucleo$/, /nucleo/i);
      await page.getByRole('main').getByRole('link', { name: 'Verifiche periodiche' }).click();
      await arrive(page, /\/verifiche$/, 'Verifiche periodiche');
      // The demo's signed report shows its fingerprint in the list.
      await expect.poll(() => page.locator('tbody tr', { hasText: 'Firmata' }).count()).toBeGreaterThan(0);
      await expectAccessible(page);

      await page.getByLabel(new RegExp(`^Secondo semestre ${lastYear()}`)).check();
      await page.getByRole('button', { name: 'Prepara la bozza' }).click();
      await arrive(page, /\/verifiche\/[0-9a-f-]{36}$/, /^Verifica V-\d{4}$/);
      reportId = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('preparata dai dati attuali');
      for (const h of ['Obiettivi e indicatori', 'Azioni congiunte del periodo', 'Riunioni del nucleo nel periodo'])
        expect(await page.getByRole('heading', { name: h, exact: true }).count()).toBe(1);
      // The RAG statuses are words, not colour alone; "—" stands for no data.
      expect(
        await page.locator('.badge', { hasText: /In linea|Attenzione|Critico|Nessun obiettivo o dato/ }).count(),
      ).toBeGreaterThan(0);
      await expectAccessible(page);

      // An override needs its reason: refused before sending, the message beside the field.
      const override = page.getByRole('main').locator('details').first();
      await override.locator('summary').click();
      await override.getByLabel('Stato', { exact: true }).selectOption('green');
      await override.getByRole('button', { name: 'Salva lo stato' }).click();
      await expect.poll(() => override.locator('.field-invalid').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await override
        .getByLabel('Motivo della modifica')
        .fill('Il dato del periodo non comprende i progetti avviati a dicembre.');
      await override.getByRole('button', { name: 'Salva lo stato' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Stato dell’obiettivo salvato');

      // Only the member's own centre's comment is a field.
      expect(await page.getByLabel(/^Osservazioni di /).count()).toBe(1);
      await page
        .getByLabel(/^Osservazioni di /)
        .fill('Le richieste del periodo sono cresciute; i tempi di risposta restano buoni.');
      await page.getByRole('button', { name: 'Salva le osservazioni' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Osservazioni salvate');
      await page
        .getByLabel('Conclusioni del nucleo')
        .fill('Gli obiettivi di rete sono in linea, tranne la copertura di due celle S3.');
      await page.getByLabel('Adeguamenti proposti alla Regione').fill('Allineare il bando 2027 alle celle scoperte.');
      await page.getByRole('button', { name: 'Salva conclusioni e adeguamenti' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Conclusioni e adeguamenti salvati');

      // Signing asks first; Escape (the safe choice) cancels.
      await page.getByRole('button', { name: /^Firma per / }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: /^Firma per / }).click();
      await dialog.getByRole('button', { name: 'Firma', exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Firma registrata.');
      // After the first signature the draft no longer changes: no more fields.
      expect(await page.getByLabel('Conclusioni del nucleo').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Firma per / }).count()).toBe(0);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('is signed in turn by the other five centres', async () => {
    for (const [i, email] of NUCLEUS.slice(1).entries()) {
      const { page, problems, close } = await openPage(stack, { lang: i % 2 ? 'en' : 'it' });
      try {
        const csrf = await signInAs(page, email);
        // A comment written after the first signature is refused: the draft changed hands.
        const late = await page.request.patch(`/api/v1/reports/${reportId}`, {
          headers: { 'x-csrf-token': csrf },
          data: { comment: { text: 'Osservazione tardiva' } },
        });
        expect(late.status(), await late.text()).toBe(409);
        await page.goto(`/verifiche/${reportId}`);
        await settled(page);
        const sign = page.getByRole('button', { name: /^(Firma|Sign) (per|for) / });
        await sign.click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /^(Firma|Sign)$/ })
          .click();
        await expect
          .poll(() => page.getByRole('status').first().textContent())
          .toMatch(/Firma registrata|Signature recorded/);
        if (i < 2) await expectAccessible(page);
        expect(unexpected(problems, [])).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('is signed last by the Region, then read-only with its hash and a PDF of several pages (English)', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await signInAs(page, REGION);
      await page.goto(`/verifiche/${reportId}`);
      await arrive(page, new RegExp(`/verifiche/${reportId}$`), /^Verification V-\d{4}$/);
      await page.getByRole('button', { name: /^Sign for .*\(Region\)$/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('signed by everyone');
      const hash = await page.getByTestId('content-hash').textContent();
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      // Read-only: the one field left is the reason to reopen it (the Region and the nucleus may).
      expect(await page.locator('main select').count()).toBe(0);
      expect(await page.locator('main textarea').count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Reopen the verification' }).count()).toBe(1);
      expect(
        await page.locator('section[aria-labelledby="signatures-title"] li', { hasText: 'signed by' }).count(),
      ).toBe(7);
      await expectAccessible(page);

      const pdf = await page.request.get(`/api/v1/reports/${reportId}/pdf?lang=en`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-6).toString()).toContain('%%EOF');
      expect((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
      const csv = await page.request.get(`/api/v1/reports/${reportId}/csv`);
      expect((await csv.text()).split('\r\n')[0]).toBe('kind,code,label,value,unit,target,baseline,status,comment');

      await page.goto('/verifiche');
      await arrive(page, /\/verifiche$/, 'Periodic verifications');
      await expect.poll(() => page.locator('tbody').textContent()).toContain(hash!.slice(0, 16));
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reads well at phone width', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it', mobile: true });
    try {
      await signInAs(page, REGION);
      await page.goto(`/verifiche/${reportId}`);
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a signed verification', () => {
  it('is reopened by the nucleus with a reason, as a new revision to sign again', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await signInAs(page, NUCLEUS[2]!);
      await page.goto(`/verifiche/${reportId}`);
      await settled(page);
      await page.getByRole('button', { name: 'Riapri come nuova revisione' }).click();
      // The reason is required: refused before sending.
      await expect.poll(() => page.locator('.field-invalid').count()).toBeGreaterThan(0);
      await page.getByLabel('Motivo della riapertura').fill('Il dato delle ore prenotate va corretto.');
      await page.getByRole('button', { name: 'Riapri come nuova revisione' }).click();
      await page.waitForURL((u) => /\/verifiche\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(reportId));
      await settled(page);
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Revisione 2 creata');
      expect(await page.getByText('riaperta perché: Il dato delle ore prenotate va corretto.').count()).toBe(1);
      expect(await page.getByTestId('content-hash').count()).toBe(0);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the objectives', () => {
  for (const lang of ['it', 'en'] as const)
    it(`show the protocol and refuse "N/A" for a number (${lang})`, async () => {
      const { page, problems, close } = await openPage(stack, { lang });
      const w =
        lang === 'it'
          ? {
              title: 'Protocollo e obiettivi',
              kpi: 'Indicatore',
              value: 'Valore',
              save: 'Salva il valore',
              refuse: 'non sono accettati',
            }
          : {
              title: 'Protocol and objectives',
              kpi: 'Indicator',
              value: 'Value',
              save: 'Save the value',
              refuse: 'are not accepted',
            };
      try {
        await signInAs(page, NUCLEUS[0]!);
        await page.goto('/obiettivi');
        await arrive(page, /\/obiettivi$/, w.title);
        await expect.poll(() => page.locator('article').count()).toBeGreaterThan(0);
        await expectAccessible(page);
        const form = page.locator('form[aria-labelledby="value-form-title"]');
        const kpi = form.getByLabel(w.kpi, { exact: true });
        const numeric = await kpi.evaluate((s: HTMLSelectElement) =>
          Array.from(s.options, (o) => o.value).filter(Boolean),
        );
        // The first manual KPI that takes a plain number.
        for (const code of numeric) {
          await kpi.selectOption(code);
          if ((await form.getByLabel(w.value, { exact: true }).count()) > 0) break;
        }
        await form.locator('#value-from').fill(`${lastYear()}-01-01`);
        await form.locator('#value-to').fill(`${lastYear()}-12-31`);
        await form.getByLabel(w.value, { exact: true }).fill('N/A');
        await form.getByRole('button', { name: w.save }).click();
        const field = form.locator('.field-invalid', { has: page.locator('#value-value') });
        await expect.poll(() => field.textContent()).toContain(w.refuse);
        await expectAccessible(page);
        expect(unexpected(problems, [])).toEqual([]);
      } finally {
        await close();
      }
    });
});
