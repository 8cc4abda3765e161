import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Tx } from '../client.ts';
import { addDays, localDay, zonedTime } from '../../core/calendar.ts';
import type { CompanySize, LocalizedText } from '../schema/index.ts';
import type {
  AgreementKind,
  OpportunityKind,
  OpportunityStage,
  OpportunityState,
  OutcomeAnswer,
  IpStatus,
  PartnershipKind,
  RelationKind,
} from '@clock/contracts';
import { importBundle } from '../../modules/catalogue/bundle.service.ts';
import * as companies from '../../modules/companies/companies.repo.ts';
import { findUserByEmail, listMemberships } from '../../modules/identity/identity.repo.ts';
import * as opps from '../../modules/brokerage/opportunities.repo.ts';
import * as intros from '../../modules/brokerage/introductions.repo.ts';
import * as relations from '../../modules/brokerage/relations.repo.ts';
import * as mm from '../../modules/brokerage/matchmaking.repo.ts';
import * as events from '../../modules/events/events.repo.ts';
import { anonymityProblems } from '../../modules/brokerage/anonymity.rules.ts';
import { daysAfter, monthsAfter } from '../../modules/brokerage/opportunities.rules.ts';
import { schedule } from '../../modules/brokerage/scheduler.rules.ts';

interface DemoBrokerage {
  companies: {
    id: string;
    name: string;
    town: string;
    province: string;
    sectors: string[];
    filiere: string[];
    sizeClass: CompanySize;
    offers: LocalizedText;
    seeks: LocalizedText;
  }[];
  profiles: Record<string, { sizeClass: CompanySize; offers: LocalizedText; seeks: LocalizedText }>;
  opportunities: {
    key: string;
    organization: string;
    centre: string;
    kind: OpportunityKind;
    anonymous: boolean;
    state: OpportunityState;
    title: LocalizedText;
    description: LocalizedText;
    technology?: LocalizedText;
    partnerSought?: LocalizedText;
    stage?: OpportunityStage;
    ipStatus?: IpStatus;
    partnershipKinds: PartnershipKind[];
    filiere: string[];
    sectors: string[];
    publishedDaysAgo?: number;
  }[];
  interests: {
    opportunity: string;
    company: string;
    state: 'pending' | 'accepted' | 'declined' | 'expired' | 'introduced';
    daysAgo: number;
    introducedDaysAgo?: number;
    note: LocalizedText;
    outcomes?: {
      round: 3 | 6;
      company: string;
      answer?: OutcomeAnswer;
      agreementKind?: AgreementKind;
      confirmed?: boolean;
    }[];
  }[];
  relations: [string, string, RelationKind, string, 'declared' | 'verified'][];
  matchmaking: {
    organizer: string;
    inDays: number;
    startTime: string;
    slotMinutes: number;
    slots: number;
    tables: number;
    filiere: string[];
    title: LocalizedText;
    participants: { email: string; offers: LocalizedText; seeks: LocalizedText; unavailable?: number[] }[];
    requests: [number, number, 'requested' | 'accepted' | 'declined'][];
  };
}

const staffEmail: Record<string, string> = {
  lucense: 'sara.pieri@lucense.example.org',
  asev: 'davide.mancini@asev.example.org',
  cosvig: 'giulia.neri@cosvig.example.org',
  cptm: 'matteo.innocenti@cptm.example.org',
  navigo: 'irene.franchi@navigo.example.org',
  tls: 'simone.bruni@tls.example.org',
};

/**
 * The brokerage between companies in the demo network (demo/brokerage.json): more demo companies with verified
 * profiles (and profiles for the demo companies that had none), twenty opportunities across the five kinds and the
 * Tuscan filiere (some anonymous — each checked by the anonymity rule), interests and introductions at every stage
 * with outcomes asked at 3 and 6 months and two agreements confirmed by the centres, company relations for the paper
 * and nautical filiera maps, and one matchmaking day with its agenda (linked to its event, demo-events.ts). Dates
 * count back from `now`. Runs inside the demo's transaction, after the events; loads once.
 */
export async function seedDemoBrokerage(tx: Tx, demoDir: string, now = new Date()) {
  const file = path.join(demoDir, 'brokerage.json');
  if (!fs.existsSync(file)) return;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoBrokerage;
  if ((await opps.listOpportunities(tx, { now, mine: { organizations: ['cartiera-brancoli'] } }, 0, 1)).total > 0)
    return;
  const ago = (days: number) => daysAfter(now, -days);
  const user = async (email: string) => (await findUserByEmail(tx, email))?.id ?? null;

  await importBundle(
    tx,
    Readable.from([
      JSON.stringify({
        format: 'clock-bundle/1',
        organizations: data.companies.map((c) => ({
          id: c.id,
          kind: 'company',
          name: c.name,
          town: c.town,
          province: c.province,
          sectors: c.sectors,
          filiere: c.filiere,
        })),
      }),
    ]),
  );
  for (const c of data.companies)
    await companies.updateCompany(
      tx,
      c.id,
      {},
      { sizeClass: c.sizeClass, offers: c.offers, seeks: c.seeks, verification: 'verified' },
    );
  for (const [id, p] of Object.entries(data.profiles))
    if (await companies.findCompany(tx, id))
      await companies.updateCompany(tx, id, {}, { ...p, verification: 'verified' });

  const ids = new Map<string, { id: string; o: DemoBrokerage['opportunities'][number] }>();
  for (const o of data.opportunities) {
    if (o.anonymous) {
      const org = await opps.organizationOf(tx, o.organization);
      const { title, description, technology, partnerSought } = o;
      const leaks = anonymityProblems(
        { title, description, technology, partnerSought },
        { name: org?.name ?? '', website: org?.website },
      );
      if (leaks.length) throw new Error(`demo opportunity ${o.key} would reveal its company: ${JSON.stringify(leaks)}`);
    }
    const published = o.state === 'published' ? ago(o.publishedDaysAgo ?? 30) : null;
    const created = published ? daysAfter(published, -7) : ago(4);
    const id = await opps.insertOpportunity(tx, {
      organizationId: o.organization,
      centreId: o.centre,
      kind: o.kind,
      title: o.title,
      description: o.description,
      technology: o.technology ?? null,
      partnerSought: o.partnerSought ?? null,
      stage: o.stage ?? null,
      ipStatus: o.ipStatus ?? null,
      partnershipKinds: o.partnershipKinds,
      filiere: o.filiere,
      sectors: o.sectors,
      anonymous: o.anonymous,
      state: o.state,
      expiresAt: monthsAfter(published ?? created, 12),
      submittedAt: o.state === 'draft' ? null : daysAfter(created, 2),
      publishedAt: published,
      createdAt: created,
    });
    ids.set(o.key, { id, o });
    const reviewer = await user(staffEmail[o.centre]!);
    const review = (decision: 'publish' | 'hold' | 'reject', comment: string | null, at: Date) =>
      opps.insertReview(tx, {
        opportunityId: id,
        reviewerId: reviewer,
        centreId: o.centre,
        clarity: decision === 'reject' ? 1 : 4,
        innovation: decision === 'reject' ? 1 : 3,
        partnerSought: decision === 'publish' ? 4 : 2,
        completeness: decision === 'publish' ? 4 : 2,
        decision,
        comment,
        createdAt: at,
      });
    if (published) await review('publish', null, daysAfter(published, 0));
    if (o.state === 'on-hold')
      await review('hold', 'Indicate la grammatura, la resistenza richiesta e le quantità annue.', ago(2));
    if (o.state === 'rejected')
      await review(
        'reject',
        "Il testo non descrive un'offerta o una richiesta precisa: riscrivetelo indicando prodotto e partner cercato.",
        ago(3),
      );
  }

  for (const i of data.interests) {
    const { id: opportunityId, o } = ids.get(i.opportunity)!;
    const created = ago(i.daysAgo);
    const state = i.state === 'introduced' ? 'accepted' : i.state;
    const interestId = await intros.insertInterest(tx, {
      opportunityId,
      organizationId: i.company,
      note: i.note.it ?? i.note.en ?? '',
      state,
      expiresAt: daysAfter(created, 30),
      decidedAt: state === 'pending' ? null : daysAfter(created, state === 'expired' ? 30 : 4),
      createdAt: created,
    });
    if (i.state !== 'introduced') continue;
    const at = ago(i.introducedDaysAgo!);
    const staff = await user(staffEmail[o.centre]!);
    const introId = await intros.insertIntroduction(tx, {
      opportunityId,
      interestId,
      ownerOrganizationId: o.organization,
      partnerOrganizationId: i.company,
      centreId: o.centre,
      introducedBy: staff,
      note: 'Presentazione fatta dal centro dopo un incontro con entrambe le imprese.',
      revealedAt: at,
      createdAt: at,
    });
    for (const x of i.outcomes ?? []) {
      const asked = monthsAfter(at, x.round);
      await intros.insertOutcomes(tx, [
        {
          introductionId: introId,
          round: x.round,
          organizationId: x.company,
          askedAt: asked,
          answer: x.answer ?? null,
          agreementKind: x.agreementKind ?? null,
          answeredAt: x.answer ? daysAfter(asked, 3) : null,
          confirmedAt: x.confirmed ? daysAfter(asked, 6) : null,
          confirmedBy: x.confirmed ? staff : null,
        },
      ]);
      if (x.confirmed)
        for (const filiera of o.filiere.slice(0, 1))
          await relations.upsertRelation(tx, {
            fromOrganizationId: o.organization,
            toOrganizationId: i.company,
            kind: x.agreementKind === 'subcontracting' ? 'subcontractor-of' : 'partner-in',
            filiera,
            source: 'agreement',
            introductionId: introId,
            verifiedBy: staff,
            verifiedAt: daysAfter(asked, 6),
          });
    }
  }

  const verifier = await user(staffEmail.lucense!);
  for (const [from, to, kind, filiera, source] of data.relations)
    await relations.upsertRelation(tx, {
      fromOrganizationId: from,
      toOrganizationId: to,
      kind,
      filiera,
      source,
      verifiedBy: source === 'verified' ? verifier : null,
      verifiedAt: source === 'verified' ? ago(60) : null,
    });

  const m = data.matchmaking;
  // The day (Italian calendar, as the demo events count their days) belongs to the organiser's matchmaking event of
  // that day when the demo events have one (demo-events.ts).
  const date = addDays(localDay(now.getTime()), m.inDays);
  const {
    rows: [event],
  } = await events.listEvents(
    tx,
    {
      organization: m.organizer,
      kind: 'matchmaking',
      from: zonedTime(date, 0),
      to: zonedTime(addDays(date, 1), 0),
      network: true,
      draftsOf: 'all',
    },
    { offset: 0, limit: 1 },
  );
  const day = await mm.insertDay(tx, {
    organizerId: m.organizer,
    eventId: event?.id ?? null,
    title: m.title,
    day: date,
    startTime: m.startTime,
    slotMinutes: m.slotMinutes,
    slots: m.slots,
    tables: m.tables,
    filiere: m.filiere,
    createdBy: await user(staffEmail[m.organizer]!),
  });
  const profiles: string[] = [];
  for (const p of m.participants) {
    const u = await findUserByEmail(tx, p.email);
    if (!u) continue;
    const org = (await listMemberships(tx, u.id))[0]?.organization ?? null;
    profiles.push(
      await mm.upsertProfile(tx, {
        dayId: day.id,
        userId: u.id,
        organizationId: org,
        offers: p.offers,
        seeks: p.seeks,
        unavailableSlots: p.unavailable ?? [],
      }),
    );
  }
  const requests: { id: string; a: string; b: string }[] = [];
  for (const [from, to, state] of m.requests) {
    const r = await mm.insertRequest(tx, {
      dayId: day.id,
      fromProfileId: profiles[from]!,
      toProfileId: profiles[to]!,
      state,
      decidedAt: state === 'requested' ? null : ago(1),
    });
    if (r && state === 'accepted') requests.push({ id: r.id, a: r.fromProfileId, b: r.toProfileId });
  }
  const s = schedule({
    slots: m.slots,
    tables: m.tables,
    unavailable: Object.fromEntries(m.participants.map((p, i) => [profiles[i]!, p.unavailable ?? []])),
    requests,
  });
  const byId = new Map(requests.map((r) => [r.id, r]));
  await mm.replaceMeetings(
    tx,
    day.id,
    s.placed.map((p) => ({ ...p, a: byId.get(p.request)!.a, b: byId.get(p.request)!.b })),
  );
  await mm.markScheduled(tx, day.id, now);
}
