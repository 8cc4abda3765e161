import { Type, type Static } from 'typebox';

export const RequestStateSchema = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('triage'),
  Type.Literal('open'),
  Type.Literal('team_agreed'),
  Type.Literal('in_progress'),
  Type.Literal('closed'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);
export type RequestState = Static<typeof RequestStateSchema>;
export const ConfidentialitySchema = Type.Union([
  Type.Literal('public'),
  Type.Literal('network'),
  Type.Literal('confidential'),
]);
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const OrgId = Type.String({ minLength: 1, maxLength: 100 });

/** A public request needs a summary (what anyone outside the network reads). */
const PUBLIC_NEEDS_SUMMARY = {
  if: { properties: { confidentiality: { const: 'public' } }, required: ['confidentiality'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a promise
  then: { required: ['summary'] },
};

/** A company's problem as submitted (by the company, or by a centre on its behalf). */
/** A catalogue record a request came from. */
export const RequestSource = Type.Object(
  {
    type: Type.Union([
      Type.Literal('competence'),
      Type.Literal('service'),
      Type.Literal('equipment'),
      Type.Literal('expert'),
    ]),
    id: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const RequestCreate = Type.Object(
  {
    // The server reports these limits together with its other rules (the company, the deadline), all at once.
    title: Text(5, 200),
    description: Text(20, 10000),
    /** Required for public requests: the only text anyone outside the network reads. */
    summary: Type.Optional(Text(10, 600)),
    desiredOutcome: Type.Optional(Text(0, 2000)),
    sector: Type.Optional(Type.String({ maxLength: 100 })),
    filiera: Type.Optional(Type.String({ maxLength: 100 })),
    /** YYYY-MM-DD, not in the past. */
    deadline: Type.Optional(Type.String({ format: 'date' })),
    confidentiality: ConfidentialitySchema,
    lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
    /** The registered company the request is for (a centre submitting on its behalf names it, or gives companyName). */
    company: Type.Optional(OrgId),
    companyName: Type.Optional(Text(2, 200)),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    /** The catalogue record the request starts from ("contact / ask for a quote"): its centre is addressed at once. */
    source: Type.Optional(RequestSource),
  },
  { additionalProperties: false, ...PUBLIC_NEEDS_SUMMARY },
);
export type RequestCreate = Static<typeof RequestCreate>;

const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
/** Corrections before the request is opened to the centres; null clears an optional field. */
export const RequestEdit = Type.Object(
  {
    title: Type.Optional(Text(5, 200)),
    description: Type.Optional(Text(20, 10000)),
    summary: Nullable(Text(10, 600)),
    desiredOutcome: Nullable(Text(0, 2000)),
    sector: Nullable(Type.String({ maxLength: 100 })),
    filiera: Nullable(Type.String({ maxLength: 100 })),
    deadline: Nullable(Type.String({ format: 'date' })),
    confidentiality: Type.Optional(ConfidentialitySchema),
    lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
    contactEmail: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RequestEdit = Static<typeof RequestEdit>;

export const RequestListQuery = Type.Object(
  {
    /** mine: my organisation's requests (as company or submitting centre); inbox: open to my centre; all: everything I may see. */
    scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('inbox'), Type.Literal('all')])),
    /** recent (default): newest first; due: the earliest due date first (overdue on top), then newest. */
    sort: Type.Optional(Type.Union([Type.Literal('recent'), Type.Literal('due')])),
    state: Type.Optional(RequestStateSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type RequestListQuery = Static<typeof RequestListQuery>;

export const RequestCentre = Type.Object({
  organization: Type.String(),
  name: Type.String(),
  invited: Type.Boolean(),
  interest: Type.Union([
    Type.Object({
      at: Type.String(),
      proposal: Type.String(),
      aspects: Type.Array(Type.String()),
      by: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  teamRole: Type.Union([Type.Literal('lead'), Type.Literal('partner'), Type.Null()]),
});
export type RequestCentre = Static<typeof RequestCentre>;

export const RequestEvent = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  organization: Type.Union([Type.String(), Type.Null()]),
});

export const RequestActionName = Type.Union([
  Type.Literal('triage'),
  Type.Literal('open'),
  Type.Literal('decline'),
  Type.Literal('interest'),
  Type.Literal('withdraw-interest'),
  Type.Literal('agree-team'),
  Type.Literal('start'),
  Type.Literal('close'),
  Type.Literal('rate'),
  Type.Literal('withdraw'),
  Type.Literal('edit'),
]);

export type RequestActionName = Static<typeof RequestActionName>;

export * from './request-actions.ts';

/**
 * One request as the caller may see it. `access` is "summary" for a public request seen from outside the network
 * (then only the summary fields are present) and "full" otherwise.
 */
export const RequestView = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  access: Type.Union([Type.Literal('summary'), Type.Literal('full')]),
  title: Type.String(),
  summary: Type.Union([Type.String(), Type.Null()]),
  state: RequestStateSchema,
  confidentiality: ConfidentialitySchema,
  sector: Type.Union([Type.String(), Type.Null()]),
  filiera: Type.Union([Type.String(), Type.Null()]),
  lang: Type.String(),
  submittedAt: Type.String(),
  stateChangedAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  interestCount: Type.Integer(),
  lead: Type.Union([Type.String(), Type.Null()]),
  description: Type.Optional(Type.String()),
  desiredOutcome: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deadline: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  company: Type.Optional(Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.String() })),
  contactEmail: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  submittedVia: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  declineReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  outcome: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  rating: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  ratingComment: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  source: Type.Optional(Type.Union([RequestSource, Type.Null()])),
  centres: Type.Optional(Type.Array(RequestCentre)),
  timeline: Type.Optional(Type.Array(RequestEvent)),
  /** What the caller may do now (drives the buttons; the server checks again). */
  actions: Type.Array(RequestActionName),
  /** Organisations the caller may act for on this request (express interest, run it). */
  actingFor: Type.Array(Type.String()),
});
export type RequestView = Static<typeof RequestView>;

export const RequestList = Type.Object({
  items: Type.Array(RequestView),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  /** Counts per state over everything the caller may see (for the board's columns). */
  byState: Type.Record(Type.String(), Type.Integer()),
  overdue: Type.Integer(),
});
export type RequestList = Static<typeof RequestList>;

const Message = Type.Optional(Text(0, 2000));
export const TriageBody = Type.Object({ message: Message }, { additionalProperties: false });
export const OpenBody = Type.Object(
  {
    /** Centres invited to answer; required (at least one) for a confidential request, which only they will see. */
    centres: Type.Optional(Type.Array(OrgId, { maxItems: 30, uniqueItems: true })),
    message: Message,
  },
  { additionalProperties: false },
);
export const DeclineBody = Type.Object({ reason: Text(10, 2000) }, { additionalProperties: false });
/** The company takes its request back (before the work starts); the reason is optional and goes to the nucleus and the centres involved. */
export const WithdrawBody = Type.Object({ reason: Type.Optional(Text(0, 2000)) }, { additionalProperties: false });
export const InterestBody = Type.Object(
  {
    /** The centre expressing interest; may be left out by someone acting for exactly one. */
    organization: Type.Optional(OrgId),
    proposal: Text(20, 2000),
    aspects: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const WithdrawInterestBody = Type.Object(
  { organization: Type.Optional(OrgId) },
  { additionalProperties: false },
);
export const TeamBody = Type.Object(
  { lead: OrgId, partners: Type.Array(OrgId, { maxItems: 3, uniqueItems: true }), message: Message },
  { additionalProperties: false },
);
export const StartBody = Type.Object({ message: Message }, { additionalProperties: false });
export const CloseBody = Type.Object({ outcome: Text(10, 4000) }, { additionalProperties: false });
export const RateBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Text(0, 2000)) },
  { additionalProperties: false },
);

/** The team proposal: who covers which aspect of the problem, what is missing, the equipment involved. */
export const TeamProposal = Type.Object({
  /** `clause`: a part of the problem's text no glossary concept covers, named by a short phrase of its own words. */
  aspects: Type.Array(
    Type.Object({ label: Type.String(), kind: Type.Union([Type.Literal('concept'), Type.Literal('clause')]) }),
  ),
  /**
   * The matching engine's teams (at most four organisations each), made only of organisations the request may be
   * opened to (a confidential request: the network's centres), each member with its role and the aspects it covers.
   */
  suggested: Type.Array(
    Type.Object({
      organizations: Type.Array(Type.String()),
      members: Type.Array(
        Type.Object({
          organization: Type.String(),
          role: Type.Union([Type.Literal('lead'), Type.Literal('partner')]),
          covers: Type.Array(Type.String()),
        }),
      ),
      covers: Type.Array(Type.String()),
      missing: Type.Array(Type.String()),
      score: Type.Number(),
    }),
  ),
  /** The centres that expressed interest (and the agreed team), with what the catalogue says they cover. */
  centres: Type.Array(
    Type.Object({
      organization: Type.String(),
      name: Type.String(),
      interested: Type.Boolean(),
      teamRole: Type.Union([Type.Literal('lead'), Type.Literal('partner'), Type.Null()]),
      covers: Type.Array(Type.String()),
      claims: Type.Array(Type.String()),
      equipment: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
      records: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), title: Type.String() })),
    }),
  ),
  /** Aspects none of the interested centres covers. */
  missing: Type.Array(Type.String()),
  /** True when the request's text was longer than the analysis takes, or its time ran out: a partial proposal. */
  truncated: Type.Optional(Type.Boolean()),
});
export type TeamProposal = Static<typeof TeamProposal>;

export const ResponseTargets = Type.Object(
  {
    /** Working days for the nucleus's first answer (submitted → triage or declined). */
    firstResponseDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** Working days from triage to opening the request to centres (or declining it). */
    triageDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** Working days from opening to an agreed team. */
    teamDays: Type.Integer({ minimum: 1, maximum: 120 }),
  },
  { additionalProperties: false },
);
export type ResponseTargets = Static<typeof ResponseTargets>;

export const NotificationView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  kind: Type.String(),
  request: Type.Union([Type.String(), Type.Null()]),
  params: Type.Record(Type.String(), Type.String()),
  read: Type.Boolean(),
});
export type NotificationView = Static<typeof NotificationView>;
export const NotificationList = Type.Object({ items: Type.Array(NotificationView), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;
export const NotificationPreferences = Type.Object(
  { email: Type.Union([Type.Literal('immediate'), Type.Literal('daily'), Type.Literal('off')]) },
  { additionalProperties: false },
);
export type NotificationPreferences = Static<typeof NotificationPreferences>;
