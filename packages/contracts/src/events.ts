import { Type, type Static } from 'typebox';
import {
  EVENT_ACTIONS,
  EVENT_KINDS,
  EVENT_MODES,
  EVENT_ORGANIZER_ROLES,
  EVENT_STATES,
  EVENT_VISIBILITIES,
  QUESTION_KINDS,
  REGISTRATION_STATES,
} from './event-values.ts';
import { Paged } from './common.ts';
import { Id, Instant, LocalText, LocalTextOut, Nullable, Text } from './schema-helpers.ts';

export * from './event-values.ts';

/**
 * Events and training of the network: seminars, workshops, open labs, courses of several sessions, webinars and
 * matchmaking days, organised by one or several organisations (the Region may co-organise). Times are ISO 8601 with
 * an offset (the calendar zone is Europe/Rome). Money is in euro cents (`price` null: free).
 *
 * Routes (under /api/v1 unless said otherwise):
 *   GET  /events?from=&to=&q=&organization=&filiera=&s3=&kind=&scope=&page=&limit=
 *                                                  EventList {items,total,page,limit}: published and cancelled events
 *                                                  the caller may see (anonymous: public ones); scope=organizer adds
 *                                                  the drafts of the caller's organisations
 *   GET  /events/:id                               EventDetail (404 when the caller may not see it)
 *   POST /events                                   EventWrite → 201 EventDetail (a draft)        (organising centre)
 *   PATCH /events/:id                              EventEdit → EventDetail (sequence +1 once published)  (idem)
 *   PUT  /events/:id/sessions                      EventSessionsWrite → EventDetail (replaces them)      (idem)
 *   POST /events/:id/publish                       → EventDetail                                         (idem)
 *   POST /events/:id/cancel                        EventCancel → EventDetail (registrants are mailed)    (idem)
 *   GET  /events/:id/ics                           text/calendar: the event (one VEVENT per session)
 *   POST /events/:id/registrations                 RegistrationCreate → 201 Registration: signed in → confirmed
 *                                                  (or waiting when full); anonymous with an e-mail →
 *                                                  pending-confirmation until the mailed link is opened
 *                                                  409 urn:clock:problem:already-registered / registration-closed
 *   GET  /events/:id/registrations                 RegistrationList                                  (organisers)
 *   GET  /events/:id/registrations.csv             the same as CSV (RFC 4180, UTF-8, header)        (organisers)
 *   PUT  /events/:id/attendance                    AttendanceWrite → AttendanceList                  (organisers)
 *   GET  /events/:id/attendance                    AttendanceList                                    (organisers)
 *   POST /events/:id/messages                      EventMessage → 202 EventMessageAnswer             (organisers)
 *   GET  /events/:id/participation                 Participation                                     (organisers)
 *   GET  /me/event-registrations                   MyRegistrationList (the caller's own)             (signed in)
 *   POST /event-registrations/confirm              RegistrationConfirm {token} → Registration (the mailed link)
 *   GET  /event-registrations/:id?token=           Registration (the registrant: owner or token; organisers)
 *   POST /event-registrations/:id/cancel           RegistrationCancel {token?} → Registration; the first waiting
 *                                                  one is promoted and mailed
 *   GET  /event-registrations/:id/certificate?token=   application/pdf, once attended (registrant or organisers)
 * Feeds (outside /api/v1):
 *   GET  /feeds/events.ics?organization=&filiera=&s3=   text/calendar: public published and cancelled events
 *   GET  /feeds/events.xml?organization=&filiera=&s3=   application/rss+xml (RSS 2.0): the same
 */

const Code = Type.String({ minLength: 1, maxLength: 60 });

export const EventKindSchema = Type.Enum(EVENT_KINDS);
export const EventModeSchema = Type.Enum(EVENT_MODES);
export const EventStateSchema = Type.Enum(EVENT_STATES);
export const EventVisibilitySchema = Type.Enum(EVENT_VISIBILITIES);
export const EventOrganizerRoleSchema = Type.Enum(EVENT_ORGANIZER_ROLES);
export const RegistrationStateSchema = Type.Enum(REGISTRATION_STATES);
export const EventActionSchema = Type.Enum(EVENT_ACTIONS);

// ---- the event ----

export const EventPlace = Type.Object(
  {
    name: Text(1, 200),
    address: Type.Optional(Text(1, 400)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type EventPlace = Static<typeof EventPlace>;

/** An optional question asked at registration. */
export const EventQuestion = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' }),
    text: LocalText(500),
    required: Type.Boolean(),
    kind: Type.Enum(QUESTION_KINDS),
    /** For `choice`: the options (each it/en). */
    options: Type.Optional(Type.Array(LocalText(200), { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type EventQuestion = Static<typeof EventQuestion>;

export const EventOrganizerWrite = Type.Object(
  { organization: Id, role: EventOrganizerRoleSchema },
  { additionalProperties: false },
);

export const EventSessionWrite = Type.Object(
  {
    start: Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    end: Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    /** Where this session is held when not at the event's place. */
    place: Type.Optional(Nullable(EventPlace)),
    title: Type.Optional(Nullable(LocalText(200))),
  },
  { additionalProperties: false },
);
export type EventSessionWrite = Static<typeof EventSessionWrite>;
export const EventSessionsWrite = Type.Object(
  { items: Type.Array(EventSessionWrite, { minItems: 1, maxItems: 60 }) },
  { additionalProperties: false },
);
export type EventSessionsWrite = Static<typeof EventSessionsWrite>;

const eventFields = {
  kind: EventKindSchema,
  title: LocalText(200),
  summary: LocalText(600),
  description: Type.Optional(Nullable(LocalText(20000))),
  mode: EventModeSchema,
  /** Required for in-person and mixed events. */
  place: Type.Optional(Nullable(EventPlace)),
  /** Required for online and mixed events. */
  onlineUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
  /** Language the event is held in (ISO 639-1). */
  language: Type.String({ pattern: '^[a-z]{2}$' }),
  audience: Type.Optional(Nullable(LocalText(600))),
  /** Taxonomy codes (validated): filiere, NACE/ATECO sectors, S3 cells or priorities. */
  filiere: Type.Optional(Type.Array(Code, { maxItems: 20 })),
  sectors: Type.Optional(Type.Array(Code, { maxItems: 20 })),
  s3: Type.Optional(Type.Array(Code, { maxItems: 20 })),
  /** Places available; null: unlimited. */
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  registrationOpens: Type.Optional(Nullable(Instant)),
  registrationCloses: Type.Optional(Nullable(Instant)),
  questions: Type.Optional(Type.Array(EventQuestion, { maxItems: 20 })),
  /** Euro cents; null: free. */
  price: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  visibility: EventVisibilitySchema,
  /** Attending grants this qualification (one of an organising centre's). */
  grantsQualification: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  /** Share of the sessions a person must attend for the qualification and for "attended" (0–1; default 1). */
  attendanceRequired: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
};

export const EventWrite = Type.Object(
  {
    ...eventFields,
    /** The lead first; the caller must belong to the lead (or any organiser as an administrator). */
    organizers: Type.Array(EventOrganizerWrite, { minItems: 1, maxItems: 10 }),
    sessions: Type.Array(EventSessionWrite, { minItems: 1, maxItems: 60 }),
  },
  { additionalProperties: false },
);
export type EventWrite = Static<typeof EventWrite>;

export const EventEdit = Type.Partial(
  Type.Object({ ...eventFields, organizers: Type.Array(EventOrganizerWrite, { minItems: 1, maxItems: 10 }) }),
  { additionalProperties: false, minProperties: 1 },
);
export type EventEdit = Static<typeof EventEdit>;

export const EventCancel = Type.Object({ reason: Text(3, 1000) }, { additionalProperties: false });

const PlaceOut = Type.Object({
  name: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
});

export const EventSession = Type.Object({
  id: Type.String(),
  start: Type.String(),
  end: Type.String(),
  place: Nullable(PlaceOut),
  title: Nullable(LocalTextOut),
});
export type EventSession = Static<typeof EventSession>;

export const EventOrganizer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  role: EventOrganizerRoleSchema,
});

/** Places taken and free; the counts behind them are the organisers'. */
export const EventAvailability = Type.Object({
  capacity: Nullable(Type.Integer()),
  /** confirmed + attended */
  taken: Type.Integer(),
  /** null: unlimited */
  free: Nullable(Type.Integer()),
  waiting: Type.Integer(),
  /** Registration is open now (published, within the window, not started). */
  open: Type.Boolean(),
});

export const EventSummary = Type.Object({
  id: Type.String(),
  /** Human reference, E-0001. */
  ref: Type.String(),
  kind: EventKindSchema,
  title: LocalTextOut,
  summary: LocalTextOut,
  mode: EventModeSchema,
  place: Nullable(PlaceOut),
  language: Type.String(),
  state: EventStateSchema,
  visibility: EventVisibilitySchema,
  start: Type.String(),
  end: Type.String(),
  sessionCount: Type.Integer(),
  organizers: Type.Array(EventOrganizer),
  filiere: Type.Array(Type.String()),
  s3: Type.Array(Type.String()),
  price: Nullable(Type.Integer()),
  availability: EventAvailability,
  /** Absolute address of the event's page. */
  url: Type.String(),
});
export type EventSummary = Static<typeof EventSummary>;

export const MyRegistrationRef = Type.Object({ id: Type.String(), state: RegistrationStateSchema });

export const EventDetail = Type.Object({
  ...EventSummary.properties,
  description: Nullable(LocalTextOut),
  onlineUrl: Nullable(Type.String()),
  audience: Nullable(LocalTextOut),
  sectors: Type.Array(Type.String()),
  registrationOpens: Nullable(Type.String()),
  registrationCloses: Nullable(Type.String()),
  questions: Type.Array(EventQuestion),
  grantsQualification: Nullable(Type.Object({ id: Type.String(), name: LocalTextOut })),
  attendanceRequired: Type.Number(),
  sessions: Type.Array(EventSession),
  /** The iCalendar SEQUENCE: raised on every change once published. */
  sequence: Type.Integer(),
  cancelReason: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  /** The caller's own live registration, if any (signed in). */
  myRegistration: Nullable(MyRegistrationRef),
  allowedActions: Type.Array(EventActionSchema),
});
export type EventDetail = Static<typeof EventDetail>;

export const EventListQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    q: Type.Optional(Text(0, 200)),
    organization: Type.Optional(Id),
    filiera: Type.Optional(Code),
    s3: Type.Optional(Code),
    kind: Type.Optional(EventKindSchema),
    /** public (default): published and cancelled events; organizer: also drafts of the caller's organisations. */
    scope: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('organizer')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;
export const EventList = Paged(EventSummary);
export type EventList = Static<typeof EventList>;

export const EventFeedQuery = Type.Object(
  { organization: Type.Optional(Id), filiera: Type.Optional(Code), s3: Type.Optional(Code) },
  { additionalProperties: false },
);
export type EventFeedQuery = Static<typeof EventFeedQuery>;

// ---- registrations ----

export const RegistrationCreate = Type.Object(
  {
    /** Required without a session; ignored (the account's) when signed in. */
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    /** Required without a session; defaults to the account's name. */
    name: Type.Optional(Text(1, 200)),
    /** A registered organisation (signed in: one of the caller's), or only its name. */
    organization: Type.Optional(Id),
    organizationName: Type.Optional(Text(1, 200)),
    /** Question id → answer (the option's index as a string for `choice`). */
    answers: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Text(0, 2000))),
    /** Language of the e-mails (default: the account's, or it). */
    lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type RegistrationCreate = Static<typeof RegistrationCreate>;

export const Registration = Type.Object({
  id: Type.String(),
  event: Type.Object({ id: Type.String(), ref: Type.String(), title: LocalTextOut, start: Type.String() }),
  state: RegistrationStateSchema,
  /** 1-based place on the waiting list (waiting only). */
  position: Nullable(Type.Integer()),
  name: Type.String(),
  email: Nullable(Type.String()),
  user: Nullable(Type.String()),
  organization: Nullable(Type.Object({ id: Nullable(Type.String()), name: Type.String() })),
  answers: Type.Record(Type.String(), Type.String()),
  createdAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  /** Sessions attended, of how many. */
  attended: Type.Integer(),
  sessions: Type.Integer(),
  /** An attendance certificate can be downloaded. */
  certificate: Type.Boolean(),
});
export type Registration = Static<typeof Registration>;

export const RegistrationListQuery = Type.Object(
  { state: Type.Optional(RegistrationStateSchema) },
  { additionalProperties: false },
);
export const RegistrationList = Type.Object({ items: Type.Array(Registration), total: Type.Integer() });
export type RegistrationList = Static<typeof RegistrationList>;
export const MyRegistrationList = Type.Object({ items: Type.Array(Registration) });

export const RegistrationConfirm = Type.Object({ token: Text(20, 200) }, { additionalProperties: false });
export const RegistrationCancel = Type.Object({ token: Type.Optional(Text(20, 200)) }, { additionalProperties: false });
export const RegistrationAccessQuery = Type.Object(
  { token: Type.Optional(Text(20, 200)) },
  { additionalProperties: false },
);

// ---- attendance, messages, figures ----

export const AttendanceWrite = Type.Object(
  {
    session: Type.String({ format: 'uuid' }),
    items: Type.Array(
      Type.Object(
        { registration: Type.String({ format: 'uuid' }), present: Type.Boolean() },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type AttendanceWrite = Static<typeof AttendanceWrite>;
export const AttendanceList = Type.Object({
  items: Type.Array(
    Type.Object({
      registration: Type.String(),
      session: Type.String(),
      present: Type.Boolean(),
      recordedAt: Type.String(),
    }),
  ),
});
export type AttendanceList = Static<typeof AttendanceList>;

export const EventMessage = Type.Object(
  {
    subject: Text(3, 200),
    body: Text(3, 10000),
    /** Which registrants (default: confirmed). */
    states: Type.Optional(
      Type.Array(Type.Union([Type.Literal('confirmed'), Type.Literal('waiting'), Type.Literal('attended')]), {
        minItems: 1,
        maxItems: 3,
      }),
    ),
  },
  { additionalProperties: false },
);
export type EventMessage = Static<typeof EventMessage>;
export const EventMessageAnswer = Type.Object({ queued: Type.Integer() });

export const Participation = Type.Object({
  registered: Type.Integer(),
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
  pending: Type.Integer(),
  cancelled: Type.Integer(),
  attended: Type.Integer(),
  /** Live registrations (confirmed, waiting, attended) by the kind of organisation; `none` without one. */
  byOrganizationKind: Type.Record(Type.String(), Type.Integer()),
});
export type Participation = Static<typeof Participation>;
