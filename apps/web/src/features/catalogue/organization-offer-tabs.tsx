import { useRef, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, type CatalogueRecord, type Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { RECORD_KINDS, RECORD_TYPES, isRecordType, type RecordType } from './record-kinds.ts';
import { RecordCard } from './record-card.tsx';

const PANEL_SIZE = 20;

function OfferPanel({ organization, type }: { organization: Organization; type: RecordType }) {
  const { t, tp } = useI18n();
  const kind = RECORD_KINDS[type];
  const list = useApi<Page<CatalogueRecord>>(
    endpoints.records(kind.collection, { organization: organization.id, limit: PANEL_SIZE }),
  );
  return (
    <div aria-busy={list.loading}>
      {list.loading ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState>{t('organization.offer_empty', { what: t(kind.plural).toLowerCase() })}</EmptyState>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <ul className="record-list">
            {list.data.items.map((record) => (
              <li key={record.id}>
                <RecordCard record={record} headingLevel={3} showOrganization={false} />
              </li>
            ))}
          </ul>
          {list.data.total > list.data.items.length ? (
            <p>
              <Link to={`${kind.path}?organization=${encodeURIComponent(organization.id)}`}>
                {tp('organization.see_all', list.data.total, { what: t(kind.plural).toLowerCase() })}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/**
 * What an organisation offers, one tab per record type (ARIA tabs pattern: arrow keys move between tabs,
 * Tab enters the panel). The open tab is kept in the URL (?tab=) so it can be linked.
 */
export function OrganizationOfferTabs({ organization }: { organization: Organization }) {
  const { t, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') ?? '';
  const counts = organization.counts;
  const firstWithContent = RECORD_TYPES.find((type) => (counts?.[type] ?? 0) > 0) ?? 'competence';
  const active: RecordType = isRecordType(requested) ? requested : firstWithContent;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (type: RecordType, focus = false) => {
    const next = new URLSearchParams(params);
    next.set('tab', type);
    setParams(next, { replace: true, preventScrollReset: true });
    if (focus) tabs.current[RECORD_TYPES.indexOf(type)]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = RECORD_TYPES.length - 1;
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = index === last ? 0 : index + 1;
    else if (event.key === 'ArrowLeft') next = index === 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === undefined) return;
    event.preventDefault();
    select(RECORD_TYPES[next]!, true);
  };

  return (
    <div className="offer-tabs">
      <div className="nav nav-tabs" role="tablist" aria-label={t('organization.offer_tabs')}>
        {RECORD_TYPES.map((type, index) => (
          <button
            key={type}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            id={`offer-tab-${type}`}
            type="button"
            role="tab"
            className={type === active ? 'nav-link active' : 'nav-link'}
            aria-selected={type === active}
            aria-controls={`offer-panel-${type}`}
            tabIndex={type === active ? 0 : -1}
            onClick={() => select(type)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {t(RECORD_KINDS[type].plural)}
            {counts ? <span className="tab-count">({formatNumber(counts[type])})</span> : null}
          </button>
        ))}
      </div>
      {RECORD_TYPES.map((type) => (
        <div
          key={type}
          id={`offer-panel-${type}`}
          role="tabpanel"
          aria-labelledby={`offer-tab-${type}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable (WAI-ARIA tabs pattern)
          tabIndex={0}
          hidden={type !== active}
          className="offer-panel"
        >
          {type === active ? <OfferPanel organization={organization} type={type} /> : null}
        </div>
      ))}
    </div>
  );
}
