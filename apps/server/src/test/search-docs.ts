import type { DocInput } from '../modules/search/search.index.ts';

/**
 * A maker of public catalogue documents written in English only, for the search and matching unit tests: ids r1, r2…
 * in the order they are made (ties in a ranking are broken by id, so each test file gets its own maker).
 */
export function englishDocs(): (en: string, over?: Partial<DocInput>) => DocInput {
  let n = 0;
  return (en, over = {}) => ({
    type: 'service',
    id: `r${++n}`,
    organization: 'org',
    visibility: 'public',
    title: { en },
    summary: { en },
    fields: [{ text: en, lang: 'en', weight: 1 }],
    sectors: [],
    filiere: [],
    s3: [],
    ...over,
  });
}
