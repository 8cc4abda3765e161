import { useSearchParams } from 'react-router';
import { defaultPeriod, isDay, romeToday } from './governance-series.ts';

export interface DashboardPeriod {
  from: string;
  to: string;
  organization: string | null;
  /** The address's period was not valid: the default one is shown instead. */
  invalid: boolean;
}

/** The dashboard's period and organisation from the address (?dal=&al=&org=), the last two years by default. */
export function useDashboardPeriod(): DashboardPeriod {
  const [params] = useSearchParams();
  const fallback = defaultPeriod(romeToday());
  const from = params.get('dal');
  const to = params.get('al');
  const organization = params.get('org') || null;
  const given = from !== null || to !== null;
  const valid = isDay(from) && isDay(to) && from <= to;
  return valid ? { from, to, organization, invalid: false } : { ...fallback, organization, invalid: given };
}

/** The dashboard's query string for a period and organisation (links between its pages keep them). */
export const periodQuery = (p: Pick<DashboardPeriod, 'from' | 'to' | 'organization'>) =>
  `?dal=${p.from}&al=${p.to}${p.organization ? `&org=${encodeURIComponent(p.organization)}` : ''}`;
