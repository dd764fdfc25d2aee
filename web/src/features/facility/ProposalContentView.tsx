import { useTranslation } from 'react-i18next';
import { useCodeNames } from '../../app/codes.ts';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { ProposalContent } from './api.ts';
import { useMoney } from './money.ts';
import { useFacilityText } from './text.ts';

/** The proposal as its focal point wrote it, in the reader's language where it was given. */
export function ProposalContentView({ content }: { content: ProposalContent }) {
  const { t } = useFacilityText();
  const { i18n } = useTranslation();
  const ru = i18n.language === 'ru';
  const names = useNames();
  const codes = useCodeNames();
  const money = useMoney();
  const format = useFormat();
  const summary = (ru && content.summary?.ru) || content.summary?.en;
  const climate = content.climate;
  const markers = climate
    ? (['mitigation', 'adaptation', 'disasterRisk'] as const).filter((m) => climate[m])
    : [];
  return (
    <section className="card" aria-labelledby="proposal-content">
      <h2 id="proposal-content">{t('facility.proposal.content')}</h2>
      {summary ? <p className="description">{summary}</p> : null}
      <dl className="summary-list">
        <dt>{t('facility.form.countries')}</dt>
        <dd>{content.countries.map((c) => names.country(c)).join(', ')}</dd>
        <dt>{t('facility.form.cluster')}</dt>
        <dd>{content.cluster ? names.cluster(content.cluster) : '—'}</dd>
        <dt>{t('facility.form.sectors')}</dt>
        <dd>
          {content.sectors?.length
            ? content.sectors
                .map((s) => `${codes.sector(s.code)} (${format.number(s.percentage)}%)`)
                .join('; ')
            : '—'}
        </dd>
        {climate ? (
          <>
            <dt>{t('facility.form.markers')}</dt>
            <dd>
              {markers.length ? markers.map((m) => t(`facility.markers.${m}`)).join(', ') : '—'}
              {' · '}
              {t('facility.proposal.climateShare', { share: format.number(climate.sharePercent) })}
            </dd>
            <dt>{t('facility.form.climateRationale')}</dt>
            <dd className="description">{climate.rationale}</dd>
          </>
        ) : null}
        {content.sustainableDevelopment ? (
          <>
            <dt>{t('facility.form.sustainable')}</dt>
            <dd className="description">{content.sustainableDevelopment}</dd>
          </>
        ) : null}
        {content.regionalBenefit ? (
          <>
            <dt>{t('facility.form.regionalBenefit')}</dt>
            <dd className="description">{content.regionalBenefit}</dd>
          </>
        ) : null}
        {content.investment ? (
          <>
            <dt>{t('facility.form.investment')}</dt>
            <dd>
              {content.investment.description} · {money.usd(content.investment.sizeUsd)} ·{' '}
              {names.partner(content.investment.likelyFinancier)}
            </dd>
          </>
        ) : null}
      </dl>
      <DataTable
        caption={t('facility.form.preparation')}
        rows={content.preparation ?? []}
        rowKey={(_, i) => String(i)}
        empty={t('facility.none')}
        columns={[
          {
            key: 'kind',
            header: t('facility.form.kind'),
            cell: (p) => t(`facility.kinds.${p.kind}`),
          },
          {
            key: 'description',
            header: t('facility.form.description'),
            cell: (p) => p.description,
          },
          {
            key: 'dates',
            header: t('facility.proposal.dates'),
            cell: (p) => `${format.date(p.start)} – ${format.date(p.end)}`,
          },
          {
            key: 'budget',
            header: t('facility.form.budget'),
            numeric: true,
            cell: (p) => money.usd(p.budgetUsd),
          },
        ]}
      />
      {content.cofinancing?.length ? (
        <DataTable
          caption={t('facility.form.cofinancing')}
          rows={content.cofinancing}
          rowKey={(_, i) => String(i)}
          columns={[
            {
              key: 'source',
              header: t('facility.proposal.source'),
              cell: (c) => names.partner(c.source),
            },
            {
              key: 'amount',
              header: t('facility.form.amount'),
              numeric: true,
              cell: (c) => money.usd(c.amountUsd),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
