/**
 * The order to restore tables in: every table after the tables it refers to (ties by name, so a backup of the same
 * database always lists its tables the same way). Tables in a cycle (a meeting's agenda items and outcomes refer to
 * each other) keep the name order: their keys are deferrable, and a restore checks them at commit.
 */
export function restoreOrder(tables: { name: string; refers: string[] }[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const pending = new Map(tables.map((t) => [t.name, new Set(t.refers.filter((r) => names.has(r) && r !== t.name))]));
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending]
      .filter(([, deps]) => deps.size === 0)
      .map(([n]) => n)
      .sort();
    const next = ready.length ? ready : [[...pending.keys()].sort()[0]!];
    for (const n of next) {
      order.push(n);
      pending.delete(n);
      for (const deps of pending.values()) deps.delete(n);
    }
  }
  return order;
}

export const BACKUP_FORMAT = 'clock-backup/1';

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** Migrations the backed-up database had applied: a backup restores into the same or a later version. */
  migrations: { count: number; last: string | null };
  tables: string[];
}
