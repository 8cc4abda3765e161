import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { signedInAccounts } from '../../test/member-app.ts';
import { startSmtp } from '../../test/smtp.ts';
import { createMailer } from '../../core/mailer.ts';
import { notify } from '../notifications/notifications.service.ts';
import { runJobsOnce } from '../../worker.ts';

// A confidential request's words never leave the platform: not in a notification, not in an e-mail, whatever the
// event and whatever the caller put in its message. The server's worker runs with an interval far longer than the
// test, so every e-mail that arrives was sent because a transaction that queued it committed.
const SECRET = 'Zirconolite';
const WORDS = {
  title: `Brevetto ${SECRET} per scafi`,
  description: `Il nostro processo ${SECRET} crea cricche nelle saldature dei giunti. Le prove interne non bastano piu.`,
  desiredOutcome: `Proteggere il processo ${SECRET} dalle rotture a fatica.`,
};
const SENTENCES = [WORDS.title, ...WORDS.description.split('. '), WORDS.desiredOutcome].map((s) =>
  s.replace(/\.$/, ''),
);

let database: Database;
let app: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const centreA = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const centreB = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
const company = buildOrganization({ kind: 'company', name: 'Cantiere Xenia' });
const service = buildOffer(centreB.id, { title: { it: 'Prove di fatica su giunti saldati' } });
const ROLES = ['nucleus', 'managerB', 'company', 'outsider'] as const;
type Role = (typeof ROLES)[number];
const H: Partial<Record<Role, Record<string, string>>> = {};
const EMAIL: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  smtp = await startSmtp();
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({ format: 'clock-bundle/1', organizations: [centreA, centreB, company], services: [service] }),
  );
  app = await buildApp({
    config: testConfig({
      mail: { url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' },
      worker: { intervalMs: 3_600_000, digestHour: 7 },
    }),
    database,
    logger: false,
  });
  const accounts: [Role, string, string][] = [
    ['nucleus', 'nucleus', centreA.id],
    ['managerB', 'centre-manager', centreB.id],
    ['company', 'company', company.id],
    ['outsider', 'centre-manager', centreA.id],
  ];
  const signedIn = await signedInAccounts(app, database, accounts);
  Object.assign(EMAIL, signedIn.email);
  Object.assign(H, signedIn.headers);
  // The invited centre reads its mail once a day: the digest carries its notifications.
  await call('managerB', 'PUT', '/api/v1/notifications/preferences', { email: 'daily' });
});
afterAll(async () => {
  await app.close();
  await database.close();
  await smtp.close();
});

const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

const call = (role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: H[role], ...(payload ? { payload } : {}) });

async function step(role: Role, id: string, path: string, body: object) {
  const r = await call(role, 'POST', `/api/v1/requests/${id}/${path}`, body);
  expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
}

async function submitConfidential(over: object = {}) {
  const r = await call('company', 'POST', '/api/v1/requests', { ...WORDS, confidentiality: 'confidential', ...over });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** Waits until the SMTP server has received `n` messages or more. */
async function received(n: number) {
  const end = Date.now() + 20_000;
  while (smtp.inbox.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return smtp.inbox.length;
}

describe('confidential requests in notifications and e-mail', () => {
  const ids: string[] = [];

  it('wakes the mail worker when the transaction that queued mail commits, whoever queued it', async () => {
    const before = smtp.inbox.length;
    // Not through an HTTP route: a module writing a notification in its own transaction.
    const [u] = await rows<{ id: string }>(sql`select id from users where email = ${EMAIL.outsider!}`);
    await database.db.transaction(async (tx) => {
      await notify(tx, 'http://localhost', {
        subject: { kind: 'note', id: '1', reference: 'N-0001', visibility: 'network', path: '/notifiche' },
        event: { kind: 'request-submitted' },
        audience: [{ id: u!.id, email: EMAIL.outsider!, locale: 'it', notificationEmail: 'immediate' }],
        accessTo: () => true,
      });
    });
    expect(await received(before + 1)).toBeGreaterThan(before);
    expect(smtp.inbox.at(-1)!.to).toEqual([EMAIL.outsider]);
  });

  it('go through every event without their title or text reaching anyone', async () => {
    // From a catalogue record (addressed to its centre), through the whole life cycle; messages quote the request.
    const full = await submitConfidential({ source: { type: 'service', id: service.id } });
    ids.push(full);
    await step('nucleus', full, 'triage', { message: `Valutiamo il processo ${SECRET}.` });
    await step('nucleus', full, 'open', { centres: [centreB.id], message: `Aperta per il processo ${SECRET}.` });
    await step('managerB', full, 'interest', { proposal: `Prove di fatica sul processo ${SECRET} e sui giunti.` });
    await step('company', full, 'team', { lead: centreB.id, partners: [], message: `Squadra per ${SECRET}.` });
    await step('managerB', full, 'start', { message: `Iniziamo con ${SECRET}.` });
    await step('managerB', full, 'close', { outcome: `Processo ${SECRET} corretto, prove superate.` });
    await step('company', full, 'rating', { rating: 5, comment: `Ottimo lavoro su ${SECRET}.` });
    // Declined, with a reason quoting it; withdrawn by the company with a reason quoting it.
    const declined = await submitConfidential();
    ids.push(declined);
    await step('nucleus', declined, 'decline', { reason: `Il processo ${SECRET} esce dagli ambiti della rete.` });
    const withdrawn = await submitConfidential();
    ids.push(withdrawn);
    await step('nucleus', withdrawn, 'open', { centres: [centreB.id] });
    await step('managerB', withdrawn, 'interest', { proposal: `Analisi del processo ${SECRET} in laboratorio.` });
    await step('company', withdrawn, 'withdraw', { reason: `Abbiamo risolto ${SECRET} internamente.` });
    // Left waiting: reminded when overdue, then the digest of the day.
    ids.push(await submitConfidential());

    const mailer = createMailer({ url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' });
    try {
      const later = new Date(Date.now() + 20 * 24 * 3600_000);
      const jobs = await runJobsOnce({
        db: database.db,
        publicUrl: 'http://localhost',
        mailer,
        digest: true,
        digestHour: 7,
        now: later,
      });
      expect(jobs).toMatchObject({ failed: 0 });
      expect(jobs.reminders).toBeGreaterThan(0);
      expect(jobs.digests).toBeGreaterThan(0);
    } finally {
      mailer.close();
    }
    // The server's worker, woken by each commit, delivers beside the run: wait until the outbox is empty.
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const [pending] = await rows<{ n: number }>(
        sql`select count(*)::int as n from mail_outbox where sent_at is null`,
      );
      if (pending!.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const outbox = await rows<{ to: string; subject: string; body: string; sent: boolean }>(
      sql`select "to", subject, body, sent_at is not null as sent from mail_outbox`,
    );
    await received(outbox.length);

    const notes = await rows<{ kind: string; params: Record<string, string>; email: string }>(
      sql`select n.kind, n.params, u.email from notifications n join users u on u.id = n.user_id
          where n.request_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    // Every kind of event on a request happened, and each was written redacted.
    expect(new Set(notes.map((n) => n.kind))).toEqual(
      new Set([
        'request-received',
        'request-submitted',
        'request-addressed',
        'request-triage',
        'request-opened',
        'request-invited',
        'request-interest',
        'request-team',
        'request-started',
        'request-closed',
        'request-rated',
        'request-declined',
        'request-withdrawn',
        'request-overdue',
      ]),
    );
    for (const n of notes) expect(n.params, n.kind).toMatchObject({ confidential: 'true', subject: 'request' });
    expect(notes.map((n) => n.email)).not.toContain(EMAIL.outsider);

    const texts = [
      ...notes.map((n) => `${n.kind}: ${JSON.stringify(n.params)}`),
      ...outbox.map((m) => `outbox to ${m.to}: ${m.subject}\n${m.body}`),
      ...smtp.inbox.map((m) => `smtp to ${m.to.join(', ')}: ${m.raw}`),
      ...(await Promise.all(ROLES.map(async (r) => (await call(r, 'GET', '/api/v1/notifications')).body))),
    ];
    for (const text of texts) {
      expect(text.toLowerCase()).not.toContain(SECRET.toLowerCase());
      for (const sentence of SENTENCES) expect(text).not.toContain(sentence);
    }
    // The e-mail says which request, neutrally, with its link; the digest went to the centre that reads one a day.
    expect(outbox.every((m) => m.sent)).toBe(true);
    expect(
      smtp.inbox.some((m) => /Richiesta riservata R-\d{4}/.test(m.raw) && m.raw.includes(`/richieste/${full}`)),
    ).toBe(true);
    expect(smtp.inbox.some((m) => m.to.includes(EMAIL.managerB!) && /Riepilogo giornaliero/.test(m.raw))).toBe(true);
  });

  it('are still read in full by those who may, in the app', async () => {
    const r = await call('managerB', 'GET', `/api/v1/requests/${ids[0]}`);
    expect(r.json().description).toContain(SECRET);
  });
});
