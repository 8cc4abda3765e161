import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useDemoMode } from './use-demo-mode.ts';
import './demo.css';

/** The strip above the header of every page of a demo installation: what it is, and where the demo accounts are. */
export function DemoBanner() {
  const { t } = useI18n();
  if (!useDemoMode()) return null;
  return (
    <aside className="demo-banner" aria-label={t('demo.banner_label')}>
      <div className="container">
        <p>
          <strong className="demo-banner-tag">{t('demo.banner_tag')}</strong> {t('demo.banner_text')}{' '}
          <Link to="/accedi">{t('demo.banner_link')}</Link>
        </p>
      </div>
    </aside>
  );
}
