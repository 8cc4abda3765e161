/**
 * Server-side rendering of public pages (built by `vite build --ssr` into dist-ssr/, loaded by the server): the page a
 * visitor without a session asked for, as HTML, with the data it was made from. Rendering runs in passes: each pass
 * renders the page with the answers gathered so far and collects what the page asked for; the next pass has them.
 * Pages ask in render (`useApi`, `useReferenceData`), so no page needs code of its own to be rendered here.
 */
import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { Problem, Taxonomies } from '@clock/contracts';
import { AppProviders } from './app/app-providers.tsx';
import { routes } from './app/app-router.tsx';
import { endpoints } from './lib/api.ts';
import { loadLanguage, type Lang } from './lib/i18n.tsx';
import type { PageData, PageRender } from './lib/page-data.tsx';
import type { PageHead } from './lib/page-head.tsx';
import { loadAllOrganizations } from './features/catalogue/reference-data.tsx';

/** One GET of the API on behalf of the visitor: the answer, or the status and problem it failed with. */
export type ApiGet = (
  url: string,
) => Promise<{ ok: true; body: unknown } | { ok: false; status: number; problem?: Problem }>;

export interface RenderedPage {
  html: string;
  data: PageData;
  /** What the page said about itself (title, description, kind): the server writes it into <head>. */
  head?: PageHead;
  /** 404 when no route matched the path. */
  status: number;
}

const MAX_PASSES = 4;
const handler = createStaticHandler(routes);
// Both dictionaries, once: pages render in either language.
const dictionaries = Promise.all([loadLanguage('it'), loadLanguage('en')]);

async function toHtml(node: ReactNode, signal: AbortSignal): Promise<string> {
  const { prelude } = await prerender(node, { signal, progressiveChunkSize: Number.POSITIVE_INFINITY });
  return new Response(prelude).text();
}

export async function render(
  url: string,
  o: { lang: Lang; get: ApiGet; signal: AbortSignal; origin?: string },
): Promise<RenderedPage> {
  await dictionaries;
  const context = await handler.query(new Request(new URL(url, 'http://localhost')), { requestContext: undefined });
  if (context instanceof Response) throw new Error(`unexpected response while rendering ${url}`);
  const data: PageData = { lang: o.lang, anonymous: true, api: {}, errors: {}, origin: o.origin };
  const getJson = async <T,>(u: string): Promise<T> => {
    const answer = await o.get(u);
    if (!answer.ok) throw new Error(`${u}: ${answer.status}`);
    return answer.body as T;
  };

  let html = '';
  let head: PageHead | undefined;
  let last: PageRender | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const wanted = new Set<string>();
    let wantsReference = false;
    const rendering: PageRender = {
      data,
      server: true,
      want: (u) => wanted.add(u),
      wantReference: () => {
        wantsReference = true;
      },
    };
    const router = createStaticRouter(handler.dataRoutes, context);
    html = await toHtml(
      <AppProviders rendering={rendering}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProviders>,
      o.signal,
    );
    head = rendering.head;
    last = rendering;
    const missing = [...wanted].filter((u) => u.startsWith('/api/'));
    const reference = wantsReference && !data.reference;
    if (missing.length === 0 && !reference) break;
    await Promise.all([
      ...missing.map(async (u) => {
        const answer = await o.get(u);
        if (answer.ok) data.api[u] = answer.body;
        else data.errors[u] = { status: answer.status, problem: answer.problem };
      }),
      reference
        ? Promise.allSettled([
            getJson<Taxonomies>(endpoints.taxonomies()),
            loadAllOrganizations(undefined, getJson),
          ]).then(([taxonomies, organizations]) => {
            data.reference = {
              taxonomies: taxonomies.status === 'fulfilled' ? taxonomies.value : undefined,
              organizations: organizations.status === 'fulfilled' ? organizations.value : [],
            };
          })
        : undefined,
    ]);
  }
  // The sector taxonomy is large (every NACE class in two languages): the page carries only the sectors it showed,
  // unless it listed them all; the browser loads the rest once it has taken the page over.
  const sectors = data.reference?.taxonomies?.sector;
  if (data.reference?.taxonomies && sectors && last?.sectorsUsed !== 'all') {
    const used = last?.sectorsUsed ?? new Set<string>();
    data.reference = {
      ...data.reference,
      taxonomies: { ...data.reference.taxonomies, sector: sectors.filter((t) => used.has(t.code)) },
      partial: true,
    };
  }
  const matchedNotFound = context.matches.some((m) => m.route.path === '*');
  return { html, data, head, status: matchedNotFound ? 404 : 200 };
}
