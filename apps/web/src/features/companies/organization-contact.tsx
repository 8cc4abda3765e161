import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { useSession } from '../identity/session.tsx';
import { canEditProfile } from '../identity/permissions.ts';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { companyEndpoints, type ContactView } from './company-api.ts';

const FIELDS = ['email', 'phone', 'address', 'pec'] as const;
type Field = (typeof FIELDS)[number];

function ContactForm({
  organization,
  contact,
  onClose,
}: {
  organization: string;
  contact: ContactView;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<Field, string>>({
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    address: contact.address ?? '',
    pec: contact.pec ?? '',
  });
  const submit = useSubmit(FIELDS);
  const failureText = useEditFailureText(submit.failure);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await sendJson(
        'PUT',
        companyEndpoints.contact(organization),
        Object.fromEntries(FIELDS.map((f) => [f, draft[f].trim() || null])),
      );
      onClose();
    });
  };
  const fields: Partial<Record<string, SummaryField>> = Object.fromEntries(
    FIELDS.map((f) => [f, { id: `oc-${f}`, label: t(`contact.${f}`) }]),
  );
  return (
    <form className="clock-form mt-3" noValidate onSubmit={onSubmit} aria-label={t('contact.edit')}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      {FIELDS.map((f) => (
        <TextField
          key={f}
          id={`oc-${f}`}
          type={f === 'email' || f === 'pec' ? 'email' : 'text'}
          label={t(`contact.${f}`)}
          hint={f === 'pec' ? t('contact.pec_hint') : undefined}
          value={draft[f]}
          onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
          error={submit.errors.byField[f]}
          markOptional
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : t('contact.save')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** How to reach an organisation: e-mail, phone, address and PEC; its editors change them here. */
export function OrganizationContact({ organization }: { organization: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const contact = useApi<ContactView>(companyEndpoints.contact(organization), { fresh: true });
  const [editing, setEditing] = useState(false);
  const c = contact.data;
  const editable = canEditProfile(user, organization);
  if (!c || (!editable && !FIELDS.some((f) => c[f]))) return null;
  return (
    <section aria-labelledby="org-contact" className="org-contact card card-bg mt-4">
      <div className="card-body">
        <h2 id="org-contact" className="h4">
          {t('contact.title')}
        </h2>
        <dl className="record-fields">
          {c.email ? (
            <div className="record-field">
              <dt>{t('contact.email')}</dt>
              <dd>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </dd>
            </div>
          ) : null}
          {c.phone ? (
            <div className="record-field">
              <dt>{t('contact.phone')}</dt>
              <dd>
                <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a>
              </dd>
            </div>
          ) : null}
          {c.address ? (
            <div className="record-field">
              <dt>{t('contact.address')}</dt>
              <dd>{c.address}</dd>
            </div>
          ) : null}
          {c.pec ? (
            <div className="record-field">
              <dt>{t('contact.pec')}</dt>
              <dd>
                <a href={`mailto:${c.pec}`}>{c.pec}</a>
              </dd>
            </div>
          ) : null}
        </dl>
        {!FIELDS.some((f) => c[f]) ? <p className="text-muted">{t('contact.none')}</p> : null}
        {editable && !editing ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('contact.edit')}
          </button>
        ) : null}
        {editing ? (
          <ContactForm
            organization={organization}
            contact={c}
            onClose={() => {
              setEditing(false);
              contact.reload();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
