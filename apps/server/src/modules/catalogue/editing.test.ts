import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appWithCentreMember } from '../../test/member-app.ts';
import { upsertTaxonomyTerms } from './catalogue.repo.ts';

// Records written through the API: every length limit and every code checked against its taxonomy, each problem
// listed by field; the OpenAPI document states the same limits.
let t: Awaited<ReturnType<typeof appWithCentreMember>>;
let app: FastifyInstance;
let h: Record<string, string>;
let centre: { id: string };

beforeAll(async () => {
  const l = (it: string) => ({ it, en: it });
  t = await appWithCentreMember('centre-manager', (database) =>
    upsertTaxonomyTerms(database.db, [
      { scheme: 'filiera', code: 'carta', label: l('Carta'), parentCode: null },
      { scheme: 's3', code: 's3-2021-2027', label: l('S3 2021-2027'), parentCode: null },
      { scheme: 's3', code: 's3-technology-priorities', label: l('Priorità'), parentCode: 's3-2021-2027' },
      {
        scheme: 's3',
        code: 's3-digital-technologies',
        label: l('Tecnologie digitali'),
        parentCode: 's3-technology-priorities',
      },
      { scheme: 's3', code: 'ris3-2014-2020', label: l('RIS3 2014-2020'), parentCode: null },
      { scheme: 's3', code: 'ris3-ict-photonics', label: l('ICT e fotonica'), parentCode: 'ris3-2014-2020' },
    ]),
  );
  ({ app, headers: h, centre } = t);
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: h, payload });
const pointers = (r: { json(): { errors?: { pointer: string; message: string }[] } }) =>
  Object.fromEntries((r.json().errors ?? []).map((e) => [e.pointer, e.message]));

describe('writing records through the API', () => {
  it('refuses unknown ATECO/NACE and filiera codes and a 400-character title, every problem at once', async () => {
    const r = await post('/api/v1/competences', {
      organization: centre.id,
      title: { it: 'x'.repeat(400) },
      sectors: ['XYZ', 'C17', 'ZZ99'],
      filiere: ['ZZ99'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(pointers(r)).toEqual({
      '/body/title/it': 'must be at most 200 characters',
      '/body/sectors/0': 'unknown NACE/ATECO code "XYZ"',
      '/body/sectors/2': 'unknown NACE/ATECO code "ZZ99"',
      '/body/filiere/0': 'unknown supply chain (filiera) "ZZ99"',
    });
  });

  it('accepts codes of the taxonomies', async () => {
    const r = await post('/api/v1/services', {
      organization: centre.id,
      title: { it: 'Prove di riciclabilità' },
      sectors: ['C17', 'C17.12'],
      filiere: ['carta'],
    });
    expect(r.statusCode, r.body).toBe(201);
  });

  it('gives records their own S3 priorities, from the current strategy only', async () => {
    const ok = await post('/api/v1/equipment', {
      organization: centre.id,
      title: { it: 'Camera climatica' },
      s3: ['s3-digital-technologies'],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().s3).toEqual(['s3-digital-technologies']);
    expect((await app.inject({ url: `/api/v1/equipment/${ok.json().id}` })).json().s3).toEqual([
      's3-digital-technologies',
    ]);
    const old = await post('/api/v1/equipment', {
      organization: centre.id,
      title: { it: 'Camera climatica' },
      s3: ['ris3-ict-photonics', 'nope'],
    });
    expect(pointers(old)).toEqual({
      '/body/s3/0': '"ris3-ict-photonics" belongs to an earlier S3 strategy: tag with the current (2021-2027) one',
      '/body/s3/1': 'unknown S3 priority "nope"',
    });
  });

  it('tags organisations with the current S3 strategy only, keeping tags of the earlier one that were there', async () => {
    const old = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${centre.id}`,
      headers: h,
      payload: { s3: ['ris3-ict-photonics'] },
    });
    expect(old.statusCode).toBe(400);
    expect(pointers(old)['/body/s3/0']).toMatch(/earlier S3 strategy/);
    const heading = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${centre.id}`,
      headers: h,
      payload: { s3: ['s3-technology-priorities'] },
    });
    expect(heading.statusCode).toBe(400);
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${centre.id}`,
      headers: h,
      payload: { s3: ['s3-digital-technologies'] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('states the same limits in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const body = (path: string, method: string) =>
      doc.paths[path][method].requestBody.content['application/json'].schema;
    const competence = body('/api/v1/competences', 'post');
    expect(competence.properties.title.properties.it.maxLength).toBe(200);
    expect(competence.properties.sectors.items.maxLength).toBe(100);
    expect(competence.properties.s3.description).toMatch(/2021-2027/);
    expect(competence.required).toEqual(expect.arrayContaining(['title']));
    const request = body('/api/v1/requests', 'post');
    expect(request.properties.title.minLength).toBeGreaterThan(0);
    expect(request.properties.description.minLength).toBeGreaterThan(0);
  });
});
