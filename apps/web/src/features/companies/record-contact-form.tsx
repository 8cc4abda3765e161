import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { Checkbox, TextField } from '../../components/ui/form-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { companyEndpoints, type RecordContactView } from './company-api.ts';

const FIELDS = ['name', 'role', 'email', 'phone', 'consent'] as const;
type Field = Exclude<(typeof FIELDS)[number], 'consent'>;

/**
 * The record's editors name its contact person, who must have agreed to be shown (the date of consent is recorded),
 * or remove them.
 */
export function RecordContactForm({
  collection,
  id,
  contact,
  onClose,
}: {
  collection: string;
  id: string;
  contact: RecordContactView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<Field, string>>({
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  });
  const [consent, setConsent] = useState(false);
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const url = companyEndpoints.recordContact(collection, id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(
      [
        ['name', draft.name.trim().length < 2, t('contact.person_name_required')],
        ['consent', !consent, t('contact.person_consent_required')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      const opt = (s: string) => s.trim() || undefined;
      await sendJson('PUT', url, {
        name: draft.name.trim(),
        role: opt(draft.role),
        email: opt(draft.email),
        phone: opt(draft.phone),
        consent,
      });
      onClose();
    }, local);
  };
  const remove = () =>
    void submit.run(async () => {
      await sendJson('DELETE', url);
      onClose();
    });
  const label = (f: (typeof FIELDS)[number]) => t(`contact.person_${f}` as 'contact.person_name');
  const fields: Partial<Record<string, SummaryField>> = Object.fromEntries(
    FIELDS.map((f) => [f, { id: `rc-${f}`, label: label(f) }]),
  );
  return (
    <form className="clock-form mt-3" noValidate onSubmit={onSubmit} aria-label={t('contact.person_edit')}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      {(['name', 'role', 'email', 'phone'] as const).map((f) => (
        <TextField
          key={f}
          id={`rc-${f}`}
          type={f === 'email' ? 'email' : 'text'}
          label={label(f)}
          value={draft[f]}
          onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
          error={e[f]}
          required={f === 'name'}
          markOptional={f !== 'name'}
        />
      ))}
      <Checkbox id="rc-consent" label={label('consent')} checked={consent} onChange={setConsent} error={e.consent} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {t('contact.save')}
        </button>
        {contact ? (
          <button type="button" className="btn btn-outline-danger" disabled={submit.busy} onClick={remove}>
            {t('contact.person_remove')}
          </button>
        ) : null}
        <button type="button" className="btn btn-outline-primary" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
