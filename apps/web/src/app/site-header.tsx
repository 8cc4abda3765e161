import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { SITE_CONFIG } from '../lib/site-config.ts';
import type { MessageKey } from '../lib/messages.it.ts';
import { Icon } from '../components/ui/icon.tsx';
import { SearchBox } from '../features/search/search-box.tsx';
import { AccountControl } from '../features/identity/account-control.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate } from '../features/requests/request-roles.ts';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import '../features/governance/governance-nav-messages.ts';

/** The catalogue's lists, under one entry of the menu (a disclosure that works without scripts). */
const CATALOGUE: { to: string; label: MessageKey }[] = [
  { to: '/organizzazioni', label: 'nav.organizations' },
  { to: '/competenze', label: 'nav.competences' },
  { to: '/servizi', label: 'nav.services' },
  { to: '/attrezzature', label: 'nav.equipment' },
  { to: '/esperti', label: 'nav.experts' },
];
const NAV: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/richieste', label: 'nav.requests' },
  { to: '/eventi', label: 'nav.events' },
  { to: '/notizie', label: 'nav.news' },
  { to: '/azioni', label: 'nav.joint_actions' },
  { to: '/opportunita', label: 'nav.opportunities' },
  // On a desktop the search box above the menu leads to the same page, so the entry shows in the phone menu only.
  { to: '/cerca', label: 'nav.search' },
  { to: '/chi-siamo', label: 'nav.about' },
];
/** Shown to the coordination nucleus (and the Region's officers and administrators), after "Richieste". */
const COORDINATION: { to: string; label: MessageKey; end?: boolean } = {
  to: '/richieste/coordinamento',
  label: 'nav.coordination',
};

/** The protocol's dashboard, for the same readers, at the end of the menu. */
const GOVERNANCE: { to: string; label: MessageKey; end?: boolean } = { to: '/governo', label: 'nav.governance' };

const MENU_ID = 'main-menu';

/** The bootstrap-italia header: slim bar (Region, language), brand with search, and the main navigation. */
export function SiteHeader() {
  const { t } = useI18n();
  const location = useLocation();
  const { user } = useSession();
  const nav = canCoordinate(user)
    ? [...NAV.flatMap((item) => (item.to === '/richieste' ? [item, COORDINATION] : [item])), GOVERNANCE]
    : NAV;
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);

  // A followed link closes the mobile menu.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggler.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggler.current?.focus();
  };

  // While the mobile menu covers the page, Tab cycles inside it (close button and links).
  const panel = useRef<HTMLDivElement>(null);
  const trapFocus = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!open || event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('button, a[href]')].filter(
      (el) => el.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <a className="navbar-brand slim-region-link" href={SITE_CONFIG.regionUrl}>
                  {t('header.region')}
                </a>
                <div className="it-header-slim-right-zone">
                  <NotificationBell />
                  <AccountControl />
                  <LanguageSwitch />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/" aria-label={t('header.home_link')}>
                      <svg className="icon brand-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2.5" />
                        <path
                          d="M16 8v8l5.5 4"
                          fill="none"
                          stroke="currentColor"
                          strokeWidth="2.5"
                          strokeLinecap="round"
                        />
                      </svg>
                      <div className="it-brand-text">
                        <div className="it-brand-title">{t('site.name')}</div>
                        <div className="it-brand-tagline">{t('site.tagline')}</div>
                      </div>
                    </Link>
                  </div>
                  <div className="it-right-zone">
                    <div className="header-search d-none d-lg-block">
                      <SearchBox variant="header" />
                    </div>
                    <Link to="/cerca" className="header-search-link d-lg-none">
                      <Icon name="search" className="icon-white" />
                      <span className="visually-hidden">{t('nav.search')}</span>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-navbar-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <nav className="navbar navbar-expand-lg" aria-label={t('nav.label')}>
                  <button
                    ref={toggler}
                    className="custom-navbar-toggler"
                    type="button"
                    aria-controls={MENU_ID}
                    aria-expanded={open}
                    onClick={() => setOpen(true)}
                  >
                    <Icon name="burger" />
                    <span className="visually-hidden">{t('nav.menu')}</span>
                  </button>
                  {/* biome-ignore lint/a11y/noStaticElementInteractions: the open menu traps Tab for the controls inside it */}
                  <div
                    ref={panel}
                    className={open ? 'navbar-collapsable expanded' : 'navbar-collapsable'}
                    id={MENU_ID}
                    onKeyDown={trapFocus}
                  >
                    <div className="overlay" onClick={close} aria-hidden="true" />
                    <div className="close-div">
                      <button ref={closer} className="btn close-menu" type="button" onClick={close}>
                        <span className="visually-hidden">{t('nav.close_menu')}</span>
                        <Icon name="close-big" />
                      </button>
                    </div>
                    <div className="menu-wrapper">
                      <ul className="navbar-nav">
                        <CatalogueMenu />
                        {nav.map((item) => (
                          <li key={item.to} className={item.to === '/cerca' ? 'nav-item d-lg-none' : 'nav-item'}>
                            <NavLink
                              to={item.to}
                              end={
                                item.end || (item.to === '/richieste' && location.pathname.startsWith(COORDINATION.to))
                              }
                              className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                            >
                              <span>{t(item.label)}</span>
                            </NavLink>
                          </li>
                        ))}
                      </ul>
                    </div>
                  </div>
                </nav>
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}

/**
 * "Catalogo": the five lists of the shared catalogue behind one menu entry. A native <details> disclosure, so it opens
 * by keyboard and before (or without) the app's scripts; it closes on a followed link, on Escape and on a click
 * elsewhere.
 */
function CatalogueMenu() {
  const { t } = useI18n();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  const active = CATALOGUE.some((c) => location.pathname === c.to || location.pathname.startsWith(`${c.to}/`));
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onClick = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <li className="nav-item catalogue-menu">
      <details ref={ref} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className={active ? 'nav-link active' : 'nav-link'}>
          <span>{t('nav.catalogue')}</span>
          <Icon name="expand" />
        </summary>
        <ul className="catalogue-menu-list">
          {CATALOGUE.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
