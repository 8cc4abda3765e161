import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './fonts.css';
import './styles.css';
import { loadLanguage, readStoredLang } from './lib/i18n.tsx';
import { AppProviders } from './app/app-providers.tsx';
import { AppRouter } from './app/app-router.tsx';

// Set the language before the first paint, so screen readers never start in the wrong one.
const lang = readStoredLang();
document.documentElement.lang = lang;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Only an English reader waits for a dictionary (Italian ships with the app); if it cannot be fetched, Italian it is.
await loadLanguage(lang).catch(() => undefined);

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <AppRouter />
    </AppProviders>
  </StrictMode>,
);
