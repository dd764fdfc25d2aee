import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import type { ActivitiesPage } from '../../../../src/portfolio/activities.schema.ts';
import type { PortfolioSummary } from '../../../../src/portfolio/summary.service.ts';
import { useCodeNames } from '../../app/codes.ts';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { usePageTitle } from '../../app/title.ts';
import { useLocalPath } from '../../app/url.ts';
import { useApi } from '../../app/useApi.ts';
import { Figures } from '../../components/Figures.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { COMMITMENTS, SERIES } from '../../components/palette.ts';
import { ProjectList } from '../explore/ProjectList.tsx';
import { CarecMap } from '../map/CarecMap.tsx';
import { AmountBars } from '../portfolio/AmountBars.tsx';
import { YearChart } from '../portfolio/YearChart.tsx';

type Breakdown = 'country' | 'partner' | 'sector';

/**
 * A country's, partner's, cluster's or corridor's page: its totals, commitments over time and by
 * sector, country and partner, the map, and its largest projects with a link to all of them.
 */
export function SummaryView({
  kicker,
  title,
  summary,
  filter,
  show,
  highlight,
  intro,
}: {
  kicker: string;
  title: string;
  summary: PortfolioSummary;
  /** The Explore filter for this page's projects, e.g. `country=KZ`. */
  filter: string;
  show: readonly Breakdown[];
  highlight?: readonly string[];
  intro?: string;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const codes = useCodeNames();
  const format = useFormat();
  const local = useLocalPath();
  usePageTitle(title);
  const projects = useApi<ActivitiesPage>(`/api/activities?${filter}&limit=8`);
  const yearSeries = useMemo(
    () => [
      {
        name: t('measures.commitments'),
        color: COMMITMENTS,
        values: new Map(summary.byYear.map((r) => [Number(r['year']), r.value])),
      },
    ],
    [summary, t],
  );
  const countryValues = useMemo(
    () => new Map(summary.byCountry.map((r) => [String(r['country']), r.value])),
    [summary],
  );
  return (
    <>
      <div className="page-head">
        <span className="kicker">{kicker}</span>
        <h1>{title}</h1>
        {intro ? <p className="lead">{intro}</p> : null}
      </div>
      <Figures
        items={[
          { label: t('measures.committed'), value: format.money(summary.commitments) },
          { label: t('measures.disbursed'), value: format.money(summary.disbursements) },
        ]}
      />
      <YearChart id="summary-years" title={t('summary.overTime')} series={yearSeries} />
      <div className="grid-2">
        {show.includes('sector') ? (
          <AmountBars
            id="summary-sectors"
            title={t('summary.bySector')}
            nameLabel={t('common.sector')}
            valueLabel={t('measures.commitments')}
            color={SERIES[2]!}
            rows={summary.bySectorCategory.map((r) => ({
              key: String(r['sectorCategory']),
              name: codes.sectorCategory(String(r['sectorCategory'])),
              value: r.value,
            }))}
          />
        ) : null}
        {show.includes('partner') ? (
          <AmountBars
            id="summary-partners"
            title={t('summary.byPartner')}
            nameLabel={t('common.partner')}
            valueLabel={t('measures.commitments')}
            color={SERIES[1]!}
            rows={summary.byPartner.map((r) => ({
              key: String(r['partner']),
              name: names.partner(String(r['partner'])),
              value: r.value,
              ...(r['partner']
                ? { href: local(`/partners/${encodeURIComponent(String(r['partner']))}`) }
                : {}),
            }))}
          />
        ) : null}
        {show.includes('country') ? (
          <AmountBars
            id="summary-countries"
            title={t('summary.byCountry')}
            nameLabel={t('common.country')}
            valueLabel={t('measures.commitments')}
            color={SERIES[0]!}
            rows={summary.byCountry.map((r) => ({
              key: String(r['country']),
              name: names.country(String(r['country'])),
              value: r.value,
              ...(r['country'] !== 'regional'
                ? { href: local(`/countries/${String(r['country'])}`) }
                : {}),
            }))}
          />
        ) : null}
      </div>
      <CarecMap
        id="summary-map"
        title={t('summary.map')}
        values={countryValues}
        valueLabel={t('measures.commitments')}
        {...(highlight ? { highlight } : {})}
      />
      <section className="card" aria-labelledby="summary-projects">
        <div className="results-head">
          <h2 id="summary-projects">{t('summary.largest')}</h2>
          <Link to={local(`/explore?${filter}`)}>{t('summary.all')}</Link>
        </div>
        {projects.state === 'failed' ? <ErrorMessage error={projects.error} /> : null}
        {projects.state === 'loading' ? <Loading /> : null}
        {projects.data ? <ProjectList items={projects.data.items} /> : null}
      </section>
    </>
  );
}

/** Loads a summary and shows it, or why it could not. */
export function SummaryPage<T extends PortfolioSummary>({
  path,
  render,
}: {
  path: string;
  render: (summary: T) => React.ReactNode;
}) {
  const summary = useApi<T>(path);
  if (summary.state === 'failed') return <ErrorMessage error={summary.error} />;
  if (summary.state === 'loading') return <Loading />;
  return <>{render(summary.data)}</>;
}
