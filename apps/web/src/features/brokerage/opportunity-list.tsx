import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { OPPORTUNITY_KINDS, opportunityEndpoints, type Opportunity, type OpportunityList } from './opportunity-api.ts';
import './brokerage-messages.ts';

/** One opportunity in a list: its title (in the reader's language when it has it), kind, company or "anonymous". */
export function OpportunityItem({ o }: { o: Opportunity }) {
  const { t, pick } = useI18n();
  const title = pick(o.title);
  return (
    <article className="border-bottom py-3">
      <h3 className="h5 mb-1">
        <Link to={`/opportunita/${o.id}`} lang={title?.isFallback ? title.lang : undefined}>
          {title?.text ?? o.reference}
        </Link>
      </h3>
      <p className="mb-0 small">
        <span className="badge bg-secondary me-2">{t(`brokerage.kind.${o.kind}`)}</span>
        {o.company ? o.company.name : t('brokerage.anonymous')} · {t('brokerage.handled_by')} {o.centre.name} ·{' '}
        {o.reference}
      </p>
    </article>
  );
}

/** The search form and the published opportunities it finds (the query lives in the address, so results link). */
export function OpportunitySearch() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('tipo') ?? '';
  const [draft, setDraft] = useState({ q, kind });
  const list = useApi<OpportunityList>(opportunityEndpoints.list({ q, kind, lang }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.kind) next.set('tipo', draft.kind);
    setParams(next);
  };
  return (
    <>
      <form role="search" className="row g-3 align-items-end mb-4" onSubmit={submit}>
        <div className="col-md-6">
          <label htmlFor="opp-q" className="form-label">
            {t('brokerage.search.label')}
          </label>
          <input
            id="opp-q"
            type="search"
            className="form-control"
            value={draft.q}
            aria-describedby="opp-q-hint"
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <small id="opp-q-hint" className="form-text">
            {t('brokerage.search.hint')}
          </small>
        </div>
        <div className="col-md-4">
          <label htmlFor="opp-kind" className="form-label">
            {t('brokerage.search.kind')}
          </label>
          <select
            id="opp-kind"
            className="form-select"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t('brokerage.search.any_kind')}</option>
            {OPPORTUNITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`brokerage.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-2">
          <button type="submit" className="btn btn-primary w-100">
            {t('brokerage.search.submit')}
          </button>
        </div>
      </form>
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('brokerage.list.none')}</EmptyState>
      ) : (
        <section aria-labelledby="opp-results">
          <h2 id="opp-results" className="h4" aria-live="polite">
            {t('brokerage.list.count', { count: list.data.total })}
          </h2>
          {list.data.items.map((o) => (
            <OpportunityItem key={o.id} o={o} />
          ))}
        </section>
      )}
    </>
  );
}
