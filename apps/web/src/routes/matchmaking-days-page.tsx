import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import {
  longDate,
  matchmakingEndpoints,
  slotStart,
  type MatchmakingDay,
} from '../features/matchmaking/matchmaking-api.ts';
import { useOrganizationName } from '../features/catalogue/organization-name.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { useSession } from '../features/identity/session.tsx';
import { matchmakingOrganizers } from '../features/matchmaking/matchmaking-roles.ts';
import '../features/matchmaking/matchmaking-messages.ts';
import '../features/matchmaking/matchmaking.css';

/** /incontri: the matchmaking days, coming ones first, then the past ones. */
export function MatchmakingDaysPage() {
  const { t, tp, pick, lang } = useI18n();
  const orgName = useOrganizationName();
  const { user } = useSession();
  const { organizations } = useReferenceData();
  const organiser = matchmakingOrganizers(user, organizations).length > 0;
  const list = useApi<{ items: MatchmakingDay[] }>(matchmakingEndpoints.list());
  const today = new Date().toISOString().slice(0, 10);
  const items = list.data?.items ?? [];
  const coming = items.filter((d) => d.day >= today).reverse();
  const past = items.filter((d) => d.day < today);
  const card = (d: MatchmakingDay) => {
    const title = pick(d.title);
    return (
      <li key={d.id} className="card card-bg mm-day">
        <div className="card-body">
          <h3 className="h5 card-title">
            <Link to={`/incontri/${d.id}`} lang={title?.isFallback ? title.lang : undefined}>
              {title?.text ?? d.reference}
            </Link>
          </h3>
          <p className="mb-0">
            <time dateTime={d.day}>{longDate(d.day, lang)}</time>,{' '}
            {t('mm.day.hours', { from: d.startTime, to: slotStart(d, d.slots) })}
            <br />
            {t('mm.list.organised_by', { name: orgName(d.organizer) })} · {tp('mm.org.participants', d.participants)}
          </p>
        </div>
      </li>
    );
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'current', label: t('mm.list.title') },
        ]}
      />
      <PageHeading documentTitle={t('mm.list.title')}>{t('mm.list.title')}</PageHeading>
      <p className="lead">{t('mm.list.intro')}</p>
      {organiser ? (
        <p>
          <Link className="btn btn-outline-primary" to="/incontri/nuova">
            {t('mm.new.link')}
          </Link>
        </p>
      ) : null}
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <EmptyState>{t('mm.list.none')}</EmptyState>
      ) : (
        <>
          <h2 className="h4">{t('mm.list.coming')}</h2>
          {coming.length ? (
            <ul className="list-unstyled mm-days">{coming.map(card)}</ul>
          ) : (
            <p>{t('mm.list.none_coming')}</p>
          )}
          {past.length ? (
            <>
              <h2 className="h4">{t('mm.list.past')}</h2>
              <ul className="list-unstyled mm-days">{past.map(card)}</ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
