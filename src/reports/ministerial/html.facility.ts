import { barChart } from './charts.ts';
import { esc, paragraph, section, table, type RenderContext } from './html.kit.ts';
import { contributorOf } from '../../facility/ledger.service.ts';
import { amountIn, centsOf, countryName, dollars, number, stateName } from './i18n.ts';

/** The fund statement as of the day, the public pipeline and how far proposals got. */
export function facilitySection(ctx: RenderContext): string {
  const { w, lang, data } = ctx;
  const { statement, pipeline } = data.facility;
  const b = statement.balances;
  const usd = (amount: string) => dollars(lang, centsOf(amount));
  const balances = table(
    ['', w.usd],
    [
      [w.pledged, usd(b.pledged)],
      [w.received, usd(b.received)],
      [w.repaid, usd(b.repaid)],
      [w.committed, usd(b.committed)],
      [w.disbursed, usd(b.disbursed)],
      [w.available, usd(b.available)],
      [w.cash, usd(b.cash)],
    ],
  );
  const contributors =
    statement.byContributor.length === 0
      ? ''
      : table(
          [w.contributor, w.pledged, w.received, w.outstanding],
          statement.byContributor.map((c) => [
            `${lang === 'ru' ? contributorOf(c.contributor).nameRu : c.name} (${c.currency})`,
            usd(c.pledgedUsd),
            usd(c.receivedUsd),
            amountIn(lang, c.outstanding, c.currency),
          ]),
        );
  const proposals =
    pipeline.proposals.length === 0
      ? paragraph(w.pipelineNone)
      : table(
          [
            w.proposal,
            w.state,
            w.countries,
            w.investment,
            w.climateInvestment,
            w.grant,
            w.disbursed,
          ],
          pipeline.proposals.map((p) => [
            `${p.reference} ${lang === 'ru' && p.title.ru ? p.title.ru : p.title.en}`,
            stateName(lang, p.state),
            p.countries.map((c) => countryName(lang, c)).join(', '),
            usd(p.investmentUsd),
            usd(p.climateInvestmentUsd),
            usd(p.grantUsd),
            usd(p.disbursedUsd),
          ]),
          3,
        );
  const funnel = barChart(
    pipeline.funnel.map((f) => ({ label: stateName(lang, f.state), values: [f.proposals] })),
    { title: w.funnel, series: [w.funnel], format: (v) => number(lang, v) },
  );
  return section(
    'facility',
    w.facility,
    `<h3>${esc(`${w.fundStatement}: ${statement.fund}`)}</h3>${balances}${contributors}` +
      `<h3>${esc(w.pipeline)}</h3>${proposals}<h3>${esc(w.funnel)}</h3>${funnel}`,
  );
}
