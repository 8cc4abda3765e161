import type { Competence, Equipment, Expert, Organization, Service } from '@clock/contracts';
import {
  expertFromRow,
  offerFromRow,
  organizationFromRow,
  type ExpertRowIn,
  type OfferRowIn,
  type OrganizationRowIn,
} from './bundle.rules.ts';

type Counts = { competence: number; service: number; equipment: number; expert: number };

/** API shapes: the bundle record (ids verbatim, fields left out stay out) plus the record type and presentation data. */
export function presentOrganization(
  r: OrganizationRowIn & { profile?: Organization['profile'] | null },
  counts?: Counts,
): Organization {
  const o: Organization = organizationFromRow(r);
  if (r.profile && Object.keys(r.profile).length) o.profile = r.profile;
  if (counts) o.counts = counts;
  return o;
}
export function presentOffer(r: OfferRowIn): Competence | Service | Equipment {
  return { ...offerFromRow(r), type: r.type } as Competence | Service | Equipment;
}
export function presentExpert(r: ExpertRowIn): Expert {
  return { ...expertFromRow(r), type: 'expert' } as Expert;
}
