import jsonld from 'jsonld';

/**
 * Reading the schema.org JSON-LD blocks of a page as a machine would: each block parsed and expanded by jsonld.js.
 * The schema.org context is served here (no network in tests): `@vocab` is what the real context declares for terms.
 */
const SCHEMA_CONTEXT = { '@context': { '@vocab': 'https://schema.org/', id: '@id', type: '@type' } };

const documentLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?/.test(url))
    return { contextUrl: undefined, documentUrl: url, document: SCHEMA_CONTEXT };
  throw new Error(`no network in tests: ${url}`);
};

export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? 'null') as Record<string, unknown>,
  );
}

/** Every node of every block, expanded: `{ types, node }` with full IRIs as keys. */
export async function expandedNodes(html: string): Promise<{ types: string[]; node: Record<string, unknown> }[]> {
  const nodes: { types: string[]; node: Record<string, unknown> }[] = [];
  for (const block of jsonLdBlocks(html)) {
    const flat = (await jsonld.flatten(block as never, undefined, { documentLoader } as never)) as unknown as {
      '@graph'?: Record<string, unknown>[];
    };
    for (const node of flat['@graph'] ?? (flat as unknown as Record<string, unknown>[])) {
      nodes.push({ types: (node['@type'] as string[] | undefined) ?? [], node });
    }
  }
  return nodes;
}

export const SCHEMA = (term: string) => `https://schema.org/${term}`;
