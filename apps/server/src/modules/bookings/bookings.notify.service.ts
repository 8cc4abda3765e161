import type { Tx } from '../../db/client.ts';
import { formatInstant } from '../../core/calendar.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './bookings.repo.ts';
import { bookingRef } from './lifecycle.rules.ts';

/**
 * Tells the booker or the instrument's centre about a booking, in the app and by e-mail (through the notifications
 * module and its outbox, in the same transaction). Only people who may see the booking are ever told.
 */
export async function tellBooking(
  tx: Tx,
  publicUrl: string,
  r: Pick<
    repo.BookingRow,
    'id' | 'number' | 'equipmentTitle' | 'start' | 'end' | 'reason' | 'bookerUserId' | 'ownerOrganizationId' | 'state'
  >,
  kind: string,
  audience: 'booker' | 'staff',
  except: string | null = null,
) {
  const candidates =
    audience === 'booker'
      ? await repo.recipientsById(tx, r.bookerUserId ? [r.bookerUserId] : [])
      : await repo.staffOf(tx, r.ownerOrganizationId);
  const recipients = candidates.filter((u) => u.id !== except);
  const params: Record<string, string> = {
    ref: bookingRef(r.number),
    equipment: r.equipmentTitle.it ?? r.equipmentTitle.en ?? '',
    equipmentEn: r.equipmentTitle.en ?? r.equipmentTitle.it ?? '',
    start: formatInstant(r.start),
    end: formatInstant(r.end),
    state: r.state,
    path: `/prenotazioni/${r.id}`,
  };
  if (r.reason) params.reason = r.reason;
  return notify(
    tx,
    publicUrl,
    { kind, requestId: null, bookingId: r.id, params, urgent: kind === 'booking-declined' },
    recipients,
  );
}
