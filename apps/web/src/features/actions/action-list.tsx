import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { endpoints, type Page } from '../../lib/api.ts';
import { Checkbox, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { ACTION_STATES, actionEndpoints, type ActionList } from './action-api.ts';
import { ActionStateBadges, ProgressValue, usePeriod } from './action-bits.tsx';
import './action-messages.ts';

/** The actions the visitor may see, filtered by state, organisation, words and lateness; the filters live in the URL. */
export function ActionListView() {
  const { t, formatNumber } = useI18n();
  const period = usePeriod();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const page = pageParam(params);
  const filters = {
    state: params.get('stato') ?? '',
    organization: params.get('organizzazione') ?? '',
    q: params.get('q') ?? '',
    late: params.get('ritardo') === '1',
  };
  const [draft, setDraft] = useState(filters);
  const list = useApi<ActionList>(
    actionEndpoints.list({
      state: filters.state || undefined,
      organization: filters.organization || undefined,
      q: filters.q || undefined,
      late: filters.late ? 'true' : undefined,
      page,
    }),
    { fresh: true },
  );
  const orgs = useApi<Page<{ id: string; name: string; kind: string }>>(endpoints.organizations({ limit: 100 }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      withParams(new URLSearchParams(), {
        stato: draft.state,
        organizzazione: draft.organization,
        q: draft.q.trim(),
        ritardo: draft.late ? '1' : '',
      }) || '?',
    );
  };
  return (
    <>
      <form onSubmit={apply} className="mb-4" aria-labelledby="action-filters-title">
        <h2 id="action-filters-title" className="h5">
          {t('action.list.filters')}
        </h2>
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="action-q"
              label={t('action.list.q')}
              value={draft.q}
              onChange={(q) => setDraft({ ...draft, q })}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="action-state"
              label={t('action.col.state')}
              value={draft.state}
              onChange={(state) => setDraft({ ...draft, state })}
              emptyLabel={t('action.list.any_state')}
              options={ACTION_STATES.map((s) => ({ value: s, label: t(`action.state.${s}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="action-organization"
              label={t('action.list.organization')}
              value={draft.organization}
              onChange={(organization) => setDraft({ ...draft, organization })}
              emptyLabel={t('action.list.any_organization')}
              options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </div>
        </div>
        <Checkbox
          id="action-late"
          label={t('action.list.only_late')}
          checked={draft.late}
          onChange={(late) => setDraft({ ...draft, late })}
        />
        <button type="submit" className="btn btn-primary mt-2">
          {t('action.list.apply')}
        </button>
      </form>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data ? (
        <>
          <p role="status">{t('action.list.count', { n: formatNumber(list.data.total) })}</p>
          {list.data.items.length === 0 ? (
            <p>{t('action.list.none')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table action-table">
                <caption className="visually-hidden">{t('action.list.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('action.col.action')}</th>
                    <th scope="col">{t('action.col.lead')}</th>
                    <th scope="col">{t('action.col.state')}</th>
                    <th scope="col">{t('action.col.progress')}</th>
                    <th scope="col">{t('action.col.period')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/azioni/${a.id}`}>
                          <span className="text-nowrap">{a.ref}</span> <LocalizedText value={a.title} note={false} />
                        </Link>
                      </th>
                      <td>{a.lead.name}</td>
                      <td>
                        <ActionStateBadges action={a} />
                      </td>
                      <td>
                        <ProgressValue value={a.progress} />
                      </td>
                      <td>{period(a.start, a.end)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            total={list.data.total}
            limit={list.data.limit}
            hrefFor={(p) => withParams(params, { page: p === 1 ? undefined : p }) || '?'}
          />
        </>
      ) : null}
    </>
  );
}
