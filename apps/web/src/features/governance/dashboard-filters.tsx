import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import type { DashboardPeriod } from './use-dashboard-period.ts';
import './governance-messages.ts';

/** The period (from, to) and the organisation (the network or one centre) the dashboard shows: a GET form. */
export function DashboardFilters({ period }: { period: DashboardPeriod }) {
  const { t } = useI18n();
  const { organizations } = useReferenceData();
  const centres = organizations.filter((o) => o.kind === 'centre');
  return (
    <Form
      method="get"
      className="gov-filters"
      aria-label={t('gov.filters')}
      key={`${period.from}/${period.to}/${period.organization ?? ''}`}
    >
      <div className="row g-3 align-items-end">
        <div className="col-6 col-md-3">
          <label htmlFor="gov-from" className="form-label">
            {t('gov.from')}
          </label>
          <input id="gov-from" name="dal" type="date" className="form-control" defaultValue={period.from} required />
        </div>
        <div className="col-6 col-md-3">
          <label htmlFor="gov-to" className="form-label">
            {t('gov.to')}
          </label>
          <input id="gov-to" name="al" type="date" className="form-control" defaultValue={period.to} required />
        </div>
        <div className="col-12 col-md-4">
          <label htmlFor="gov-org" className="form-label">
            {t('gov.organization')}
          </label>
          <select id="gov-org" name="org" className="form-select" defaultValue={period.organization ?? ''}>
            <option value="">{t('gov.network')}</option>
            {centres.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName ?? o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-2">
          <button type="submit" className="btn btn-primary w-100">
            {t('gov.apply')}
          </button>
        </div>
      </div>
      {period.invalid && (
        <p className="text-danger mt-2 mb-0" role="alert">
          {t('gov.invalid_period')}
        </p>
      )}
    </Form>
  );
}
