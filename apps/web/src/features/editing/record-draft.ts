import type { Localized, Organization } from '@clock/contracts';
import type { CatalogueRecord, Competence, Equipment, Expert, Service } from '../../lib/api.ts';
import type { RecordType } from '../catalogue/record-kinds.ts';

/** What the record form holds while someone types: plain strings, so nothing typed is ever reshaped or lost. */
export interface RecordDraft {
  titleIt: string;
  titleEn: string;
  descriptionIt: string;
  descriptionEn: string;
  keywords: string;
  sectors: string;
  filiere: string[];
  s3: string[];
  technologyAreas: string[];
  trl: string;
  kind: string;
  lab: string;
  location: string;
  bookable: '' | 'yes' | 'no';
  access: string;
  name: string;
  roleIt: string;
  roleEn: string;
  expertiseIt: string;
  expertiseEn: string;
  publicProfile: boolean;
}

/** The fields a problem pointer may name, per record type (`title.it` is the Italian title's own input). */
export const RECORD_FIELDS: Record<RecordType, readonly string[]> = {
  competence: [
    'title',
    'title.it',
    'title.en',
    'description',
    'description.it',
    'description.en',
    'trl',
    'keywords',
    'technologyAreas',
    'sectors',
    'filiere',
    's3',
  ],
  service: [
    'title',
    'title.it',
    'title.en',
    'description',
    'description.it',
    'description.en',
    'kind',
    'keywords',
    'technologyAreas',
    'sectors',
    'filiere',
    's3',
  ],
  equipment: [
    'title',
    'title.it',
    'title.en',
    'description',
    'description.it',
    'description.en',
    'lab',
    'location',
    'bookable',
    'access',
    'keywords',
    'technologyAreas',
    'sectors',
    'filiere',
    's3',
  ],
  expert: [
    'name',
    'role',
    'role.it',
    'role.en',
    'expertise',
    'expertise.it',
    'expertise.en',
    'keywords',
    'publicProfile',
  ],
};

/** The keys of the bundle record the form edits, per type; a patch never touches any other. */
const EDITED_KEYS: Record<RecordType, readonly string[]> = {
  competence: ['title', 'description', 'keywords', 'technologyAreas', 'sectors', 'filiere', 's3', 'trl'],
  service: ['title', 'description', 'keywords', 'technologyAreas', 'sectors', 'filiere', 's3', 'kind'],
  equipment: [
    'title',
    'description',
    'keywords',
    'technologyAreas',
    'sectors',
    'filiere',
    's3',
    'lab',
    'location',
    'bookable',
    'access',
  ],
  expert: ['name', 'role', 'expertise', 'keywords', 'publicProfile'],
};

export function emptyDraft(): RecordDraft {
  return {
    titleIt: '',
    titleEn: '',
    descriptionIt: '',
    descriptionEn: '',
    keywords: '',
    sectors: '',
    filiere: [],
    s3: [],
    technologyAreas: [],
    trl: '',
    kind: '',
    lab: '',
    location: '',
    bookable: '',
    access: '',
    name: '',
    roleIt: '',
    roleEn: '',
    expertiseIt: '',
    expertiseEn: '',
    publicProfile: false,
  };
}

export function draftFromRecord(type: RecordType, record: CatalogueRecord): RecordDraft {
  const draft = emptyDraft();
  if (type === 'expert') {
    const e = record as Expert;
    return {
      ...draft,
      name: e.name,
      roleIt: e.role?.it ?? '',
      roleEn: e.role?.en ?? '',
      expertiseIt: e.expertise?.it ?? '',
      expertiseEn: e.expertise?.en ?? '',
      keywords: (e.keywords ?? []).join(', '),
      publicProfile: e.publicProfile === true,
    };
  }
  const o = record as Competence & Service & Equipment;
  return {
    ...draft,
    titleIt: o.title?.it ?? '',
    titleEn: o.title?.en ?? '',
    descriptionIt: o.description?.it ?? '',
    descriptionEn: o.description?.en ?? '',
    keywords: (o.keywords ?? []).join(', '),
    sectors: (o.sectors ?? []).join(', '),
    filiere: o.filiere ?? [],
    s3: o.s3 ?? [],
    technologyAreas: o.technologyAreas ?? [],
    trl: o.trl !== undefined ? String(o.trl) : '',
    kind: o.kind ?? '',
    lab: o.lab ?? '',
    location: o.location ?? '',
    bookable: o.bookable === undefined ? '' : o.bookable ? 'yes' : 'no',
    access: o.access ?? '',
  };
}

/** "a, b, , a" → ["a", "b"]: a comma-separated list, trimmed, without blanks or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Both languages of a text; `required` keeps an empty object (the server then says "at least one language"). */
function localized(it: string, en: string, required = false): Localized | undefined {
  const value: Localized = {};
  if (it.trim()) value.it = it.trim();
  if (en.trim()) value.en = en.trim();
  return Object.keys(value).length || required ? value : undefined;
}

const list = (items: string[]) => (items.length ? items : undefined);
const text = (s: string) => (s.trim() ? s.trim() : undefined);

/** The record in the clock-bundle/1 shape (without id and organisation); absent fields are left out. */
export function bodyFromDraft(type: RecordType, draft: RecordDraft): Record<string, unknown> {
  const body: Record<string, unknown> =
    type === 'expert'
      ? {
          name: draft.name.trim(),
          role: localized(draft.roleIt, draft.roleEn),
          expertise: localized(draft.expertiseIt, draft.expertiseEn),
          keywords: list(splitList(draft.keywords)),
          publicProfile: draft.publicProfile,
        }
      : {
          title: localized(draft.titleIt, draft.titleEn, true),
          description: localized(draft.descriptionIt, draft.descriptionEn),
          keywords: list(splitList(draft.keywords)),
          technologyAreas: list(draft.technologyAreas),
          sectors: list(splitList(draft.sectors)),
          filiere: list(draft.filiere),
          s3: list(draft.s3),
          ...(type === 'competence' ? { trl: draft.trl ? Number(draft.trl) : undefined } : {}),
          ...(type === 'service' ? { kind: text(draft.kind) } : {}),
          ...(type === 'equipment'
            ? {
                lab: text(draft.lab),
                location: text(draft.location),
                bookable: draft.bookable === '' ? undefined : draft.bookable === 'yes',
                access: text(draft.access),
              }
            : {}),
        };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Absent, an empty list and an empty text in no language all mean "nothing" (the form cannot tell them apart). */
const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0) ? null : v;

function same(key: string, a: unknown, b: unknown): boolean {
  // An expert without recorded consent and one recorded as "no consent" read the same.
  if (key === 'publicProfile') return Boolean(a) === Boolean(b);
  return JSON.stringify(blank(a)) === JSON.stringify(blank(b));
}

/** Only what changed, for PATCH: new values, and null for an optional field that was emptied. */
export function patchFromDraft(
  type: RecordType,
  original: CatalogueRecord,
  draft: RecordDraft,
): Record<string, unknown> {
  const next = bodyFromDraft(type, draft);
  const before = original as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of EDITED_KEYS[type]) {
    if (same(key, before[key], next[key])) continue;
    patch[key] = next[key] === undefined ? null : next[key];
  }
  return patch;
}

/** The organisation profile form. */
export interface OrganizationDraft {
  name: string;
  shortName: string;
  town: string;
  province: string;
  website: string;
  descriptionIt: string;
  descriptionEn: string;
  sectors: string;
  filiere: string[];
  s3: string[];
}

export const ORGANIZATION_FIELDS = [
  'name',
  'shortName',
  'town',
  'province',
  'website',
  'description',
  'description.it',
  'description.en',
  'sectors',
  'filiere',
  's3',
] as const;
const ORGANIZATION_KEYS = [
  'name',
  'shortName',
  'town',
  'province',
  'website',
  'description',
  'sectors',
  'filiere',
  's3',
] as const;

export function draftFromOrganization(o: Organization): OrganizationDraft {
  return {
    name: o.name,
    shortName: o.shortName ?? '',
    town: o.town ?? '',
    province: o.province ?? '',
    website: o.website ?? '',
    descriptionIt: o.description?.it ?? '',
    descriptionEn: o.description?.en ?? '',
    sectors: (o.sectors ?? []).join(', '),
    filiere: o.filiere ?? [],
    s3: o.s3 ?? [],
  };
}

export function organizationPatch(original: Organization, draft: OrganizationDraft): Record<string, unknown> {
  const next: Record<string, unknown> = {
    name: draft.name.trim(),
    shortName: text(draft.shortName),
    town: text(draft.town),
    province: text(draft.province.toUpperCase()),
    website: text(draft.website),
    description: localized(draft.descriptionIt, draft.descriptionEn),
    sectors: list(splitList(draft.sectors)),
    filiere: list(draft.filiere),
    s3: list(draft.s3),
  };
  const before = original as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of ORGANIZATION_KEYS) {
    if (same(key, before[key], next[key])) continue;
    patch[key] = next[key] === undefined ? null : next[key];
  }
  return patch;
}
