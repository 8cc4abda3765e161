import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { getJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { useSession } from '../identity/session.tsx';
import { requestEndpoints, type NotificationList } from '../requests/request-api.ts';
import { NOTIFICATIONS_CHANGED } from './notification-text.ts';

const REFRESH_MS = 120_000;

/** The header's link to the notifications, with the unread count (in words for screen readers). Signed-in only. */
export function NotificationBell() {
  const { t, tp } = useI18n();
  const { status, ending } = useSession();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    const again = () => setChecks((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, again);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, again);
  }, []);

  // Looked at again after every page change and every few minutes: others' actions on requests notify this person.
  // Not while a sign-out is under way: it leaves the page before it forgets the account, and a look then would go out
  // with an ended session (a 401 in the console, however long the sign-out takes).
  useEffect(() => {
    if (status !== 'signed-in' || ending) return;
    const controller = new AbortController();
    const look = () =>
      getJson<NotificationList>(requestEndpoints.notifications(1), controller.signal).then(
        (list) => setUnread(list.unread),
        () => undefined,
      );
    const soon = window.setTimeout(look, 250);
    const every = window.setInterval(look, REFRESH_MS);
    return () => {
      window.clearTimeout(soon);
      window.clearInterval(every);
      controller.abort();
    };
  }, [status, ending, pathname, checks]);

  if (status !== 'signed-in') return null;
  return (
    <Link to="/notifiche" className="notification-bell">
      <Icon name="bell" className="icon-sm icon-white" />
      <span className="notification-bell-label">{t('notifications.title')}</span>
      {unread > 0 ? (
        <span className="badge notification-count">
          <span aria-hidden="true">{unread}</span>
          <span className="visually-hidden">{tp('notifications.unread', unread)}</span>
        </span>
      ) : (
        <span className="visually-hidden">{t('notifications.none_unread')}</span>
      )}
    </Link>
  );
}
