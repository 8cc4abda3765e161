import type { Localized } from '@clock/contracts';
import { endpoints, type HistoryEntry, type RecordCollection } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import { canReadHistory } from '../identity/permissions.ts';

const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'history.field.id',
  organization: 'record.organization',
  title: 'edit.title',
  description: 'record.description',
  keywords: 'record.keywords',
  technologyAreas: 'facet.technologyArea',
  sectors: 'facet.sector',
  filiere: 'facet.filiera',
  s3: 'facet.s3',
  trl: 'record.trl',
  kind: 'record.service_kind',
  lab: 'record.lab',
  location: 'record.location',
  bookable: 'record.bookable',
  access: 'record.access',
  name: 'history.field.name',
  shortName: 'edit.short_name',
  town: 'organization.town',
  province: 'edit.province',
  website: 'organization.website',
  role: 'record.role',
  expertise: 'record.expertise',
  publicProfile: 'edit.public_profile_short',
};

const ACTION_LABELS: Record<string, MessageKey> = {
  create: 'history.action.create',
  update: 'history.action.update',
  retire: 'history.action.retire',
};

type Json = Record<string, unknown>;

/** The top-level fields whose value differs between before and after. */
export function changedFields(before: Json | null, after: Json | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
}

function isLocalized(value: unknown): value is Localized {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => k === 'it' || k === 'en')
  );
}

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === undefined || value === null) return <span className="history-empty">{t('history.no_value')}</span>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (Array.isArray(value)) return <>{value.map(String).join(', ')}</>;
  if (isLocalized(value)) {
    return (
      <>
        {(['it', 'en'] as const)
          .filter((l) => value[l])
          .map((l) => (
            <span key={l} className="history-localized">
              <abbr title={t(l === 'it' ? 'history.lang_it' : 'history.lang_en')}>{l.toUpperCase()}</abbr>:{' '}
              <span lang={l}>{shorten(value[l] ?? '')}</span>
            </span>
          ))}
      </>
    );
  }
  return <>{shorten(typeof value === 'string' ? value : JSON.stringify(value))}</>;
}

interface RecordHistoryProps {
  collection: RecordCollection | 'organizations';
  id: string;
  organization: string;
}

/** "Cronologia": who changed the record, when, and which fields; for its organisation's members (and the Region). */
export function RecordHistory({ collection, id, organization }: RecordHistoryProps) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const allowed = canReadHistory(user, organization);
  const history = useApi<HistoryEntry[]>(allowed ? endpoints.history(collection, id) : null);
  if (!allowed) return null;

  const who = (entry: HistoryEntry) => {
    if (entry.actorName) return entry.actorName;
    if (entry.actor && entry.actor === user?.id) return t('history.you', { name: user.name });
    if (entry.actor?.startsWith('token:')) return t('history.token');
    return entry.actor ? t('history.member') : t('history.system');
  };
  const label = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);
  const entries = [...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-labelledby="record-history" className="record-history mt-5">
      <h2 id="record-history" className="h4">
        {t('history.title')}
      </h2>
      <p className="history-note">{t('history.note')}</p>
      <div aria-busy={history.loading}>
        {history.loading ? <LoadingState /> : null}
        {history.error ? <ProblemAlert error={history.error} onRetry={history.reload} /> : null}
        {history.data && entries.length === 0 ? <p>{t('history.empty')}</p> : null}
        {entries.length > 0 ? (
          <ol className="history-list">
            {entries.map((entry, i) => {
              const fields = entry.action === 'update' ? changedFields(entry.before, entry.after) : [];
              return (
                <li key={`${entry.at}-${i}`} className="history-entry">
                  <p className="history-line">
                    <strong>{ACTION_LABELS[entry.action] ? t(ACTION_LABELS[entry.action]!) : entry.action}</strong>
                    {' · '}
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    {' · '}
                    {t('history.by', { who: who(entry) })}
                  </p>
                  {entry.action === 'update' ? (
                    fields.length ? (
                      <>
                        <p className="history-fields">
                          {t('history.changed', { fields: fields.map(label).join(', ') })}
                        </p>
                        <details className="history-details">
                          <summary>{t('history.show_values')}</summary>
                          <dl>
                            {fields.map((f) => (
                              <div key={f} className="history-change">
                                <dt>{label(f)}</dt>
                                <dd>
                                  <span className="visually-hidden">{t('history.before')}: </span>
                                  <span className="history-before">
                                    <Value value={entry.before?.[f]} />
                                  </span>
                                  <span aria-hidden="true"> → </span>
                                  <span className="visually-hidden">{t('history.after')}: </span>
                                  <span className="history-after">
                                    <Value value={entry.after?.[f]} />
                                  </span>
                                </dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      </>
                    ) : (
                      <p className="history-fields">{t('history.nothing_changed')}</p>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
