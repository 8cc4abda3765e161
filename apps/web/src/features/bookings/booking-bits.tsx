import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import type { BookingState, PriceQuote, TariffUnit, UserCategory } from './booking-api.ts';
import { romeClock, romeDay } from './rome-time.ts';
import './booking-messages.ts';

export const CATEGORY_LABEL: Record<UserCategory, MessageKey> = {
  'centre-staff': 'booking.category.centre-staff',
  'network-centre': 'booking.category.network-centre',
  company: 'booking.category.company',
  sme: 'booking.category.sme',
  university: 'booking.category.university',
  'public-body': 'booking.category.public-body',
};

export const UNIT_LABEL: Record<TariffUnit, MessageKey> = {
  hour: 'booking.unit.hour',
  'half-day': 'booking.unit.half-day',
  sample: 'booking.unit.sample',
};

const STATE_LABEL: Record<BookingState, MessageKey> = {
  requested: 'booking.state.requested',
  confirmed: 'booking.state.confirmed',
  declined: 'booking.state.declined',
  cancelled: 'booking.state.cancelled',
  expired: 'booking.state.expired',
  blocked: 'booking.state.blocked',
  completed: 'booking.state.completed',
  'no-show': 'booking.state.no-show',
};

export function stateLabel(state: BookingState): MessageKey {
  return STATE_LABEL[state] ?? 'booking.state.requested';
}

/** A booking's state as a badge with words (never colour alone). */
export function StateBadge({ state }: { state: BookingState }) {
  const { t } = useI18n();
  return <span className={`booking-state booking-state-${state}`}>{t(stateLabel(state))}</span>;
}

/** Euros from cents, in the reader's language (`1.234,50 €` / `€1,234.50`). */
export function formatEuro(cents: number, lang: 'it' | 'en'): string {
  return new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/**
 * A price: "120,00 € (2 ore × 60,00 € l'ora, tariffa PMI)"; `frozen` says the quote stays whatever the tariffs do
 * later. VAT is excluded, as the centres' tariffs are.
 */
export function PriceLine({ quote, frozen }: { quote: PriceQuote; frozen?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <span className="price-line">
      <strong>{formatEuro(quote.amountCents, lang)}</strong>{' '}
      {t('booking.price.detail', {
        quantity: new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 }).format(
          quote.quantity,
        ),
        unit: t(UNIT_LABEL[quote.unit]),
        each: formatEuro(quote.unitAmountCents, lang),
        category: t(CATEGORY_LABEL[quote.category]),
      })}
      {frozen ? ` ${t('booking.price.frozen')}` : ''}
    </span>
  );
}

/** "lunedì 7 dicembre 2026, 09:00–11:00" in Rome's time. */
export function useWhen(): (start: string, end: string) => string {
  const { lang } = useI18n();
  const format = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  });
  return (start, end) => {
    const sameDay = romeDay(start) === romeDay(end);
    return sameDay
      ? `${format.format(new Date(start))}, ${romeClock(start)}–${romeClock(end)}`
      : `${format.format(new Date(start))} ${romeClock(start)} – ${format.format(new Date(end))} ${romeClock(end)}`;
  };
}

/** A length of time in words: "2 ore", "90 minuti". */
export function useDuration(): (minutes: number) => string {
  const { tp } = useI18n();
  return (m) => (m % 60 === 0 ? tp('booking.form.hours', m / 60) : tp('booking.form.minutes', m));
}
