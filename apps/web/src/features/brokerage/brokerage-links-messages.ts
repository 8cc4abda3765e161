/** The brokerage's links in the header's account menu: a few words loaded with the header, not with the pages. */
export const brokerageLinksIt = {
  'brokerage.links.publish': 'Pubblica un’opportunità',
  'brokerage.links.mine': 'Le mie opportunità',
  'brokerage.links.review': 'Opportunità da esaminare',
  'brokerage.links.introductions': 'Presentazioni tra imprese',
  'brokerage.links.label': 'Le vostre opportunità',
} as const;

export const brokerageLinksEn: { readonly [K in keyof typeof brokerageLinksIt]: string } = {
  'brokerage.links.publish': 'Publish an opportunity',
  'brokerage.links.mine': 'My opportunities',
  'brokerage.links.review': 'Opportunities to review',
  'brokerage.links.introductions': 'Introductions between companies',
  'brokerage.links.label': 'Your opportunities',
};
