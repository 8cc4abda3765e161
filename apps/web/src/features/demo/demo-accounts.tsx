import type { DemoAccount } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { useDemoAccounts } from './use-demo-mode.ts';
import './demo.css';

const GROUPS: DemoAccount['role'][] = ['region', 'nucleus', 'centre-manager', 'centre-staff', 'company', 'admin'];

/**
 * The sign-in page's "Demo accounts" panel (demo installations only): the demo people grouped by role, each with what
 * the role does and a button that fills the sign-in form with the account.
 */
export function DemoAccounts({
  onChoose,
}: {
  onChoose: (account: { email: string; password: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const demo = useDemoAccounts();
  if (!demo) return null;
  return (
    <section className="demo-accounts" id="account-demo" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title" className="h4">
        {t('demo.accounts_title')}
      </h2>
      <p>{t('demo.accounts_lead')}</p>
      <p>
        {t('demo.password')} <code className="demo-password">{demo.password}</code>
      </p>
      {GROUPS.map((role) => {
        const accounts = demo.accounts.filter((a) => a.role === role);
        if (!accounts.length) return null;
        return (
          <div key={role} className="demo-group">
            <h3 className="h6 demo-group-title">{t(`demo.group.${role}` as MessageKey)}</h3>
            <p className="demo-group-hint">{t(`demo.hint.${role}` as MessageKey)}</p>
            <ul className="demo-account-list">
              {accounts.map((a) => (
                <li key={a.email} className="demo-account">
                  <span className="demo-account-who">
                    <span className="demo-account-name">{a.name}</span>
                    {a.organization ? <span className="demo-account-org"> · {a.organization.name}</span> : null}
                    <span className="demo-account-email">{a.email}</span>
                  </span>
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-xs demo-account-use"
                    aria-label={t('demo.use_label', { name: a.name })}
                    onClick={() => onChoose({ email: a.email, password: demo.password, name: a.name })}
                  >
                    {t('demo.use')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
