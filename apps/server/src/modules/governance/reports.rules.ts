import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import { nucleusCentres } from './governance.policy.ts';

/**
 * Signing order and the content hash of verification reports: the pure part. Slots are signed in position order —
 * each centre's nucleus member (the protocol's order), then a Region officer.
 */
export interface Slot {
  position: number;
  organizationId: string;
  role: 'centre' | 'region';
  signedAt: Date | null;
}

/** May this actor sign this slot? A centre's slot: its nucleus member; the Region's: a Region officer. */
export function holdsSlot(actor: Actor, slot: Pick<Slot, 'organizationId' | 'role'>): boolean {
  if (actor.kind !== 'member' || !actor.userId) return false;
  if (slot.role === 'region') return actor.platformRole === 'region';
  return nucleusCentres(actor).includes(slot.organizationId);
}

export type SignDecision =
  | { ok: true; slot: Slot; last: boolean; first: boolean }
  | { ok: false; status: 403 | 409; reason: string };

/** Who signs next, and whether this actor may: out of turn (a signer whose slot is not next) is a conflict. */
export function decideSignature(actor: Actor, slots: Slot[]): SignDecision {
  const open = slots.filter((s) => !s.signedAt).sort((a, b) => a.position - b.position);
  const next = open[0];
  if (!next) return { ok: false, status: 409, reason: 'The report is signed by everyone already' };
  if (holdsSlot(actor, next))
    return { ok: true, slot: next, last: open.length === 1, first: open.length === slots.length };
  if (slots.some((s) => holdsSlot(actor, s)))
    return {
      ok: false,
      status: 409,
      reason: slots.some((s) => s.signedAt && holdsSlot(actor, s))
        ? 'You have signed this report already'
        : `Not your turn: the next signature is ${next.role === 'region' ? "the Region's" : `the nucleus member of ${next.organizationId}'s`}`,
    };
  return { ok: false, status: 403, reason: 'Only the signers of the protocol sign its verification reports' };
}

/** JSON with object keys in a fixed order, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
