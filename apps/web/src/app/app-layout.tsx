import { Suspense, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useRouteFocus } from '../lib/route-focus.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { SiteHeader } from './site-header.tsx';
import { SiteFooter } from './site-footer.tsx';
import { DemoBanner } from '../features/demo/demo-banner.tsx';

/**
 * Says the app is running: a page the server rendered is readable at once and works from here on. Inside the page's
 * Suspense boundary, so it commits with the page itself (a lazy page hydrates after the frame around it).
 */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset.app = 'ready';
  }, []);
  return null;
}

/** The page frame: skip link, header, the one <main id="main">, footer. */
export function AppLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const routeFocus = useRouteFocus();
  const firstRender = useRef(true);
  const main = useRef<HTMLElement>(null);

  // Layout effects run before the pages' effects, so the new page's h1 finds the request.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    routeFocus.request();
    window.scrollTo(0, 0);
  }, [pathname, routeFocus]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
    main.current?.scrollIntoView();
  };

  return (
    <>
      <div className="skiplinks">
        {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main that also moves focus, as the pattern wants */}
        <a className="visually-hidden-focusable" href="#main" onClick={skipToMain}>
          {t('a11y.skip_to_content')}
        </a>
      </div>
      <DemoBanner />
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <div className="container my-4 my-lg-5">
          <Suspense
            fallback={
              <div aria-busy="true">
                <LoadingState />
              </div>
            }
          >
            <Outlet />
            <AppReady />
          </Suspense>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
