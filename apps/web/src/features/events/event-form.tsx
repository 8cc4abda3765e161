import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { EVENT_KINDS, EVENT_MODES, EVENT_VISIBILITIES } from '@clock/contracts/values';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { chosenLead, OrganizerFields } from '../editing/organizer-fields.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useSession } from '../identity/session.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { eventOrganizations } from './event-roles.ts';
import { eventEndpoints, type EventDetail } from './event-api.ts';
import {
  capacityOf,
  priceCentsOf,
  degreesOf,
  draftOf,
  fieldsOf,
  isWebAddress,
  sessionsChanged,
  sessionsOf,
  type EventDraft,
} from './event-draft.ts';
import { EventSessionsField } from './event-sessions-field.tsx';
import './event-messages.ts';

const ID = 'event';
// The server's field pointers (/organizers/0/organization, /title/it, /items/1/end…) map onto these names.
const FIELDS = [
  'organizers',
  'kind',
  'title',
  'summary',
  'description',
  'mode',
  'place',
  'onlineUrl',
  'language',
  'audience',
  'filiere',
  'capacity',
  'price',
  'visibility',
  'sessions',
  'items',
] as const;

/**
 * Writes an event (a draft) or changes one: organisers, kind, texts in either language, where (a place, a link or
 * both), for whom, places, price, visibility and its sessions in Italian time. Registration questions and the
 * qualification an event grants are not asked here (the API takes them; the form leaves them as they are).
 */
export function EventForm({ event }: { event?: EventDetail }) {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const { taxonomies, organizations } = useReferenceData();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<EventDraft>(() => draftOf(event));
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set = (key: keyof EventDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const leads: { id: string; name: string; shortName?: string }[] = eventOrganizations(user, organizations);
  // Editing keeps the current lead even when the editor is only a co-organiser.
  const current = event?.organizers.find((o) => o.id === draft.lead);
  if (current && !leads.some((l) => l.id === current.id)) leads.unshift({ id: current.id, name: current.name });
  const lead = chosenLead(draft.lead, leads);
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const inPerson = draft.mode !== 'online';
  const online = draft.mode !== 'in-person';

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const fields = fieldsOf(draft, lead);
    const sessions = sessionsOf(draft.sessions);
    const lat = degreesOf(draft.lat, 90);
    const lon = degreesOf(draft.lon, 180);
    const local = localErrors(
      [
        ['organizers', !lead, t('events.form.error.organizer')],
        ['title', !fields.title, t('events.form.error.title')],
        ['summary', !fields.summary, t('events.form.error.summary')],
        ['place', inPerson && !draft.placeName.trim(), t('events.form.error.place')],
        [
          'place',
          Number.isNaN(lat) || Number.isNaN(lon) || (lat === null) !== (lon === null),
          t('events.form.error.coordinates'),
        ],
        ['onlineUrl', online && !isWebAddress(draft.onlineUrl), t('events.form.error.online_url')],
        ['capacity', Number.isNaN(capacityOf(draft.capacity)), t('events.form.error.capacity')],
        ['price', Number.isNaN(priceCentsOf(draft.price)), t('events.form.error.price')],
        ['sessions', !sessions, t('events.form.error.sessions')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      let saved: EventDetail;
      if (!event) {
        saved = await sendJson<EventDetail>('POST', eventEndpoints.create(), { ...fields, sessions });
      } else {
        saved = await sendJson<EventDetail>('PATCH', eventEndpoints.one(event.id), fields);
        if (sessions && sessionsChanged(event.sessions, sessions))
          saved = await sendJson<EventDetail>('PUT', eventEndpoints.sessions(event.id), { items: sessions });
      }
      clearApiCache();
      navigate(`/eventi/${saved.id}`, event ? { state: { notice: 'saved' } } : undefined);
    }, local);
  };

  const summary: Partial<Record<string, SummaryField>> = {
    organizers: { id: `${ID}-lead`, label: t('events.form.organizer') },
    kind: { id: `${ID}-kind`, label: t('events.form.kind') },
    title: { id: `${ID}-title-it`, label: t('events.form.title') },
    summary: { id: `${ID}-summary-it`, label: t('events.form.summary') },
    description: { id: `${ID}-description-it`, label: t('events.form.description_it') },
    mode: { id: `${ID}-mode`, label: t('events.form.mode') },
    place: { id: `${ID}-place-name`, label: t('events.form.place_name') },
    onlineUrl: { id: `${ID}-online-url`, label: t('events.form.online_url') },
    language: { id: `${ID}-language`, label: t('events.form.language') },
    audience: { id: `${ID}-audience-it`, label: t('events.form.audience_it') },
    filiere: { id: `${ID}-filiere`, label: t('events.form.filiere') },
    capacity: { id: `${ID}-capacity`, label: t('events.form.capacity') },
    price: { id: `${ID}-price`, label: t('events.form.price') },
    visibility: { id: `${ID}-visibility`, label: t('events.form.visibility') },
    sessions: { id: `${ID}-sessions`, label: t('events.form.sessions') },
    items: { id: `${ID}-sessions`, label: t('events.form.sessions') },
  };
  const texts = (key: 'title' | 'summary' | 'description' | 'audience', rows?: number) =>
    (['it', 'en'] as const).map((l) => {
      const name = `${key}${l === 'it' ? 'It' : 'En'}` as keyof EventDraft;
      return (
        <TextField
          key={l}
          id={`${ID}-${key}-${l}`}
          label={t(`events.form.${key}_${l}`)}
          hint={key === 'summary' && l === 'it' ? t('events.form.summary_hint') : undefined}
          value={draft[name] as string}
          onChange={set(name)}
          error={l === 'it' ? e[key] : undefined}
          multiline={!!rows}
          rows={rows}
          lang={l}
          markOptional={l === 'en' || key === 'description' || key === 'audience'}
        />
      );
    });

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={summary} attempt={submit.attempt} intro={failureText} />
      <OrganizerFields
        idPrefix={ID}
        leads={leads}
        lead={lead}
        partners={draft.coOrganizers}
        all={organizations}
        onLead={set('lead')}
        onPartners={(coOrganizers) => setDraft((d) => ({ ...d, coOrganizers }))}
        error={e.organizers}
        labels={{
          lead: t('events.form.organizer'),
          choose: t('events.form.organizer_choose'),
          partners: t('events.form.co_organizers'),
          partnersHint: t('events.form.co_organizers_hint'),
        }}
      />
      <RadioGroup
        id={`${ID}-kind`}
        name="kind"
        legend={t('events.form.kind')}
        options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        value={draft.kind}
        onChange={set('kind')}
        error={e.kind}
        required
      />
      {texts('title')}
      {texts('summary', 3)}
      {texts('description', 8)}
      <RadioGroup
        id={`${ID}-mode`}
        name="mode"
        legend={t('events.form.mode')}
        options={EVENT_MODES.map((m) => ({ value: m, label: t(`events.mode.${m}`) }))}
        value={draft.mode}
        onChange={set('mode')}
        error={e.mode}
        required
      />
      {inPerson ? (
        <>
          <TextField
            id={`${ID}-place-name`}
            label={t('events.form.place_name')}
            hint={t('events.form.place_name_hint')}
            value={draft.placeName}
            onChange={set('placeName')}
            error={e.place}
            required
          />
          <TextField
            id={`${ID}-place-address`}
            label={t('events.form.place_address')}
            value={draft.placeAddress}
            onChange={set('placeAddress')}
            autoComplete="street-address"
            markOptional
          />
          <div className="event-coordinates">
            <TextField
              id={`${ID}-lat`}
              label={t('events.form.place_lat')}
              hint={t('events.form.place_coordinates_hint')}
              value={draft.lat}
              onChange={set('lat')}
              inputMode="text"
              markOptional
            />
            <TextField
              id={`${ID}-lon`}
              label={t('events.form.place_lon')}
              value={draft.lon}
              onChange={set('lon')}
              inputMode="text"
              markOptional
            />
          </div>
        </>
      ) : null}
      {online ? (
        <TextField
          id={`${ID}-online-url`}
          type="url"
          label={t('events.form.online_url')}
          hint={t('events.form.online_url_hint')}
          value={draft.onlineUrl}
          onChange={set('onlineUrl')}
          error={e.onlineUrl}
          inputMode="url"
          required
        />
      ) : null}
      <EventSessionsField
        id={`${ID}-sessions`}
        rows={draft.sessions}
        onChange={(sessions) => setDraft((d) => ({ ...d, sessions }))}
        error={e.sessions ?? e.items}
      />
      <SelectField
        id={`${ID}-language`}
        label={t('events.form.language')}
        value={draft.language}
        onChange={set('language')}
        options={[
          { value: 'it', label: t('events.lang.it') },
          { value: 'en', label: t('events.lang.en') },
        ]}
        error={e.language}
        required
      />
      {texts('audience', 3)}
      <CheckboxGroup
        id={`${ID}-filiere`}
        legend={t('events.form.filiere')}
        hint={t('events.form.filiere_hint')}
        options={filiere}
        values={draft.filiere}
        onChange={(values) => setDraft((d) => ({ ...d, filiere: values }))}
        error={e.filiere}
        markOptional
      />
      <TextField
        id={`${ID}-capacity`}
        label={t('events.form.capacity')}
        hint={t('events.form.capacity_hint')}
        value={draft.capacity}
        onChange={set('capacity')}
        error={e.capacity}
        inputMode="numeric"
        markOptional
      />
      <TextField
        id={`${ID}-price`}
        label={t('events.form.price')}
        hint={t('events.form.price_hint')}
        value={draft.price}
        onChange={set('price')}
        error={e.price}
        inputMode="text"
        markOptional
      />
      <RadioGroup
        id={`${ID}-visibility`}
        name="visibility"
        legend={t('events.form.visibility')}
        options={EVENT_VISIBILITIES.map((v) => ({ value: v, label: t(`events.form.visibility.${v}`) }))}
        value={draft.visibility}
        onChange={set('visibility')}
        error={e.visibility}
        required
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {event ? t('events.form.save_changes') : t('events.form.save')}
      </button>
    </form>
  );
}
