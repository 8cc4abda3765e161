import { useSearchParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { SearchView } from '../features/search/search-view.tsx';

export function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim();
  return (
    <>
      <PageHeading
        pageType="SearchResultsPage"
        documentTitle={q ? t('search.document_title_query', { query: q }) : t('search.document_title')}
      >
        {t('search.title')}
      </PageHeading>
      <SearchView />
    </>
  );
}
