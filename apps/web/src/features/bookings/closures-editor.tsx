import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type Closure } from './booking-api.ts';
import { useWhen } from './booking-bits.tsx';
import { addDays, romeClock, romeDay, romeToday } from './rome-time.ts';
import './booking-messages.ts';

const FIELDS = ['start', 'end', 'reason'];

/**
 * The instrument's closures (its own, and its centre's) beside the Italian public holidays the calendar already
 * knows: add one for some days, or remove one.
 */
export function ClosuresEditor({ equipment, onSaid }: { equipment: string; onSaid: (said: string) => void }) {
  const { t, pick, lang } = useI18n();
  const when = useWhen();
  const dayFormat = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  // Whole days (midnight to midnight) read as days, the last one included.
  const period = (c: Closure) => {
    if (romeClock(c.start) !== '00:00' || romeClock(c.end) !== '00:00') return when(c.start, c.end);
    const first = romeDay(c.start);
    const last = addDays(romeDay(c.end), -1);
    const day = (d: string) => dayFormat.format(new Date(`${d}T12:00:00Z`));
    return first === last ? day(first) : t('booking.closures.days', { from: day(first), to: day(last) });
  };
  const list = useApi<{ items: Closure[] }>(bookingEndpoints.closures({ equipment }), { fresh: true });
  const [start, setStart] = useState(() => addDays(romeToday(), 7));
  const [end, setEnd] = useState(() => addDays(romeToday(), 7));
  const [reason, setReason] = useState('');
  const submit = useSubmit(FIELDS);
  const [removeFailure, setRemoveFailure] = useState<Error | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await sendJson('POST', bookingEndpoints.closures({}), {
        equipment,
        start,
        end,
        reason: { [lang]: reason.trim() },
      });
      onSaid(t('booking.closures.added'));
      setReason('');
      list.reload();
    });
  };
  const remove = async (closure: Closure) => {
    setRemoveFailure(null);
    try {
      await sendJson('DELETE', bookingEndpoints.closure(closure.id));
      onSaid(t('booking.closures.removed'));
      list.reload();
    } catch (error) {
      setRemoveFailure(error as Error);
    }
  };
  const items = (list.data?.items ?? []).filter((c) => Date.parse(c.end) > Date.now());
  return (
    <section aria-labelledby="closures-title" className="mb-5">
      <h2 id="closures-title" className="h4">
        {t('booking.closures.title')}
      </h2>
      <p>{t('booking.closures.intro')}</p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {removeFailure ? (
        <p className="alert alert-danger" role="alert">
          {t('booking.closures.remove_failed')}
        </p>
      ) : null}
      {list.data && items.length === 0 ? <p>{t('booking.closures.none')}</p> : null}
      {items.length ? (
        <ul className="closure-list">
          {items.map((c) => {
            const why = pick(c.reason);
            return (
              <li key={c.id}>
                {period(c)} — <span lang={why?.isFallback ? why.lang : undefined}>{why?.text}</span>
                {c.equipment ? (
                  <>
                    {' '}
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(c)}>
                      {t('booking.closures.remove', { reason: why?.text ?? '' })}
                    </button>
                  </>
                ) : (
                  <span className="small"> ({t('booking.closures.centre_wide')})</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby="closure-add-title">
        <h3 id="closure-add-title" className="h5">
          {t('booking.closures.add')}
        </h3>
        <ErrorSummary
          items={submit.errors.items}
          attempt={submit.attempt}
          fields={{
            start: { id: 'closure-start', label: t('booking.closures.start') },
            end: { id: 'closure-end', label: t('booking.closures.end') },
            reason: { id: 'closure-reason', label: t('booking.closures.reason') },
          }}
        />
        {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
        <div className="row">
          <div className="col-sm-6">
            <TextField
              id="closure-start"
              label={t('booking.closures.start')}
              type="date"
              value={start}
              onChange={setStart}
              error={submit.errors.byField.start}
            />
          </div>
          <div className="col-sm-6">
            <TextField
              id="closure-end"
              label={t('booking.closures.end')}
              hint={t('booking.closures.end_hint')}
              type="date"
              value={end}
              onChange={setEnd}
              error={submit.errors.byField.end}
            />
          </div>
        </div>
        <TextField
          id="closure-reason"
          label={t('booking.closures.reason')}
          value={reason}
          onChange={setReason}
          error={submit.errors.byField.reason}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {t('booking.closures.submit')}
        </button>
      </form>
    </section>
  );
}
