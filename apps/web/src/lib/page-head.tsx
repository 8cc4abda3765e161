import { useEffect } from 'react';
import { usePageRender } from './page-data.tsx';

/**
 * What a page says about itself outside its body: the document title, a description, the kind of thing it shows. On
 * the server (a page rendered for a visitor without a session) the renderer collects it and writes the <head>: title,
 * meta description, canonical URL and the Open Graph tags link previews read. In the browser the title and the
 * description follow the page as the visitor moves around.
 */
export interface PageHead {
  title: string;
  description?: string;
  /** Open Graph type. */
  type?: 'website' | 'article' | 'profile' | 'event' | 'product';
}

const MAX_DESCRIPTION = 200;

/** One line of at most 200 characters, cut at a word, for a meta description. */
export function describe(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_DESCRIPTION) return line || undefined;
  const cut = line.slice(0, MAX_DESCRIPTION - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 120 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function usePageHead(head: PageHead) {
  const rendering = usePageRender();
  if (rendering?.server) rendering.head = head;
  const { title, description } = head;
  useEffect(() => {
    document.title = title;
    if (description) document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [title, description]);
}

/** The address pages and structured data link to: the instance's public address when the server rendered the page. */
export function useSiteOrigin(): string {
  const rendering = usePageRender();
  return rendering?.data.origin ?? (typeof window === 'undefined' ? '' : window.location.origin);
}

/** JSON in a script element: nothing in it can end the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * schema.org structured data (JSON-LD) describing what the page shows, for search engines and other machines. Part of
 * the body, so the page rendered on the server and the one the browser takes over carry the same block.
 */
export function StructuredData({ data }: { data: Record<string, unknown> }) {
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD is the script's raw text; scriptJson escapes it.
      dangerouslySetInnerHTML={{ __html: scriptJson({ '@context': 'https://schema.org', ...data }) }}
    />
  );
}
