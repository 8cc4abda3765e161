import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceNetwork, seedOffers, seedRequests, type GovernanceNetwork } from '../../test/governance-fixture.ts';
import { buildOffer } from '../../test/factories.ts';

// KPIs computed from the platform's own rows, checked against the rows on both databases (the `server` and
// `postgres` projects run this file), objectives, targets, manual values and the S3 coverage map.
let net: GovernanceNetwork;
let ids: string[];
const H1 = 'from=2025-01-01&to=2025-06-30';
const kpisOf = async (h: Record<string, string>, q = H1) => {
  const r = await net.app.inject({ url: `/api/v1/kpis?${q}`, headers: h });
  expect(r.statusCode, r.body).toBe(200);
  return Object.fromEntries((r.json().items as { code: string }[]).map((k) => [k.code, k])) as unknown as Record<
    string,
    {
      value: number | null;
      target: number | null;
      status: string;
      numerator?: number;
      denominator?: number;
      source: string;
    }
  >;
};

beforeAll(async () => {
  net = await governanceNetwork();
  const [c1, c2, c3] = net.centres as [string, string, string];
  ids = await seedRequests(net.database, [
    // 0: answered after 1 working day (Fri → Mon), opened, team of two centres, closed and rated 4
    {
      submittedAt: '2025-01-10T09:00:00Z',
      confidentiality: 'public',
      state: 'closed',
      firstResponseAt: '2025-01-13T09:00:00Z',
      openedAt: '2025-01-15T09:00:00Z',
      closedAt: '2025-03-01T09:00:00Z',
      rating: 4,
      company: net.company,
      centres: [
        { organization: c1, team: 'lead' },
        { organization: c2, team: 'partner' },
      ],
      teamAgreedAt: '2025-01-20T09:00:00Z',
    },
    // 1: confidential, the same company again (a repeat), answered after 4 working days, a one-centre team
    {
      submittedAt: '2025-02-03T09:00:00Z',
      confidentiality: 'confidential',
      state: 'closed',
      firstResponseAt: '2025-02-07T09:00:00Z',
      openedAt: '2025-02-10T09:00:00Z',
      closedAt: '2025-04-10T09:00:00Z',
      rating: 2,
      company: net.company,
      centres: [{ organization: c3, team: 'lead' }],
      teamAgreedAt: '2025-02-20T09:00:00Z',
    },
    // 2: answered after 10 working days, declined
    {
      submittedAt: '2025-03-03T10:00:00Z',
      confidentiality: 'network',
      state: 'declined',
      firstResponseAt: '2025-03-17T10:00:00Z',
      companyName: 'Officina Rossi',
    },
    // 3: submitted before the period, closed in it (a Sunday), rated 5
    {
      submittedAt: '2024-12-20T10:00:00Z',
      confidentiality: 'network',
      state: 'closed',
      firstResponseAt: '2024-12-23T10:00:00Z',
      openedAt: '2024-12-23T11:00:00Z',
      closedAt: '2025-01-05T10:00:00Z',
      rating: 5,
      companyName: 'Bottega Verdi',
    },
    // 4: after the period
    { submittedAt: '2025-07-02T10:00:00Z', confidentiality: 'public', state: 'submitted', companyName: 'Altra' },
    // 5: 23:00 in Rome on the last day (21:00 UTC): inside; never answered; the same company by name as 3
    {
      submittedAt: '2025-06-30T21:00:00Z',
      confidentiality: 'network',
      state: 'submitted',
      companyName: 'bottega verdi',
    },
    // 6: 00:30 in Rome on the first day (23:30 UTC the day before): inside
    { submittedAt: '2024-12-31T23:30:00Z', confidentiality: 'network', state: 'submitted', companyName: 'Studio Neri' },
  ]);
});
afterAll(() => net.close());

describe('GET /kpis', () => {
  it('counts every request for the nucleus, the Region and administrators, days inclusive in Europe/Rome', async () => {
    for (const who of ['nucleus', 'region', 'admin']) {
      const k = await kpisOf(net.h[who]!);
      expect(k['requests.received']!.value, who).toBe(5);
      expect(k['requests.closed']!.value).toBe(3);
      expect(k['requests.first-answer.median-days']!.value).toBe(4);
      expect(k['requests.rating.mean']!.value).toBe(3.67);
      expect(k['requests.triaged-on-time']).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
      expect(k['requests.repeat-companies']!.value).toBe(2);
      expect(k['requests.multi-centre-teams']!.value).toBe(1);
      expect(k['bookings.outside-hours']!.value).toBe(0);
      expect(k['requests.received']!.status).toBe('none');
    }
  });

  it('agrees with the requests the nucleus can list', async () => {
    const list = await net.app.inject({ url: '/api/v1/requests?limit=200', headers: net.h.nucleus });
    expect(list.statusCode, list.body).toBe(200);
    const start = Date.parse('2024-12-31T23:00:00Z');
    const end = Date.parse('2025-06-30T22:00:00Z');
    const listed = (list.json().items as { id: string; submittedAt: string }[])
      .filter((r) => Date.parse(r.submittedAt) >= start && Date.parse(r.submittedAt) < end)
      .map((r) => r.id)
      .sort();
    const records = await net.app.inject({
      url: `/api/v1/kpis/requests.received/records?${H1}`,
      headers: net.h.nucleus,
    });
    expect(records.statusCode, records.body).toBe(200);
    expect([...records.json().items].sort()).toEqual(listed);
    expect(listed).toEqual([ids[0], ids[1], ids[2], ids[5], ids[6]].sort());
    const closed = await net.app.inject({ url: `/api/v1/kpis/requests.closed/records?${H1}`, headers: net.h.region });
    expect([...closed.json().items].sort()).toEqual([ids[0], ids[1], ids[3]].sort());
  });

  it('gives everyone else the public summary: non-confidential aggregates, no revenue, no record ids', async () => {
    for (const who of ['anonymous', 'company', 'staff']) {
      const r = await net.app.inject({ url: `/api/v1/kpis?${H1}`, headers: net.h[who]! });
      expect(r.json().scope).toBe('public');
      const k = await kpisOf(net.h[who]!);
      expect(k['requests.received']!.value).toBe(4);
      expect(k['requests.closed']!.value).toBe(2);
      expect(k['bookings.revenue']).toBeUndefined();
      const records = await net.app.inject({
        url: `/api/v1/kpis/requests.received/records?${H1}`,
        headers: net.h[who]!,
      });
      expect(records.statusCode).toBe(who === 'anonymous' ? 401 : 403);
    }
  });

  it("counts an organisation's share", async () => {
    const k = await kpisOf(net.h.admin!, `${H1}&organization=${net.centres[2]}`);
    expect(k['requests.received']!.value).toBe(1);
    expect(k['requests.multi-centre-teams']!.value).toBe(0);
    const missing = await net.app.inject({ url: `/api/v1/kpis?${H1}&organization=nobody`, headers: net.h.admin });
    expect(missing.statusCode).toBe(404);
  });

  it('shows no data as null, never 0, and a count of nothing as 0', async () => {
    const k = await kpisOf(net.h.admin!, 'from=2030-01-01&to=2030-01-31');
    expect(k['requests.received']!.value).toBe(0);
    expect(k['requests.first-answer.median-days']!.value).toBeNull();
    expect(k['requests.rating.mean']!.value).toBeNull();
    expect(k['requests.triaged-on-time']!.value).toBeNull();
  });

  it('rejects bad periods as problem+json naming the field', async () => {
    for (const q of [
      'from=2025-02-30&to=2025-03-01',
      'from=2025-03-01&to=2025-02-01',
      'from=N/A&to=2025-01-01',
      'to=2025-01-01',
    ]) {
      const r = await net.app.inject({ url: `/api/v1/kpis?${q}` });
      expect(r.statusCode, q).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors.length).toBeGreaterThan(0);
    }
  });
});

describe('targets and manual values', () => {
  it('rates each KPI against its pro-rata target, respecting its direction', async () => {
    const put = (payload: object) =>
      net.app.inject({ method: 'PUT', url: '/api/v1/kpi-targets', headers: net.h.region, payload });
    expect(
      (await put({ kpi: 'requests.received', from: '2025-01-01', to: '2025-12-31', target: 20, baseline: 10 }))
        .statusCode,
    ).toBe(200);
    expect((await put({ kpi: 'requests.closed', from: '2025-01-01', to: '2025-06-30', target: 4 })).statusCode).toBe(
      200,
    );
    expect(
      (await put({ kpi: 'requests.first-answer.median-days', from: '2025-01-01', to: '2025-12-31', target: 5 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await put({ kpi: 'requests.rating.mean', from: '2025-01-01', to: '2025-12-31', target: 4 })).statusCode,
    ).toBe(200);
    const k = await kpisOf(net.h.admin!);
    expect(k['requests.received']!.target).toBeCloseTo((20 * 181) / 365, 3);
    expect(k['requests.received']!.status).toBe('red');
    expect(k['requests.closed']!.status).toBe('amber');
    expect(k['requests.first-answer.median-days']!.status).toBe('green');
    expect(k['requests.rating.mean']!.status).toBe('green');
  });

  it('refuses "N/A" and text in numeric fields, naming each field', async () => {
    const r = await net.app.inject({
      method: 'PUT',
      url: '/api/v1/kpi-targets',
      headers: net.h.region,
      payload: { kpi: 'requests.received', from: '2025-01-01', to: '2025-12-31', target: 'N/A', baseline: 'circa 10' },
    });
    expect(r.statusCode).toBe(400);
    const pointers = (r.json().errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/target', '/body/baseline']));
  });

  it('takes manual values with evidence and who entered them, aggregated over the period', async () => {
    const def = await net.app.inject({
      method: 'POST',
      url: '/api/v1/kpi-definitions',
      headers: net.h.nucleus,
      payload: {
        code: 'network.publications',
        label: { it: 'Pubblicazioni congiunte', en: 'Joint publications' },
        unit: 'count',
        kind: 'count',
        direction: 'up',
        aggregation: 'sum',
      },
    });
    expect(def.statusCode, def.body).toBe(201);
    const put = (payload: object, h = net.h.nucleus) =>
      net.app.inject({ method: 'PUT', url: '/api/v1/kpi-values', headers: h, payload });
    const na = await put({
      kpi: 'network.publications',
      from: '2025-01-01',
      to: '2025-03-31',
      value: 'N/A',
      evidenceUrl: 'https://example.org/a',
    });
    expect(na.statusCode).toBe(400);
    expect(na.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/value');
    const noEvidence = await put({ kpi: 'network.publications', from: '2025-01-01', to: '2025-03-31', value: 3 });
    expect(noEvidence.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/evidenceUrl');
    const computed = await put({
      kpi: 'requests.received',
      from: '2025-01-01',
      to: '2025-03-31',
      value: 3,
      evidenceUrl: 'https://example.org/a',
    });
    expect(computed.statusCode).toBe(400);
    const ok = await put({
      kpi: 'network.publications',
      from: '2025-01-01',
      to: '2025-03-31',
      value: 3,
      evidenceUrl: 'https://example.org/q1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().enteredBy.name).toBe('Persona nucleus1');
    await put({
      kpi: 'network.publications',
      from: '2025-04-01',
      to: '2025-06-30',
      value: 2,
      evidenceUrl: 'https://example.org/q2',
    });
    const k = await kpisOf(net.h.anonymous!);
    expect(k['network.publications']).toMatchObject({ value: 5, source: 'manual' });
    expect((await kpisOf(net.h.admin!, 'from=2026-01-01&to=2026-06-30'))['network.publications']!.value).toBeNull();
    // A company may not enter values.
    expect(
      (
        await put(
          {
            kpi: 'network.publications',
            from: '2025-01-01',
            to: '2025-03-31',
            value: 1,
            evidenceUrl: 'https://example.org/x',
          },
          net.h.company,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('objectives', () => {
  it('are created, listed, changed and removed by the nucleus and the Region; private ones are theirs', async () => {
    const create = (h: Record<string, string>, payload: object) =>
      net.app.inject({ method: 'POST', url: '/api/v1/objectives', headers: h, payload });
    const a = await create(net.h.nucleus!, {
      from: '2025-01-01',
      to: '2025-06-30',
      text: { it: 'Rispondere entro cinque giorni', en: 'Answer within five days' },
      kpis: ['requests.first-answer.median-days'],
      s3: ['s3-advanced-materials'],
    });
    expect(a.statusCode, a.body).toBe(201);
    const b = await create(net.h.region!, {
      from: '2025-01-01',
      to: '2025-12-31',
      organization: net.centres[1],
      text: { it: 'Obiettivo interno' },
      public: false,
    });
    expect(b.statusCode).toBe(201);
    // The nucleus member of centre 1 may not set centre 2's objectives.
    expect(
      (
        await create(net.h.nucleus!, {
          from: '2025-01-01',
          to: '2025-12-31',
          organization: net.centres[1],
          text: { it: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await create(net.h.region!, {
      from: '2025-05-01',
      to: '2025-01-01',
      text: { it: 'x' },
      kpis: ['no.such'],
      s3: ['s3-nowhere'],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/kpis/0', '/body/s3/0', '/body/to']);
    const pub = await net.app.inject({ url: '/api/v1/objectives?limit=50' });
    expect(pub.json()).toMatchObject({ total: 1, page: 1, limit: 50 });
    const all = await net.app.inject({
      url: '/api/v1/objectives?from=2025-01-01&to=2025-12-31',
      headers: net.h.nucleus,
    });
    expect(all.json().total).toBe(2);
    expect((await net.app.inject({ url: `/api/v1/objectives/${b.json().id}` })).statusCode).toBe(404);
    const patched = await net.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${a.json().id}`,
      headers: net.h.region,
      payload: { text: { it: 'Rispondere entro quattro giorni' } },
    });
    expect(patched.json().text.it).toBe('Rispondere entro quattro giorni');
    const del = await net.app.inject({
      method: 'DELETE',
      url: `/api/v1/objectives/${b.json().id}`,
      headers: net.h.admin,
    });
    expect(del.statusCode).toBe(204);
  });
});

describe('GET /s3/coverage', () => {
  it('maps centres onto the matrix, lists gaps, and finds two centres offering the same', async () => {
    const [c1, c2, c3] = net.centres as [string, string, string];
    const fatigue = {
      it: 'Prove di fatica su materiali compositi e giunzioni incollate per la nautica, analisi della rottura',
    };
    await seedOffers(net.database, [
      buildOffer(c1, {
        title: { it: 'Prove di fatica sui compositi' },
        description: fatigue,
        s3: ['s3-advanced-materials', 's3-health'],
      }),
      buildOffer(c2, {
        title: { it: 'Fatica dei materiali compositi' },
        description: fatigue,
        s3: ['s3-advanced-materials', 's3-health'],
      }),
      buildOffer(c3, {
        title: { it: 'Sequenziamento genomico' },
        description: { it: 'Analisi bioinformatica di genomi batterici per la sicurezza alimentare' },
        s3: ['s3-life-technologies', 's3-health'],
      }),
    ]);
    const r = await net.app.inject({ url: '/api/v1/s3/coverage' });
    expect(r.statusCode, r.body).toBe(200);
    const cov = r.json();
    const cell = (p: string, a: string) =>
      cov.cells.filter((c: { priority: string; area: string }) => c.priority === p && c.area === a);
    expect(
      cell('s3-advanced-materials', 's3-health')
        .map((c: { organization: string }) => c.organization)
        .sort(),
    ).toEqual([c1, c2].sort());
    expect(cell('s3-life-technologies', 's3-health')).toEqual([
      { priority: 's3-life-technologies', area: 's3-health', organization: c3, records: 1 },
    ]);
    expect(cov.gaps).toContainEqual({ priority: 's3-digital-technologies', area: 's3-culture' });
    expect(cov.gaps).not.toContainEqual({ priority: 's3-advanced-materials', area: 's3-health' });
    const overlap = cov.overlaps.find(
      (o: { priority: string; area: string }) => o.priority === 's3-advanced-materials' && o.area === 's3-health',
    );
    expect(overlap.organizations.sort()).toEqual([c1, c2].sort());
    expect(overlap.similarity).toBeGreaterThan(0.5);
    expect(overlap.records).toHaveLength(2);
    expect(cov.overlaps.some((o: { organizations: string[] }) => o.organizations.includes(c3))).toBe(false);
    // A new record is read on the next call (only the changed rows are read again).
    await seedOffers(net.database, [
      buildOffer(c1, {
        title: { it: 'Sequenziamento genomico' },
        description: { it: 'Analisi bioinformatica di genomi batterici per la sicurezza alimentare' },
        s3: ['s3-life-technologies', 's3-health'],
      }),
    ]);
    const after = (await net.app.inject({ url: '/api/v1/s3/coverage' })).json();
    expect(
      after.overlaps
        .find(
          (o: { area: string; priority: string }) => o.priority === 's3-life-technologies' && o.area === 's3-health',
        )
        .organizations.sort(),
    ).toEqual([c1, c3].sort());
  });
});
