import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';
import { useTermText } from '../catalogue/term-label.tsx';
import './filiera-messages.ts';

/** Links to the map of each filiera, for the network's members (the map is not public). */
export function FilieraMapLinks({ codes }: { codes: string[] | undefined }) {
  const { t } = useI18n();
  const { user, memberships } = useSession();
  const term = useTermText();
  if (!codes?.length || !user || (!user.platformRole && !memberships.length)) return null;
  return (
    <p className="mt-2 mb-0 small">
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 ? ' · ' : ''}
          <Link to={`/filiere/${encodeURIComponent(c)}/mappa`}>{t('fil.link', { name: term('filiera', c) })}</Link>
        </span>
      ))}
    </p>
  );
}
