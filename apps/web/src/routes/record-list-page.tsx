import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import type { MessageKey } from '../lib/messages.it.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RECORD_KINDS, type RecordType } from '../features/catalogue/record-kinds.ts';
import { RecordListView } from '../features/catalogue/record-list-view.tsx';

const LEAD: Record<RecordType, MessageKey> = {
  competence: 'list.lead.competence',
  service: 'list.lead.service',
  equipment: 'list.lead.equipment',
  expert: 'list.lead.expert',
};

/** The list page of one record type. */
export function RecordListPage({ type }: { type: RecordType }) {
  const { t } = useI18n();
  const title = t(RECORD_KINDS[type].plural);
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'list', label: title },
        ]}
      />
      <PageHeading pageType="CollectionPage" documentTitle={title}>
        {title}
      </PageHeading>
      <p className="lead">{t(LEAD[type])}</p>
      {type === 'equipment' ? (
        <p>
          <Link className="btn btn-outline-primary btn-sm" to="/disponibilita">
            {t('booking.slots.find_link')}
          </Link>
        </p>
      ) : null}
      <RecordListView key={type} type={type} />
    </>
  );
}
