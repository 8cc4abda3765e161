import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';
import { expandedNodes, jsonLdBlocks, SCHEMA } from './structured-data.ts';

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
  '/eventi',
  '/eventi?when=past',
  '/notizie',
  '/newsletter',
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
  it.each(['/', '/cerca?q=carta', '/organizzazioni/navigo', '/notizie', '/newsletter'])(
    '%s fits the screen',
    async (url) => {
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
    },
  );
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

  it.each([
    ['/', 'it', 'Organization', /CL\.O\.C\.K\./],
    ['/organizzazioni/navigo', 'it', 'ResearchOrganization', /NAVIGO/],
    ['/attrezzature/lucense-cqc-universal-tester', 'it', 'Product', /Dinamometro universale/],
    ['/servizi', 'en', 'CollectionPage', /Services/],
    ['/cerca?q=prove%20di%20fatica', 'it', 'SearchResultsPage', /prove di fatica/],
  ] as const)(
    '%s carries its title, description, canonical address, link preview and a %s in JSON-LD',
    async (url, lang, type, title) => {
      const page = await html(url, lang);
      const head = page.text.match(/<head>([\s\S]*)<\/head>/)?.[1] ?? '';
      expect(head.match(/<title>([^<]*)<\/title>/)?.[1]).toMatch(title);
      expect(head).toMatch(/<meta name="description" content="[^"]{20,}"/);
      const canonical = head.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? '';
      expect(canonical).toBe(`${stack.baseUrl}${url.replace(/&/g, '&amp;')}`);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:locale'])
        expect(head, property).toMatch(new RegExp(`<meta property="${property}" content="[^"]+"`));
      // Every block is JSON-LD a processor can read, with absolute identifiers on this instance.
      const nodes = await expandedNodes(page.text);
      expect(
        nodes.some((n) => n.types.includes(SCHEMA(type))),
        `${type} in ${url}`,
      ).toBe(true);
      for (const block of jsonLdBlocks(page.text)) expect(block['@context']).toBe('https://schema.org');
      for (const n of nodes)
        if (typeof n.node['@id'] === 'string' && !n.node['@id'].startsWith('_:'))
          expect(n.node['@id']).toMatch(new RegExp(`^${stack.baseUrl}/`));
    },
  );

  it('carries only the sector labels it shows, not the whole taxonomy', async () => {
    const page = await html('/organizzazioni/lucense');
    const data = JSON.parse(
      page.text.match(/<script id="clock-page-data" type="application\/json">(.*?)<\/script>/s)![1]!,
    );
    expect(data.reference.partial).toBe(true);
    const sectors = data.reference.taxonomies.sector as { code: string }[];
    expect(sectors.length).toBeGreaterThan(0);
    expect(sectors.length).toBeLessThan(100);
    expect(page.text.length).toBeLessThan(150_000);
  });

  it('describes where a page sits as a BreadcrumbList with absolute links', async () => {
    const nodes = await expandedNodes((await html('/organizzazioni/navigo')).text);
    const list = nodes.find((n) => n.types.includes(SCHEMA('BreadcrumbList')));
    expect(list).toBeDefined();
    const items = nodes.filter((n) => n.types.includes(SCHEMA('ListItem')));
    expect(items.length).toBe(3);
    const links = items.flatMap((n) => (n.node[SCHEMA('item')] as { '@id': string }[] | undefined) ?? []);
    expect(links.map((l) => l['@id'])).toEqual([`${stack.baseUrl}/`, `${stack.baseUrl}/organizzazioni`]);
  });
});
