import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { ClaimsReview } from '../features/companies/claims-review.tsx';

/** /imprese/verifiche: centre members verify who acts for which company. */
export function CompanyClaimsPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'claims', label: t('company.review.title') },
        ]}
      />
      <PageHeading documentTitle={t('company.review.title')}>{t('company.review.title')}</PageHeading>
      <p className="lead">{t('company.review.lead')}</p>
      <ClaimsReview />
    </RequireSignIn>
  );
}
