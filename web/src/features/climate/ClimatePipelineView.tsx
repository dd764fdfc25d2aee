import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Figures } from '../../components/Figures.tsx';
import type { ClimatePipeline } from './api.ts';
import { useClimateText } from './text.ts';

const OBJECTIVES = ['mitigation', 'adaptation', 'disasterRisk'] as const;

/** The facility's proposals from approval onwards, with the climate investment each prepares. */
export function ClimatePipelineView({
  pipeline,
  headingLevel = 2,
}: {
  pipeline: ClimatePipeline;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useClimateText();
  const format = useFormat();
  const names = useNames();
  const usd = (decimal: string) => format.moneyFull(Number(decimal));
  const Heading = `h${headingLevel}` as const;
  const { totals } = pipeline;
  return (
    <section className="card" aria-labelledby="climate-pipeline">
      <Heading id="climate-pipeline">{t('climate.pipeline.title')}</Heading>
      <p className="note">{t('climate.pipeline.lead')}</p>
      <Figures
        items={[
          { label: t('climate.pipeline.proposals'), value: format.number(totals.proposals) },
          {
            label: t('climate.pipeline.climateProposals'),
            value: format.number(totals.climateProposals),
          },
          {
            label: t('climate.pipeline.investment'),
            value: format.money(Number(totals.investmentUsd)),
          },
          {
            label: t('climate.pipeline.climateInvestment'),
            value: (
              <span data-usd={totals.climateInvestmentUsd}>
                {format.money(Number(totals.climateInvestmentUsd))}
              </span>
            ),
          },
          { label: t('climate.pipeline.grant'), value: format.money(Number(totals.grantUsd)) },
        ]}
      />
      <DataTable
        caption={t('climate.pipeline.title')}
        captionHidden
        rows={pipeline.proposals}
        rowKey={(p) => p.reference}
        empty={t('climate.pipeline.none')}
        columns={[
          { key: 'reference', header: t('climate.pipeline.reference'), cell: (p) => p.reference },
          {
            key: 'title',
            header: t('climate.pipeline.proposal'),
            cell: (p) => (i18n.language === 'ru' && p.title.ru) || p.title.en,
          },
          {
            key: 'state',
            header: t('climate.pipeline.state'),
            cell: (p) => t(`climate.states.${p.state}`),
          },
          {
            key: 'countries',
            header: t('climate.pipeline.countries'),
            cell: (p) => p.countries.map((c) => names.country(c)).join(', '),
          },
          {
            key: 'markers',
            header: t('climate.pipeline.markers'),
            cell: (p) =>
              OBJECTIVES.filter((o) => p.markers[o])
                .map((o) => t(`climate.pipeline.objectives.${o}`))
                .join(', ') || '—',
          },
          {
            key: 'investment',
            header: t('climate.pipeline.investment'),
            numeric: true,
            cell: (p) => usd(p.investmentUsd),
          },
          {
            key: 'share',
            header: t('climate.pipeline.sharePercent'),
            numeric: true,
            cell: (p) => format.percent(p.sharePercent / 100),
          },
          {
            key: 'climate',
            header: t('climate.pipeline.climateInvestment'),
            numeric: true,
            cell: (p) => usd(p.climateInvestmentUsd),
          },
          {
            key: 'grant',
            header: t('climate.pipeline.grant'),
            numeric: true,
            cell: (p) => usd(p.grantUsd),
          },
          {
            key: 'disbursed',
            header: t('climate.pipeline.disbursed'),
            numeric: true,
            cell: (p) => usd(p.disbursedUsd),
          },
        ]}
      />
    </section>
  );
}
