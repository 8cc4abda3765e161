import type { ReactNode } from 'react';
import type { Organization } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { organizationKindLabel } from './record-kinds.ts';
import { TermChips } from './term-label.tsx';
import { OrganizationCounts } from './organization-counts.tsx';
import { hasDistinctFullName } from './record-text.ts';
import { FilieraMapLinks } from '../filiere/filiera-map-links.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An organisation's description and facts: kind, district, town, website and classification. */
export function OrganizationProfile({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const place = [organization.town, organization.province ? `(${organization.province})` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="row g-4">
      <div className="col-lg-7">
        {organization.description ? (
          <section aria-labelledby="org-description">
            <h2 id="org-description" className="h4">
              {t('organization.description')}
            </h2>
            <LocalizedText value={organization.description} paragraphs className="record-description" />
          </section>
        ) : null}
        {organization.counts ? (
          <section aria-labelledby="org-counts">
            <h2 id="org-counts" className="h4">
              {t('organization.in_catalogue')}
            </h2>
            <OrganizationCounts organization={organization} />
          </section>
        ) : null}
      </div>
      <div className="col-lg-5">
        <section aria-labelledby="org-facts" className="org-facts card card-bg">
          <div className="card-body">
            <h2 id="org-facts" className="h4">
              {t('organization.facts')}
            </h2>
            <dl className="record-fields">
              <Field label={t('organization.kind')}>{t(organizationKindLabel(organization.kind))}</Field>
              {hasDistinctFullName(organization) ? (
                <Field label={t('organization.full_name')}>{organization.name}</Field>
              ) : null}
              {organization.profile?.district ? (
                <Field label={t('organization.district')}>
                  <LocalizedText value={organization.profile.district} />
                </Field>
              ) : null}
              {place ? <Field label={t('organization.town')}>{place}</Field> : null}
              {organization.website ? (
                <Field label={t('organization.website')}>
                  <a href={organization.website} rel="noopener noreferrer" className="external-link">
                    {organization.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                    <Icon name="external-link" className="icon-xs icon-primary ms-1" />
                    <span className="visually-hidden"> ({t('common.external_site')})</span>
                  </a>
                </Field>
              ) : null}
              {organization.sectors?.length ? (
                <Field label={t('facet.sector')}>
                  <TermChips facet="sector" codes={organization.sectors} linkToSearch />
                </Field>
              ) : null}
              {organization.filiere?.length ? (
                <Field label={t('facet.filiera')}>
                  <TermChips facet="filiera" codes={organization.filiere} linkToSearch />
                  <FilieraMapLinks codes={organization.filiere} />
                </Field>
              ) : null}
              {organization.s3?.length ? (
                <Field label={t('facet.s3')}>
                  <TermChips facet="s3" codes={organization.s3} linkToSearch />
                </Field>
              ) : null}
            </dl>
          </div>
        </section>
      </div>
    </div>
  );
}
