import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { TEXT_LIMITS } from '../search/budget.rules.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildExpert, buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';

// Matching on a small catalogue written for the test: three centres, each strong on one aspect.
let database: Database;
let app: FastifyInstance;
const coatings = buildOrganization({ name: 'Centro Rivestimenti' });
const composites = buildOrganization({ name: 'Centro Compositi' });
const energy = buildOrganization({ name: 'Energy Centre' });
const weathering = buildOffer(coatings.id, {
  title: { it: 'Invecchiamento accelerato di vernici in camera UV' },
  description: { it: 'Prove di adesione e resistenza delle vernici marine.' },
});
const recycling = buildOffer(composites.id, {
  title: { it: 'Riciclo della vetroresina' },
  description: { it: 'Recupero delle fibre di vetro dagli scafi a fine vita.' },
});
const audit = buildOffer(energy.id, {
  title: { en: 'Energy audits for factories' },
  description: { en: 'We measure consumption and propose energy efficiency measures for plants and shipyards.' },
});
const hidden = buildExpert(energy.id, {
  name: 'Esperta Riservata',
  expertise: { it: 'diagnosi energetica' },
  publicProfile: false,
});

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [coatings, composites, energy],
      services: [weathering, audit],
      competences: [recycling],
      experts: [hidden],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const match = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/matching', payload });

describe('matching a problem to the network', () => {
  it('finds the aspects of a multi-aspect problem and a team covering all of them', async () => {
    const r = await match({
      text: 'Il nostro cantiere deve riciclare la vetroresina degli scafi, capire perché la vernice si stacca e ridurre i consumi energetici',
      limit: 10,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.aspects.length).toBeGreaterThanOrEqual(2);
    const ids = body.results.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([weathering.id, recycling.id, audit.id]));
    const best = body.teams[0];
    expect(best.organizations.length).toBeLessThanOrEqual(4);
    expect(best.missing).toEqual([]);
    expect(body.organizations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([coatings.id, composites.id, energy.id]),
    );
    for (const x of body.results)
      expect(x).toMatchObject({
        id: expect.any(String),
        type: expect.any(String),
        organization: expect.any(String),
        score: expect.any(Number),
        why: expect.any(Array),
      });
    const why = body.results.find((x: { id: string }) => x.id === recycling.id).why;
    expect(why.some((w: { matched: string[] }) => w.matched.some((m) => /vetroresina/i.test(m)))).toBe(true);
  });

  it('crosses languages: an English problem finds Italian records', async () => {
    const body = (await match({ text: 'We want to recycle fibreglass from old boat hulls', lang: 'en' })).json();
    expect(body.results[0].id).toBe(recycling.id);
    expect(body.organizations[0].id).toBe(composites.id);
  });

  it('keeps experts without consent out of anonymous answers', async () => {
    const body = (await match({ text: 'diagnosi energetica' })).json();
    expect(body.results.map((x: { id: string }) => x.id)).not.toContain(hidden.id);
  });

  it('answers hostile texts with a bounded answer, saying when a limit cut the text', async () => {
    const hostile = [
      'a'.repeat(10_000), // one huge word: before, about 5 s at 1,200 letters and 33 s at 2,400
      `https://${'ab.'.repeat(2000)}com/${'x-'.repeat(900)}`, // a long dotted "URL": before, over 2 minutes
      Array.from({ length: 1200 }, (_, i) => `w${(i * 7919).toString(36)}q`)
        .join(' ')
        .slice(0, 10_000), // thousands of distinct words
      'riciclo della vetroresina, vernice che si stacca; '.repeat(200).slice(0, 10_000), // repeated phrases and clauses
      `${'e\u0301'.repeat(1500)} ${'😀'.repeat(1000)} ${'ж字'.repeat(1000)}`, // combining marks, emoji, other scripts
      `ab${'.'.repeat(9990)}c`,
    ];
    for (const text of hostile) {
      const r = await match({ text, limit: 50 });
      expect(r.statusCode, text.slice(0, 40)).toBe(200);
      const body = r.json();
      expect(typeof body.truncated).toBe('boolean');
      expect(body.aspects.length).toBeLessThanOrEqual(TEXT_LIMITS.aspects);
      for (const a of body.aspects) expect(a.words.length).toBeLessThanOrEqual(TEXT_LIMITS.queryWords);
      expect(r.body.length).toBeLessThan(200_000);
    }
    expect((await match({ text: hostile[2] })).json().truncated).toBe(true);
    expect((await match({ text: 'riciclo della vetroresina' })).json().truncated).toBe(false);
  });

  it('refuses a text past the documented length with problem+json', async () => {
    const r = await match({ text: 'a '.repeat(5001) });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/text']);
  });

  it('rejects invalid input with every problem listed', async () => {
    const r = await match({ text: '', lang: 'fr', limit: 99, extra: true });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/extra', '/body/lang', '/body/limit', '/body/text'].sort());
  });
});
