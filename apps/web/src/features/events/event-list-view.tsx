import { useNavigate, useSearchParams } from 'react-router';
import { EVENT_KINDS } from '@clock/contracts/values';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { eventEndpoints, type EventList } from './event-api.ts';
import { EventCard } from './event-card.tsx';
import './event-messages.ts';

const PAGE_SIZE = 12;

/** Today in Italy (YYYY-MM-DD): the same on the server that renders the page and in the browser that takes it over. */
export function romeToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
}
function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The events, upcoming by default (or past), with words, organiser, supply-chain and kind filters kept in the
 * address; the filters are a plain GET form, so they work before (or without) the app's scripts.
 */
export function EventListView() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, tp, pick } = useI18n();
  const { taxonomies, organizations } = useReferenceData();
  const page = pageParam(params);
  const values = {
    q: params.get('q') ?? '',
    organization: params.get('organization') ?? '',
    filiera: params.get('filiera') ?? '',
    kind: params.get('kind') ?? '',
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
  };
  const today = romeToday();
  const list = useApi<EventList>(
    eventEndpoints.list({
      q: values.q || undefined,
      organization: values.organization || undefined,
      filiera: values.filiera || undefined,
      kind: values.kind || undefined,
      ...(values.when === 'past' ? { to: dayBefore(today) } : { from: today }),
      page,
      limit: PAGE_SIZE,
    }),
  );
  const organisers = organizations
    .filter((o) => o.kind === 'centre' || o.kind === 'region')
    .map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const kinds = EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }));
  const filtered = Boolean(values.q || values.organization || values.filiera || values.kind);
  const select = (
    name: keyof typeof values,
    label: string,
    options: { value: string; label: string }[],
    all = true,
  ) => (
    <div className="col-sm-6 col-lg-2">
      <label htmlFor={`events-${name}`} className="form-label">
        {label}
      </label>
      <select
        id={`events-${name}`}
        name={name}
        className="form-select"
        defaultValue={values[name]}
        key={`${name}-${values[name]}-${options.length}`}
      >
        {all ? <option value="">{t('events.filter.all')}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <form
        className="event-filters row g-3 align-items-end mb-3"
        method="get"
        action="/eventi"
        aria-label={t('events.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const read = (k: string) => String(data.get(k) ?? '').trim();
          navigate({
            search: withParams(new URLSearchParams(), {
              q: read('q'),
              organization: read('organization'),
              filiera: read('filiera'),
              kind: read('kind'),
              when: read('when') === 'past' ? 'past' : undefined,
            }),
          });
        }}
      >
        <div className="col-lg-3">
          <label htmlFor="events-q" className="form-label">
            {t('events.filter.q')}
          </label>
          <input id="events-q" name="q" type="search" className="form-control" defaultValue={values.q} />
        </div>
        {select(
          'when',
          t('events.filter.when'),
          [
            { value: 'upcoming', label: t('events.when.upcoming') },
            { value: 'past', label: t('events.when.past') },
          ],
          false,
        )}
        {select('organization', t('events.filter.organization'), organisers)}
        {select('filiera', t('events.filter.filiera'), filiere)}
        {select('kind', t('events.filter.kind'), kinds)}
        <div className="col-lg-1">
          <button type="submit" className="btn btn-primary">
            {t('events.filter.apply')}
          </button>
        </div>
        {filtered ? (
          <p className="col-12 mb-0">
            <a
              href="/eventi"
              onClick={(event) => {
                event.preventDefault();
                navigate({ search: values.when === 'past' ? '?when=past' : '' });
              }}
            >
              {t('events.filter.clear')}
            </a>
          </p>
        ) : null}
      </form>
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('events.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="events-results" aria-busy={list.loading}>
        <h2 id="events-results" className="visually-hidden">
          {values.when === 'past' ? t('events.past') : t('events.upcoming')}
        </h2>
        {list.loading && !list.data ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="row g-4 list-unstyled event-list">
              {list.data.items.map((e) => (
                <li key={e.id} className="col-12 col-md-6 col-xl-4">
                  <EventCard event={e} />
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.page}
              total={list.data.total}
              limit={list.data.limit}
              hrefFor={(p) => `/eventi${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState>{filtered ? t('events.empty_filtered') : t('events.empty')}</EmptyState>
        ) : null}
      </section>
    </>
  );
}

/** The next few events, for the home page. */
export function UpcomingEvents({ limit = 3 }: { limit?: number }) {
  const { t } = useI18n();
  const list = useApi<EventList>(eventEndpoints.list({ from: romeToday(), limit }));
  if (list.error) return null;
  if (!list.data) return <LoadingState />;
  if (list.data.items.length === 0) return <EmptyState>{t('events.home_empty')}</EmptyState>;
  return (
    <ul className="row g-4 list-unstyled event-list">
      {list.data.items.map((e) => (
        <li key={e.id} className="col-12 col-md-6 col-xl-4">
          <EventCard event={e} headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}
