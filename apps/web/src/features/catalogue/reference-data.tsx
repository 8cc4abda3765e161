import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Organization, Taxonomies, TaxonomyTerm } from '@clock/contracts';
import { endpoints, getJson, type Page } from '../../lib/api.ts';
import { usePageRender } from '../../lib/page-data.tsx';

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

type Fetch = <T>(url: string, signal?: AbortSignal) => Promise<T>;

/** Every organisation, page by page (the server renders with its own `fetch`). */
export async function loadAllOrganizations(signal?: AbortSignal, fetch: Fetch = getJson): Promise<Organization[]> {
  const all: Organization[] = [];
  for (let page = 1; page <= 50; page++) {
    const chunk = await fetch<Page<Organization>>(endpoints.organizations({ page, limit: 100 }), signal);
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
  // A page rendered by the server comes with the labels it showed.
  const rendered = usePageRender();
  const initial = rendered?.data.reference;
  const [taxonomies, setTaxonomies] = useState<Taxonomies | undefined>(initial?.taxonomies);
  const [organizations, setOrganizations] = useState<Organization[]>(initial?.organizations ?? []);
  const [loaded, setLoaded] = useState(initial !== undefined);
  const [needed, setNeeded] = useState(initial !== undefined);
  // A page rendered with part of the sector taxonomy: the whole of it is loaded once the browser has the page.
  const partial = initial?.partial === true && !rendered?.server;
  useEffect(() => {
    if (partial) setLoaded(false);
  }, [partial]);
  const wantOnServer = rendered?.server ? rendered.wantReference : undefined;
  const need = useCallback(() => setNeeded(true), []);

  useEffect(() => {
    if (!needed || loaded) return;
    const controller = new AbortController();
    const quiet = () => undefined;
    Promise.allSettled([
      getJson<Taxonomies>(endpoints.taxonomies(), controller.signal).then(setTaxonomies, quiet),
      loadAllOrganizations(controller.signal).then(setOrganizations, quiet),
    ]).then(() => {
      if (!controller.signal.aborted) setLoaded(true);
    });
    return () => controller.abort();
  }, [needed, loaded]);

  const value = useMemo<ReferenceData>(() => {
    const index = new Map<string, TaxonomyTerm>();
    if (taxonomies) {
      for (const facet of Object.keys(taxonomies) as TaxonomyFacet[]) {
        for (const term of taxonomies[facet] ?? []) index.set(`${facet}:${term.code}`, term);
      }
    }
    // S3 priorities name their strategy's period: the 2021-2027 one is current, the 2014-2020 one history.
    for (const term of taxonomies?.s3 ?? []) {
      const period = s3Period(term.code, (code) => index.get(`s3:${code}`));
      if (period && term.parent) index.set(`s3:${term.code}`, { ...term, label: withPeriod(term.label, period) });
    }
    // On the server, which sectors the page shows is recorded, so only those travel with it (page-data.tsx).
    const track = rendered?.server ? rendered : null;
    const view =
      track && taxonomies
        ? {
            ...taxonomies,
            get sector() {
              track.sectorsUsed = 'all';
              return taxonomies.sector;
            },
          }
        : taxonomies;
    return {
      // Effects do not run on the server: a page that shows labels asks for them while it renders.
      need: wantOnServer ?? need,
      taxonomies: view,
      organizations,
      organizationById: new Map(organizations.map((o) => [o.id, o])),
      term: (facet, code) => {
        if (track && facet === 'sector' && track.sectorsUsed !== 'all') {
          const used = track.sectorsUsed ?? new Set<string>();
          used.add(code);
          track.sectorsUsed = used;
        }
        return index.get(`${facet}:${code}`);
      },
      loaded,
    };
  }, [need, wantOnServer, taxonomies, organizations, loaded, rendered]);

  return <ReferenceDataContext.Provider value={value}>{children}</ReferenceDataContext.Provider>;
}

/** The S3 strategy of a term, from its root ancestor; null outside both known strategies. */
export function s3Period(code: string, find: (code: string) => TaxonomyTerm | undefined): S3Period | null {
  let term = find(code);
  for (let i = 0; term?.parent && i < 10; i++) term = find(term.parent);
  return term?.code === CURRENT_S3 ? 'current' : term?.code === 'ris3-2014-2020' ? 'previous' : null;
}
export type S3Period = 'current' | 'previous';
/** The root of the current regional S3 strategy in the s3 taxonomy (the server accepts new tags under it only). */
export const CURRENT_S3 = 's3-2021-2027';
const PERIOD_TEXT: Record<S3Period, string> = { current: 'S3 2021–2027', previous: 'RIS3 2014–2020' };

function withPeriod(label: TaxonomyTerm['label'], period: S3Period): TaxonomyTerm['label'] {
  const add = (text: string | undefined) => (text ? `${text} (${PERIOD_TEXT[period]})` : undefined);
  return { ...(label.it ? { it: add(label.it)! } : {}), ...(label.en ? { en: add(label.en)! } : {}) };
}

export function useReferenceData(): ReferenceData {
  const data = useContext(ReferenceDataContext);
  const { need } = data;
  const rendering = usePageRender();
  if (rendering?.server && !data.loaded) need();
  useEffect(need, [need]);
  return data;
}
