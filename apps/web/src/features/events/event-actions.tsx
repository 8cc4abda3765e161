import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { eventEndpoints, type EventDetail } from './event-api.ts';
import './event-messages.ts';

/**
 * The organisers' buttons on an event (the server's allowedActions): edit, publish, cancel with a reason, registrations.
 */
export function EventActions({ event, onChanged }: { event: EventDetail; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const can = (a: EventDetail['allowedActions'][number]) => event.allowedActions.includes(a);
  if (!can('edit') && !can('publish') && !can('cancel') && !can('manage-registrations')) return null;
  const act = async (action: 'publish' | 'cancel') => {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson('POST', eventEndpoints.act(event.id, action), action === 'cancel' ? { reason } : undefined);
      clearApiCache();
      setCancelling(false);
      onChanged(t(action === 'publish' ? 'events.action.published' : 'events.action.cancelled'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="event-actions d-flex flex-wrap gap-2 mb-4">
      {can('edit') ? (
        <Link className="btn btn-outline-primary btn-sm" to={`/eventi/${event.id}/modifica`}>
          {t('events.edit')}
        </Link>
      ) : null}
      {can('manage-registrations') ? (
        <Link className="btn btn-outline-primary btn-sm" to={`/eventi/${event.id}/iscrizioni`}>
          {t('events.manage.link')}
        </Link>
      ) : null}
      {can('publish') ? (
        <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void act('publish')}>
          {t('events.action.publish')}
        </button>
      ) : null}
      {can('cancel') ? (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setCancelling(true)}>
          {t('events.action.cancel')}
        </button>
      ) : null}
      {failure && !cancelling ? <ProblemAlert error={failure} /> : null}
      <ConfirmDialog
        open={cancelling}
        title={t('events.action.cancel')}
        confirmLabel={t('events.action.cancel')}
        onConfirm={() => void act('cancel')}
        onCancel={() => setCancelling(false)}
        busy={busy}
        error={failure?.message}
      >
        <p>{t('events.action.cancel_text')}</p>
        <TextField
          id="event-cancel-reason"
          label={t('events.action.cancel_reason')}
          value={reason}
          onChange={setReason}
          multiline
          rows={3}
          required
        />
      </ConfirmDialog>
    </div>
  );
}
