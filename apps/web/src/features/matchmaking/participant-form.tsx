import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { useSession } from '../identity/session.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { matchmakingEndpoints, slotStart, type MatchmakingDay, type Participant } from './matchmaking-api.ts';
import './matchmaking-messages.ts';

const ID = 'mm-profile';
const FIELDS = ['organization', 'offers', 'seeks', 'unavailableSlots'];

/**
 * Registers for a matchmaking day, or changes the registration: what one offers and seeks (in the page's language;
 * the other language's text is kept), the organisation one comes for, the slots one cannot attend.
 */
export function ParticipantForm({
  day,
  profile,
  onSaved,
}: {
  day: MatchmakingDay;
  profile: Participant | null;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { memberships } = useSession();
  const orgName = useOrganizationName();
  const [organization, setOrganization] = useState(profile?.organizationId ?? memberships[0]?.organization ?? '');
  const [offers, setOffers] = useState(profile?.offers?.[lang] ?? '');
  const [seeks, setSeeks] = useState(profile?.seeks?.[lang] ?? '');
  const [off, setOff] = useState<string[]>((profile?.unavailableSlots ?? []).map(String));
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failure = useEditFailureText(submit.failure);

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    void submit.run(async () => {
      await sendJson('POST', matchmakingEndpoints.participants(day.id), {
        ...(organization ? { organization } : {}),
        offers: { ...profile?.offers, [lang]: offers.trim() },
        seeks: { ...profile?.seeks, [lang]: seeks.trim() },
        unavailableSlots: off.map(Number),
      });
      onSaved();
    });
  };
  return (
    <form id={ID} onSubmit={onSubmit} noValidate className="mm-form">
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        intro={failure}
        fields={{
          organization: { id: `${ID}-org`, label: t('mm.profile.organization') },
          offers: { id: `${ID}-offers`, label: t('mm.profile.offers') },
          seeks: { id: `${ID}-seeks`, label: t('mm.profile.seeks') },
          unavailableSlots: { id: `${ID}-off-0`, label: t('mm.profile.unavailable') },
        }}
      />
      {memberships.length > 1 ? (
        <SelectField
          id={`${ID}-org`}
          label={t('mm.profile.organization')}
          value={organization}
          onChange={setOrganization}
          options={memberships.map((m) => ({ value: m.organization, label: orgName(m.organization) }))}
          error={e.organization}
        />
      ) : null}
      <TextField
        id={`${ID}-offers`}
        label={t('mm.profile.offers')}
        hint={t('mm.profile.offers_hint')}
        value={offers}
        onChange={setOffers}
        multiline
        rows={3}
        error={e.offers}
      />
      <TextField
        id={`${ID}-seeks`}
        label={t('mm.profile.seeks')}
        hint={t('mm.profile.seeks_hint')}
        value={seeks}
        onChange={setSeeks}
        multiline
        rows={3}
        error={e.seeks}
      />
      <CheckboxGroup
        id={`${ID}-off`}
        legend={t('mm.profile.unavailable')}
        hint={t('mm.profile.unavailable_hint')}
        className="mm-slot-choices"
        options={[...Array(day.slots).keys()].map((s) => ({ value: String(s), label: slotStart(day, s) }))}
        values={off}
        onChange={setOff}
        error={e.unavailableSlots}
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {submit.busy ? t('state.saving') : profile ? t('mm.profile.save') : t('mm.profile.register')}
      </button>
    </form>
  );
}
