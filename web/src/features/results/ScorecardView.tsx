import { useMemo } from 'react';
import { useFormat } from '../../app/format.ts';
import { CLUSTERS, useNames } from '../../app/names.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PROGRAMME, type Point, type Scorecard, type ScorecardEntry, type Status } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useResultsText } from './text.ts';

const STATUSES: readonly Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

/** The rule the statuses follow, with the thresholds the API applied. */
export function ProgressRule({ rule }: { rule: Scorecard['rule'] }) {
  const { t } = useResultsText();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="progress-rule">
      <h2 id="progress-rule">{t('results.rule.title')}</h2>
      <p>
        {t('results.rule.text', {
          onTrack: format.percent(rule.onTrack),
          atRisk: format.percent(rule.atRisk),
        })}
      </p>
      <p className="note">{t('results.rule.sources')}</p>
    </section>
  );
}

/**
 * The scorecard by cluster: each indicator with its unit and direction, and per member (or the
 * programme) the baseline, target and actual with their years and sources, progress and status.
 * `country` and `cluster` narrow it, as the page's filters do.
 */
export function ScorecardView({
  scorecard,
  country = null,
  cluster = null,
  headingLevel = 2,
}: {
  scorecard: Scorecard;
  country?: string | null;
  cluster?: string | null;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useResultsText();
  const names = useNames();
  const format = useFormat();
  const ru = i18n.language === 'ru';
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';

  const indicators = useMemo(
    () =>
      scorecard.indicators
        .filter((i) => cluster === null || String(i.cluster ?? 'none') === cluster)
        .map((i) => ({
          ...i,
          entries: [i.programme, ...i.countries].filter(
            (e) => country === null || e.country === country,
          ),
        })),
    [scorecard, country, cluster],
  );
  const counts = new Map<Status, number>();
  for (const i of indicators) {
    for (const e of i.entries) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  }
  const groups = [...CLUSTERS.map((c) => c.code), null]
    .map((code) => ({ code, members: indicators.filter((i) => i.cluster === code) }))
    .filter((g) => g.members.length > 0);

  // `count` picks the plural form; `n` is the same number written for the reader's language.
  const pairs = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <>
      <section className="card" aria-labelledby="scorecard-summary">
        <Heading id="scorecard-summary">
          {t('results.summary', { count: pairs, n: format.number(pairs) })}
        </Heading>
        <ul className="status-counts">
          {STATUSES.map((s) => (
            <li key={s}>
              <StatusBadge status={s} />{' '}
              <span data-count={s}>{format.number(counts.get(s) ?? 0)}</span>
            </li>
          ))}
        </ul>
      </section>
      {groups.length === 0 ? <p className="note">{t('results.noIndicators')}</p> : null}
      {groups.map((group) => (
        <section key={group.code ?? 'none'} aria-labelledby={`cluster-${group.code ?? 'none'}`}>
          <Heading id={`cluster-${group.code ?? 'none'}`}>
            {group.code === null ? t('results.crossCutting') : names.cluster(group.code)}
          </Heading>
          {group.members.map((indicator) => {
            const number = new Intl.NumberFormat(format.locale, {
              minimumFractionDigits: 0,
              maximumFractionDigits: indicator.decimals,
            });
            const value = (point: Point | null) =>
              point === null ? (
                '—'
              ) : (
                <>
                  {number.format(point.value)}
                  <span className="value-source">
                    {point.year} · {t(`results.sources.${point.source}`)}
                  </span>
                </>
              );
            const name = ru ? indicator.name.ru : indicator.name.en;
            return (
              <article key={indicator.code} className="card" data-indicator={indicator.code}>
                <div className="indicator-head">
                  <Sub>{name}</Sub>
                  <code>{indicator.code}</code>
                </div>
                <p className="note">
                  {t('results.unit')}: {ru ? indicator.unit.ru : indicator.unit.en} ·{' '}
                  {t(`results.direction.${indicator.direction}`)}
                </p>
                <DataTable<ScorecardEntry>
                  caption={`${name}, ${scorecard.year}`}
                  captionHidden
                  rows={indicator.entries}
                  rowKey={(e) => e.country}
                  columns={[
                    {
                      key: 'country',
                      header: t('results.country'),
                      cell: (e) =>
                        e.country === PROGRAMME ? t('results.programme') : names.country(e.country),
                    },
                    {
                      key: 'baseline',
                      header: t('results.baseline'),
                      numeric: true,
                      cell: (e) => value(e.baseline),
                    },
                    {
                      key: 'target',
                      header: t('results.target'),
                      numeric: true,
                      cell: (e) => value(e.target),
                    },
                    {
                      key: 'actual',
                      header: t('results.actual'),
                      numeric: true,
                      cell: (e) => value(e.actual),
                    },
                    {
                      key: 'progress',
                      header: t('results.progress'),
                      numeric: true,
                      cell: (e) => (e.progress === null ? '—' : format.percent(e.progress)),
                    },
                    {
                      key: 'status',
                      header: t('results.status'),
                      cell: (e) => <StatusBadge status={e.status} />,
                    },
                    {
                      key: 'projects',
                      header: t('results.projects'),
                      numeric: true,
                      cell: (e) => format.number(e.projects),
                    },
                  ]}
                />
              </article>
            );
          })}
        </section>
      ))}
    </>
  );
}
