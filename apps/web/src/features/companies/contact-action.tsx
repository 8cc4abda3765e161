import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';
import { signInHref } from '../identity/roles.ts';
import { canEditRecords } from '../identity/permissions.ts';
import { companyEndpoints, quoteHref, type RecordContactView } from './company-api.ts';
import { RecordContactForm } from './record-contact-form.tsx';

type Type = 'competence' | 'service' | 'equipment' | 'expert';
const COLLECTION: Record<Exclude<Type, 'expert'>, string> = {
  competence: 'competences',
  service: 'services',
  equipment: 'equipment',
};

/** How many requests started from this record: for its centre's members, the nucleus and the Region. */
function DemandCount({ type, id }: { type: Type; id: string }) {
  const { t, tp } = useI18n();
  const demand = useApi<{ requests: number; open: number }>(companyEndpoints.recordDemand(type, id), { fresh: true });
  if (!demand.data) return null;
  return (
    <p className="record-demand mb-0">
      {tp('contact.demand', demand.data.requests)}
      {demand.data.open ? ` ${t('contact.demand_open', { open: String(demand.data.open) })}` : ''}
    </p>
  );
}

/**
 * "Contatta / chiedi un preventivo": starts a request through the front door addressed to the record's centre and
 * remembering the record. Anonymous visitors sign in (or sign up) first and come back to the form.
 */
export function ContactAction({ type, id, organization }: { type: Type; id: string; organization: string }) {
  const { t } = useI18n();
  const { user, status } = useSession();
  const href = quoteHref(type, id);
  const contact = useApi<RecordContactView | null>(
    type === 'expert' ? null : companyEndpoints.recordContact(COLLECTION[type], id),
    { fresh: true },
  );
  const [editing, setEditing] = useState(false);
  const editable = type !== 'expert' && canEditRecords(user, organization);
  const seesDemand =
    !!user &&
    (!!user.platformRole || user.memberships.some((m) => m.role === 'nucleus') || canEditRecords(user, organization));
  return (
    <section aria-labelledby="record-contact" className="record-contact card card-bg mb-4">
      <div className="card-body">
        <h2 id="record-contact" className="h5">
          {t('contact.action_title')}
        </h2>
        <p>{t('contact.action_intro')}</p>
        {contact.data ? (
          <p>
            {t('contact.person', { name: contact.data.name })}
            {contact.data.role ? ` — ${contact.data.role}` : ''}
            {contact.data.email ? (
              <>
                {' '}
                — <a href={`mailto:${contact.data.email}`}>{contact.data.email}</a>
              </>
            ) : null}
            {contact.data.phone ? ` — ${contact.data.phone}` : ''}
          </p>
        ) : null}
        {status === 'signed-out' ? (
          <>
            <Link className="btn btn-primary" to={signInHref(href)}>
              {t('contact.action')}
            </Link>
            <p className="small mt-2 mb-0">{t('contact.sign_in_first')}</p>
          </>
        ) : (
          <Link className="btn btn-primary" to={href}>
            {t('contact.action')}
          </Link>
        )}
        {seesDemand ? <DemandCount type={type} id={id} /> : null}
        {editable && !editing ? (
          <p className="mt-3 mb-0">
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
              {t('contact.person_edit')}
            </button>
          </p>
        ) : null}
        {editable && editing ? (
          <RecordContactForm
            collection={COLLECTION[type as Exclude<Type, 'expert'>]}
            id={id}
            contact={contact.data ?? null}
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
