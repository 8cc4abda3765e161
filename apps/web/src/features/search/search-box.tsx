import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from '../../components/ui/icon.tsx';

interface SearchBoxProps {
  /** "hero" is the big box of the home page, "header" the compact one, "page" the search page's own. */
  variant: 'hero' | 'header' | 'page';
  initialQuery?: string;
  /** Called instead of navigating to /cerca (the search page keeps its filters). */
  onSearch?: (query: string) => void;
}

/** A labelled search form; without onSearch it opens the search page for the query. */
export function SearchBox({ variant, initialQuery = '', onSearch }: SearchBoxProps) {
  const id = useId();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);

  useEffect(() => setQuery(initialQuery), [initialQuery]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (onSearch) onSearch(q);
    else navigate(q ? `/cerca?q=${encodeURIComponent(q)}` : '/cerca');
  };

  const label = variant === 'header' ? t('search.header_label') : t('search.label');
  return (
    <form
      role="search"
      className={`search-box search-box-${variant}`}
      onSubmit={submit}
      aria-label={variant === 'header' ? t('search.quick_form_label') : t('search.form_label')}
    >
      <label htmlFor={id} className={variant === 'header' ? 'visually-hidden' : 'search-box-label'}>
        {label}
      </label>
      {variant !== 'header' ? (
        <p className="search-box-hint" id={`${id}-hint`}>
          {t('search.hint')}
        </p>
      ) : null}
      <div className="search-box-row">
        <input
          id={id}
          type="search"
          className="form-control"
          name="q"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={variant === 'header' ? t('search.header_placeholder') : t('search.placeholder')}
          aria-describedby={variant !== 'header' ? `${id}-hint` : undefined}
          autoComplete="off"
          maxLength={500}
          enterKeyHint="search"
        />
        <button type="submit" className={variant === 'header' ? 'btn btn-search-header' : 'btn btn-primary'}>
          <Icon name="search" className={variant === 'header' ? 'icon-sm' : 'icon-sm icon-white'} />
          <span className={variant === 'header' ? 'visually-hidden' : undefined}>{t('search.submit')}</span>
        </button>
      </div>
    </form>
  );
}
