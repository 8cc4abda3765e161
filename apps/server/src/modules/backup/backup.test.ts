import { PassThrough, Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglite, wrapPglite, type Database } from '../../db/client.ts';
import { loadSectorTaxonomy } from '../../db/seed/reference.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { freshDatabase, freshDemoDatabase } from '../../test/db.ts';
import { runJobsOnce } from '../../worker.ts';
import { exportBundle } from '../catalogue/bundle.service.ts';
import { createApiToken, createUser, openSession, recordAudit } from '../identity/identity.service.ts';
import { notify, type NotifyTarget } from '../notifications/notifications.service.ts';
import { restoreBackup, writeBackup } from './backup.service.ts';

// A backup carries everything: restored into a new database, every table holds the same rows.
let source: Database;
let target: Database;
beforeAll(async () => {
  [source, target] = await Promise.all([freshDemoDatabase(), freshDatabase()]);
  await fill(source);
});
afterAll(async () => {
  await source.close();
  await target.close();
});

/** Adds to a database holding the demo network what it does not load: accounts, a session, a token, an audit row. */
async function fill(d: Database) {
  const admin = await createUser(d.db, {
    email: 'admin@example.org',
    name: 'Admin',
    role: 'admin',
    password: 'una password lunga 123',
  });
  const reader = await createUser(d.db, {
    email: 'lettrice@asev.example',
    name: 'Lettrice',
    role: 'centre-manager',
    organization: 'asev',
    password: 'una password lunga 123',
  });
  await openSession(d.db, reader.id, 'test');
  const actor = { kind: 'member' as const, userId: admin.id, platformRole: 'admin' as const, memberships: [] };
  await createApiToken(d.db, actor as never, { name: 'export', organization: 'asev', role: 'centre-manager' }).catch(
    () => {},
  );
  await recordAudit(d.db, actor as never, {
    action: 'test',
    entityType: 'organization',
    entityId: 'asev',
    organizationId: 'asev',
    before: { a: 1 },
    after: { a: 2 },
  });
  const note = (audience: NotifyTarget[]) =>
    notify(d.db, 'http://localhost', {
      subject: { kind: 'note', id: '1', reference: 'R-0001', visibility: 'network', path: '/notifiche' },
      event: { kind: 'request-submitted' },
      audience,
      accessTo: () => true,
    });
  await note([{ id: reader.id, email: 'lettrice@asev.example', locale: 'it', notificationEmail: 'daily' }]);
  await note([{ id: admin.id, email: 'admin@example.org', locale: 'en', notificationEmail: 'immediate' }]);
  await runJobsOnce({
    db: d.db,
    publicUrl: 'http://localhost',
    mailer: { async send() {}, close() {} },
    digest: true,
    digestHour: 7,
  });
}

async function backup(d: Database): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeBackup(
    d,
    new Writable({
      write(c, _e, cb) {
        chunks.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(chunks);
}
const stream = (b: Buffer) => {
  const s = new PassThrough();
  s.end(b);
  return s;
};

/** Every table's rows as sorted JSON texts (without the writing transaction, which a restore renews by design). */
async function contents(d: Database): Promise<Record<string, string[]>> {
  const tables = (
    (await d.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`)) as unknown as {
      rows: { tablename: string }[];
    }
  ).rows;
  const out: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const r = (await d.db.execute(
      sql.raw(`select (to_jsonb(t) - 'change_xid')::text as j from "${tablename}" t`),
    )) as unknown as { rows: { j: string }[] };
    out[tablename] = r.rows.map((x) => x.j).sort();
  }
  return out;
}
async function bundleText(d: Database) {
  let text = '';
  await exportBundle(
    d.db,
    new Writable({
      write(c, _e, cb) {
        text += c;
        cb();
      },
    }),
  );
  return text;
}

describe('clock backup and restore', () => {
  it('restores every table, row for row, into a new database', async () => {
    const before = await contents(source);
    for (const t of [
      'organizations',
      'offers',
      'experts',
      'taxonomy_terms',
      'network_settings',
      'users',
      'memberships',
      'sessions',
      'audit_log',
      'requests',
      'request_events',
      'request_centres',
      'notifications',
      'mail_outbox',
      'job_runs',
    ])
      expect(before[t]?.length, t).toBeGreaterThan(0);
    const file = await backup(source);
    const report = await restoreBackup(target, stream(file));
    expect(report.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(await contents(target)).toEqual(before);
    // Sequences go on from where they were: a new row does not collide with a restored one.
    await notify(target.db, 'http://localhost', {
      subject: { kind: 'note', id: '2', reference: 'R-0002', visibility: 'network', path: '/notifiche' },
      event: { kind: 'request-submitted' },
      audience: [],
      accessTo: () => true,
    });
    await expect(
      target.db.execute(sql`insert into mail_outbox ("to", subject, body) values ('x@example.org', 's', 'b')`),
    ).resolves.toBeDefined();
  });

  it('refuses a database that is not empty, and replaces it with force', async () => {
    const file = await backup(source);
    const refused = await restoreBackup(target, stream(file)).catch(
      (e: unknown) => e as { code: string; errors: { pointer: string }[] },
    );
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect((refused as { errors: { pointer: string }[] }).errors.map((p) => p.pointer)).toContain('/organizations');
    await target.db.execute(sql`insert into mail_outbox ("to", subject, body) values ('extra@example.org', 's', 'b')`);
    await restoreBackup(target, stream(file), { force: true });
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('rejects a cut-off or foreign file and leaves the database as it was', async () => {
    const file = await backup(source);
    const before = await contents(target);
    await expect(
      restoreBackup(target, stream(file.subarray(0, Math.floor(file.length / 2))), { force: true }),
    ).rejects.toThrow(/Not a usable backup/);
    await expect(
      restoreBackup(target, stream(Buffer.from('{"format":"clock-bundle/1"}')), { force: true }),
    ).rejects.toThrow(/Not a usable backup/);
    expect(await contents(target)).toEqual(before);
  });

  it.skipIf(process.env.CLOCK_TEST_DB !== 'postgres')(
    'moves everything from the embedded database to PostgreSQL',
    async () => {
      const embedded = wrapPglite(await createPglite());
      try {
        await embedded.migrate();
        await loadSectorTaxonomy(embedded.db);
        await seedDemo(embedded.db);
        await fill(embedded);
        const fresh = await freshDatabase();
        try {
          await restoreBackup(fresh, stream(await backup(embedded)));
          const [a, b] = await Promise.all([contents(embedded), contents(fresh)]);
          expect(Object.fromEntries(Object.entries(b).map(([t, r]) => [t, r.length]))).toEqual(
            Object.fromEntries(Object.entries(a).map(([t, r]) => [t, r.length])),
          );
          expect(await bundleText(fresh)).toBe(await bundleText(embedded));
        } finally {
          await fresh.close();
        }
      } finally {
        await embedded.close();
      }
    },
  );
});
