import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';
import { signInHref } from '../identity/roles.ts';
import { canEditRecords } from '../identity/permissions.ts';
import { AvailabilityCalendar, type DayInterval } from './availability-calendar.tsx';
import { BookingForm } from './booking-form.tsx';
import { useApi } from '../../lib/use-api.ts';
import { bookingEndpoints, type BookingPolicy, type BookingQuote, type TariffList } from './booking-api.ts';
import { CATEGORY_LABEL, formatEuro, UNIT_LABEL, useDuration } from './booking-bits.tsx';
import { addDays, addMinutes, romeInstant, romeToday } from './rome-time.ts';
import './booking-messages.ts';

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="record-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The reader's tariff category and price per unit: the server's quote of a short booking tomorrow (the category and
 * the tariff do not depend on the time; only the "may book" part does, and the form asks again for the real time).
 */
function useYourPrice(equipment: string, policy: BookingPolicy, signedIn: boolean) {
  const start = romeInstant(addDays(romeToday(), 1), '10:00');
  return useApi<BookingQuote>(
    signedIn ? bookingEndpoints.quote(equipment, start, addMinutes(start, policy.minMinutes)) : null,
    { fresh: true },
  );
}

/** The rules of booking an instrument, in words: cost for the reader, approval, qualification, durations, notice. */
function BookingRules({ equipment, terms, signedIn }: { equipment: string; terms: BookingPolicy; signedIn: boolean }) {
  const { t, pick, lang } = useI18n();
  const yours = useYourPrice(equipment, terms, signedIn).data;
  const tariffs = useApi<TariffList>(bookingEndpoints.tariffs(equipment));
  const current = (tariffs.data?.items ?? []).filter((x) => !x.validTo || Date.parse(x.validTo) > Date.now());
  const qualification = pick(terms.qualification?.name)?.text;
  const duration = useDuration();
  return (
    <>
      <dl className="record-fields booking-rules">
        <Term label={t('booking.rules.cost')}>
          {!signedIn
            ? t('booking.rules.cost_sign_in')
            : yours?.price
              ? t('booking.rules.cost_value', {
                  each: formatEuro(yours.price.unitAmountCents, lang),
                  unit: t(UNIT_LABEL[yours.price.unit]),
                  category: t(CATEGORY_LABEL[yours.price.category]),
                })
              : yours
                ? t('booking.price.none')
                : t('state.loading')}
        </Term>
        <Term label={t('booking.rules.approval')}>
          {t(terms.approval === 'manual' ? 'booking.rules.approval.manual' : 'booking.rules.approval.automatic')}
        </Term>
        <Term label={t('booking.rules.qualification')}>
          {terms.qualificationRequired
            ? qualification
              ? t('booking.rules.qualification.named', { name: qualification })
              : t('booking.rules.qualification.yes')
            : t('booking.rules.qualification.no')}
        </Term>
        {terms.assistedOnly ? <Term label={t('booking.rules.assisted')}>{t('booking.rules.assisted.yes')}</Term> : null}
        <Term label={t('booking.rules.duration')}>
          {t('booking.rules.duration.value', {
            min: duration(terms.minMinutes),
            max: duration(terms.maxMinutes),
            slot: duration(terms.slotMinutes),
          })}
        </Term>
        {terms.leadHours ? (
          <Term label={t('booking.rules.notice')}>{t('booking.rules.notice.value', { hours: terms.leadHours })}</Term>
        ) : null}
      </dl>
      {current.length ? (
        <details className="booking-tariffs mb-3">
          <summary>{t('booking.rules.all_tariffs')}</summary>
          <table className="table table-sm">
            <caption className="visually-hidden">{t('booking.rules.all_tariffs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('booking.tariff.category')}</th>
                <th scope="col">{t('booking.tariff.unit')}</th>
                <th scope="col">{t('booking.tariff.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((tariff) => (
                <tr key={`${tariff.category}-${tariff.unit}`}>
                  <th scope="row">{t(CATEGORY_LABEL[tariff.category])}</th>
                  <td>{t(UNIT_LABEL[tariff.unit])}</td>
                  <td>{formatEuro(tariff.amountCents, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}

/**
 * "Prenota": on a bookable instrument's page, its rules and price for the reader, its calendar, and the booking form
 * once a free time is chosen. Anonymous visitors see the calendar and are invited to sign in to book.
 */
export function BookingPanel({
  equipment,
  title,
  organization,
  terms,
}: {
  equipment: string;
  title: string;
  organization: string;
  terms: BookingPolicy;
}) {
  const { t } = useI18n();
  const { status, user } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  // Arriving from the free-slot search (?inizio=&fine=) opens the form on that time.
  const [chosen, setChosen] = useState<DayInterval | null>(() => {
    const start = params.get('inizio');
    const end = params.get('fine');
    return start && end && Date.parse(start) < Date.parse(end) ? { start, end, status: 'free' } : null;
  });
  const [version, setVersion] = useState(0);
  const signedIn = status === 'signed-in';
  return (
    <section id="prenota" aria-labelledby="booking-panel-title" className="booking-panel card card-bg mb-4">
      <div className="card-body">
        <h2 id="booking-panel-title" className="h4">
          {t('booking.panel.title')}
        </h2>
        <BookingRules equipment={equipment} terms={terms} signedIn={signedIn} />
        {signedIn ? null : (
          <p className="booking-sign-in">
            <Link className="btn btn-primary" to={signInHref(location.pathname + location.search)}>
              {t('booking.panel.sign_in')}
            </Link>{' '}
            <span className="small">{t('booking.panel.sign_in_hint')}</span>
          </p>
        )}
        {chosen && signedIn ? (
          <BookingForm
            key={chosen.start}
            equipment={equipment}
            title={title}
            terms={terms}
            interval={chosen}
            onDone={() => setChosen(null)}
            onCancel={() => setChosen(null)}
            onCalendarChanged={() => setVersion((v) => v + 1)}
          />
        ) : null}
        <h3 className="h5 mt-3">{t('booking.panel.availability')}</h3>
        <AvailabilityCalendar
          equipment={equipment}
          policy={terms}
          version={version}
          onChoose={signedIn ? (interval) => setChosen(interval) : undefined}
        />
        <p className="small mt-3 mb-0">
          <a href={bookingEndpoints.equipmentCalendar(equipment)}>{t('booking.panel.public_calendar')}</a>
          {canEditRecords(user, organization) ? (
            <>
              {' · '}
              <Link to={`/attrezzature/${encodeURIComponent(equipment)}/prenotazioni`}>
                {t('booking.panel.edit_policy')}
              </Link>
              {' · '}
              <Link to={`/prenotazioni/centro?organizzazione=${encodeURIComponent(organization)}`}>
                {t('booking.panel.centre_queue')}
              </Link>
            </>
          ) : null}
        </p>
      </div>
    </section>
  );
}
