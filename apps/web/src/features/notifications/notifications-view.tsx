import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { requestEndpoints, requestHref, type NotificationList } from '../requests/request-api.ts';
import { announceNotificationsChanged, useNotificationText } from './notification-text.ts';

const LIMIT = 100;

/** The latest notifications, unread ones marked in words; "mark all as read". */
export function NotificationsView() {
  const { t, tp, formatDateTime } = useI18n();
  const text = useNotificationText();
  const list = useApi<NotificationList>(requestEndpoints.notifications(LIMIT), { fresh: true });
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  const markAll = async () => {
    setBusy(true);
    try {
      await sendJson('POST', requestEndpoints.notificationsRead(), { ids: 'all' });
      clearApiCache();
      list.reload();
      announceNotificationsChanged();
      setSaid(t('notifications.all_read_done'));
    } catch {
      setSaid(t('notifications.all_read_failed'));
    } finally {
      setBusy(false);
    }
  };

  const markOne = (id: number) => {
    void sendJson('POST', requestEndpoints.notificationsRead(), { ids: [id] }).then(
      () => {
        clearApiCache();
        announceNotificationsChanged();
      },
      () => undefined,
    );
  };

  const data = list.data;
  return (
    <section aria-labelledby="notifications-list" aria-busy={list.loading} className="notifications">
      <h2 id="notifications-list" className="h4">
        {t('notifications.latest')}
      </h2>
      <div className="notifications-toolbar">
        <p className="mb-0">{data ? tp('notifications.unread', data.unread) : ''}</p>
        {data && data.unread > 0 ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={markAll} disabled={busy}>
            {t('notifications.mark_all')}
          </button>
        ) : null}
      </div>
      <p className="form-status" role="status">
        {said}
      </p>
      {list.loading ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {data && data.items.length === 0 ? <EmptyState>{t('notifications.empty')}</EmptyState> : null}
      {data?.items.length ? (
        <ul className="notification-list list-unstyled">
          {data.items.map((n) => (
            <li key={n.id} className={n.read ? 'notification-item' : 'notification-item is-unread'}>
              <p className="notification-meta">
                <time dateTime={n.at}>{formatDateTime(n.at)}</time>
                {!n.read ? <span className="badge notification-unread">{t('notifications.unread_mark')}</span> : null}
              </p>
              <p className="notification-text">{text(n)}</p>
              {n.request ? (
                <Link to={requestHref(n.request)} onClick={() => (n.read ? undefined : markOne(n.id))}>
                  {t('notifications.open_request', { ref: n.params.ref ?? '' })}
                </Link>
              ) : n.params.path?.startsWith('/') ? (
                <Link to={n.params.path} onClick={() => (n.read ? undefined : markOne(n.id))}>
                  {t('notifications.open_link')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
