import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { newsEndpoints, type NewsItem } from './news-api.ts';
import './news-messages.ts';

/** What the publishers may do with an item now (the server's allowedActions): edit, publish, withdraw. */
export function NewsActions({ item, onChanged }: { item: NewsItem; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  if (item.allowedActions.length === 0) return null;
  const act = async (action: 'publish' | 'withdraw') => {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson('POST', newsEndpoints.act(item.id, action));
      clearApiCache();
      setWithdrawing(false);
      onChanged(t(action === 'publish' ? 'news.published_done' : 'news.withdrawn_done'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="news-actions d-flex flex-wrap gap-2 mb-4">
      {item.allowedActions.includes('edit') ? (
        <Link className="btn btn-outline-primary btn-sm" to={`/notizie/${item.id}/modifica`}>
          {t('news.edit')}
        </Link>
      ) : null}
      {item.allowedActions.includes('publish') ? (
        <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void act('publish')}>
          {t('news.publish')}
        </button>
      ) : null}
      {item.allowedActions.includes('withdraw') ? (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setWithdrawing(true)}>
          {t('news.withdraw')}
        </button>
      ) : null}
      {failure && !withdrawing ? <ProblemAlert error={failure} /> : null}
      <ConfirmDialog
        open={withdrawing}
        title={t('news.withdraw')}
        confirmLabel={t('news.withdraw')}
        onConfirm={() => void act('withdraw')}
        onCancel={() => setWithdrawing(false)}
        busy={busy}
        error={failure?.message}
      >
        <p>{t('news.withdraw_confirm')}</p>
      </ConfirmDialog>
    </div>
  );
}
