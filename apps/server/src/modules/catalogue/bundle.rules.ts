import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { LocalizedText, OfferType } from '../../db/schema/index.ts';
import type { FieldProblem } from '../../core/errors.ts';

const require = createRequire(import.meta.url);
// The schema is the published contract, used verbatim.
const bundleSchema = require('../../../../../packages/contracts/schemas/catalogue-bundle.schema.json');
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
const addFormats = require('ajv-formats').default as (ajv: unknown) => void;

export const BUNDLE_FORMAT = 'clock-bundle/1';
export const COLLECTIONS = ['organizations', 'competences', 'services', 'equipment', 'experts'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export const OFFER_COLLECTION: Record<OfferType, Collection> = {
  competence: 'competences',
  service: 'services',
  equipment: 'equipment',
};
export const COLLECTION_TYPE = {
  organizations: 'organization',
  competences: 'competence',
  services: 'service',
  equipment: 'equipment',
  experts: 'expert',
} as const;

export interface BundleOrganization {
  id: string;
  kind: string;
  name: string;
  shortName?: string;
  town?: string;
  province?: string;
  website?: string;
  description?: LocalizedText;
  sectors?: string[];
  filiere?: string[];
  s3?: string[];
  profile?: { district?: LocalizedText; lat?: number; lon?: number };
}
/** The network's own labels for the codes records use (sector labels ship with the software). */
export const LABEL_SCHEMES = ['filiera', 's3', 'technologyArea'] as const;
export type LabelScheme = (typeof LABEL_SCHEMES)[number];
export interface BundleTerm {
  code: string;
  label: LocalizedText;
  parent?: string;
}
export type BundleTaxonomies = Partial<Record<LabelScheme, BundleTerm[]>>;
export interface BundleOffer {
  id: string;
  organization: string;
  title: LocalizedText;
  description?: LocalizedText;
  keywords?: string[];
  technologyAreas?: string[];
  sectors?: string[];
  filiere?: string[];
  s3?: string[];
  trl?: number;
  kind?: string;
  lab?: string;
  location?: string;
  bookable?: boolean;
  access?: string;
}
export interface BundleExpert {
  id: string;
  organization: string;
  name: string;
  role?: LocalizedText;
  expertise?: LocalizedText;
  keywords?: string[];
  publicProfile?: boolean;
}

let validators: Record<Collection | 'taxonomies', ValidateFunction> | null = null;
function getValidators(): Record<Collection | 'taxonomies', ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(bundleSchema);
  const def = (name: string) => ajv.getSchema(`${BUNDLE_FORMAT}#/$defs/${name}`)!;
  validators = {
    organizations: def('organization'),
    competences: def('competence'),
    services: def('service'),
    equipment: def('equipment'),
    experts: def('expert'),
    taxonomies: def('taxonomies'),
  };
  return validators;
}

/** Validates one record of a collection against the bundle schema; pointers are prefixed with `base`. */
export function validateBundleRecord(
  collection: Collection | 'taxonomies',
  record: unknown,
  base: string,
): FieldProblem[] {
  const validate = getValidators()[collection];
  if (validate(record)) return [];
  return describeAjvErrors(validate.errors ?? [], base);
}

export function describeAjvErrors(errors: ErrorObject[], base: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let pointer = base + e.instancePath;
    let message = e.message ?? 'is invalid';
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        pointer += `/${String(p.missingProperty)}`;
        message = 'is required';
        break;
      case 'additionalProperties':
        pointer += `/${String(p.additionalProperty)}`;
        message = 'is not an allowed field';
        break;
      case 'unevaluatedProperties':
        pointer += `/${String(p.unevaluatedProperty)}`;
        message = 'is not an allowed field';
        break;
      case 'enum':
        message = `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'const':
        message = `must be "${String(p.allowedValue)}"`;
        break;
      case 'pattern':
        message = pointer.endsWith('/province')
          ? 'must be a two-letter province code such as LU'
          : /\/(id|organization)$/.test(pointer)
            ? 'must be 1-100 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'
            : `must match ${String(p.pattern)}`;
        break;
      case 'minLength':
        message = p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
        break;
      case 'maxLength':
        message = `must be at most ${String(p.limit)} characters`;
        break;
      case 'minProperties':
        message = 'must have text in at least one language (it or en)';
        break;
      case 'format':
        message = `must be a valid ${String(p.format)}`;
        break;
      case 'uniqueItems':
        message = 'must not repeat items';
        break;
      case 'if':
      case 'allOf':
        continue;
      default:
        break;
    }
    const key = pointer + '\u0000' + message;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ pointer, message });
    }
  }
  return out;
}

/**
 * Limits of records written through the API, beyond the bundle format (which imports whatever other tools hold):
 * a title is a line, not a page. The OpenAPI document states the same (packages/contracts, RECORD_LIMITS).
 */
export const RECORD_LIMITS = { title: 200, text: 20000, name: 200 } as const;

/** Where each field's codes come from: the taxonomy scheme they must belong to. */
export const CODE_FIELDS = {
  sectors: 'sector',
  filiere: 'filiera',
  s3: 's3',
  technologyAreas: 'technologyArea',
} as const;
const CODE_NAMES: Record<keyof typeof CODE_FIELDS, string> = {
  sectors: 'NACE/ATECO code',
  filiere: 'supply chain (filiera)',
  s3: 'S3 priority',
  technologyAreas: 'technology area',
};

/**
 * The rules of an API write on top of the bundle schema: title lengths, and every code known to its taxonomy
 * (`known(scheme, code)`). S3 codes of an earlier strategy stay readable but new tags take the current one
 * (`currentS3`). Every problem is listed, by pointer under `base`.
 */
export function recordWriteProblems(
  collection: Collection,
  record: Record<string, unknown>,
  base: string,
  known: (scheme: string, code: string) => boolean,
  currentS3: (code: string) => boolean,
  previous?: Record<string, unknown>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (collection !== 'organizations' && collection !== 'experts') {
    const title = record.title as Record<string, unknown> | undefined;
    for (const lang of ['it', 'en']) {
      const v = title?.[lang];
      if (typeof v === 'string' && v.trim().length > RECORD_LIMITS.title)
        problems.push({
          pointer: `${base}/title/${lang}`,
          message: `must be at most ${RECORD_LIMITS.title} characters`,
        });
      if (typeof v === 'string' && v.length > 0 && !v.trim())
        problems.push({ pointer: `${base}/title/${lang}`, message: 'must not be empty' });
    }
  }
  for (const [field, scheme] of Object.entries(CODE_FIELDS)) {
    const codes = record[field];
    if (!Array.isArray(codes)) continue;
    const before = new Set(Array.isArray(previous?.[field]) ? (previous![field] as unknown[]) : []);
    codes.forEach((code, i) => {
      // Codes the record had already (an import may carry codes of other vocabularies) are not questioned again.
      if (typeof code !== 'string' || before.has(code)) return;
      if (!known(scheme, code))
        problems.push({
          pointer: `${base}/${field}/${i}`,
          message: `unknown ${CODE_NAMES[field as keyof typeof CODE_FIELDS]} "${code}"`,
        });
      else if (field === 's3' && !currentS3(code))
        problems.push({
          pointer: `${base}/${field}/${i}`,
          message: `"${code}" belongs to an earlier S3 strategy: tag with the current (2021-2027) one`,
        });
    });
  }
  return problems;
}

// Bundle record → row and back. A field left out is stored as null and left out again on export.

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
function put<T extends object, K extends string>(target: T, key: K, value: unknown): void {
  if (value !== null && value !== undefined) (target as Record<string, unknown>)[key] = value;
}

export function organizationToRow(o: BundleOrganization) {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    shortName: opt(o.shortName),
    town: opt(o.town),
    province: opt(o.province),
    website: opt(o.website),
    description: opt(o.description),
    sectors: opt(o.sectors),
    filiere: opt(o.filiere),
    s3: opt(o.s3),
    profile: opt(o.profile),
  };
}
export type OrganizationRowIn = ReturnType<typeof organizationToRow>;

export function offerToRow(type: OfferType, o: BundleOffer) {
  return {
    type,
    id: o.id,
    organizationId: o.organization,
    title: o.title,
    description: opt(o.description),
    keywords: opt(o.keywords),
    technologyAreas: opt(o.technologyAreas),
    sectors: opt(o.sectors),
    filiere: opt(o.filiere),
    s3: opt(o.s3),
    trl: opt(o.trl),
    serviceKind: opt(o.kind),
    lab: opt(o.lab),
    location: opt(o.location),
    bookable: opt(o.bookable),
    access: opt(o.access),
  };
}
export type OfferRowIn = ReturnType<typeof offerToRow>;

export function expertToRow(e: BundleExpert) {
  return {
    id: e.id,
    organizationId: e.organization,
    name: e.name,
    role: opt(e.role),
    expertise: opt(e.expertise),
    keywords: opt(e.keywords),
    publicProfile: opt(e.publicProfile),
  };
}
export type ExpertRowIn = ReturnType<typeof expertToRow>;

export function organizationFromRow(r: OrganizationRowIn): BundleOrganization {
  const o = { id: r.id, kind: r.kind, name: r.name } as BundleOrganization;
  put(o, 'shortName', r.shortName);
  put(o, 'town', r.town);
  put(o, 'province', r.province);
  put(o, 'website', r.website);
  put(o, 'description', r.description);
  put(o, 'sectors', r.sectors);
  put(o, 'filiere', r.filiere);
  put(o, 's3', r.s3);
  put(o, 'profile', r.profile && Object.keys(r.profile).length ? r.profile : null);
  return o;
}

export function offerFromRow(r: OfferRowIn): BundleOffer {
  const o = { id: r.id, organization: r.organizationId, title: r.title } as BundleOffer;
  put(o, 'description', r.description);
  put(o, 'keywords', r.keywords);
  put(o, 'technologyAreas', r.technologyAreas);
  put(o, 'sectors', r.sectors);
  put(o, 'filiere', r.filiere);
  put(o, 's3', r.s3);
  put(o, 'trl', r.trl);
  put(o, 'kind', r.serviceKind);
  put(o, 'lab', r.lab);
  put(o, 'location', r.location);
  put(o, 'bookable', r.bookable);
  put(o, 'access', r.access);
  return o;
}

export function expertFromRow(r: ExpertRowIn): BundleExpert {
  const e = { id: r.id, organization: r.organizationId, name: r.name } as BundleExpert;
  put(e, 'role', r.role);
  put(e, 'expertise', r.expertise);
  put(e, 'keywords', r.keywords);
  put(e, 'publicProfile', r.publicProfile);
  return e;
}

export function termsToRows(t: BundleTaxonomies) {
  return LABEL_SCHEMES.flatMap((scheme) =>
    (t[scheme] ?? []).map((x) => ({ scheme, code: x.code, label: x.label, parentCode: x.parent ?? null })),
  );
}

/** The network's labels as the bundle writes them (the software's own sector labels left out). */
export function termsFromRows(
  rows: { scheme: string; code: string; label: LocalizedText; parentCode: string | null }[],
): BundleTaxonomies {
  const out: BundleTaxonomies = {};
  for (const r of rows) {
    if (!(LABEL_SCHEMES as readonly string[]).includes(r.scheme)) continue;
    const term: BundleTerm = { code: r.code, label: r.label };
    if (r.parentCode) term.parent = r.parentCode;
    const terms = out[r.scheme as LabelScheme] ?? [];
    terms.push(term);
    out[r.scheme as LabelScheme] = terms;
  }
  return out;
}
