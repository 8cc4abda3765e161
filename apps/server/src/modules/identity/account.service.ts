import crypto from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { Mailer } from '../../core/mailer.ts';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../db/schema/index.ts';
import * as repo from './identity.repo.ts';
import { openSession, recordAudit, validatePassword } from './identity.service.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const HOURS = 3600_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RANK: Record<MembershipRole, number> = { company: 1, 'centre-staff': 1, 'centre-manager': 2, nucleus: 2 };

export interface AccountDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

async function issue(
  deps: AccountDeps,
  t: {
    purpose: 'verify-email' | 'reset-password' | 'invitation';
    email: string;
    userId?: string | null;
    organizationId?: string;
    role?: MembershipRole;
    createdBy?: string | null;
    hours: number;
  },
) {
  const secret = crypto.randomBytes(32).toString('base64url');
  await repo.insertOneTimeToken(deps.db, {
    id: sha256(secret),
    purpose: t.purpose,
    email: t.email,
    userId: t.userId ?? null,
    organizationId: t.organizationId ?? null,
    role: t.role ?? null,
    createdBy: t.createdBy ?? null,
    expiresAt: new Date(Date.now() + t.hours * HOURS),
  });
  return secret;
}

/**
 * Invites someone to an organisation with a role no stronger than the inviter's (admins: any) and e-mails the link.
 * Throws 401, 400, 403.
 */
export async function inviteMember(
  deps: AccountDeps,
  actor: Actor,
  input: { email: string; organization: string; role: string },
) {
  if (actor.kind !== 'member' || !actor.userId) throw new AppError('UNAUTHENTICATED');
  const email = input.email.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(email)) problems.push({ pointer: '/body/email', message: 'must be an e-mail address' });
  if (!(MEMBERSHIP_ROLES as readonly string[]).includes(input.role))
    problems.push({ pointer: '/body/role', message: `must be one of: ${MEMBERSHIP_ROLES.join(', ')}` });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The invitation has invalid fields', problems);
  const role = input.role as MembershipRole;
  const own = actor.memberships.find((m) => m.organization === input.organization);
  if (!(actor.platformRole === 'admin' || (own && RANK[own.role] >= 2 && RANK[role] <= RANK[own.role]))) {
    throw new AppError(
      'FORBIDDEN',
      "Only the organisation's managers invite people, with a role no stronger than their own",
    );
  }
  return sendInvitation(deps, actor.userId, { email, organization: input.organization, role });
}

/**
 * Issues an invitation and e-mails its link. The caller has checked that the inviter may invite to the organisation
 * with this role (managers above; a company's administrators through the companies module).
 */
export async function sendInvitation(
  deps: AccountDeps,
  inviterId: string,
  { email, organization, role }: { email: string; organization: string; role: MembershipRole },
) {
  const inviter = await repo.findUserById(deps.db, inviterId);
  await mailInvitation(deps, { email, organization, role, createdBy: inviterId, inviterName: inviter?.name ?? null });
  return { email, organization, role, expiresInDays: 7 };
}

/** Issues an invitation link (valid 7 days) and e-mails it; used for new invitations and to send one again. */
export async function mailInvitation(
  deps: AccountDeps,
  t: {
    email: string;
    organization: string;
    role: MembershipRole;
    createdBy: string | null;
    inviterName: string | null;
  },
) {
  const secret = await issue(deps, {
    purpose: 'invitation',
    email: t.email,
    organizationId: t.organization,
    role: t.role,
    createdBy: t.createdBy,
    hours: 7 * 24,
  });
  const link = `${deps.publicUrl}/invito/${secret}`;
  await deps.mailer.send({
    to: t.email,
    subject: `Invito a CL.O.C.K. / Invitation to CL.O.C.K. (${t.organization})`,
    text:
      `${t.inviterName ?? 'Un collega'} ti invita a unirti a ${t.organization} su CL.O.C.K.\nCrea il tuo account da questo link (valido 7 giorni):\n${link}\n\n` +
      `${t.inviterName ?? 'A colleague'} invites you to join ${t.organization} on CL.O.C.K.\nCreate your account from this link (valid for 7 days):\n${link}\n`,
  });
}

/** What an invitation link offers, for the sign-up page. Throws 404 when unknown, used or expired. */
export async function describeInvitation(deps: AccountDeps, secret: string) {
  const t = await repo.findUsableOneTimeToken(deps.db, sha256(secret), 'invitation');
  if (!t) throw new AppError('NOT_FOUND', 'This invitation is unknown, already used or expired');
  return { email: t.email, organization: t.organizationId!, role: t.role! };
}

/** Accepts an invitation: creates the account (its e-mail is proven by the link) and the membership; signs in. */
export async function acceptInvitation(
  deps: AccountDeps,
  secret: string,
  input: { name: string; password: string },
  userAgent: string | null,
) {
  const t = await repo.findUsableOneTimeToken(deps.db, sha256(secret), 'invitation');
  if (!t) throw new AppError('NOT_FOUND', 'This invitation is unknown, already used or expired');
  const problems: FieldProblem[] = [];
  if (!input.name.trim()) problems.push({ pointer: '/body/name', message: 'must not be empty' });
  problems.push(...validatePassword(input.password, '/body/password'));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The account has invalid fields', problems);
  if (await repo.findUserByEmail(deps.db, t.email)) {
    throw new AppError(
      'CONFLICT',
      'An account with this e-mail already exists: sign in first, then open the link again',
      [{ pointer: '/body/email', message: 'is already registered' }],
    );
  }
  const passwordHash = await hash(input.password, ARGON);
  return deps.db.transaction(async (tx) => {
    if (!(await repo.consumeOneTimeToken(tx, t.id))) throw new AppError('NOT_FOUND', 'This invitation was just used');
    const user = await repo.insertUser(tx, {
      email: t.email,
      name: input.name.trim(),
      passwordHash,
      platformRole: null,
      verified: true,
    });
    try {
      await repo.addMembership(tx, user.id, t.organizationId!, t.role!);
    } catch {
      throw new AppError('CONFLICT', `${t.organizationId} already has its nucleus representative`, [
        { pointer: '/body/role', message: 'the organisation already has a nucleus representative' },
      ]);
    }
    await recordAudit(
      tx,
      { kind: 'member', userId: user.id, tokenId: null, platformRole: null, memberships: [], csrfToken: null },
      {
        action: 'join',
        entityType: 'membership',
        entityId: `${user.id}:${t.organizationId}`,
        organizationId: t.organizationId,
        before: null,
        after: { role: t.role, invitedBy: t.createdBy },
      },
    );
    return openSession(tx, user.id, userAgent);
  });
}

/** Self sign-up: an account without memberships, usable once the e-mail is verified. Answers the same whether or not the address is known. */
export async function signUp(deps: AccountDeps, input: { email: string; name: string; password: string }) {
  const email = input.email.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(email)) problems.push({ pointer: '/body/email', message: 'must be an e-mail address' });
  if (!input.name.trim()) problems.push({ pointer: '/body/name', message: 'must not be empty' });
  problems.push(...validatePassword(input.password, '/body/password'));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The account has invalid fields', problems);
  const existing = await repo.findUserByEmail(deps.db, email);
  if (existing) {
    await deps.mailer.send({
      to: email,
      subject: 'CL.O.C.K.: hai già un account / you already have an account',
      text: `Qualcuno ha provato a registrarsi con questo indirizzo, che ha già un account. Se hai dimenticato la password: ${deps.publicUrl}/password-dimenticata\n\nSomeone tried to sign up with this address, which already has an account. Forgot your password? ${deps.publicUrl}/password-dimenticata\n`,
    });
    return;
  }
  const user = await repo.insertUser(deps.db, {
    email,
    name: input.name.trim(),
    passwordHash: await hash(input.password, ARGON),
    platformRole: null,
    verified: false,
  });
  const secret = await issue(deps, { purpose: 'verify-email', email, userId: user.id, hours: 48 });
  await deps.mailer.send({
    to: email,
    subject: 'CL.O.C.K.: conferma il tuo indirizzo / confirm your address',
    text: `Conferma il tuo indirizzo e-mail: ${deps.publicUrl}/verifica/${secret}\n\nConfirm your e-mail address: ${deps.publicUrl}/verifica/${secret}\n`,
  });
}

export async function verifyEmail(deps: AccountDeps, secret: string) {
  const t = await repo.findUsableOneTimeToken(deps.db, sha256(secret), 'verify-email');
  if (!t?.userId) throw new AppError('NOT_FOUND', 'This confirmation link is unknown, already used or expired');
  await deps.db.transaction(async (tx) => {
    await repo.consumeOneTimeToken(tx, t.id);
    await repo.markEmailVerified(tx, t.userId!);
  });
}

/** Sends a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(deps: AccountDeps, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new AppError('VALIDATION_FAILED', 'Invalid e-mail', [
      { pointer: '/body/email', message: 'must be an e-mail address' },
    ]);
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user || user.disabledAt) return;
  const secret = await issue(deps, { purpose: 'reset-password', email, userId: user.id, hours: 1 });
  await deps.mailer.send({
    to: email,
    subject: 'CL.O.C.K.: nuova password / new password',
    text: `Scegli una nuova password (link valido un'ora): ${deps.publicUrl}/nuova-password/${secret}\n\nChoose a new password (link valid for one hour): ${deps.publicUrl}/nuova-password/${secret}\n`,
  });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(deps: AccountDeps, secret: string, password: string) {
  const problems = validatePassword(password, '/body/password');
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The new password is not acceptable', problems);
  const t = await repo.findUsableOneTimeToken(deps.db, sha256(secret), 'reset-password');
  if (!t?.userId) throw new AppError('NOT_FOUND', 'This reset link is unknown, already used or expired');
  const passwordHash = await hash(password, ARGON);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.consumeOneTimeToken(tx, t.id))) throw new AppError('NOT_FOUND', 'This reset link was just used');
    await repo.setPassword(tx, t.userId!, passwordHash);
    await repo.markEmailVerified(tx, t.userId!);
    await repo.revokeUserSessions(tx, t.userId!);
  });
}
