import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';

// A newcomer on a demo installation: a "demo" strip on every page, the sign-in page's demo accounts grouped by role
// (one click fills the form), each role landing on its work with something to see. And the defects a newcomer met:
// notifications counted but invisible, sign-in ending on /account instead of the page one came from, a sign-in text
// addressed to centres only. Italian and English, zero axe violations, no console errors.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const WORDS = {
  it: {
    demoAccounts: 'Account demo',
    signIn: 'Accedi',
    email: 'Indirizzo e-mail',
    region: 'Regione Toscana',
    nucleus: 'Nucleo tecnico di coordinamento',
    companies: 'Imprese',
    use: (name: string) => `Compila il modulo con l’account di ${name}`,
    banner: 'Demo',
  },
  en: {
    demoAccounts: 'Demo accounts',
    signIn: 'Sign in',
    email: 'E-mail address',
    region: 'Regione Toscana',
    nucleus: 'Coordination nucleus',
    companies: 'Companies',
    use: (name: string) => `Fill in the form with ${name}’s account`,
    banner: 'Demo',
  },
} as const;

async function demoInfo(): Promise<{
  password: string;
  accounts: { email: string; name: string; role: string; organization: { id: string } | null }[];
}> {
  return (await fetch(`${stack.baseUrl}/api/v1/demo`)).json() as never;
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
}

async function signInWith(page: Page, lang: 'it' | 'en', name: string) {
  const w = WORDS[lang];
  await page.getByRole('button', { name: w.use(name), exact: true }).click();
  // The form is filled and the focus waits on the submit button.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
  await page.getByRole('main').getByRole('button', { name: w.signIn, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
  await settled(page);
}

describe.each(['it', 'en'] as const)('the demo in %s', (lang) => {
  it('shows the demo strip on every page and the demo accounts, grouped by role, on the sign-in page', async () => {
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      for (const url of ['/', '/attrezzature', '/richieste', '/chi-siamo']) {
        await visit(page, url);
        const banner = page.locator('.demo-banner');
        expect(await banner.isVisible(), url).toBe(true);
        expect(await banner.textContent()).toContain(WORDS[lang].banner);
      }
      await visit(page, '/accedi');
      const panel = page.getByRole('region', { name: WORDS[lang].demoAccounts });
      expect(await panel.isVisible()).toBe(true);
      const groups = await panel.locator('h3').allTextContents();
      expect(groups).toEqual(expect.arrayContaining([WORDS[lang].region, WORDS[lang].nucleus, WORDS[lang].companies]));
      const demo = await demoInfo();
      expect(await panel.locator('.demo-account').count()).toBe(demo.accounts.length);
      expect(await panel.locator('.demo-password').textContent()).toBe(demo.password);
      // The sign-in text speaks to everybody, not only to those who edit an organisation's records.
      const lead = (await page.locator('main .lead').first().textContent()) ?? '';
      expect(lead).not.toMatch(/schede|records|organizzazione|organisation/i);
      expect(await axeViolations(page)).toEqual([]);
      // On a phone too.
      await page.setViewportSize({ width: 375, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("fills the form in one click: the Region officer lands on the network's board of requests", async () => {
    const demo = await demoInfo();
    const region = demo.accounts.find((a) => a.role === 'region')!;
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await visit(page, '/accedi');
      await signInWith(page, lang, region.name);
      expect(new URL(page.url()).pathname).toBe('/richieste/coordinamento');
      await expect.poll(() => page.locator('main .board-item').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows a nucleus member's notifications, each visible on the page", async () => {
    const demo = await demoInfo();
    const nucleus = demo.accounts.find((a) => a.role === 'nucleus' && a.organization?.id === 'lucense')!;
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await visit(page, '/accedi');
      await signInWith(page, lang, nucleus.name);
      await visit(page, '/notifiche');
      const items = page.locator('main .notification-list > li');
      expect(await items.count()).toBeGreaterThan(0);
      for (const item of await items.all()) {
        expect(await item.isVisible()).toBe(true);
        const box = await item.boundingBox();
        expect(box && box.height > 10 && box.width > 100).toBe(true);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('signing in returns to the page one came from', () => {
  it('from a record page and from the home page, never to /account; a foreign return address is ignored', async () => {
    const demo = await demoInfo();
    const company = demo.accounts.find((a) => a.role === 'company')!;
    const { page, problems, close } = await openPage(stack);
    try {
      for (const from of ['/attrezzature', '/']) {
        await visit(page, from);
        await page.locator('.account-signin').click();
        await page.waitForURL(/\/accedi/);
        await settled(page);
        await signInWith(page, 'it', company.name);
        expect(new URL(page.url()).pathname).toBe(from);
        await page.locator('.account-toggle').click();
        await page.getByRole('button', { name: 'Esci' }).click();
        await page.waitForURL((u) => u.pathname === '/');
        await settled(page);
      }
      // A return address to another site lands on the person's own work instead.
      for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
        await visit(page, `/accedi?torna=${encodeURIComponent(evil)}`);
        await signInWith(page, 'it', company.name);
        expect(new URL(page.url()).origin).toBe(stack.baseUrl);
        expect(new URL(page.url()).pathname).toBe('/richieste');
        await page.locator('.account-toggle').click();
        await page.getByRole('button', { name: 'Esci' }).click();
        await page.waitForURL((u) => u.pathname === '/');
        await settled(page);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

const FORM_WORDS = {
  it: {
    submitRequest: 'Invia la richiesta',
    addToCatalogue: 'Aggiungi al catalogo',
    tooLong: 'Usa al massimo 200 caratteri',
    unknownCode: 'Il codice «XYZ» non è nell’elenco',
  },
  en: {
    submitRequest: 'Submit the request',
    addToCatalogue: 'Add to the catalogue',
    tooLong: 'Use at most 200 characters',
    unknownCode: 'The code “XYZ” is not in the list',
  },
} as const;

describe.each(['it', 'en'] as const)('field problems in %s', (lang) => {
  it('an empty request form flags every missing field at once, each next to its field', async () => {
    const demo = await demoInfo();
    const company = demo.accounts.find((a) => a.role === 'company')!;
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await visit(page, `/accedi?torna=${encodeURIComponent('/richieste/nuova')}`);
      await signInWith(page, lang, company.name);
      expect(new URL(page.url()).pathname).toBe('/richieste/nuova');
      await page.getByRole('main').getByRole('button', { name: FORM_WORDS[lang].submitRequest }).click();
      for (const field of ['title', 'description', 'confidentiality']) {
        await expect.poll(() => page.locator(`#nr-${field}-error`).isVisible(), { message: field }).toBe(true);
      }
      expect(await page.locator('main .field-error').count()).toBeGreaterThanOrEqual(3);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a record with a 400-character title and an unknown ATECO code shows the server's message for each field", async () => {
    const demo = await demoInfo();
    const manager = demo.accounts.find((a) => a.role === 'centre-manager' && a.organization?.id === 'lucense')!;
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await visit(page, `/accedi?torna=${encodeURIComponent('/organizzazioni/lucense/aggiungi/competenza')}`);
      await signInWith(page, lang, manager.name);
      await page.locator('#rf-title-it').fill('x'.repeat(400));
      await page.locator('#rf-sectors').fill('XYZ, C17');
      await page.getByRole('main').getByRole('button', { name: FORM_WORDS[lang].addToCatalogue }).click();
      await expect
        .poll(() => page.getByRole('main').textContent(), { timeout: 15_000 })
        .toContain(FORM_WORDS[lang].unknownCode);
      expect(await page.getByRole('main').textContent()).toContain(FORM_WORDS[lang].tooLong);
      expect(await axeViolations(page)).toEqual([]);
      // The browser logs the refused write (400) once.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    } finally {
      await close();
    }
  });

  it("labels S3 priorities with their strategy's period", async () => {
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await visit(page, '/organizzazioni/lucense');
      // The taxonomy labels arrive after the page (they are loaded when a page first shows one).
      await page.getByRole('main').getByText('(RIS3 2014–2020)').first().waitFor();
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).toContain('(S3 2021–2027)');
      expect(text).toContain('(RIS3 2014–2020)');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
