import type { Kpi, Report, ReportEdit } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './reports.repo.ts';
import { computeKpis, periodOrProblem } from './kpis.service.ts';
import { objectivesOverlapping } from './objectives.service.ts';
import { getProtocol, protocolFor } from './protocols.service.ts';
import { objectiveStatus, type Period, type Rag } from './kpis.rules.ts';
import { canonicalJson, decideSignature, sha256 } from './reports.rules.ts';
import { nucleusCentres, requireFullReader, requireSteer } from './governance.policy.ts';
import type { Ctx } from './objectives.service.ts';
import { actionsSection } from '../actions/action-report.service.ts';
import { meetingsSection } from '../meetings/meeting-report.service.ts';

/**
 * Periodic verification reports (issue 12 §5): assembled from live KPIs and objectives as a draft, commented by each
 * centre, signed in order by the nucleus member of each centre and then the Region, frozen with a SHA-256 content
 * hash (the database refuses changes to a signed revision), reopened only as a new revision with a reason.
 */

/** A part of the snapshot another module contributes (assembled for the report's period). */
export interface ReportSection {
  key: string;
  assemble(db: Db | Tx, period: Period, now: Date): Promise<unknown>;
}
export const REPORT_SECTIONS: ReportSection[] = [
  { key: 'actions', assemble: (db, period, now) => actionsSection(db, period, now) },
  { key: 'meetings', assemble: (db, period, now) => meetingsSection(db, period, now) },
];

export interface SnapshotObjective {
  id: string;
  reference: string;
  organization: string | null;
  text: { it?: string; en?: string };
  kpis: string[];
  values: Pick<Kpi, 'code' | 'value' | 'unit' | 'target' | 'status'>[];
  computedStatus: Rag;
}
export interface Snapshot {
  assembledAt: string;
  period: { from: string; to: string };
  protocol: { id: string; title: { it?: string; en?: string }; signedOn: string; endsOn: string };
  kpis: Kpi[];
  objectives: SnapshotObjective[];
  sections: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ref = (r: repo.ReportRow) => `V-${String(r.number).padStart(4, '0')}`;

/** The snapshot of a period from live data: network KPIs, objectives with their KPIs and computed statuses. */
export async function assemble(
  db: Db | Tx,
  period: Period,
  protocol: Snapshot['protocol'],
  now: Date,
): Promise<Snapshot> {
  const kpis = await computeKpis(
    db,
    period,
    { organization: null, includeConfidential: true },
    { publicOnly: false, lang: 'it' },
  );
  const objs = await objectivesOverlapping(db, period.from, period.to);
  const byScope = new Map<string | null, Kpi[]>([[null, kpis]]);
  for (const org of new Set(objs.map((o) => o.organization).filter((o): o is string => o !== null))) {
    const codes = [...new Set(objs.filter((o) => o.organization === org).flatMap((o) => o.kpis))];
    byScope.set(
      org,
      await computeKpis(
        db,
        period,
        { organization: org, includeConfidential: true },
        { publicOnly: false, lang: 'it', codes },
      ),
    );
  }
  const objectives = objs.map((o) => {
    const scoped = byScope.get(o.organization) ?? [];
    const values = o.kpis
      .map((c) => scoped.find((k) => k.code === c))
      .filter((k): k is Kpi => !!k)
      .map((k) => ({ code: k.code, value: k.value, unit: k.unit, target: k.target, status: k.status }));
    return {
      id: o.id,
      reference: o.reference,
      organization: o.organization,
      text: o.text,
      kpis: o.kpis,
      values,
      computedStatus: objectiveStatus(values.map((v) => v.status)),
    };
  });
  const sections: Record<string, unknown> = {};
  for (const s of REPORT_SECTIONS) sections[s.key] = await s.assemble(db, period, now);
  return {
    assembledAt: formatInstant(now.getTime()),
    period: { from: period.from, to: period.to },
    protocol,
    kpis,
    objectives,
    sections,
  };
}

/** Everything the signers sign: what the content hash covers. */
function signedContent(r: repo.ReportRow, comments: repo.CommentRow[], signatures: repo.SignatureRow[]) {
  return {
    id: r.id,
    reference: ref(r),
    revision: r.revision,
    previous: r.previousId,
    reopenReason: r.reopenReason,
    from: r.periodFrom,
    to: r.periodTo,
    snapshot: r.snapshot,
    conclusions: r.conclusions,
    adjustments: r.adjustments,
    overrides: r.overrides,
    comments: comments.map((c) => ({ organization: c.organizationId, comment: c.comment, author: c.authorName })),
    signatures: signatures.map((s) => ({
      position: s.position,
      organization: s.organizationId,
      role: s.role,
      signer: s.signerName,
      signedAt: s.signedAt ? s.signedAt.toISOString() : null,
    })),
  };
}

export async function presentReport(db: Db, r: repo.ReportRow): Promise<Report> {
  const [comments, signatures] = await Promise.all([repo.commentsOf(db, r.id), repo.signaturesOf(db, r.id)]);
  const snap = r.snapshot as unknown as Snapshot;
  const next = signatures.find((s) => !s.signedAt);
  return {
    id: r.id,
    reference: ref(r),
    from: r.periodFrom,
    to: r.periodTo,
    revision: r.revision,
    previous: r.previousId,
    reopenReason: r.reopenReason,
    state: r.state,
    conclusions: r.conclusions,
    adjustments: r.adjustments,
    kpis: snap.kpis,
    objectives: snap.objectives.map((o) => {
      const ov = r.overrides.find((x) => x.objective === o.id);
      return {
        ...o,
        status: ov?.status ?? o.computedStatus,
        override: ov ? { status: ov.status, comment: ov.comment } : null,
      };
    }),
    comments: comments.map((c) => ({
      organization: c.organizationId,
      comment: c.comment,
      author: c.authorName ?? '',
      at: formatInstant(c.updatedAt.getTime()),
    })),
    signatures: signatures.map((s) => ({
      position: s.position,
      organization: s.organizationId,
      role: s.role,
      signer: s.signerName,
      signedAt: s.signedAt ? formatInstant(s.signedAt.getTime()) : null,
    })),
    nextSigner:
      next && (r.state === 'draft' || r.state === 'signing')
        ? { organization: next.organizationId, role: next.role }
        : null,
    contentHash: r.contentHash,
    assembledAt: snap.assembledAt,
    sections: (snap.sections ?? {}) as Report['sections'],
    signedAt: r.signedAt ? formatInstant(r.signedAt.getTime()) : null,
  };
}

async function reportOr404(db: Db, id: string) {
  const r = UUID.test(id) ? await repo.findReport(db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', `No verification report with id "${id}"`);
  return r;
}

export async function listReports(db: Db, actor: Actor, q: { page?: number; limit?: number }) {
  requireFullReader(actor);
  const page = q.page ?? 1;
  const limit = q.limit ?? 20;
  const { items, total } = await repo.listReports(db, limit, (page - 1) * limit);
  const slots = await Promise.all(items.map((r) => repo.signaturesOf(db, r.id)));
  return {
    items: items.map((r, i) => ({
      id: r.id,
      reference: ref(r),
      from: r.periodFrom,
      to: r.periodTo,
      revision: r.revision,
      state: r.state,
      contentHash: r.contentHash,
      signedAt: r.signedAt ? formatInstant(r.signedAt.getTime()) : null,
      signatures: { given: slots[i]!.filter((x) => x.signedAt).length, of: slots[i]!.length },
    })),
    total,
    page,
    limit,
  };
}

export async function getReport(db: Db, actor: Actor, id: string) {
  requireFullReader(actor);
  return presentReport(db, await reportOr404(db, id));
}
/** The stored row, its presentation and the parties' names, for the exports. */
export async function reportForExport(db: Db, actor: Actor, id: string) {
  requireFullReader(actor);
  const row = await reportOr404(db, id);
  const protocol = await getProtocol(db, row.protocolId);
  const names = Object.fromEntries(protocol.parties.map((p) => [p.organization, p.name]));
  return { row, report: await presentReport(db, row), names };
}

/** The report's next signer(s) are told it awaits their signature (decision 015: through the notifications module). */
async function tellNextSigner(tx: Tx, ctx: ReportCtx, r: repo.ReportRow) {
  const next = (await repo.signaturesOf(tx, r.id)).find((s) => !s.signedAt);
  if (!next || !ctx.publicUrl) return;
  await notify(tx, ctx.publicUrl, {
    subject: {
      kind: 'verification-report',
      id: r.id,
      reference: ref(r),
      visibility: 'private',
      path: `/verifiche/${r.id}`,
    },
    event: { kind: 'report-signature-awaited', params: { from: r.periodFrom, to: r.periodTo } },
    audience: await repo.slotHolders(tx, next),
    accessTo: () => true,
    except: ctx.actor.kind === 'member' ? ctx.actor.userId : null,
  });
}
export type ReportCtx = Ctx & { publicUrl?: string };

export async function createReport(db: Db, ctx: ReportCtx, b: { from: string; to: string }, now = new Date()) {
  const actor = requireSteer(ctx.actor, null);
  const period = periodOrProblem(b.from, b.to, '/body');
  const existing = await repo.latestForPeriod(db, period.from, period.to);
  if (existing && existing.state !== 'reopened')
    throw new AppError(
      'CONFLICT',
      `The report of this period exists already (${ref(existing)}); reopen it to revise it`,
    );
  const protocol = await protocolFor(db, period.from, period.to);
  if (!protocol) throw new AppError('CONFLICT', 'No protocol is in force over this period');
  const snapshot = await assemble(db, period, protocol, now);
  const id = await db.transaction(async (tx) => {
    const r = await repo.insertReport(tx, {
      protocolId: protocol.id,
      periodFrom: period.from,
      periodTo: period.to,
      snapshot: snapshot as unknown as Record<string, unknown>,
      createdBy: actor.userId,
    });
    await repo.insertSlots(tx, slotsOf(r.id, protocol));
    await tellNextSigner(tx, ctx, r);
    await recordAudit(tx, actor, {
      action: 'report-create',
      entityType: 'verification-report',
      entityId: r.id,
      organizationId: null,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
    return r.id;
  });
  return presentReport(db, (await repo.findReport(db, id))!);
}

export const slotsOf = (reportId: string, protocol: { parties: { organization: string; role: string }[] }) =>
  protocol.parties.map((p, i) => ({
    reportId,
    position: i + 1,
    organizationId: p.organization,
    role: p.role as 'centre' | 'region',
  }));

export async function editReport(db: Db, ctx: Ctx, id: string, b: ReportEdit, now = new Date()) {
  const existing = await reportOr404(db, id);
  const actor = requireFullReader(ctx.actor);
  const wantsNucleusWork =
    b.conclusions !== undefined || b.adjustments !== undefined || b.overrides !== undefined || b.refresh;
  if (wantsNucleusWork) requireSteer(actor, null);
  let commentOrg: string | null = null;
  if (b.comment) {
    const mine = nucleusCentres(actor);
    commentOrg = b.comment.organization ?? (mine.length === 1 ? mine[0]! : null);
    if (!commentOrg || !mine.includes(commentOrg))
      throw new AppError('FORBIDDEN', "A centre's comment is written by that centre's nucleus member");
  }
  if (existing.state !== 'draft')
    throw new AppError('CONFLICT', `The report is ${existing.state}: only a draft changes (reopen a signed one)`);
  // Assembled before the transaction: the embedded database runs one transaction at a time.
  const fresh = b.refresh
    ? await assemble(
        db,
        periodOrProblem(existing.periodFrom, existing.periodTo),
        (existing.snapshot as unknown as Snapshot).protocol,
        now,
      )
    : null;
  await db.transaction(async (tx) => {
    const r = (await repo.lockReport(tx, id))!;
    if (r.state !== 'draft')
      throw new AppError('CONFLICT', `The report is ${r.state}: only a draft changes (reopen a signed one)`);
    const snapshot = fresh ?? (r.snapshot as unknown as Snapshot);
    if (b.overrides) {
      const ids = new Set(snapshot.objectives.map((o) => o.id));
      const problems: FieldProblem[] = b.overrides.flatMap((o, i) => [
        ...(ids.has(o.objective)
          ? []
          : [{ pointer: `/body/overrides/${i}/objective`, message: 'not an objective of this report' }]),
        ...(b.overrides!.findIndex((x) => x.objective === o.objective) !== i
          ? [{ pointer: `/body/overrides/${i}/objective`, message: 'overridden twice' }]
          : []),
      ]);
      if (problems.length) throw new AppError('VALIDATION_FAILED', 'The overrides are invalid', problems);
    }
    await repo.updateReport(tx, id, {
      ...(b.conclusions !== undefined ? { conclusions: b.conclusions } : {}),
      ...(b.adjustments !== undefined ? { adjustments: b.adjustments } : {}),
      ...(b.overrides !== undefined ? { overrides: b.overrides } : {}),
      ...(b.refresh ? { snapshot: snapshot as unknown as Record<string, unknown> } : {}),
    });
    if (b.comment && commentOrg)
      await repo.putComment(tx, {
        reportId: id,
        organizationId: commentOrg,
        comment: b.comment.text,
        authorId: actor.userId,
      });
    await recordAudit(tx, actor, {
      action: 'report-update',
      entityType: 'verification-report',
      entityId: id,
      organizationId: commentOrg,
      before: { conclusions: existing.conclusions, adjustments: existing.adjustments, overrides: existing.overrides },
      after: { ...b, ...(b.refresh ? { refresh: true } : {}) },
      requestId: ctx.requestId,
    });
  });
  return presentReport(db, (await repo.findReport(db, id))!);
}

export async function signReport(db: Db, ctx: ReportCtx, id: string, now = new Date()) {
  await reportOr404(db, id);
  if (ctx.actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const actor = ctx.actor;
  await db.transaction(async (tx) => {
    const r = (await repo.lockReport(tx, id))!;
    if (r.state === 'signed' || r.state === 'reopened') throw new AppError('CONFLICT', `The report is ${r.state}`);
    const slots = await repo.signaturesOf(tx, id);
    const d = decideSignature(actor, slots);
    if (!d.ok) throw new AppError(d.status === 409 ? 'CONFLICT' : 'FORBIDDEN', d.reason);
    const name = (await repo.userName(tx, actor.userId)) ?? 'unknown';
    await repo.sign(tx, id, d.slot.position, actor.userId, name, now);
    if (d.last) {
      const hash = await contentHashOf(tx, r);
      await repo.updateReport(tx, id, { state: 'signed', contentHash: hash, signedAt: now });
    } else {
      if (r.state === 'draft') await repo.updateReport(tx, id, { state: 'signing' });
      await tellNextSigner(tx, ctx, r);
    }
    await recordAudit(tx, actor, {
      action: 'report-sign',
      entityType: 'verification-report',
      entityId: id,
      organizationId: d.slot.organizationId,
      before: { state: r.state },
      after: { position: d.slot.position, role: d.slot.role, last: d.last },
      requestId: ctx.requestId,
    });
  });
  return presentReport(db, (await repo.findReport(db, id))!);
}

/** The SHA-256 of what was signed: the report, its snapshot, comments and signatures as stored now. */
export async function contentHashOf(db: Db | Tx, r: repo.ReportRow): Promise<string> {
  const comments = await repo.commentsOf(db, r.id);
  const signatures = await repo.signaturesOf(db, r.id);
  return sha256(canonicalJson(signedContent({ ...r, state: 'signed' }, comments, signatures)));
}

/** The content hash of a stored report computed again (equal to `content_hash` unless the rows were tampered with). */
export async function recomputeHash(db: Db, id: string): Promise<string> {
  return contentHashOf(db, await reportOr404(db, id));
}

export async function reopenReport(db: Db, ctx: ReportCtx, id: string, reason: string, now = new Date()) {
  const before = await reportOr404(db, id);
  const actor = requireSteer(ctx.actor, null);
  if (before.state !== 'signed')
    throw new AppError('CONFLICT', `Only a signed report is reopened (this one is ${before.state})`);
  const snapshot = await assemble(
    db,
    periodOrProblem(before.periodFrom, before.periodTo),
    (before.snapshot as unknown as Snapshot).protocol,
    now,
  );
  const newId = await db.transaction(async (tx) => {
    const r = (await repo.lockReport(tx, id))!;
    if (r.state !== 'signed')
      throw new AppError('CONFLICT', `Only a signed report is reopened (this one is ${r.state})`);
    const next = await repo.insertReport(tx, {
      protocolId: r.protocolId,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      revision: r.revision + 1,
      previousId: r.id,
      reopenReason: reason,
      conclusions: r.conclusions,
      adjustments: r.adjustments,
      overrides: r.overrides,
      snapshot: snapshot as unknown as Record<string, unknown>,
      createdBy: actor.userId,
    });
    await repo.copyComments(tx, r.id, next.id);
    const slots = await repo.signaturesOf(tx, r.id);
    await repo.insertSlots(
      tx,
      slots.map((s) => ({ reportId: next.id, position: s.position, organizationId: s.organizationId, role: s.role })),
    );
    await repo.markReopened(tx, r.id);
    await tellNextSigner(tx, ctx, next);
    await recordAudit(tx, actor, {
      action: 'report-reopen',
      entityType: 'verification-report',
      entityId: next.id,
      organizationId: null,
      before: { id: r.id, revision: r.revision },
      after: { reason, revision: next.revision },
      requestId: ctx.requestId,
    });
    return next.id;
  });
  return presentReport(db, (await repo.findReport(db, newId))!);
}
