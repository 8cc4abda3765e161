import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrive, axeViolations, openPage, settled, startStack, type Stack } from './fixtures.ts';
import { expandedNodes, SCHEMA } from './structured-data.ts';

// The news desk and the newsletter as people use them: a visitor reads the news and subscribes (confirming by the
// mailed link, unsubscribing from the page the newsletter links to); a centre's staff member writes and publishes an
// item. Accessible at every step, in Italian and English.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function tick(page: Page, label: string) {
  await page.getByText(label, { exact: true }).click();
}

describe('a visitor', () => {
  it('reads the news, subscribes to a supply chain, confirms by e-mail and unsubscribes in one click', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'en' });
    try {
      await page.goto('/notizie');
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      const first = page.locator('.news-card a').first();
      const title = (await first.textContent()) ?? '';
      await first.click();
      await arrive(page, /\/notizie\/[0-9a-f-]{36}$/, title);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Get the news by e-mail' }).click();
      await arrive(page, /\/newsletter$/, 'Newsletter');
      const main = page.getByRole('main');
      await main.getByRole('button', { name: 'Subscribe' }).click();
      // A wrong address is named, next to the field and in the summary, and nothing is sent.
      await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/valid e-mail/);
      await main.getByLabel('E-mail address').fill('lettore.carta@example.org');
      await tick(page, 'Paper and tissue');
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'Subscribe' }).click();
      await expect.poll(() => page.locator('.success-panel').textContent()).toMatch(/Check your mail/);

      const mail = await stack.smtp.mailTo('lettore.carta@example.org');
      expect(mail.raw).toMatch(/Confirm your subscription/);
      const link = /https?:\/\/[^\s]+\/newsletter\/conferma\?token=[A-Za-z0-9_%-]+/.exec(mail.raw)?.[0];
      expect(link).toBeDefined();
      await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'I confirm my subscription' }).click();
      await expect.poll(() => page.locator('.success-panel').textContent()).toMatch(/Subscription confirmed/);

      await page.getByRole('link', { name: 'See your subscription' }).click();
      await arrive(page, /\/newsletter\/iscrizione\?token=/, 'Your subscription');
      expect(await main.textContent()).toMatch(/l\*\*\*@example\.org/);
      expect(await main.textContent()).toMatch(/Paper and tissue/);
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect.poll(() => page.locator('.success-panel').textContent()).toMatch(/Subscription cancelled/);
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a centre', () => {
  it('writes a news item as a draft, publishes it, and the public finds it', async () => {
    const { page, problems, close } = await openPage(stack, { lang: 'it' });
    try {
      await page.goto('/accedi');
      await settled(page);
      const main = page.getByRole('main');
      await main.getByLabel('Indirizzo e-mail').fill('sara.pieri@lucense.example.org');
      await main.getByLabel('Password', { exact: true }).fill('clock-demo');
      await main.getByRole('button', { name: 'Accedi' }).click();
      await page.waitForURL(/\/richieste$/);
      await page.goto('/notizie/nuova');
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'Salva la bozza' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/titolo/);
      await main.getByLabel('Titolo (italiano)').fill('Nuova camera climatica per le prove sul tissue');
      await main
        .getByLabel('Sommario (italiano)')
        .fill('Prove a temperatura e umidità controllate per i produttori di tissue.');
      await tick(page, 'Carta e tissue (distretto Lucca-Pistoia)');
      await main.getByRole('button', { name: 'Salva la bozza' }).click();
      await arrive(page, /\/notizie\/[0-9a-f-]{36}$/, 'Nuova camera climatica per le prove sul tissue');
      const url = page.url();
      expect(await main.textContent()).toMatch(/Bozza/);
      expect(await axeViolations(page)).toEqual([]);
      await main.getByRole('button', { name: 'Pubblica' }).click();
      await expect.poll(() => main.textContent()).toMatch(/Notizia pubblicata/);

      // A visitor without a session reads it, rendered on the server.
      const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
      expect(html).toMatch(/<h1[^>]*>Nuova camera climatica per le prove sul tissue/);
      const article = (await expandedNodes(html)).find((n) => n.types.includes(SCHEMA('NewsArticle')));
      expect(article?.node['@id']).toBe(url);
      expect(article?.node[SCHEMA('datePublished')]).toBeDefined();
      expect(html).toMatch(/<meta property="og:type" content="article"/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
