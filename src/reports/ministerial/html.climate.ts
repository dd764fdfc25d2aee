import type { ClimateAnswer, ClimateRow } from '../../climate/climate.schema.ts';
import { barChart } from './charts.ts';
import { esc, paragraph, section, table, type RenderContext } from './html.kit.ts';
import { centsOf, clusterName, countryName, dollars, millions, number, percent } from './i18n.ts';

/** A row's value of a dimension (the other fields are amounts). */
const dim = (row: ClimateRow, name: string) => row[name] as string | number;

function views(
  ctx: RenderContext,
  answer: ClimateAnswer,
  name: (row: ClimateRow) => string,
): string {
  const { w, lang } = ctx;
  const m = (usd: string) => millions(lang, centsOf(usd));
  return table(
    [
      w.name,
      `${w.portfolio}, ${w.million}`,
      `${w.markers}, ${w.million}`,
      w.share,
      `${w.components}, ${w.million}`,
      w.share,
    ],
    [
      ...answer.rows.map((r) => [
        name(r),
        m(r.portfolio),
        m(r.markers.climate),
        percent(lang, r.markers.sharePercent),
        m(r.components.climate),
        percent(lang, r.components.sharePercent),
      ]),
      [
        // The row sums every column, the whole portfolio's first.
        { html: `<strong>${esc(w.total)}</strong>` },
        m(answer.total.portfolio),
        m(answer.total.markers.climate),
        percent(lang, answer.total.markers.sharePercent),
        m(answer.total.components.climate),
        percent(lang, answer.total.components.sharePercent),
      ],
    ],
  );
}

/** Climate finance in both views, by country and cluster, and the facility's climate pipeline. */
export function climateSection(ctx: RenderContext): string {
  const { w, lang, data } = ctx;
  const { byCountry, byCluster, byYear } = data.climate;
  const t = byCountry.total;
  const usd = (amount: string) => dollars(lang, centsOf(amount));
  const side = table(
    ['', w.markers, w.components],
    [
      [w.mitigation, usd(t.markers.mitigation), usd(t.components.mitigation)],
      [w.adaptation, usd(t.markers.adaptation), usd(t.components.adaptation)],
      [`— ${w.drr}`, usd(t.markers.drr), '–'],
      [w.dual, usd(t.markers.dual), usd(t.components.dual)],
      [
        { html: `<strong>${esc(w.climateTotal)}</strong>` },
        {
          html: `<strong data-cents="${centsOf(t.markers.climate)}">${esc(usd(t.markers.climate))}</strong>`,
        },
        {
          html: `<strong data-cents="${centsOf(t.components.climate)}">${esc(usd(t.components.climate))}</strong>`,
        },
      ],
      [
        w.shareOfPortfolio,
        percent(lang, t.markers.sharePercent),
        percent(lang, t.components.sharePercent),
      ],
    ],
  );
  const chart = barChart(
    byCountry.rows.map((r) => ({
      label: countryName(lang, String(dim(r, 'country'))),
      values: [centsOf(r.markers.climate) / 1e8, centsOf(r.components.climate) / 1e8],
    })),
    {
      title: `${w.climate}: ${w.byCountry}`,
      series: [`${w.markers}, ${w.million}`, `${w.components}, ${w.million}`],
      format: (v) => number(lang, v, 0),
    },
  );
  const years = byYear.rows.filter(
    (r) => Number(dim(r, 'year')) >= Number(data.asOf.slice(0, 4)) - 9,
  );
  const yearly = barChart(
    years.map((r) => ({
      label: String(dim(r, 'year')),
      values: [centsOf(r.markers.climate) / 1e8, centsOf(r.components.climate) / 1e8],
    })),
    {
      title: w.climateByYear,
      series: [`${w.markers}, ${w.million}`, `${w.components}, ${w.million}`],
      format: (v) => number(lang, v, 0),
    },
  );
  const pipeline = data.facility.pipeline;
  return section(
    'climate',
    w.climate,
    paragraph(
      w.climateIntro(byCountry.coefficients.principal, byCountry.coefficients.significant),
    ) +
      side +
      paragraph(w.componentActivities(t.components.activities)) +
      `<h3>${esc(w.byCountry)}</h3>${chart}` +
      views(ctx, byCountry, (r) => countryName(lang, String(dim(r, 'country')))) +
      `<h3>${esc(w.byCluster)}</h3>` +
      views(ctx, byCluster, (r) => clusterName(lang, Number(dim(r, 'cluster')))) +
      `<h3>${esc(w.climateByYear)}</h3>${yearly}` +
      `<h3>${esc(w.climatePipeline)}</h3>` +
      paragraph(
        w.climatePipelineSummary(
          pipeline.totals.climateProposals,
          usd(pipeline.totals.climateInvestmentUsd),
          usd(pipeline.totals.investmentUsd),
        ),
      ),
  );
}
