import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { upsertTaxonomyTerms } from '../catalogue/catalogue.repo.ts';
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
import { isHolidayDate } from '../../core/calendar.ts';
import { participationBetween } from './organizers.service.ts';
import { sendEventReminders } from './registrations.service.ts';
import { readPdfText } from '../../test/pdf.ts';

// Events through the API, on PGlite and PostgreSQL: a course of two sessions organised by a centre with the Region,
// registrations signed in and by e-mail, the waiting list, changes and cancellation, feeds, attendance, the
// certificate and the qualification it grants (which makes an instrument bookable).
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const otherCentre = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
const region = buildOrganization({ kind: 'region', name: 'Regione Toscana' });
const company = buildOrganization({ kind: 'company', name: 'Officine Zeta' });
const lathe = buildOffer(centre.id, { title: { it: 'Tornio a controllo numerico' }, bookable: true });
const H: Record<string, Record<string, string>> = { anonymous: {} };
const ID: Record<string, string> = {};
const EMAIL: Record<string, string> = {};
const DAY = 86_400_000;
const isoIn = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

const req = (method: string, url: string, who: string, payload?: unknown) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: H[who],
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
async function mailsTo(email: string) {
  const rows = await database.db.execute(
    sql`select subject, body, attachments from mail_outbox where "to" = ${email.toLowerCase()} order by id`,
  );
  return (
    rows as unknown as {
      rows: {
        subject: string;
        body: string;
        attachments: { filename: string; contentType: string; content: string }[] | null;
      }[];
    }
  ).rows;
}
const tokenIn = (body: string, path: string) => new RegExp(`${path}[^\\s]*token=([A-Za-z0-9_-]{20,})`).exec(body)?.[1];

export const COURSE = (organization: string, extra: Record<string, unknown> = {}) => ({
  kind: 'course',
  title: { it: 'Corso di tornitura CNC', en: 'CNC turning course' },
  summary: { it: 'Due mezze giornate in laboratorio', en: 'Two half days in the lab' },
  mode: 'in-person',
  place: { name: 'Laboratorio Alfa', address: 'Via Roma 1, Lucca', lat: 43.84, lon: 10.5 },
  language: 'it',
  filiere: ['carta'],
  capacity: 2,
  visibility: 'public',
  questions: [
    { id: 'role', text: { it: 'Ruolo', en: 'Role' }, required: true, kind: 'text' },
    {
      id: 'level',
      text: { it: 'Livello' },
      required: false,
      kind: 'choice',
      options: [{ it: 'Base' }, { it: 'Esperto' }],
    },
  ],
  organizers: [
    { organization, role: 'lead' },
    { organization: region.id, role: 'co-organizer' },
  ],
  sessions: [
    { start: isoIn(10, 8), end: isoIn(10, 12) },
    { start: isoIn(11, 8), end: isoIn(11, 12) },
  ],
  ...extra,
});

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, otherCentre, region, company],
      equipment: [lathe],
    }),
  );
  await upsertTaxonomyTerms(database.db, [
    { scheme: 'filiera', code: 'carta', label: { it: 'Carta', en: 'Paper' }, parentCode: null },
  ]);
  app = await buildApp({ config: testConfig({ publicUrl: 'https://clock.example.org' }), database, logger: false });
  const people: [string, string, string | undefined][] = [
    ['staff', 'centre-staff', centre.id],
    ['other', 'centre-staff', otherCentre.id],
    ['company', 'company', company.id],
    ['company2', 'company', company.id],
    ['admin', 'admin', undefined],
    ['region', 'region', undefined],
  ];
  for (const [who, role, organization] of people) {
    EMAIL[who] = uniqueEmail(who).toLowerCase();
    const u = await createUser(database.db, {
      email: EMAIL[who],
      name: `Persona ${who}`,
      role: role as 'company',
      organization,
      password: PASSWORD,
    });
    ID[who] = u.id;
    H[who] = await signInHeaders(app, EMAIL[who], PASSWORD);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('events', () => {
  it('creates a draft only for the caller’s organisations, checking every field', async () => {
    const bad = await req('POST', '/api/v1/events', 'staff', {
      ...COURSE(centre.id),
      mode: 'mixed',
      filiere: ['nope'],
      organizers: [{ organization: centre.id, role: 'co-organizer' }],
      sessions: [{ start: isoIn(3, 10), end: isoIn(3, 9) }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/filiere/0', '/body/onlineUrl', '/body/organizers', '/body/sessions/0/end'].sort());
    const foreign = await req('POST', '/api/v1/events', 'other', COURSE(centre.id));
    expect(foreign.statusCode).toBe(403);
    const r = await req('POST', '/api/v1/events', 'staff', COURSE(centre.id));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      state: 'draft',
      sessionCount: 2,
      sequence: 0,
      ref: expect.stringMatching(/^E-\d{4}$/),
    });
    ID.course = r.json().id;
    // A draft is the organisers' only.
    expect((await req('GET', `/api/v1/events/${ID.course}`, 'anonymous')).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/events/${ID.course}`, 'other')).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/events/${ID.course}`, 'region')).statusCode).toBe(200);
    const mine = await req('GET', '/api/v1/events?scope=organizer', 'staff');
    expect(mine.json().items.map((e: { id: string }) => e.id)).toContain(ID.course);
    // The Region co-organises it: its officers list the draft too; another centre does not.
    const region = await req('GET', '/api/v1/events?scope=organizer', 'region');
    expect(region.json().items.map((e: { id: string }) => e.id)).toContain(ID.course);
    const other = await req('GET', '/api/v1/events?scope=organizer', 'other');
    expect(other.json().items.map((e: { id: string }) => e.id)).not.toContain(ID.course);
    const pub = await req('GET', '/api/v1/events', 'anonymous');
    expect(pub.json().items.map((e: { id: string }) => e.id)).not.toContain(ID.course);
    expect(pub.json()).toMatchObject({ page: 1, limit: 20 });
  });

  it('publishes, and finds it by date, words, organisation and filiera; a network event stays hidden from the public', async () => {
    const p = await req('POST', `/api/v1/events/${ID.course}/publish`, 'staff');
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().allowedActions).toEqual(['edit', 'cancel', 'register', 'manage-registrations']);
    expect((await req('POST', `/api/v1/events/${ID.course}/publish`, 'staff')).statusCode).toBe(409);
    const find = async (q: string) =>
      (await req('GET', `/api/v1/events?${q}`, 'anonymous')).json().items.map((e: { id: string }) => e.id);
    expect(await find('q=tornitura')).toContain(ID.course);
    expect(await find(`organization=${region.id}`)).toContain(ID.course);
    expect(await find('filiera=carta')).toContain(ID.course);
    expect(await find(`from=${isoIn(12, 0).slice(0, 10)}`)).not.toContain(ID.course);
    expect(await find('q=inesistente')).not.toContain(ID.course);
    const net = await req('POST', '/api/v1/events', 'staff', {
      ...COURSE(centre.id, { visibility: 'network', title: { it: 'Riunione di rete' }, kind: 'seminar' }),
    });
    await req('POST', `/api/v1/events/${net.json().id}/publish`, 'staff');
    expect((await req('GET', `/api/v1/events/${net.json().id}`, 'anonymous')).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/events/${net.json().id}`, 'company')).statusCode).toBe(200);
    expect(await find('q=Riunione')).toEqual([]);
    const bad = await req('GET', '/api/v1/events?from=ieri', 'anonymous');
    expect(bad.statusCode).toBe(400);
  });

  it('confirms a signed-in registrant at once, an e-mail one after the mailed link, then fills the waiting list', async () => {
    const missing = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'company', { answers: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ pointer: '/body/answers/role', message: 'an answer is required' }]);
    const a = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'company', {
      organization: company.id,
      answers: { role: 'Tecnico', level: '1' },
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ state: 'confirmed', organization: { id: company.id } });
    ID.regCompany = a.json().id;
    const confirmMail = (await mailsTo(EMAIL.company!)).at(-1)!;
    expect(confirmMail.subject).toMatch(/Iscrizione confermata/);
    expect(confirmMail.attachments![0]!.contentType).toMatch(/text\/calendar.*method=PUBLISH/);
    const invite = ICAL.Component.fromString(confirmMail.attachments![0]!.content);
    expect(invite.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(invite.getAllSubcomponents('vevent')).toHaveLength(2);

    const again = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'company', { answers: { role: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('urn:clock:problem:already-registered');

    const visitor = 'Visitatrice@Example.org';
    const b = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'anonymous', {
      email: visitor,
      name: 'Lucia Verdi',
      organizationName: 'Cartiera Verdi',
      answers: { role: 'Responsabile' },
      lang: 'it',
    });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ state: 'pending-confirmation', email: 'visitatrice@example.org' });
    ID.regVisitor = b.json().id;
    const link = (await mailsTo(visitor)).at(-1)!;
    expect(link.subject).toMatch(/Conferma/);
    const token = tokenIn(link.body, '/eventi/conferma')!;
    expect(token).toBeTruthy();
    expect(
      (await req('POST', '/api/v1/event-registrations/confirm', 'anonymous', { token: 'x'.repeat(43) })).statusCode,
    ).toBe(404);
    const c = await req('POST', '/api/v1/event-registrations/confirm', 'anonymous', { token });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().state).toBe('confirmed');
    expect((await req('POST', '/api/v1/event-registrations/confirm', 'anonymous', { token })).statusCode).toBe(404);
    const confirmed = (await mailsTo(visitor)).at(-1)!;
    ID.visitorToken = tokenIn(confirmed.body, '/eventi/iscrizioni/')!;
    expect(ID.visitorToken).toBeTruthy();
    // Its token reads it; nobody else does.
    expect(
      (await req('GET', `/api/v1/event-registrations/${ID.regVisitor}?token=${ID.visitorToken}`, 'anonymous'))
        .statusCode,
    ).toBe(200);
    expect((await req('GET', `/api/v1/event-registrations/${ID.regVisitor}`, 'company2')).statusCode).toBe(404);

    // Full: the next one waits, first in line.
    const w = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'company2', {
      answers: { role: 'Apprendista' },
    });
    expect(w.json()).toMatchObject({ state: 'waiting', position: 1 });
    ID.regWaiting = w.json().id;
    expect((await mailsTo(EMAIL.company2!)).at(-1)!.body).toMatch(/Posizione in lista: 1/);
    const detail = (await req('GET', `/api/v1/events/${ID.course}`, 'company2')).json();
    expect(detail.availability).toMatchObject({ capacity: 2, taken: 2, free: 0, waiting: 1, open: true });
    expect(detail.myRegistration).toMatchObject({ id: ID.regWaiting, state: 'waiting' });
  });

  it('gives a freed place to the first in line, who is mailed the invitation', async () => {
    const x = await req('POST', `/api/v1/event-registrations/${ID.regCompany}/cancel`, 'company2', {});
    expect(x.statusCode).toBe(404);
    const c = await req('POST', `/api/v1/event-registrations/${ID.regCompany}/cancel`, 'company', {});
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().state).toBe('cancelled');
    const cancelMail = (await mailsTo(EMAIL.company!)).at(-1)!;
    expect(ICAL.Component.fromString(cancelMail.attachments![0]!.content).getFirstPropertyValue('method')).toBe(
      'CANCEL',
    );
    const promoted = (await req('GET', `/api/v1/event-registrations/${ID.regWaiting}`, 'company2')).json();
    expect(promoted).toMatchObject({ state: 'confirmed', position: null });
    const mail = (await mailsTo(EMAIL.company2!)).at(-1)!;
    expect(mail.subject).toMatch(/Si è liberato un posto/);
    expect(mail.attachments).toHaveLength(1);
    // The company registers again after cancelling: the event is full, so it waits.
    const back = await req('POST', `/api/v1/events/${ID.course}/registrations`, 'company', {
      answers: { role: '=HYPERLINK("http://x")' },
    });
    expect(back.json()).toMatchObject({ state: 'waiting', position: 1 });
    ID.regCompany = back.json().id;
  });

  it('raises SEQUENCE on a change and mails the confirmed an updated invitation; the .ics and the feeds parse', async () => {
    const e = await req('PATCH', `/api/v1/events/${ID.course}`, 'staff', {
      summary: { it: 'Due mezze giornate, aula 2' },
    });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json().sequence).toBe(1);
    const changed = (await mailsTo('visitatrice@example.org')).at(-1)!;
    expect(changed.subject).toMatch(/cambiato/);
    const cal = ICAL.Component.fromString(changed.attachments![0]!.content);
    expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('sequence'))).toEqual([1, 1]);

    // Calendar clients ask for text/calendar.
    const ics = await app.inject({ url: `/api/v1/events/${ID.course}/ics`, headers: { accept: 'text/calendar' } });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    const parsed = ICAL.Component.fromString(ics.body);
    expect(parsed.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    const vevents = parsed.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(2);
    for (const v of vevents) {
      expect(String(v.getFirstPropertyValue('uid'))).toMatch(
        new RegExp(`^event-${ID.course}-[0-9a-f-]{36}@clock\\.example\\.org$`),
      );
      expect(v.getFirstPropertyValue('url')).toBe(`https://clock.example.org/eventi/${ID.course}`);
      expect(v.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Rome');
    }

    const feed = await req('GET', `/feeds/events.ics?organization=${centre.id}`, 'anonymous');
    expect(feed.statusCode).toBe(200);
    const uids = ICAL.Component.fromString(feed.body)
      .getAllSubcomponents('vevent')
      .map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids.filter((u) => u.startsWith(`event-${ID.course}-`))).toHaveLength(2);
    const other = await req('GET', `/feeds/events.ics?filiera=legno`, 'anonymous');
    expect(ICAL.Component.fromString(other.body).getAllSubcomponents('vevent')).toHaveLength(0);

    const rss = await req('GET', '/feeds/events.xml?filiera=carta', 'anonymous');
    expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(rss.body);
    expect(doc.rss['@_version']).toBe('2.0');
    const items = [doc.rss.channel.item].flat();
    const item = items.find((i: { link: string }) => i.link === `https://clock.example.org/eventi/${ID.course}`);
    expect(item.title).toBe('Corso di tornitura CNC');
    expect(doc.rss.channel.link).toBe('https://clock.example.org/eventi');
    // A network event is in no public feed.
    expect(rss.body).not.toContain('Riunione di rete');
  });

  it('lists registrations and exports them as CSV for the organisers only', async () => {
    expect((await req('GET', `/api/v1/events/${ID.course}/registrations`, 'other')).statusCode).toBe(403);
    expect((await req('GET', `/api/v1/events/${ID.course}/registrations`, 'anonymous')).statusCode).toBe(401);
    const list = await req('GET', `/api/v1/events/${ID.course}/registrations`, 'region');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(4);
    const csv = await req('GET', `/api/v1/events/${ID.course}/registrations.csv`, 'staff');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\ufeff')).toBe(true);
    expect(csv.body).toContain('\r\n');
    const rows = parseCsv(csv.body.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['id', 'state', 'position', 'name', 'email', 'organization', 'Ruolo', 'Livello']),
    );
    const visitor = rows.find((r) => r.email === 'visitatrice@example.org')!;
    expect(visitor).toMatchObject({ name: 'Lucia Verdi', organization: 'Cartiera Verdi', Ruolo: 'Responsabile' });
    // What a registrant typed never runs as a spreadsheet formula.
    const formula = rows.find((r) => r.state === 'waiting')!;
    expect(formula.Ruolo).toBe('\'=HYPERLINK("http://x")');
    const m = await req('POST', `/api/v1/events/${ID.course}/messages`, 'staff', {
      subject: 'Portate i DPI',
      body: 'Scarpe antinfortunistiche obbligatorie.',
    });
    expect(m.statusCode, m.body).toBe(202);
    expect(m.json().queued).toBe(2);
    expect((await mailsTo('visitatrice@example.org')).at(-1)!.body).toContain('Scarpe antinfortunistiche');
  });

  it('records attendance: the certificate opens, the course grants its qualification, the instrument becomes bookable', async () => {
    // The qualification the lathe requires, granted by the course.
    const q = await req('POST', '/api/v1/qualifications', 'staff', {
      organization: centre.id,
      name: { it: 'Uso del tornio' },
      validityMonths: 12,
    });
    ID.qualification = q.json().id;
    const policy = await req('PUT', `/api/v1/equipment/${lathe.id}/booking-policy`, 'staff', {
      bookable: true,
      approval: 'automatic',
      slotMinutes: 30,
      minMinutes: 30,
      maxMinutes: 480,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      leadHours: 0,
      horizonDays: 60,
      assistedOnly: false,
      pendingExpiryHours: 48,
      qualification: ID.qualification,
    });
    expect(policy.statusCode, policy.body).toBe(200);
    await req('PUT', `/api/v1/equipment/${lathe.id}/opening-rules`, 'staff', {
      items: [{ rrule: 'FREQ=DAILY', startDate: '2026-01-01', startTime: '00:00', minutes: 1439, assisted: false }],
    });
    const g = await req('PATCH', `/api/v1/events/${ID.course}`, 'staff', {
      grantsQualification: ID.qualification,
      attendanceRequired: 1,
    });
    expect(g.statusCode, g.body).toBe(200);
    // A working day three weeks ahead (national holidays are closed).
    let ahead = 21;
    while (isHolidayDate(isoIn(ahead, 9).slice(0, 10))) ahead++;
    const quote = () =>
      req(
        'GET',
        `/api/v1/equipment/${lathe.id}/quote?start=${encodeURIComponent(isoIn(ahead, 9))}&end=${encodeURIComponent(isoIn(ahead, 10))}`,
        'company2',
      );
    expect((await quote()).json()).toMatchObject({ ok: false, reason: 'qualification-required' });

    // Time passes: the sessions are now behind us.
    const sessions = (await req('GET', `/api/v1/events/${ID.course}`, 'staff')).json().sessions as { id: string }[];
    await database.db.execute(
      sql`update event_sessions set during = tstzrange(lower(during) - interval '12 days', upper(during) - interval '12 days') where event_id = ${ID.course}`,
    );
    await database.db.execute(
      sql`update events set starts_at = starts_at - interval '12 days', ends_at = ends_at - interval '12 days' where id = ${ID.course}`,
    );

    const early = await req('GET', `/api/v1/event-registrations/${ID.regWaiting}/certificate`, 'company2');
    expect(early.statusCode).toBe(409);
    const bad = await req('PUT', `/api/v1/events/${ID.course}/attendance`, 'staff', {
      session: sessions[0]!.id,
      items: [{ registration: ID.regCompany, present: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/body/items/0/registration');
    for (const s of sessions) {
      const r = await req('PUT', `/api/v1/events/${ID.course}/attendance`, 'staff', {
        session: s.id,
        items: [
          { registration: ID.regWaiting, present: true },
          { registration: ID.regVisitor, present: s === sessions[0] },
        ],
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // Attending all sessions (company2, an account) grants the qualification; one of two (the visitor) does not.
    const reg = (await req('GET', `/api/v1/event-registrations/${ID.regWaiting}`, 'company2')).json();
    expect(reg).toMatchObject({ state: 'attended', attended: 2, sessions: 2, certificate: true });
    const grants = await database.db.execute(
      sql`select user_id, source, event_id from qualification_grants where qualification_id = ${ID.qualification}`,
    );
    expect((grants as unknown as { rows: unknown[] }).rows).toEqual([
      { user_id: ID.company2, source: 'event', event_id: ID.course },
    ]);
    expect((await quote()).json()).toMatchObject({ ok: true });
    const booked = await req('POST', '/api/v1/bookings', 'company2', {
      equipment: lathe.id,
      start: isoIn(ahead, 9),
      end: isoIn(ahead, 10),
      purpose: 'Prima tornitura dopo il corso',
    });
    expect(booked.statusCode, booked.body).toBe(201);

    const pdf = await app.inject({
      url: `/api/v1/event-registrations/${ID.regWaiting}/certificate`,
      headers: { ...H.company2, accept: 'application/pdf' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await readPdfText(pdf.rawPayload);
    expect(text).toContain('Attestato di partecipazione');
    expect(text).toContain('Persona company2');
    expect(text).toContain('Corso di tornitura CNC');
    expect(text).toContain('Centro Alfa, Regione Toscana');
    expect(text).toMatch(/Ore di presenza: 8 \(2 di 2 sessioni\)/);
    expect(text).toMatch(/Codice di verifica: [0-9A-F]{12}/);
    expect(pages).toBe(1);
    // The visitor attended one of two sessions with attendanceRequired 1: no certificate.
    const v = await req(
      'GET',
      `/api/v1/event-registrations/${ID.regVisitor}/certificate?token=${ID.visitorToken}`,
      'anonymous',
    );
    expect(v.statusCode).toBe(409);
    expect((await req('GET', `/api/v1/event-registrations/${ID.regWaiting}/certificate`, 'other')).statusCode).toBe(
      404,
    );

    // Present at the second session too, the visitor is mailed the certificate's link with a read-only token of its
    // own, and the link to see the registration mailed when it was confirmed keeps working.
    const mark = (present: boolean) =>
      req('PUT', `/api/v1/events/${ID.course}/attendance`, 'staff', {
        session: sessions[1]!.id,
        items: [{ registration: ID.regVisitor, present }],
      });
    expect((await mark(true)).statusCode).toBe(200);
    const attendedMail = (await mailsTo('visitatrice@example.org')).at(-1)!;
    expect(attendedMail.subject).toMatch(/Attestato di partecipazione/);
    expect(attendedMail.body).toContain('Per vedere la tua iscrizione:');
    const certToken = tokenIn(attendedMail.body, '/certificate')!;
    expect(certToken).toBeTruthy();
    expect(certToken).not.toBe(ID.visitorToken);
    for (const t of [ID.visitorToken, certToken]) {
      const seen = await req('GET', `/api/v1/event-registrations/${ID.regVisitor}?token=${t}`, 'anonymous');
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ state: 'attended', certificate: true });
      const cert = await app.inject({
        url: `/api/v1/event-registrations/${ID.regVisitor}/certificate?token=${t}`,
        headers: { accept: 'application/pdf' },
      });
      expect(cert.statusCode).toBe(200);
      expect((await readPdfText(cert.rawPayload)).text).toContain('Lucia Verdi');
    }
    // The certificate's token only reads: it cannot cancel (whatever the state).
    const cancelByCert = await req('POST', `/api/v1/event-registrations/${ID.regVisitor}/cancel`, 'anonymous', {
      token: certToken,
    });
    expect(cancelByCert.statusCode).toBe(404);
    // Back to one session of two: the registration is confirmed again, as the indicators below expect.
    expect((await mark(false)).statusCode).toBe(200);
  });

  it('counts participation for the indicators, traceable to the registrations', async () => {
    const p = await req('GET', `/api/v1/events/${ID.course}/participation`, 'staff');
    expect(p.json()).toMatchObject({
      registered: 4,
      confirmed: 2,
      attended: 1,
      waiting: 1,
      cancelled: 1,
      byOrganizationKind: { company: 2, none: 1 },
    });
    const f = await participationBetween({ db: database.db }, new Date(Date.now() - 30 * DAY), new Date(), centre.id);
    expect(f.events).toContain(ID.course);
    expect(f.ids.attended).toEqual([ID.regWaiting]);
    expect(f.attended).toBe(1);
    const none = await participationBetween(
      { db: database.db },
      new Date(Date.now() - 30 * DAY),
      new Date(),
      otherCentre.id,
    );
    expect(none.registered).toBe(0);
  });

  it('cancels an event: registrants are told with METHOD:CANCEL, the feed marks it cancelled', async () => {
    const e = await req(
      'POST',
      '/api/v1/events',
      'staff',
      COURSE(centre.id, {
        title: { it: 'Open lab carta' },
        kind: 'open-lab',
        sessions: [{ start: isoIn(5, 9), end: isoIn(5, 12) }],
      }),
    );
    ID.lab = e.json().id;
    await req('POST', `/api/v1/events/${ID.lab}/publish`, 'staff');
    await req('POST', `/api/v1/events/${ID.lab}/registrations`, 'company', { answers: { role: 'x' } });
    expect((await req('POST', `/api/v1/events/${ID.lab}/cancel`, 'staff', {})).statusCode).toBe(400);
    const c = await req('POST', `/api/v1/events/${ID.lab}/cancel`, 'staff', { reason: 'Laboratorio inagibile' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ state: 'cancelled', sequence: 1, cancelReason: 'Laboratorio inagibile' });
    const mail = (await mailsTo(EMAIL.company!)).at(-1)!;
    expect(mail.body).toContain('Laboratorio inagibile');
    const cal = ICAL.Component.fromString(mail.attachments![0]!.content);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe(`event-${ID.lab}@clock.example.org`);
    const feed = ICAL.Component.fromString((await req('GET', '/feeds/events.ics', 'anonymous')).body);
    const v = feed
      .getAllSubcomponents('vevent')
      .find((x) => x.getFirstPropertyValue('uid') === `event-${ID.lab}@clock.example.org`)!;
    expect(v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(
      (await req('POST', `/api/v1/events/${ID.lab}/registrations`, 'company2', { answers: { role: 'x' } })).json().type,
    ).toBe('urn:clock:problem:registration-closed');
    const audit = await database.db.execute(sql`select action from audit_log where entity_id = ${ID.lab} order by id`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'event-create',
      'event-publish',
      'event-cancel',
    ]);
  });

  it('never overbooks under concurrent registrations', async () => {
    const e = await req(
      'POST',
      '/api/v1/events',
      'staff',
      COURSE(centre.id, {
        title: { it: 'Webinar affollato' },
        capacity: 3,
        questions: [],
        sessions: [{ start: isoIn(4, 9), end: isoIn(4, 10) }],
      }),
    );
    const id = e.json().id;
    await req('POST', `/api/v1/events/${id}/publish`, 'staff');
    const people = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const email = uniqueEmail(`crowd${i}`);
        await createUser(database.db, {
          email,
          name: `Folla ${i}`,
          role: 'company',
          organization: company.id,
          password: PASSWORD,
        });
        return signInHeaders(app, email, PASSWORD);
      }),
    );
    const answers = await Promise.all(
      people.map((headers) =>
        app.inject({ method: 'POST', url: `/api/v1/events/${id}/registrations`, headers, payload: {} }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    const states = answers.map((a) => a.json().state);
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(
      answers
        .filter((a) => a.json().state === 'waiting')
        .map((a) => a.json().position)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
  });
  it('moves the waiting list up when places are added, and reminds the confirmed the day before, once', async () => {
    const e = await req(
      'POST',
      '/api/v1/events',
      'staff',
      COURSE(centre.id, {
        title: { it: 'Seminario domani' },
        kind: 'seminar',
        capacity: 1,
        questions: [],
        sessions: [
          {
            start: new Date(Date.now() + 20 * 3_600_000).toISOString(),
            end: new Date(Date.now() + 22 * 3_600_000).toISOString(),
          },
        ],
      }),
    );
    const id = e.json().id;
    await req('POST', `/api/v1/events/${id}/publish`, 'staff');
    const first = await req('POST', `/api/v1/events/${id}/registrations`, 'company', {});
    const second = await req('POST', `/api/v1/events/${id}/registrations`, 'company2', {});
    expect([first.json().state, second.json().state]).toEqual(['confirmed', 'waiting']);
    const more = await req('PATCH', `/api/v1/events/${id}`, 'staff', { capacity: 2 });
    expect(more.json().availability).toMatchObject({ capacity: 2, taken: 2, waiting: 0 });
    expect((await mailsTo(EMAIL.company2!)).at(-1)!.subject).toMatch(/Si è liberato un posto/);
    const deps = { db: database.db, publicUrl: 'https://clock.example.org' };
    expect(await sendEventReminders(deps)).toBe(2);
    const reminder = (await mailsTo(EMAIL.company!)).at(-1)!;
    expect(reminder.subject).toMatch(/Promemoria/);
    expect(reminder.attachments![0]!.filename).toBe('invite.ics');
    expect(await sendEventReminders(deps)).toBe(0);
  });
  it('erases a deleted account from its registrations and gives its place to the next in line', async () => {
    const e = await req(
      'POST',
      '/api/v1/events',
      'staff',
      COURSE(centre.id, {
        title: { it: 'Posto unico' },
        capacity: 1,
        questions: [],
        sessions: [{ start: isoIn(6, 9), end: isoIn(6, 10) }],
      }),
    );
    const id = e.json().id;
    await req('POST', `/api/v1/events/${id}/publish`, 'staff');
    const email = uniqueEmail('leaving').toLowerCase();
    await createUser(database.db, {
      email,
      name: 'Persona in uscita',
      role: 'company',
      organization: company.id,
      password: PASSWORD,
    });
    H.leaving = await signInHeaders(app, email, PASSWORD);
    const mine = await req('POST', `/api/v1/events/${id}/registrations`, 'leaving', {});
    expect(mine.json().state).toBe('confirmed');
    const next = await req('POST', `/api/v1/events/${id}/registrations`, 'anonymous', {
      email: 'in.coda@example.org',
      name: 'In Coda',
    });
    const token = tokenIn((await mailsTo('in.coda@example.org')).at(-1)!.body, '/eventi/conferma')!;
    expect((await req('POST', '/api/v1/event-registrations/confirm', 'anonymous', { token })).json().state).toBe(
      'waiting',
    );
    const gone = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: H.leaving,
      payload: { password: PASSWORD },
    });
    expect(gone.statusCode, gone.body).toBe(204);
    const list = (await req('GET', `/api/v1/events/${id}/registrations`, 'staff')).json().items as {
      id: string;
      name: string;
      email: string;
      state: string;
    }[];
    const erased = list.find((r) => r.id === mine.json().id)!;
    expect(erased).toMatchObject({ name: '—', state: 'cancelled' });
    expect(JSON.stringify(list)).not.toContain(email);
    expect(list.find((r) => r.id === next.json().id)!.state).toBe('confirmed');
    expect((await mailsTo('in.coda@example.org')).at(-1)!.subject).toMatch(/Si è liberato un posto/);
  });
});
