import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useRouteFocus } from '../../lib/route-focus.tsx';
import { StructuredData, usePageHead, useSiteOrigin, type PageHead } from '../../lib/page-head.tsx';

interface PageHeadingProps {
  children: ReactNode;
  /** The page's part of document.title; the site name is appended. */
  documentTitle: string;
  /** False while the page still loads what the heading names; focus waits for it. */
  ready?: boolean;
  className?: string;
  lang?: string;
  /** The page's description (meta description and link previews): one line, cut at 200 characters. */
  description?: string;
  /** What the page shows, for link previews (Open Graph type). */
  kind?: PageHead['type'];
  /** The schema.org type of the page itself (structured data): a search, a list, the about page… */
  pageType?: 'WebPage' | 'SearchResultsPage' | 'CollectionPage' | 'AboutPage' | 'ItemPage' | 'ProfilePage';
}

/**
 * The one h1 of a page: sets document.title (and the rendered page's <head>, lib/page-head.tsx), describes the page as
 * schema.org structured data, and takes the focus after a client-side navigation.
 */
export function PageHeading({
  children,
  documentTitle,
  ready = true,
  className,
  lang,
  description,
  kind,
  pageType = 'WebPage',
}: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const routeFocus = useRouteFocus();
  const { t, lang: language } = useI18n();
  const origin = useSiteOrigin();
  const location = useLocation();

  usePageHead({
    title: `${documentTitle} – ${t('site.name')}`,
    description: description ?? t('site.description'),
    type: kind,
  });

  useEffect(() => {
    if (ready && routeFocus.claim()) ref.current?.focus();
  }, [ready, routeFocus]);

  return (
    <>
      <StructuredData
        data={{
          '@type': pageType,
          name: documentTitle,
          url: `${origin}${location.pathname}${location.search}`,
          inLanguage: language,
          ...(description ? { description } : {}),
          isPartOf: { '@type': 'WebSite', url: `${origin}/`, name: t('site.name') },
        }}
      />
      <h1 ref={ref} tabIndex={-1} className={className ? `page-heading ${className}` : 'page-heading'} lang={lang}>
        {children}
      </h1>
    </>
  );
}
