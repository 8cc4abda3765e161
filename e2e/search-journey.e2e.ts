import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';

// A visitor's way through the site: search from the home page with a typo, narrow with a facet, open a record,
// switch to English, and do the same by keyboard alone.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('searching the catalogue', () => {
  it('finds, filters and opens records, in Italian then in English', async () => {
    const { page, problems, close } = await openPage(stack);
    try {
      await page.goto('/');
      await settled(page);
      const form = page.getByRole('search', { name: 'Ricerca nel catalogo' });
      await form.getByRole('searchbox').or(form.getByRole('textbox')).first().fill('imbalaggi di carta');
      await form.getByRole('button', { name: 'Cerca' }).click();
      await page.waitForURL(/\/cerca\?.*q=imbalaggi/);
      await settled(page);
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/\d+ risultat/);
      // The typo is corrected and said so; matched words are highlighted.
      await expect.poll(() => page.locator('main').textContent()).toContain('«imbalaggi» corretto in «imballaggi»');
      expect(await page.locator('main mark').count()).toBeGreaterThan(0);

      // Narrow to services with the type facet: every result is then a service.
      await page
        .getByRole('group', { name: 'Tipo' })
        .getByRole('checkbox', { name: /Servizio/ })
        .check();
      await page.waitForURL(/type=service/);
      await settled(page);
      // The URL changes before the filtered results replace the previous ones.
      await expect
        .poll(
          async () => {
            const badges = await page.locator('main .search-hit, main article').allTextContents();
            return badges.length > 0 && badges.every((b) => b.includes('Servizio'));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // Open the first result.
      const first = page.locator('main h3 a').first();
      const title = (await first.textContent())?.trim();
      await first.click();
      await page.waitForURL(/\/servizi\//);
      await settled(page);
      await expect.poll(async () => (await page.locator('h1').textContent())?.trim(), { timeout: 15_000 }).toBe(title);

      // Switch to English: the interface changes language and remembers it.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      await page.reload();
      await settled(page);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('finds Italian records with an English query and the other way round', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await page.goto('/cerca?q=salt%20spray%20corrosion');
      await settled(page);
      const text = await page.locator('main').textContent();
      expect(text).toContain('nebbia salina');
      await page.goto('/cerca?q=anticorpi%20monoclonali');
      await settled(page);
      expect(await page.locator('main').textContent()).toMatch(/monoclonal antibod/i);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works by keyboard alone: skip link, search, results', async () => {
    const { page, problems, close } = await openPage(stack);
    try {
      await page.goto('/');
      await settled(page);
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect((await skip.textContent())?.trim()).toBe('Vai al contenuto');
      await page.keyboard.press('Enter');
      expect(
        await page.evaluate(
          () => document.activeElement?.closest('main') !== null || document.activeElement?.id === 'main',
        ),
      ).toBe(true);
      // Tab forward to the main search box, type and submit with Enter.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const inMainSearch = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return !!el && el.tagName === 'INPUT' && !!el.closest('main form[role="search"]');
        });
        if (inMainSearch) break;
      }
      await page.keyboard.type('geotermia');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/cerca\?.*q=geotermia/);
      // Client-side navigation changes the URL before the search page renders (the home page's h1 is still there).
      await expect.poll(() => page.locator('main h3 a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await settled(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
