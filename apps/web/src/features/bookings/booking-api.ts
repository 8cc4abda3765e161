import { apiUrl } from '../../lib/api.ts';

import { BOOKING_PROBLEMS, TARIFF_UNITS, USER_CATEGORIES } from '@clock/contracts/values';
import type {
  Availability,
  Booking as BookingOut,
  BookingAction,
  BookingPolicy as BookingPolicyOut,
  BookingPolicyWrite,
  BookingProblem,
  BookingQuote,
  BookingState,
  Closure,
  Grant,
  OpeningRule,
  PriceQuote,
  Qualification,
  Slot,
  SlotList,
  Tariff,
  TariffUnit,
  UserCategory,
} from '@clock/contracts';

export { TARIFF_UNITS, USER_CATEGORIES };
export type {
  Availability,
  BookingAction,
  BookingPolicyWrite,
  BookingQuote,
  BookingState,
  Closure,
  Grant,
  OpeningRule,
  PriceQuote,
  Qualification,
  Slot,
  SlotList,
  Tariff,
  TariffUnit,
  UserCategory,
};
/** The lists the contract types by value only, named here for the pages (no-ops where the contract already says so). */
export type Booking = Omit<BookingOut, 'allowedActions'> & { allowedActions: BookingAction[] };
export type BookingPolicy = Omit<BookingPolicyOut, 'units'> & { units: TariffUnit[] };
export interface BookingList {
  items: Booking[];
  total: number;
}
export interface TariffList {
  equipment: string;
  items: Tariff[];
}
export type AvailabilityItem = Availability['items'][number];
export type SlotStatus = AvailabilityItem['status'];
/** What a refused booking's problem carries beside RFC 9457's members. */
export type BookingProblemExtra = Pick<BookingProblem, 'reason' | 'qualification' | 'training'>;
/** Problem types the booking answers carry. */
export const PROBLEM = BOOKING_PROBLEMS;

const enc = encodeURIComponent;

/** The URLs of the bookings API. */
export const bookingEndpoints = {
  availability: (equipment: string, from: string, to: string) =>
    apiUrl(`/equipment/${enc(equipment)}/availability`, { from, to }),
  quote: (equipment: string, start: string, end: string, organization?: string) =>
    apiUrl(`/equipment/${enc(equipment)}/quote`, { start, end, organization }),
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
    equipment?: string;
    perEquipment?: number;
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

/** Where a free slot leads: the instrument's page with the booking form opened on that time. */
export function slotHref(slot: Pick<Slot, 'equipment' | 'start' | 'end'>): string {
  return `${equipmentPath(slot.equipment)}?inizio=${enc(slot.start)}&fine=${enc(slot.end)}#prenota`;
}
