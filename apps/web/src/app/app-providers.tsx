import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n.tsx';
import { RouteFocusProvider } from '../lib/route-focus.tsx';
import { ReferenceDataProvider } from '../features/catalogue/reference-data.tsx';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <RouteFocusProvider>
        <ReferenceDataProvider>{children}</ReferenceDataProvider>
      </RouteFocusProvider>
    </I18nProvider>
  );
}
