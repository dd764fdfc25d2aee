import { CLUSTERS, MEMBERS, useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { useUrlParam } from '../app/url.ts';
import { defaultYear, THIS_YEAR } from '../app/years.ts';
import { SelectField } from '../components/fields.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { PROGRAMME, useIndicators, useResultYears, useScorecard } from '../features/results/api.ts';
import { ProgressRule, ScorecardView } from '../features/results/ScorecardView.tsx';
import { useResultsText } from '../features/results/text.ts';

const YEARS = Array.from({ length: THIS_YEAR - 2015 + 1 }, (_, i) => THIS_YEAR - i);

const yearIn = (text: string | null) => {
  const year = Number(text);
  return text && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null;
};

export default function ResultsPage() {
  const { t } = useResultsText();
  const names = useNames();
  usePageTitle(t('results.title'));
  const [yearParam, setYear] = useUrlParam('year');
  const [country, setCountry] = useUrlParam('country');
  const [cluster, setCluster] = useUrlParam('cluster');
  // Without a year in the address, the latest year with an actual.
  const fallback = defaultYear(useResultYears());
  const year = yearIn(yearParam) ?? fallback;
  const scorecard = useScorecard(year);
  const indicators = useIndicators();
  const demo = indicators.data?.indicators.some((i) => i.demo) ?? false;
  return (
    <>
      <div className="page-head">
        <h1>{t('results.title')}</h1>
        <p className="lead">{t('results.lead')}</p>
        {demo ? <p className="note">{t('results.demo')}</p> : null}
      </div>
      <form
        className="card form-row"
        aria-label={t('results.title')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="results-year"
          label={t('results.year')}
          value={String(year ?? '')}
          onChange={(value) => setYear(Number(value) === fallback ? null : value)}
        >
          {[...new Set([year ?? THIS_YEAR, ...YEARS])]
            .sort((a, b) => b - a)
            .map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="results-country"
          label={t('results.country')}
          value={country ?? ''}
          onChange={setCountry}
        >
          <option value="">{t('results.allCountries')}</option>
          <option value={PROGRAMME}>{t('results.programme')}</option>
          {MEMBERS.map((c) => ({ value: c.iso2, label: names.country(c.iso2) }))
            .sort((a, b) => a.label.localeCompare(b.label))
            .map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="results-cluster"
          label={t('results.cluster')}
          value={cluster ?? ''}
          onChange={setCluster}
        >
          <option value="">{t('results.allClusters')}</option>
          {CLUSTERS.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {names.cluster(c.code)}
            </option>
          ))}
          <option value="none">{t('results.crossCutting')}</option>
        </SelectField>
      </form>
      {scorecard.state === 'failed' ? <ErrorMessage error={scorecard.error} /> : null}
      {scorecard.state === 'loading' ? <Loading /> : null}
      {scorecard.data ? (
        <>
          <ProgressRule rule={scorecard.data.rule} />
          <ScorecardView scorecard={scorecard.data} country={country} cluster={cluster} />
        </>
      ) : null}
    </>
  );
}
