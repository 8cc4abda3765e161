import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import type { ClaimView } from './company-api.ts';

/** The state of a claim in words, with the reviewer's reason when it was rejected. */
export function ClaimState({ claim }: { claim: ClaimView }) {
  const { t, formatDate } = useI18n();
  if (claim.state === 'pending')
    return <span className="badge claim-badge claim-pending">{t('company.claim.pending')}</span>;
  if (claim.state === 'verified')
    return (
      <span className="badge claim-badge claim-verified">
        {t('company.claim.verified', { date: claim.decidedAt ? formatDate(claim.decidedAt) : '' })}
      </span>
    );
  return (
    <>
      <span className="badge claim-badge claim-rejected">{t('company.claim.rejected')}</span>{' '}
      {claim.reason ? <span>{t('company.claim.reason', { reason: claim.reason })}</span> : null}
    </>
  );
}

/** The companies a person asked to act for, and where each claim stands. */
export function MyClaims({ claims }: { claims: ClaimView[] }) {
  const { t } = useI18n();
  if (!claims.length) return null;
  return (
    <section aria-labelledby="my-claims" className="mb-5">
      <h2 id="my-claims" className="h4">
        {t('company.my_claims')}
      </h2>
      <ul className="list-unstyled claim-list">
        {claims.map((c) => (
          <li key={c.id} className="claim-item">
            {c.state === 'rejected' ? (
              <strong>{c.company.name}</strong>
            ) : (
              <Link to={`/organizzazioni/${encodeURIComponent(c.company.id)}`}>{c.company.name}</Link>
            )}{' '}
            <ClaimState claim={c} />
            {c.state === 'pending' ? (
              <p className="small mb-0">
                {t('company.claim.pending_meanwhile')}{' '}
                <Link to={`/richieste/nuova?impresa=${encodeURIComponent(c.company.id)}`}>
                  {t('company.submit_request')}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
