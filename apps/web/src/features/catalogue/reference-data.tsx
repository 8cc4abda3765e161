import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Organization, Taxonomies, TaxonomyTerm } from '@clock/contracts';
import { endpoints, getJson, type Page } from '../../lib/api.ts';

export type TaxonomyFacet = keyof Taxonomies;

interface ReferenceData {
  /** Starts the download (once); useReferenceData calls it, so pages that show no label never download them. */
  need: () => void;
  taxonomies: Taxonomies | undefined;
  organizations: Organization[];
  organizationById: Map<string, Organization>;
  term: (facet: TaxonomyFacet, code: string) => TaxonomyTerm | undefined;
  loaded: boolean;
}

const EMPTY: ReferenceData = {
  need: () => undefined,
  taxonomies: undefined,
  organizations: [],
  organizationById: new Map(),
  term: () => undefined,
  loaded: false,
};

const ReferenceDataContext = createContext<ReferenceData>(EMPTY);

async function loadAllOrganizations(signal: AbortSignal): Promise<Organization[]> {
  const all: Organization[] = [];
  for (let page = 1; page <= 50; page++) {
    const chunk = await getJson<Page<Organization>>(endpoints.organizations({ page, limit: 100 }), signal);
    all.push(...chunk.items);
    if (all.length >= chunk.total || chunk.items.length === 0) break;
  }
  return all;
}

/**
 * Taxonomy labels and organisation names, loaded once: search facets, chips and cards show labels, not codes.
 * Loaded when the first component that shows one mounts (the home page shows none: a phone skips the download).
 * A failure leaves codes visible; the pages report their own errors.
 */
export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const [taxonomies, setTaxonomies] = useState<Taxonomies>();
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [needed, setNeeded] = useState(false);
  const need = useCallback(() => setNeeded(true), []);

  useEffect(() => {
    if (!needed) return;
    const controller = new AbortController();
    const quiet = () => undefined;
    Promise.allSettled([
      getJson<Taxonomies>(endpoints.taxonomies(), controller.signal).then(setTaxonomies, quiet),
      loadAllOrganizations(controller.signal).then(setOrganizations, quiet),
    ]).then(() => {
      if (!controller.signal.aborted) setLoaded(true);
    });
    return () => controller.abort();
  }, [needed]);

  const value = useMemo<ReferenceData>(() => {
    const index = new Map<string, TaxonomyTerm>();
    if (taxonomies) {
      for (const facet of Object.keys(taxonomies) as TaxonomyFacet[]) {
        for (const term of taxonomies[facet] ?? []) index.set(`${facet}:${term.code}`, term);
      }
    }
    return {
      need,
      taxonomies,
      organizations,
      organizationById: new Map(organizations.map((o) => [o.id, o])),
      term: (facet, code) => index.get(`${facet}:${code}`),
      loaded,
    };
  }, [need, taxonomies, organizations, loaded]);

  return <ReferenceDataContext.Provider value={value}>{children}</ReferenceDataContext.Provider>;
}

export function useReferenceData(): ReferenceData {
  const data = useContext(ReferenceDataContext);
  const { need } = data;
  useEffect(need, [need]);
  return data;
}
