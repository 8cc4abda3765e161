import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../identity/require-sign-in.tsx';
import './brokerage-messages.ts';

type Section = 'brokerage.mine' | 'brokerage.queue' | 'brokerage.intro';

/** A signed-in brokerage page: breadcrumbs under the opportunities, its heading and lead, then its content. */
export function BrokerageFrame({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useI18n();
  const title = t(`${section}.title`);
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'opportunities', label: t('brokerage.list.title'), to: '/opportunita' },
          { key: 'here', label: title },
        ]}
      />
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className="lead">{t(`${section}.lead`)}</p>
      {children}
    </RequireSignIn>
  );
}
