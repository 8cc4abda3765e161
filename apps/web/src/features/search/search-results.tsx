import { Link } from 'react-router';
import type { SearchHit } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { FallbackNote } from '../../components/ui/localized-text.tsx';
import { isSearchableType, itemHref, TYPE_LABEL } from '../catalogue/record-kinds.ts';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { sanitizeSnippet } from './sanitize-snippet.ts';
import type { Slot } from '../bookings/booking-api.ts';
import { NextFreeSlot, useNextFreeSlots } from '../bookings/next-free-slot.tsx';

function SearchHitItem({ hit, free }: { hit: SearchHit; free: Slot | undefined }) {
  const { t, lang } = useI18n();
  const orgName = useOrganizationName();
  const hitLang = hit.lang === 'it' || hit.lang === 'en' ? hit.lang : undefined;
  const otherLang = hitLang && hitLang !== lang ? hitLang : undefined;
  return (
    <li className="search-hit">
      <p className="search-hit-meta">
        <span className={`badge type-badge type-badge-${hit.type}`}>
          {isSearchableType(hit.type) ? t(TYPE_LABEL[hit.type]) : hit.type}
        </span>
        {hit.type !== 'organization' && hit.organization ? (
          <span className="search-hit-org">
            <span className="visually-hidden">{t('record.organization')}: </span>
            {orgName(hit.organization)}
          </span>
        ) : null}
      </p>
      <h3 className="h5 search-hit-title">
        <Link to={itemHref(hit.type, hit.id)} lang={otherLang}>
          {hit.title}
        </Link>
        {otherLang ? <FallbackNote picked={{ text: hit.title, lang: otherLang, isFallback: true }} /> : null}
      </h3>
      {hit.snippet ? (
        // The snippet is escaped text with <mark> highlights only (contract), sanitised again here.
        <p
          className="search-hit-snippet"
          lang={otherLang}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitizeSnippet keeps <mark> and escapes everything else
          dangerouslySetInnerHTML={{ __html: sanitizeSnippet(hit.snippet) }}
        />
      ) : null}
      {free ? (
        <p className="search-hit-free">
          <NextFreeSlot slot={free} />
        </p>
      ) : null}
    </li>
  );
}

/** The ranked hits, each with its type, organisation, linked title and highlighted snippet. */
export function SearchResults({ hits, startAt }: { hits: SearchHit[]; startAt: number }) {
  // Equipment that can be booked here shows its next free time.
  const free = useNextFreeSlots(hits.filter((h) => h.type === 'equipment').map((h) => h.id));
  return (
    <ol className="search-hits" start={startAt}>
      {hits.map((hit) => (
        <SearchHitItem
          key={`${hit.type}:${hit.id}`}
          hit={hit}
          free={hit.type === 'equipment' ? free.get(hit.id) : undefined}
        />
      ))}
    </ol>
  );
}
