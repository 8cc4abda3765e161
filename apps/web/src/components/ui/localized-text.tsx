import type { ElementType } from 'react';
import type { Localized } from '@clock/contracts';
import { useI18n, type PickedText } from '../../lib/i18n.tsx';

interface LocalizedTextProps {
  value: Localized | undefined | null;
  /** The element to render; its `lang` is set when the text is in the other language. */
  as?: ElementType;
  className?: string;
  /** Show the "(in italiano)" note on a fallback; off for short labels in chips and filters. */
  note?: boolean;
  /** Split blank-line-separated text into paragraphs (rendered inside a div). */
  paragraphs?: boolean;
}

/** The fallback note names the language in that language, like a language switch does. */
export function FallbackNote({ picked }: { picked: PickedText }) {
  const { t } = useI18n();
  if (!picked.isFallback) return null;
  return (
    <span className="fallback-note" lang={picked.lang}>
      {' '}
      {t(picked.lang === 'it' ? 'fallback.note_it' : 'fallback.note_en')}
    </span>
  );
}

/** Text of a record in the current language, or in the other one marked with `lang` and a note. */
export function LocalizedText({
  value,
  as: As = 'span',
  className,
  note = true,
  paragraphs = false,
}: LocalizedTextProps) {
  const { pick } = useI18n();
  const picked = pick(value);
  if (!picked) return null;
  const lang = picked.isFallback ? picked.lang : undefined;
  if (paragraphs) {
    const parts = picked.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
    return (
      <div className={className} lang={lang}>
        {parts.map((part, i) => (
          <p key={i}>
            {part}
            {note && i === parts.length - 1 ? <FallbackNote picked={picked} /> : null}
          </p>
        ))}
      </div>
    );
  }
  return (
    <As className={className} lang={lang}>
      {picked.text}
      {note ? <FallbackNote picked={picked} /> : null}
    </As>
  );
}
