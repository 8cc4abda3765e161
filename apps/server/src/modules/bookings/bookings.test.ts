import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildOffer,
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { createUser } from '../identity/identity.service.ts';
import { addDays, isHolidayDate, localDay, zonedTime } from '../../core/calendar.ts';
import { expirePending, sendReminders } from './lifecycle.service.ts';

// Equipment sharing through the API, on PGlite and PostgreSQL: one centre with three instruments (self-service,
// manual approval, qualification required), a company, another centre, and the people who use them.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const otherCentre = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
const company = buildOrganization({ kind: 'company', name: 'Officine Zeta' });
const selfService = buildOffer(centre.id, {
  title: { it: 'Camera climatica', en: 'Climatic chamber' },
  bookable: true,
});
const manual = buildOffer(centre.id, { title: { it: 'Microscopio elettronico' }, bookable: true });
const qualified = buildOffer(centre.id, { title: { it: 'Tornio a controllo numerico' }, bookable: true });
const H: Record<string, Record<string, string>> = { anonymous: {} };
const ID: Record<string, string> = {};

/** A future working day (no holiday), `n` days from now at least. */
function day(n: number) {
  let d = addDays(localDay(Date.now()), n);
  while (isHolidayDate(d)) d = addDays(d, 1);
  return d;
}
const at = (d: string, hhmm: string) =>
  new Date(zonedTime(d, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)))).toISOString();
const D1 = day(3);
const D2 = day(5);

const req = (method: string, url: string, who: string, payload?: unknown) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: H[who],
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const POLICY = {
  bookable: true,
  approval: 'automatic',
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 480,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 30,
  leadHours: 0,
  horizonDays: 60,
  assistedOnly: false,
  pendingExpiryHours: 48,
  qualification: null,
};
const DAILY = {
  items: [{ rrule: 'FREQ=DAILY', startDate: '2026-01-01', startTime: '08:00', minutes: 720, assisted: false }],
};

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, otherCentre, company],
      equipment: [selfService, manual, qualified],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  const people: [string, string, string | undefined][] = [
    ['staff', 'centre-staff', centre.id],
    ['staff2', 'centre-manager', centre.id],
    ['company', 'company', company.id],
    ['other', 'centre-staff', otherCentre.id],
    ['admin', 'admin', undefined],
    ['region', 'region', undefined],
    ['colleague', 'company', company.id],
  ];
  for (const [who, role, organization] of people) {
    const email = uniqueEmail(who);
    const u = await createUser(database.db, {
      email,
      name: who,
      role: role as 'company',
      organization,
      password: PASSWORD,
    });
    ID[who] = u.id;
    H[who] = await signInHeaders(app, email, PASSWORD);
  }
  // The centre sets its instruments up through the API.
  const q = await req('POST', '/api/v1/qualifications', 'staff', {
    organization: centre.id,
    name: { it: 'Uso del tornio CNC', en: 'CNC lathe use' },
    howToObtain: { it: 'Corso di due giorni in laboratorio' },
    validityMonths: 24,
  });
  expect(q.statusCode, q.body).toBe(201);
  ID.qualification = q.json().id;
  for (const [e, extra] of [
    [selfService, {}],
    [manual, { approval: 'manual' }],
    [qualified, { qualification: ID.qualification }],
  ] as const) {
    const p = await req('PUT', `/api/v1/equipment/${e.id}/booking-policy`, 'staff', { ...POLICY, ...extra });
    expect(p.statusCode, p.body).toBe(200);
    expect((await req('PUT', `/api/v1/equipment/${e.id}/opening-rules`, 'staff', DAILY)).statusCode).toBe(200);
    const t = await req('PUT', `/api/v1/equipment/${e.id}/tariffs`, 'staff', {
      items: [
        { category: 'sme', unit: 'hour', amountCents: 5000 },
        { category: 'company', unit: 'hour', amountCents: 8000 },
        { category: 'network-centre', unit: 'hour', amountCents: 3000 },
      ],
    });
    expect(t.statusCode, t.body).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('booking', () => {
  it('books a self-service instrument at once, with its price frozen, and refuses an overlap with 409 slot-taken', async () => {
    const r = await req('POST', '/api/v1/bookings', 'company', {
      equipment: selfService.id,
      start: at(D1, '09:00'),
      end: at(D1, '11:00'),
      purpose: 'Prove di invecchiamento',
    });
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b).toMatchObject({ state: 'confirmed', category: 'company', price: { unit: 'hour', amountCents: 16000 } });
    expect(b.ref).toMatch(/^B-\d{4}$/);
    expect(b.allowedActions).toEqual(['cancel']);
    ID.first = b.id;
    // Its cleaning buffer (30 minutes) keeps 11:00–11:30 too.
    const again = await req('POST', '/api/v1/bookings', 'other', {
      equipment: selfService.id,
      start: at(D1, '11:00'),
      end: at(D1, '12:00'),
      purpose: 'Altra prova',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:clock:problem:slot-taken', reason: 'taken' });
    const later = await req('POST', '/api/v1/bookings', 'other', {
      equipment: selfService.id,
      start: at(D1, '11:30'),
      end: at(D1, '12:00'),
      purpose: 'Altra prova',
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().category).toBe('network-centre');
    // A later tariff change does not alter a booking's quote.
    await req('PUT', `/api/v1/equipment/${selfService.id}/tariffs`, 'staff', {
      items: [{ category: 'company', unit: 'hour', amountCents: 99999 }],
    });
    expect((await req('GET', `/api/v1/bookings/${b.id}`, 'company')).json().price.amountCents).toBe(16000);
  });

  it('answers 409 slot-unavailable outside opening hours and 403 qualification-required with the way to get it', async () => {
    const closed = await req('POST', '/api/v1/bookings', 'company', {
      equipment: selfService.id,
      start: at(D1, '21:00'),
      end: at(D1, '22:00'),
      purpose: 'Di sera',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ type: 'urn:clock:problem:slot-unavailable', reason: 'closed' });
    const body = { equipment: qualified.id, start: at(D2, '09:00'), end: at(D2, '10:00'), purpose: 'Tornitura' };
    const refused = await req('POST', '/api/v1/bookings', 'company', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      type: 'urn:clock:problem:qualification-required',
      qualification: { id: ID.qualification, howToObtain: { it: 'Corso di due giorni in laboratorio' } },
      training: `/api/v1/qualifications/${ID.qualification}/training-requests`,
    });
    const asked = await req('POST', `/api/v1/qualifications/${ID.qualification}/training-requests`, 'company', {
      message: 'Vorrei seguire il corso',
    });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json().notified).toBe(2);
    const granted = await req('POST', `/api/v1/qualifications/${ID.qualification}/grants`, 'staff', {
      user: ID.company,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().valid).toBe(true);
    const ok = await req('POST', '/api/v1/bookings', 'company', body);
    expect(ok.statusCode, ok.body).toBe(201);
    const revoke = await req('POST', `/api/v1/qualification-grants/${granted.json().id}/revoke`, 'staff', {
      reason: 'Uso non conforme',
    });
    expect(revoke.json().valid).toBe(false);
  });

  it('lists every invalid field at once', async () => {
    const r = await req('POST', '/api/v1/bookings', 'company', {
      equipment: 'nope',
      start: 'yesterday',
      end: '2026-01-01T10:00:00',
      purpose: 'x',
      extra: 1,
    });
    expect(r.statusCode).toBe(400);
    const pointers = (r.json().errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/body/end', '/body/equipment', '/body/extra', '/body/purpose', '/body/start']);
  });

  it('holds a manual request until the centre approves it; the approver is never the booker', async () => {
    const r = await req('POST', '/api/v1/bookings', 'company', {
      equipment: manual.id,
      start: at(D2, '14:00'),
      end: at(D2, '15:00'),
      purpose: 'Osservazione di fratture',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().state).toBe('requested');
    expect(r.json().expiresAt).not.toBeNull();
    const id = r.json().id;
    expect((await req('POST', `/api/v1/bookings/${id}/approve`, 'company', {})).statusCode).toBe(403);
    expect((await req('POST', `/api/v1/bookings/${id}/approve`, 'other', {})).statusCode).toBe(404);
    const queue = await req('GET', '/api/v1/bookings?scope=centre&state=requested', 'staff');
    expect(queue.json().items.map((b: { id: string }) => b.id)).toContain(id);
    const ok = await req('POST', `/api/v1/bookings/${id}/approve`, 'staff', {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'confirmed', decidedBy: { id: ID.staff } });
    expect((await req('POST', `/api/v1/bookings/${id}/approve`, 'staff', {})).statusCode).toBe(409);
    expect(ok.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['booked', 'approved']);
    const audit = (await database.db.execute(
      sql`select action from audit_log where entity_type = 'booking' and entity_id = ${id} order by id`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((a) => a.action)).toEqual(['booking-create', 'booking-approve']);

    // A centre member's own request on their centre's manual instrument needs a colleague.
    const own = await req('POST', '/api/v1/bookings', 'staff', {
      equipment: manual.id,
      start: at(D2, '16:00'),
      end: at(D2, '17:00'),
      purpose: 'Taratura',
    });
    expect(own.json().category).toBe('centre-staff');
    expect(own.json().allowedActions).toEqual(['cancel']);
    expect((await req('POST', `/api/v1/bookings/${own.json().id}/approve`, 'staff', {})).statusCode).toBe(403);
    const declined = await req('POST', `/api/v1/bookings/${own.json().id}/decline`, 'staff2', {
      reason: 'Strumento in taratura',
    });
    expect(declined.json()).toMatchObject({ state: 'declined', reason: 'Strumento in taratura' });
    // The booker was told, in the app.
    const notes = await req('GET', '/api/v1/notifications', 'staff');
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toContain('booking-declined');
  });

  it('expires an unanswered request and frees its slot; reminds the day before', async () => {
    const r = await req('POST', '/api/v1/bookings', 'company', {
      equipment: manual.id,
      start: at(D2, '09:00'),
      end: at(D2, '10:00'),
      purpose: 'Da scadere',
    });
    const later = new Date(Date.parse(r.json().expiresAt) + 1000);
    expect(
      await expirePending({ db: database.db, publicUrl: 'http://localhost', now: () => later }),
    ).toBeGreaterThanOrEqual(1);
    expect((await req('GET', `/api/v1/bookings/${r.json().id}`, 'company')).json().state).toBe('expired');
    const dayBefore = new Date(Date.parse(at(D1, '09:00')) - 20 * 3_600_000);
    const reminded = await sendReminders({ db: database.db, publicUrl: 'http://localhost', now: () => dayBefore });
    expect(reminded).toBeGreaterThanOrEqual(1);
    expect(await sendReminders({ db: database.db, publicUrl: 'http://localhost', now: () => dayBefore })).toBe(0);
  });

  it('shows how each instrument is booked on its record', async () => {
    const r = await req('GET', `/api/v1/equipment/${qualified.id}`, 'anonymous');
    expect(r.json().booking).toMatchObject({
      bookable: true,
      approval: 'automatic',
      qualificationRequired: true,
      qualification: { id: ID.qualification },
      slotMinutes: 30,
      timezone: 'Europe/Rome',
      units: ['hour'],
    });
    const list = await req('GET', `/api/v1/equipment?organization=${centre.id}`, 'anonymous');
    expect(list.json().items.every((e: { booking?: unknown }) => e.booking)).toBe(true);
  });

  it('shows availability the same for everyone: busy, free and closed', async () => {
    const r = await req('GET', `/api/v1/equipment/${selfService.id}/availability?from=${D1}&to=${D1}`, 'anonymous');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { start: string; end: string; status: string }[];
    expect(items[0]!.status).toBe('closed');
    expect(items.find((i) => i.status === 'busy')).toBeTruthy();
    expect(items.find((i) => i.status === 'free')).toBeTruthy();
    expect(items[0]!.start).toMatch(/T00:00:00\+0[12]:00$/);
    const tooLong = await req(
      'GET',
      `/api/v1/equipment/${selfService.id}/availability?from=2026-01-01&to=2026-06-01`,
      'anonymous',
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it('finds free slots across centres, priced for the caller', async () => {
    const r = await req('GET', `/api/v1/slots?minutes=120&from=${D1}&to=${D2}`, 'company');
    expect(r.statusCode, r.body).toBe(200);
    const mine = r.json().items.filter((s: { organization: string }) => s.organization === centre.id);
    expect(mine.map((s: { equipment: string }) => s.equipment).sort()).toEqual([manual.id, selfService.id].sort());
    const cheap = await req('GET', `/api/v1/slots?minutes=60&maxPrice=40&from=${D1}&to=${D2}`, 'other');
    expect(cheap.json().items.every((s: { price: { amountCents: number } }) => s.price.amountCents <= 4000)).toBe(true);
  });

  it('serves iCalendar feeds: public busy and closed times, and a private feed of one person', async () => {
    const pub = await req('GET', `/api/v1/equipment/${selfService.id}/calendar.ics`, 'anonymous');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.headers['content-type']).toMatch(/text\/calendar/);
    expect(pub.body).not.toMatch(/Prove di invecchiamento|Officine|company|@example\.org/);
    const cal = new ICAL.Component(ICAL.parse(pub.body));
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const first = events.find((e) => e.uid.startsWith(`booking-${ID.first}`))!;
    expect(first.startDate.toJSDate().toISOString()).toBe(at(D1, '09:00'));
    expect(first.startDate.zone?.tzid).toBe('Europe/Rome');
    expect(first.summary).toBe('Busy');
    const feed = await req('GET', '/api/v1/me/calendar-feed', 'company');
    const url = new URL(feed.json().url);
    const priv = await app.inject({ method: 'GET', url: url.pathname });
    expect(priv.statusCode).toBe(200);
    const mine = new ICAL.Component(ICAL.parse(priv.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const seq = mine.find((e) => e.uid.startsWith(`booking-${ID.first}`))!.sequence;
    await req('POST', `/api/v1/bookings/${ID.first}/cancel`, 'company', { reason: 'Cambio programma' });
    const after = new ICAL.Component(ICAL.parse((await app.inject({ method: 'GET', url: url.pathname })).body))
      .getAllSubcomponents('vevent')
      .find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`booking-${ID.first}`))!;
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(seq);
    expect(after.getFirstPropertyValue('status')).toBe('CANCELLED');
    const reset = await req('POST', '/api/v1/me/calendar-feed/reset', 'company');
    expect(reset.json().url).not.toBe(feed.json().url);
    expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });

  it('records use and no-shows, and gives the centre its usage as CSV', async () => {
    // A booking in the past (as the data of an earlier day), then recorded by the centre.
    const rows = (await database.db.execute(sql`
      insert into bookings (equipment_id, owner_organization_id, booker_user_id, booker_organization_id, user_category,
        during, blocked, state, purpose, amount_cents, quote)
      values (${selfService.id}, ${centre.id}, ${ID.company}, ${company.id}, 'company',
        tstzrange(now() - interval '3 hours', now() - interval '1 hour'), tstzrange(now() - interval '3 hours', now() - interval '1 hour'),
        'confirmed', 'Ieri', 12000, ${JSON.stringify({ category: 'company', unit: 'hour', quantity: 1.5, unitAmountCents: 8000, amountCents: 12000, currency: 'EUR', tariff: 'x' })}::jsonb) returning id`)) as unknown as {
      rows: { id: string }[];
    };
    const id = rows.rows[0]!.id;
    const used = await req('POST', `/api/v1/bookings/${id}/usage`, 'staff', {
      actualStart: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      actualEnd: new Date(Date.now() - 1.5 * 3_600_000).toISOString(),
    });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json().state).toBe('completed');
    const from = addDays(localDay(Date.now()), -2),
      to = addDays(localDay(Date.now()), 1);
    const csv = await req('GET', `/api/v1/organizations/${centre.id}/usage.csv?from=${from}&to=${to}`, 'staff');
    expect(csv.statusCode, csv.body).toBe(200);
    const table = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(table).toContainEqual(
      expect.objectContaining({
        category: 'company',
        organization: company.id,
        bookings: '1',
        hours: '1.50',
        revenue_eur: '120.00',
      }),
    );
    expect(
      (await req('GET', `/api/v1/organizations/${centre.id}/usage?from=${from}&to=${to}`, 'company')).statusCode,
    ).toBe(403);
  });
});

describe('the life-cycle table through the API (permission "booking")', () => {
  const WHO = ['anonymous', 'company', 'colleague', 'staff', 'other', 'admin', 'region'] as const;
  let slot = 0;
  let past = 0;
  const base = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  /** A fresh booking by the company's person in the state the action needs. */
  async function bookingIn(state: 'requested' | 'confirmed' | 'started') {
    if (state === 'started') {
      const k = past++;
      const rows = (await database.db.execute(sql`
        insert into bookings (equipment_id, owner_organization_id, booker_user_id, booker_organization_id, user_category, during, blocked, state, purpose)
        values (${manual.id}, ${centre.id}, ${ID.company}, ${company.id}, 'company',
          tstzrange(${base}::timestamptz - (${k} + 1) * interval '1 hour', ${base}::timestamptz - ${k} * interval '1 hour'),
          tstzrange(${base}::timestamptz - (${k} + 1) * interval '1 hour', ${base}::timestamptz - ${k} * interval '1 hour'),
          'confirmed', 'In corso') returning id`)) as unknown as { rows: { id: string }[] };
      return rows.rows[0]!.id;
    }
    const d = day(30 + Math.floor(slot / 10));
    const h = String(8 + (slot++ % 10)).padStart(2, '0');
    const r = await req('POST', '/api/v1/bookings', 'company', {
      equipment: state === 'requested' ? manual.id : selfService.id,
      start: at(d, `${h}:00`),
      end: at(d, `${h}:30`),
      purpose: 'Matrice',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  }
  const CASES: { action: string; state: 'requested' | 'confirmed' | 'started'; body: object; ok: readonly string[] }[] =
    [
      { action: 'approve', state: 'requested', body: {}, ok: ['staff', 'admin'] },
      { action: 'decline', state: 'requested', body: { reason: 'Non disponibile' }, ok: ['staff', 'admin'] },
      { action: 'cancel', state: 'confirmed', body: {}, ok: ['company', 'staff', 'admin'] },
      {
        action: 'usage',
        state: 'started',
        body: { actualStart: new Date(Date.now() - 3_600_000).toISOString(), actualEnd: new Date().toISOString() },
        ok: ['staff', 'admin'],
      },
      { action: 'no-show', state: 'started', body: {}, ok: ['staff', 'admin'] },
    ];
  it('answers every action × every person as the table says (404 to those who may not see it)', async () => {
    const failures: string[] = [];
    for (const c of CASES)
      for (const who of WHO) {
        const id = await bookingIn(c.state);
        const r = await req('POST', `/api/v1/bookings/${id}/${c.action}`, who, c.body);
        const expected = c.ok.includes(who) ? 200 : who === 'anonymous' ? 401 : who === 'other' ? 404 : 403;
        if (r.statusCode !== expected)
          failures.push(`${c.action} as ${who}: ${r.statusCode}, expected ${expected} ${r.body.slice(0, 120)}`);
        if (r.statusCode === 200) {
          const again = await req('POST', `/api/v1/bookings/${id}/${c.action}`, who, c.body);
          if (again.statusCode !== 409) failures.push(`${c.action} twice as ${who}: ${again.statusCode}`);
        }
      }
    expect(failures).toEqual([]);
  });
});

describe('no double booking, by the database', () => {
  it('lets exactly one of many simultaneous requests for one slot win', async () => {
    const body = { equipment: selfService.id, start: at(D2, '12:00'), end: at(D2, '13:00'), purpose: 'Corsa' };
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => req('POST', '/api/v1/bookings', i % 2 ? 'company' : 'other', body)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(59);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().type).toBe('urn:clock:problem:slot-taken');
  });

  it('refuses an overlapping active row whatever writes it (SQLSTATE 23P01), and allows it once cancelled', async () => {
    const insert = (state: string, from: string, to: string) =>
      database.db.execute(sql`insert into bookings (equipment_id, owner_organization_id, during, blocked, state, purpose)
        values (${manual.id}, ${centre.id}, tstzrange(${from}::timestamptz, ${to}::timestamptz), tstzrange(${from}::timestamptz, ${to}::timestamptz), ${state}, 'x')`);
    const a = at(day(20), '09:00'),
      b = at(day(20), '10:00'),
      c = at(day(20), '09:30');
    await insert('blocked', a, b);
    const err = (await insert('confirmed', c, b).catch((e: unknown) => e)) as {
      code?: string;
      cause?: { code?: string };
    };
    const codeOf = (e: { code?: string; cause?: { code?: string } }) => e.code ?? e.cause?.code;
    expect(codeOf(err)).toBe('23P01');
    await insert('cancelled', c, b);
    await insert('confirmed', b, at(day(20), '11:00')); // touching is not overlapping: [a, b) and [b, …)
  });
});
