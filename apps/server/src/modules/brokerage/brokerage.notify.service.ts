import type { Db, Tx } from '../../db/client.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './opportunities.repo.ts';
import { CENTRE_ROLES, opportunityRef } from './opportunities.rules.ts';

export interface Subject {
  id: string;
  number: number;
  title: { it?: string; en?: string };
  state: string;
  anonymous: boolean;
}

/** Events about an introduction and its outcomes: their link opens the introductions page, where they are answered. */
const INTRODUCTION_EVENTS = new Set(['introduction-made', 'outcome-asked', 'agreement-reported']);

/** Where a message's link lands: the introductions page, or the opportunity's page (with its interests and review). */
export const linkPath = (kind: string, opportunityId: string) =>
  INTRODUCTION_EVENTS.has(kind) ? '/introduzioni' : `/opportunita/${opportunityId}`;

/**
 * Tells the people of some organisations about an opportunity (or something that hangs on one: an interest, an
 * introduction), through the notifications module. An anonymous opportunity is a confidential subject there: its
 * title and every word of the event are left out (only its reference, state and link), so no message to anyone can
 * carry what might identify the company. `to`: the companies (their members) and centres (their staff) to tell.
 */
export async function tellAbout(
  tx: Db | Tx,
  publicUrl: string,
  o: Subject,
  kind: string,
  to: { companies?: string[]; centres?: string[] },
  params: Record<string, string> = {},
  except: string | null = null,
) {
  const companies = to.companies ?? [],
    centres = to.centres ?? [];
  const candidates = [
    ...(await repo.peopleOf(tx, companies, ['company'])),
    ...(await repo.peopleOf(tx, centres, [...CENTRE_ROLES])),
  ];
  const allowed = new Set([...companies, ...centres]);
  return notify(tx, publicUrl, {
    subject: {
      kind: 'opportunity',
      id: o.id,
      reference: opportunityRef(o.number),
      visibility: o.anonymous ? 'confidential' : 'network',
      title: o.title.it ?? o.title.en ?? null,
      state: o.state.replace(/-/g, '_'),
      path: linkPath(kind, o.id),
    },
    event: { kind, params },
    audience: candidates,
    // Only the organisations named for this event: a person of another organisation never reads it.
    accessTo: (c) => allowed.has(c.organization),
    except,
  });
}
