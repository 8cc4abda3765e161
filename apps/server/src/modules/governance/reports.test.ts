import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { governanceNetwork, seedRequests, type GovernanceNetwork } from '../../test/governance-fixture.ts';
import { recomputeHash } from './reports.service.ts';

// Verification reports: assembled from live data, commented by each centre, signed in the protocol's order, then
// immutable — through the API (409) and in the database itself (the trigger) — and reopened as a new revision.
let net: GovernanceNetwork;
let reportId: string;
let objectiveId: string;
const inject = (method: string, url: string, h: Record<string, string> | undefined, payload?: object) =>
  net.app.inject({ method: method as 'POST', url, headers: h ?? {}, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  net = await governanceNetwork();
  await seedRequests(net.database, [
    {
      submittedAt: '2025-02-03T09:00:00Z',
      confidentiality: 'confidential',
      state: 'closed',
      firstResponseAt: '2025-02-04T09:00:00Z',
      openedAt: '2025-02-05T09:00:00Z',
      closedAt: '2025-03-10T09:00:00Z',
      rating: 5,
    },
  ]);
  const o = await inject('POST', '/api/v1/objectives', net.h.region, {
    from: '2025-01-01',
    to: '2025-06-30',
    text: { it: 'Concludere almeno quattro richieste' },
    kpis: ['requests.closed'],
  });
  objectiveId = o.json().id;
  await inject('PUT', '/api/v1/kpi-targets', net.h.region, {
    kpi: 'requests.closed',
    from: '2025-01-01',
    to: '2025-06-30',
    target: 4,
  });
});
afterAll(() => net.close());

describe('a verification report', () => {
  it('is assembled as a draft from live KPIs and objectives with statuses by rule', async () => {
    for (const who of ['anonymous', 'company', 'staff', 'manager'])
      expect(
        (await inject('POST', '/api/v1/reports', net.h[who], { from: '2025-01-01', to: '2025-06-30' })).statusCode,
      ).toBe(who === 'anonymous' ? 401 : 403);
    const r = await inject('POST', '/api/v1/reports', net.h.nucleus, { from: '2025-01-01', to: '2025-06-30' });
    expect(r.statusCode, r.body).toBe(201);
    const rep = r.json();
    reportId = rep.id;
    expect(rep).toMatchObject({ state: 'draft', revision: 1, contentHash: null });
    expect(rep.kpis.find((k: { code: string }) => k.code === 'requests.closed')).toMatchObject({
      value: 1,
      target: 4,
      status: 'red',
    });
    expect(rep.objectives).toEqual([
      expect.objectContaining({ id: objectiveId, computedStatus: 'red', status: 'red' }),
    ]);
    expect(rep.signatures.map((s: { organization: string }) => s.organization)).toEqual([...net.centres, net.region]);
    expect(rep.nextSigner).toEqual({ organization: net.centres[0], role: 'centre' });
    const again = await inject('POST', '/api/v1/reports', net.h.region, { from: '2025-01-01', to: '2025-06-30' });
    expect(again.statusCode).toBe(409);
    const noProtocol = await inject('POST', '/api/v1/reports', net.h.region, { from: '2010-01-01', to: '2010-06-30' });
    expect(noProtocol.statusCode).toBe(409);
  });

  it("takes each centre's comment from that centre's nucleus member, and overrides only with a comment", async () => {
    const patch = (h: Record<string, string> | undefined, payload: object) =>
      inject('PATCH', `/api/v1/reports/${reportId}`, h, payload);
    for (const [i, c] of net.centres.entries())
      expect((await patch(net.nucleus[c], { comment: { text: `Osservazione del centro ${i + 1}` } })).statusCode).toBe(
        200,
      );
    expect((await patch(net.h.nucleus, { comment: { text: 'x', organization: net.centres[1] } })).statusCode).toBe(403);
    expect((await patch(net.h.region, { comment: { text: 'x' } })).statusCode).toBe(403);
    expect((await patch(net.h.staff, { conclusions: 'x' })).statusCode).toBe(403);
    const noComment = await patch(net.h.nucleus, { overrides: [{ objective: objectiveId, status: 'amber' }] });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/overrides/0/comment');
    const unknown = await patch(net.h.nucleus, {
      overrides: [{ objective: '00000000-0000-0000-0000-000000000000', status: 'amber', comment: 'Perché sì' }],
    });
    expect(unknown.statusCode).toBe(400);
    const ok = await patch(net.h.nucleus, {
      conclusions: 'Il semestre è andato come previsto.',
      adjustments: 'Aumentare le risorse per il triage.',
      overrides: [{ objective: objectiveId, status: 'amber', comment: 'Due richieste concluse a luglio.' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().objectives[0]).toMatchObject({ computedStatus: 'red', status: 'amber' });
    expect(ok.json().comments).toHaveLength(6);
  });

  it('is signed in order: each centre’s nucleus member, then the Region; out of turn is a conflict', async () => {
    const sign = (h: Record<string, string> | undefined) => inject('POST', `/api/v1/reports/${reportId}/sign`, h);
    expect((await sign(net.nucleus[net.centres[1]!])).statusCode).toBe(409);
    expect((await sign(net.h.region)).statusCode).toBe(409);
    expect((await sign(net.h.company)).statusCode).toBe(403);
    expect((await sign(net.h.admin)).statusCode).toBe(403);
    expect((await sign(undefined)).statusCode).toBe(401);
    for (const [i, c] of net.centres.entries()) {
      const r = await sign(net.nucleus[c]);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().state).toBe('signing');
      if (i === 0) {
        expect((await sign(net.nucleus[c])).statusCode).toBe(409); // twice
        expect(
          (await inject('PATCH', `/api/v1/reports/${reportId}`, net.h.nucleus, { conclusions: 'x' })).statusCode,
        ).toBe(409);
      }
    }
    const last = await sign(net.h.region);
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().state).toBe('signed');
    expect(last.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(last.json().signatures.every((s: { signedAt: string | null }) => s.signedAt)).toBe(true);
    expect(await recomputeHash(net.database.db, reportId)).toBe(last.json().contentHash);
  });

  it('once signed refuses changes through the API and in the database', async () => {
    expect((await inject('PATCH', `/api/v1/reports/${reportId}`, net.h.nucleus, { conclusions: 'x' })).statusCode).toBe(
      409,
    );
    expect((await inject('POST', `/api/v1/reports/${reportId}/sign`, net.h.region)).statusCode).toBe(409);
    const db = net.database.db;
    await expect(
      db.execute(sql`update verification_reports set conclusions = 'altro' where id = ${reportId}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`update verification_reports set state = 'draft' where id = ${reportId}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from verification_reports where id = ${reportId}`)).rejects.toThrow();
    await expect(
      db.execute(sql`update report_comments set comment = 'altro' where report_id = ${reportId}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`update report_signatures set signer_name = 'altro' where report_id = ${reportId}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from report_signatures where report_id = ${reportId}`)).rejects.toThrow();
    const r = await inject('GET', `/api/v1/reports/${reportId}`, net.h.region);
    expect(r.json()).toMatchObject({ state: 'signed', conclusions: 'Il semestre è andato come previsto.' });
  });

  it('exports a PDF and a CSV to the nucleus and the Region only', async () => {
    const pdf = await inject('GET', `/api/v1/reports/${reportId}/pdf`, net.h.region);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(3000);
    const csv = await inject('GET', `/api/v1/reports/${reportId}/csv`, net.h.nucleus);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('kind,code,label,value,unit,target,baseline,status,comment');
    expect(csv.body).toContain('requests.closed,Richieste concluse,1,count,4,,red');
    expect(csv.body).toContain('Due richieste concluse a luglio.');
    for (const who of ['anonymous', 'company', 'staff']) {
      const code = who === 'anonymous' ? 401 : 403;
      expect((await inject('GET', `/api/v1/reports/${reportId}/pdf`, net.h[who])).statusCode).toBe(code);
      expect((await inject('GET', `/api/v1/reports/${reportId}`, net.h[who])).statusCode).toBe(code);
      expect((await inject('GET', '/api/v1/reports', net.h[who])).statusCode).toBe(code);
    }
  });

  it('is reopened with a reason as a new revision, the signed one kept as it was', async () => {
    expect((await inject('POST', `/api/v1/reports/${reportId}/reopen`, net.h.nucleus, {})).statusCode).toBe(400);
    expect(
      (await inject('POST', `/api/v1/reports/${reportId}/reopen`, net.h.company, { reason: 'Errore' })).statusCode,
    ).toBe(403);
    const before = (await inject('GET', `/api/v1/reports/${reportId}`, net.h.region)).json();
    const r = await inject('POST', `/api/v1/reports/${reportId}/reopen`, net.h.region, {
      reason: 'Dati di luglio mancanti',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      revision: 2,
      previous: reportId,
      reopenReason: 'Dati di luglio mancanti',
      state: 'draft',
      contentHash: null,
    });
    expect(r.json().comments).toHaveLength(6);
    expect(r.json().signatures.every((s: { signedAt: string | null }) => !s.signedAt)).toBe(true);
    const old = (await inject('GET', `/api/v1/reports/${reportId}`, net.h.region)).json();
    expect({ ...old, state: 'signed' }).toEqual(before);
    expect(old.state).toBe('reopened');
    expect(
      (await inject('POST', `/api/v1/reports/${reportId}/reopen`, net.h.region, { reason: 'Di nuovo' })).statusCode,
    ).toBe(409);
    await expect(
      net.database.db.execute(sql`update verification_reports set state = 'signed' where id = ${reportId}`),
    ).rejects.toThrow();
    const list = await inject('GET', '/api/v1/reports', net.h.nucleus);
    expect(list.json()).toMatchObject({ total: 2, page: 1 });
  });
});
