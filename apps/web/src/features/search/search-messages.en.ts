import type { searchIt } from './search-messages.it.ts';

/** English for the answers given while the search index is being prepared after a start. */
export const searchEn: { readonly [K in keyof typeof searchIt]: string } = {
  'search.provisional.title': 'Provisional results',
  'search.provisional.body':
    'The full search is being prepared after the service restarted. Meanwhile you see the records that contain every word you searched for, in the order they were added: not ranked by relevance, without typo correction or filter counts. In a few minutes the results will be complete.',
  'search.provisional.refresh': 'Refresh the results',
  'error.unavailable': 'The service is starting and this feature is not ready yet. Please try again in a few seconds.',
};
