import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sendJson, ApiError } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { SuccessPanel } from '../components/ui/success-panel.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { NewsletterForm } from '../features/news/newsletter-form.tsx';
import { newsEndpoints, type SubscriptionView } from '../features/news/news-api.ts';
import '../features/news/news-messages.ts';

function useCrumbs(last: string) {
  const { t } = useI18n();
  return [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'news', label: t('news.title'), to: '/notizie' },
    { key: 'newsletter', label: last },
  ];
}

/** /newsletter: subscribe to the digest of the network's events and news. */
export function NewsletterPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs items={useCrumbs(t('newsletter.title'))} />
      <PageHeading documentTitle={t('newsletter.title')} description={t('newsletter.lead')}>
        {t('newsletter.title')}
      </PageHeading>
      <p className="lead">{t('newsletter.lead')}</p>
      <NewsletterForm />
    </>
  );
}

/** A link that did not work: say so and offer to subscribe again. */
function InvalidLink() {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning" role="alert">
      <p>{t('newsletter.invalid_link')}</p>
      <Link to="/newsletter">{t('newsletter.subscribe_again')}</Link>
    </div>
  );
}

/** /newsletter/conferma?token=: the double opt-in, by a button (a link opened by a mail scanner confirms nothing). */
export function NewsletterConfirmPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState<(SubscriptionView & { token: string }) | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      setDone(await sendJson<SubscriptionView & { token: string }>('POST', newsEndpoints.confirm(), { token }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Breadcrumbs items={useCrumbs(t('newsletter.confirm_title'))} />
      <PageHeading documentTitle={t('newsletter.confirm_title')}>{t('newsletter.confirm_title')}</PageHeading>
      {done ? (
        <SuccessPanel title={t('newsletter.confirmed_title')}>
          <p>{t('newsletter.confirmed_text')}</p>
          <Link to={`/newsletter/iscrizione?token=${encodeURIComponent(done.token)}`}>
            {t('newsletter.manage_link')}
          </Link>
        </SuccessPanel>
      ) : failure?.status === 404 || failure?.status === 400 || token.length < 16 ? (
        <InvalidLink />
      ) : (
        <>
          <p>{t('newsletter.confirm_text')}</p>
          {failure ? <ProblemAlert error={failure} /> : null}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>
            {t('newsletter.confirm')}
          </button>
        </>
      )}
    </>
  );
}

/** /newsletter/iscrizione?token=: the subscription behind a newsletter's link, and the button to end it. */
export function NewsletterManagePage() {
  const { t, pick } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { term, organizations } = useReferenceData();
  const subscription = useApi<SubscriptionView>(token.length >= 16 ? newsEndpoints.subscription(token) : null, {
    fresh: true,
  });
  const [ended, setEnded] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const unsubscribe = async () => {
    try {
      await sendJson('POST', newsEndpoints.unsubscribe(token), {});
      setEnded(true);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    }
  };
  const s = subscription.data;
  const topics = s
    ? [
        ...s.topics.filiere.map((c) => pick(term('filiera', c)?.label)?.text ?? c),
        ...s.topics.organizations.map((id) => organizations.find((o) => o.id === id)?.shortName ?? id),
      ]
    : [];
  return (
    <>
      <Breadcrumbs items={useCrumbs(t('newsletter.manage_title'))} />
      <PageHeading documentTitle={t('newsletter.manage_title')}>{t('newsletter.manage_title')}</PageHeading>
      {token.length < 16 || subscription.error?.status === 404 || subscription.error?.status === 400 ? (
        <InvalidLink />
      ) : subscription.error ? (
        <ProblemAlert error={subscription.error} onRetry={subscription.reload} />
      ) : !s ? (
        <LoadingState />
      ) : ended || s.state === 'unsubscribed' ? (
        <SuccessPanel title={t('newsletter.unsubscribed_title')}>
          <p>{t('newsletter.unsubscribed_text')}</p>
          <Link to="/newsletter">{t('newsletter.subscribe_again')}</Link>
        </SuccessPanel>
      ) : (
        <>
          <dl className="row">
            <dt className="col-sm-3">{t('newsletter.address')}</dt>
            <dd className="col-sm-9">{s.email}</dd>
            <dt className="col-sm-3">{t('newsletter.follows')}</dt>
            <dd className="col-sm-9">{topics.length ? topics.join(', ') : t('newsletter.follows_all')}</dd>
            <dt className="col-sm-3">{t('newsletter.state')}</dt>
            <dd className="col-sm-9">{t(`newsletter.state.${s.state}`)}</dd>
          </dl>
          {failure ? <ProblemAlert error={failure} /> : null}
          <button type="button" className="btn btn-outline-danger" onClick={() => void unsubscribe()}>
            {t('newsletter.unsubscribe')}
          </button>
        </>
      )}
    </>
  );
}
