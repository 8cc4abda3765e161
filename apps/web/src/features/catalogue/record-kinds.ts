import type { RecordCollection } from '../../lib/api.ts';
import type { MessageKey } from '../../lib/messages.it.ts';

export type RecordType = 'competence' | 'service' | 'equipment' | 'expert';
export type SearchableType = RecordType | 'organization';
export const RECORD_TYPES: readonly RecordType[] = ['competence', 'service', 'equipment', 'expert'];

interface RecordKind {
  collection: RecordCollection;
  /** The Italian slug, used in both languages. */
  path: string;
  singular: MessageKey;
  plural: MessageKey;
  /** The Italian slug of "add one" under an organisation: /organizzazioni/<id>/aggiungi/<slug>. */
  addSlug: string;
}

export const RECORD_KINDS: Record<RecordType, RecordKind> = {
  competence: {
    collection: 'competences',
    path: '/competenze',
    singular: 'type.competence',
    plural: 'types.competence',
    addSlug: 'competenza',
  },
  service: {
    collection: 'services',
    path: '/servizi',
    singular: 'type.service',
    plural: 'types.service',
    addSlug: 'servizio',
  },
  equipment: {
    collection: 'equipment',
    path: '/attrezzature',
    singular: 'type.equipment',
    plural: 'types.equipment',
    addSlug: 'attrezzatura',
  },
  expert: {
    collection: 'experts',
    path: '/esperti',
    singular: 'type.expert',
    plural: 'types.expert',
    addSlug: 'esperto',
  },
};

/** The record type of an "add" slug (`competenza` → competence). */
export function typeOfAddSlug(slug: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => RECORD_KINDS[type].addSlug === slug);
}

export const TYPE_LABEL: Record<SearchableType, MessageKey> = {
  organization: 'type.organization',
  competence: 'type.competence',
  service: 'type.service',
  equipment: 'type.equipment',
  expert: 'type.expert',
};

export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

export function isSearchableType(value: string): value is SearchableType {
  return value === 'organization' || isRecordType(value);
}

/** The page of a catalogue item, whatever its type. */
export function itemHref(type: string, id: string): string {
  const encoded = encodeURIComponent(id);
  if (type === 'organization') return `/organizzazioni/${encoded}`;
  return isRecordType(type) ? `${RECORD_KINDS[type].path}/${encoded}` : `/cerca?q=${encoded}`;
}

export const ORGANIZATION_KINDS = [
  'centre',
  'region',
  'company',
  'university',
  'research_body',
  'association',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export function organizationKindLabel(kind: string): MessageKey {
  return (ORGANIZATION_KINDS as readonly string[]).includes(kind) ? (`kind.${kind}` as MessageKey) : 'kind.other';
}

export const SERVICE_KINDS = [
  'testing',
  'analysis',
  'consulting',
  'training',
  'certification',
  'incubation',
  'prototyping',
  'funding_support',
  'technology_scouting',
  'other',
] as const;

export function serviceKindLabel(kind: string): MessageKey {
  return (SERVICE_KINDS as readonly string[]).includes(kind)
    ? (`service_kind.${kind}` as MessageKey)
    : 'service_kind.other';
}

export const EQUIPMENT_ACCESS = ['internal', 'network', 'public'] as const;
export function accessLabel(access: string): { label: MessageKey; meaning: MessageKey } | undefined {
  if (!(EQUIPMENT_ACCESS as readonly string[]).includes(access)) return undefined;
  return { label: `access.${access}` as MessageKey, meaning: `access.${access}.meaning` as MessageKey };
}
