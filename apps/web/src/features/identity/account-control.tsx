import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { canAdminister } from '../admin/admin-api.ts';
import { canCoordinate } from '../requests/request-roles.ts';
import '../governance-reports/report-nav-messages.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { useSession } from './session.tsx';
import { signInHref } from './roles.ts';
import { centresOf } from '../bookings/booking-roles.ts';
import { BrokerageMenuItems } from '../brokerage/brokerage-links.tsx';

/**
 * The header's account corner: "Accedi" when signed out; the person's name opening a small menu (disclosure pattern:
 * a button and a list of links) with "Il mio account" (and "Amministrazione" for admins and Region officers) and "Esci" when signed in.
 */
export function AccountControl() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (wrapper.current && event.target instanceof Node && !wrapper.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  // Busy while /me answers: the page is "settled" only once it knows who is signed in.
  if (session.status === 'loading')
    return <span className="account-control account-placeholder" aria-hidden="true" aria-busy="true" />;

  if (session.status === 'signed-out' || !session.user) {
    return (
      <div className="account-control">
        <Link className="account-signin" to={signInHref(location.pathname + location.search)}>
          <Icon name="user" className="icon-sm icon-white" />
          <span>{t('account.sign_in')}</span>
        </Link>
      </div>
    );
  }

  const signOut = async () => {
    setFailed(false);
    try {
      await session.signOut(() => navigate('/', { state: { notice: 'signed-out' }, flushSync: true }));
      setOpen(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="account-control" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="account-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="user" className="icon-sm icon-white" />
        <span className="account-name">{session.user.name}</span>
        <span className="visually-hidden">{t('account.menu_suffix')}</span>
        <Icon name={open ? 'collapse' : 'expand'} className="icon-sm icon-white" />
      </button>
      <div id={menuId} className="account-menu" hidden={!open}>
        <ul>
          <li>
            <Link to="/account">{t('account.my_account')}</Link>
          </li>
          <li>
            <Link to="/prenotazioni">{t('booking.mine.title')}</Link>
          </li>
          {centresOf(session.user).length ? (
            <li>
              <Link to="/prenotazioni/centro">{t('booking.centre.title')}</Link>
            </li>
          ) : null}
          <BrokerageMenuItems />
          {canCoordinate(session.user) ? (
            <li>
              <Link to="/nucleo">{t('nav.nucleus_meetings')}</Link>
            </li>
          ) : null}
          {canCoordinate(session.user) ? (
            <li>
              <Link to="/verifiche">{t('nav.reports')}</Link>
            </li>
          ) : null}
          {canAdminister(session.user) ? (
            <li>
              <Link to="/amministrazione">{t('nav.administration')}</Link>
            </li>
          ) : null}
          <li>
            <button type="button" className="account-menu-button" onClick={signOut}>
              {t('account.sign_out')}
            </button>
          </li>
        </ul>
        {failed ? (
          <p className="account-menu-error" role="alert">
            {t('account.sign_out_failed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
