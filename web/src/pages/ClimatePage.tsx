import { useMemo } from 'react';
import { useSearchParams } from '../app/router.tsx';
import { useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import {
  useClimate,
  dimensionOf,
  useClimatePipeline,
  type ClimateDimension,
  type ClimateFilters,
  type ClimateRow,
} from '../features/climate/api.ts';
import { ClimateBreakdown } from '../features/climate/ClimateBreakdown.tsx';
import { CLIMATE_FILTER_KEYS, ClimateFilterBar } from '../features/climate/ClimateFilterBar.tsx';
import { ClimatePipelineView } from '../features/climate/ClimatePipelineView.tsx';
import { ClimateTotals } from '../features/climate/ClimateTotals.tsx';
import { useClimateText } from '../features/climate/text.ts';

const DIMENSIONS: readonly ClimateDimension[] = ['country', 'cluster', 'partner', 'year'];

/** The filters in the address, and changing them (a filter change is a new history entry). */
function useClimateFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const found: ClimateFilters = {};
    for (const key of CLIMATE_FILTER_KEYS) {
      const value = params.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [params]);
  const update = (changes: Partial<Record<keyof ClimateFilters, string | null>>) =>
    setParams((current) => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') current.delete(key);
        else current.set(key, value);
      }
      return current;
    });
  const clear = () =>
    setParams((current) => {
      for (const key of CLIMATE_FILTER_KEYS) current.delete(key);
      return current;
    });
  return { filters, update, clear };
}

export default function ClimatePage() {
  const { t } = useClimateText();
  const names = useNames();
  const local = useLocalPath();
  usePageTitle(t('climate.title'));
  const { filters, update, clear } = useClimateFilters();
  const total = useClimate(null, filters);
  const byCountry = useClimate('country', filters);
  const byCluster = useClimate('cluster', filters);
  const byPartner = useClimate('partner', filters);
  const byYear = useClimate('year', filters);
  // Every partner, whatever is chosen: the list to pick another from must not shrink to one.
  const allPartners = useClimate('partner', { measure: filters.measure });
  const pipeline = useClimatePipeline();
  const answers = { country: byCountry, cluster: byCluster, partner: byPartner, year: byYear };
  const failure = [total, ...Object.values(answers), pipeline].find((q) => q.state === 'failed');

  const nameOf: Record<ClimateDimension, (row: ClimateRow) => string> = {
    country: (r) => names.country(String(dimensionOf(r, 'country') ?? '')),
    cluster: (r) =>
      Number(dimensionOf(r, 'cluster'))
        ? names.cluster(Number(dimensionOf(r, 'cluster')))
        : t('climate.noCluster'),
    partner: (r) => names.partner(String(dimensionOf(r, 'partner') ?? '')),
    year: (r) => String(dimensionOf(r, 'year') ?? ''),
  };
  const hrefOf: Partial<Record<ClimateDimension, (row: ClimateRow) => string | null>> = {
    country: (r) =>
      dimensionOf(r, 'country') === 'regional'
        ? null
        : local(`/countries/${String(dimensionOf(r, 'country') ?? '')}`),
    cluster: (r) =>
      Number(dimensionOf(r, 'cluster'))
        ? local(`/clusters/${Number(dimensionOf(r, 'cluster'))}`)
        : null,
    partner: (r) =>
      dimensionOf(r, 'partner')
        ? local(`/partners/${encodeURIComponent(String(dimensionOf(r, 'partner') ?? ''))}`)
        : null,
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('climate.title')}</h1>
        <p className="lead">{t('climate.lead')}</p>
      </div>
      <ClimateFilterBar
        filters={filters}
        partners={(allPartners.data?.rows ?? [])
          .map((r) => String(dimensionOf(r, 'partner') ?? ''))
          .filter(Boolean)}
        onChange={update}
        onClear={clear}
      />
      {failure ? <ErrorMessage error={failure.error} /> : null}
      {total.data ? (
        <ClimateTotals answer={total.data} />
      ) : total.state === 'loading' ? (
        <Loading />
      ) : null}
      <div className="grid-2">
        {DIMENSIONS.filter((d) => d !== 'year').map((dimension) => {
          const answer = answers[dimension];
          return answer.data ? (
            <ClimateBreakdown
              key={dimension}
              id={`climate-${dimension}`}
              title={t(`climate.by.${dimension}`)}
              dimension={dimension}
              answer={answer.data}
              nameOf={nameOf[dimension]}
              {...(hrefOf[dimension] ? { hrefOf: hrefOf[dimension] } : {})}
            />
          ) : answer.state === 'loading' ? (
            <Loading key={dimension} />
          ) : null;
        })}
      </div>
      {byYear.data ? (
        <ClimateBreakdown
          id="climate-year"
          title={t('climate.by.year')}
          dimension="year"
          answer={byYear.data}
          nameOf={nameOf.year}
        />
      ) : null}
      {pipeline.data ? <ClimatePipelineView pipeline={pipeline.data} /> : null}
    </>
  );
}
