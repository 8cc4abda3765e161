import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n.tsx';
import { PageDataProvider, type PageRender } from '../lib/page-data.tsx';
import { RouteFocusProvider } from '../lib/route-focus.tsx';
import { ReferenceDataProvider } from '../features/catalogue/reference-data.tsx';
import { SessionProvider } from '../features/identity/session.tsx';

/** `rendering`: the data a server-rendered page was made with (null in a page the browser renders alone). */
export function AppProviders({ children, rendering = null }: { children: ReactNode; rendering?: PageRender | null }) {
  return (
    <PageDataProvider value={rendering}>
      <I18nProvider initialLang={rendering?.data.lang}>
        <RouteFocusProvider>
          <SessionProvider>
            <ReferenceDataProvider>{children}</ReferenceDataProvider>
          </SessionProvider>
        </RouteFocusProvider>
      </I18nProvider>
    </PageDataProvider>
  );
}
