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
      // The document of a page that does not exist answers 404 (the browser says so in its console).
      const expected = url === '/pagina-che-non-esiste' ? /status of 404/ : null;
      expect(problems.filter((p) => !expected?.test(p))).toEqual([]);
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

describe('without JavaScript', () => {
  // Search engines, link previews and a phone that has not run the scripts yet read the HTML the server rendered.
  const html = async (url: string, lang: 'it' | 'en' = 'it') => {
    const r = await fetch(`${stack.baseUrl}${url}`, { headers: { accept: 'text/html', cookie: `clock_lang=${lang}` } });
    return { status: r.status, text: await r.text() };
  };
  const mainText = (page: string) =>
    (page.match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it.each([
    ['/attrezzature/lucense-cqc-universal-tester', 'it', /Dinamometro universale per carta e cartone/],
    ['/cerca?q=prove%20di%20fatica', 'it', /risultati per «prove di fatica»/],
    ['/organizzazioni/navigo', 'it', /NAVIGO/],
    ['/', 'en', /Tuscan/],
  ] as const)('%s reads in %s', async (url, lang, text) => {
    const page = await html(url, lang);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(mainText(page.text)).toMatch(text);
    expect(page.text.match(/<h1[\s>]/g)?.length).toBe(1);
  });

  it('sends forms with a password by POST, should they ever be sent without the app', async () => {
    for (const url of ['/accedi', '/registrati']) {
      const page = await html(url);
      expect(page.status).toBe(200);
      const forms = page.text.match(/<form[^>]*>/g) ?? [];
      expect(forms.length, url).toBeGreaterThan(0);
      for (const form of forms.filter((f) => f.includes('clock-form'))) expect(form, url).toContain('method="post"');
    }
  });

  it('answers 404 for a page that does not exist', async () => {
    expect((await html('/pagina-che-non-esiste')).status).toBe(404);
  });
});
