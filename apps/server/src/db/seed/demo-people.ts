import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import {
  requestCentres,
  requestEvents,
  requests,
  type MembershipRole,
  type PlatformRole,
  type RequestState,
} from '../schema/index.ts';
import type { Actor } from '../../core/actor.ts';
import { getNetworkSetting, putNetworkSetting } from '../../modules/catalogue/catalogue.repo.ts';
import { addMembership, findUserByEmail, insertUser } from '../../modules/identity/identity.repo.ts';
import { hashPassword } from '../../modules/identity/identity.service.ts';
import { insertNotifications } from '../../modules/notifications/notifications.repo.ts';
import { centresOf, toFacts } from '../../modules/requests/requests.repo.ts';
import { accessTo, requestRef } from '../../modules/requests/requests.rules.ts';

/** The network setting that marks a demo database; its presence is what "demo mode" means (GET /api/v1/demo). */
export const DEMO_SETTING = 'demo';

export interface DemoPerson {
  name: string;
  email: string;
  role: PlatformRole | MembershipRole;
  organization?: string;
}
/** What the demo setting holds: the published password and the people created with it. */
export interface DemoSetting {
  password: string;
  people: DemoPerson[];
  loadedAt: string;
}

interface Person extends DemoPerson {
  id: string;
  actor: Actor;
}

/**
 * Creates the demo people (apps/server/src/db/seed/demo/people.json: one for every role, all with the published demo
 * password) and links the demo requests to them, with the notifications they would have received. Runs once per
 * database: the demo setting records it, and its absence (CLOCK_SEED=none, a real installation) means no demo people.
 */
export async function seedDemoPeople(db: Db | Tx, demoDir: string, now = new Date()): Promise<number> {
  if (await getNetworkSetting(db, DEMO_SETTING)) return 0;
  const file = JSON.parse(fs.readFileSync(path.join(demoDir, 'people.json'), 'utf8')) as {
    password: string;
    people: DemoPerson[];
  };
  const passwordHash = await hashPassword(file.password);
  return db.transaction(async (tx) => {
    const people: Person[] = [];
    for (const p of file.people) {
      if (await findUserByEmail(tx, p.email)) continue; // an account of that name exists already: leave it alone
      const platform = p.role === 'admin' || p.role === 'region';
      const user = await insertUser(tx, {
        email: p.email,
        name: p.name,
        passwordHash,
        platformRole: platform ? (p.role as PlatformRole) : null,
        verified: true,
      });
      if (!platform) await addMembership(tx, user.id, p.organization!, p.role as MembershipRole);
      const memberships = platform ? [] : [{ organization: p.organization!, role: p.role as MembershipRole }];
      people.push({
        ...p,
        id: user.id,
        actor: {
          kind: 'member',
          userId: user.id,
          tokenId: null,
          platformRole: platform ? (p.role as PlatformRole) : null,
          memberships,
          csrfToken: null,
        },
      });
    }
    await linkDemoRequests(tx, people, now);
    const setting: DemoSetting = {
      password: file.password,
      people: people.map(({ name, email, role, organization }) => ({
        name,
        email,
        role,
        ...(organization ? { organization } : {}),
      })),
      loadedAt: now.toISOString(),
    };
    await putNetworkSetting(tx, DEMO_SETTING, setting);
    return people.length;
  });
}

const DAY = 24 * 3600_000;

/**
 * Gives the demo requests (those nobody submitted through the app) their people: a company member submitted each, a
 * nucleus member triaged, opened or declined it, centre staff expressed the interests, the lead centre's manager ran
 * it. Each person gets the notifications the service would have sent them, read when older than a week.
 */
async function linkDemoRequests(tx: Tx, people: Person[], now: Date) {
  const rows = await tx
    .select()
    .from(requests)
    .where(and(isNull(requests.submittedBy), isNull(requests.submittedViaOrganizationId)))
    .orderBy(asc(requests.number));
  if (!rows.length || !people.length) return;
  const ids = rows.map((r) => r.id);
  const centres = await centresOf(tx, ids);
  const events = await tx
    .select()
    .from(requestEvents)
    .where(inArray(requestEvents.requestId, ids))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
  const nameOf = (o: string) => centres.find((c) => c.organizationId === o)?.name ?? o;
  const holder = (organization: string | null, role: MembershipRole) =>
    people.find((p) => p.organization === organization && p.role === role) ?? null;
  const nucleusCentres = people.filter((p) => p.role === 'nucleus').map((p) => p.organization!);
  const notes: {
    userId: string;
    at: Date;
    kind: string;
    requestId: string;
    params: Record<string, string>;
    readAt: Date | null;
    emailedAt: Date;
  }[] = [];

  for (const [i, r] of rows.entries()) {
    const mine = centres.filter((c) => c.requestId === r.id);
    const lead = mine.find((c) => c.teamRole === 'lead')?.organizationId ?? null;
    const team = mine.filter((c) => c.teamRole).map((c) => c.organizationId);
    // The nucleus member who handled it: the lead's (or an involved centre's) representative, else one in turn.
    const nucleusOrg =
      [lead, ...mine.map((c) => c.organizationId)].find((o) => o && nucleusCentres.includes(o)) ??
      nucleusCentres[i % nucleusCentres.length] ??
      null;
    const company = holder(r.companyOrganizationId, 'company');
    const nucleus = holder(nucleusOrg, 'nucleus');
    const facts = toFacts(r, mine);
    if (company) await tx.update(requests).set({ submittedBy: company.id }).where(eq(requests.id, r.id));
    const factsNow = { ...facts, submittedBy: company?.id ?? null };

    const tell = (
      kind: string,
      at: Date,
      except: Person | null,
      who: (p: Person) => boolean,
      extra: Record<string, string> = {},
    ) => {
      const params: Record<string, string> = { ref: requestRef(r.number), state, ...extra };
      if (r.confidentiality !== 'confidential') params.title = r.title;
      for (const p of people) {
        if (p === except || !who(p) || accessTo(p.actor, factsNow) !== 'full') continue;
        const old = now.getTime() - at.getTime() > 7 * DAY;
        notes.push({
          userId: p.id,
          at,
          kind,
          requestId: r.id,
          params,
          readAt: old ? new Date(at.getTime() + DAY) : null,
          emailedAt: now,
        });
      }
    };
    const owner = (p: Person) => p === company;
    const inOrgs = (orgs: (string | null)[]) => (p: Person) => !!p.organization && orgs.includes(p.organization);
    const isNucleus = (p: Person) => p.role === 'nucleus';

    let state: RequestState = 'submitted';
    for (const e of events.filter((x) => x.requestId === r.id)) {
      const to = e.toState as RequestState | null;
      if (to) state = to;
      let actor: Person | null = null;
      let actorOrg = e.actorOrganizationId;
      if (e.kind === 'submitted' || e.kind === 'rated' || to === 'team_agreed' || to === 'withdrawn') actor = company;
      else if (e.kind === 'interest') actor = holder(e.actorOrganizationId, 'centre-staff');
      else if (to === 'triage' || to === 'open' || to === 'declined') {
        actor = nucleus;
        actorOrg = nucleusOrg;
      } else if (to === 'in_progress' || to === 'closed') actor = holder(e.actorOrganizationId, 'centre-manager');
      if (actor)
        await tx
          .update(requestEvents)
          .set({ actorUserId: actor.id, actorOrganizationId: actorOrg })
          .where(eq(requestEvents.id, e.id));

      if (e.kind === 'submitted') {
        tell('request-submitted', e.at, actor, isNucleus);
        tell('request-received', e.at, null, owner);
      } else if (e.kind === 'interest') {
        tell('request-interest', e.at, actor, (p) => owner(p) || isNucleus(p), {
          organization: nameOf(e.actorOrganizationId ?? ''),
        });
      } else if (e.kind === 'rated') {
        tell('request-rated', e.at, actor, (p) => isNucleus(p) || inOrgs(team)(p), { rating: String(r.rating ?? '') });
      } else if (to === 'triage') tell('request-triage', e.at, actor, owner);
      else if (to === 'open') {
        tell('request-opened', e.at, actor, owner);
        const invited = mine.filter((c) => c.invitedAt).map((c) => c.organizationId);
        tell(
          'request-invited',
          e.at,
          actor,
          (p) => inOrgs(invited)(p) || (r.confidentiality !== 'confidential' && p.role === 'centre-manager'),
        );
      } else if (to === 'team_agreed') {
        tell('request-team', e.at, actor, (p) => owner(p) || isNucleus(p) || inOrgs(team)(p), {
          lead: nameOf(lead ?? ''),
          partners: team
            .filter((o) => o !== lead)
            .map(nameOf)
            .join(', '),
        });
      } else if (to === 'in_progress')
        tell('request-started', e.at, actor, (p) => owner(p) || isNucleus(p) || inOrgs(team)(p));
      else if (to === 'closed') tell('request-closed', e.at, actor, (p) => owner(p) || isNucleus(p) || inOrgs(team)(p));
      else if (to === 'declined') tell('request-declined', e.at, actor, owner, { reason: r.declineReason ?? '' });
    }
    for (const c of mine.filter((x) => x.interestAt)) {
      const staff = holder(c.organizationId, 'centre-staff');
      if (staff)
        await tx
          .update(requestCentres)
          .set({ interestBy: staff.id })
          .where(and(eq(requestCentres.requestId, r.id), eq(requestCentres.organizationId, c.organizationId)));
    }
  }
  notes.sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertNotifications(tx, notes);
}
