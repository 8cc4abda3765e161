import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { DayForm } from '../features/matchmaking/day-form.tsx';
import { matchmakingOrganizers } from '../features/matchmaking/matchmaking-roles.ts';
import '../features/matchmaking/matchmaking-messages.ts';
import '../features/matchmaking/matchmaking.css';

/** /incontri/nuova: a centre's staff organise a matchmaking day. */
export function MatchmakingDayNewPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'days', label: t('mm.list.title'), to: '/incontri' },
          { key: 'new', label: t('mm.new.title') },
        ]}
      />
      <PageHeading documentTitle={t('mm.new.title')}>{t('mm.new.title')}</PageHeading>
      <p className="lead">{t('mm.new.lead')}</p>
      <RequireSignIn>
        <NewDay />
      </RequireSignIn>
    </>
  );
}

function NewDay() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations, loaded } = useReferenceData();
  if (!loaded) return <LoadingState />;
  const centres = matchmakingOrganizers(user, organizations).map((o) => ({ id: o.id, name: o.name }));
  return centres.length ? (
    <DayForm centres={centres} />
  ) : (
    <p className="alert alert-warning">{t('mm.new.not_allowed')}</p>
  );
}
