import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionMilestones, actionPartners, jointActions, meetingOutcomes, meetings } from '../../db/schema/index.ts';
import { governanceNetwork, type GovernanceNetwork } from '../../test/governance-fixture.ts';

// The parts of a verification report the actions and meetings modules contribute (REPORT_SECTIONS): the joint actions
// under way in the period (on time / late / closed), the nucleus meetings held in it with their decisions and action
// items; both in the PDF and the CSV. And the next signer is told the report awaits their signature.
let net: GovernanceNetwork;
const inject = (method: string, url: string, h: Record<string, string> | undefined, payload?: object) =>
  net.app.inject({ method: method as 'POST', url, headers: h ?? {}, ...(payload ? { payload } : {}) });
const ids: Record<string, string> = {};

beforeAll(async () => {
  net = await governanceNetwork();
  const db = net.database.db;
  const [c1, c2, c3] = net.centres as [string, string, string];
  const action = async (key: string, row: Partial<typeof jointActions.$inferInsert>) => {
    const [a] = await db
      .insert(jointActions)
      .values({
        title: { it: `Azione ${key}` },
        leadOrganizationId: c1,
        startDate: '2025-01-10',
        endDate: '2025-12-31',
        state: 'running',
        ...row,
      })
      .returning();
    ids[key] = a!.id;
    return a!.id;
  };
  const onTime = await action('on-time', {});
  await db.insert(actionPartners).values({ actionId: onTime, organizationId: c2, role: 'partner' });
  await db.insert(actionMilestones).values([
    { actionId: onTime, title: { it: 'Primo' }, dueDate: '2025-03-01', doneAt: new Date('2025-02-20T10:00:00Z') },
    { actionId: onTime, title: { it: 'Secondo' }, dueDate: '2025-09-01', weight: 3 },
  ]);
  const late = await action('late', { leadOrganizationId: c3 });
  await db.insert(actionMilestones).values({ actionId: late, title: { it: 'Mancato' }, dueDate: '2025-04-01' });
  await action('closed', { state: 'closed', endDate: '2025-05-31', closedAt: new Date('2025-05-20T10:00:00Z') });
  await action('cancelled', { state: 'cancelled' });
  await action('later', { startDate: '2025-09-01', state: 'planned' });
  const [held] = await db
    .insert(meetings)
    .values({ startsAt: new Date('2025-03-12T09:00:00Z'), state: 'held', minutes: 'Verbale' })
    .returning();
  await db.insert(meetings).values({ startsAt: new Date('2025-06-20T09:00:00Z'), state: 'planned' });
  await db.insert(meetings).values({ startsAt: new Date('2025-08-20T09:00:00Z'), state: 'held' });
  await db.insert(meetingOutcomes).values([
    { meetingId: held!.id, kind: 'decision', text: 'Adottare il calendario comune', position: 1 },
    { meetingId: held!.id, kind: 'information', text: 'Aggiornamento dal centro 2', position: 2 },
    {
      meetingId: held!.id,
      kind: 'action',
      text: 'Preparare la scheda del bando',
      ownerUserId: net.users.nucleus2,
      dueDate: '2025-04-15',
      position: 3,
    },
    {
      meetingId: held!.id,
      kind: 'action',
      text: 'Inviare il prospetto',
      ownerUserId: net.users.nucleus1,
      dueDate: '2025-04-01',
      doneAt: new Date('2025-03-30T10:00:00Z'),
      position: 4,
    },
  ]);
  ids.meeting = held!.id;
});
afterAll(() => net.close());

describe('the sections of a verification report', () => {
  let reportId: string;
  it('holds the period’s joint actions, judged as of the period’s end, and the meetings held in it', async () => {
    const r = await inject('POST', '/api/v1/reports', net.h.region, { from: '2025-01-01', to: '2025-06-30' });
    expect(r.statusCode, r.body).toBe(201);
    reportId = r.json().id;
    const { actions, meetings: held } = r.json().sections;
    expect(actions.asOf).toBe('2025-06-30');
    const byTitle = Object.fromEntries(
      actions.items.map((a: { title: { it: string } }) => [a.title.it.replace('Azione ', ''), a]),
    );
    expect(Object.keys(byTitle).sort()).toEqual(['closed', 'late', 'on-time']);
    expect(byTitle['on-time']).toMatchObject({
      standing: 'on-time',
      onTime: null,
      progress: 25,
      lead: { id: net.centres[0], name: 'Centro 1' },
      partners: [{ id: net.centres[1], name: 'Centro 2' }],
    });
    expect(byTitle.late).toMatchObject({ standing: 'late', progress: 0, lead: { name: 'Centro 3' } });
    expect(byTitle.closed).toMatchObject({ standing: 'closed', onTime: true, progress: null });
    expect(actions.counts).toEqual({ onTime: 1, late: 1, closed: 1 });

    expect(held.items).toHaveLength(1);
    expect(held.items[0]).toMatchObject({
      id: ids.meeting,
      state: 'held',
      decisions: ['Adottare il calendario comune'],
      actions: [
        {
          text: 'Preparare la scheda del bando',
          owner: 'Persona nucleus2',
          due: '2025-04-15',
          open: true,
          overdue: true,
        },
        { text: 'Inviare il prospetto', owner: 'Persona nucleus1', due: '2025-04-01', open: false, overdue: false },
      ],
    });
  });

  it('shows them in the CSV and the PDF', async () => {
    const csv = await inject('GET', `/api/v1/reports/${reportId}/csv`, net.h.region);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines.filter((l) => l.startsWith('action,'))).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('action,') && l.includes('Azione late') && l.includes(',late,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('decision,') && l.includes('Adottare il calendario comune'))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('meeting-action,') && l.includes('Preparare la scheda') && l.includes('overdue')),
    ).toBe(true);
    const pdf = await inject('GET', `/api/v1/reports/${reportId}/pdf`, net.h.region);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('tells each signer in turn that the report awaits their signature', async () => {
    const awaited = async (h: Record<string, string>) =>
      (
        (await inject('GET', '/api/v1/notifications', h)).json().items as { kind: string; params: { path: string } }[]
      ).filter((n) => n.kind === 'report-signature-awaited' && n.params.path === `/verifiche/${reportId}`).length;
    const [c1, c2] = net.centres as [string, string];
    expect(await awaited(net.nucleus[c1]!)).toBe(1);
    expect(await awaited(net.nucleus[c2]!)).toBe(0);
    expect((await inject('POST', `/api/v1/reports/${reportId}/sign`, net.nucleus[c1])).statusCode).toBe(200);
    expect(await awaited(net.nucleus[c2]!)).toBe(1);
    expect(await awaited(net.h.region!)).toBe(0);
    for (const c of net.centres.slice(1))
      expect((await inject('POST', `/api/v1/reports/${reportId}/sign`, net.nucleus[c])).statusCode).toBe(200);
    expect(await awaited(net.h.region!)).toBe(1);
    expect(await awaited(net.nucleus[c1]!)).toBe(1);
    // The list says how far the signing has gone.
    const list = (await inject('GET', '/api/v1/reports', net.h.region)).json();
    expect(list.items.find((r: { id: string }) => r.id === reportId).signatures).toEqual({ given: 6, of: 7 });
  });
});
