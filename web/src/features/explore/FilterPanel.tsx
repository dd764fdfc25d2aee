import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTERS, CORRIDORS, MEMBERS, useNames } from '../../app/names.ts';
import { SECTOR_CATEGORIES, STATUS_CODES, useCodeNames } from '../../app/codes.ts';
import { CLIMATE_MARKERS, type FilterKey, type Filters } from './filters.ts';
import { yearRange } from '../../app/years.ts';

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('explore.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search and filters; each change updates the URL, which is the list's whole state. */
export function FilterPanel({
  filters,
  partners,
  onChange,
  onClear,
}: {
  filters: Filters;
  /** Partner refs that have data, largest first. */
  partners: string[];
  onChange: (changes: Partial<Record<FilterKey, string | null>>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const codes = useCodeNames();
  const [text, setText] = useState(filters.q ?? '');
  const [yearFrom, setYearFrom] = useState(filters.yearFrom ?? '');
  const [yearTo, setYearTo] = useState(filters.yearTo ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => setYearFrom(filters.yearFrom ?? ''), [filters.yearFrom]);
  useEffect(() => setYearTo(filters.yearTo ?? ''), [filters.yearTo]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text.trim() || null });
  };
  const years = (event: FormEvent) => {
    event.preventDefault();
    onChange(yearRange(yearFrom, yearTo));
  };
  const set = (key: FilterKey) => (value: string) => onChange({ [key]: value || null });
  return (
    <aside className="card filters" aria-label={t('explore.filters')}>
      <form role="search" onSubmit={search} className="field">
        <label htmlFor="explore-q">{t('explore.search')}</label>
        <div className="actions">
          <input
            id="explore-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('explore.searchHint')}
          />
          <button type="submit" className="button">
            {t('explore.searchButton')}
          </button>
        </div>
      </form>
      <Select
        id="filter-country"
        label={t('common.country')}
        value={filters.country}
        onChange={set('country')}
        options={[
          ...MEMBERS.map((c) => ({ value: c.iso2, label: names.country(c.iso2) })).sort((a, b) =>
            a.label.localeCompare(b.label),
          ),
          { value: 'regional', label: names.country('regional') },
        ]}
      />
      <Select
        id="filter-cluster"
        label={t('common.cluster')}
        value={filters.cluster}
        onChange={set('cluster')}
        options={CLUSTERS.map((c) => ({ value: String(c.code), label: names.cluster(c.code) }))}
      />
      <Select
        id="filter-sector"
        label={t('common.sector')}
        value={filters.sectorCategory}
        onChange={set('sectorCategory')}
        options={SECTOR_CATEGORIES.map((code) => ({
          value: code,
          label: `${code} ${codes.sectorCategory(code)}`,
        }))}
      />
      <Select
        id="filter-corridor"
        label={t('common.corridor')}
        value={filters.corridor}
        onChange={set('corridor')}
        options={CORRIDORS.map((c) => ({
          value: String(c.number),
          label: `${c.number}. ${names.corridor(c.number)}`,
        }))}
      />
      <Select
        id="filter-partner"
        label={t('common.partner')}
        value={filters.partner}
        onChange={set('partner')}
        options={partners.map((ref) => ({ value: ref, label: names.partner(ref) }))}
      />
      <Select
        id="filter-status"
        label={t('common.status')}
        value={filters.status}
        onChange={set('status')}
        options={STATUS_CODES.map((code) => ({ value: code, label: codes.status(code) }))}
      />
      <Select
        id="filter-climate"
        label={t('explore.climate')}
        value={filters.climate}
        onChange={set('climate')}
        options={CLIMATE_MARKERS.map((marker) => ({
          value: marker,
          label: t(`explore.climateMarkers.${marker}`),
        }))}
      />
      <form onSubmit={years}>
        <fieldset>
          <legend>{t('explore.years')}</legend>
          <div className="year-range">
            <div className="field">
              <label htmlFor="filter-year-from">{t('explore.from')}</label>
              <input
                id="filter-year-from"
                type="number"
                inputMode="numeric"
                min={1990}
                max={2100}
                value={yearFrom}
                onChange={(e) => setYearFrom(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="filter-year-to">{t('explore.to')}</label>
              <input
                id="filter-year-to"
                type="number"
                inputMode="numeric"
                min={1990}
                max={2100}
                value={yearTo}
                onChange={(e) => setYearTo(e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        <button type="submit" className="button secondary">
          {t('explore.applyYears')}
        </button>
      </form>
      <button type="button" className="button secondary" onClick={onClear}>
        {t('explore.clear')}
      </button>
    </aside>
  );
}
