// Plain values of the bookings contract (no TypeBox), so the browser can import them from `@clock/contracts/values`.

export const USER_CATEGORIES = [
  'centre-staff',
  'network-centre',
  'sme',
  'company',
  'university',
  'public-body',
] as const;
export type UserCategory = (typeof USER_CATEGORIES)[number];

export const TARIFF_UNITS = ['hour', 'half-day', 'sample'] as const;
export type TariffUnit = (typeof TARIFF_UNITS)[number];

export const BOOKING_STATES = [
  'requested',
  'confirmed',
  'declined',
  'cancelled',
  'expired',
  'blocked',
  'completed',
  'no-show',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** What the caller may do on a booking now (drives the buttons; the server checks again). */
export const BOOKING_ACTIONS = ['approve', 'decline', 'cancel', 'record-use', 'no-show'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/** Problem types specific to bookings (RFC 9457 `type`). */
export const BOOKING_PROBLEMS = {
  slotTaken: 'urn:clock:problem:slot-taken',
  slotUnavailable: 'urn:clock:problem:slot-unavailable',
  qualificationRequired: 'urn:clock:problem:qualification-required',
} as const;

/**
 * Why an interval cannot be booked (the `reason` of a slot-unavailable or qualification-required problem, and of a
 * quote): one rule decides it for the calendar, the free-slot search and the booking itself.
 */
export const BOOKING_REFUSALS = [
  'not-bookable',
  'invalid-interval',
  'in-past',
  'lead-time',
  'beyond-horizon',
  'not-aligned',
  'too-short',
  'too-long',
  'closed',
  'blocked',
  'taken',
  'qualification-required',
] as const;
export type BookingRefusal = (typeof BOOKING_REFUSALS)[number];
