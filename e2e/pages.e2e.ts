import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';

// Every page of the site, in both languages: it renders, has zero axe WCAG 2.1 AA violations, no console errors,
// and nothing overflows a phone's width.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const PAGES = [
  '/',
  '/cerca?q=prove%20di%20fatica',
  '/cerca?q=recyclability&type=service',
  '/organizzazioni',
  '/organizzazioni/lucense',
  '/organizzazioni/tls',
  '/competenze',
  '/servizi',
  '/attrezzature',
  '/esperti',
  '/richieste',
  '/chi-siamo',
  '/accessibilita',
  '/pagina-che-non-esiste',
];

describe.each(['it', 'en'] as const)('every page in %s', (lang) => {
  it.each(PAGES)('%s is accessible and clean', async (url) => {
    const { page, problems, close } = await openPage(stack, { lang });
    try {
      await page.goto(url);
      await settled(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('record pages', () => {
  it('open from the lists and are accessible', async () => {
    const { page, problems, close } = await openPage(stack);
    try {
      for (const list of ['/competenze', '/servizi', '/attrezzature', '/esperti']) {
        await page.goto(list);
        await settled(page);
        const link = page.locator('main a[href^="' + list + '/"]').first();
        await link.click();
        await settled(page);
        expect(page.url()).toContain(list + '/');
        expect(await axeViolations(page)).toEqual([]);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('on a phone', () => {
  it.each(['/', '/cerca?q=carta', '/organizzazioni/navigo'])('%s fits the screen', async (url) => {
    const { page, problems, close } = await openPage(stack, { mobile: true });
    try {
      await page.goto(url);
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
