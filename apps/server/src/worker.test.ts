import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail, Mailer } from './core/mailer.ts';
import type { Database } from './db/client.ts';
import { createUser } from './modules/identity/identity.service.ts';
import { notify } from './modules/notifications/notifications.service.ts';
import { freshDemoDatabase, openAgain } from './test/db.ts';
import { runJobsOnce } from './worker.ts';

// `clock jobs run` started three times at once (cron overlapping itself, or beside a server's worker): every
// reminder and the digest go out once.
let database: Database;
const others: Database[] = [];
beforeAll(async () => {
  database = await freshDemoDatabase();
  for (let i = 0; i < 3; i++) others.push(await openAgain(database));
});
afterAll(async () => {
  for (const d of others) await d.close();
  await database.close();
});

const rows = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe('periodic jobs run once whoever starts them', () => {
  it('three parallel runs send each reminder and the digest once', async () => {
    // The demo network brings Lucense's nucleus member, who is reminded of the overdue requests.
    const reader = await createUser(database.db, {
      email: 'lettrice@asev.example',
      name: 'Lettrice',
      role: 'centre-manager',
      organization: 'asev',
      password: 'una password lunga 123',
    });
    await database.db.execute(sql`update users set notification_email = 'daily' where id = ${reader.id}`);
    const target = { id: reader.id, email: 'lettrice@asev.example', locale: 'it', notificationEmail: 'daily' as const };
    for (let i = 0; i < 5; i++)
      await notify(database.db, 'http://localhost', {
        subject: { kind: 'note', id: String(i), reference: `R-000${i}`, visibility: 'network', path: '/notifiche' },
        event: { kind: 'request-submitted' },
        audience: [target],
        accessTo: () => true,
      });
    const due = (await rows<{ due: number }>(sql`select count(*)::int as due from requests where due_at < now()`))[0]!
      .due;
    expect(due).toBeGreaterThan(0);

    const sent: Mail[] = [];
    const mailer: Mailer = {
      async send(m) {
        sent.push(m);
      },
      close() {},
    };
    const results = await Promise.all(
      others.map((d) => runJobsOnce({ db: d.db, publicUrl: 'http://localhost', mailer, digest: true, digestHour: 7 })),
    );

    expect(results.reduce((n, r) => n + r.reminders, 0)).toBe(due);
    expect(results.filter((r) => r.digests !== null).map((r) => r.digests)).toEqual([1]);
    const doubled = await rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'request-overdue' group by user_id, request_id having count(*) > 1`,
    );
    expect(doubled).toEqual([]);
    const outbox = await rows<{ to: string; subject: string; sent: boolean }>(
      sql`select "to", subject, sent_at is not null as sent from mail_outbox`,
    );
    expect(outbox.filter((m) => m.to === 'lettrice@asev.example')).toHaveLength(1);
    expect(new Set(outbox.map((m) => `${m.to} ${m.subject}`)).size).toBe(outbox.length);
    expect(outbox.every((m) => m.sent)).toBe(true);
    expect(sent).toHaveLength(outbox.length);

    // A later run in the same period finds nothing left to do.
    const again = await runJobsOnce({
      db: database.db,
      publicUrl: 'http://localhost',
      mailer,
      digest: true,
      digestHour: 7,
    });
    expect(again).toMatchObject({ reminders: 0, digests: null, sent: 0 });
  });
});
