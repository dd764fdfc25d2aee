import type { MeasureSums } from './figures.repository.ts';
import { barChart, columnChart } from './charts.ts';
import { esc, paragraph, section, table, type RenderContext } from './html.kit.ts';
import {
  clusterName,
  corridorName,
  countryName,
  date,
  dollars,
  millions,
  number,
  partnerName,
  percent,
} from './i18n.ts';

const TOP_PARTNERS = 12;
const APPROVALS_LISTED = 25;

function breakdown(
  ctx: RenderContext,
  title: string,
  rows: MeasureSums[],
  name: (key: MeasureSums['key']) => string,
  total: number,
  note?: string,
) {
  const { w, lang } = ctx;
  const chart = barChart(
    rows.map((r) => ({ label: name(r.key), values: [r.commitments / 1e8, r.disbursements / 1e8] })),
    {
      title,
      series: [`${w.commitments}, ${w.million}`, `${w.disbursements}, ${w.million}`],
      format: (v) => number(lang, v, 0),
    },
  );
  const body = table(
    [w.name, `${w.commitments}, ${w.million}`, w.share, `${w.disbursements}, ${w.million}`],
    rows.map((r) => [
      name(r.key),
      millions(lang, r.commitments),
      percent(lang, total === 0 ? 0 : (r.commitments / total) * 100),
      millions(lang, r.disbursements),
    ]),
  );
  return `<h3>${esc(title)}</h3>${note ? paragraph(note) : ''}${chart}${body}`;
}

/** Totals to date and since the last conference, then the breakdowns and new approvals. */
export function portfolioSections(ctx: RenderContext): string {
  const { w, lang, data } = ctx;
  const p = data.portfolio;
  const totals = table(
    ['', w.commitments, w.disbursements, w.activities],
    [
      [
        `${w.cumulative} (${date(lang, data.asOf)})`,
        {
          html: `<span data-cents="${p.cumulative.commitments}">${esc(dollars(lang, p.cumulative.commitments))}</span>`,
        },
        dollars(lang, p.cumulative.disbursements),
        number(lang, p.cumulative.activities),
      ],
      [
        `${w.sinceLast}: ${w.sinceRange(date(lang, data.since), date(lang, data.asOf))}`,
        dollars(lang, p.sinceLast.commitments),
        dollars(lang, p.sinceLast.disbursements),
        number(lang, p.sinceLast.activities),
      ],
    ],
  );
  const years = p.byYear.filter((r) => Number(r.key) >= Number(data.asOf.slice(0, 4)) - 19);
  const byYear = columnChart(
    years.map((r) => ({
      label: String(r.key).slice(2),
      values: [r.commitments / 1e8, r.disbursements / 1e8],
    })),
    {
      title: w.byYear,
      series: [`${w.commitments}, ${w.million}`, `${w.disbursements}, ${w.million}`],
      format: (v) => number(lang, v, 0),
    },
  );
  const total = p.cumulative.commitments;
  const partners = p.byPartner.slice(0, TOP_PARTNERS);
  const rest = p.byPartner.slice(TOP_PARTNERS);
  if (rest.length > 0) {
    partners.push({
      key: '\u0000others',
      commitments: rest.reduce((s, r) => s + r.commitments, 0),
      disbursements: rest.reduce((s, r) => s + r.disbursements, 0),
    });
  }
  const overview = section(
    'overview',
    w.overview,
    totals +
      `<h3>${esc(w.byYear)}</h3>${byYear}` +
      breakdown(ctx, w.byCluster, p.byCluster, (k) => clusterName(lang, Number(k)), total) +
      breakdown(ctx, w.byCountry, p.byCountry, (k) => countryName(lang, String(k)), total) +
      breakdown(
        ctx,
        w.byPartner,
        partners,
        (k) => (k === '\u0000others' ? w.others : partnerName(lang, String(k ?? ''))),
        total,
      ) +
      breakdown(
        ctx,
        w.byCorridor,
        p.byCorridor,
        (k) => corridorName(lang, Number(k)),
        total,
        w.corridorNote,
      ),
  );

  const approvals = data.approvals;
  const sum = approvals.reduce((s, a) => s + a.commitments, 0);
  const list =
    approvals.length === 0
      ? paragraph(w.approvalsNone)
      : paragraph(w.approvalsSummary(approvals.length, dollars(lang, sum))) +
        table(
          [w.project, w.partner, w.countries, w.firstCommitment, `${w.commitments}, ${w.million}`],
          approvals
            .slice(0, APPROVALS_LISTED)
            .map((a) => [
              (lang === 'ru' && a.titleRu ? a.titleRu : a.title) + (a.demo ? ` (${w.demo})` : ''),
              partnerName(lang, a.reportingOrg),
              a.countries.join(', '),
              date(lang, a.firstCommitment),
              millions(lang, a.commitments),
            ]),
          4,
        );
  return overview + section('approvals', w.approvals, list);
}
