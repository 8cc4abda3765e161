import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { centsOf } from '../../lib/money.ts';
import { FieldError } from '../../components/ui/form-fields.tsx';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import {
  TARIFF_UNITS,
  USER_CATEGORIES,
  bookingEndpoints,
  type Tariff,
  type TariffUnit,
  type UserCategory,
} from './booking-api.ts';
import { CATEGORY_LABEL, UNIT_LABEL } from './booking-bits.tsx';
import './booking-messages.ts';

const key = (category: UserCategory, unit: TariffUnit) => `${category}.${unit}`;
const CELLS = USER_CATEGORIES.flatMap((c) => TARIFF_UNITS.map((u) => key(c, u)));

/** The price of the instrument per user category and unit (euros, VAT excluded); an empty cell is no tariff. */
export function TariffsForm({
  equipment,
  tariffs,
  onSaved,
}: {
  equipment: string;
  tariffs: Tariff[];
  onSaved: (said: string) => void;
}) {
  const { t, lang } = useI18n();
  const [cells, setCells] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const x of tariffs)
      if (!x.validTo || Date.parse(x.validTo) > Date.now())
        out[key(x.category, x.unit)] = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
          minimumFractionDigits: 2,
          useGrouping: false,
        }).format(x.amountCents / 100);
    return out;
  });
  const submit = useSubmit(CELLS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const filled = CELLS.filter((c) => (cells[c] ?? '').trim());
    const local = localErrors(
      filled.map((c) => [c, centsOf(cells[c]!) === null, t('booking.tariffs.amount_invalid')]),
      CELLS,
    );
    void submit.run(async () => {
      const items = filled.map((c) => {
        const [category, unit] = c.split('.') as [UserCategory, TariffUnit];
        return { category, unit, amountCents: centsOf(cells[c]!) };
      });
      try {
        await sendJson('PUT', bookingEndpoints.tariffs(equipment), { items });
      } catch (error) {
        // The server names items by their place in the list: point them back at their cells.
        const problem = (error as { problem?: { errors?: { pointer: string }[] } }).problem;
        for (const e of problem?.errors ?? []) {
          const m = /^\/body\/items\/(\d+)/.exec(e.pointer);
          const cell = m ? filled[Number(m[1])] : undefined;
          if (cell) e.pointer = `/body/${cell}`;
        }
        throw error;
      }
      onSaved(t('booking.tariffs.saved'));
    }, local);
  };
  const summary: Record<string, SummaryField> = Object.fromEntries(
    CELLS.map((c) => {
      const [category, unit] = c.split('.') as [UserCategory, TariffUnit];
      return [c, { id: `tariff-${category}-${unit}`, label: `${t(CATEGORY_LABEL[category])}, ${t(UNIT_LABEL[unit])}` }];
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="tariffs-title" className="mb-5">
      <h2 id="tariffs-title" className="h4">
        {t('booking.tariffs.title')}
      </h2>
      <p>{t('booking.tariffs.intro')}</p>
      <ErrorSummary items={submit.errors.items} attempt={submit.attempt} fields={summary} />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <div className="table-responsive">
        <table className="table tariff-table">
          <caption className="visually-hidden">{t('booking.tariffs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('booking.tariff.category')}</th>
              {TARIFF_UNITS.map((u) => (
                <th scope="col" key={u} id={`tariff-unit-${u}`}>
                  {t(UNIT_LABEL[u])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {USER_CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row" id={`tariff-cat-${c}`}>
                  {t(CATEGORY_LABEL[c])}
                </th>
                {TARIFF_UNITS.map((u) => {
                  const id = `tariff-${c}-${u}`;
                  const error = submit.errors.byField[key(c, u)];
                  return (
                    <td key={u}>
                      <FieldError id={id} error={error} />
                      <input
                        id={id}
                        className={`form-control${error ? ' is-invalid' : ''}`}
                        inputMode="decimal"
                        aria-label={t('booking.tariffs.cell', {
                          category: t(CATEGORY_LABEL[c]),
                          unit: t(UNIT_LABEL[u]),
                        })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        value={cells[key(c, u)] ?? ''}
                        onChange={(e) => setCells((all) => ({ ...all, [key(c, u)]: e.target.value }))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">{t('booking.tariffs.frozen_note')}</p>
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('booking.tariffs.save')}
      </button>
    </form>
  );
}
