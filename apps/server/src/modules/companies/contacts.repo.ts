import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { organizationContacts, recordContacts } from '../../db/schema/index.ts';

type Conn = Db | Tx;

export async function getContact(tx: Conn, organizationId: string) {
  const [r] = await tx
    .select()
    .from(organizationContacts)
    .where(eq(organizationContacts.organizationId, organizationId));
  return r ?? null;
}

export async function putContact(
  tx: Conn,
  organizationId: string,
  c: { email: string | null; phone: string | null; address: string | null; pec: string | null },
) {
  await tx
    .insert(organizationContacts)
    .values({ organizationId, ...c })
    .onConflictDoUpdate({ target: organizationContacts.organizationId, set: { ...c, updatedAt: sql`now()` } });
}

export async function getRecordContact(tx: Conn, recordType: string, recordId: string) {
  const [r] = await tx
    .select()
    .from(recordContacts)
    .where(and(eq(recordContacts.recordType, recordType), eq(recordContacts.recordId, recordId)));
  return r ?? null;
}

export async function putRecordContact(tx: Conn, row: typeof recordContacts.$inferInsert) {
  const { recordType: _t, recordId: _i, ...set } = row;
  await tx
    .insert(recordContacts)
    .values(row)
    .onConflictDoUpdate({
      target: [recordContacts.recordType, recordContacts.recordId],
      set: { ...set, updatedAt: sql`now()` },
    });
}

export async function deleteRecordContact(tx: Conn, recordType: string, recordId: string) {
  await tx
    .delete(recordContacts)
    .where(and(eq(recordContacts.recordType, recordType), eq(recordContacts.recordId, recordId)));
}
