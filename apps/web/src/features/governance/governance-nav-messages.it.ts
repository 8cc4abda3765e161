/** The two links to the governance pages, in the header and the footer (the first download: kept to two words). */
export const governanceNavIt = {
  'nav.governance': 'Cruscotto',
  'footer.results': 'Risultati della rete',
} as const;
