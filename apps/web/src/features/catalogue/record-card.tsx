import { Link } from 'react-router';
import type { CatalogueRecord } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FallbackNote } from '../../components/ui/localized-text.tsx';
import { itemHref, TYPE_LABEL, isSearchableType } from './record-kinds.ts';
import { OrganizationLink } from './organization-name.tsx';
import { excerpt, isExpert, recordSummary, recordTitle } from './record-text.ts';
import { TermChips } from './term-label.tsx';

interface RecordCardProps {
  record: CatalogueRecord;
  headingLevel?: 2 | 3;
  showType?: boolean;
  showOrganization?: boolean;
}

/** One record in a list: title linking to its page, organisation, excerpt, sectors. */
export function RecordCard({ record, headingLevel = 3, showType = false, showOrganization = true }: RecordCardProps) {
  const { t, pick } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = pick(recordTitle(record));
  const summary = pick(recordSummary(record));
  const role = isExpert(record) ? pick(record.role) : undefined;
  return (
    <article className="record-card">
      <Heading className="h5 record-card-title" lang={title?.isFallback ? title.lang : undefined}>
        <Link to={itemHref(record.type, record.id)}>{title?.text ?? record.id}</Link>
        {title ? <FallbackNote picked={title} /> : null}
      </Heading>
      <p className="record-card-meta">
        {showType && isSearchableType(record.type) ? (
          <span className="badge type-badge">{t(TYPE_LABEL[record.type])}</span>
        ) : null}
        {role ? (
          <span className="record-card-role" lang={role.isFallback ? role.lang : undefined}>
            {role.text}
          </span>
        ) : null}
        {showOrganization ? (
          <span className="record-card-org">
            <span className="visually-hidden">{t('record.organization')}: </span>
            <OrganizationLink id={record.organization} />
          </span>
        ) : null}
      </p>
      {summary && summary.text !== role?.text ? (
        <p className="record-card-summary" lang={summary.isFallback ? summary.lang : undefined}>
          {excerpt(summary.text)}
          <FallbackNote picked={summary} />
        </p>
      ) : null}
      {'sectors' in record ? <TermChips facet="sector" codes={record.sectors} /> : null}
    </article>
  );
}
