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
  const params: Record<string, string> = {
    equipment: r.equipmentTitle.it ?? r.equipmentTitle.en ?? '',
    equipmentEn: r.equipmentTitle.en ?? r.equipmentTitle.it ?? '',
    start: formatInstant(r.start),
    end: formatInstant(r.end),
  };
  if (r.reason) params.reason = r.reason;
  // A booking is seen by its booker and the owning centre's staff, who are exactly the candidates here.
  return notify(tx, publicUrl, {
    subject: {
      kind: 'booking',
      id: r.id,
      reference: bookingRef(r.number),
      visibility: 'private',
      state: r.state,
      path: `/prenotazioni/${r.id}`,
    },
    event: { kind, params, urgent: kind === 'booking-declined' },
    audience: candidates,
    accessTo: () => true,
    except,
  });
}
