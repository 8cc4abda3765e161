import { useEffect, useRef, type MouseEvent } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { FormErrorItem } from '../../lib/form-errors.ts';
import { Icon } from './icon.tsx';

export interface SummaryField {
  /** The element the link moves to (an input, or the first input of a group). */
  id: string;
  label: string;
}

interface ErrorSummaryProps {
  items: FormErrorItem[];
  /** How each field is named in the summary and where its link goes. */
  fields: Partial<Record<string, SummaryField>>;
  /** Changes on every failed submit, so the summary takes the focus again. */
  attempt: number;
  /** Shown above the list, for a failure that belongs to no field. */
  intro?: string;
}

/**
 * The GOV.UK / Designers Italia error summary: at the top of the form, it takes the focus after a failed submit and
 * links each problem to its field.
 */
export function ErrorSummary({ items, fields, attempt, intro }: ErrorSummaryProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (items.length === 0 && !intro) return null;

  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    const focusable = target.matches('input, select, textarea, button')
      ? target
      : target.querySelector<HTMLElement>('input, select, textarea, button');
    // The label (or legend) should be in view too, not just the input.
    (target.closest('.field, .field-group') ?? target).scrollIntoView({ block: 'start' });
    (focusable ?? target).focus({ preventScroll: true });
  };

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary-title h4" id="error-summary-title">
        <Icon name="error" />
        <span>{t('form.summary_title')}</span>
      </h2>
      {intro ? <p className="error-summary-intro">{intro}</p> : null}
      {items.length ? (
        <ul className="error-summary-list">
          {items.map((item, i) => {
            const field = item.field ? fields[item.field] : undefined;
            return (
              <li key={`${item.field ?? 'form'}-${i}`}>
                {field ? (
                  <a href={`#${field.id}`} onClick={(e) => jump(e, field.id)}>
                    {field.label}: <span lang={item.message.lang}>{item.message.text}</span>
                  </a>
                ) : (
                  <span lang={item.message.lang}>{item.message.text}</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
