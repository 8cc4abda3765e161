import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { companyEndpoints, type ClaimView } from '../features/companies/company-api.ts';
import { MyClaims } from '../features/companies/my-claims.tsx';
import { CompanyFinder } from '../features/companies/company-finder.tsx';
import { CompanyRegisterForm } from '../features/companies/company-register-form.tsx';

/** /imprese/nuova: a person links to their company — claims one already registered or registers a new one. */
export function CompanyJoinPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'join', label: t('company.join.title') },
        ]}
      />
      <PageHeading documentTitle={t('company.join.title')}>{t('company.join.title')}</PageHeading>
      <p className="lead">{t('company.join.lead')}</p>
      <CompanyJoin />
    </RequireSignIn>
  );
}

function CompanyJoin() {
  const { t } = useI18n();
  const claims = useApi<ClaimView[]>(companyEndpoints.claims('mine'), { fresh: true });
  const pending = (claims.data ?? []).filter((c) => c.state === 'pending').map((c) => c.company.id);
  return (
    <>
      <MyClaims claims={claims.data ?? []} />
      <section aria-labelledby="join-find" className="mb-5">
        <h2 id="join-find" className="h4">
          {t('company.find.title')}
        </h2>
        <p>{t('company.find.intro')}</p>
        <CompanyFinder claimed={pending} onClaimed={claims.reload} />
      </section>
      <section aria-labelledby="join-register">
        <h2 id="join-register" className="h4">
          {t('company.register.title')}
        </h2>
        <p>{t('company.register.intro')}</p>
        <CompanyRegisterForm onDone={claims.reload} />
      </section>
    </>
  );
}
