import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { actionEndpoints, type Meeting, type MeetingList } from './action-api.ts';
import './action-messages.ts';

const FIELDS = ['startsAt', 'place', 'onlineUrl'];

/** The nucleus's meetings, newest first, and the form that plans the next one. */
export function MeetingListView() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const navigate = useNavigate();
  const list = useApi<MeetingList>(actionEndpoints.meetings(), { fresh: true });
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState('');
  const submit = useSubmit(FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = day && /^\d{2}:\d{2}$/.test(time) ? new Date(`${day}T${time}:00`) : null;
    void submit.run(async () => {
      const created = await sendJson<Meeting>('POST', actionEndpoints.createMeeting(), {
        startsAt: local && !Number.isNaN(local.getTime()) ? local.toISOString() : day,
        place: place.trim() || null,
        onlineUrl: online.trim() || null,
      });
      clearApiCache();
      navigate(`/nucleo/riunioni/${created.id}`, { state: { said: t('meeting.created') } });
    });
  };
  if (list.error?.status === 403) return <p className="alert alert-info">{t('meeting.list.forbidden')}</p>;
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data?.items.length === 0 ? <p>{t('meeting.list.none')}</p> : null}
      {list.data?.items.length ? (
        <ul className="list-unstyled">
          {list.data.items.map((m) => (
            <li key={m.id} className="mb-3">
              <Link to={`/nucleo/riunioni/${m.id}`} className="fw-semibold">
                {t('meeting.title', { ref: m.ref })}
              </Link>{' '}
              — {formatDateTime(m.startsAt)} —{' '}
              <span className="badge bg-secondary">{t(`meeting.state.${m.state}`)}</span>
              {m.openActions ? (
                <span className="ms-2">{t('meeting.list.open_actions', { n: formatNumber(m.openActions) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby="meeting-new-title" className="mt-4">
        <h2 id="meeting-new-title" className="h4">
          {t('meeting.list.new')}
        </h2>
        <ErrorSummary
          items={submit.errors.items}
          attempt={submit.attempt}
          fields={{
            startsAt: { id: 'meeting-day', label: t('meeting.day') },
            place: { id: 'meeting-place', label: t('meeting.place') },
            onlineUrl: { id: 'meeting-online', label: t('meeting.online') },
          }}
        />
        {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
        <div className="row">
          <div className="col-sm-6">
            <TextField
              id="meeting-day"
              type="date"
              label={t('meeting.day')}
              value={day}
              onChange={setDay}
              error={submit.errors.byField.startsAt}
              required
            />
          </div>
          <div className="col-sm-6">
            <TextField
              id="meeting-time"
              label={t('meeting.time')}
              value={time}
              onChange={setTime}
              inputMode="numeric"
            />
          </div>
        </div>
        <TextField
          id="meeting-place"
          label={t('meeting.place')}
          value={place}
          onChange={setPlace}
          error={submit.errors.byField.place}
          markOptional
        />
        <TextField
          id="meeting-online"
          type="url"
          label={t('meeting.online')}
          value={online}
          onChange={setOnline}
          error={submit.errors.byField.onlineUrl}
          markOptional
        />
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {t('meeting.create')}
        </button>
      </form>
    </>
  );
}
