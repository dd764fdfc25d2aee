import { useEffect, useState, type FormEvent } from 'react';
import { CLUSTERS, MEMBERS, useNames } from '../../app/names.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { CLIMATE_MEASURES, type ClimateFilters } from './api.ts';
import { useClimateText } from './text.ts';
import { yearRange } from '../../app/years.ts';

export const CLIMATE_FILTER_KEYS = [
  'measure',
  'country',
  'cluster',
  'partner',
  'yearFrom',
  'yearTo',
] as const satisfies readonly (keyof ClimateFilters)[];

/** The climate page's filters; each change goes to the address, and from there to the API. */
export function ClimateFilterBar({
  filters,
  partners,
  onChange,
  onClear,
}: {
  filters: ClimateFilters;
  /** Partner refs that have data, largest first. */
  partners: string[];
  onChange: (changes: Partial<Record<keyof ClimateFilters, string | null>>) => void;
  onClear: () => void;
}) {
  const { t } = useClimateText();
  const names = useNames();
  const [yearFrom, setYearFrom] = useState(filters.yearFrom ?? '');
  const [yearTo, setYearTo] = useState(filters.yearTo ?? '');
  useEffect(() => setYearFrom(filters.yearFrom ?? ''), [filters.yearFrom]);
  useEffect(() => setYearTo(filters.yearTo ?? ''), [filters.yearTo]);
  const set = (key: keyof ClimateFilters) => (value: string) => onChange({ [key]: value || null });
  const years = (event: FormEvent) => {
    event.preventDefault();
    onChange(yearRange(yearFrom, yearTo));
  };
  return (
    <form className="card stack climate-filters" onSubmit={years} aria-label={t('climate.filters')}>
      <div className="form-row">
        <SelectField
          id="climate-measure"
          label={t('climate.measure')}
          value={filters.measure ?? 'commitments'}
          onChange={(value) => onChange({ measure: value === 'commitments' ? null : value })}
        >
          {CLIMATE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`climate.measures.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="climate-country"
          label={t('common.country')}
          value={filters.country ?? ''}
          onChange={set('country')}
        >
          <option value="">{t('climate.allCountries')}</option>
          {MEMBERS.map((c) => ({ value: c.iso2, label: names.country(c.iso2) }))
            .sort((a, b) => a.label.localeCompare(b.label))
            .map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          <option value="regional">{names.country('regional')}</option>
        </SelectField>
        <SelectField
          id="climate-cluster"
          label={t('common.cluster')}
          value={filters.cluster ?? ''}
          onChange={set('cluster')}
        >
          <option value="">{t('climate.allClusters')}</option>
          {CLUSTERS.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {names.cluster(c.code)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="climate-partner"
          label={t('common.partner')}
          value={filters.partner ?? ''}
          onChange={set('partner')}
        >
          <option value="">{t('climate.allPartners')}</option>
          {[...new Set([...partners, ...(filters.partner ? [filters.partner] : [])])].map((ref) => (
            <option key={ref} value={ref}>
              {names.partner(ref)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <TextField
          id="climate-year-from"
          label={t('climate.yearFrom')}
          type="number"
          value={yearFrom}
          onChange={setYearFrom}
        />
        <TextField
          id="climate-year-to"
          label={t('climate.yearTo')}
          type="number"
          value={yearTo}
          onChange={setYearTo}
        />
        <div className="actions">
          <button type="submit" className="button secondary">
            {t('climate.apply')}
          </button>
          <button type="button" className="button secondary" onClick={onClear}>
            {t('climate.clear')}
          </button>
        </div>
      </div>
    </form>
  );
}
