import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, networkSettings, organizations, users } from '../../db/schema/index.ts';

/** The demo setting written when the demo people were created; null in any other installation. */
export async function demoSetting(db: Db): Promise<unknown> {
  const [row] = await db.select().from(networkSettings).where(eq(networkSettings.key, 'demo'));
  return row?.value ?? null;
}

/** Of the given addresses, the live accounts with their platform role and memberships (with organisation names). */
export async function liveAccounts(db: Db, emails: string[]) {
  if (!emails.length) return [];
  const rows = await db
    .select({
      email: users.email,
      name: users.name,
      platformRole: users.platformRole,
      role: memberships.role,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(inArray(users.email, emails), isNull(users.deletedAt)));
  return rows;
}
