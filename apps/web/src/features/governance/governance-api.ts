import { apiUrl } from '../../lib/api.ts';
import type { DemandBreakdown, Kpi, KpiDefinition, KpiList, KpiRecords, Protocol, S3Coverage } from '@clock/contracts';

export type { DemandBreakdown, Kpi, KpiList, KpiRecords, S3Coverage };
export interface ProtocolList {
  items: Protocol[];
}
export interface KpiDefinitionList {
  items: KpiDefinition[];
}

/** The governance API the dashboard and the public summary read (docs/permissions.md, "Governance"). */
export const governanceEndpoints = {
  kpis: (p: { from: string; to: string; organization?: string | null; lang?: string }) =>
    apiUrl('/kpis', { from: p.from, to: p.to, organization: p.organization, lang: p.lang }),
  kpiRecords: (code: string, p: { from: string; to: string; organization?: string | null }) =>
    apiUrl(`/kpis/${encodeURIComponent(code)}/records`, { from: p.from, to: p.to, organization: p.organization }),
  coverage: () => apiUrl('/s3/coverage'),
  demand: (p: { from: string; to: string; organization?: string | null }) =>
    apiUrl('/demand', { from: p.from, to: p.to, organization: p.organization }),
  protocols: () => apiUrl('/protocols'),
  definitions: () => apiUrl('/kpi-definitions'),
};

/**
 * Where a record a KPI counted is shown (requests, actions, events and a registration's event, bookings, organisations,
 * the introductions list); null when it has no page.
 */
export function kpiRecordHref(recordType: string, id: string): string | null {
  const e = encodeURIComponent(id);
  switch (recordType) {
    case 'request':
      return `/richieste/${e}`;
    case 'action':
      return `/azioni/${e}`;
    case 'event':
      return `/eventi/${e}`;
    case 'event-registration': // the id of its event (the records' labels give it)
      return `/eventi/${e}`;
    case 'booking':
      return `/prenotazioni/${e}`;
    case 'introduction':
      return '/introduzioni';
    case 'company':
    case 'organization':
      return id.startsWith('name:') ? null : `/organizzazioni/${e}`;
    default:
      return null;
  }
}
