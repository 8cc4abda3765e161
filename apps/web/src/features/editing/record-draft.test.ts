import { describe, expect, it } from 'vitest';
import type { Organization } from '@clock/contracts';
import type { CatalogueRecord } from '../../lib/api.ts';
import {
  bodyFromDraft,
  draftFromOrganization,
  draftFromRecord,
  emptyDraft,
  organizationPatch,
  patchFromDraft,
  splitList,
} from './record-draft.ts';

const competence = {
  id: 'rec-1',
  type: 'competence',
  organization: 'org-1',
  title: { it: 'Prove di fatica', en: 'Fatigue testing' },
  keywords: ['fatica', 'giunti'],
  sectors: ['C25.6'],
  filiere: ['nautica'],
  technologyAreas: ['materials'],
  trl: 6,
} as unknown as CatalogueRecord;
const equipment = {
  id: 'rec-2',
  type: 'equipment',
  organization: 'org-1',
  title: { it: 'Tomografo' },
  bookable: false,
  access: 'network',
  lab: 'Lab A',
} as unknown as CatalogueRecord;
const expert = {
  id: 'exp-1',
  type: 'expert',
  organization: 'org-1',
  name: 'Giulia Bianchi',
  role: { en: 'Engineer' },
} as unknown as CatalogueRecord;

describe('splitList', () => {
  it('trims, drops blanks and repeats, keeps the order', () => {
    expect(splitList(' a, b, , a ,c ')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });
});

describe('record drafts', () => {
  it('round-trips a record through the form without reshaping it', () => {
    const draft = draftFromRecord('competence', competence);
    expect(draft).toMatchObject({
      titleIt: 'Prove di fatica',
      titleEn: 'Fatigue testing',
      keywords: 'fatica, giunti',
      sectors: 'C25.6',
      trl: '6',
    });
    expect(bodyFromDraft('competence', draft)).toEqual({
      title: { it: 'Prove di fatica', en: 'Fatigue testing' },
      keywords: ['fatica', 'giunti'],
      technologyAreas: ['materials'],
      sectors: ['C25.6'],
      filiere: ['nautica'],
      trl: 6,
    });
    expect(patchFromDraft('competence', competence, draft)).toEqual({});
  });

  it('sends numbers and booleans as JSON types, never as text', () => {
    const body = bodyFromDraft('competence', { ...emptyDraft(), titleIt: 'x', trl: '4' });
    expect(body.trl).toBe(4);
    const eq = bodyFromDraft('equipment', { ...emptyDraft(), titleIt: 'x', bookable: 'yes' });
    expect(eq.bookable).toBe(true);
    expect(bodyFromDraft('equipment', { ...emptyDraft(), titleIt: 'x', bookable: 'no' }).bookable).toBe(false);
  });

  it('leaves out empty optional fields and keeps an empty title so the server names it', () => {
    expect(bodyFromDraft('service', { ...emptyDraft(), titleIt: '  ', kind: ' ' })).toEqual({ title: {} });
    expect(bodyFromDraft('competence', emptyDraft())).not.toHaveProperty('trl');
  });

  it('patches only what changed, with null for an emptied optional field', () => {
    const draft = { ...draftFromRecord('equipment', equipment), lab: '', location: 'Pisa', bookable: 'yes' as const };
    expect(patchFromDraft('equipment', equipment, draft)).toEqual({ lab: null, location: 'Pisa', bookable: true });
  });

  it('reads an expert without recorded consent as not public, and patches nothing for it', () => {
    const draft = draftFromRecord('expert', expert);
    expect(draft).toMatchObject({ name: 'Giulia Bianchi', roleEn: 'Engineer', roleIt: '', publicProfile: false });
    expect(patchFromDraft('expert', expert, draft)).toEqual({});
    expect(patchFromDraft('expert', expert, { ...draft, publicProfile: true, name: ' Giulia Rossi ' })).toEqual({
      name: 'Giulia Rossi',
      publicProfile: true,
    });
  });
});

describe('organisation drafts', () => {
  const org = {
    id: 'org-1',
    kind: 'centre',
    name: 'Centro',
    town: 'Lucca',
    province: 'LU',
    sectors: ['C25'],
    filiere: [],
    s3: ['s3-a'],
  } as unknown as Organization;

  it('patches the changed fields only, upper-casing the province; an empty list left empty is no change', () => {
    const draft = draftFromOrganization(org);
    expect(organizationPatch(org, draft)).toEqual({});
    expect(organizationPatch(org, { ...draft, province: 'pi', town: '', descriptionEn: 'A centre' })).toEqual({
      province: 'PI',
      town: null,
      description: { en: 'A centre' },
    });
  });
});
