import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import Parser from 'rss-parser';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { upsertTaxonomyTerms } from '../catalogue/catalogue.repo.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { signedInAccounts } from '../../test/member-app.ts';
import { sendNewsletters } from './newsletter.service.ts';

// The news desk and the newsletter through the API: drafts only their publishers see, publishing and withdrawal,
// every invalid field at once, the RSS feed read by a feed parser, double opt-in, digests on the subscriber's topics
// with a one-click unsubscribe (RFC 8058).
let database: Database;
let app: FastifyInstance;
const PUBLIC_URL = 'https://clock.example.org';
const centre = buildOrganization({ kind: 'centre', name: 'Centro Carta', shortName: 'CC' });
const partner = buildOrganization({ kind: 'centre', name: 'Centro Nautica' });
const region = buildOrganization({ kind: 'region', name: 'Regione Toscana' });
const company = buildOrganization({ kind: 'company', name: 'Cartiera S.p.A.' });
let H: Record<'staff' | 'partnerStaff' | 'region' | 'company' | 'admin', Record<string, string>>;

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({ format: 'clock-bundle/1', organizations: [centre, partner, region, company] }),
  );
  const l = (it: string) => ({ it, en: it });
  await upsertTaxonomyTerms(database.db, [
    { scheme: 'filiera', code: 'carta', label: l('Carta'), parentCode: null },
    { scheme: 'filiera', code: 'nautica', label: l('Nautica'), parentCode: null },
  ]);
  app = await buildApp({ config: testConfig({ publicUrl: PUBLIC_URL }), database, logger: false });
  ({ headers: H } = await signedInAccounts(app, database, [
    ['staff', 'centre-staff', centre.id],
    ['partnerStaff', 'centre-staff', partner.id],
    ['region', 'region', undefined],
    ['company', 'company', company.id],
    ['admin', 'admin', undefined],
  ]));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

async function publishedItem(title: string, filiere: string[], organizations = [centre.id]) {
  const writer = organizations[0] === partner.id ? H.partnerStaff : H.staff;
  const created = await post('/api/v1/news', writer, {
    organizations,
    title: { it: title, en: `${title} (EN)` },
    summary: { it: `Sommario di ${title}` },
    body: { it: `Testo di ${title}` },
    filiere,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await post(`/api/v1/news/${created.json().id}/publish`, writer);
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

describe('the news desk', () => {
  it('keeps a draft to its publishers, then publishes it for everyone, and withdraws it', async () => {
    const created = await post('/api/v1/news', H.staff, {
      organizations: [centre.id, partner.id],
      title: { it: 'Bando voucher innovazione', en: 'Innovation vouchers call' },
      summary: { it: 'Contributi alle imprese della filiera' },
      filiere: ['carta'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ state: 'draft', publishedAt: null, allowedActions: ['edit', 'publish'] });
    expect(item.url).toBe(`${PUBLIC_URL}/notizie/${item.id}`);
    expect(item.organizations.map((o: { id: string }) => o.id)).toEqual([centre.id, partner.id]);

    expect((await get(`/api/v1/news/${item.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/news/${item.id}`, H.company)).statusCode).toBe(404);
    expect((await get('/api/v1/news')).json().items.some((n: { id: string }) => n.id === item.id)).toBe(false);
    const drafts = (await get('/api/v1/news?state=draft', H.staff)).json();
    expect(drafts.items.map((n: { id: string }) => n.id)).toContain(item.id);
    expect((await get('/api/v1/news?state=draft')).statusCode).toBe(401);
    // A co-publisher may correct it; a company may not.
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/news/${item.id}`,
          headers: H.partnerStaff,
          payload: { summary: { it: 'Contributi alle PMI della filiera' } },
        })
      ).statusCode,
    ).toBe(200);
    expect((await post(`/api/v1/news/${item.id}/publish`, H.company)).statusCode).toBe(403);

    const published = await post(`/api/v1/news/${item.id}/publish`, H.staff);
    expect(published.json()).toMatchObject({ state: 'published', allowedActions: ['edit', 'withdraw'] });
    expect(published.json().publishedAt).toEqual(expect.any(String));
    const anonymous = await get(`/api/v1/news/${item.id}`);
    expect(anonymous.json()).toMatchObject({ state: 'published', allowedActions: [] });
    expect(anonymous.json().summary.it).toBe('Contributi alle PMI della filiera');
    const found = await get('/api/v1/news?q=voucher&filiera=carta');
    expect(found.json().items.map((n: { id: string }) => n.id)).toContain(item.id);
    expect((await get('/api/v1/news?q=voucher&filiera=nautica')).json().total).toBe(0);
    expect(
      (await get(`/api/v1/news?organization=${partner.id}`)).json().items.map((n: { id: string }) => n.id),
    ).toContain(item.id);

    expect((await post(`/api/v1/news/${item.id}/publish`, H.staff)).statusCode).toBe(409);
    expect((await post(`/api/v1/news/${item.id}/withdraw`, H.staff)).json().state).toBe('withdrawn');
    expect((await get(`/api/v1/news/${item.id}`)).statusCode).toBe(404);

    const audit = await database.db.execute(
      sql`select action from audit_log where entity_type = 'news' and entity_id = ${item.id} order by id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'create-news',
      'edit-news',
      'publish-news',
      'withdraw-news',
    ]);
  });

  it('lets the Region publish in its own name only, and refuses companies', async () => {
    const body = (organization: string) => ({
      organizations: [organization],
      title: { it: 'Notizia' },
      summary: { it: 'Sommario' },
    });
    expect((await post('/api/v1/news', H.region, body(region.id))).statusCode).toBe(201);
    expect((await post('/api/v1/news', H.region, body(centre.id))).statusCode).toBe(403);
    expect((await post('/api/v1/news', H.company, body(company.id))).statusCode).toBe(403);
    expect((await post('/api/v1/news', {}, body(centre.id))).statusCode).toBe(401);
  });

  it('lists every invalid field at once', async () => {
    const r = await post('/api/v1/news', H.staff, {
      organizations: [centre.id, 'no-such-org'],
      title: { it: 'Notizia' },
      summary: { it: 'Sommario' },
      filiere: ['carta', 'acciaio'],
      s3: ['nope'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(
      r
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/filiere/1', '/organizations/1', '/s3/0']);
    const shapes = await post('/api/v1/news', H.staff, { organizations: [], title: {}, summary: { it: 42 } });
    expect(shapes.statusCode).toBe(400);
    expect(shapes.json().errors.length).toBeGreaterThanOrEqual(3);
    expect((await get('/api/v1/news/not-a-uuid')).statusCode).toBe(404);
  });

  it('publishes an RSS 2.0 feed a feed reader parses, with absolute links', async () => {
    const item = await publishedItem('Giornata della carta riciclata', ['carta']);
    const r = await get('/feeds/news.xml?lang=en');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/rss\+xml/);
    const feed = await new Parser().parseString(r.body);
    expect(feed.link).toBe(`${PUBLIC_URL}/notizie`);
    const entry = feed.items.find((i) => i.link === `${PUBLIC_URL}/notizie/${item.id}`);
    expect(entry?.title).toBe('Giornata della carta riciclata (EN)');
    expect(entry?.isoDate).toBeDefined();
    const byOrganization = await new Parser().parseString(
      (await get(`/feeds/news.xml?organization=${partner.id}`)).body,
    );
    expect(byOrganization.items.some((i) => i.link === `${PUBLIC_URL}/notizie/${item.id}`)).toBe(false);
    expect((await get('/feeds/news.xml?lang=xx')).statusCode).toBe(400);
  });
});

describe('the newsletter', () => {
  const outbox = async (to: string) =>
    (
      (await database.db.execute(
        sql`select subject, body, headers from mail_outbox where "to" = ${to} order by id`,
      )) as unknown as { rows: { subject: string; body: string; headers: Record<string, string> | null }[] }
    ).rows;
  const tokenIn = (body: string, path: string) =>
    decodeURIComponent(body.match(new RegExp(`${path}\\?token=([^\\s]+)`))?.[1] ?? '');

  it('confirms by the mailed link, sends a digest of the subscribed topics, and unsubscribes in one click', async () => {
    const email = 'Lettrice@Example.org';
    const r = await post('/api/v1/newsletter/subscriptions', {}, { email, lang: 'en', topics: { filiere: ['carta'] } });
    expect(r.statusCode, r.body).toBe(202);
    const [confirmation] = await outbox('lettrice@example.org');
    expect(confirmation!.subject).toMatch(/Confirm/);
    const confirmToken = tokenIn(confirmation!.body, '/newsletter/conferma');
    // Until confirmed, nothing is sent.
    await publishedItem('Prima della conferma', ['carta']);
    await sendNewsletters({ db: database.db, publicUrl: PUBLIC_URL }, new Date());
    expect(await outbox('lettrice@example.org')).toHaveLength(1);

    const confirmed = await post('/api/v1/newsletter/confirm', {}, { token: confirmToken });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', email: 'l***@example.org' });
    expect((await post('/api/v1/newsletter/confirm', {}, { token: confirmToken })).statusCode).toBe(404);

    const paper = await publishedItem('Nuove prove sulla carta', ['carta']);
    const boats = await publishedItem('Varo sostenibile', ['nautica'], [partner.id]);
    const sent = await sendNewsletters({ db: database.db, publicUrl: PUBLIC_URL }, new Date(Date.now() + 1000));
    expect(sent.mails).toBeGreaterThanOrEqual(1);
    const digest = (await outbox('lettrice@example.org'))[1]!;
    expect(digest.subject).toMatch(/CL\.O\.C\.K\. newsletter: 1 new item/);
    expect(digest.body).toContain(`${PUBLIC_URL}/notizie/${paper.id}`);
    expect(digest.body).not.toContain(boats.id);
    expect(digest.body).not.toContain('Prima della conferma');
    const oneClick = digest.headers!['List-Unsubscribe']!;
    expect(oneClick).toMatch(new RegExp(`^<${PUBLIC_URL}/api/v1/newsletter/unsubscribe\\?token=[^>]+>$`));
    expect(digest.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Nothing new: no second digest.
    await sendNewsletters({ db: database.db, publicUrl: PUBLIC_URL }, new Date(Date.now() + 2000));
    expect(await outbox('lettrice@example.org')).toHaveLength(2);

    // The mail client's one-click POST (form-encoded, no session).
    const url = oneClick.slice(1, -1).replace(PUBLIC_URL, '');
    const manage = await get(`/api/v1/newsletter/subscription?token=${url.split('token=')[1]}`);
    expect(manage.json()).toMatchObject({ state: 'confirmed', topics: { filiere: ['carta'] } });
    const gone = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().state).toBe('unsubscribed');
    await publishedItem('Dopo la disiscrizione', ['carta']);
    await sendNewsletters({ db: database.db, publicUrl: PUBLIC_URL }, new Date(Date.now() + 3000));
    expect(await outbox('lettrice@example.org')).toHaveLength(2);
  });

  it('answers the same whatever the address, and lists every invalid field', async () => {
    const email = 'iscritto@example.org';
    await post('/api/v1/newsletter/subscriptions', {}, { email });
    const token = tokenIn((await outbox(email))[0]!.body, '/newsletter/conferma');
    await post('/api/v1/newsletter/confirm', {}, { token });
    const again = await post('/api/v1/newsletter/subscriptions', {}, { email });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'confirmation-sent' });
    expect((await outbox(email))[1]!.subject).toMatch(/Ricevi già/);

    const bad = await post(
      '/api/v1/newsletter/subscriptions',
      {},
      {
        email: 'not-an-address',
        topics: { filiere: ['acciaio'], organizations: ['nowhere'] },
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/email', '/topics/filiere/0', '/topics/organizations/0']);
    expect((await get('/api/v1/newsletter/subscription?token=0123456789abcdef0123')).statusCode).toBe(404);
  });
});
