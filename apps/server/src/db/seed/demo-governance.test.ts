import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';
import { recomputeHash } from '../../modules/governance/reports.service.ts';

// The protocol's loop in the demo network, read through the API as the Region and the nucleus would.
let database: Database;
let app: FastifyInstance;
let region: Record<string, string>;
let nucleus: Record<string, string>;
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
  region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
  nucleus = await signInHeaders(app, 'chiara.lombardi@lucense.example.org', 'clock-demo');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo governance', () => {
  it('has the protocol of December 2019 with its parties in signing order, renewed', async () => {
    const [p] = (await app.inject({ url: '/api/v1/protocols' })).json().items;
    expect(p).toMatchObject({ signedOn: '2019-12-09', termMonths: 36, endsOn: '2028-12-08' });
    expect(p.parties.map((x: { organization: string }) => x.organization)).toEqual([
      'lucense',
      'asev',
      'cosvig',
      'cptm',
      'navigo',
      'tls',
      'regione-toscana',
    ]);
  });

  it('has two years of objectives with targets, and manual values with evidence', async () => {
    const objectives = (await app.inject({ url: '/api/v1/objectives?limit=100' })).json();
    expect(objectives.total).toBe(20);
    const targets = (await app.inject({ url: '/api/v1/kpi-targets' })).json().items;
    expect(targets.length).toBeGreaterThan(30);
    const values = (await app.inject({ url: '/api/v1/kpi-values', headers: region })).json().items;
    expect(values.length).toBeGreaterThan(4);
    expect(
      values.every(
        (v: { evidenceUrl: string; enteredBy: unknown }) => v.evidenceUrl.startsWith('https://') && v.enteredBy,
      ),
    ).toBe(true);
  });

  it('has one report signed by the six nucleus members and the Region, and one in progress', async () => {
    const list = (await app.inject({ url: '/api/v1/reports', headers: nucleus })).json();
    expect(list.items.map((r: { state: string }) => r.state).sort()).toEqual(['draft', 'signed']);
    const signed = list.items.find((r: { state: string }) => r.state === 'signed');
    const full = (await app.inject({ url: `/api/v1/reports/${signed.id}`, headers: region })).json();
    expect(full.signatures.map((s: { signer: string }) => s.signer)).toEqual([
      'Chiara Lombardi',
      'Marco Cecchi',
      'Francesca Rossi',
      'Andrea Galli',
      'Roberta Pellegrini',
      'Alessandro Conti',
      'Giovanni Bartoli',
    ]);
    expect(full.comments).toHaveLength(6);
    expect(await recomputeHash(database.db, signed.id)).toBe(signed.contentHash);
    const pdf = await app.inject({ url: `/api/v1/reports/${signed.id}/pdf`, headers: region });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (process.env.CLOCK_GOVERNANCE_PDF) fs.writeFileSync(process.env.CLOCK_GOVERNANCE_PDF, pdf.rawPayload);
    const draft = list.items.find((r: { state: string }) => r.state === 'draft');
    const d = (await app.inject({ url: `/api/v1/reports/${draft.id}`, headers: nucleus })).json();
    expect(d.nextSigner).toEqual({ organization: 'lucense', role: 'centre' });
    expect(d.kpis.find((k: { code: string }) => k.code === 'network.joint-proposals')).toBeDefined();
  });

  it('shows KPIs against targets and the coverage map with gaps and overlaps', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
    const k = (await app.inject({ url: `/api/v1/kpis?from=${from}&to=${today}`, headers: region })).json();
    expect(k.items.find((x: { code: string }) => x.code === 'requests.received').value).toBeGreaterThan(0);
    expect(k.items.some((x: { status: string }) => x.status !== 'none')).toBe(true);
    const cov = (await app.inject({ url: '/api/v1/s3/coverage' })).json();
    if (process.env.CLOCK_GOVERNANCE_COVERAGE)
      fs.writeFileSync(process.env.CLOCK_GOVERNANCE_COVERAGE, JSON.stringify(cov, null, 1));
    expect(cov.cells.length).toBeGreaterThan(5);
    expect(cov.gaps.length).toBeGreaterThan(0);
    expect(cov.overlaps.length).toBeGreaterThan(0);
  });
});
