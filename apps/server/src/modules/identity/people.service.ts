import { hash } from '@node-rs/argon2';
import type { Db } from '../../db/client.ts';
import type { AuditActor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { PLATFORM_ROLES, type MembershipRole, type PlatformRole, type Role } from '../../db/schema/index.ts';
import { mailInvitation, type AccountDeps } from './account.service.ts';
import { canAdministerPeople, canAssignRole, canChangeAccount } from './identity.policy.ts';
import { membershipError, recordAudit, ROLES, validatePassword } from './identity.service.ts';
import * as repo from './identity.repo.ts';
import * as people from './people.repo.ts';

// The administration of people: find them, change their roles, disable and re-enable accounts, send an invitation
// again. Used by the administration area (admins and Region officers) and by the `clock user` commands (an operator).

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const STATUSES = ['active', 'disabled', 'unverified'] as const;
export type PersonStatus = (typeof STATUSES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireAdministrator(actor: AuditActor) {
  if (actor.kind === 'operator') return;
  if (actor.kind !== 'member' || (!actor.userId && !actor.tokenId))
    throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!canAdministerPeople(actor))
    throw new AppError('FORBIDDEN', 'Only platform administrators and Region officers manage people');
}
const mayAssign = (actor: AuditActor, role: Role) => actor.kind === 'operator' || canAssignRole(actor, role);
const mayChange = (actor: AuditActor, target: { platformRole: PlatformRole | null }) =>
  actor.kind === 'operator' || canChangeAccount(actor, target);
const selfId = (actor: AuditActor) => (actor.kind === 'member' ? actor.userId : null);

type PersonRow = NonNullable<Awaited<ReturnType<typeof people.findPerson>>>;
type MembershipRow = Awaited<ReturnType<typeof people.membershipsOf>>[number];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(p: PersonRow, ms: MembershipRow[]) {
  const status: PersonStatus = p.disabledAt ? 'disabled' : p.emailVerifiedAt ? 'active' : 'unverified';
  return {
    id: p.id,
    email: p.email ?? '',
    name: p.name ?? '',
    platformRole: p.platformRole ?? null,
    status,
    memberships: ms
      .filter((m) => m.userId === p.id)
      .map((m) => ({ organization: m.organization, organizationName: m.organizationName, role: m.role })),
    createdAt: iso(p.createdAt)!,
    disabledAt: iso(p.disabledAt),
    lastSeenAt: iso(p.lastSeenAt),
  };
}
export type Person = ReturnType<typeof present>;

/** Finds people by name or e-mail, filtered by organisation, role and status; a page at a time, by name. */
export async function listPeople(
  db: Db,
  actor: AuditActor,
  query: { q?: string; organization?: string; role?: string; status?: string; page?: number; limit?: number },
) {
  requireAdministrator(actor);
  const problems: FieldProblem[] = [];
  if (query.role && !ROLES.includes(query.role as Role))
    problems.push({ pointer: '/query/role', message: `must be one of: ${ROLES.join(', ')}` });
  if (query.status && !(STATUSES as readonly string[]).includes(query.status))
    problems.push({ pointer: '/query/status', message: `must be one of: ${STATUSES.join(', ')}` });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Invalid filters', problems);
  const page = query.page ?? 1;
  const limit = query.limit ?? 20;
  const { rows, total } = await people.searchPeople(
    db,
    {
      q: query.q?.trim() || undefined,
      organization: query.organization || undefined,
      role: query.role || undefined,
      status: (query.status || undefined) as PersonStatus | undefined,
    },
    { offset: (page - 1) * limit, limit },
  );
  const ms = await people.membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, ms)), total, page, limit };
}

async function loadPerson(db: Db, ref: { id?: string; email?: string }) {
  let row: PersonRow | null = null;
  if (ref.id !== undefined) row = UUID.test(ref.id) ? await people.findPerson(db, ref.id) : null;
  else if (ref.email !== undefined) {
    const user = await repo.findUserByEmail(db, ref.email.trim().toLowerCase());
    row = user ? await people.findPerson(db, user.id) : null;
  }
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      ref.email !== undefined ? `No account with the e-mail ${ref.email}` : `No person with id "${ref.id}"`,
    );
  return row;
}

/** One person with their memberships, their pending invitations and the audit entries about them (newest first). */
export async function getPerson(db: Db, actor: AuditActor, ref: { id?: string; email?: string }) {
  requireAdministrator(actor);
  const row = await loadPerson(db, ref);
  const [ms, audit, invitations] = await Promise.all([
    people.membershipsOf(db, [row.id]),
    people.auditAbout(db, row.id, 200),
    row.email ? people.pendingInvitations(db, row.email) : [],
  ]);
  return {
    ...present(row, ms),
    history: audit.map((a) => ({
      at: iso(a.at)!,
      action: a.action,
      organization: a.organizationId,
      actor: a.actorLabel ?? a.actorName ?? (a.actorTokenId ? 'API token' : null),
      before: a.before ?? null,
      after: a.after ?? null,
    })),
    invitations: invitations.map(presentInvitation),
  };
}

function presentInvitation(i: Awaited<ReturnType<typeof people.pendingInvitations>>[number]) {
  return {
    id: i.id,
    email: i.email,
    organization: i.organization ?? '',
    role: i.role ?? '',
    invitedBy: i.invitedByName ?? null,
    createdAt: iso(i.createdAt)!,
    expiresAt: iso(i.expiresAt)!,
    expired: new Date(i.expiresAt).getTime() < Date.now(),
  };
}

/** Invitations not yet accepted (live or expired), newest first. */
export async function listInvitations(db: Db, actor: AuditActor) {
  requireAdministrator(actor);
  return (await people.pendingInvitations(db)).map(presentInvitation);
}

function checkRole(input: { role: string; organization?: string | null }): { role: Role; organization: string | null } {
  const problems: FieldProblem[] = [];
  const platform = (PLATFORM_ROLES as readonly string[]).includes(input.role);
  if (!ROLES.includes(input.role as Role))
    problems.push({ pointer: '/body/role', message: `must be one of: ${ROLES.join(', ')}` });
  else if (!platform && !input.organization)
    problems.push({ pointer: '/body/organization', message: `is required for the role ${input.role}` });
  else if (platform && input.organization)
    problems.push({
      pointer: '/body/organization',
      message: `must be left out: ${input.role} is a platform-wide role`,
    });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The role is not valid', problems);
  return { role: input.role as Role, organization: platform ? null : input.organization! };
}

/**
 * Gives a person a role: a platform role (admin, region), or a role in an organisation (replacing their role there).
 * The one nucleus member per centre rule holds (409). Audited. Returns the person afterwards.
 */
export async function grantRole(
  db: Db,
  actor: AuditActor,
  ref: { id?: string; email?: string },
  input: { role: string; organization?: string | null },
) {
  requireAdministrator(actor);
  const person = await loadPerson(db, ref);
  const { role, organization } = checkRole(input);
  if (!mayAssign(actor, role) || !mayChange(actor, person))
    throw new AppError('FORBIDDEN', 'Only platform administrators grant platform roles or change administrators');
  if (organization === null && person.platformRole === 'admin' && role !== 'admin' && selfId(actor) === person.id) {
    throw new AppError('CONFLICT', 'You cannot take away your own administrator role; ask another administrator');
  }
  await db.transaction(async (tx) => {
    if (organization === null) {
      if (person.platformRole === role) return;
      await people.setPlatformRole(tx, person.id, role as PlatformRole);
      await recordAudit(tx, actor, {
        action: 'grant-role',
        entityType: 'user',
        entityId: person.id,
        organizationId: null,
        before: { platformRole: person.platformRole },
        after: { platformRole: role },
      });
      return;
    }
    if (!(await people.organizationExists(tx, organization))) {
      throw new AppError('VALIDATION_FAILED', `Unknown organisation "${organization}"`, [
        { pointer: '/body/organization', message: `unknown organisation "${organization}"` },
      ]);
    }
    const before = await people.findMembership(tx, person.id, organization);
    if (before?.role === role) return;
    try {
      await repo.addMembership(tx, person.id, organization, role as MembershipRole);
    } catch (e) {
      throw membershipError(e, organization);
    }
    await recordAudit(tx, actor, {
      action: 'grant-role',
      entityType: 'user',
      entityId: person.id,
      organizationId: organization,
      before: before ? { organization, role: before.role } : null,
      after: { organization, role },
    });
  });
  return getPerson(db, actor, { id: person.id });
}

/** Takes a role away: the platform role, or the membership in an organisation (which must hold that role). Audited. */
export async function revokeRole(
  db: Db,
  actor: AuditActor,
  ref: { id?: string; email?: string },
  input: { role: string; organization?: string | null },
) {
  requireAdministrator(actor);
  const person = await loadPerson(db, ref);
  const { role, organization } = checkRole(input);
  if (!mayAssign(actor, role) || !mayChange(actor, person))
    throw new AppError('FORBIDDEN', 'Only platform administrators revoke platform roles or change administrators');
  if (organization === null && role === 'admin' && selfId(actor) === person.id) {
    throw new AppError('CONFLICT', 'You cannot take away your own administrator role; ask another administrator');
  }
  await db.transaction(async (tx) => {
    if (organization === null) {
      if (person.platformRole !== role)
        throw new AppError('NOT_FOUND', `${person.email} does not hold the role ${role}`);
      await people.setPlatformRole(tx, person.id, null);
      await recordAudit(tx, actor, {
        action: 'revoke-role',
        entityType: 'user',
        entityId: person.id,
        organizationId: null,
        before: { platformRole: role },
        after: { platformRole: null },
      });
      return;
    }
    const before = await people.findMembership(tx, person.id, organization);
    if (!before || before.role !== role)
      throw new AppError('NOT_FOUND', `${person.email} is not ${role} at ${organization}`);
    await people.removeMembership(tx, person.id, organization);
    await recordAudit(tx, actor, {
      action: 'revoke-role',
      entityType: 'user',
      entityId: person.id,
      organizationId: organization,
      before: { organization, role },
      after: null,
    });
  });
  return getPerson(db, actor, { id: person.id });
}

/**
 * Disables or re-enables an account. Disabling ends every session and revokes the API tokens the person created, in
 * the same transaction; nobody disables their own account here. Audited. Returns the person and what changed.
 */
export async function setAccountDisabled(
  db: Db,
  actor: AuditActor,
  ref: { id?: string; email?: string },
  disabled: boolean,
) {
  requireAdministrator(actor);
  const person = await loadPerson(db, ref);
  if (!mayChange(actor, person))
    throw new AppError('FORBIDDEN', 'Only platform administrators disable or enable an administrator');
  if (disabled && selfId(actor) === person.id) throw new AppError('CONFLICT', 'You cannot disable your own account');
  const changed = disabled !== !!person.disabledAt;
  let ended = { sessions: 0, tokens: 0 };
  if (changed) {
    await db.transaction(async (tx) => {
      ended = await people.setDisabled(tx, person.id, disabled);
      await recordAudit(tx, actor, {
        action: disabled ? 'disable-account' : 'enable-account',
        entityType: 'user',
        entityId: person.id,
        organizationId: null,
        before: { disabled: !disabled },
        after: disabled ? { disabled, sessionsEnded: ended.sessions, tokensRevoked: ended.tokens } : { disabled },
      });
    });
  }
  return {
    changed,
    sessionsEnded: ended.sessions,
    tokensRevoked: ended.tokens,
    person: await getPerson(db, actor, { id: person.id }),
  };
}

/** Sets a new password for an account (operators only, from standard input); every session of the account ends. Audited. */
export async function setPasswordAsOperator(db: Db, actor: AuditActor, ref: { email: string }, password: string) {
  if (actor.kind !== 'operator')
    throw new AppError('FORBIDDEN', 'Passwords are set by their owners (or with a reset link)');
  const problems = validatePassword(password);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The password is not acceptable', problems);
  const person = await loadPerson(db, ref);
  const passwordHash = await hash(password, ARGON);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, person.id, passwordHash);
    await repo.markEmailVerified(tx, person.id);
    await repo.revokeUserSessions(tx, person.id);
    await recordAudit(tx, actor, {
      action: 'set-password',
      entityType: 'user',
      entityId: person.id,
      organizationId: null,
      before: null,
      after: { sessionsEnded: true },
    });
  });
  return { email: person.email ?? '' };
}

/** Sends an invitation again: a new link valid 7 days replaces the old one (which stops working). Audited. */
export async function resendInvitation(deps: AccountDeps, actor: AuditActor, id: string) {
  requireAdministrator(actor);
  const invitation = /^[0-9a-f]{64}$/.test(id) ? await people.findPendingInvitation(deps.db, id) : null;
  if (!invitation?.organizationId || !invitation.role)
    throw new AppError('NOT_FOUND', 'No pending invitation with this id (it may have been accepted)');
  if (!mayAssign(actor, invitation.role)) throw new AppError('FORBIDDEN', 'You may not send this invitation');
  const inviter = selfId(actor) ? await repo.findUserById(deps.db, selfId(actor)!) : null;
  await deps.db.transaction(async (tx) => {
    if (!(await repo.consumeOneTimeToken(tx, invitation.id)))
      throw new AppError('NOT_FOUND', 'This invitation was just accepted');
    await recordAudit(tx, actor, {
      action: 'resend-invitation',
      entityType: 'invitation',
      entityId: invitation.email,
      organizationId: invitation.organizationId,
      before: null,
      after: { email: invitation.email, organization: invitation.organizationId, role: invitation.role },
    });
  });
  await mailInvitation(deps, {
    email: invitation.email,
    organization: invitation.organizationId,
    role: invitation.role,
    createdBy: selfId(actor) ?? invitation.createdBy,
    inviterName: inviter?.name ?? null,
  });
  return { email: invitation.email, organization: invitation.organizationId, role: invitation.role, expiresInDays: 7 };
}
