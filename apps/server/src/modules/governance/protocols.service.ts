import type { ProtocolCreate, RenewalCreate } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { addDays } from '../../core/calendar.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './governance.repo.ts';
import { requireRegion } from './governance.policy.ts';
import type { Ctx } from './objectives.service.ts';

/**
 * The protocol of understanding: parties in signing order (the centres, then the Region), signature day, term and
 * renewals. A renewal extends the term from the previous end. The Region and administrators record them.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The day `months` months after `day`, less one (the last day in force). */
export function lastDayAfter(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const ty = y + Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const dim = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const target = `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`;
  return addDays(target, -1);
}

export async function listProtocols(db: Db | Tx) {
  const rows = await repo.listProtocols(db);
  const ids = rows.map((r) => r.id);
  const [parties, renewals] = await Promise.all([repo.partiesOf(db, ids), repo.renewalsOf(db, ids)]);
  return {
    items: rows.map((p) => {
      const mine = renewals.filter((r) => r.protocolId === p.id);
      let endsOn = lastDayAfter(p.signedOn, p.termMonths);
      for (const r of mine) endsOn = lastDayAfter(addDays(endsOn, 1), r.termMonths);
      return {
        id: p.id,
        title: p.title,
        signedOn: p.signedOn,
        place: p.place,
        termMonths: p.termMonths,
        endsOn,
        parties: parties
          .filter((x) => x.protocolId === p.id)
          .map((x) => ({ organization: x.organizationId, name: x.name, role: x.role })),
        renewals: mine.map((r) => ({ renewedOn: r.renewedOn, termMonths: r.termMonths, note: r.note ?? null })),
      };
    }),
  };
}
export type ProtocolView = Awaited<ReturnType<typeof listProtocols>>['items'][number];

export async function getProtocol(db: Db, id: string): Promise<ProtocolView> {
  const p = (await listProtocols(db)).items.find((x) => x.id === id);
  if (!p) throw new AppError('NOT_FOUND', `No protocol with id "${id}"`);
  return p;
}

/** The protocol in force over a period (the latest signed before its end), or null. */
export async function protocolFor(db: Db | Tx, from: string, to: string): Promise<ProtocolView | null> {
  return (await listProtocols(db)).items.find((p) => p.signedOn <= to && p.endsOn >= from) ?? null;
}

export async function createProtocol(db: Db, ctx: Ctx, b: ProtocolCreate) {
  const actor = requireRegion(ctx.actor);
  const problems: FieldProblem[] = [];
  const ids = b.parties.map((p) => p.organization);
  const known = new Map((await repo.organizationsOf(db, ids)).map((o) => [o.id, o]));
  b.parties.forEach((p, i) => {
    const o = known.get(p.organization);
    if (!o)
      problems.push({ pointer: `/body/parties/${i}/organization`, message: `no organisation "${p.organization}"` });
    else if (o.kind !== (p.role === 'region' ? 'region' : 'centre'))
      problems.push({ pointer: `/body/parties/${i}/role`, message: `"${p.organization}" is not a ${p.role}` });
    if (ids.indexOf(p.organization) !== i)
      problems.push({ pointer: `/body/parties/${i}/organization`, message: 'listed twice' });
  });
  const regions = b.parties.filter((p) => p.role === 'region').length;
  if (regions !== 1 || b.parties.at(-1)!.role !== 'region')
    problems.push({ pointer: '/body/parties', message: 'the Region signs last, once' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The protocol has invalid fields', problems);
  const id = await db.transaction(async (tx) => {
    const p = await repo.insertProtocol(
      tx,
      { title: b.title, signedOn: b.signedOn, place: b.place ?? null, termMonths: b.termMonths },
      b.parties.map((x) => ({ organizationId: x.organization, role: x.role })),
    );
    await recordAudit(tx, actor, {
      action: 'protocol-create',
      entityType: 'protocol',
      entityId: p.id,
      organizationId: null,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
    return p.id;
  });
  return getProtocol(db, id);
}

export async function renewProtocol(db: Db, ctx: Ctx, id: string, b: RenewalCreate) {
  const p = UUID.test(id) ? await repo.findProtocol(db, id) : null;
  if (!p) throw new AppError('NOT_FOUND', `No protocol with id "${id}"`);
  const actor = requireRegion(ctx.actor);
  if (b.renewedOn < p.signedOn)
    throw new AppError('VALIDATION_FAILED', 'The renewal has invalid fields', [
      { pointer: '/body/renewedOn', message: 'must not be before the signature' },
    ]);
  await db.transaction(async (tx) => {
    await repo.insertRenewal(tx, {
      protocolId: id,
      renewedOn: b.renewedOn,
      termMonths: b.termMonths,
      note: b.note ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'protocol-renew',
      entityType: 'protocol',
      entityId: id,
      organizationId: null,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
  });
  return getProtocol(db, id);
}
