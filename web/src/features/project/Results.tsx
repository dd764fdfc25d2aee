import { useTranslation } from 'react-i18next';
import type { Result, ResultIndicator } from '../../../../src/portfolio/activity.model.ts';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { useCodeNames } from '../../app/codes.ts';

interface Progress {
  baseline: number | null;
  target: number | null;
  actual: number | null;
  /** Share of the way from baseline to target, 0–1, when all three are numbers. */
  share: number | null;
  periodEnd: string | null;
}

const numberOf = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' || Number.isNaN(Number(value))
    ? null
    : Number(value);

/** The latest period's target and actual against the first baseline. */
export function progressOf(indicator: ResultIndicator): Progress {
  const baseline = numberOf(indicator.baselines[0]?.value);
  const periods = [...indicator.periods].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const withTarget = periods.filter((p) => p.targets.length > 0).at(-1);
  const withActual = periods.filter((p) => p.actuals.length > 0).at(-1);
  const target = numberOf(withTarget?.targets[0]?.value);
  const actual = numberOf(withActual?.actuals[0]?.value);
  const from = baseline ?? 0;
  const share =
    target !== null && actual !== null && target !== from
      ? Math.max(0, Math.min(1, (actual - from) / (target - from)))
      : null;
  return { baseline, target, actual, share, periodEnd: withActual?.periodEnd ?? null };
}

/** Results and their indicators, with progress from baseline towards target. */
export function Results({ results }: { results: readonly Result[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const codes = useCodeNames();
  const format = useFormat();
  const show = (value: number | null) => (value === null ? '—' : format.number(value));
  return (
    <section className="card" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('project.results')}</h2>
      {results.length === 0 ? <p className="note">{t('project.noResults')}</p> : null}
      {results.map((result, r) => (
        <div key={r}>
          <h3>
            {names.narrative(result.title)}{' '}
            <span className="badge">{codes.code('ResultType', result.type)}</span>
          </h3>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{names.narrative(result.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('project.indicator')}</th>
                  <th scope="col" className="num">
                    {t('project.baseline')}
                  </th>
                  <th scope="col" className="num">
                    {t('project.target')}
                  </th>
                  <th scope="col" className="num">
                    {t('project.actual')}
                  </th>
                  <th scope="col">{t('project.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {result.indicators.map((indicator, i) => {
                  const p = progressOf(indicator);
                  return (
                    <tr key={i}>
                      <td>{names.narrative(indicator.title)}</td>
                      <td className="num">{show(p.baseline)}</td>
                      <td className="num">{show(p.target)}</td>
                      <td className="num">
                        {show(p.actual)}
                        {p.periodEnd ? (
                          <span className="figure-note">{format.date(p.periodEnd)}</span>
                        ) : null}
                      </td>
                      <td>
                        {p.share === null ? (
                          '—'
                        ) : (
                          <>
                            <progress
                              className="progress"
                              max={1}
                              value={p.share}
                              aria-label={`${names.narrative(indicator.title)}: ${format.percent(p.share)}`}
                            />{' '}
                            {format.percent(p.share)}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
