import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type BookingPolicy, type BookingPolicyWrite, type Qualification } from './booking-api.ts';
import './booking-messages.ts';

/** The numeric fields of a policy, in the form's order, with their labels and hints. */
const NUMBERS: { key: keyof BookingPolicyWrite; label: MessageKey; hint: MessageKey }[] = [
  { key: 'slotMinutes', label: 'booking.policy.slotMinutes', hint: 'booking.policy.slotMinutes_hint' },
  { key: 'minMinutes', label: 'booking.policy.minMinutes', hint: 'booking.policy.minutes_hint' },
  { key: 'maxMinutes', label: 'booking.policy.maxMinutes', hint: 'booking.policy.minutes_hint' },
  { key: 'bufferBeforeMinutes', label: 'booking.policy.bufferBeforeMinutes', hint: 'booking.policy.buffer_hint' },
  { key: 'bufferAfterMinutes', label: 'booking.policy.bufferAfterMinutes', hint: 'booking.policy.buffer_hint' },
  { key: 'leadHours', label: 'booking.policy.leadHours', hint: 'booking.policy.leadHours_hint' },
  { key: 'horizonDays', label: 'booking.policy.horizonDays', hint: 'booking.policy.horizonDays_hint' },
  {
    key: 'pendingExpiryHours',
    label: 'booking.policy.pendingExpiryHours',
    hint: 'booking.policy.pendingExpiryHours_hint',
  },
];
const FIELDS = ['bookable', 'approval', ...NUMBERS.map((n) => n.key), 'assistedOnly', 'qualification'];

/** A whole number as a number; anything else as typed, so the server names the field that is wrong. */
export function numberOrText(value: string): number | string {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : value.trim();
}

/** Bookable or not, approval, durations, buffers, notice, horizon, assisted sessions and the qualification required. */
export function PolicyForm({
  equipment,
  organization,
  policy,
  onSaved,
}: {
  equipment: string;
  organization: string;
  policy: BookingPolicy;
  onSaved: (said: string) => void;
}) {
  const { t, pick } = useI18n();
  const [bookable, setBookable] = useState(policy.bookable);
  const [approval, setApproval] = useState<string>(policy.approval);
  const [numbers, setNumbers] = useState<Record<string, string>>(() =>
    Object.fromEntries(NUMBERS.map((n) => [n.key, String(policy[n.key as keyof BookingPolicy] ?? '')])),
  );
  const [assistedOnly, setAssistedOnly] = useState(policy.assistedOnly);
  const [qualification, setQualification] = useState(policy.qualification?.id ?? '');
  const qualifications = useApi<{ items: Qualification[] }>(bookingEndpoints.qualifications(organization));
  const submit = useSubmit(FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await sendJson('PUT', bookingEndpoints.policy(equipment), {
        bookable,
        approval,
        ...Object.fromEntries(NUMBERS.map((n) => [n.key, numberOrText(numbers[n.key] ?? '')])),
        assistedOnly,
        qualification: qualification || null,
      });
      clearApiCache();
      onSaved(t('booking.policy.saved'));
    });
  };
  const summaryFields = Object.fromEntries([
    ['bookable', { id: 'policy-bookable', label: t('booking.policy.bookable') }],
    ['approval', { id: 'policy-approval', label: t('booking.policy.approval') }],
    ...NUMBERS.map((n) => [n.key, { id: `policy-${n.key}`, label: t(n.label) }]),
    ['assistedOnly', { id: 'policy-assistedOnly', label: t('booking.policy.assistedOnly') }],
    ['qualification', { id: 'policy-qualification', label: t('booking.policy.qualification') }],
  ]);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="policy-title" className="mb-5">
      <h2 id="policy-title" className="h4">
        {t('booking.policy.title')}
      </h2>
      <ErrorSummary items={submit.errors.items} attempt={submit.attempt} fields={summaryFields} />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <Checkbox
        id="policy-bookable"
        label={t('booking.policy.bookable')}
        hint={t('booking.policy.bookable_hint')}
        checked={bookable}
        onChange={setBookable}
        error={submit.errors.byField.bookable}
      />
      <RadioGroup
        id="policy-approval"
        name="approval"
        legend={t('booking.policy.approval')}
        value={approval}
        onChange={setApproval}
        error={submit.errors.byField.approval}
        options={[
          { value: 'automatic', label: t('booking.policy.approval.automatic') },
          { value: 'manual', label: t('booking.policy.approval.manual') },
        ]}
      />
      <div className="row">
        {NUMBERS.map((n) => (
          <div className="col-sm-6 col-lg-4" key={n.key}>
            <TextField
              id={`policy-${n.key}`}
              label={t(n.label)}
              hint={t(n.hint)}
              value={numbers[n.key] ?? ''}
              onChange={(v) => setNumbers((all) => ({ ...all, [n.key]: v }))}
              inputMode="numeric"
              error={submit.errors.byField[n.key]}
              required
            />
          </div>
        ))}
      </div>
      <Checkbox
        id="policy-assistedOnly"
        label={t('booking.policy.assistedOnly')}
        hint={t('booking.policy.assistedOnly_hint')}
        checked={assistedOnly}
        onChange={setAssistedOnly}
        error={submit.errors.byField.assistedOnly}
      />
      <SelectField
        id="policy-qualification"
        label={t('booking.policy.qualification')}
        hint={t('booking.policy.qualification_hint')}
        value={qualification}
        onChange={setQualification}
        emptyLabel={t('booking.policy.no_qualification')}
        options={(qualifications.data?.items ?? [])
          .filter((q) => q.organization === organization)
          .map((q) => ({ value: q.id, label: pick(q.name)?.text ?? q.id }))}
        error={submit.errors.byField.qualification}
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('booking.policy.save')}
      </button>
    </form>
  );
}
