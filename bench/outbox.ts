/**
 * The e-mail outbox benchmark (`npm run bench:outbox`): queues N notification e-mails in one transaction, as a request
 * event does, and delivers them through the worker's `deliverOutbox` to a real local SMTP server; on the embedded
 * database and, when CLOCK_BENCH_POSTGRES_URL is set, on PostgreSQL. Prints queue time, delivery time and messages per
 * second, and the cost of one empty outbox poll (what an idle worker pays every interval). Writes nothing to the repo.
 *
 *   npm run bench:outbox                 # 1,000 messages
 *   npm run bench:outbox -- --count 5000
 */
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import { createPglite, wrapPglite, type Database } from '../apps/server/src/db/client.ts';
import { onPostgres } from './postgres.ts';
import { createMailer } from '../apps/server/src/core/mailer.ts';
import { startSmtp } from '../apps/server/src/test/smtp.ts';
import { deliverOutbox } from '../apps/server/src/modules/notifications/notifications.service.ts';
import { enqueueMail } from '../apps/server/src/modules/notifications/notifications.repo.ts';

const { values: opts } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const COUNT = Number(opts.count);

async function run(label: string, database: Database) {
  await database.migrate();
  const smtp = await startSmtp();
  const mailer = createMailer({ url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' });
  try {
    const mails = Array.from({ length: COUNT }, (_, i) => ({
      to: `person${i}@example.org`,
      subject: `[CL.O.C.K.] R-${i} aggiornamento`,
      body: `La richiesta R-${i} è stata aperta ai centri.\n\nApri la richiesta: http://localhost/richieste/${crypto.randomUUID()}`,
    }));
    let t = performance.now();
    await database.db.transaction(async (tx) => {
      await enqueueMail(tx, mails);
    });
    const queueMs = performance.now() - t;
    t = performance.now();
    let sent = 0;
    for (let guard = 0; guard < COUNT; guard++) {
      const r = await deliverOutbox(database.db, mailer, 50);
      sent += r.sent;
      if (!r.sent && !r.failed) break;
    }
    const deliverMs = performance.now() - t;
    while (smtp.inbox.length < sent) await new Promise((r) => setTimeout(r, 10));
    const polls: number[] = [];
    for (let i = 0; i < 50; i++) {
      const p = performance.now();
      await deliverOutbox(database.db, mailer, 50);
      polls.push(performance.now() - p);
    }
    polls.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(10)} queue ${COUNT} in ${queueMs.toFixed(0)} ms · delivered ${sent} (received ${smtp.inbox.length}) in ${(deliverMs / 1000).toFixed(2)} s = ${(sent / (deliverMs / 1000)).toFixed(0)} msg/s · empty poll p50 ${polls[25]!.toFixed(2)} ms`,
    );
  } finally {
    mailer.close();
    await smtp.close();
    await database.close();
  }
}

console.log(`Outbox: ${COUNT} messages through deliverOutbox (batches of 50) to a local SMTP server`);
await run('PGlite', wrapPglite(await createPglite()));
await onPostgres('clock_bench_outbox', (database) => run('PostgreSQL', database));
