import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { eventEndpoints, type EventList } from '../events/event-api.ts';
import { matchmakingEndpoints, type MatchmakingDay } from './matchmaking-api.ts';
import { dayDraftErrors, dayOfDraft, firstDraft, type DayDraft } from './day-draft.ts';
import './matchmaking-messages.ts';

const ID = 'mm-day';
const FIELDS = [
  'organizer',
  'title',
  'day',
  'startTime',
  'slotMinutes',
  'slots',
  'tables',
  'filiere',
  'eventId',
] as const;

/**
 * A centre's staff organise a matchmaking day: the centre, a title in either language, the day, when the first
 * meeting starts, how long a meeting lasts, how many rounds and tables, the supply chains it is for and, optionally,
 * the event it belongs to (one of the centre's events). The server checks everything again.
 */
export function DayForm({ centres }: { centres: { id: string; name: string }[] }) {
  const { t, pick, lang } = useI18n();
  const { taxonomies } = useReferenceData();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<DayDraft>(() => firstDraft(centres[0]?.id ?? ''));
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failure = useEditFailureText(submit.failure);
  const set = (key: keyof DayDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const events = useApi<EventList>(
    draft.organizer ? eventEndpoints.list({ scope: 'organizer', organization: draft.organizer, limit: 50 }) : null,
  );
  const eventOptions = (events.data?.items ?? [])
    .filter((ev) => ev.state !== 'cancelled')
    .map((ev) => ({ value: ev.id, label: `${pick(ev.title)?.text ?? ev.ref} (${ev.start.slice(0, 10)})` }));
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors(
      dayDraftErrors(draft).map(([field, key]) => [field, true, t(key)] as [string, boolean, string]),
      FIELDS,
    );
    void submit.run(async () => {
      const saved = await sendJson<MatchmakingDay>('POST', matchmakingEndpoints.create(), dayOfDraft(draft));
      clearApiCache();
      navigate(`/incontri/${saved.id}`);
    }, local);
  };

  const number = (key: 'slotMinutes' | 'slots' | 'tables', hint: string) => (
    <TextField
      id={`${ID}-${key}`}
      label={t(`mm.new.${key}`)}
      hint={hint}
      type="number"
      inputMode="numeric"
      value={draft[key]}
      onChange={set(key)}
      error={e[key]}
      required
    />
  );
  return (
    <form id={ID} onSubmit={onSubmit} noValidate className="mm-form">
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        intro={failure}
        fields={{
          organizer: { id: `${ID}-organizer`, label: t('mm.new.organizer') },
          title: { id: `${ID}-title-it`, label: t('mm.new.title_it') },
          day: { id: `${ID}-day`, label: t('mm.new.day') },
          startTime: { id: `${ID}-startTime`, label: t('mm.new.startTime') },
          slotMinutes: { id: `${ID}-slotMinutes`, label: t('mm.new.slotMinutes') },
          slots: { id: `${ID}-slots`, label: t('mm.new.slots') },
          tables: { id: `${ID}-tables`, label: t('mm.new.tables') },
          filiere: { id: `${ID}-filiere`, label: t('mm.new.filiere') },
          eventId: { id: `${ID}-event`, label: t('mm.new.event') },
        }}
      />
      <SelectField
        id={`${ID}-organizer`}
        label={t('mm.new.organizer')}
        value={draft.organizer}
        onChange={(organizer) => setDraft((d) => ({ ...d, organizer, eventId: '' }))}
        options={centres.map((c) => ({ value: c.id, label: c.name }))}
        error={e.organizer}
      />
      <TextField
        id={`${ID}-title-it`}
        label={t('mm.new.title_it')}
        hint={t('mm.new.title_hint')}
        value={draft.titleIt}
        onChange={set('titleIt')}
        error={e.title}
        lang="it"
      />
      <TextField
        id={`${ID}-title-en`}
        label={t('mm.new.title_en')}
        value={draft.titleEn}
        onChange={set('titleEn')}
        markOptional
        lang="en"
      />
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField
            id={`${ID}-day`}
            label={t('mm.new.day')}
            type="date"
            value={draft.day}
            onChange={set('day')}
            error={e.day}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id={`${ID}-startTime`}
            label={t('mm.new.startTime')}
            hint={t('mm.new.startTime_hint')}
            type="time"
            value={draft.startTime}
            onChange={set('startTime')}
            error={e.startTime}
            required
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-md-4">{number('slotMinutes', t('mm.new.slotMinutes_hint'))}</div>
        <div className="col-12 col-md-4">{number('slots', t('mm.new.slots_hint'))}</div>
        <div className="col-12 col-md-4">{number('tables', t('mm.new.tables_hint'))}</div>
      </div>
      <CheckboxGroup
        id={`${ID}-filiere`}
        legend={t('mm.new.filiere')}
        hint={t('mm.new.filiere_hint')}
        options={filiere}
        values={draft.filiere}
        onChange={(values) => setDraft((d) => ({ ...d, filiere: values }))}
        error={e.filiere}
        markOptional
      />
      <SelectField
        id={`${ID}-event`}
        label={t('mm.new.event')}
        hint={t('mm.new.event_hint')}
        value={draft.eventId}
        onChange={set('eventId')}
        emptyLabel={t('mm.new.no_event')}
        options={eventOptions}
        error={e.eventId}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {submit.busy ? t('state.saving') : t('mm.new.submit')}
      </button>
    </form>
  );
}
