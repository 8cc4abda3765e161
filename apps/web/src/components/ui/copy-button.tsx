import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';

/**
 * Copies the text of an input (named by id) to the clipboard and says so in a polite status; where the clipboard is
 * not available the text is selected, so the reader can copy it by hand.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');

  useEffect(() => {
    if (!said) return;
    const timer = window.setTimeout(() => setSaid(''), 5000);
    return () => window.clearTimeout(timer);
  }, [said]);

  const copy = async () => {
    const input = document.getElementById(targetId) as HTMLInputElement | null;
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      setSaid(t('copy.done'));
    } catch {
      input.focus();
      input.select();
      setSaid(t('copy.manual'));
    }
  };

  return (
    <>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={copy}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}
