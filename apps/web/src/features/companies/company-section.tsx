import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { useSession } from '../identity/session.tsx';
import { signInHref } from '../identity/roles.ts';
import { companyEndpoints, type CompanyView } from './company-api.ts';
import { ClaimState } from './my-claims.tsx';
import { CompanyProfileForm } from './company-profile-form.tsx';

/** Invites a colleague by e-mail (the company's administrators). */
function InviteColleague({ company }: { company: CompanyView }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await sendJson('POST', companyEndpoints.invite(company.id), { email });
      setSent(t('company.invite.sent', { email }));
      setEmail('');
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError('network', 0));
    }
  };
  return (
    <form className="clock-form mt-3" noValidate onSubmit={(e) => void onSubmit(e)}>
      <TextField
        id={id}
        type="email"
        label={t('company.invite.label')}
        hint={t('company.invite.hint')}
        value={email}
        onChange={setEmail}
        autoComplete="off"
      />
      <div role="status" aria-live="polite">
        {sent ? <p className="alert alert-success">{sent}</p> : null}
      </div>
      {failure ? <ProblemAlert error={failure} /> : null}
      <button type="submit" className="btn btn-outline-primary">
        {t('company.invite.submit')}
      </button>
    </form>
  );
}

/** Asks to act for this company (a centre verifies the claim). */
function ClaimButton({ company, onDone }: { company: CompanyView; onDone: () => void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <>
      {failure ? <ProblemAlert error={failure} /> : null}
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={() => {
          sendJson('POST', companyEndpoints.claim(company.id), {}).then(onDone, (e: unknown) =>
            setFailure(e instanceof ApiError ? e : new ApiError('network', 0)),
          );
        }}
      >
        {t('company.claim.ask', { name: company.name })}
      </button>
    </>
  );
}

/**
 * The company's own profile on its organisation page: verification, VAT number and size, what it offers and looks
 * for, its people (shown to its members and the centres), inviting colleagues, and joining it.
 */
export function CompanySection({ id }: { id: string }) {
  const { t } = useI18n();
  const { status } = useSession();
  const company = useApi<CompanyView>(companyEndpoints.one(id), { fresh: true });
  const [editing, setEditing] = useState(false);
  if (company.error) return <ProblemAlert error={company.error} onRetry={company.reload} />;
  const c = company.data;
  if (!c) return null;
  return (
    <section aria-labelledby="company-profile" className="company-profile mt-5">
      <h2 id="company-profile" className="h3">
        {t('company.profile.title')}
      </h2>
      <p>
        <span className={`badge claim-badge ${c.verification === 'verified' ? 'claim-verified' : 'claim-pending'}`}>
          {t(c.verification === 'verified' ? 'company.profile.verified' : 'company.profile.unverified')}
        </span>
      </p>
      <div className="row g-4">
        <div className="col-lg-7">
          <h3 className="h5">{t('company.field.offers')}</h3>
          {c.offers ? (
            <LocalizedText value={c.offers} paragraphs />
          ) : (
            <p className="text-muted">{t('company.profile.not_said')}</p>
          )}
          <h3 className="h5">{t('company.field.seeks')}</h3>
          {c.seeks ? (
            <LocalizedText value={c.seeks} paragraphs />
          ) : (
            <p className="text-muted">{t('company.profile.not_said')}</p>
          )}
        </div>
        <div className="col-lg-5">
          <dl className="record-fields">
            {c.vatNumber ? (
              <div className="record-field">
                <dt>{t('company.field.vatNumber')}</dt>
                <dd>{c.vatNumber}</dd>
              </div>
            ) : null}
            {c.sizeClass ? (
              <div className="record-field">
                <dt>{t('company.field.sizeClass')}</dt>
                <dd>{t(`company.size.${c.sizeClass}` as 'company.size.micro')}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      </div>
      {c.members ? (
        <section aria-labelledby="company-members" className="mt-4">
          <h3 id="company-members" className="h5">
            {t('company.members.title')}
          </h3>
          {c.members.length ? (
            <ul className="company-members">
              {c.members.map((m, i) => (
                <li key={`${m.name}-${i}`}>
                  {m.name}
                  {m.email ? (
                    <>
                      {' '}
                      — <a href={`mailto:${m.email}`}>{m.email}</a>
                    </>
                  ) : null}
                  {m.admin ? (
                    <span className="badge claim-badge claim-verified ms-2">{t('company.members.admin')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">{t('company.members.none')}</p>
          )}
          {c.can.invite ? <InviteColleague company={c} /> : null}
        </section>
      ) : null}
      <div className="mt-4 d-flex flex-wrap gap-2 align-items-center">
        {c.myClaim ? (
          <span>
            {t('company.claim.yours')} <ClaimState claim={c.myClaim} />
          </span>
        ) : null}
        {c.can.claim ? <ClaimButton company={c} onDone={company.reload} /> : null}
        {status === 'signed-out' ? (
          <Link to={signInHref(`/organizzazioni/${c.id}`)}>{t('company.claim.sign_in')}</Link>
        ) : null}
        {c.can.edit && !editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => setEditing(true)}>
            {t('company.profile.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <CompanyProfileForm
          company={c}
          onClose={() => {
            setEditing(false);
            company.reload();
          }}
        />
      ) : null}
    </section>
  );
}
