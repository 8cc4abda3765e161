import type { ActionList, RequestList } from '@clock/contracts';
import { apiUrl } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';

/**
 * Names for the records a KPI counted (the API gives their ids): a request's reference and title, a joint action's;
 * read from the lists the nucleus and the Region already see (the latest 200 requests, 100 actions). An id not found
 * there is shown as it is.
 */
export function useRecordLabels(recordType: string | undefined): Map<string, string> {
  const { pick } = useI18n();
  const requests = useApi<RequestList>(
    recordType === 'request' ? apiUrl('/requests', { scope: 'all', limit: 200 }) : null,
    { fresh: true },
  );
  const actions = useApi<ActionList>(recordType === 'action' ? apiUrl('/actions', { limit: 100 }) : null, {
    fresh: true,
  });
  const labels = new Map<string, string>();
  for (const r of requests.data?.items ?? []) labels.set(r.id, `${r.ref} — ${r.title}`);
  for (const a of actions.data?.items ?? []) labels.set(a.id, `${a.ref} — ${pick(a.title)?.text ?? ''}`);
  return labels;
}
