import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n.tsx';
import { RouteFocusProvider } from '../lib/route-focus.tsx';
import { ReferenceDataProvider } from '../features/catalogue/reference-data.tsx';
import { SessionProvider } from '../features/identity/session.tsx';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <RouteFocusProvider>
        <SessionProvider>
          <ReferenceDataProvider>{children}</ReferenceDataProvider>
        </SessionProvider>
      </RouteFocusProvider>
    </I18nProvider>
  );
}
