import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { SuccessPanel } from '../../components/ui/success-panel.tsx';
import type { DayInterval } from './availability-calendar.tsx';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { bookingEndpoints, type Booking, type BookingPolicy, type BookingQuote } from './booking-api.ts';
import { BookingRefusal, reasonKey } from './booking-problem.tsx';
import { addMinutes, minutesBetween, romeClock, romeDay } from './rome-time.ts';
import { PriceLine, useDuration } from './booking-bits.tsx';
import { useSession } from '../identity/session.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import './booking-messages.ts';

const FIELDS = ['organization', 'start', 'end', 'purpose'] as const;

/**
 * Start times a free interval offers: on the calendar's steps (multiples of the slot from Rome midnight), not sooner
 * than the notice the instrument asks for, and leaving room for the shortest booking.
 */
export function startChoices(interval: DayInterval, terms: BookingPolicy, now = Date.now()): string[] {
  const step = Math.max(5, terms.slotMinutes || 30);
  // A free time cut by the notice starts at "now + notice", seconds included: count from the next whole minute.
  const from = addMinutes(new Date(Math.ceil(Date.parse(interval.start) / 60_000) * 60_000).toISOString(), 0);
  const [h, m] = romeClock(from).split(':').map(Number);
  const sinceMidnight = (h ?? 0) * 60 + (m ?? 0);
  const first = Math.ceil(sinceMidnight / step) * step - sinceMidnight;
  const earliest = now + (terms.leadHours ?? 0) * 3_600_000;
  const room = minutesBetween(from, interval.end);
  const out: string[] = [];
  for (let at = first; at + Math.max(terms.minMinutes, step) <= room; at += step) {
    const start = addMinutes(from, at);
    if (Date.parse(start) >= earliest) out.push(start);
  }
  return out;
}

/** Durations allowed from `start` within the interval: from the minimum to the maximum, by slot steps. */
export function durationChoices(interval: DayInterval, terms: BookingPolicy, start: string): number[] {
  const step = Math.max(5, terms.slotMinutes || 30);
  const room = minutesBetween(start, interval.end);
  const max = Math.min(room, terms.maxMinutes || room);
  const out: number[] = [];
  for (let m = Math.max(step, Math.ceil(terms.minMinutes / step) * step); m <= max; m += step) out.push(m);
  return out;
}

interface BookingFormProps {
  equipment: string;
  title: string;
  terms: BookingPolicy;
  interval: DayInterval;
  onDone: () => void;
  onCancel: () => void;
  /** The calendar should ask again: a booking was made, or someone else's was found in the way. */
  onCalendarChanged: () => void;
}

/** Books part of a free interval: start, duration, purpose, the price shown before confirming; then the answer. */
export function BookingForm({
  equipment,
  title,
  terms,
  interval,
  onDone,
  onCancel,
  onCalendarChanged,
}: BookingFormProps) {
  const { t, lang } = useI18n();
  const starts = useMemo(() => startChoices(interval, terms), [interval, terms]);
  const [start, setStart] = useState(starts[0] ?? interval.start);
  const durations = useMemo(() => durationChoices(interval, terms, start), [interval, terms, start]);
  const [minutes, setMinutes] = useState(durations[0] ?? terms.minMinutes);
  const [purpose, setPurpose] = useState('');
  // Someone in several organisations says for which one they book (the tariff category follows it).
  const { user } = useSession();
  const organizationName = useOrganizationName();
  const organizations = [...new Set(user?.memberships.map((m) => m.organization) ?? [])];
  const [organization, setOrganization] = useState(organizations[0] ?? '');
  const forOrganization = organizations.length > 1 ? organization : undefined;
  const [answer, setAnswer] = useState<Booking | null>(null);
  const submit = useSubmit(FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (!durations.includes(minutes) && durations.length) setMinutes(durations[0]!);
  }, [durations, minutes]);

  const end = addMinutes(start, minutes);
  // The server's own rule answers, before confirming: allowed or why not, with the category and the price.
  const quote = useApi<BookingQuote>(bookingEndpoints.quote(equipment, start, end, forOrganization), { fresh: true });
  const duration = useDuration();
  const day = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Rome',
  }).format(new Date(start));

  if (answer) {
    const confirmed = answer.state === 'confirmed';
    return (
      <SuccessPanel title={t(confirmed ? 'booking.done.confirmed' : 'booking.done.requested')}>
        <p>
          {t(confirmed ? 'booking.done.confirmed_text' : 'booking.done.requested_text', {
            title,
            day: new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
              dateStyle: 'full',
              timeZone: 'Europe/Rome',
            }).format(new Date(answer.start)),
            from: romeClock(answer.start),
            to: romeClock(answer.end),
          })}
        </p>
        {answer.price ? (
          <p>
            <PriceLine quote={answer.price} frozen />
          </p>
        ) : null}
        <p className="mb-0">
          <Link to="/prenotazioni">{t('booking.done.see_mine')}</Link>{' '}
          <button type="button" className="btn btn-link p-0 align-baseline" onClick={onDone}>
            {t('booking.done.another')}
          </button>
        </p>
      </SuccessPanel>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors([['purpose', purpose.trim().length < 3, t('booking.form.purpose_missing')]], FIELDS);
    void submit.run(async () => {
      try {
        const made = await sendJson<Booking>('POST', bookingEndpoints.create(), {
          equipment,
          start,
          end,
          purpose: purpose.trim(),
          ...(forOrganization ? { organization: forOrganization } : {}),
        });
        clearApiCache();
        setAnswer(made);
      } finally {
        onCalendarChanged();
      }
    }, local);
  };

  return (
    <form className="booking-form" onSubmit={onSubmit} noValidate aria-labelledby="booking-form-title">
      <h3 id="booking-form-title" className="h5" tabIndex={-1} ref={heading}>
        {t('booking.form.title', { day })}
      </h3>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          organization: { id: 'booking-organization', label: t('booking.form.organization') },
          start: { id: 'booking-start', label: t('booking.form.start') },
          end: { id: 'booking-duration', label: t('booking.form.duration') },
          purpose: { id: 'booking-purpose', label: t('booking.form.purpose') },
        }}
      />
      {submit.failure ? <BookingRefusal error={submit.failure} equipment={equipment} /> : null}
      {organizations.length > 1 ? (
        <SelectField
          id="booking-organization"
          label={t('booking.form.organization')}
          value={organization}
          onChange={setOrganization}
          options={organizations.map((o) => ({ value: o, label: organizationName(o) }))}
          error={submit.errors.byField.organization}
        />
      ) : null}
      <div className="row">
        <div className="col-sm-6">
          <SelectField
            id="booking-start"
            label={t('booking.form.start')}
            value={start}
            onChange={setStart}
            options={starts.map((s) => ({ value: s, label: romeClock(s) }))}
            error={submit.errors.byField.start}
            required
          />
        </div>
        <div className="col-sm-6">
          <SelectField
            id="booking-duration"
            label={t('booking.form.duration')}
            value={String(minutes)}
            onChange={(v) => setMinutes(Number(v))}
            options={durations.map((m) => ({
              value: String(m),
              label: `${duration(m)} (${t('booking.form.until', { time: romeClock(addMinutes(start, m)) })})`,
            }))}
            error={submit.errors.byField.end}
            required
          />
        </div>
      </div>
      <TextField
        id="booking-purpose"
        label={t('booking.form.purpose')}
        hint={t('booking.form.purpose_hint')}
        value={purpose}
        onChange={setPurpose}
        multiline
        rows={3}
        error={submit.errors.byField.purpose}
        required
      />
      <div className="booking-summary" aria-live="polite">
        <p className="mb-1">
          <strong>{t('booking.form.when')}</strong> {day}, {romeClock(start)}–{romeClock(end)} ({duration(minutes)})
          {romeDay(end) !== romeDay(start) ? ` ${t('booking.form.next_day')}` : ''}
        </p>
        <p className="mb-1">
          <strong>{t('booking.form.price')}</strong>{' '}
          {quote.data?.price ? (
            <PriceLine quote={quote.data.price} />
          ) : quote.data ? (
            t('booking.price.none')
          ) : (
            t('state.loading')
          )}
        </p>
        {quote.data && !quote.data.ok ? (
          <p className="booking-quote-refusal mb-1">
            <strong>{t('booking.form.not_possible')}</strong> {t(reasonKey(quote.data.reason))}
          </p>
        ) : null}
        <p className="mb-0">
          {t(
            (quote.data?.approval ?? terms.approval) === 'manual'
              ? 'booking.form.manual_note'
              : 'booking.form.automatic_note',
          )}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {t(terms.approval === 'manual' ? 'booking.form.submit_request' : 'booking.form.submit_confirm')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t('booking.form.back')}
        </button>
      </div>
    </form>
  );
}
