import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Organization, Problem, Taxonomies } from '@clock/contracts';
import type { Lang } from './i18n.tsx';
import type { PageHead } from './page-head.tsx';

/**
 * What the server used to render a public page (server-side rendering for anonymous visitors): the API answers the
 * page asked for, the reference labels, the language. The server embeds it in the page as JSON, so the browser's
 * first render reads the same answers and matches the HTML it was sent (hydration) instead of asking again.
 */
export interface PageData {
  lang: Lang;
  /** The visitor has no session: the browser starts signed out without asking. */
  anonymous: boolean;
  /** GET answers by URL (`/api/v1/...`). */
  api: Record<string, unknown>;
  /** Failed GETs by URL, so the page shows the same error (e.g. not found) in both places. */
  errors: Record<string, { status: number; problem?: Problem }>;
  /**
   * `partial`: the sector taxonomy holds only the terms the page showed (the whole one is over 150 kB); the browser
   * loads the rest after it has taken the page over.
   */
  reference?: { taxonomies?: Taxonomies; organizations: Organization[]; partial?: boolean };
  /** The instance's public address (CLOCK_PUBLIC_URL): absolute links in structured data. */
  origin?: string;
}

/** While the server renders: the data it has, and what the page asked for that it does not have yet. */
export interface PageRender {
  data: PageData;
  server: boolean;
  want: (url: string) => void;
  wantReference: () => void;
  /** While rendering on the server: the sector codes the page looked up, or 'all' when it read the whole list. */
  sectorsUsed?: Set<string> | 'all';
  /** Set by the page while it renders on the server (lib/page-head.tsx): the <head> the server writes. */
  head?: PageHead;
}

const PageDataContext = createContext<PageRender | null>(null);

export function PageDataProvider({ value, children }: { value: PageRender | null; children: ReactNode }) {
  return <PageDataContext.Provider value={value}>{children}</PageDataContext.Provider>;
}

export function usePageRender(): PageRender | null {
  return useContext(PageDataContext);
}

/**
 * False while a server-rendered page is being rendered or taken over, true after: for what only the browser knows
 * (the navigation's state, storage), which must not differ from the server's HTML in the first render.
 */
export function useBrowserOnly(): boolean {
  const rendered = usePageRender() !== null;
  const [ready, setReady] = useState(!rendered);
  useEffect(() => setReady(true), []);
  return ready;
}

export const PAGE_DATA_ELEMENT = 'clock-page-data';

/** The data embedded in this page by the server, once (null when the page was not rendered there). */
export function readEmbeddedPageData(): PageData | null {
  const element = typeof document === 'undefined' ? null : document.getElementById(PAGE_DATA_ELEMENT);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as PageData;
  } catch {
    return null;
  }
}

/** In the browser: the embedded data as a render context (nothing more is wanted; the page fetches the rest). */
export function browserPageRender(data: PageData | null): PageRender | null {
  return data ? { data, server: false, want: () => undefined, wantReference: () => undefined } : null;
}
