import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useRouteFocus } from '../../lib/route-focus.tsx';

interface PageHeadingProps {
  children: ReactNode;
  /** The page's part of document.title; the site name is appended. */
  documentTitle: string;
  /** False while the page still loads what the heading names; focus waits for it. */
  ready?: boolean;
  className?: string;
  lang?: string;
}

/** The one h1 of a page: sets document.title and takes the focus after a client-side navigation. */
export function PageHeading({ children, documentTitle, ready = true, className, lang }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const routeFocus = useRouteFocus();
  const { t } = useI18n();

  useEffect(() => {
    document.title = `${documentTitle} – ${t('site.name')}`;
  }, [documentTitle, t]);

  useEffect(() => {
    if (ready && routeFocus.claim()) ref.current?.focus();
  }, [ready, routeFocus]);

  return (
    <h1 ref={ref} tabIndex={-1} className={className ? `page-heading ${className}` : 'page-heading'} lang={lang}>
      {children}
    </h1>
  );
}
