import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, type Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import type { Choice } from '../../components/ui/form-fields.tsx';
import { useFocusOnPageChange } from '../catalogue/use-page-focus.ts';
import { roleLabel } from '../identity/roles.ts';
import { adminEndpoints, ALL_ROLES, PERSON_STATUSES, type PeoplePage, type PersonStatus } from './admin-api.ts';
import { StatusBadge } from './person-bits.tsx';

const PAGE_SIZE = 20;

/** A filter that applies as soon as it is chosen; the first option means "any". */
function FilterSelect({
  id,
  label,
  value,
  onChange,
  anyLabel,
  options,
  narrow,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  anyLabel: string;
  options: Choice[];
  narrow?: boolean;
}) {
  return (
    <div className={narrow ? 'col-12 col-md-4 col-lg-2' : 'col-12 col-md-4 col-lg-3'}>
      <div className="select-wrapper">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{anyLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Find people: words of the name or e-mail, organisation, role and status (kept in the address, so a search can be shared). */
export function PeopleListView() {
  const { t, tp } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ids = { q: useId(), org: useId(), role: useId(), status: useId() };
  const page = pageParam(params);
  const q = params.get('q') ?? '';
  const organization = params.get('organizzazione') ?? '';
  const role = params.get('ruolo') ?? '';
  const status = params.get('stato') ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const orgs = useApi<Page<Organization>>(endpoints.organizations({ limit: 100 }));
  const list = useApi<PeoplePage>(
    adminEndpoints.people({
      q: q || undefined,
      organization: organization || undefined,
      role: (ALL_ROLES as readonly string[]).includes(role) ? (role as (typeof ALL_ROLES)[number]) : undefined,
      status: (PERSON_STATUSES as readonly string[]).includes(status) ? (status as PersonStatus) : undefined,
      page,
      limit: PAGE_SIZE,
    }),
    { fresh: true },
  );
  const heading = useFocusOnPageChange<HTMLHeadingElement>(page);
  const orgName = (id: string) => orgs.data?.items.find((o) => o.id === id)?.shortName ?? id;
  const choose = (key: string) => (value: string) =>
    navigate({ search: withParams(params, { [key]: value || undefined, page: undefined }) }, { flushSync: true });

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate({ search: withParams(params, { q: typed.trim() || undefined, page: undefined }) });
  };

  return (
    <>
      <form
        className="record-filters people-filters"
        role="search"
        aria-label={t('admin.people.filter_label')}
        onSubmit={onSearch}
      >
        <div className="row g-3 align-items-end">
          <div className="col-12 col-lg-4">
            <label htmlFor={ids.q} className="field-label">
              {t('admin.people.q')}
            </label>
            <div className="input-group">
              <input
                id={ids.q}
                type="search"
                className="form-control"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
              <button type="submit" className="btn btn-primary">
                {t('admin.people.search')}
              </button>
            </div>
          </div>
          <FilterSelect
            id={ids.org}
            label={t('admin.people.organization')}
            value={organization}
            onChange={choose('organizzazione')}
            anyLabel={t('admin.people.any_organization')}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
          />
          <FilterSelect
            id={ids.role}
            label={t('admin.people.role')}
            value={role}
            onChange={choose('ruolo')}
            anyLabel={t('admin.people.any_role')}
            options={ALL_ROLES.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
          />
          <FilterSelect
            id={ids.status}
            label={t('admin.people.status')}
            value={status}
            onChange={choose('stato')}
            anyLabel={t('admin.people.any_status')}
            options={PERSON_STATUSES.map((v) => ({ value: v, label: t(`admin.status.${v}`) }))}
            narrow
          />
        </div>
      </form>
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('admin.people.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="people-results-title" aria-busy={list.loading}>
        <h2 id="people-results-title" className="visually-hidden" ref={heading} tabIndex={-1}>
          {t('admin.people.results')}
        </h2>
        {list.loading ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="people-list list-unstyled">
              {list.data.items.map((p) => (
                <li key={p.id} className="people-item">
                  <h3 className="h5 mb-1">
                    <Link to={`/amministrazione/persone/${p.id}`}>{p.name || p.email}</Link>{' '}
                    <StatusBadge status={p.status} />
                  </h3>
                  <p className="mb-1 people-email">{p.email}</p>
                  <p className="mb-0 people-roles">
                    {[
                      p.platformRole ? t(roleLabel(p.platformRole)) : null,
                      ...p.memberships.map((m) =>
                        t('admin.role_at', {
                          role: t(roleLabel(m.role)),
                          organization: m.organizationName || orgName(m.organization),
                        }),
                      ),
                    ]
                      .filter(Boolean)
                      .join(' · ') || t('admin.people.no_roles')}
                  </p>
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.page}
              total={list.data.total}
              limit={list.data.limit}
              hrefFor={(p) => `/amministrazione/persone${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? <EmptyState>{t('admin.people.none')}</EmptyState> : null}
      </section>
    </>
  );
}
