import { useMemo } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { bookingEndpoints, slotHref, type Slot, type SlotList } from './booking-api.ts';
import { romeClock } from './rome-time.ts';

/** The next free slot of each of these instruments (one request for all; none for those not bookable here). */
export function useNextFreeSlots(ids: readonly string[]): Map<string, Slot> {
  const key = [...new Set(ids)].sort().join(',');
  const answer = useApi<SlotList>(key ? bookingEndpoints.slots({ equipment: key, perEquipment: 1 }) : null);
  return useMemo(() => new Map((answer.data?.items ?? []).map((s) => [s.equipment, s])), [answer.data]);
}

/** "Libero da lunedì 7 dicembre, 09:00 — prenota", linking to the booking form on that time. */
export function NextFreeSlot({ slot }: { slot: Slot | undefined }) {
  const { t, lang } = useI18n();
  if (!slot) return null;
  const day = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(slot.start));
  return (
    <span className="next-free-slot">
      <Link to={slotHref(slot)}>{t('booking.next_free', { when: `${day}, ${romeClock(slot.start)}` })}</Link>
    </span>
  );
}
