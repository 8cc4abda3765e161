import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { appWithCentreMember } from '../../test/member-app.ts';
import { openAgain } from '../../test/db.ts';
import { buildExpert, buildOffer, bundleStream, testConfig } from '../../test/factories.ts';

// The change feed as a follower reads it: from the beginning, page by page, across retirements, withdrawn consent
// and restarts; and, on PostgreSQL, transactions committing out of order.
let t: Awaited<ReturnType<typeof appWithCentreMember>>;
let app: FastifyInstance;
let database: Database;
let centre: { id: string };

interface Change {
  cursor: number;
  type: string;
  id: string;
  op: 'upsert' | 'delete';
  at: string;
  record: Record<string, unknown> | null;
}
const page = async (after: number, limit = 100, a = app) => {
  const r = await a.inject({ url: `/api/v1/changes?after=${after}&limit=${limit}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Change[]; next: number | null };
};
/** Everything after `after`, following `next` to the end; returns the items and the last cursor held. */
async function follow(after: number, limit = 100, a = app) {
  const items: Change[] = [];
  let cursor = after;
  for (;;) {
    const p = await page(cursor, limit, a);
    items.push(...p.items);
    if (p.items.length) cursor = p.items[p.items.length - 1]!.cursor;
    if (p.next === null) return { items, cursor };
    expect(p.next).toBe(cursor);
  }
}
/** Empties the change log, runs the backfill that ends a migration, and reads the upserts a follower then gets. */
async function backfilledUpserts(file: string) {
  const migration = fs.readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations', file),
    'utf8',
  );
  const backfill = migration.split('--> statement-breakpoint').pop()!;
  expect(backfill).toMatch(/INSERT INTO change_log/);
  const other = await openAgain(database);
  try {
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`delete from change_log`);
      await tx.execute(sql.raw(backfill));
    });
  } finally {
    await other.close();
  }
  return (await follow(0)).items.filter((i) => i.op === 'upsert').map((i) => `${i.type}:${i.id}`);
}
const importRecords = (bundle: object) =>
  importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [], ...bundle }));

beforeAll(async () => {
  t = await appWithCentreMember('centre-manager');
  ({ app, database, centre } = t);
});
afterAll(async () => {
  await t.close();
});

describe('the change feed', () => {
  it('gives a follower starting from the beginning every public record, in order, page by page', async () => {
    const services = Array.from({ length: 7 }, () => buildOffer(centre.id));
    await importRecords({ services });
    const { items } = await follow(0, 3);
    const cursors = items.map((i) => i.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(items.find((i) => i.type === 'organization' && i.id === centre.id)?.op).toBe('upsert');
    for (const s of services) {
      const item = items.find((i) => i.type === 'service' && i.id === s.id);
      expect(item?.op).toBe('upsert');
      expect(item?.record).toMatchObject({ id: s.id, organization: centre.id, title: s.title });
    }
  });

  it('shows a record its centre retires as a delete after the cursor a follower held', async () => {
    const [service] = [buildOffer(centre.id)];
    await importRecords({ services: [service] });
    const held = (await follow(0)).cursor;
    const r = await app.inject({ method: 'DELETE', url: `/api/v1/services/${service!.id}`, headers: t.headers });
    expect(r.statusCode, r.body).toBe(204);
    const { items } = await follow(held);
    expect(items).toEqual([expect.objectContaining({ type: 'service', id: service!.id, op: 'delete', record: null })]);
    // The older upsert no longer carries the record: it is no longer public.
    const older = (await follow(0)).items.find((i) => i.id === service!.id && i.op === 'upsert');
    expect(older?.record).toBeNull();
  });

  it('deletes an expert whose consent is withdrawn, and never names an expert who never consented', async () => {
    const shown = buildExpert(centre.id, { publicProfile: true });
    const hidden = buildExpert(centre.id, { name: 'Zebedeo Nascostissimo', publicProfile: false });
    await importRecords({ experts: [shown, hidden] });
    const held = (await follow(0)).cursor;
    await importRecords({
      experts: [
        { ...shown, publicProfile: false },
        { ...hidden, keywords: ['changed'] },
      ],
    });
    const { items } = await follow(held);
    expect(items.map((i) => [i.type, i.id, i.op])).toEqual([['expert', shown.id, 'delete']]);
    const all = JSON.stringify((await follow(0)).items);
    expect(all).not.toContain(hidden.id);
    expect(all).not.toContain('Nascostissimo');
  });

  it('logs a record written by plain SQL too (triggers, not callers)', async () => {
    const held = (await follow(0)).cursor;
    await database.db.execute(
      sql`insert into offers (type, id, organization_id, title) values ('competence', 'sql-written', ${centre.id}, '{"it":"Scritta in SQL"}')`,
    );
    await database.db.execute(sql`delete from offers where type = 'competence' and id = 'sql-written'`);
    const { items } = await follow(held);
    expect(items.map((i) => [i.type, i.id, i.op])).toEqual([
      ['competence', 'sql-written', 'upsert'],
      ['competence', 'sql-written', 'delete'],
    ]);
  });

  it('logs an event while it is public and a news item while it is published, nothing for drafts', async () => {
    const held = (await follow(0)).cursor;
    const [event] = (
      (await database.db.execute(sql`
        insert into events (kind, title, summary, mode, online_url, starts_at, ends_at)
        values ('webinar', '{"it":"Webinar"}', '{"it":"Sintesi"}', 'online', 'https://meet.example.org/w',
          now() + interval '1 day', now() + interval '1 day 1 hour') returning id`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    const [item] = (
      (await database.db.execute(
        sql`insert into news_items (title, summary) values ('{"it":"Notizia"}', '{"it":"Sintesi"}') returning id`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    const steps = [
      sql`insert into event_organizers (event_id, organization_id, role) values (${event!.id}, ${centre.id}, 'lead')`,
      sql`insert into news_organizations (news_id, organization_id, position) values (${item!.id}, ${centre.id}, 0)`,
      sql`update events set state = 'published', published_at = now() where id = ${event!.id}`,
      sql`update news_items set state = 'published', published_at = now() where id = ${item!.id}`,
      sql`update events set state = 'cancelled', cancel_reason = 'Relatore assente' where id = ${event!.id}`,
      sql`delete from news_organizations where news_id = ${item!.id}`,
      sql`update events set visibility = 'network' where id = ${event!.id}`,
      sql`update news_items set state = 'withdrawn' where id = ${item!.id}`,
      sql`delete from events where id = ${event!.id}`,
      sql`delete from news_items where id = ${item!.id}`,
    ];
    for (const step of steps) await database.db.execute(step);
    const { items } = await follow(held);
    expect(items.map((i) => [i.type, i.id, i.op])).toEqual([
      ['event', event!.id, 'upsert'],
      ['news', item!.id, 'upsert'],
      ['event', event!.id, 'upsert'],
      ['news', item!.id, 'upsert'],
      ['event', event!.id, 'delete'],
      ['news', item!.id, 'delete'],
    ]);
  });

  it('is backfilled by the events and news migration with the events and news already public', async () => {
    await database.db.execute(sql`
      insert into events (kind, title, summary, mode, online_url, state, visibility, cancel_reason, published_at,
        starts_at, ends_at)
      select 'seminar', '{"it":"Seminario"}', '{"it":"Sintesi"}', 'online', 'https://meet.example.org/s', s, v,
        case when s = 'cancelled' then 'Sala non disponibile' end, now(), now() - interval '30 days', now() - interval '30 days' + interval '2 hours'
      from (values ('draft', 'public'), ('published', 'public'), ('cancelled', 'public'), ('published', 'network')) x(s, v)`);
    await database.db.execute(sql`
      insert into news_items (title, summary, state, published_at)
      select '{"it":"Notizia"}', '{"it":"Sintesi"}', s, now() from unnest(array['draft', 'published', 'withdrawn']) s`);
    const publicIds = (await database.db.execute(sql`
      select 'event:' || id as k from events where state in ('published', 'cancelled') and visibility = 'public'
      union all select 'news:' || id from news_items where state = 'published'`)) as unknown as {
      rows: { k: string }[];
    };
    expect(publicIds.rows.length).toBe(3);
    const upserts = await backfilledUpserts('0019_open_data_events_news.sql');
    expect(upserts.sort()).toEqual(publicIds.rows.map((r) => r.k).sort());
  });

  it('keeps its cursors across a restart', async () => {
    const before = await follow(0);
    await app.close();
    app = await buildApp({ config: testConfig(), database, logger: false });
    t.app = app;
    const after = await follow(0);
    expect(after.items.map((i) => [i.cursor, i.type, i.id, i.op])).toEqual(
      before.items.map((i) => [i.cursor, i.type, i.id, i.op]),
    );
    expect((await page(after.cursor)).items).toEqual([]);
    expect((await page(after.cursor)).next).toBeNull();
  });

  it('is backfilled by its migration with everything already public', async () => {
    const publicIds = async () => {
      const r = (await database.db.execute(sql`
        select 'organization:' || id as k from organizations where retired_at is null
        union all select type || ':' || id from offers where retired_at is null
        union all select 'expert:' || id from experts where retired_at is null and public_profile`)) as unknown as {
        rows: { k: string }[];
      };
      return r.rows.map((x) => x.k).sort();
    };
    const upserts = await backfilledUpserts('0016_open_data.sql');
    expect([...new Set(upserts)].sort()).toEqual(await publicIds());
  });

  it('refuses bad parameters with problem+json, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            after: fc.oneof(fc.integer({ min: -5, max: 1e12 }), fc.string(), fc.double()),
            limit: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.string(), fc.constant('')),
            extra: fc.string(),
          },
          { requiredKeys: [] },
        ),
        async (q) => {
          const r = await app.inject({ url: '/api/v1/changes', query: q as Record<string, string> });
          expect(r.statusCode, `${JSON.stringify(q)}: ${r.body}`).toBeLessThan(500);
          if (r.statusCode !== 200) expect(r.headers['content-type']).toMatch(/problem\+json/);
          else expect((r.json() as { items: unknown[] }).items.length).toBeLessThanOrEqual(1000);
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
  });
});

describe('transactions committing out of order (PostgreSQL)', () => {
  it.skipIf(process.env.CLOCK_TEST_DB !== 'postgres')(
    'never lets a follower move past a change still in flight',
    async () => {
      const other = await openAgain(database);
      try {
        const held = (await follow(0)).cursor;
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        let written!: () => void;
        const wrote = new Promise<void>((r) => (written = r));
        // A writes first (its change takes the earlier sequence number) but commits last.
        const slow = other.db.transaction(async (tx) => {
          await tx.execute(
            sql`insert into offers (type, id, organization_id, title) values ('service', 'slow-writer', ${centre.id}, '{"it":"Lenta"}')`,
          );
          written();
          await gate;
        });
        await wrote;
        await database.db.execute(
          sql`insert into offers (type, id, organization_id, title) values ('service', 'fast-writer', ${centre.id}, '{"it":"Veloce"}')`,
        );
        const first = await follow(held);
        expect(first.items.map((i) => i.id)).toEqual(['fast-writer']);
        release();
        await slow;
        const second = await follow(first.cursor);
        expect(second.items.map((i) => i.id)).toEqual(['slow-writer']);
        expect(second.items[0]!.cursor).toBeGreaterThan(first.cursor);
      } finally {
        await other.close();
      }
    },
  );
});
