import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { OpportunitySearch } from '../features/brokerage/opportunity-list.tsx';
import { BrokerageLinks } from '../features/brokerage/brokerage-links.tsx';
import '../features/brokerage/brokerage-messages.ts';

/** /opportunita: published opportunities between companies, searched in either language. */
export function OpportunitiesPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'opportunities', label: t('brokerage.list.title') },
        ]}
      />
      <PageHeading documentTitle={t('brokerage.list.title')}>{t('brokerage.list.title')}</PageHeading>
      <p className="lead">{t('brokerage.list.lead')}</p>
      <BrokerageLinks />
      <OpportunitySearch />
    </>
  );
}
