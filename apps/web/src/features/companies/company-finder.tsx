import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { companyEndpoints, type CompanyPage } from './company-api.ts';

/** Finds a company already registered (by name or VAT number) and asks to act for it. */
export function CompanyFinder({ onClaimed, claimed }: { onClaimed: () => void; claimed: string[] }) {
  const { t } = useI18n();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const digits = query.replace(/\D/g, '');
  const byVat = digits.length === 11;
  const results = useApi<CompanyPage>(
    query.trim().length >= 2
      ? companyEndpoints.list(byVat ? { vatNumber: digits, limit: 10 } : { q: query.trim(), limit: 10 })
      : null,
  );

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(typed);
  };
  const claim = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await sendJson('POST', companyEndpoints.claim(id), {});
      onClaimed();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <form className="company-finder d-flex flex-wrap gap-2 align-items-end" role="search" onSubmit={onSearch}>
        <div className="form-group mb-0 flex-grow-1">
          <label htmlFor={inputId} className="active">
            {t('company.find.label')}
          </label>
          <input
            id={inputId}
            type="search"
            className="form-control"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          {t('company.find.submit')}
        </button>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
      {results.error ? <ProblemAlert error={results.error} onRetry={results.reload} /> : null}
      <div role="status" aria-live="polite" className="mt-3">
        {results.data
          ? results.data.items.length
            ? t('company.find.count', { count: String(results.data.total) })
            : t('company.find.none')
          : ''}
      </div>
      {results.data?.items.length ? (
        <ul className="list-unstyled company-results">
          {results.data.items.map((c) => (
            <li key={c.id} className="company-result d-flex flex-wrap justify-content-between align-items-center gap-2">
              <span>
                <Link to={`/organizzazioni/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                {c.town || c.province ? (
                  <span className="text-muted"> — {[c.town, c.province].filter(Boolean).join(' ')}</span>
                ) : null}
              </span>
              {claimed.includes(c.id) ? (
                <span className="badge claim-badge claim-pending">{t('company.claim.pending')}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-sm btn-primary"
                  disabled={busy !== null}
                  onClick={() => void claim(c.id)}
                >
                  {t('company.find.claim', { name: c.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
