import type { I18n } from '../../lib/i18n.tsx';

/** "45 secondi", "3 minuti": how long to wait before trying again (Retry-After, in seconds). */
export function formatWait(seconds: number | undefined, tp: I18n['tp']): string {
  const s = Math.max(1, Math.round(seconds ?? 60));
  return s < 60 ? tp('time.seconds', s) : tp('time.minutes', Math.ceil(s / 60));
}
