import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { OrganizationLink, useOrganizationName } from '../catalogue/organization-name.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { bookingEndpoints, slotHref, type SlotList } from './booking-api.ts';
import { PriceLine, useWhen, useDuration } from './booking-bits.tsx';
import { addDays, isDay, romeToday } from './rome-time.ts';
import './booking-messages.ts';

const DURATIONS = [30, 60, 120, 240, 480];

interface Criteria {
  q: string;
  minutes: string;
  from: string;
  to: string;
  maxPrice: string;
  organization: string;
}

function criteriaOf(params: URLSearchParams): Criteria {
  const today = romeToday();
  return {
    q: params.get('q') ?? '',
    minutes: params.get('durata') ?? '60',
    from: isDay(params.get('dal')) ? params.get('dal')! : today,
    to: isDay(params.get('al')) ? params.get('al')! : addDays(today, 14),
    maxPrice: params.get('prezzo') ?? '',
    organization: params.get('centro') ?? '',
  };
}

function Results({ criteria }: { criteria: Criteria }) {
  const { t, tp, pick } = useI18n();
  const when = useWhen();
  const price = Number(criteria.maxPrice.replace(',', '.'));
  const slots = useApi<SlotList>(
    bookingEndpoints.slots({
      q: criteria.q.trim() || undefined,
      minutes: Number(criteria.minutes) || undefined,
      from: criteria.from,
      to: criteria.to,
      maxPrice: criteria.maxPrice && Number.isFinite(price) ? price : undefined,
      organization: criteria.organization || undefined,
    }),
    { fresh: true },
  );
  if (slots.error) return <ProblemAlert error={slots.error} onRetry={slots.reload} />;
  if (!slots.data) return <LoadingState />;
  const items = slots.data.items;
  return (
    <section aria-labelledby="slot-results" className="mt-4">
      <h2 id="slot-results" className="h4">
        {t('booking.slots.results')}
      </h2>
      <p id="slot-count" role="status">
        {tp('booking.slots.count', items.length)}
      </p>
      {slots.data.truncated ? <p>{t('booking.slots.truncated')}</p> : null}
      {items.length === 0 ? <EmptyState>{t('booking.slots.none')}</EmptyState> : null}
      <ul className="slot-results">
        {items.map((s) => {
          const title = pick(s.title);
          return (
            <li key={`${s.equipment}-${s.start}`} className="card card-bg">
              <div className="card-body">
                <h3 className="h5 mb-1" lang={title?.isFallback ? title.lang : undefined}>
                  {title?.text ?? s.equipment}
                </h3>
                <p className="mb-1">
                  <OrganizationLink id={s.organization} /> — {when(s.start, s.end)}
                </p>
                <p className="mb-1">
                  {s.price ? <PriceLine quote={s.price} /> : t('booking.price.none')}
                  {' · '}
                  {t(s.approval === 'manual' ? 'booking.rules.approval.manual' : 'booking.rules.approval.automatic')}
                  {s.qualificationRequired ? ` · ${t('booking.rules.qualification.yes')}` : ''}
                </p>
                <Link className="btn btn-primary btn-sm" to={slotHref(s)}>
                  {t('booking.slots.book', { title: title?.text ?? s.equipment })}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Cerca disponibilità": free time across every centre's equipment. */
export function SlotSearch() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const searched = params.has('dal');
  const [form, setForm] = useState<Criteria>(() => criteriaOf(params));
  const { organizations } = useReferenceData();
  const name = useOrganizationName();
  const centres = organizations.filter((o) => o.kind === 'centre').map((o) => o.id);
  const set = (key: keyof Criteria) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const wrongDates = !isDay(form.from) || !isDay(form.to) || form.from > form.to;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (wrongDates) return;
    const next: Record<string, string> = { dal: form.from, al: form.to, durata: form.minutes };
    if (form.q.trim()) next.q = form.q.trim();
    if (form.maxPrice.trim()) next.prezzo = form.maxPrice.trim();
    if (form.organization) next.centro = form.organization;
    setParams(next);
  };
  const hours = useDuration();
  return (
    <>
      <form className="slot-search" onSubmit={onSubmit} noValidate role="search" aria-label={t('booking.slots.title')}>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="slots-q"
              label={t('booking.slots.q')}
              hint={t('booking.slots.q_hint')}
              value={form.q}
              onChange={set('q')}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="slots-minutes"
              label={t('booking.slots.minutes')}
              value={form.minutes}
              onChange={set('minutes')}
              options={DURATIONS.map((m) => ({ value: String(m), label: hours(m) }))}
            />
          </div>
          <div className="col-sm-6 col-md-3">
            <TextField
              id="slots-from"
              label={t('booking.slots.from')}
              type="date"
              value={form.from}
              onChange={set('from')}
            />
          </div>
          <div className="col-sm-6 col-md-3">
            <TextField
              id="slots-to"
              label={t('booking.slots.to')}
              type="date"
              value={form.to}
              onChange={set('to')}
              error={wrongDates ? { text: t('booking.usage.invalid') } : undefined}
            />
          </div>
          <div className="col-sm-6 col-md-3">
            <TextField
              id="slots-price"
              label={t('booking.slots.max_price')}
              hint={t('booking.slots.max_price_hint')}
              value={form.maxPrice}
              onChange={set('maxPrice')}
              inputMode="numeric"
              markOptional
            />
          </div>
          <div className="col-sm-6 col-md-3">
            <SelectField
              id="slots-centre"
              label={t('booking.slots.centre')}
              value={form.organization}
              onChange={set('organization')}
              emptyLabel={t('booking.slots.any_centre')}
              options={centres.map((c) => ({ value: c, label: name(c) }))}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t('booking.slots.submit')}
        </button>
      </form>
      {searched ? <Results criteria={criteriaOf(params)} /> : null}
    </>
  );
}
