import { Type, type Static } from 'typebox';
import { Problem } from './common.ts';
import { Id, Instant, LocalText, LocalTextOut, Nullable, Text } from './schema-helpers.ts';
import { BOOKING_ACTIONS, BOOKING_REFUSALS, BOOKING_STATES, TARIFF_UNITS, USER_CATEGORIES } from './booking-values.ts';

export * from './booking-values.ts';

/**
 * Equipment sharing: booking policies, opening hours, closures, tariffs, qualifications, bookings, availability and
 * the free-slot search. Times are ISO 8601 with an offset (the calendar zone is Europe/Rome); where a query or body
 * accepts a bare date (YYYY-MM-DD) it means that whole day in Europe/Rome. Money is in euro cents.
 *
 * Routes (under /api/v1):
 *   GET  /equipment/:id/booking-policy            BookingPolicy (also `booking` on the equipment record)
 *   PUT  /equipment/:id/booking-policy            BookingPolicyWrite → BookingPolicy          (owning centre's staff)
 *   GET  /equipment/:id/opening-rules             OpeningRules
 *   PUT  /equipment/:id/opening-rules             OpeningRules → OpeningRules (replaces them) (owning centre's staff)
 *   GET  /equipment/:id/tariffs                   TariffList (current, and past with validTo)
 *   PUT  /equipment/:id/tariffs                   TariffsWrite → TariffList (from now on)     (owning centre's staff)
 *   GET  /equipment/:id/availability?from=&to=    Availability (≤ 92 days; the same for everyone)
 *   GET  /equipment/:id/quote?start=&end=         BookingQuote (may the caller book it, category, price)
 *   GET  /equipment/:id/calendar.ics              public iCalendar: busy and closed times only
 *   POST /equipment/:id/blocks                    BlockCreate → 201 Booking (state blocked)  (owning centre's staff)
 *   GET  /closures?organization=&equipment=       ClosureList
 *   POST /closures                                ClosureCreate → 201 Closure                 (owning centre's staff)
 *   DELETE /closures/:id                          204                                         (owning centre's staff)
 *   GET  /qualifications?organization=            QualificationList
 *   POST /qualifications                          QualificationWrite → 201 Qualification      (owning centre's staff)
 *   GET  /qualifications/:id                      Qualification
 *   PATCH /qualifications/:id                     QualificationEdit → Qualification           (owning centre's staff)
 *   GET  /qualifications/:id/grants               GrantList                                   (owning centre's staff)
 *   POST /qualifications/:id/grants               GrantCreate → 201 Grant                     (owning centre's staff)
 *   POST /qualification-grants/:id/revoke         GrantRevoke → Grant                         (owning centre's staff)
 *   POST /qualifications/:id/training-requests    TrainingRequest → 202 TrainingRequestAnswer (signed in)
 *   GET  /me/qualifications                       GrantList (the caller's own grants)
 *   POST /bookings                                BookingCreate → 201 Booking; 409 slot-taken / slot-unavailable,
 *                                                 403 qualification-required, 400 every invalid field
 *   GET  /bookings?scope=mine|centre              BookingList
 *   GET  /bookings/:id                            Booking (with its timeline)
 *   POST /bookings/:id/approve                    BookingApprove → Booking (owning centre's staff, never the booker)
 *   POST /bookings/:id/decline                    BookingDecline → Booking (idem; reason required)
 *   POST /bookings/:id/cancel                     BookingCancel → Booking (the booker, or the owning centre's staff)
 *   POST /bookings/:id/usage                      BookingUsage → Booking (completed; owning centre's staff)
 *   POST /bookings/:id/no-show                    BookingNoShow → Booking (owning centre's staff)
 *   GET  /slots?q=&from=&to=&minutes=&organization=&maxPrice=   SlotList (free slots across all centres)
 *   GET  /organizations/:id/usage?from=&to=       Usage (the centre's members)
 *   GET  /organizations/:id/usage.csv?from=&to=   the same as CSV
 *   GET  /me/calendar-feed                        CalendarFeed (the caller's private iCalendar address)
 *   POST /me/calendar-feed/reset                  CalendarFeed (a new address; the old one stops working)
 *   GET  /calendar-feeds/:token/bookings.ics      the feed itself (no sign-in: the token is the key)
 */

// ---- categories, units, states ----

export const UserCategorySchema = Type.Enum(USER_CATEGORIES);

export const TariffUnitSchema = Type.Enum(TARIFF_UNITS);

export const BookingStateSchema = Type.Enum(BOOKING_STATES);

export const BookingActionSchema = Type.Enum(BOOKING_ACTIONS);

export const BookingRefusalSchema = Type.Enum(BOOKING_REFUSALS);

/**
 * The problem a refused booking answers with: `type` is one of BOOKING_PROBLEMS, `reason` says which rule refused it;
 * a missing qualification names it and how to obtain it (and `training` is where to ask for it).
 */
export const BookingProblem = Type.Object({
  ...Problem.properties,
  reason: Type.Optional(BookingRefusalSchema),
  qualification: Type.Optional(
    Type.Object({
      id: Type.String(),
      organization: Type.String(),
      name: LocalTextOut,
      howToObtain: Nullable(LocalTextOut),
    }),
  ),
  /** POST here to ask the centre for the training. */
  training: Type.Optional(Type.String()),
});
export type BookingProblem = Static<typeof BookingProblem>;

// ---- policy (the `booking` of an equipment record) ----

const policyFields = {
  bookable: Type.Boolean(),
  approval: Type.Enum(['automatic', 'manual']),
  /** Slot granularity: starts and ends fall on multiples of it from local midnight. */
  slotMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  minMinutes: Type.Integer({ minimum: 5, maximum: 44640 }),
  maxMinutes: Type.Integer({ minimum: 5, maximum: 44640 }),
  /** Set-up before and cleaning after each booking: no other booking may touch them. */
  bufferBeforeMinutes: Type.Integer({ minimum: 0, maximum: 1440 }),
  bufferAfterMinutes: Type.Integer({ minimum: 0, maximum: 1440 }),
  /** How long before its start a booking must be made. */
  leadHours: Type.Integer({ minimum: 0, maximum: 8760 }),
  /** How far ahead one may book. */
  horizonDays: Type.Integer({ minimum: 1, maximum: 730 }),
  /** Only during the opening hours marked as assisted (a technician present). */
  assistedOnly: Type.Boolean(),
  /** A request waiting for approval holds its slot this long, then expires. */
  pendingExpiryHours: Type.Integer({ minimum: 1, maximum: 720 }),
};

/** An equipment record's booking policy as everyone reads it (`booking` on the record). */
export const BookingPolicy = Type.Object({
  ...policyFields,
  qualificationRequired: Type.Boolean(),
  /**
   * The qualification required, absent when none. (Optional rather than nullable: the policy is embedded in equipment
   * records, whose serializer cannot take a union beside their shared `Localized` schemas.)
   */
  qualification: Type.Optional(Type.Object({ id: Type.String(), name: LocalTextOut })),
  timezone: Type.Literal('Europe/Rome'),
  /** Tariff units with a price for at least one category (the amounts: GET /equipment/:id/tariffs). */
  units: Type.Array(TariffUnitSchema),
});
export type BookingPolicy = Static<typeof BookingPolicy>;

/** The owning centre's staff set the policy (every field; the qualification by id, owned by the same centre). */
export const BookingPolicyWrite = Type.Object(
  { ...policyFields, qualification: Nullable(Id) },
  { additionalProperties: false },
);
export type BookingPolicyWrite = Static<typeof BookingPolicyWrite>;

// ---- opening hours ----

export const OpeningRule = Type.Object(
  {
    /** RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR. */
    rrule: Text(6, 500),
    /** First day the rule applies (YYYY-MM-DD, the rule's DTSTART). */
    startDate: Type.String({ format: 'date' }),
    /** Local wall-clock time the window opens (HH:MM, Europe/Rome). */
    startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    /** Length of each window in minutes (wall clock; may run past midnight). */
    minutes: Type.Integer({ minimum: 5, maximum: 10080 }),
    /** A technician is present (required when the policy is assisted-only). */
    assisted: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OpeningRule = Static<typeof OpeningRule>;
export const OpeningRules = Type.Object(
  { items: Type.Array(OpeningRule, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type OpeningRules = Static<typeof OpeningRules>;

// ---- closures and maintenance blocks ----

export const ClosureCreate = Type.Object(
  {
    /** The centre closing (all its equipment); left out when `equipment` is given. */
    organization: Type.Optional(Id),
    /** One instrument only. */
    equipment: Type.Optional(Id),
    start: Instant,
    /** Exclusive; a bare date closes through the end of that day. */
    end: Instant,
    reason: LocalText(500),
  },
  { additionalProperties: false },
);
export type ClosureCreate = Static<typeof ClosureCreate>;
export const Closure = Type.Object({
  id: Type.String(),
  organization: Type.String(),
  equipment: Nullable(Type.String()),
  start: Type.String(),
  end: Type.String(),
  reason: LocalTextOut,
});
export type Closure = Static<typeof Closure>;
export const ClosureListQuery = Type.Object(
  {
    organization: Type.Optional(Id),
    equipment: Type.Optional(Id),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export const ClosureList = Type.Object({ items: Type.Array(Closure) });

/** A maintenance block: the instrument is out of use (a booking of state `blocked`, never double-booked either). */
export const BlockCreate = Type.Object(
  { start: Instant, end: Instant, reason: Text(3, 500) },
  { additionalProperties: false },
);
export type BlockCreate = Static<typeof BlockCreate>;

// ---- tariffs and quotes ----

export const TariffWrite = Type.Object(
  {
    category: UserCategorySchema,
    unit: TariffUnitSchema,
    /** Euro cents per unit, VAT excluded. */
    amountCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  },
  { additionalProperties: false },
);
/** Replaces the instrument's current tariffs from now on (the old ones stay, closed, for the bookings that quote them). */
export const TariffsWrite = Type.Object(
  { items: Type.Array(TariffWrite, { maxItems: 18 }) },
  { additionalProperties: false },
);
export type TariffsWrite = Static<typeof TariffsWrite>;
export const Tariff = Type.Object({
  id: Type.String(),
  category: UserCategorySchema,
  unit: TariffUnitSchema,
  amountCents: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
export type Tariff = Static<typeof Tariff>;
export const TariffList = Type.Object({
  equipment: Type.String(),
  currency: Type.Literal('EUR'),
  items: Type.Array(Tariff),
});

/** A price quote, frozen on a booking when it is made. */
export const PriceQuote = Type.Object({
  category: UserCategorySchema,
  unit: TariffUnitSchema,
  /** Units charged: hours (fractional), half-days or samples. */
  quantity: Type.Number(),
  unitAmountCents: Type.Integer(),
  amountCents: Type.Integer(),
  currency: Type.Literal('EUR'),
  tariff: Type.String(),
});
export type PriceQuote = Static<typeof PriceQuote>;

export const QuoteQuery = Type.Object(
  {
    start: Instant,
    end: Instant,
    /** Book for this organisation (one of the caller's); by default the caller's only one, or themselves. */
    organization: Type.Optional(Id),
    samples: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  },
  { additionalProperties: false },
);
/** What a booking of this interval would do for the caller: allowed or why not, with which category and price. */
export const BookingQuote = Type.Object({
  ok: Type.Boolean(),
  reason: Nullable(BookingRefusalSchema),
  approval: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
  category: Nullable(UserCategorySchema),
  /** null: no tariff for the category (price on request). */
  price: Nullable(PriceQuote),
});
export type BookingQuote = Static<typeof BookingQuote>;

// ---- qualifications ----

export const QualificationWrite = Type.Object(
  {
    organization: Id,
    name: LocalText(200),
    description: Type.Optional(LocalText(4000)),
    /** How to obtain it (the course, whom to ask): shown to whoever is refused a booking for lack of it. */
    howToObtain: Type.Optional(LocalText(4000)),
    /** A grant lasts this long unless given its own date; null: no expiry. */
    validityMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 240 }))),
  },
  { additionalProperties: false },
);
export type QualificationWrite = Static<typeof QualificationWrite>;
export const QualificationEdit = Type.Object(
  {
    name: Type.Optional(LocalText(200)),
    description: Type.Optional(Nullable(LocalText(4000))),
    howToObtain: Type.Optional(Nullable(LocalText(4000))),
    validityMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 240 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type QualificationEdit = Static<typeof QualificationEdit>;
export const Qualification = Type.Object({
  id: Type.String(),
  organization: Type.String(),
  name: LocalTextOut,
  description: Nullable(LocalTextOut),
  howToObtain: Nullable(LocalTextOut),
  validityMonths: Nullable(Type.Integer()),
  /** Instruments whose policy requires it. */
  equipment: Type.Array(Type.String()),
  /** The caller holds it, valid today. */
  held: Type.Boolean(),
});
export type Qualification = Static<typeof Qualification>;
export const QualificationListQuery = Type.Object({ organization: Type.Optional(Id) }, { additionalProperties: false });
export const QualificationList = Type.Object({ items: Type.Array(Qualification) });

export const GrantCreate = Type.Object(
  {
    /** The person, by account id or e-mail address (one of the two). */
    user: Type.Optional(Id),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    /** YYYY-MM-DD; by default today plus the qualification's validity. */
    validUntil: Type.Optional(Type.String({ format: 'date' })),
    note: Type.Optional(Text(0, 1000)),
  },
  { additionalProperties: false },
);
export type GrantCreate = Static<typeof GrantCreate>;
export const GrantRevoke = Type.Object({ reason: Text(3, 1000) }, { additionalProperties: false });
export const Grant = Type.Object({
  id: Type.String(),
  qualification: Type.String(),
  user: Type.Object({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()) }),
  source: Type.Union([Type.Literal('manual'), Type.Literal('event')]),
  grantedAt: Type.String(),
  grantedBy: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
  /** Valid today (not revoked, not expired). */
  valid: Type.Boolean(),
});
export type Grant = Static<typeof Grant>;
export const GrantList = Type.Object({ items: Type.Array(Grant) });
/** A person asks the owning centre for the training a qualification needs (the centre's staff are notified). */
export const TrainingRequest = Type.Object({ message: Type.Optional(Text(0, 2000)) }, { additionalProperties: false });
export const TrainingRequestAnswer = Type.Object({ notified: Type.Integer() });

// ---- bookings ----

export const BookingCreate = Type.Object(
  {
    equipment: Id,
    start: Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    end: Type.String({ minLength: 16, maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    purpose: Text(3, 2000),
    /** Book for this organisation (one of the caller's); by default the caller's only one, or themselves. */
    organization: Type.Optional(Id),
    /** Number of samples, for instruments priced per sample. */
    samples: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type BookingCreate = Static<typeof BookingCreate>;

export const BookingEvent = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  message: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
});

export const Booking = Type.Object({
  id: Type.String(),
  /** Human reference, B-0001. */
  ref: Type.String(),
  equipment: Type.Object({ id: Type.String(), title: LocalTextOut, organization: Type.String() }),
  start: Type.String(),
  end: Type.String(),
  state: BookingStateSchema,
  /** A technician is present (assisted session). */
  assisted: Type.Boolean(),
  purpose: Type.String(),
  booker: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  organization: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  /** Frozen when booked. */
  category: Nullable(UserCategorySchema),
  /** Frozen when booked; null: no tariff applied (price on request, or a maintenance block). */
  price: Nullable(PriceQuote),
  samples: Nullable(Type.Integer()),
  /** A pending request expires at this moment if nobody answers. */
  expiresAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  reason: Nullable(Type.String()),
  actualStart: Nullable(Type.String()),
  actualEnd: Nullable(Type.String()),
  createdAt: Type.String(),
  timeline: Type.Optional(Type.Array(BookingEvent)),
  allowedActions: Type.Array(BookingActionSchema),
});
export type Booking = Static<typeof Booking>;

export const BookingListQuery = Type.Object(
  {
    /** mine (default): my bookings and my organisations'; centre: my centres' equipment (approval queue, blocks). */
    scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('centre')])),
    state: Type.Optional(BookingStateSchema),
    equipment: Type.Optional(Id),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type BookingListQuery = Static<typeof BookingListQuery>;
export const BookingList = Type.Object({
  items: Type.Array(Booking),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});
export type BookingList = Static<typeof BookingList>;

export const BookingDecline = Type.Object({ reason: Text(3, 2000) }, { additionalProperties: false });
export const BookingApprove = Type.Object({ message: Type.Optional(Text(0, 2000)) }, { additionalProperties: false });
export const BookingCancel = Type.Object({ reason: Type.Optional(Text(0, 2000)) }, { additionalProperties: false });
/** The owning centre records the actual use (the booking becomes completed). */
export const BookingUsage = Type.Object(
  {
    actualStart: Type.String({ minLength: 16, maxLength: 40 }),
    actualEnd: Type.String({ minLength: 16, maxLength: 40 }),
    note: Type.Optional(Text(0, 2000)),
  },
  { additionalProperties: false },
);
export const BookingNoShow = Type.Object({ note: Type.Optional(Text(0, 2000)) }, { additionalProperties: false });

// ---- availability and the free-slot search ----

export const AvailabilityQuery = Type.Object({ from: Instant, to: Instant }, { additionalProperties: false });
export const AvailabilityStatus = Type.Union([Type.Literal('free'), Type.Literal('busy'), Type.Literal('closed')]);
export const Availability = Type.Object({
  equipment: Type.String(),
  timezone: Type.Literal('Europe/Rome'),
  from: Type.String(),
  to: Type.String(),
  /** Consecutive, non-overlapping intervals covering [from, to). */
  items: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), status: AvailabilityStatus })),
});
export type Availability = Static<typeof Availability>;

export const SlotQuery = Type.Object(
  {
    /** Words of the instrument sought (title, description, keywords, in Italian or English). */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    /** Length of the slot sought; by default each instrument's minimum. */
    minutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 44640 })),
    /** Only this centre's equipment. */
    organization: Type.Optional(Id),
    /** Only these instruments (comma-separated ids): their next free slot. */
    equipment: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Highest price in euro per hour for the caller's category (slots without a tariff are left out). */
    maxPrice: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    /** Slots per instrument (earliest first). */
    perEquipment: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type SlotQuery = Static<typeof SlotQuery>;
export const Slot = Type.Object({
  equipment: Type.String(),
  organization: Type.String(),
  title: LocalTextOut,
  start: Type.String(),
  end: Type.String(),
  approval: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
  qualificationRequired: Type.Boolean(),
  /** For the caller's category; absent when no tariff applies. */
  price: Type.Optional(PriceQuote),
});
export type Slot = Static<typeof Slot>;
export const SlotList = Type.Object({
  items: Type.Array(Slot),
  /** More instruments matched than were searched (narrow the query). */
  truncated: Type.Boolean(),
});
export type SlotList = Static<typeof SlotList>;

// ---- usage (cost sharing) ----

export const UsageQuery = Type.Object(
  { from: Instant, to: Instant, equipment: Type.Optional(Id) },
  { additionalProperties: false },
);
export const UsageRow = Type.Object({
  category: UserCategorySchema,
  organization: Nullable(Type.String()),
  organizationName: Type.String(),
  bookings: Type.Integer(),
  /** Hours used (recorded actual use, else the booked time) of completed bookings. */
  hours: Type.Number(),
  revenueCents: Type.Integer(),
  noShows: Type.Integer(),
});
export const Usage = Type.Object({
  organization: Type.String(),
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(UsageRow),
});
export type Usage = Static<typeof Usage>;

// ---- calendar feeds ----

/** The caller's private iCalendar feed of their own bookings (an unguessable address; reset makes a new one). */
export const CalendarFeed = Type.Object({ url: Type.String() });
export type CalendarFeed = Static<typeof CalendarFeed>;
