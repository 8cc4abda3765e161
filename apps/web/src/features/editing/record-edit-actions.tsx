import { Link, useNavigate } from 'react-router';
import { endpoints, sendJson, type CatalogueRecord } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { itemHref, RECORD_KINDS, type RecordType } from '../catalogue/record-kinds.ts';
import { useSession } from '../identity/session.tsx';
import { canEditRecords } from '../identity/permissions.ts';
import { RetireButton } from './retire-button.tsx';

/** "Modifica" and "Ritira" on a record page, for those who may change its organisation's records. */
export function RecordEditActions({
  type,
  record,
  title,
}: {
  type: RecordType;
  record: CatalogueRecord;
  title: string;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!canEditRecords(user, record.organization)) return null;
  const kind = RECORD_KINDS[type];

  const retire = async () => {
    await sendJson('DELETE', endpoints.record(kind.collection, record.id));
    clearApiCache();
    navigate(itemHref('organization', record.organization), { state: { notice: 'retired' } });
  };

  return (
    <div className="edit-actions" role="group" aria-label={t('edit.actions_label')}>
      <Link className="btn btn-primary btn-sm btn-icon" to={`${itemHref(type, record.id)}/modifica`}>
        <Icon name="pencil" className="icon-sm icon-white" />
        <span>{t('edit.edit')}</span>
      </Link>
      <RetireButton title={t('edit.retire_title', { what: title })} onRetire={retire}>
        <p>{t('edit.retire_text')}</p>
      </RetireButton>
    </div>
  );
}
