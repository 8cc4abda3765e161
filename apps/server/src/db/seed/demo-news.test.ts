import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';
import { sendNewsletters } from '../../modules/news/newsletter.service.ts';

// The demo's news desk as a visitor reads it, and the newsletter its subscribers would get next.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo news', () => {
  it('spans the year, from every centre and the Region, with codes the taxonomies know', async () => {
    const page = (await app.inject({ method: 'GET', url: '/api/v1/news?limit=100' })).json();
    expect(page.total).toBeGreaterThanOrEqual(12);
    const publishers = new Set(
      page.items.flatMap((n: { organizations: { id: string }[] }) => n.organizations.map((o) => o.id)),
    );
    for (const id of ['regione-toscana', 'lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'])
      expect(publishers).toContain(id);
    const oldest = new Date(page.items.at(-1).publishedAt).getTime();
    expect(Date.now() - oldest).toBeGreaterThan(300 * 86_400_000);
    const taxonomies = (await app.inject({ method: 'GET', url: '/api/v1/taxonomies' })).json();
    const sectors = new Set(taxonomies.sector.map((t: { code: string }) => t.code));
    for (const n of page.items) for (const s of n.sectors) expect(sectors, s).toContain(s);
  });

  it('gives each subscriber a digest of the last three weeks on their topics only', async () => {
    const sent = await sendNewsletters({ db: database.db, publicUrl: 'http://localhost' }, new Date());
    expect(sent).toEqual({ subscribers: 2, mails: 2 });
    const mail = (
      (await database.db.execute(
        sql`select "to", body from mail_outbox where "to" like '%@example.org' order by "to"`,
      )) as unknown as { rows: { to: string; body: string }[] }
    ).rows;
    expect(mail.find((m) => m.to === 'notizie.carta@example.org')?.body).toMatch(/Riciclabilità degli imballaggi/);
    expect(mail.find((m) => m.to === 'notizie.carta@example.org')?.body).not.toMatch(/idrogeno/);
    // Events published since the last digest come first (the demo's events are published when it is loaded).
    expect(mail.find((m) => m.to === 'notizie.carta@example.org')?.body).toMatch(/EVENTI E CORSI[\s\S]*\/eventi\//);
    expect(mail.find((m) => m.to === 'yachting.news@example.org')?.body).toMatch(/This address|What is new/);
  });
});
