import { endpoints, type DemoInfo, type NetworkOverviewWithAims } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

/** True on a demo installation (the network overview says so; remembered with the other answers). */
export function useDemoMode(): boolean {
  return useApi<NetworkOverviewWithAims>(endpoints.network()).data?.demo === true;
}

/** The demo accounts, asked for only on a demo installation (elsewhere the endpoint answers 404). */
export function useDemoAccounts(): DemoInfo | undefined {
  const demo = useDemoMode();
  return useApi<DemoInfo>(demo ? endpoints.demo() : null).data;
}
