import type { Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { notify, type NotifySubject, type Visibility } from '../notifications/notifications.service.ts';
import * as repo from './requests.repo.ts';
import { accessTo, requestRef } from './requests.rules.ts';

/** Who an event on a request is for, before the visibility rule is applied. */
export interface Audience {
  /** The message's kind (`request-declined`). */
  kind: string;
  /** The company's side: whoever submitted it and the company's members. */
  owners?: boolean;
  /** Everyone with one of these roles (`nucleus`, `centre-manager`). */
  roles?: string[];
  /** The members of these organisations. */
  organizations?: string[];
  /** The sentence's values (names, reasons, dates); the notifications module drops all but dates for a confidential request. */
  extra?: Record<string, string>;
  urgent?: boolean;
}

const VISIBILITY: Record<repo.RequestRow['confidentiality'], Visibility> = {
  public: 'public',
  network: 'network',
  confidential: 'confidential',
};

/** The request as the notifications module sees it: its reference, tier, state and title (dropped when confidential). */
export const requestSubject = (r: repo.RequestRow): NotifySubject => ({
  kind: 'request',
  id: r.id,
  reference: requestRef(r.number),
  visibility: VISIBILITY[r.confidentiality],
  title: r.title,
  state: r.state,
  path: `/richieste/${r.id}`,
});

const asActor = (u: repo.Recipient): Actor => ({
  kind: 'member',
  userId: u.id,
  tokenId: null,
  platformRole: u.platformRole,
  memberships: u.memberships,
  csrfToken: null,
});

/**
 * Notifies the audience of an event on a request, except the person who acted. The candidates are the people the
 * event is for; the notifications module keeps those `accessTo` lets read the whole request and writes a confidential
 * request's messages without its words.
 */
export async function tellPeople(
  deps: { publicUrl: string },
  tx: Tx,
  r: repo.RequestRow,
  centres: repo.CentreRow[],
  a: Audience,
  except: Member | null,
) {
  const candidates = await repo.usersFor(tx, {
    organizations: [
      ...(a.organizations ?? []),
      ...(a.owners && r.companyOrganizationId ? [r.companyOrganizationId] : []),
    ],
    roles: a.roles ?? [],
    userIds: a.owners && r.submittedBy ? [r.submittedBy] : [],
  });
  const facts = repo.toFacts(r, centres);
  // Owners-only events go to the company's side alone (not to a nucleus member who happens to be a member of it).
  const ownersOnly = a.owners && !a.roles && !a.organizations;
  const isOwnerSide = (u: repo.Recipient) =>
    u.id === r.submittedBy || u.memberships.some((m) => m.organization === r.companyOrganizationId);
  return notify(tx, deps.publicUrl, {
    subject: requestSubject(r),
    event: { kind: a.kind, params: a.extra, urgent: a.urgent },
    audience: candidates,
    accessTo: (u) => accessTo(asActor(u), facts) === 'full' && (!ownersOnly || isOwnerSide(u)),
    except: except?.userId ?? null,
  });
}
