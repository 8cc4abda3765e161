import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson, type ApiError } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useWrite } from './use-write.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { actionEndpoints, type Meeting, type Outcome } from './action-api.ts';
import './action-messages.ts';

interface Props {
  meeting: Meeting;
  onChange: (m: Meeting, said: string) => void;
}

function OutcomeLine({
  o,
  canMark,
  onMark,
}: {
  o: Outcome;
  canMark: boolean;
  onMark: (o: Outcome, done: boolean) => void;
}) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <span className="badge bg-secondary me-2">{t(`meeting.outcome.${o.kind}`)}</span>
      {o.text}
      {o.kind === 'action' && o.owner && o.due ? (
        <span className="d-block small">
          {t('meeting.outcome.owner_due', { owner: o.owner.name, due: formatDate(o.due) })}
          {o.overdue ? <span className="badge bg-danger ms-2">{t('meeting.outcome.overdue')}</span> : null}
          {o.doneAt ? <span className="badge bg-success ms-2">{t('meeting.outcome.done')}</span> : null}
        </span>
      ) : null}
      {o.kind === 'action' && canMark ? (
        <span className="form-check d-block">
          <input
            id={`outcome-${o.id}`}
            type="checkbox"
            className="form-check-input"
            checked={!!o.doneAt}
            onChange={(e) => onMark(o, e.target.checked)}
          />
          <label className="form-check-label" htmlFor={`outcome-${o.id}`}>
            {t('meeting.outcome.done')}
            <span className="visually-hidden"> — {o.text}</span>
          </label>
        </span>
      ) : null}
    </>
  );
}

/** A meeting of the nucleus: agenda (with items carried over), outcomes, attendees, minutes and their approval. */
export function MeetingDetail({ meeting, onChange }: Props) {
  const { t, formatDate } = useI18n();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const call = async (method: 'POST' | 'PATCH', url: string, body: unknown, said: string) => {
    setFailure(null);
    try {
      const next = await sendJson<Meeting>(method, url, body);
      clearApiCache();
      onChange(next, said);
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  const mark = (o: Outcome, done: boolean) =>
    call('PATCH', actionEndpoints.outcome(o.id), { done }, t('meeting.outcome.added'));
  const editable = meeting.abilities.includes('edit');
  return (
    <>
      {failure ? <ProblemAlert error={failure} /> : null}
      {meeting.approvedIn && meeting.minutesApprovedAt ? (
        <p className="alert alert-success">
          {t('meeting.minutes_approved', { date: formatDate(meeting.minutesApprovedAt), ref: meeting.approvedIn.ref })}
        </p>
      ) : null}
      {meeting.abilities.includes('approve-minutes') && meeting.previousToApprove ? (
        <p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => call('POST', actionEndpoints.approve(meeting.id), {}, t('meeting.approved'))}
          >
            {t('meeting.approve', { ref: meeting.previousToApprove.ref })}
          </button>
        </p>
      ) : null}
      <section aria-labelledby="meeting-agenda-title" className="mb-4">
        <h2 id="meeting-agenda-title" className="h4">
          {t('meeting.agenda')}
        </h2>
        {meeting.agenda.length === 0 ? <p>{t('meeting.agenda_none')}</p> : null}
        <ol>
          {meeting.agenda.map((a) => (
            <li key={a.id} className="mb-2">
              {a.title}
              {a.carriedOutcome ? (
                <span className="d-block small">
                  {t('meeting.agenda_carried', { ref: a.carriedOutcome.meetingRef })}
                  {a.carriedOutcome.owner && a.carriedOutcome.due
                    ? ` — ${t('meeting.outcome.owner_due', { owner: a.carriedOutcome.owner.name, due: formatDate(a.carriedOutcome.due) })}`
                    : ''}
                  {a.carriedOutcome.doneAt ? (
                    <span className="badge bg-success ms-2">{t('meeting.outcome.done')}</span>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {editable ? <AgendaForm meeting={meeting} onChange={onChange} /> : null}
      </section>
      <section aria-labelledby="meeting-outcomes-title" className="mb-4">
        <h2 id="meeting-outcomes-title" className="h4">
          {t('meeting.outcomes')}
        </h2>
        {meeting.outcomes.length === 0 ? <p>{t('meeting.outcomes_none')}</p> : null}
        <ul className="list-unstyled">
          {meeting.outcomes.map((o) => (
            <li key={o.id} className="mb-3">
              <OutcomeLine o={o} canMark onMark={mark} />
            </li>
          ))}
        </ul>
        {meeting.abilities.includes('outcomes') ? <OutcomeForm meeting={meeting} onChange={onChange} /> : null}
      </section>
      <section aria-labelledby="meeting-attendees-title" className="mb-4">
        <h2 id="meeting-attendees-title" className="h4">
          {t('meeting.attendees')}
        </h2>
        {meeting.attendees.length === 0 ? <p>{t('meeting.attendees_none')}</p> : null}
        <ul>
          {meeting.attendees.map((a) => (
            <li key={a.user.id}>
              {a.user.name}
              {a.organization ? ` (${a.organization.name})` : ''} —{' '}
              {a.present ? t('meeting.present') : t('meeting.absent')}
            </li>
          ))}
        </ul>
        {meeting.abilities.includes('hold') ? <HoldForm meeting={meeting} onChange={onChange} /> : null}
      </section>
      <MinutesSection meeting={meeting} onChange={onChange} />
      <p>
        <Link to="/nucleo">{t('meeting.back')}</Link>
      </p>
    </>
  );
}

const useMeetingWrite = (onChange: Props['onChange'], fields: string[]) => useWrite<Meeting>(onChange, fields);

function AgendaForm({ meeting, onChange }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const { submit, write } = useMeetingWrite(onChange, ['title']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write('POST', actionEndpoints.agenda(meeting.id), { title: title.trim() }, t('meeting.agenda_add'), () =>
      setTitle(''),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('meeting.agenda_add')}>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{ title: { id: 'agenda-title', label: t('meeting.agenda_title') } }}
      />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <TextField
        id="agenda-title"
        label={t('meeting.agenda_title')}
        value={title}
        onChange={setTitle}
        error={submit.errors.byField.title}
        required
      />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
        {t('meeting.agenda_add')}
      </button>
    </form>
  );
}

function OutcomeForm({ meeting, onChange }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState('decision');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const { submit, write } = useMeetingWrite(onChange, ['kind', 'text', 'owner', 'due']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const action = kind === 'action';
    void write(
      'POST',
      actionEndpoints.outcomes(meeting.id),
      { kind, text: text.trim(), ...(action ? { owner: owner || null, due: due || null } : {}) },
      t('meeting.outcome.added'),
      () => setText(''),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="outcome-form-title">
      <h3 id="outcome-form-title" className="h5">
        {t('meeting.outcome.add')}
      </h3>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          kind: { id: 'outcome-kind', label: t('meeting.outcome.kind') },
          text: { id: 'outcome-text', label: t('meeting.outcome.text') },
          owner: { id: 'outcome-owner', label: t('meeting.outcome.owner') },
          due: { id: 'outcome-due', label: t('meeting.outcome.due') },
        }}
      />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <SelectField
        id="outcome-kind"
        label={t('meeting.outcome.kind')}
        value={kind}
        onChange={setKind}
        options={(['information', 'decision', 'action'] as const).map((k) => ({
          value: k,
          label: t(`meeting.outcome.${k}`),
        }))}
        error={submit.errors.byField.kind}
      />
      <TextField
        id="outcome-text"
        label={t('meeting.outcome.text')}
        value={text}
        onChange={setText}
        multiline
        rows={2}
        error={submit.errors.byField.text}
        required
      />
      {kind === 'action' ? (
        <div className="row">
          <div className="col-md-7">
            <SelectField
              id="outcome-owner"
              label={t('meeting.outcome.owner')}
              value={owner}
              onChange={setOwner}
              emptyLabel="—"
              options={meeting.members.map((m) => ({
                value: m.user.id,
                label: `${m.user.name} (${m.organization.name})`,
              }))}
              error={submit.errors.byField.owner}
              required
            />
          </div>
          <div className="col-md-5">
            <TextField
              id="outcome-due"
              type="date"
              label={t('meeting.outcome.due')}
              value={due}
              onChange={setDue}
              error={submit.errors.byField.due}
              required
            />
          </div>
        </div>
      ) : null}
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
        {t('meeting.outcome.add')}
      </button>
    </form>
  );
}

function HoldForm({ meeting, onChange }: Props) {
  const { t } = useI18n();
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(meeting.members.map((m) => [m.user.id, true])),
  );
  const { submit, write } = useMeetingWrite(onChange, ['attendees']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write(
      'POST',
      actionEndpoints.hold(meeting.id),
      {
        attendees: meeting.members.map((m) => ({
          user: m.user.id,
          organization: m.organization.id,
          present: !!present[m.user.id],
        })),
      },
      t('meeting.held'),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="hold-title">
      <h3 id="hold-title" className="h5">
        {t('meeting.hold')}
      </h3>
      <p>{t('meeting.hold_hint')}</p>
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <fieldset>
        <legend className="h6">{t('meeting.attendees')}</legend>
        {meeting.members.map((m) => (
          <div key={m.user.id} className="form-check">
            <input
              id={`present-${m.user.id}`}
              type="checkbox"
              className="form-check-input"
              checked={!!present[m.user.id]}
              onChange={(e) => setPresent({ ...present, [m.user.id]: e.target.checked })}
            />
            <label className="form-check-label" htmlFor={`present-${m.user.id}`}>
              {m.user.name} ({m.organization.name})
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary btn-sm mt-2" disabled={submit.busy}>
        {t('meeting.hold')}
      </button>
    </form>
  );
}

function MinutesSection({ meeting, onChange }: Props) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const { submit, write } = useMeetingWrite(onChange, ['minutes']);
  const editable = meeting.abilities.includes('edit');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write('PATCH', actionEndpoints.meeting(meeting.id), { minutes }, t('meeting.minutes_saved'));
  };
  return (
    <section aria-labelledby="meeting-minutes-title" className="mb-4">
      <h2 id="meeting-minutes-title" className="h4">
        {t('meeting.minutes')}
      </h2>
      {editable ? (
        <form onSubmit={onSubmit} noValidate>
          {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
          <TextField
            id="meeting-minutes"
            label={t('meeting.minutes')}
            value={minutes}
            onChange={setMinutes}
            multiline
            rows={6}
            error={submit.errors.byField.minutes}
          />
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
            {t('meeting.minutes_save')}
          </button>
        </form>
      ) : meeting.minutes ? (
        <p className="meeting-minutes">{meeting.minutes}</p>
      ) : (
        <p>{t('meeting.minutes_none')}</p>
      )}
    </section>
  );
}
