import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { usePageRender } from '../../lib/page-data.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import {
  bookingEndpoints,
  type Availability,
  type AvailabilityItem,
  type BookingPolicy,
  type SlotStatus,
} from './booking-api.ts';
import { startChoices } from './booking-form.tsx';
import { addDays, mondayOf, romeClock, romeDay, romeInstant, romeToday, ZONE } from './rome-time.ts';
import './booking-messages.ts';

export type CalendarView = 'week' | 'day';

/** An interval of one Rome day, with its status. */
export interface DayInterval {
  start: string;
  end: string;
  status: SlotStatus;
}

const STATUS_LABEL: Record<SlotStatus, MessageKey> = {
  free: 'booking.status.free',
  busy: 'booking.status.busy',
  closed: 'booking.status.closed',
};

/**
 * The availability items cut at Rome midnights and grouped by day, neighbours of the same status joined, so each day
 * reads as one short list ("09:00–13:00 free, 13:00–14:00 busy…").
 */
export function groupByDay(items: readonly AvailabilityItem[], days: readonly string[]): Map<string, DayInterval[]> {
  const byDay = new Map<string, DayInterval[]>(days.map((d) => [d, []]));
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) {
    let start = item.start;
    while (Date.parse(start) < Date.parse(item.end)) {
      const day = romeDay(start);
      const midnight = romeInstant(addDays(day, 1));
      const end = Date.parse(midnight) < Date.parse(item.end) ? midnight : item.end;
      const list = byDay.get(day);
      if (list) {
        const last = list[list.length - 1];
        if (last && last.status === item.status && Date.parse(last.end) === Date.parse(start)) last.end = end;
        else list.push({ start, end, status: item.status });
      }
      start = end;
    }
  }
  return byDay;
}

function prefersDayView(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(max-width: 575.98px)').matches;
}

interface CalendarProps {
  equipment: string;
  /** Free times too short, or too soon, for this policy are shown but offer no booking. */
  policy: BookingPolicy;
  /** Offered on each free interval when the reader may book; absent for anonymous visitors. */
  onChoose?: (interval: DayInterval) => void;
  /** Changes after a booking, so the calendar asks again. */
  version?: number;
}

/**
 * The instrument's free, busy and closed times as plain lists, one per day (a week, or one day on a phone): a screen
 * reader reads each day as a list; free times are buttons in the tab order. Times are Rome's.
 */
export function AvailabilityCalendar({ equipment, policy, onChoose, version = 0 }: CalendarProps) {
  const { t, lang } = useI18n();
  // A page the server rendered starts as the server drew it (a week: it cannot know the screen); a phone then
  // switches to one day.
  const fromServer = usePageRender() !== null;
  const [view, setView] = useState<CalendarView>(() => (!fromServer && prefersDayView() ? 'day' : 'week'));
  useEffect(() => {
    if (fromServer && prefersDayView()) setView('day');
  }, [fromServer]);
  const [anchor, setAnchor] = useState(romeToday);
  const headingId = useId();
  const first = view === 'week' ? mondayOf(anchor) : anchor;
  const count = view === 'week' ? 7 : 1;
  const days = useMemo(() => Array.from({ length: count }, (_, i) => addDays(first, i)), [first, count]);
  const availability = useApi<Availability>(
    bookingEndpoints.availability(equipment, romeInstant(first), romeInstant(addDays(first, count))),
    { fresh: true },
  );
  const { reload } = availability;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const grouped = useMemo(() => groupByDay(availability.data?.items ?? [], days), [availability.data, days]);

  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );
  const range =
    view === 'week'
      ? t('booking.calendar.week_of', { from: dayLabel(days[0]!), to: dayLabel(days[days.length - 1]!) })
      : dayLabel(first);
  const step = view === 'week' ? 7 : 1;
  const today = romeToday();

  return (
    <div className="availability" aria-busy={availability.loading}>
      <div className="availability-toolbar">
        <div className="btn-group" role="group" aria-label={t('booking.calendar.view')}>
          {(['week', 'day'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`btn btn-sm ${view === v ? 'btn-primary' : 'btn-outline-primary'}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(v === 'week' ? 'booking.calendar.week' : 'booking.calendar.day')}
            </button>
          ))}
        </div>
        <div className="availability-moves">
          <button
            type="button"
            className="btn btn-sm btn-outline-primary"
            onClick={() => setAnchor(addDays(anchor, -step))}
            disabled={addDays(first, count - 1) < today}
          >
            {t(view === 'week' ? 'booking.calendar.previous_week' : 'booking.calendar.previous_day')}
          </button>
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setAnchor(today)}>
            {t('booking.calendar.today')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-outline-primary"
            onClick={() => setAnchor(addDays(anchor, step))}
          >
            {t(view === 'week' ? 'booking.calendar.next_week' : 'booking.calendar.next_day')}
          </button>
        </div>
      </div>
      <h3 id={headingId} className="h6 availability-range" aria-live="polite">
        {range}
      </h3>
      <p className="small text-muted">{t('booking.calendar.zone', { zone: ZONE })}</p>
      {availability.error ? <ProblemAlert error={availability.error} onRetry={availability.reload} /> : null}
      {availability.loading ? <LoadingState /> : null}
      {availability.data &&
      !days.some((d) => grouped.get(d)?.some((i) => i.status === 'free' && startChoices(i, policy).length)) ? (
        <p className="availability-none">
          {t(view === 'week' ? 'booking.calendar.none_week' : 'booking.calendar.none_day')}
        </p>
      ) : null}
      {availability.data ? (
        <ol className={`availability-days availability-view-${view}`} aria-labelledby={headingId}>
          {days.map((day) => {
            const intervals = grouped.get(day) ?? [];
            return (
              <li key={day} className={`availability-day${day === today ? ' availability-today' : ''}`}>
                <h4 className="availability-day-name" id={`${headingId}-${day}`}>
                  {dayLabel(day)}
                </h4>
                {intervals.length === 0 ? (
                  <p className="small mb-0">{t('booking.calendar.nothing')}</p>
                ) : (
                  <ul className="slot-list" aria-labelledby={`${headingId}-${day}`}>
                    {intervals.map((i) => {
                      const time = `${romeClock(i.start)}–${i.end === romeInstant(addDays(day, 1)) ? '24:00' : romeClock(i.end)}`;
                      const bookable = i.status === 'free' && startChoices(i, policy).length > 0;
                      return (
                        <li key={i.start} className={`slot slot-${i.status}`}>
                          <span className="slot-time">{time}</span>{' '}
                          <span className="slot-status">{t(STATUS_LABEL[i.status])}</span>
                          {bookable && onChoose ? (
                            <button
                              type="button"
                              className="btn btn-sm btn-primary slot-choose"
                              onClick={() => onChoose(i)}
                              aria-label={t('booking.calendar.choose_label', { day: dayLabel(day), time })}
                            >
                              {t('booking.calendar.choose')}
                            </button>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
