import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/actor.ts';
import type { Database } from '../../db/client.ts';
import { freshDatabase } from '../../test/db.ts';
import { offerToRow, organizationToRow } from '../catalogue/bundle.rules.ts';
import * as repo from '../catalogue/catalogue.repo.ts';
import { SearchService, type SearchServiceOptions } from './search.service.ts';
import { readSnapshotHeader } from './search.snapshot.ts';

// A restart with the index's snapshot file answers as a full build would, including every change committed after
// the snapshot was written (it catches up from the snapshot's marker); a snapshot that does not fit is never used.
let database: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-snapshot-'));
const ORG = 'centro-istantanea';
const services: SearchService[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  await repo.upsertOrganizations(database.db, [
    organizationToRow({ id: ORG, kind: 'centre', name: 'Centro Istantanea', s3: ['s3-nautica'] }),
  ]);
  await repo.upsertOffers(
    database.db,
    Array.from({ length: 30 }, (_, i) =>
      offerToRow('service', {
        id: `snap-${i}`,
        organization: ORG,
        title: { it: `Saldatura laser di scafi ${i}`, en: `Laser welding of hulls ${i}` },
        description: { it: i % 2 ? 'Prove di fatica su compositi.' : 'Riciclo della vetroresina.' },
        kind: 'testing',
      }),
    ),
  );
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function service(file: string | null, more: SearchServiceOptions = {}) {
  const messages: string[] = [];
  const s = new SearchService(database.db, {
    snapshotFile: file,
    checkEveryMs: 0,
    log: (m) => messages.push(m),
    ...more,
  });
  services.push(s);
  return { s, messages };
}
const queries = ['saldatura laser', 'welding hulls', 'fatica compositi', 'vetroresna', 'scafi'];
async function answers(s: SearchService) {
  await s.ready();
  return Promise.all(
    queries.map(async (q) => {
      const r = await s.search(ANONYMOUS, { q, page: 1, limit: 50 });
      return { ...r, degraded: r.degraded ?? false };
    }),
  );
}
const ids = async (s: SearchService, q: string) =>
  (await s.search(ANONYMOUS, { q, organization: ORG, page: 1, limit: 100 })).hits.map((h) => h.id).sort();

describe('a restart with the index snapshot', () => {
  it('answers as a full build, and finds what was written after the snapshot', async () => {
    const file = path.join(dir, 'index.snapshot');
    // The first server keeps running: it follows the changes below the way a server that never restarted does.
    const first = service(file);
    await first.s.ready();
    await first.s.save();
    expect(readSnapshotHeader(file)?.documents).toBe(31);

    // Written after the snapshot: a new record, a changed title, a retirement.
    await repo.upsertOffers(database.db, [
      offerToRow('service', {
        id: 'snap-new',
        organization: ORG,
        title: { it: 'Saldatura a frizione' },
        kind: 'testing',
      }),
      offerToRow('service', {
        id: 'snap-0',
        organization: ORG,
        title: { it: 'Verniciatura di scafi' },
        kind: 'testing',
      }),
    ]);
    await repo.retireOffer(database.db, 'service', 'snap-1');

    const second = service(file);
    await second.s.ready();
    expect(second.messages.some((m) => m.includes('restored'))).toBe(true);
    expect(second.s.status()).toEqual({ ready: true, documents: 31 });
    const found = await ids(second.s, 'saldatura');
    expect(found).toContain('snap-new');
    expect(found).not.toContain('snap-0');
    expect(found).not.toContain('snap-1');
    expect(await ids(second.s, 'verniciatura')).toEqual(['snap-0']);

    // The same answers as the server that never restarted (an index that followed changes keeps their tombstones, so
    // its scores differ a little from a fresh build's; the restored one must be the same as the one that followed).
    const caughtUp = await answers(second.s);
    expect(caughtUp).toEqual(await answers(first.s));
    await first.s.close();

    // A clean shutdown writes what changed: the next start needs nothing more.
    await second.s.close();
    expect(readSnapshotHeader(file)?.documents).toBe(31);
    const third = service(file);
    expect(await answers(third.s)).toEqual(caughtUp);
    expect(third.messages.some((m) => m.includes('restored'))).toBe(true);
    await third.s.close();
  });

  it('builds from the database when the snapshot is corrupt, or from another analysis', async () => {
    const file = path.join(dir, 'checked.snapshot');
    const writer = service(file);
    await writer.s.ready();
    await writer.s.save();
    await writer.s.close();
    const good = fs.readFileSync(file);

    const corrupt = Buffer.from(good);
    corrupt[Math.floor(corrupt.length / 2)]! ^= 0xff;
    fs.writeFileSync(file, corrupt);
    const afterCorrupt = service(file);
    await afterCorrupt.s.ready();
    expect(afterCorrupt.messages.some((m) => m.includes('not used'))).toBe(true);
    expect(await ids(afterCorrupt.s, 'verniciatura')).toEqual(['snap-0']);
    // The full build wrote a good one in its place.
    await afterCorrupt.s.close();
    expect(readSnapshotHeader(file)).not.toBeNull();

    fs.writeFileSync(file, good.subarray(0, good.length - 10));
    const afterTruncation = service(file);
    await afterTruncation.s.ready();
    expect(afterTruncation.messages.some((m) => m.includes('restored'))).toBe(false);
    expect(await ids(afterTruncation.s, 'verniciatura')).toEqual(['snap-0']);
    await afterTruncation.s.close();

    fs.writeFileSync(file, good);
    const otherAnalysis = service(file, { worker: { analysis: { translationWeight: 0.123 } } });
    await otherAnalysis.s.ready();
    expect(otherAnalysis.messages.some((m) => m.includes('another analysis'))).toBe(true);
    expect(await ids(otherAnalysis.s, 'verniciatura')).toEqual(['snap-0']);
    await otherAnalysis.s.close();
  });

  it('is built again when records vanished without a trace (a restore that truncated the tables)', async () => {
    const file = path.join(dir, 'vanished.snapshot');
    const writer = service(file);
    await writer.s.ready();
    await writer.s.save();
    await writer.s.close();
    await database.db.execute(sql`delete from offers where id = 'snap-2'`);
    const after = service(file);
    await after.s.ready();
    expect(after.messages.some((m) => m.includes('building again'))).toBe(true);
    expect(await ids(after.s, 'scafi')).not.toContain('snap-2');
    expect(after.s.status().documents).toBe(30);
    await after.s.close();
  });

  it('is never taken from another database', async () => {
    const file = path.join(dir, 'elsewhere.snapshot');
    const writer = service(file);
    await writer.s.ready();
    await writer.s.save();
    await writer.s.close();
    const other = await freshDatabase();
    try {
      const s = new SearchService(other.db, { snapshotFile: file, checkEveryMs: 0 });
      services.push(s);
      await s.ready();
      expect(s.status()).toEqual({ ready: true, documents: 0 });
      await s.close();
    } finally {
      await other.close();
    }
  });
});
