import { useId } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, type Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { ORGANIZATION_KINDS } from './organization-create-form.tsx';

const PAGE_SIZE = 50;

/** The register of organisations for administrators: by kind, each with its page and its edit form. */
export function OrganizationAdminList() {
  const { t, tp } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const kindId = useId();
  const page = pageParam(params);
  const kind = params.get('tipo') ?? '';
  const list = useApi<Page<Organization>>(
    endpoints.organizations({ kind: kind || undefined, page, limit: PAGE_SIZE }),
    { fresh: true },
  );
  return (
    <>
      <div className="row g-3 align-items-end mb-3">
        <div className="col-12 col-md-6">
          <div className="select-wrapper">
            <label htmlFor={kindId} className="field-label">
              {t('admin.org.kind')}
            </label>
            <select
              id={kindId}
              value={kind}
              onChange={(e) =>
                navigate(
                  { search: withParams(params, { tipo: e.target.value || undefined, page: undefined }) },
                  { flushSync: true },
                )
              }
            >
              <option value="">{t('admin.org.any_kind')}</option>
              {ORGANIZATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-12 col-md-6 text-md-end">
          <Link to="/amministrazione/organizzazioni/nuova" className="btn btn-primary">
            {t('admin.org.add')}
          </Link>
        </div>
      </div>
      <p className="list-status" role="status" aria-live="polite">
        {list.data ? tp('admin.org.count', list.data.total) : ''}
      </p>
      {list.loading ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <>
          <div className="table-responsive">
            <table className="table admin-org-table">
              <caption className="visually-hidden">{t('admin.org.table_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organization.full_name')}</th>
                  <th scope="col">{t('admin.org.kind')}</th>
                  <th scope="col">{t('organization.town')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.org.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={itemHref('organization', o.id)}>{o.name}</Link>
                    </th>
                    <td>{t(`kind.${o.kind as (typeof ORGANIZATION_KINDS)[number]}`)}</td>
                    <td>{[o.town, o.province].filter(Boolean).join(' ')}</td>
                    <td>
                      <Link to={`${itemHref('organization', o.id)}/modifica`}>
                        {t('edit.edit')}
                        <span className="visually-hidden"> {o.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            total={list.data.total}
            limit={list.data.limit}
            hrefFor={(p) => `/amministrazione/organizzazioni${withParams(params, { page: p > 1 ? p : undefined })}`}
          />
        </>
      ) : null}
    </>
  );
}
