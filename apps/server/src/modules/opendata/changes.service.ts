/**
 * The change feed: every change to a public record, in the order positions were given (decision 020). Followers pass
 * the last cursor they read as `after`; cursors never expire (the log is kept for good) and survive restarts.
 */
import type { Db, Tx } from '../../db/client.ts';
import * as repo from './opendata.repo.ts';
import { datasetByType } from './datasets.service.ts';

export interface ChangeItem {
  cursor: number;
  type: string;
  id: string;
  op: 'upsert' | 'delete';
  at: string;
  /**
   * The record as the public reads it now: null for a delete, and for an upsert whose record is no longer public
   * (a later entry of the feed deletes it), so nothing that stopped being public is ever served from the feed.
   */
  record: Record<string, unknown> | null;
}

/** At most this many entries per page. */
export const MAX_CHANGES_PAGE = 1000;

export async function listChanges(
  db: Db,
  base: string,
  after: number,
  limit: number,
): Promise<{ items: ChangeItem[]; next: number | null }> {
  await repo.publishChanges(db);
  const entries = await repo.changesAfter(db, after, limit);
  // The records of the upserts, read as the public reads them, one query per type.
  const records = new Map<string, Record<string, unknown>>();
  const byType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.op !== 'upsert') continue;
    const ids = byType.get(e.type) ?? new Set<string>();
    ids.add(e.id);
    byType.set(e.type, ids);
  }
  for (const [type, ids] of byType) {
    const d = datasetByType(type);
    if (!d?.byIds) continue;
    for (const row of await d.byIds(db, [...ids])) records.set(`${type}\u0000${d.id(row)}`, d.record(row, base));
  }
  const items = entries.map((e) => ({
    cursor: e.cursor!,
    type: e.type,
    id: e.id,
    op: e.op,
    at: e.at.toISOString(),
    record: e.op === 'upsert' ? (records.get(`${e.type}\u0000${e.id}`) ?? null) : null,
  }));
  return { items, next: items.length === limit ? items[items.length - 1]!.cursor : null };
}

/**
 * Records a change to a public record from code, in the caller's transaction — for modules whose records' visibility
 * a trigger cannot decide. Tables with a trigger (decision 020) need no call: their writes are logged whatever path
 * made them. Record `delete` only for a record that was public before, so no id of a private record is published.
 */
export function recordChange(tx: Tx, change: { type: string; id: string; op: 'upsert' | 'delete' }): Promise<void> {
  return repo.insertChange(tx, change);
}
