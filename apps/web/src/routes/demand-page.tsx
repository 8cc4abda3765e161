import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { RECORD_KINDS, type RecordType } from '../features/catalogue/record-kinds.ts';
import { companyEndpoints, type DemandView } from '../features/companies/company-api.ts';

/** /richieste/domanda: requests per catalogue record they started from, most asked for first. */
export function DemandPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'requests', label: t('nav.requests'), to: '/richieste' },
          { key: 'demand', label: t('demand.title') },
        ]}
      />
      <PageHeading documentTitle={t('demand.title')}>{t('demand.title')}</PageHeading>
      <p className="lead">{t('demand.lead')}</p>
      <DemandTable />
    </RequireSignIn>
  );
}

function DemandTable() {
  const { t, pick, formatDate } = useI18n();
  const { organizationById } = useReferenceData();
  const list = useApi<DemandView[]>(companyEndpoints.demand(), { fresh: true });
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  if (!list.data.length) return <EmptyState>{t('demand.empty')}</EmptyState>;
  return (
    <div className="table-responsive">
      <table className="table demand-table">
        <caption className="visually-hidden">{t('demand.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('demand.record')}</th>
            <th scope="col">{t('demand.organization')}</th>
            <th scope="col" className="text-end">
              {t('demand.requests')}
            </th>
            <th scope="col" className="text-end">
              {t('demand.open')}
            </th>
            <th scope="col">{t('demand.last')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((d) => {
            const kind = RECORD_KINDS[d.type as RecordType];
            const org = d.organization ? organizationById.get(d.organization) : undefined;
            return (
              <tr key={`${d.type}:${d.id}`}>
                <th scope="row">
                  <span className="badge type-badge me-2">{t(kind.singular)}</span>
                  <Link to={`${kind.path}/${encodeURIComponent(d.id)}`}>{pick(d.title)?.text ?? d.id}</Link>
                </th>
                <td>
                  {org ? (
                    <Link to={`/organizzazioni/${encodeURIComponent(org.id)}`}>{org.shortName ?? org.name}</Link>
                  ) : (
                    d.organization
                  )}
                </td>
                <td className="text-end">{d.requests}</td>
                <td className="text-end">{d.open}</td>
                <td>{formatDate(d.lastAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
