import { useId } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PROVINCES, TUSCAN_PROVINCES } from '@clock/contracts/values';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { withParams } from '../../lib/url-state.ts';
import { useReferenceData } from '../catalogue/reference-data.tsx';

function FilterSelect({
  param,
  label,
  options,
}: {
  param: string;
  label: MessageKey;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <div className="col-12 col-md-6 col-lg-3">
      <div className="select-wrapper">
        <label htmlFor={id}>{t(label)}</label>
        <select
          id={id}
          value={params.get(param) ?? ''}
          onChange={(e) =>
            navigate(
              { search: withParams(params, { [param]: e.target.value || undefined, page: undefined }) },
              { flushSync: true },
            )
          }
        >
          <option value="">{t('organizations.any')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The directory's filters beyond the kind: province, supply chain, ATECO sector (division) and S3 area. */
export function DirectoryFilters() {
  const { pick } = useI18n();
  const { taxonomies } = useReferenceData();
  const tuscan = new Set<string>(TUSCAN_PROVINCES);
  const provinces = [...PROVINCES.filter(([c]) => tuscan.has(c)), ...PROVINCES.filter(([c]) => !tuscan.has(c))].map(
    ([value, name]) => ({ value, label: `${name} (${value})` }),
  );
  const terms = (list: { code: string; label: { it?: string; en?: string } }[] | undefined, withCode = false) =>
    (list ?? []).map((x) => ({
      value: x.code,
      label: `${withCode ? `${x.code} ` : ''}${pick(x.label)?.text ?? x.code}`,
    }));
  // Sectors by NACE/ATECO division (letter and two digits), the level a directory is browsed at.
  const divisions = terms(
    (taxonomies?.sector ?? []).filter((x) => /^[A-U]\d{2}$/.test(x.code)),
    true,
  );
  return (
    <>
      <FilterSelect param="province" label="organizations.province_filter" options={provinces} />
      <FilterSelect
        param="filiera"
        label="organizations.filiera_filter"
        options={terms(taxonomies?.filiera).sort((a, b) => a.label.localeCompare(b.label))}
      />
      <FilterSelect param="sector" label="organizations.sector_filter" options={divisions} />
      <FilterSelect param="s3" label="organizations.s3_filter" options={terms(taxonomies?.s3)} />
    </>
  );
}
