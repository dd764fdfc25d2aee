import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { Figures } from '../components/Figures.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { COMMITMENTS, DISBURSEMENTS, SERIES } from '../components/palette.ts';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { useLocalPath } from '../app/url.ts';
import { usePageTitle } from '../app/title.ts';
import { CarecMap } from '../features/map/CarecMap.tsx';
import { AmountBars } from '../features/portfolio/AmountBars.tsx';
import { YearChart } from '../features/portfolio/YearChart.tsx';
import { byKey, useAggregate, useOverview } from '../features/portfolio/api.ts';

export default function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const local = useLocalPath();
  usePageTitle(t('home.title'));
  const overview = useOverview();
  const byCountry = useAggregate('country');
  const byCluster = useAggregate('cluster');
  const byPartner = useAggregate('partner');
  const committed = useAggregate('year', 'commitments');
  const disbursed = useAggregate('year', 'disbursements');

  const countryValues = useMemo(() => byKey(byCountry.data?.rows, 'country'), [byCountry.data]);
  const yearSeries = useMemo(
    () => [
      {
        name: t('measures.commitments'),
        color: COMMITMENTS,
        values: new Map((committed.data?.rows ?? []).map((r) => [Number(r['year']), r.value])),
      },
      {
        name: t('measures.disbursements'),
        color: DISBURSEMENTS,
        values: new Map((disbursed.data?.rows ?? []).map((r) => [Number(r['year']), r.value])),
      },
    ],
    [committed.data, disbursed.data, t],
  );

  const failure = [overview, byCountry, byCluster, byPartner, committed, disbursed].find(
    (q) => q.state === 'failed',
  );
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {overview.data ? (
          <Figures
            items={[
              { label: t('measures.committed'), value: format.money(overview.data.commitments) },
              { label: t('measures.disbursed'), value: format.money(overview.data.disbursements) },
              { label: t('home.projects'), value: format.number(overview.data.activities) },
              { label: t('home.countries'), value: format.number(overview.data.countries) },
              { label: t('home.partners'), value: format.number(overview.data.partners) },
            ]}
          />
        ) : overview.state === 'loading' ? (
          <Loading />
        ) : null}
        {overview.data?.latestTransaction ? (
          <p className="note">
            {t('home.asOf', { date: format.date(overview.data.latestTransaction) })} ·{' '}
            <Link to={local('/explore')}>{t('home.exploreAll')}</Link>
          </p>
        ) : null}
      </section>
      {failure ? <ErrorMessage error={failure.error} /> : null}
      {byCountry.data ? (
        <CarecMap
          title={t('home.map')}
          values={countryValues}
          valueLabel={t('measures.commitments')}
        />
      ) : (
        <Loading />
      )}
      <div className="grid-2">
        {byCluster.data ? (
          <AmountBars
            id="by-cluster"
            title={t('home.byCluster')}
            nameLabel={t('common.cluster')}
            valueLabel={t('measures.commitments')}
            color={SERIES[0]!}
            rows={byCluster.data.rows.map((r) => ({
              key: String(r['cluster']),
              name: Number(r['cluster']) ? names.cluster(r['cluster']!) : t('home.noCluster'),
              value: r.value,
              ...(Number(r['cluster']) ? { href: local(`/clusters/${r['cluster']}`) } : {}),
            }))}
          />
        ) : (
          <Loading />
        )}
        {byPartner.data ? (
          <AmountBars
            id="by-partner"
            title={t('home.byPartner')}
            nameLabel={t('common.partner')}
            valueLabel={t('measures.commitments')}
            color={SERIES[1]!}
            rows={byPartner.data.rows.map((r) => ({
              key: String(r['partner']),
              name: names.partnerShort(String(r['partner'])),
              value: r.value,
              ...(r['partner']
                ? { href: local(`/partners/${encodeURIComponent(String(r['partner']))}`) }
                : {}),
            }))}
          />
        ) : (
          <Loading />
        )}
      </div>
      {committed.data && disbursed.data ? (
        <YearChart id="over-time" title={t('home.overTime')} series={yearSeries} />
      ) : (
        <Loading />
      )}
    </>
  );
}
