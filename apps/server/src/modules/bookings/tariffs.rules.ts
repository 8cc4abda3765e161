import type { PriceQuote, TariffUnit, UserCategory } from '@clock/contracts';

/**
 * Who pays which tariff, and how much. The user category is derived from the organisation a person books for (never
 * typed), and frozen on the booking with the price quote.
 */
export interface BookingOrganization {
  id: string;
  kind: string;
  /** A company's size class (micro, small, medium, large), when it has a profile. */
  sizeClass: string | null;
}

export function userCategory(ownerOrganizationId: string, org: BookingOrganization | null): UserCategory {
  if (!org) return 'company';
  if (org.id === ownerOrganizationId) return 'centre-staff';
  switch (org.kind) {
    case 'centre':
      return 'network-centre';
    case 'company':
      return org.sizeClass && ['micro', 'small', 'medium'].includes(org.sizeClass) ? 'sme' : 'company';
    case 'university':
    case 'research_body':
      return 'university';
    case 'region':
      return 'public-body';
    default:
      return 'company';
  }
}

export interface TariffFacts {
  id: string;
  category: UserCategory;
  unit: TariffUnit;
  amountCents: number;
  validFrom: number;
  validTo: number | null;
}

export const HALF_DAY_MINUTES = 240;
const current = (t: TariffFacts, at: number) => t.validFrom <= at && (t.validTo === null || t.validTo > at);

function quoteOf(t: TariffFacts, quantity: number, amountCents: number): PriceQuote {
  return {
    category: t.category,
    unit: t.unit,
    quantity,
    unitAmountCents: t.amountCents,
    amountCents,
    currency: 'EUR',
    tariff: t.id,
  };
}

/**
 * The price of `minutes` of use (or of `samples` samples) for a category, by the tariffs current at `at`: per sample
 * when samples are given and the instrument has a sample tariff; otherwise the cheaper of per hour (pro rata) and per
 * started half-day (4 hours); a sample tariff alone prices one sample. Null: no tariff (price on request).
 */
export function priceQuote(
  tariffs: TariffFacts[],
  category: UserCategory,
  minutes: number,
  samples: number | undefined,
  at: number,
): PriceQuote | null {
  const mine = tariffs.filter((t) => t.category === category && current(t, at));
  const sample = mine.find((t) => t.unit === 'sample');
  if (sample && samples) return quoteOf(sample, samples, sample.amountCents * samples);
  const options: PriceQuote[] = [];
  const hour = mine.find((t) => t.unit === 'hour');
  if (hour)
    options.push(quoteOf(hour, Math.round((minutes / 60) * 100) / 100, Math.round((hour.amountCents * minutes) / 60)));
  const half = mine.find((t) => t.unit === 'half-day');
  if (half) {
    const n = Math.ceil(minutes / HALF_DAY_MINUTES);
    options.push(quoteOf(half, n, half.amountCents * n));
  }
  if (options.length) return options.reduce((a, b) => (b.amountCents < a.amountCents ? b : a));
  return sample ? quoteOf(sample, samples ?? 1, sample.amountCents * (samples ?? 1)) : null;
}

/** Euro per hour of a quote for `minutes` of use (the free-slot search's price limit). */
export const hourlyCents = (q: PriceQuote, minutes: number) => (q.amountCents * 60) / Math.max(minutes, 1);
