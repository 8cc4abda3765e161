import { Type, type Static } from 'typebox';
import {
  ACTION_ABILITIES,
  ACTION_STATES,
  ACTION_VISIBILITIES,
  CONTRIBUTION_KINDS,
  MEETING_STATES,
  OUTCOME_KINDS,
  PARTNER_ROLES,
} from './action-values.ts';

export * from './action-values.ts';

/**
 * Joint actions between centres (and the Region, companies, universities) and the coordination nucleus's meetings.
 *
 * Routes (under /api/v1):
 *   GET   /actions?state=&organization=&s3=&filiera=&late=&q=&page=&limit=   ActionList (what the caller may see)
 *   POST  /actions                               ActionCreate → 201 Action            (the lead centre's members)
 *   GET   /actions/:id                           Action (partners, milestones, contributions, documents, progress)
 *   PATCH /actions/:id                           ActionEdit → Action                  (the lead's members)
 *   POST  /actions/:id/transition                ActionTransition → Action            (the lead's members)
 *   POST  /actions/:id/partners                  PartnerAdd → 201 Action              (the lead's members)
 *   DELETE /action-partners/:id                  204                                  (the lead's members)
 *   POST  /actions/:id/milestones                MilestoneWrite → 201 Action          (the lead's members)
 *   PATCH /action-milestones/:id                 MilestoneEdit → Action               (the lead's members)
 *   POST  /actions/:id/contributions             ContributionWrite → 201 Action       (the lead, or the partner itself)
 *   PATCH /action-contributions/:id              ContributionEdit → Action            (the lead, or the partner itself)
 *   POST  /actions/:id/documents                 DocumentWrite → 201 Action           (lead and partners)
 *   DELETE /action-documents/:id                 204                                  (lead and partners)
 *   POST  /requests/:id/joint-action             FromRequest → 201 Action (the request's lead centre, agreed team)
 *   GET   /meetings?page=&limit=                 MeetingList                          (nucleus, Region, admin)
 *   POST  /meetings                              MeetingCreate → 201 Meeting (open action items carried over)
 *   GET   /meetings/:id                          Meeting
 *   PATCH /meetings/:id                          MeetingEdit → Meeting (time, place, minutes)
 *   POST  /meetings/:id/hold                     MeetingHold → Meeting (planned → held; attendees)
 *   POST  /meetings/:id/approve-minutes          → Meeting (approves the previous held meeting's minutes)
 *   POST  /meetings/:id/agenda                   AgendaWrite → 201 Meeting
 *   POST  /meetings/:id/outcomes                 OutcomeWrite → 201 Meeting
 *   PATCH /meeting-outcomes/:id                  OutcomeEdit → Meeting (done, owner, due)
 */

const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Instant = Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 date-time with offset' });
const LocalText = (max: number) =>
  Type.Object(
    { it: Type.Optional(Text(1, max)), en: Type.Optional(Text(1, max)) },
    { additionalProperties: false, minProperties: 1 },
  );
const LocalTextOut = Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
const Codes = Type.Array(Text(1, 100), { maxItems: 40 });

export const ActionStateSchema = Type.Enum(ACTION_STATES);
export const PartnerRoleSchema = Type.Enum(PARTNER_ROLES);
export const ContributionKindSchema = Type.Enum(CONTRIBUTION_KINDS);
export const VisibilitySchema = Type.Enum(ACTION_VISIBILITIES);
const Amount = Type.Number({ minimum: 0, maximum: 1e12 });

export const ActionCreate = Type.Object(
  {
    title: LocalText(300),
    description: Type.Optional(LocalText(20000)),
    /** The lead organisation (the caller's centre). */
    lead: Id,
    s3: Type.Optional(Codes),
    filiere: Type.Optional(Codes),
    start: Day,
    end: Day,
    visibility: Type.Optional(VisibilitySchema),
    parent: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    /** Partners besides the lead. */
    partners: Type.Optional(
      Type.Array(Type.Object({ organization: Id, role: PartnerRoleSchema }, { additionalProperties: false }), {
        maxItems: 40,
      }),
    ),
    objective: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);
export type ActionCreate = Static<typeof ActionCreate>;

export const ActionEdit = Type.Object(
  {
    title: Type.Optional(LocalText(300)),
    description: Type.Optional(Nullable(LocalText(20000))),
    s3: Type.Optional(Codes),
    filiere: Type.Optional(Codes),
    start: Type.Optional(Day),
    end: Type.Optional(Day),
    visibility: Type.Optional(VisibilitySchema),
    parent: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    objective: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionEdit = Static<typeof ActionEdit>;

export const ActionTransition = Type.Object(
  { to: ActionStateSchema, note: Type.Optional(Text(0, 2000)) },
  { additionalProperties: false },
);
export const PartnerAdd = Type.Object({ organization: Id, role: PartnerRoleSchema }, { additionalProperties: false });
export const MilestoneWrite = Type.Object(
  {
    title: LocalText(300),
    due: Day,
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export const MilestoneEdit = Type.Object(
  {
    title: Type.Optional(LocalText(300)),
    due: Type.Optional(Day),
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    done: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ContributionWrite = Type.Object(
  {
    /** The partner organisation contributing (one of the action's partners). */
    organization: Id,
    kind: ContributionKindSchema,
    planned: Amount,
    actual: Type.Optional(Nullable(Amount)),
    periodStart: Type.Optional(Nullable(Day)),
    periodEnd: Type.Optional(Nullable(Day)),
    note: Type.Optional(Nullable(Text(0, 2000))),
    booking: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);
export const ContributionEdit = Type.Object(
  {
    planned: Type.Optional(Amount),
    actual: Type.Optional(Nullable(Amount)),
    periodStart: Type.Optional(Nullable(Day)),
    periodEnd: Type.Optional(Nullable(Day)),
    note: Type.Optional(Nullable(Text(0, 2000))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const DocumentWrite = Type.Object(
  { title: Text(1, 300), url: Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' }) },
  { additionalProperties: false },
);
export const FromRequest = Type.Object(
  {
    title: Type.Optional(LocalText(300)),
    start: Type.Optional(Day),
    end: Day,
    visibility: Type.Optional(VisibilitySchema),
  },
  { additionalProperties: false },
);

export const ActionListQuery = Type.Object(
  {
    state: Type.Optional(ActionStateSchema),
    organization: Type.Optional(Id),
    s3: Type.Optional(Text(1, 100)),
    filiera: Type.Optional(Text(1, 100)),
    late: Type.Optional(Type.Boolean()),
    q: Type.Optional(Text(1, 200)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ActionListQuery = Static<typeof ActionListQuery>;

const OrgRef = Type.Object({ id: Type.String(), name: Type.String() });

export const ActionSummary = Type.Object({
  id: Type.String(),
  /** A-0007 */
  ref: Type.String(),
  title: LocalTextOut,
  lead: OrgRef,
  state: ActionStateSchema,
  /** Computed by rule: a milestone is past due and not done (shown beside the stored state). */
  late: Type.Boolean(),
  /** 0–100 from milestones by weight (and child actions); null when there is nothing to measure. */
  progress: Nullable(Type.Number()),
  start: Type.String(),
  end: Type.String(),
  s3: Type.Array(Type.String()),
  filiere: Type.Array(Type.String()),
  visibility: VisibilitySchema,
  partners: Type.Array(Type.Object({ id: Type.String(), organization: OrgRef, role: PartnerRoleSchema })),
});
export type ActionSummary = Static<typeof ActionSummary>;

export const Milestone = Type.Object({
  id: Type.String(),
  title: LocalTextOut,
  due: Type.String(),
  doneAt: Nullable(Type.String()),
  weight: Type.Integer(),
  overdue: Type.Boolean(),
});
export const Contribution = Type.Object({
  id: Type.String(),
  organization: OrgRef,
  kind: ContributionKindSchema,
  planned: Type.Number(),
  actual: Nullable(Type.Number()),
  periodStart: Nullable(Type.String()),
  periodEnd: Nullable(Type.String()),
  note: Nullable(Type.String()),
  bookingId: Nullable(Type.String()),
  /** May the caller change it (the lead, or the partner itself). */
  editable: Type.Boolean(),
});
export const ActionDocument = Type.Object({ id: Type.String(), title: Type.String(), url: Type.String() });

export const Action = Type.Object({
  ...ActionSummary.properties,
  description: Nullable(LocalTextOut),
  parent: Nullable(Type.Object({ id: Type.String(), ref: Type.String(), title: LocalTextOut })),
  children: Type.Array(
    Type.Object({ id: Type.String(), ref: Type.String(), title: LocalTextOut, progress: Nullable(Type.Number()) }),
  ),
  sourceRequestId: Nullable(Type.String()),
  objectiveId: Nullable(Type.String()),
  milestones: Type.Array(Milestone),
  contributions: Type.Array(Contribution),
  documents: Type.Array(ActionDocument),
  /** The states the lead may move it to now. */
  transitions: Type.Array(ActionStateSchema),
  /** What the caller may do. */
  abilities: Type.Array(Type.Enum(ACTION_ABILITIES)),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Action = Static<typeof Action>;

export const ActionList = Type.Object({
  items: Type.Array(ActionSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});
export type ActionList = Static<typeof ActionList>;

// ---- nucleus meetings ----

export const MeetingStateSchema = Type.Enum(MEETING_STATES);
export const OutcomeKindSchema = Type.Enum(OUTCOME_KINDS);

export const MeetingCreate = Type.Object(
  {
    startsAt: Instant,
    place: Type.Optional(Nullable(Text(1, 300))),
    onlineUrl: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' }))),
  },
  { additionalProperties: false },
);
export const MeetingEdit = Type.Object(
  {
    startsAt: Type.Optional(Instant),
    place: Type.Optional(Nullable(Text(1, 300))),
    onlineUrl: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' }))),
    minutes: Type.Optional(Nullable(Text(0, 50000))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const MeetingHold = Type.Object(
  {
    attendees: Type.Array(
      Type.Object(
        { user: Type.String({ format: 'uuid' }), organization: Type.Optional(Nullable(Id)), present: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    minutes: Type.Optional(Text(0, 50000)),
  },
  { additionalProperties: false },
);
export const AgendaWrite = Type.Object({ title: Text(1, 500) }, { additionalProperties: false });
export const OutcomeWrite = Type.Object(
  {
    kind: OutcomeKindSchema,
    text: Text(1, 5000),
    agendaItem: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    /** For an action: who does it and by when (both required). */
    owner: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    due: Type.Optional(Nullable(Day)),
    objective: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    action: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    request: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);
export const OutcomeEdit = Type.Object(
  {
    done: Type.Optional(Type.Boolean()),
    owner: Type.Optional(Type.String({ format: 'uuid' })),
    due: Type.Optional(Day),
    text: Type.Optional(Text(1, 5000)),
  },
  { additionalProperties: false, minProperties: 1 },
);

const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
export const Outcome = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  meetingRef: Type.String(),
  kind: OutcomeKindSchema,
  text: Type.String(),
  agendaItemId: Nullable(Type.String()),
  owner: Nullable(PersonRef),
  due: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  objectiveId: Nullable(Type.String()),
  actionId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export type Outcome = Static<typeof Outcome>;
export const MeetingSummary = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  number: Type.Integer(),
  startsAt: Type.String(),
  place: Nullable(Type.String()),
  onlineUrl: Nullable(Type.String()),
  state: MeetingStateSchema,
  openActions: Type.Integer(),
});
export type MeetingSummary = Static<typeof MeetingSummary>;
export const Meeting = Type.Object({
  ...MeetingSummary.properties,
  minutes: Nullable(Type.String()),
  minutesApprovedAt: Nullable(Type.String()),
  approvedIn: Nullable(Type.Object({ id: Type.String(), ref: Type.String() })),
  agenda: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      title: Type.String(),
      carriedOutcome: Nullable(Outcome),
    }),
  ),
  outcomes: Type.Array(Outcome),
  attendees: Type.Array(Type.Object({ user: PersonRef, organization: Nullable(OrgRef), present: Type.Boolean() })),
  /** The previous meeting whose minutes this one may approve (held, not yet approved). */
  previousToApprove: Nullable(Type.Object({ id: Type.String(), ref: Type.String() })),
  /** The nucleus members (and their centres), who may be owners and attendees. */
  members: Type.Array(Type.Object({ user: PersonRef, organization: OrgRef })),
  abilities: Type.Array(Type.Enum(['edit', 'hold', 'approve-minutes', 'outcomes'] as const)),
});
export type Meeting = Static<typeof Meeting>;
export const MeetingList = Type.Object({
  items: Type.Array(MeetingSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});
export type MeetingList = Static<typeof MeetingList>;
export const MeetingListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
