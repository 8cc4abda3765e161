import type { Localized } from '@clock/contracts';
import type { CatalogueRecord, Expert } from '../../lib/api.ts';

export function isExpert(record: CatalogueRecord): record is Expert {
  return record.type === 'expert' || 'name' in record;
}

/** The record's title as localized text (an expert's name is the same in every language). */
export function recordTitle(record: CatalogueRecord): Localized {
  return isExpert(record) ? { it: record.name, en: record.name } : record.title;
}

/** The record's longer text: the description, or an expert's expertise. */
export function recordSummary(record: CatalogueRecord): Localized | undefined {
  return isExpert(record) ? (record.expertise ?? record.role) : record.description;
}

/** Shortens a text at a word boundary. */
export function excerpt(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** True when an organisation's full name adds something to its short name (not just different capitals). */
export function hasDistinctFullName(org: { name: string; shortName?: string }): boolean {
  return !!org.shortName && org.shortName.toLocaleLowerCase() !== org.name.toLocaleLowerCase();
}
