import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { S3Coverage } from '@clock/contracts';
import { useDemoApp } from '../../test/demo-app.ts';
import { cellCode, cellsOf } from './coverage.rules.ts';
import { computeCoverage, S3_SOURCES } from './coverage.service.ts';

// Joint actions on the S3 coverage map of the demo network: they cover their cells for every centre taking part, and
// two centres working together are not counted as duplicating each other.
const demo = useDemoApp();

const cellsBy = (c: S3Coverage) => new Set(c.cells.map((x) => `${cellCode(x.priority, x.area)}|${x.organization}`));

describe('joint actions on the S3 coverage map', () => {
  it('cover their cells for the lead and the centre partners, and add no overlap', async () => {
    const map = (await demo.app.inject({ url: '/api/v1/s3/coverage' })).json() as S3Coverage;
    const offers = computeCoverage(await S3_SOURCES.find((s) => s.kind === 'offers')!.load(demo.database.db));
    const actions = (
      (await demo.database.db.execute(sql`select a.id::text, a.s3, array(select a.lead_organization_id
          union select p.organization_id from action_partners p join organizations o on o.id = p.organization_id
          where p.action_id = a.id and o.kind = 'centre') as centres
        from joint_actions a where a.visibility = 'public' and a.state <> 'cancelled' and cardinality(a.s3) > 0`)) as unknown as {
        rows: { id: string; s3: string[]; centres: string[] }[];
      }
    ).rows;
    const shared = actions.filter((a) => a.centres.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    const covered = cellsBy(map);
    for (const a of actions)
      for (const [p, ar] of cellsOf(a.s3))
        for (const c of a.centres) expect(covered, `${a.id} ${p}×${ar} ${c}`).toContain(`${cellCode(p, ar)}|${c}`);
    // Some centre is on a cell through its actions alone: the map says more than the offer did.
    const fromOffers = cellsBy(offers);
    expect([...covered].some((k) => !fromOffers.has(k))).toBe(true);
    expect(map.gaps.length).toBeLessThanOrEqual(offers.gaps.length);
    expect(map.gaps.length).toBeGreaterThan(0); // the map still shows where nobody works
    // The overlaps are the offer's: the partners of a shared action do not become a duplication, and no action is
    // among the records that overlap.
    expect(map.overlaps).toEqual(offers.overlaps);
    expect(map.overlaps.flatMap((o) => o.records).some((r) => r.type === 'action')).toBe(false);
  });

  it('leaves collaboration out of the overlap measure, even between identical texts', () => {
    const text = { it: 'Riciclo della vetroresina degli scafi a fine vita con pirolisi e recupero delle fibre' };
    const record = (organization: string, collaboration: boolean) => ({
      type: collaboration ? 'action' : 'competence',
      id: `${organization}-${collaboration}`,
      organization,
      s3: ['s3-advanced-materials', 's3-environment-energy'],
      title: text,
      text: [],
      collaboration,
    });
    const together = computeCoverage([record('cptm', true), record('navigo', true)]);
    expect(together.cells.map((c) => c.organization).sort()).toEqual(['cptm', 'navigo']);
    expect(together.overlaps).toEqual([]);
    const apart = computeCoverage([record('cptm', false), record('navigo', false)]);
    expect(apart.overlaps.map((o) => o.organizations)).toEqual([['cptm', 'navigo']]);
  });
});
