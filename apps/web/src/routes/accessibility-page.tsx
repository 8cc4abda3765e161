import { useI18n } from '../lib/i18n.tsx';
import { SITE_CONFIG } from '../lib/site-config.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';

/** The accessibility statement, following the structure of AgID's model statement. */
export function AccessibilityPage() {
  const { t, formatDate } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'a11y', label: t('a11y.title') },
        ]}
      />
      <PageHeading documentTitle={t('a11y.title')}>{t('a11y.title')}</PageHeading>
      <div className="statement">
        <p className="lead">{t('a11y.intro', { owner: SITE_CONFIG.owner })}</p>
        <p>{t('a11y.scope')}</p>

        <h2>{t('a11y.status_title')}</h2>
        <p>
          {t('a11y.status_text')}{' '}
          <a href={SITE_CONFIG.wcagUrl} hrefLang="en">
            {t('a11y.wcag_link')}
          </a>
          .
        </p>

        <h2>{t('a11y.testing_title')}</h2>
        <p>{t('a11y.testing_intro')}</p>
        <ul>
          <li>{t('a11y.testing_axe')}</li>
          <li>{t('a11y.testing_keyboard')}</li>
          <li>{t('a11y.testing_mobile')}</li>
          <li>{t('a11y.testing_languages')}</li>
        </ul>

        <h2>{t('a11y.limits_title')}</h2>
        <ul>
          <li>{t('a11y.limit_languages')}</li>
          <li>{t('a11y.limit_map')}</li>
          <li>{t('a11y.limit_third_party')}</li>
          <li>{t('a11y.limit_users')}</li>
        </ul>

        <h2>{t('a11y.preparation_title')}</h2>
        <p>
          {t('a11y.preparation_text')}
          {SITE_CONFIG.statementUpdated
            ? ` ${t('a11y.preparation_date', { date: formatDate(SITE_CONFIG.statementUpdated) })}`
            : ''}
        </p>

        <h2>{t('a11y.feedback_title')}</h2>
        <p>
          {t('a11y.feedback_text')}{' '}
          <a href={`mailto:${SITE_CONFIG.accessibilityContact}`}>{SITE_CONFIG.accessibilityContact}</a>.
        </p>
        <p>{t('a11y.feedback_answer')}</p>

        <h2>{t('a11y.enforcement_title')}</h2>
        <p>
          {t('a11y.enforcement_text')} <a href={SITE_CONFIG.agidFormUrl}>{t('a11y.enforcement_link')}</a>.
        </p>
      </div>
    </>
  );
}
