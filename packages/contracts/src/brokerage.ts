import { Type, type Static, type TSchema } from 'typebox';
import {
  AGREEMENT_KINDS,
  IP_STATUSES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STAGES,
  OUTCOME_ANSWERS,
  PARTNERSHIP_KINDS,
  RELATION_KINDS,
  RELATION_SOURCES,
} from './brokerage-values.ts';

export * from './brokerage-values.ts';

const oneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** Text in Italian and/or English (the service checks that at least one is there where one is required). */
const Text = (max: number) =>
  Type.Object(
    {
      it: Type.Optional(Type.String({ maxLength: max })),
      en: Type.Optional(Type.String({ maxLength: max })),
    },
    { additionalProperties: false },
  );
const Codes = (max: number) => Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: max });

const opportunityFields = {
  kind: oneOf(OPPORTUNITY_KINDS),
  title: Text(200),
  description: Text(6000),
  technology: Type.Optional(Nullable(Text(2000))),
  stage: Type.Optional(Nullable(oneOf(OPPORTUNITY_STAGES))),
  ipStatus: Type.Optional(Nullable(oneOf(IP_STATUSES))),
  partnerSought: Type.Optional(Nullable(Text(2000))),
  partnershipKinds: Type.Optional(Type.Array(oneOf(PARTNERSHIP_KINDS), { maxItems: 6, uniqueItems: true })),
  filiere: Type.Optional(Codes(10)),
  sectors: Type.Optional(Codes(10)),
  s3: Type.Optional(Codes(10)),
  anonymous: Type.Optional(Type.Boolean()),
  expiresAt: Type.Optional(Type.String({ format: 'date', description: 'at most one year after publication' })),
};

export const OpportunityCreate = Type.Object(
  {
    organization: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'the company (a verified one you belong to)',
    }),
    centre: Type.String({ minLength: 1, maxLength: 100, description: 'the centre that handles it' }),
    ...opportunityFields,
  },
  { additionalProperties: false },
);
export type OpportunityCreate = Static<typeof OpportunityCreate>;

export const OpportunityPatch = Type.Partial(Type.Object(opportunityFields), { additionalProperties: false });
export type OpportunityPatch = Static<typeof OpportunityPatch>;

export const OpportunityListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 300 })),
  kind: Type.Optional(oneOf(OPPORTUNITY_KINDS)),
  filiera: Type.Optional(Type.String({ maxLength: 60 })),
  sector: Type.Optional(Type.String({ maxLength: 20 })),
  lang: Type.Optional(oneOf(['it', 'en'])),
  mine: Type.Optional(
    Type.Boolean({ description: "the caller's company's and centre's opportunities in every state" }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;

const Party = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));
const LocalizedOut = Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });

export const ReviewView = Type.Object({
  id: Type.String(),
  decision: Type.String(),
  scores: Type.Object({
    clarity: Type.Integer(),
    innovation: Type.Integer(),
    partnerSought: Type.Integer(),
    completeness: Type.Integer(),
  }),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const OpportunityView = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  anonymous: Type.Boolean(),
  /** Null for an anonymous opportunity unless the caller is its company or handling centre. */
  company: Party,
  centre: Type.Object({ id: Type.String(), name: Type.String() }),
  title: LocalizedOut,
  description: LocalizedOut,
  technology: Nullable(LocalizedOut),
  stage: Nullable(Type.String()),
  ipStatus: Nullable(Type.String()),
  partnerSought: Nullable(LocalizedOut),
  partnershipKinds: Type.Array(Type.String()),
  filiere: Type.Array(Type.String()),
  sectors: Type.Array(Type.String()),
  s3: Type.Array(Type.String()),
  expiresAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  score: Type.Optional(Type.Number()),
  /** What the caller may do now. */
  actions: Type.Array(Type.String()),
  /** The reviews, for the company and its handling centre. */
  reviews: Type.Optional(Type.Array(ReviewView)),
});
export type OpportunityView = Static<typeof OpportunityView>;

export const OpportunityList = Type.Object({
  items: Type.Array(OpportunityView),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});

const Score = Type.Integer({ minimum: 1, maximum: 5 });
export const OpportunityReview = Type.Object(
  {
    scores: Type.Object(
      { clarity: Score, innovation: Score, partnerSought: Score, completeness: Score },
      { additionalProperties: false },
    ),
    decision: oneOf(['publish', 'hold', 'reject']),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type OpportunityReview = Static<typeof OpportunityReview>;

export const InterestCreate = Type.Object(
  {
    organization: Type.String({ minLength: 1, maxLength: 100, description: 'your company' }),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type InterestCreate = Static<typeof InterestCreate>;

export const InterestView = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  opportunity: Type.String(),
  company: Party,
  note: Type.String(),
  state: Type.String(),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  introduction: Nullable(Type.String()),
});
export const InterestList = Type.Object({ items: Type.Array(InterestView) });

export const IntroductionCreate = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const OutcomeView = Type.Object({
  id: Type.String(),
  round: Type.Integer(),
  company: Type.String(),
  askedAt: Type.String(),
  answer: Nullable(Type.String()),
  agreementKind: Nullable(Type.String()),
  note: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
});
export const IntroductionView = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  opportunity: Type.Object({ id: Type.String(), reference: Type.String(), title: LocalizedOut }),
  owner: Party,
  partner: Party,
  centre: Type.Object({ id: Type.String(), name: Type.String() }),
  revealedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  outcomes: Type.Array(OutcomeView),
});
export const IntroductionList = Type.Object({ items: Type.Array(IntroductionView) });

export const OutcomeAnswerBody = Type.Object(
  {
    organization: Type.String({ minLength: 1, maxLength: 100, description: 'the party answering' }),
    answer: oneOf(OUTCOME_ANSWERS),
    agreementKind: Type.Optional(oneOf(AGREEMENT_KINDS)),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type OutcomeAnswerBody = Static<typeof OutcomeAnswerBody>;

export const MatchQuery = Type.Object({
  lang: Type.Optional(oneOf(['it', 'en'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export const CounterpartView = Type.Object({
  type: oneOf(['opportunity', 'company']),
  id: Type.String(),
  reference: Nullable(Type.String()),
  kind: Nullable(Type.String()),
  title: Type.String(),
  /** Null when the counterpart is an anonymous opportunity (its handling centre introduces). */
  company: Party,
  score: Type.Number(),
  why: Type.Array(Type.Object({ field: Type.String(), matched: Type.Array(Type.String()) })),
});
export const MatchList = Type.Object({ items: Type.Array(CounterpartView), truncated: Type.Boolean() });

export const RelationCreate = Type.Object(
  {
    from: Type.String({ minLength: 1, maxLength: 100 }),
    to: Type.String({ minLength: 1, maxLength: 100 }),
    kind: oneOf(RELATION_KINDS),
    filiera: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);
export type RelationCreate = Static<typeof RelationCreate>;
export const RelationView = Type.Object({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  kind: Type.String(),
  filiera: Type.String(),
  source: oneOf(RELATION_SOURCES),
  verifiedAt: Nullable(Type.String()),
});

export const FilieraMap = Type.Object({
  filiera: Type.Object({ code: Type.String(), label: LocalizedOut }),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: oneOf(['company', 'centre']),
      name: Type.String(),
      province: Nullable(Type.String()),
      sectors: Type.Array(Type.String()),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      /** The relation (null for an introduction), so a centre can verify a declared one. */
      id: Nullable(Type.String()),
      from: Type.String(),
      to: Type.String(),
      kind: Type.String(),
      source: Type.String(),
    }),
  ),
  steps: Type.Array(
    Type.Object({
      code: Type.String(),
      label: LocalizedOut,
      companies: Type.Integer(),
      gap: Type.Boolean(),
    }),
  ),
});

// ---- matchmaking ----

export const MatchmakingDayCreate = Type.Object(
  {
    organizer: Type.String({ minLength: 1, maxLength: 100 }),
    title: Text(200),
    day: Type.String({ format: 'date' }),
    startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    slots: Type.Integer({ minimum: 1, maximum: 96 }),
    tables: Type.Integer({ minimum: 1, maximum: 500 }),
    filiere: Type.Optional(Codes(10)),
    eventId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type MatchmakingDayCreate = Static<typeof MatchmakingDayCreate>;
export const MatchmakingDayView = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  title: LocalizedOut,
  organizer: Type.String(),
  day: Type.String(),
  startTime: Type.String(),
  slotMinutes: Type.Integer(),
  slots: Type.Integer(),
  tables: Type.Integer(),
  eventId: Nullable(Type.String()),
  scheduledAt: Nullable(Type.String()),
  participants: Type.Integer(),
});
export const ParticipantCreate = Type.Object(
  {
    organization: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    offers: Type.Optional(Text(2000)),
    seeks: Type.Optional(Text(2000)),
    unavailableSlots: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 95 }), { maxItems: 96 })),
  },
  { additionalProperties: false },
);
export type ParticipantCreate = Static<typeof ParticipantCreate>;
export const ParticipantView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organization: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  /** The organisation's kind (company, centre…) and filiere, for browsing the participants. */
  organizationKind: Nullable(Type.String()),
  filiere: Type.Array(Type.String()),
  offers: Nullable(LocalizedOut),
  seeks: Nullable(LocalizedOut),
  unavailableSlots: Type.Array(Type.Integer()),
});
export const ParticipantList = Type.Object({ items: Type.Array(ParticipantView) });
export const MeetingRequestCreate = Type.Object(
  { to: Type.String({ format: 'uuid' }), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const MeetingRequestView = Type.Object({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  state: Type.String(),
  note: Nullable(Type.String()),
});
export const ScheduleView = Type.Object({
  placed: Type.Integer(),
  unplaced: Type.Array(Type.String()),
  meetings: Type.Array(
    Type.Object({ id: Type.String(), request: Type.String(), slot: Type.Integer(), table: Type.Integer() }),
  ),
});
export const AgendaView = Type.Object({
  day: Type.String(),
  items: Type.Array(
    Type.Object({
      meeting: Type.String(),
      slot: Type.Integer(),
      table: Type.Integer(),
      start: Type.String(),
      end: Type.String(),
      with: Type.Object({ name: Type.String(), organization: Nullable(Type.String()) }),
      rated: Type.Boolean(),
    }),
  ),
});
export const RatingCreate = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
