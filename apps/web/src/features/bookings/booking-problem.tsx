import { useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { quoteHref } from '../companies/company-api.ts';
import { PROBLEM, type BookingProblemExtra } from './booking-api.ts';
import './booking-messages.ts';

/** The kind of a booking refusal, from the problem's type. */
export function refusalKind(error: ApiError): 'taken' | 'unavailable' | 'qualification' | null {
  const type = error.problem?.type ?? '';
  if (type === PROBLEM.slotTaken) return 'taken';
  if (type === PROBLEM.slotUnavailable) return 'unavailable';
  if (type === PROBLEM.qualificationRequired) return 'qualification';
  return null;
}

/** Each rule that can refuse an interval, said plainly (the quote's and the problem's `reason`). */
const REASONS: Record<string, MessageKey> = {
  'not-bookable': 'booking.reason.not-bookable',
  'invalid-interval': 'booking.reason.invalid-interval',
  'in-past': 'booking.reason.in-past',
  'lead-time': 'booking.reason.lead-time',
  'beyond-horizon': 'booking.reason.beyond-horizon',
  'not-aligned': 'booking.reason.not-aligned',
  'too-short': 'booking.reason.too-short',
  'too-long': 'booking.reason.too-long',
  closed: 'booking.reason.closed',
  blocked: 'booking.reason.blocked',
  taken: 'booking.reason.taken',
  'qualification-required': 'booking.reason.qualification-required',
};

export function reasonKey(reason: string | null | undefined): MessageKey {
  return (reason && REASONS[reason]) || 'booking.reason.other';
}

/** Asks the owning centre for the training a qualification needs (the centre's staff are told). */
function TrainingRequest({ url }: { url: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'failed'>('idle');
  const ask = async () => {
    setState('busy');
    try {
      await sendJson('POST', url, {});
      setState('sent');
    } catch {
      setState('failed');
    }
  };
  if (state === 'sent') return <p role="status">{t('booking.training.sent')}</p>;
  return (
    <p className="mb-0">
      <button type="button" className="btn btn-primary btn-sm" onClick={ask} disabled={state === 'busy'}>
        {t('booking.training.ask')}
      </button>
      {state === 'failed' ? (
        <span role="alert" className="ms-2">
          {t('booking.training.failed')}
        </span>
      ) : null}
    </p>
  );
}

/** Only addresses of this API are POSTed to. */
function trainingUrl(value: string | undefined): string | null {
  if (!value) return null;
  const path = value.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/api/v1/') ? path : null;
}

/**
 * Why a booking was refused, in plain words: someone took the time first, the time is not open (and which rule), or
 * the instrument needs a qualification the person lacks — how to obtain it, and a button to ask for the training.
 */
export function BookingRefusal({ error, equipment }: { error: ApiError; equipment: string }) {
  const { t, pick } = useI18n();
  const kind = refusalKind(error);
  if (!kind) return <ProblemAlert error={error} />;
  const extra = error.problem as (typeof error.problem & BookingProblemExtra) | undefined;
  if (kind === 'qualification') {
    const name = pick(extra?.qualification?.name)?.text;
    const how = pick(extra?.qualification?.howToObtain ?? undefined);
    const training = trainingUrl(extra?.training);
    return (
      <div className="alert alert-warning booking-refusal" role="alert">
        <h4 className="h5 alert-heading">{t('booking.refused.qualification.title')}</h4>
        <p>{name ? t('booking.refused.qualification.named', { name }) : t('booking.refused.qualification.text')}</p>
        <p className="mb-1">
          <strong>{t('booking.refused.qualification.how')}</strong>
        </p>
        {how ? (
          <p lang={how.isFallback ? how.lang : undefined}>{how.text}</p>
        ) : (
          <p>{t('booking.refused.qualification.how_default')}</p>
        )}
        {training ? <TrainingRequest url={training} /> : null}
        <p className="mt-2 mb-0 small">
          <Link to={quoteHref('equipment', equipment)}>{t('booking.refused.qualification.contact')}</Link>
          {' · '}
          <Link to="/prenotazioni#abilitazioni">{t('booking.refused.qualification.mine')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="alert alert-warning booking-refusal" role="alert">
      <h4 className="h5 alert-heading">
        {t(kind === 'taken' ? 'booking.refused.taken.title' : 'booking.refused.unavailable.title')}
      </h4>
      <p className="mb-0">
        {kind === 'taken' ? t('booking.refused.taken.text') : t(reasonKey(extra?.reason))}{' '}
        {t('booking.refused.choose_again')}
      </p>
    </div>
  );
}
