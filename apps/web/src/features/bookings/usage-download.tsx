import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { bookingEndpoints } from './booking-api.ts';
import { isDay, romeToday } from './rome-time.ts';
import './booking-messages.ts';

/** The centre's usage (hours, revenue, no-shows per category and organisation) as CSV, for a period. */
export function UsageDownload({ organization }: { organization: string }) {
  const { t } = useI18n();
  const today = romeToday();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const valid = isDay(from) && isDay(to) && from <= to;
  return (
    <section aria-labelledby="usage-title" className="mb-4">
      <h2 id="usage-title" className="h4">
        {t('booking.usage.title')}
      </h2>
      <p>{t('booking.usage.intro')}</p>
      <div className="row">
        <div className="col-sm-6 col-md-4">
          <TextField id="usage-from" label={t('booking.usage.from')} type="date" value={from} onChange={setFrom} />
        </div>
        <div className="col-sm-6 col-md-4">
          <TextField
            id="usage-to"
            label={t('booking.usage.to')}
            type="date"
            value={to}
            onChange={setTo}
            error={valid ? undefined : { text: t('booking.usage.invalid') }}
          />
        </div>
      </div>
      {valid ? (
        <a
          className="btn btn-outline-primary"
          href={bookingEndpoints.usageCsv(organization, from, to)}
          download={`${organization}-usage-${from}-${to}.csv`}
        >
          {t('booking.usage.download')}
        </a>
      ) : null}
    </section>
  );
}
