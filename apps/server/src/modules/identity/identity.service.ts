import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { Actor, AuditActor, Member } from '../../core/actor.ts';
import {
  MEMBERSHIP_ROLES,
  PLATFORM_ROLES,
  type MembershipRole,
  type PlatformRole,
  type Role,
} from '../../db/schema/index.ts';
import * as repo from './identity.repo.ts';
import { forgetRegistrant } from '../events/registrations.service.ts';

export const SESSION_COOKIE = 'clock_session';
export const SESSION_DAYS = 14;
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verified against when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bNobXQIwy+UZhay+1MIPbw$yiiioL+f+lsLoeRV8+81/7hGRg073Vf4oGg75DXR0OU';
export const LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 900 };

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export function validatePassword(password: string, pointer = '/password'): FieldProblem[] {
  if (password.length < 10) return [{ pointer, message: 'must be at least 10 characters' }];
  if (password.length > 200) return [{ pointer, message: 'must be at most 200 characters' }];
  return [];
}

/** The stored form of a password (Argon2id). */
export const hashPassword = (password: string) => hash(password, ARGON);

export const ROLES: Role[] = [...PLATFORM_ROLES, ...MEMBERSHIP_ROLES];

/** Creates an account with a role (platform-wide, or in one organisation). Throws AppError VALIDATION_FAILED or CONFLICT. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: string; organization?: string; password: string },
  actor?: AuditActor,
) {
  const email = input.email.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push({ pointer: '/email', message: 'must be an e-mail address' });
  if (!input.name.trim()) problems.push({ pointer: '/name', message: 'must not be empty' });
  if (!ROLES.includes(input.role as Role))
    problems.push({ pointer: '/role', message: `must be one of: ${ROLES.join(', ')}` });
  const platform = (PLATFORM_ROLES as readonly string[]).includes(input.role);
  if (!platform && ROLES.includes(input.role as Role) && !input.organization)
    problems.push({ pointer: '/organization', message: `is required for the role ${input.role}` });
  problems.push(...validatePassword(input.password));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The account has invalid fields', problems);
  if (await repo.findUserByEmail(db, email))
    throw new AppError('CONFLICT', `An account for ${email} already exists`, [
      { pointer: '/email', message: 'is already registered' },
    ]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      email,
      name: input.name.trim(),
      passwordHash,
      platformRole: platform ? (input.role as PlatformRole) : null,
      verified: true,
    });
    if (!platform) {
      try {
        await repo.addMembership(tx, user.id, input.organization!, input.role as MembershipRole);
      } catch (e) {
        throw membershipError(e, input.organization!);
      }
    }
    if (actor) {
      await recordAudit(tx, actor, {
        action: 'create-account',
        entityType: 'user',
        entityId: user.id,
        organizationId: platform ? null : input.organization!,
        before: null,
        after: { email, name: user.name, role: input.role, organization: platform ? null : input.organization },
      });
    }
    return user;
  });
}

export function membershipError(e: unknown, organization: string): Error {
  const err = e as {
    code?: string;
    constraint?: string;
    message?: string;
    cause?: { code?: string; constraint?: string };
  };
  const code = err.code ?? err.cause?.code;
  const text = `${err.message ?? ''} ${err.constraint ?? ''} ${err.cause?.constraint ?? ''}`;
  if (code === '23505' || text.includes('one_nucleus')) {
    return new AppError('CONFLICT', `${organization} already has its nucleus representative`, [
      { pointer: '/role', message: 'the organisation already has a nucleus representative' },
    ]);
  }
  if (code === '23503' || text.includes('foreign key'))
    return new AppError('VALIDATION_FAILED', `Unknown organisation "${organization}"`, [
      { pointer: '/organization', message: `unknown organisation "${organization}"` },
    ]);
  return e as Error;
}

/**
 * Checks e-mail and password, rate-limited per account and per address (429 with the seconds to wait). The same 401
 * answers an unknown address and a wrong password, after the same work. Returns a new session's cookie value.
 */
export async function signIn(db: Db, input: { email: string; password: string; address: string; userAgent?: string }) {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${sha256(email)}`;
  const addressKey = `address:${input.address}`;
  for (const [key, limit] of [
    [accountKey, LIMITS.perAccount],
    [addressKey, LIMITS.perAddress],
  ] as const) {
    const f = await repo.readAuthFailures(db, key, LIMITS.windowSeconds);
    if (f.count >= limit) throw rateLimited(f.retryAfter);
  }
  const user = await repo.findUserByEmail(db, email);
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user?.passwordHash || !ok) {
    await repo.recordAuthFailure(db, accountKey, LIMITS.windowSeconds);
    await repo.recordAuthFailure(db, addressKey, LIMITS.windowSeconds);
    throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  }
  await repo.clearAuthFailures(db, accountKey);
  if (!user.emailVerifiedAt)
    throw new AppError('FORBIDDEN', 'Confirm your e-mail address first: follow the link we sent you');
  return openSession(db, user.id, input.userAgent ?? null);
}

function rateLimited(retryAfter: number) {
  const e = new AppError('RATE_LIMITED', `Too many failed sign-ins; try again in ${retryAfter} seconds`);
  (e as AppError & { retryAfter?: number }).retryAfter = retryAfter;
  return e;
}

/** Opens a session for an account; a disabled account gets none (403), whichever way it signed in. */
export async function openSession(db: Db | Tx, userId: string, userAgent: string | null) {
  const user = await repo.findUserById(db, userId);
  if (user?.disabledAt) throw new AppError('FORBIDDEN', "This account is disabled: ask the platform's administrators");
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await repo.insertSession(db, {
    id: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/** The actor behind a session cookie, or null when the session is unknown, expired or revoked. */
export async function actorFromSession(db: Db, token: string): Promise<Member | null> {
  const session = await repo.findLiveSession(db, sha256(token));
  if (!session) return null;
  const user = await repo.findUserById(db, session.userId);
  if (!user || user.disabledAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > 300_000) await repo.touchSession(db, session.id);
  return {
    kind: 'member',
    userId: user.id,
    tokenId: null,
    platformRole: user.platformRole ?? null,
    memberships: await repo.listMemberships(db, user.id),
    csrfToken: session.csrfToken,
  };
}

export async function signOut(db: Db, token: string) {
  await repo.revokeSession(db, sha256(token));
}
export async function signOutEverywhere(db: Db, actor: Actor) {
  if (actor.kind === 'member' && actor.userId) await repo.revokeUserSessions(db, actor.userId);
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(db: Db, actor: Actor, currentToken: string | null, current: string, next: string) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const problems = validatePassword(next, '/newPassword');
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The new password is not acceptable', problems);
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.passwordHash || !(await verify(user.passwordHash, current).catch(() => false))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is wrong', [
      { pointer: '/currentPassword', message: 'is wrong' },
    ]);
  }
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, await hash(next, ARGON));
    await repo.revokeUserSessions(tx, user.id, currentToken ? sha256(currentToken) : undefined);
  });
}

export async function describeMe(db: Db, actor: Actor) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return {
    id: user.id,
    email: user.email ?? '',
    name: user.name ?? '',
    locale: user.locale,
    platformRole: user.platformRole ?? null,
    memberships: actor.memberships,
    csrfToken: actor.csrfToken,
  };
}

/** Appends one entry to the audit trail (inside the caller's transaction). */
export function recordAudit(
  tx: Db | Tx,
  actor: AuditActor,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    organizationId: string | null;
    before: unknown;
    after: unknown;
    requestId?: string;
  },
) {
  return repo.appendAudit(tx, {
    actorUserId: actor.kind === 'member' ? actor.userId : null,
    actorTokenId: actor.kind === 'member' ? actor.tokenId : null,
    actorLabel: actor.kind === 'operator' ? actor.label : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    organizationId: entry.organizationId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}

export function historyOf(db: Db, entityType: string, entityId: string) {
  return repo.auditFor(db, entityType, entityId);
}

const ROLE_RANK: Record<MembershipRole, number> = { company: 1, 'centre-staff': 1, 'centre-manager': 2, nucleus: 2 };
const TOKEN_PREFIX = 'clock_';

/**
 * Creates an API token for an organisation with a role no stronger than the creator's own there (admins: any).
 * The secret is returned once and stored only as a hash.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; organization: string; role: string; expiresInDays?: number },
) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const problems: FieldProblem[] = [];
  if (!input.name.trim()) problems.push({ pointer: '/body/name', message: 'must not be empty' });
  if (!(MEMBERSHIP_ROLES as readonly string[]).includes(input.role))
    problems.push({ pointer: '/body/role', message: `must be one of: ${MEMBERSHIP_ROLES.join(', ')}` });
  const days = input.expiresInDays ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    problems.push({ pointer: '/body/expiresInDays', message: 'must be a whole number of days from 1 to 365' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The token has invalid fields', problems);
  const own = actor.memberships.find((m) => m.organization === input.organization);
  const role = input.role as MembershipRole;
  const allowed =
    actor.platformRole === 'admin' || (own && ROLE_RANK[own.role] >= 2 && ROLE_RANK[role] <= ROLE_RANK[own.role]);
  if (!allowed)
    throw new AppError(
      'FORBIDDEN',
      "Only the organisation's managers create its tokens, with a role no stronger than their own",
    );
  const secret = TOKEN_PREFIX + randomToken();
  try {
    const row = await repo.insertApiToken(db, {
      tokenHash: sha256(secret),
      name: input.name.trim(),
      organizationId: input.organization,
      role,
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + days * 86400_000),
    });
    return {
      id: row.id,
      name: row.name,
      organization: row.organizationId,
      role: row.role,
      expiresAt: row.expiresAt.toISOString(),
      token: secret,
    };
  } catch (e) {
    throw membershipError(e, input.organization);
  }
}

export async function actorFromApiToken(db: Db, secret: string): Promise<Member | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await repo.findLiveApiToken(db, sha256(secret));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 300_000) await repo.touchApiToken(db, row.id);
  return {
    kind: 'member',
    userId: null,
    tokenId: row.id,
    platformRole: null,
    memberships: [{ organization: row.organizationId, role: row.role }],
    csrfToken: null,
  };
}

export async function listApiTokens(db: Db, actor: Actor) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const orgs =
    actor.platformRole === 'admin'
      ? null
      : actor.memberships.filter((m) => ROLE_RANK[m.role] >= 2).map((m) => m.organization);
  const rows = await repo.listApiTokens(db, orgs);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organization: r.organizationId,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revoked: !!r.revokedAt,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findApiToken(db, id) : null;
  if (!row) throw new AppError('NOT_FOUND', `No API token with id "${id}"`);
  const own = actor.memberships.find((m) => m.organization === row.organizationId);
  if (!(actor.platformRole === 'admin' || (own && ROLE_RANK[own.role] >= 2)))
    throw new AppError('FORBIDDEN', "Only the organisation's managers revoke its tokens");
  await repo.revokeApiToken(db, id);
}

/** A person's own data, as one JSON document (GDPR access and portability). */
export async function exportPersonalData(db: Db, actor: Actor) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  return { exportedAt: new Date().toISOString(), ...(await repo.personalData(db, actor.userId)) };
}

/**
 * Deletes the signed-in person's account: personal data erased, memberships and sessions ended, tokens they created
 * revoked; the catalogue records and the audit trail stay, without the person. Accounts with a password must confirm it.
 */
export async function deleteAccount(db: Db, actor: Actor, password: string | undefined, publicUrl: string) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.passwordHash && !(password && (await verify(user.passwordHash, password).catch(() => false)))) {
    throw new AppError('VALIDATION_FAILED', 'Confirm with your password', [
      { pointer: '/body/password', message: 'is wrong' },
    ]);
  }
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'delete-account',
      entityType: 'user',
      entityId: user.id,
      organizationId: null,
      before: null,
      after: null,
    });
    await repo.eraseUser(tx, user.id);
    // Their event registrations lose their name and address too (a place they held goes to the next in line).
    await forgetRegistrant(tx, publicUrl, user.id, new Date());
  });
}
