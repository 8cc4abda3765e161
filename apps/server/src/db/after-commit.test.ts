import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, type Database } from './client.ts';
import { freshDatabase, openAgain } from '../test/db.ts';

// Work that reads what a transaction wrote (the mail worker) is started once the transaction has committed.
let database: Database;
let other: Database;
beforeAll(async () => {
  database = await freshDatabase();
  other = await openAgain(database);
});
afterAll(async () => {
  await other.close();
  await database.close();
});

const count = async (db: Database['db'], key: string) =>
  (
    (await db.execute(sql`select count(*)::int as n from job_runs where name = ${key}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;

describe('afterCommit', () => {
  it('runs once the transaction committed, when another connection sees its rows', async () => {
    const seen: Promise<number>[] = [];
    const order: string[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into job_runs (name, last_run_at) values ('after-commit', now())`);
      afterCommit(tx, () => {
        order.push('hook');
        seen.push(count(other.db, 'after-commit'));
      });
      // A savepoint's hooks wait for the outer transaction too.
      await tx.transaction(async (sp) => afterCommit(sp, () => order.push('savepoint hook')));
      order.push('end of transaction');
    });
    order.push('committed');
    expect(order).toEqual(['end of transaction', 'hook', 'savepoint hook', 'committed']);
    expect(await seen[0]).toBe(1);
  });

  it('never runs for a transaction that rolled back', async () => {
    let ran = false;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into job_runs (name, last_run_at) values ('rolled-back', now())`);
        afterCommit(tx, () => {
          ran = true;
        });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(ran).toBe(false);
    expect(await count(database.db, 'rolled-back')).toBe(0);
  });

  it('runs at once outside a transaction (each statement commits on its own)', () => {
    let ran = false;
    afterCommit(database.db, () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
