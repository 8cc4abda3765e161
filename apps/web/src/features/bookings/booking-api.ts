import { apiUrl } from '../../lib/api.ts';

/**
 * The bookings API's shapes (the shared contract, packages/contracts/src/bookings.ts): re-declared here as the web
 * reads them, so the pages only depend on what they use.
 */
export type BookingState =
  | 'requested'
  | 'confirmed'
  | 'declined'
  | 'cancelled'
  | 'expired'
  | 'blocked'
  | 'completed'
  | 'no-show';
export type UserCategory = 'centre-staff' | 'network-centre' | 'sme' | 'company' | 'university' | 'public-body';
export const USER_CATEGORIES: readonly UserCategory[] = [
  'centre-staff',
  'network-centre',
  'sme',
  'company',
  'university',
  'public-body',
];
export type TariffUnit = 'hour' | 'half-day' | 'sample';
export const TARIFF_UNITS: readonly TariffUnit[] = ['hour', 'half-day', 'sample'];
export type BookingAction = 'approve' | 'decline' | 'cancel' | 'record-use' | 'no-show';
type LocalText = { it?: string; en?: string };
type Approval = 'automatic' | 'manual';

/** An equipment record's booking policy as everyone reads it (`booking` on the record). */
export interface BookingPolicy {
  bookable: boolean;
  approval: Approval;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  leadHours: number;
  horizonDays: number;
  assistedOnly: boolean;
  pendingExpiryHours: number;
  qualificationRequired: boolean;
  qualification: { id: string; name: LocalText } | null;
  timezone?: 'Europe/Rome';
  units: TariffUnit[];
}
export type BookingPolicyWrite = Omit<
  BookingPolicy,
  'qualificationRequired' | 'qualification' | 'timezone' | 'units'
> & {
  qualification: string | null;
};

export interface OpeningRule {
  rrule: string;
  startDate: string;
  startTime: string;
  minutes: number;
  assisted: boolean;
}
export interface Closure {
  id: string;
  organization: string;
  equipment: string | null;
  start: string;
  end: string;
  reason: LocalText;
}

export interface Tariff {
  id?: string;
  category: UserCategory;
  unit: TariffUnit;
  amountCents: number;
  validFrom?: string;
  validTo?: string | null;
}
export interface TariffList {
  equipment: string;
  items: Tariff[];
}

export interface PriceQuote {
  category: UserCategory;
  unit: TariffUnit;
  quantity: number;
  unitAmountCents: number;
  amountCents: number;
}
export interface BookingQuote {
  ok: boolean;
  reason: string | null;
  approval: Approval;
  category: UserCategory | null;
  price: PriceQuote | null;
}

export interface Qualification {
  id: string;
  organization: string;
  name: LocalText;
  description: LocalText | null;
  howToObtain: LocalText | null;
  validityMonths: number | null;
  equipment: string[];
  held: boolean;
}
export interface Grant {
  id: string;
  qualification: string;
  user: { id: string; name: string; email: string | null };
  source: 'manual' | 'event';
  grantedAt: string;
  validUntil: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  valid: boolean;
}

export interface Booking {
  id: string;
  ref: string;
  equipment: { id: string; title: LocalText; organization: string };
  start: string;
  end: string;
  state: BookingState;
  assisted: boolean;
  purpose: string;
  booker: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
  category: UserCategory | null;
  price: PriceQuote | null;
  expiresAt: string | null;
  reason: string | null;
  allowedActions: BookingAction[];
}
export interface BookingList {
  items: Booking[];
  total: number;
}

export type SlotStatus = 'free' | 'busy' | 'closed';
export interface AvailabilityItem {
  start: string;
  end: string;
  status: SlotStatus;
}
export interface Availability {
  items: AvailabilityItem[];
}

export interface Slot {
  equipment: string;
  organization: string;
  title: LocalText;
  start: string;
  end: string;
  approval: Approval;
  qualificationRequired: boolean;
  price?: PriceQuote;
}
export interface SlotList {
  items: Slot[];
  truncated: boolean;
}

/** What a refused booking's problem carries beside RFC 9457's members. */
export interface BookingProblemExtra {
  reason?: string;
  qualification?: { id: string; organization: string; name: LocalText; howToObtain: LocalText | null };
  /** POST here to ask the centre for the training. */
  training?: string;
}

/** Problem types the booking answers carry. */
export const PROBLEM = {
  slotTaken: 'urn:clock:problem:slot-taken',
  slotUnavailable: 'urn:clock:problem:slot-unavailable',
  qualificationRequired: 'urn:clock:problem:qualification-required',
} as const;

const enc = encodeURIComponent;

/** The URLs of the bookings API. */
export const bookingEndpoints = {
  availability: (equipment: string, from: string, to: string) =>
    apiUrl(`/equipment/${enc(equipment)}/availability`, { from, to }),
  quote: (equipment: string, start: string, end: string) =>
    apiUrl(`/equipment/${enc(equipment)}/quote`, { start, end }),
  equipmentCalendar: (equipment: string) => apiUrl(`/equipment/${enc(equipment)}/calendar.ics`),
  policy: (equipment: string) => apiUrl(`/equipment/${enc(equipment)}/booking-policy`),
  openingRules: (equipment: string) => apiUrl(`/equipment/${enc(equipment)}/opening-rules`),
  tariffs: (equipment: string) => apiUrl(`/equipment/${enc(equipment)}/tariffs`),
  closures: (params: { organization?: string; equipment?: string }) => apiUrl('/closures', params),
  closure: (id: string) => apiUrl(`/closures/${enc(id)}`),
  create: () => apiUrl('/bookings'),
  one: (id: string) => apiUrl(`/bookings/${enc(id)}`),
  list: (params: { scope?: 'mine' | 'centre'; state?: BookingState; limit?: number }) => apiUrl('/bookings', params),
  action: (id: string, action: 'approve' | 'decline' | 'cancel') => apiUrl(`/bookings/${enc(id)}/${action}`),
  feed: () => apiUrl('/me/calendar-feed'),
  feedReset: () => apiUrl('/me/calendar-feed/reset'),
  usageCsv: (organization: string, from: string, to: string) =>
    apiUrl(`/organizations/${enc(organization)}/usage.csv`, { from, to }),
  qualifications: (organization?: string) => apiUrl('/qualifications', { organization }),
  grants: (qualification: string) => apiUrl(`/qualifications/${enc(qualification)}/grants`),
  revoke: (grant: string) => apiUrl(`/qualification-grants/${enc(grant)}/revoke`),
  myQualifications: () => apiUrl('/me/qualifications'),
  slots: (params: {
    q?: string;
    from?: string;
    to?: string;
    minutes?: number;
    organization?: string;
    maxPrice?: number;
  }) => apiUrl('/slots', params),
};

/** The record path of an equipment id (the booking panel sits there). */
export function equipmentPath(id: string): string {
  return `/attrezzature/${enc(id)}`;
}
