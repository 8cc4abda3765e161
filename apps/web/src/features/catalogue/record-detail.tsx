import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CatalogueRecord, Competence, Equipment, Expert, Service } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { accessLabel, RECORD_KINDS, serviceKindLabel, type RecordType } from './record-kinds.ts';
import { OrganizationLink } from './organization-name.tsx';
import { TermChips } from './term-label.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Keywords({ keywords }: { keywords: string[] | undefined }) {
  if (!keywords?.length) return null;
  return (
    <ul className="term-chips">
      {keywords.map((k) => (
        <li key={k}>
          <Link className="term-chip term-chip-link" to={`/cerca?q=${encodeURIComponent(k)}`}>
            {k}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function CompetenceFields({ record }: { record: Competence }) {
  const { t } = useI18n();
  if (record.trl === undefined) return null;
  const level = Math.min(9, Math.max(1, record.trl));
  return (
    <Field label={t('record.trl')}>
      <strong>{t('record.trl_value', { level: record.trl })}</strong> — {t(`trl.${level}` as MessageKey)}
    </Field>
  );
}

function ServiceFields({ record }: { record: Service }) {
  const { t } = useI18n();
  if (!record.kind) return null;
  return <Field label={t('record.service_kind')}>{t(serviceKindLabel(record.kind))}</Field>;
}

function EquipmentFields({ record }: { record: Equipment }) {
  const { t } = useI18n();
  const access = record.access ? accessLabel(record.access) : undefined;
  return (
    <>
      {record.lab ? <Field label={t('record.lab')}>{record.lab}</Field> : null}
      {record.location ? <Field label={t('record.location')}>{record.location}</Field> : null}
      {record.bookable !== undefined ? (
        <Field label={t('record.bookable')}>
          <strong>{record.bookable ? t('common.yes') : t('common.no')}</strong> —{' '}
          {record.bookable ? t('record.bookable.yes') : t('record.bookable.no')}
        </Field>
      ) : null}
      {record.access ? (
        <Field label={t('record.access')}>
          {access ? (
            <>
              <strong>{t(access.label)}</strong> — {t(access.meaning)}
            </>
          ) : (
            record.access
          )}
        </Field>
      ) : null}
    </>
  );
}

function ExpertFields({ record }: { record: Expert }) {
  const { t } = useI18n();
  return (
    <>
      {record.role ? (
        <Field label={t('record.role')}>
          <LocalizedText value={record.role} />
        </Field>
      ) : null}
      {record.expertise ? (
        <Field label={t('record.expertise')}>
          <LocalizedText value={record.expertise} paragraphs />
        </Field>
      ) : null}
    </>
  );
}

/** Every field of a competence, service, equipment or expert, labelled and explained. */
export function RecordDetail({ record, type }: { record: CatalogueRecord; type: RecordType }) {
  const { t } = useI18n();
  const offer = type === 'expert' ? undefined : (record as Competence | Service | Equipment);
  return (
    <div className="record-detail">
      {offer?.description ? (
        <section aria-labelledby="record-description" className="mb-4">
          <h2 id="record-description" className="h4">
            {t('record.description')}
          </h2>
          <LocalizedText value={offer.description} paragraphs className="record-description" />
        </section>
      ) : null}
      <section aria-labelledby="record-details">
        <h2 id="record-details" className="h4">
          {t('record.details')}
        </h2>
        <dl className="record-fields">
          <Field label={t('record.organization')}>
            <OrganizationLink id={record.organization} />
          </Field>
          <Field label={t('record.type')}>
            <Link to={RECORD_KINDS[type].path}>{t(RECORD_KINDS[type].singular)}</Link>
          </Field>
          {type === 'competence' ? <CompetenceFields record={record as Competence} /> : null}
          {type === 'service' ? <ServiceFields record={record as Service} /> : null}
          {type === 'equipment' ? <EquipmentFields record={record as Equipment} /> : null}
          {type === 'expert' ? <ExpertFields record={record as Expert} /> : null}
          {record.keywords?.length ? (
            <Field label={t('record.keywords')}>
              <Keywords keywords={record.keywords} />
            </Field>
          ) : null}
          {offer?.technologyAreas?.length ? (
            <Field label={t('facet.technologyArea')}>
              <TermChips facet="technologyArea" codes={offer.technologyAreas} />
            </Field>
          ) : null}
          {offer?.sectors?.length ? (
            <Field label={t('facet.sector')}>
              <TermChips facet="sector" codes={offer.sectors} linkToSearch />
            </Field>
          ) : null}
          {offer?.filiere?.length ? (
            <Field label={t('facet.filiera')}>
              <TermChips facet="filiera" codes={offer.filiere} linkToSearch />
            </Field>
          ) : null}
          {offer?.s3?.length ? (
            <Field label={t('facet.s3')}>
              <TermChips facet="s3" codes={offer.s3} linkToSearch />
            </Field>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
