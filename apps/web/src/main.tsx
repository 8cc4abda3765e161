import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './fonts.css';
import './styles.css';
import { loadLanguage, readStoredLang, writeLangCookie } from './lib/i18n.tsx';
import { browserPageRender, readEmbeddedPageData } from './lib/page-data.tsx';
import { seedApiCache } from './lib/use-api.ts';
import { clearSessionHint } from './features/identity/session.tsx';
import { AppProviders } from './app/app-providers.tsx';
import { AppRouter } from './app/app-router.tsx';

// A public page for a visitor without a session arrives rendered by the server, with the data it was made from.
const rendered = readEmbeddedPageData();
const stored = readStoredLang();
// The first render must match the server's HTML, so it uses the server's language; the cookie tells the server the
// reader's choice next time (it was only in this browser's storage before).
const lang = rendered?.lang ?? stored;
writeLangCookie(stored);
document.documentElement.lang = lang;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Only an English reader waits for a dictionary (Italian ships with the app); if it cannot be fetched, Italian it is.
async function start(container: HTMLElement) {
  await loadLanguage(lang).catch(() => undefined);

  const app = (
    <StrictMode>
      <AppProviders rendering={browserPageRender(rendered)}>
        <AppRouter />
      </AppProviders>
    </StrictMode>
  );
  if (rendered) {
    if (rendered.anonymous) clearSessionHint();
    seedApiCache(rendered);
    // The server's HTML is painted already: boot.js starts this script only after the first paint.
    hydrateRoot(container, app);
  } else {
    createRoot(container).render(app);
  }
}

void start(root);
