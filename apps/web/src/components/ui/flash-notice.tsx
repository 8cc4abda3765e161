import { useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useBrowserOnly } from '../../lib/page-data.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';

const NOTICES: Record<string, MessageKey> = {
  saved: 'notice.saved',
  created: 'notice.created',
  unchanged: 'notice.unchanged',
  retired: 'notice.retired',
  joined: 'notice.joined',
  'signed-out': 'notice.signed_out',
  'signed-out-everywhere': 'notice.signed_out_everywhere',
  'request-submitted': 'notice.request_submitted',
  'request-edited': 'request.done.edit',
};

/**
 * The outcome of the action that led here (saved, retired, signed out…), passed in the navigation state. The server
 * cannot see that state (a reload keeps it), so it shows once the browser has the page.
 */
export function FlashNotice() {
  const { t } = useI18n();
  const location = useLocation();
  const inBrowser = useBrowserOnly();
  const state = location.state as { notice?: string } | null;
  const key = state?.notice ? NOTICES[state.notice] : undefined;
  if (!key || !inBrowser) return null;
  return (
    <div role="status" className="alert alert-success flash-notice">
      <p className="mb-0">{t(key)}</p>
    </div>
  );
}
