import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, expectAccessible, openPage, settled, startStack, type Stack, unexpected } from './fixtures.ts';

// Opportunities between companies in the demo network: a visitor searches them in Italian and opens an anonymous one
// (no company named); a company member finds a request in English from its Italian words and expresses interest.
// Axe on every page.
let stack: Stack;
let password = '';
beforeAll(async () => {
  stack = await startStack();
  password = ((await (await fetch(`${stack.baseUrl}/api/v1/demo`)).json()) as { password: string }).password;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function signIn(page: Page, label: string, button: string, email: string, returnTo: string) {
  await page.goto(`/accedi?torna=${encodeURIComponent(returnTo)}`);
  await settled(page);
  const main = page.getByRole('main');
  await main.getByLabel(label).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/accedi'));
  await settled(page);
}

describe('opportunities between companies', () => {
  it('a visitor searches in Italian and reads an anonymous request without its company', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await page.goto('/');
      await settled(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Opportunità' }).first().click();
      await arrive(page, /\/opportunita$/, 'Opportunità tra imprese');
      await expectAccessible(page);
      await page.getByLabel('Cerca tra le opportunità').fill('calore essiccazione');
      await page.getByRole('main').getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.waitForURL(/q=calore/);
      await settled(page);
      const hit = page.getByRole('link', { name: /Recupero del calore dalle cappe/ });
      await hit.waitFor();
      await expectAccessible(page);
      await hit.click();
      await arrive(page, /\/opportunita\/[0-9a-f-]+$/, /Recupero del calore/);
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Impresa anonima');
      expect(await main.textContent()).not.toMatch(/Brancoli/i);
      expect(await main.getByRole('link', { name: 'Accedi come impresa per manifestare interesse' }).count()).toBe(1);
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a company member finds a request in English, filtered by kind, and expresses interest', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await signIn(page, 'E-mail address', 'Sign in', 'tommaso.landi@cristallerie-badia.example.org', '/opportunita');
      await arrive(page, /\/opportunita$/, 'Opportunities between companies');
      await page.getByLabel('Kind').selectOption('technology-request');
      await page.getByLabel('Search the opportunities').fill('olive mill wastewater');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/tipo=technology-request/);
      await settled(page);
      const hit = page.getByRole('link', { name: /Adding value to olive pomace/ });
      await hit.waitFor();
      await expectAccessible(page);
      await hit.click();
      await arrive(page, /\/opportunita\/[0-9a-f-]+$/, /olive pomace/);
      await page.getByLabel('Why you are interested').fill('We could dry the pomace with our furnace waste heat.');
      await page.getByRole('button', { name: 'Send to the centre' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Interest sent');
      await expectAccessible(page);
      expect(unexpected(problems, [])).toEqual([]);
    } finally {
      await close();
    }
  });
});
