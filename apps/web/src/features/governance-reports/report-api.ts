import { apiUrl } from '../../lib/api.ts';
import type { Me } from '../../lib/api.ts';
import type {
  Kpi,
  KpiDefinition,
  KpiTarget,
  KpiValue,
  Objective,
  Protocol,
  RagStatus,
  Report,
  ReportAction,
  ReportMeeting,
} from '@clock/contracts';

export type {
  Kpi,
  KpiDefinition,
  KpiTarget,
  KpiValue,
  Objective,
  Protocol,
  RagStatus,
  Report,
  ReportAction,
  ReportMeeting,
};
export interface ReportSummary {
  id: string;
  reference: string;
  from: string;
  to: string;
  revision: number;
  state: Report['state'];
  contentHash: string | null;
  signedAt: string | null;
  signatures: { given: number; of: number };
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

const enc = encodeURIComponent;
export const reportEndpoints = {
  reports: (page = 1) => apiUrl('/reports', { page, limit: 20 }),
  report: (id: string) => apiUrl(`/reports/${enc(id)}`),
  create: () => apiUrl('/reports'),
  sign: (id: string) => apiUrl(`/reports/${enc(id)}/sign`),
  reopen: (id: string) => apiUrl(`/reports/${enc(id)}/reopen`),
  pdf: (id: string, lang: string) => apiUrl(`/reports/${enc(id)}/pdf`, { lang }),
  csv: (id: string) => apiUrl(`/reports/${enc(id)}/csv`),
  protocols: () => apiUrl('/protocols'),
  objectives: (params: { from?: string; to?: string; page?: number }) =>
    apiUrl('/objectives', { ...params, limit: 100 }),
  objective: (id: string) => apiUrl(`/objectives/${enc(id)}`),
  createObjective: () => apiUrl('/objectives'),
  definitions: () => apiUrl('/kpi-definitions'),
  targets: () => apiUrl('/kpi-targets'),
  values: () => apiUrl('/kpi-values'),
};

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;
/** The centres whose nucleus member this person is. */
export const nucleusCentresOf = (user: Account) =>
  user?.memberships.filter((m) => m.role === 'nucleus').map((m) => m.organization) ?? [];
/** Steers the protocol (objectives, targets, reports): the nucleus, the Region's officers and administrators. */
export const canSteer = (user: Account) => nucleusCentresOf(user).length > 0 || !!user?.platformRole;
/** Holds this signature slot now: the centre's nucleus member, or a Region officer for the Region's. */
export const holdsSlot = (user: Account, slot: { organization: string; role: string }) =>
  slot.role === 'region' ? user?.platformRole === 'region' : nucleusCentresOf(user).includes(slot.organization);

/** Half-year presets: the last four half-years up to the current one, newest first. */
export function halfYears(today: string, n = 4): { from: string; to: string; year: number; half: 1 | 2 }[] {
  const year = Number(today.slice(0, 4));
  let half: 1 | 2 = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  let y = year;
  const out: { from: string; to: string; year: number; half: 1 | 2 }[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      half === 1
        ? { from: `${y}-01-01`, to: `${y}-06-30`, year: y, half }
        : { from: `${y}-07-01`, to: `${y}-12-31`, year: y, half },
    );
    if (half === 1) {
      half = 2;
      y -= 1;
    } else half = 1;
  }
  return out;
}
