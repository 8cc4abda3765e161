import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { roleLabel } from '../identity/roles.ts';
import type { PersonAuditEntry, PersonStatus } from './admin-api.ts';

/** Active, disabled or waiting for the e-mail confirmation: a word, never colour alone. */
export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useI18n();
  return <span className={`badge person-status-badge status-${status}`}>{t(`admin.status.${status}`)}</span>;
}

const ACTIONS: Record<string, MessageKey> = {
  'create-account': 'admin.history.create-account',
  'grant-role': 'admin.history.grant-role',
  'revoke-role': 'admin.history.revoke-role',
  'disable-account': 'admin.history.disable-account',
  'enable-account': 'admin.history.enable-account',
  'set-password': 'admin.history.set-password',
  'delete-account': 'admin.history.delete-account',
  join: 'admin.history.join',
};

function describeRole(entry: unknown, t: ReturnType<typeof useI18n>['t']): string {
  const v = (entry ?? {}) as { platformRole?: string | null; role?: string; organization?: string };
  if (v.platformRole) return t(roleLabel(v.platformRole));
  if (v.role && v.organization) return t('admin.role_at', { role: t(roleLabel(v.role)), organization: v.organization });
  if (v.role) return t(roleLabel(v.role));
  return '';
}

/** The audit entries about a person, newest first: what changed, who did it, when. */
export function PersonHistory({ entries }: { entries: PersonAuditEntry[] }) {
  const { t, formatDateTime } = useI18n();
  if (!entries.length) return <p>{t('admin.history.none')}</p>;
  return (
    <ol className="person-history list-unstyled">
      {entries.map((h, i) => {
        const change =
          h.action === 'grant-role'
            ? describeRole(h.after, t)
            : h.action === 'revoke-role'
              ? describeRole(h.before, t)
              : '';
        return (
          <li key={`${h.at}-${i}`} className="person-history-entry">
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {' — '}
            <strong>{t(ACTIONS[h.action] ?? 'admin.history.other', { action: h.action })}</strong>
            {change ? `: ${change}` : ''}
            {' · '}
            {h.actor ? t('admin.history.by', { actor: h.actor }) : t('admin.history.by_system')}
          </li>
        );
      })}
    </ol>
  );
}
