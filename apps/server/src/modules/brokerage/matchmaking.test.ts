import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { brokerageWorld, matchmakingEvent } from '../../test/brokerage.ts';
import { PASSWORD, signInHeaders, uniqueEmail } from '../../test/factories.ts';
import { createUser } from '../identity/identity.service.ts';
import { readPdfText } from '../../test/pdf.ts';

// A matchmaking day through the API: registration with unavailable slots, requests accepted and declined, the
// organiser's schedule, each person's agenda (JSON and iCalendar) and ratings; and the database refusing a double
// booking whatever the code does.
let w: Awaited<ReturnType<typeof brokerageWorld>>;
const people: { headers: Record<string, string>; profile: string; unavailable: number[] }[] = [];
let dayId = '';
beforeAll(async () => {
  w = await brokerageWorld();
}, 60_000);
afterAll(async () => {
  await w?.app.close();
  await w?.database.close();
});
const as = (headers: Record<string, string>, method: string, url: string, payload?: object) =>
  w.app.inject({ method: method as 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('a matchmaking day', () => {
  it('schedules the accepted requests with no double booking, respecting availability', async () => {
    const d = await as(w.H.staff, 'POST', '/api/v1/matchmaking', {
      organizer: w.centre.id,
      title: { it: 'Incontri B2B della carta', en: 'Paper B2B meetings' },
      day: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      startTime: '09:30',
      slotMinutes: 20,
      slots: 4,
      tables: 2,
    });
    expect(d.statusCode, d.body).toBe(201);
    dayId = d.json().id;
    for (let i = 0; i < 6; i++) {
      const email = uniqueEmail('mm');
      await createUser(w.database.db, {
        email,
        name: `Partecipante ${i}`,
        role: 'company',
        organization: w.partner.id,
        password: PASSWORD,
      });
      const headers = await signInHeaders(w.app, email, PASSWORD);
      const unavailable = i % 3 === 0 ? [0] : [];
      const p = await as(headers, 'POST', `/api/v1/matchmaking/${dayId}/participants`, {
        unavailableSlots: unavailable,
        seeks: { it: 'Fornitori' },
      });
      expect(p.statusCode, p.body).toBe(201);
      people.push({ headers, profile: p.json().id, unavailable });
    }
    expect(
      (await as(people[0]!.headers, 'POST', `/api/v1/matchmaking/${dayId}/participants`, { unavailableSlots: [9] }))
        .statusCode,
    ).toBe(400);
    // Everyone asks the next two; the last request of each is declined.
    let accepted = 0;
    for (let i = 0; i < 6; i++)
      for (const k of [1, 2]) {
        const j = (i + k) % 6;
        const r = await as(people[i]!.headers, 'POST', `/api/v1/matchmaking/${dayId}/requests`, {
          to: people[j]!.profile,
        });
        if (r.statusCode === 409) continue;
        expect(r.statusCode, r.body).toBe(201);
        const answer = k === 2 && i % 2 === 0 ? 'decline' : 'accept';
        expect(
          (await as(people[i]!.headers, 'POST', `/api/v1/meeting-requests/${r.json().id}/${answer}`)).statusCode,
        ).toBe(403);
        expect(
          (await as(people[j]!.headers, 'POST', `/api/v1/meeting-requests/${r.json().id}/${answer}`)).statusCode,
        ).toBe(200);
        if (answer === 'accept') accepted++;
      }
    expect((await as(w.H.otherStaff, 'POST', `/api/v1/matchmaking/${dayId}/schedule`)).statusCode).toBe(403);
    const s = await as(w.H.staff, 'POST', `/api/v1/matchmaking/${dayId}/schedule`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().placed + s.json().unplaced.length).toBe(accepted);
    expect(s.json().placed).toBeGreaterThan(0);
    const busy = new Set<string>();
    for (const p of people) {
      const a = await as(p.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda`);
      expect(a.statusCode).toBe(200);
      for (const m of a.json().items) {
        expect(p.unavailable).not.toContain(m.slot);
        expect(busy.has(`${p.profile}@${m.slot}`)).toBe(false);
        busy.add(`${p.profile}@${m.slot}`);
        expect(m.with.name).toMatch(/Partecipante/);
      }
      const ics = await as(p.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda.ics`);
      expect(ics.headers['content-type']).toMatch(/text\/calendar/);
      expect(ics.body.match(/BEGIN:VEVENT/g)?.length ?? 0).toBe(a.json().items.length);
    }
    // Scheduling again gives the same agenda (deterministic) and replaces the earlier one.
    const again = await as(w.H.staff, 'POST', `/api/v1/matchmaking/${dayId}/schedule`);
    expect(
      again
        .json()
        .meetings.map((m: { request: string; slot: number; table: number }) => [m.request, m.slot, m.table])
        .sort(),
    ).toEqual(
      s
        .json()
        .meetings.map((m: { request: string; slot: number; table: number }) => [m.request, m.slot, m.table])
        .sort(),
    );
  });

  it('shows each person their place, the organiser the grid, and prints the agenda as a PDF', async () => {
    const list = await as(w.H.owner, 'GET', '/api/v1/matchmaking?upcoming=true');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.find((d: { id: string }) => d.id === dayId)).toMatchObject({ participants: 6 });

    const mine = (await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/mine`)).json();
    expect(mine.organiser).toBe(false);
    expect(mine.profile.id).toBe(people[1]!.profile);
    expect(mine.requests.length).toBeGreaterThan(0);
    for (const r of mine.requests) expect([r.from.id, r.to.id]).toContain(people[1]!.profile);
    const stranger = (await as(w.H.otherStaff, 'GET', `/api/v1/matchmaking/${dayId}/mine`)).json();
    expect(stranger).toEqual({ profile: null, organiser: false, requests: [] });
    const organiser = (await as(w.H.staff, 'GET', `/api/v1/matchmaking/${dayId}/mine`)).json();
    expect(organiser.organiser).toBe(true);
    expect(organiser.requests.length).toBe(12);

    expect((await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/schedule`)).statusCode).toBe(403);
    const g = await as(w.H.staff, 'GET', `/api/v1/matchmaking/${dayId}/schedule`);
    expect(g.statusCode, g.body).toBe(200);
    const grid = g.json();
    expect(grid.slots).toHaveLength(4);
    expect(grid.slots[0].start).toMatch(/T09:30:00/);
    const cells = new Set<string>();
    const seats = new Set<string>();
    for (const m of grid.meetings) {
      expect(cells.has(`${m.slot}/${m.table}`)).toBe(false);
      cells.add(`${m.slot}/${m.table}`);
      for (const p of [m.a.id, m.b.id]) {
        expect(seats.has(`${p}@${m.slot}`)).toBe(false);
        seats.add(`${p}@${m.slot}`);
      }
    }
    const accepted = organiser.requests.filter((r: { state: string }) => r.state === 'accepted').length;
    expect(grid.meetings.length + grid.unplaced.length).toBe(accepted);
    for (const u of grid.unplaced) expect(['no-common-slot', 'people-busy', 'tables-full']).toContain(u.reason);
    expect(grid.unanswered).toEqual([]);

    const a = (await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda`)).json();
    expect(a.items.length).toBeGreaterThan(0);
    const pdf = await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdfText(pdf.rawPayload);
    expect(text).toContain('Paper B2B meetings');
    expect(text).toContain('Agenda of Partecipante 1');
    for (const m of a.items) expect(text).toContain(m.with.name);
    expect((await as(w.H.staff, 'GET', `/api/v1/matchmaking/${dayId}/agenda.pdf`)).statusCode).toBe(403);
  });

  it('refuses a double booking in the database itself', async () => {
    const [seat] = (
      (await w.database.db.execute(
        sql`select meeting_id, day_id, slot, profile_id from matchmaking_seats where day_id = ${dayId} limit 1`,
      )) as unknown as {
        rows: { meeting_id: string; day_id: string; slot: number; profile_id: string }[];
      }
    ).rows;
    const [other] = (
      (await w.database.db.execute(
        sql`select id from matchmaking_meetings where day_id = ${dayId} and id <> ${seat!.meeting_id} limit 1`,
      )) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    await expect(
      w.database.db.execute(
        sql`insert into matchmaking_seats (meeting_id, day_id, slot, profile_id) values (${other!.id}, ${dayId}, ${seat!.slot}, ${seat!.profile_id})`,
      ),
    ).rejects.toThrow();
    const [m] = (
      (await w.database.db.execute(
        sql`select request_id, slot, table_no from matchmaking_meetings where day_id = ${dayId} limit 1`,
      )) as unknown as {
        rows: { request_id: string; slot: number; table_no: number }[];
      }
    ).rows;
    const [req] = (
      (await w.database.db.execute(
        sql`select id from meeting_requests where day_id = ${dayId} and id <> ${m!.request_id} and state = 'declined' limit 1`,
      )) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    await expect(
      w.database.db.execute(
        sql`insert into matchmaking_meetings (day_id, request_id, slot, table_no) values (${dayId}, ${req!.id}, ${m!.slot}, ${m!.table_no})`,
      ),
    ).rejects.toThrow();
  });

  it('takes ratings once a meeting has begun, from its participants only', async () => {
    const a = await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda`);
    const meeting = a.json().items[0].meeting;
    expect(
      (await as(people[1]!.headers, 'POST', `/api/v1/matchmaking-meetings/${meeting}/rating`, { score: 5 })).statusCode,
    ).toBe(409);
    await w.database.db.execute(sql`update matchmaking_days set day = current_date - 1 where id = ${dayId}`);
    expect((await as(w.H.staff, 'POST', `/api/v1/matchmaking/${dayId}/schedule`)).statusCode).toBe(409);
    expect(
      (await as(people[1]!.headers, 'POST', `/api/v1/matchmaking-meetings/${meeting}/rating`, { score: 6 })).statusCode,
    ).toBe(400);
    expect(
      (await as(w.H.owner, 'POST', `/api/v1/matchmaking-meetings/${meeting}/rating`, { score: 4 })).statusCode,
    ).toBe(404);
    const r = await as(people[1]!.headers, 'POST', `/api/v1/matchmaking-meetings/${meeting}/rating`, {
      score: 5,
      comment: 'Utile',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await as(people[1]!.headers, 'GET', `/api/v1/matchmaking/${dayId}/agenda`)).json().items[0].rated).toBe(
      true,
    );
  });
});

describe('the event a matchmaking day belongs to', () => {
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
  const event = (who: Record<string, string>, lead: string, co: string[] = []) =>
    matchmakingEvent(w.app, who, lead, co);
  const dayBody = (eventId?: string) => ({
    organizer: w.centre.id,
    title: { it: 'Incontri B2B' },
    day: inDays(25).toISOString().slice(0, 10),
    startTime: '09:30',
    slotMinutes: 20,
    slots: 6,
    tables: 3,
    ...(eventId ? { eventId } : {}),
  });
  const pointers = (body: string) => (JSON.parse(body).errors as { pointer: string }[]).map((e) => e.pointer).sort();
  const days = async () =>
    (
      (await w.database.db.execute(sql`select count(*)::int as n from matchmaking_days`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;

  it('refuses an unknown event, naming it with the other invalid fields', async () => {
    const before = await days();
    const unknown = await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(crypto.randomUUID()));
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(pointers(unknown.body)).toEqual(['/body/eventId']);
    const many = await as(w.H.staff, 'POST', '/api/v1/matchmaking', {
      ...dayBody(crypto.randomUUID()),
      title: { it: '  ' },
      tables: 0,
    });
    expect(many.statusCode, many.body).toBe(400);
    expect(pointers(many.body)).toEqual(['/body/eventId', '/body/tables', '/body/title']);
    expect(await days()).toBe(before);
  });

  it("refuses another centre's event and a cancelled one; takes the centre's own, led or co-organised", async () => {
    const theirs = await event(w.H.otherStaff, w.otherCentre.id);
    const foreign = await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(theirs));
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(pointers(foreign.body)).toEqual(['/body/eventId']);
    // An administrator may organise for any centre, but not link the day to an event its centre does not run.
    expect((await as(w.H.admin, 'POST', '/api/v1/matchmaking', dayBody(theirs))).statusCode).toBe(400);

    const ours = await event(w.H.staff, w.centre.id);
    const d = await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(ours));
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().eventId).toBe(ours);
    const listed = (await as(w.H.anonymous, 'GET', `/api/v1/matchmaking?event=${ours}`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([d.json().id]);

    const shared = await event(w.H.otherStaff, w.otherCentre.id, [w.centre.id]);
    expect((await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(shared))).statusCode).toBe(201);

    const cancelled = await event(w.H.staff, w.centre.id);
    expect(
      (await as(w.H.staff, 'POST', `/api/v1/events/${cancelled}/cancel`, { reason: 'Sala non disponibile' }))
        .statusCode,
    ).toBe(200);
    const late = await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(cancelled));
    expect(late.statusCode, late.body).toBe(400);
    expect(pointers(late.body)).toEqual(['/body/eventId']);
  });

  it('outlives its event: a deleted event only clears the link', async () => {
    const ours = await event(w.H.staff, w.centre.id);
    const d = (await as(w.H.staff, 'POST', '/api/v1/matchmaking', dayBody(ours))).json();
    await expect(
      w.database.db.execute(sql`update matchmaking_days set event_id = ${crypto.randomUUID()} where id = ${d.id}`),
    ).rejects.toThrow();
    await w.database.db.execute(sql`delete from events where id = ${ours}`);
    const after = await as(w.H.anonymous, 'GET', `/api/v1/matchmaking/${d.id}`);
    expect(after.statusCode).toBe(200);
    expect(after.json().eventId).toBeNull();
  });
});
