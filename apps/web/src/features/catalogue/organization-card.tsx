import { Link } from 'react-router';
import type { Organization } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { itemHref, organizationKindLabel } from './record-kinds.ts';
import { OrganizationCounts } from './organization-counts.tsx';
import { hasDistinctFullName } from './record-text.ts';

interface OrganizationCardProps {
  organization: Organization;
  headingLevel?: 2 | 3;
}

/** A member or organisation at a glance: kind, name, district, town and what it offers. */
export function OrganizationCard({ organization, headingLevel = 3 }: OrganizationCardProps) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = [organization.town, organization.province ? `(${organization.province})` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <article className="card card-bg organization-card h-100">
      <div className="card-body">
        <div className="category-top">
          <span className="badge kind-badge">{t(organizationKindLabel(organization.kind))}</span>
        </div>
        <Heading className="card-title h5">
          <Link to={itemHref('organization', organization.id)}>{organization.shortName ?? organization.name}</Link>
        </Heading>
        {hasDistinctFullName(organization) ? <p className="organization-fullname">{organization.name}</p> : null}
        {organization.profile?.district ? (
          <p className="card-text organization-district">
            <span className="visually-hidden">{t('organization.district')}: </span>
            <LocalizedText value={organization.profile.district} />
          </p>
        ) : null}
        {place ? (
          <p className="card-text organization-place">
            <Icon name="map-marker" className="icon-sm" />
            <span className="visually-hidden">{t('organization.town')}: </span>
            {place}
          </p>
        ) : null}
        <OrganizationCounts organization={organization} />
      </div>
    </article>
  );
}
