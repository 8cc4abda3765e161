import type { governanceNavIt } from './governance-nav-messages.it.ts';

export const governanceNavEn: { readonly [K in keyof typeof governanceNavIt]: string } = {
  'nav.governance': 'Dashboard',
  'footer.results': "The network's results",
};
