/**
 * How public records look in the open formats: the JSON record (the API's shape plus its URI), the CSV row and the
 * schema.org node of JSON-LD. Pure functions over rows; the registry (datasets.service.ts) binds them to the readers.
 */
import type { LocalizedText } from '../../db/schema/index.ts';

export type Cell = string | number | boolean | null | undefined;
export type JsonObject = Record<string, unknown>;

/** Multi-valued CSV cells: values joined by `|`; a `|` or `\` inside a value is escaped with `\`. */
export const LIST_SEPARATOR = '|';
export function joinList(values: readonly string[] | null | undefined): string {
  return (values ?? []).map((v) => v.replace(/[\\|]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/** The two languages as two columns: `<name>_it`, `<name>_en`. */
export function bilingual(name: string, text: LocalizedText | null | undefined): Record<string, Cell> {
  return { [`${name}_it`]: text?.it ?? null, [`${name}_en`]: text?.en ?? null };
}
export const bilingualColumns = (name: string) => [`${name}_it`, `${name}_en`];

/** A CSV cell as text: booleans as `true`/`false`, dates as ISO 8601, nothing as the empty string. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** JSON-LD text values with their language tags (no remote context: every term is spelled out under @vocab). */
export function langValues(text: LocalizedText | null | undefined): { '@value': string; '@language': string }[] {
  if (!text) return [];
  return (['it', 'en'] as const).filter((l) => text[l]).map((l) => ({ '@value': text[l]!, '@language': l }));
}

/** The context of every JSON-LD answer: schema.org terms, inline, so a reader needs no network. */
export const SCHEMA_CONTEXT = { '@vocab': 'https://schema.org/', schema: 'https://schema.org/' } as const;

/** Drops empty values (null, undefined, empty arrays and strings), so nodes and records carry what is known. */
export function compact<T extends JsonObject>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;
}

/** Record types of the change feed and of record URIs, with the path of their page in the web app. */
export const RECORD_PAGES: Record<string, string> = {
  organization: 'organizzazioni',
  competence: 'competenze',
  service: 'servizi',
  equipment: 'attrezzature',
  expert: 'esperti',
  request: 'richieste',
  event: 'eventi',
  news: 'notizie',
};

/** The stable, dereferenceable URI of a public record on this instance. */
export const recordUri = (base: string, type: string, id: string) => `${base}/id/${type}/${encodeURIComponent(id)}`;
/** The record's page for people (where the URI redirects a browser). */
export const recordPage = (base: string, type: string, id: string) =>
  `${base}/${RECORD_PAGES[type] ?? type}/${encodeURIComponent(id)}`;
/** A reference to a public organisation's record. */
export const orgRef = (base: string, id: string) => ({ '@id': recordUri(base, 'organization', id) });

export interface Page<Row> {
  rows: Row[];
  /** The key to pass as `after` for the next page; null at the end. */
  next: number | null;
}
/** A keyset page: the key of its last row is where the next one starts, unless it is the last (not full). */
export const keyed = <Row>(rows: Row[], limit: number, key: (r: Row) => number): Page<Row> => ({
  rows,
  next: rows.length < limit ? null : key(rows[rows.length - 1]!),
});
