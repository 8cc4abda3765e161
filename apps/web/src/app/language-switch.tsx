import { LANGS, useI18n, type Lang } from '../lib/i18n.tsx';

const NAMES: Record<Lang, { short: string; full: string }> = {
  it: { short: 'ITA', full: 'Italiano' },
  en: { short: 'ENG', full: 'English' },
};

/** Two toggle buttons; each names its language in that language, as language switches should. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === lang ? 'language-option active' : 'language-option'}
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{NAMES[l].short}</span>
          <span className="visually-hidden">{NAMES[l].full}</span>
        </button>
      ))}
    </div>
  );
}
