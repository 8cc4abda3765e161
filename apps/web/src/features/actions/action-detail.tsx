import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { actionEndpoints, type Action } from './action-api.ts';
import { ActionStateBadges, ProgressValue, usePeriod } from './action-bits.tsx';
import { ContributionsSection, DocumentsSection, MilestonesSection, PartnersSection } from './action-parts.tsx';
import './action-messages.ts';

/** One joint action: what it is, who takes part, its milestones, contributions and documents, and what the caller may do. */
export function ActionDetail({ action, onChange }: { action: Action; onChange: (a: Action, said: string) => void }) {
  const { t, pick } = useI18n();
  const period = usePeriod();
  const reference = useReferenceData();
  const labels = (facet: 's3' | 'filiera', codes: string[]) =>
    codes.map((c) => pick(reference.term(facet, c)?.label)?.text ?? c).join(', ');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const move = async (to: string) => {
    setFailure(null);
    try {
      const next = await sendJson<Action>('POST', actionEndpoints.transition(action.id), { to });
      clearApiCache();
      onChange(next, t('action.detail.moved'));
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  return (
    <>
      <dl className="row">
        <dt className="col-sm-4">{t('action.col.state')}</dt>
        <dd className="col-sm-8">
          <ActionStateBadges action={action} />
          {action.late ? <p className="small mb-0">{t('action.late_rule')}</p> : null}
        </dd>
        <dt className="col-sm-4">{t('action.col.progress')}</dt>
        <dd className="col-sm-8">
          <ProgressValue value={action.progress} />
        </dd>
        <dt className="col-sm-4">{t('action.col.lead')}</dt>
        <dd className="col-sm-8">
          <Link to={`/organizzazioni/${action.lead.id}`}>{action.lead.name}</Link>
        </dd>
        <dt className="col-sm-4">{t('action.col.period')}</dt>
        <dd className="col-sm-8">{period(action.start, action.end)}</dd>
        <dt className="col-sm-4">{t('action.visibility')}</dt>
        <dd className="col-sm-8">{t(`action.visibility.${action.visibility}`)}</dd>
        {action.s3.length ? (
          <>
            <dt className="col-sm-4">{t('action.detail.s3')}</dt>
            <dd className="col-sm-8">{labels('s3', action.s3)}</dd>
          </>
        ) : null}
        {action.filiere.length ? (
          <>
            <dt className="col-sm-4">{t('action.detail.filiere')}</dt>
            <dd className="col-sm-8">{labels('filiera', action.filiere)}</dd>
          </>
        ) : null}
        {action.parent ? (
          <>
            <dt className="col-sm-4">{t('action.detail.parent')}</dt>
            <dd className="col-sm-8">
              <Link to={`/azioni/${action.parent.id}`}>
                {action.parent.ref} <LocalizedText value={action.parent.title} note={false} />
              </Link>
            </dd>
          </>
        ) : null}
        {action.sourceRequestId ? (
          <>
            <dt className="col-sm-4">{t('action.detail.from_request')}</dt>
            <dd className="col-sm-8">
              <Link to={`/richieste/${action.sourceRequestId}`}>{t('action.detail.from_request')}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {action.description ? <LocalizedText value={action.description} as="div" paragraphs className="mb-4" /> : null}
      {action.abilities.includes('edit') ? (
        <p>
          <Link className="btn btn-outline-primary btn-sm" to={`/azioni/${action.id}/modifica`}>
            {t('action.detail.edit')}
          </Link>
        </p>
      ) : null}
      {action.transitions.length ? (
        <section aria-labelledby="action-move-title" className="mb-4">
          <h2 id="action-move-title" className="h5">
            {t('action.detail.move')}
          </h2>
          {failure ? <ProblemAlert error={failure} /> : null}
          <div className="d-flex flex-wrap gap-2">
            {action.transitions.map((to) => (
              <button key={to} type="button" className="btn btn-outline-primary btn-sm" onClick={() => move(to)}>
                {t('action.detail.move_to', { state: t(`action.state.${to}`) })}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {action.children.length ? (
        <section aria-labelledby="action-children-title" className="mb-4">
          <h2 id="action-children-title" className="h4">
            {t('action.detail.children')}
          </h2>
          <ul>
            {action.children.map((c) => (
              <li key={c.id}>
                <Link to={`/azioni/${c.id}`}>
                  {c.ref} <LocalizedText value={c.title} note={false} />
                </Link>{' '}
                <ProgressValue value={c.progress} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PartnersSection action={action} onChange={onChange} />
      <MilestonesSection action={action} onChange={onChange} />
      <ContributionsSection action={action} onChange={onChange} />
      <DocumentsSection action={action} onChange={onChange} />
    </>
  );
}
