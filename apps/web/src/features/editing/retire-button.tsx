import { useState, type ReactNode } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { Icon } from '../../components/ui/icon.tsx';

interface RetireButtonProps {
  /** The dialog's question, naming what is retired. */
  title: string;
  children: ReactNode;
  onRetire: () => Promise<void>;
}

/** "Ritira": asks for confirmation in a dialog, then retires (the record leaves the catalogue; its history stays). */
export function RetireButton({ title, children, onRetire }: RetireButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRetire();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0));
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-outline-danger btn-sm btn-icon"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        <Icon name="delete" className="icon-sm" />
        <span>{t('edit.retire')}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={t('edit.retire_confirm')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        busy={busy}
        error={error ? t(problemMessageKey(error)) : undefined}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
