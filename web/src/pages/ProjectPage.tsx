import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from '../app/router.tsx';
import { activityDate } from '../../../src/portfolio/activity.model.ts';
import { useCodeNames } from '../app/codes.ts';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { Figures } from '../components/Figures.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { COMMITMENTS, DISBURSEMENTS, SERIES } from '../components/palette.ts';
import { isDemo } from '../features/explore/ProjectList.tsx';
import { CarecMap } from '../features/map/CarecMap.tsx';
import { AmountBars } from '../features/portfolio/AmountBars.tsx';
import { YearChart } from '../features/portfolio/YearChart.tsx';
import { useSession } from '../app/session.tsx';
import { CurationForm } from '../features/project/CurationForm.tsx';
import { useProject, type ActivityDetail } from '../features/project/api.ts';
import { Results } from '../features/project/Results.tsx';

function sum<T extends { measure: string; value: number }>(
  rows: T[],
  measure: string,
  key: (row: T) => string,
) {
  const out = new Map<string, number>();
  for (const row of rows.filter((r) => r.measure === measure)) {
    out.set(key(row), (out.get(key(row)) ?? 0) + row.value);
  }
  return [...out].map(([k, value]) => ({ key: k, value })).sort((a, b) => b.value - a.value);
}

function Project({ detail, onChanged }: { detail: ActivityDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const names = useNames();
  const codes = useCodeNames();
  const format = useFormat();
  const local = useLocalPath();
  const { activity } = detail;
  const title = names.narrative(activity.titles) || activity.iatiIdentifier;
  usePageTitle(title);
  const description = activity.descriptions.find((d) => d.type === '1') ?? activity.descriptions[0];
  const yearSeries = useMemo(
    () =>
      (['commitments', 'disbursements'] as const).map((measure) => ({
        name: t(`measures.${measure}`),
        color: measure === 'commitments' ? COMMITMENTS : DISBURSEMENTS,
        values: new Map(
          detail.byYear.filter((r) => r.measure === measure).map((r) => [r.year, r.value]),
        ),
      })),
    [detail, t],
  );
  const countries = sum(detail.byCountry, 'commitments', (r) => r.country);
  const countryValues = useMemo(() => new Map(countries.map((c) => [c.key, c.value])), [countries]);
  const points = useMemo(
    () =>
      activity.locations
        .filter((l) => l.point)
        .map((l) => ({
          name: names.narrative(l.name),
          lon: l.point!.longitude,
          lat: l.point!.latitude,
        })),
    [activity, names],
  );
  const start = activityDate(activity, '2') ?? activityDate(activity, '1');
  const end = activityDate(activity, '4') ?? activityDate(activity, '3');
  const share = detail.commitments ? detail.disbursements / detail.commitments : 0;

  return (
    <>
      <div className="page-head">
        <span className="kicker">{t('project.kicker')}</span>
        <h1>{title}</h1>
        <div className="tags">
          <span className="badge">{codes.status(activity.status)}</span>
          {isDemo(activity.iatiIdentifier) ? (
            <span className="badge demo">{t('explore.demo')}</span>
          ) : null}
        </div>
      </div>
      <Figures
        items={[
          { label: t('measures.committed'), value: format.money(detail.commitments) },
          { label: t('measures.disbursed'), value: format.money(detail.disbursements) },
          { label: t('project.disbursedShare'), value: format.percent(share) },
        ]}
      />
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('project.summary')}</h2>
        <dl className="summary-list">
          <dt>{t('project.identifier')}</dt>
          <dd>
            <code>{activity.iatiIdentifier}</code>
          </dd>
          <dt>{t('project.reportedBy')}</dt>
          <dd>
            <Link to={local(`/partners/${encodeURIComponent(activity.reportingOrg.ref)}`)}>
              {names.partner(activity.reportingOrg.ref)}
            </Link>
          </dd>
          <dt>{t('common.countries')}</dt>
          <dd>
            {activity.recipientCountries.map((c, i) => (
              <span key={c.code}>
                {i > 0 ? ', ' : ''}
                <Link to={local(`/countries/${c.code}`)}>{names.country(c.code)}</Link>
                {c.percentage ? ` (${format.percent(Number(c.percentage) / 100)})` : ''}
              </span>
            ))}
          </dd>
          <dt>{t('project.dates')}</dt>
          <dd>
            {format.date(start)} – {format.date(end)}
          </dd>
          {activity.cluster ? (
            <>
              <dt>{t('common.cluster')}</dt>
              <dd>
                <Link to={local(`/clusters/${activity.cluster}`)}>
                  {names.cluster(activity.cluster)}
                </Link>
              </dd>
            </>
          ) : null}
          {activity.corridors.length ? (
            <>
              <dt>{t('project.corridors')}</dt>
              <dd>
                {activity.corridors.map((n, i) => (
                  <span key={n}>
                    {i > 0 ? ', ' : ''}
                    <Link to={local(`/corridors/${n}`)}>
                      {t('map.corridor', { number: n })}: {names.corridor(n)}
                    </Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {activity.policyMarkers.some(
            (m) => ['6', '7', '10'].includes(m.code) && Number(m.significance) > 0,
          ) ? (
            <>
              <dt>{t('explore.climate')}</dt>
              <dd>
                {activity.policyMarkers
                  .filter((m) => ['6', '7', '10'].includes(m.code) && Number(m.significance) > 0)
                  .map(
                    (m) =>
                      `${codes.code('PolicyMarker', m.code)} (${codes.code('PolicySignificance', m.significance ?? '')})`,
                  )
                  .join('; ')}
              </dd>
            </>
          ) : null}
        </dl>
        {description ? (
          <p className="description">{names.narrative(description.narratives)}</p>
        ) : null}
      </section>
      <div className="grid-2">
        <AmountBars
          id="project-partners"
          title={t('project.byPartner')}
          nameLabel={t('common.partner')}
          valueLabel={t('measures.commitments')}
          color={SERIES[1]!}
          rows={sum(detail.byPartner, 'commitments', (r) => r.partner).map((r) => ({
            key: r.key,
            name: names.partner(r.key),
            value: r.value,
            ...(r.key ? { href: local(`/partners/${encodeURIComponent(r.key)}`) } : {}),
          }))}
        />
        <YearChart id="project-years" title={t('project.overTime')} series={yearSeries} />
      </div>
      <div className="grid-2">
        <AmountBars
          id="project-sectors"
          title={t('project.sectors')}
          nameLabel={t('common.sector')}
          valueLabel={t('measures.commitments')}
          color={SERIES[2]!}
          rows={sum(detail.bySector, 'commitments', (r) => r.sector).map((r) => ({
            key: r.key,
            name: codes.sector(r.key),
            value: r.value,
          }))}
        />
        <AmountBars
          id="project-countries"
          title={t('project.countries')}
          nameLabel={t('common.country')}
          valueLabel={t('measures.commitments')}
          color={SERIES[0]!}
          rows={countries.map((r) => ({
            key: r.key,
            name: names.country(r.key),
            value: r.value,
            ...(r.key !== 'regional' ? { href: local(`/countries/${r.key}`) } : {}),
          }))}
        />
      </div>
      <CarecMap
        id="project-map"
        title={t('project.locations')}
        values={countryValues}
        valueLabel={t('measures.commitments')}
        corridors={false}
        highlight={activity.recipientCountries.map((c) => c.code)}
        points={points}
      />
      {session.can('portfolio.curate') ? (
        <CurationForm
          identifier={activity.iatiIdentifier}
          cluster={activity.cluster}
          corridors={activity.corridors}
          onSaved={onChanged}
        />
      ) : null}
      <Results results={activity.results} />
      <div className="grid-2">
        <section className="card" aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('project.documents')}</h2>
          {activity.documents.length === 0 ? <p className="note">{t('common.none')}</p> : null}
          <ul className="doc-list">
            {activity.documents.map((d) => (
              <li key={d.url}>
                <a href={d.url} rel="noopener noreferrer">
                  {names.narrative(d.title) || d.url}
                </a>{' '}
                <span className="note">
                  {d.categories.map((c) => codes.code('DocumentCategory', c)).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="related-heading">
          <h2 id="related-heading">{t('project.related')}</h2>
          {detail.related.length === 0 ? <p className="note">{t('common.none')}</p> : null}
          <ul className="plain-list">
            {detail.related.map((r) => (
              <li key={`${r.ref}-${r.type}`}>
                {r.title !== null ? (
                  <Link to={local(`/projects/${encodeURIComponent(r.ref)}`)}>
                    {names.narrative(r.titles) || r.title}
                  </Link>
                ) : (
                  <code>{r.ref}</code>
                )}{' '}
                <span className="note">{codes.code('RelatedActivityType', r.type)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export default function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.state === 'failed') return <ErrorMessage error={project.error} />;
  if (project.state === 'loading') return <Loading />;
  return <Project detail={project.data} onChanged={project.reload} />;
}
