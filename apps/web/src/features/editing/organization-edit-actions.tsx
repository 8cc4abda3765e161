import { Link, useNavigate } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { Icon } from '../../components/ui/icon.tsx';
import { itemHref, RECORD_KINDS, RECORD_TYPES, type RecordType } from '../catalogue/record-kinds.ts';
import { useSession } from '../identity/session.tsx';
import { canEditProfile, canEditRecords, canManageOrganizations } from '../identity/permissions.ts';
import { RetireButton } from './retire-button.tsx';

const ADD_LABEL: Record<RecordType, MessageKey> = {
  competence: 'edit.add.competence',
  service: 'edit.add.service',
  equipment: 'edit.add.equipment',
  expert: 'edit.add.expert',
};

/** On an organisation page: edit the profile, retire it (administrators), add records (its editors). */
export function OrganizationEditActions({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const profile = canEditProfile(user, organization.id);
  const records = canEditRecords(user, organization.id);
  const retire = canManageOrganizations(user);
  if (!profile && !records && !retire) return null;
  const href = itemHref('organization', organization.id);

  const onRetire = async () => {
    await sendJson('DELETE', endpoints.organization(organization.id));
    clearApiCache();
    navigate('/organizzazioni', { state: { notice: 'retired' } });
  };

  return (
    <div className="edit-actions" role="group" aria-label={t('edit.actions_label')}>
      {profile ? (
        <Link className="btn btn-primary btn-sm btn-icon" to={`${href}/modifica`}>
          <Icon name="pencil" className="icon-sm icon-white" />
          <span>{t('edit.edit')}</span>
        </Link>
      ) : null}
      {records
        ? RECORD_TYPES.map((type) => (
            <Link
              key={type}
              className="btn btn-outline-primary btn-sm btn-icon"
              to={`${href}/aggiungi/${RECORD_KINDS[type].addSlug}`}
            >
              <Icon name="plus-circle" className="icon-sm icon-primary" />
              <span>{t(ADD_LABEL[type])}</span>
            </Link>
          ))
        : null}
      {retire ? (
        <RetireButton
          title={t('edit.retire_title', { what: organization.shortName ?? organization.name })}
          onRetire={onRetire}
        >
          <p>{t('edit.retire_org_text')}</p>
        </RetireButton>
      ) : null}
    </div>
  );
}
