import { useMemo } from 'react';
import { Link } from '../../app/router.tsx';
import { useFormat } from '../../app/format.ts';
import { ChartFigure } from '../../components/ChartFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SERIES } from '../../components/palette.ts';
import { dimensionOf, type ClimateAnswer, type ClimateDimension, type ClimateRow } from './api.ts';
import { methodBars } from './charts.ts';
import { useClimateText } from './text.ts';

export const MARKERS_COLOUR = SERIES[2]!;
export const COMPONENTS_COLOUR = SERIES[0]!;

/** Rows shown as bars; the rest are in the table. */
const CHART_ROWS = 12;

/**
 * Climate finance by one dimension in both methods: bars for the largest rows (every year),
 * and a table of every row with the portfolio beside it and each method's share of it.
 */
export function ClimateBreakdown({
  id,
  title,
  dimension,
  answer,
  nameOf,
  hrefOf,
  description,
}: {
  id: string;
  title: string;
  dimension: ClimateDimension;
  answer: ClimateAnswer;
  nameOf: (row: ClimateRow) => string;
  hrefOf?: (row: ClimateRow) => string | null;
  description?: string;
}) {
  const { t } = useClimateText();
  const format = useFormat();
  const vertical = dimension === 'year';
  const rows = useMemo(
    () =>
      vertical
        ? [...answer.rows].sort(
            (a, b) => Number(dimensionOf(a, 'year')) - Number(dimensionOf(b, 'year')),
          )
        : [...answer.rows].sort(
            (a, b) =>
              Number(b.markers.climate) - Number(a.markers.climate) ||
              Number(b.portfolio) - Number(a.portfolio),
          ),
    [answer, vertical],
  );
  const shown = vertical ? rows : rows.slice(0, CHART_ROWS);
  const markers = t('climate.methods.markersShort');
  const components = t('climate.methods.componentsShort');
  const option = useMemo(
    () =>
      methodBars({
        names: shown.map(nameOf),
        series: [
          {
            name: markers,
            values: shown.map((r) => Number(r.markers.climate)),
            color: MARKERS_COLOUR,
          },
          {
            name: components,
            values: shown.map((r) => Number(r.components.climate)),
            color: COMPONENTS_COLOUR,
          },
        ],
        money: format.money,
        vertical,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` and nameOf follow rows and the language
    [rows, markers, components, format, vertical],
  );
  const usd = (decimal: string) => format.moneyFull(Number(decimal));
  const share = (percent: number) => format.percent(percent / 100);
  const others = rows.length - shown.length;
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description ?? t('climate.byNote')}
      option={option}
      height={vertical ? 300 : Math.max(160, shown.length * 40 + 32)}
      legend={[
        { name: markers, color: MARKERS_COLOUR },
        { name: components, color: COMPONENTS_COLOUR },
      ]}
      footer={others > 0 ? <p className="note">{t('charts.more', { count: others })}</p> : null}
      table={
        <DataTable
          caption={title}
          captionHidden
          rows={rows}
          rowKey={(r) => String(dimensionOf(r, dimension))}
          empty={t('common.none')}
          columns={[
            {
              key: 'name',
              header: t(`common.${dimension}`),
              cell: (r) => {
                const href = hrefOf?.(r);
                return href ? <Link to={href}>{nameOf(r)}</Link> : nameOf(r);
              },
            },
            {
              key: 'portfolio',
              header: t('climate.amounts.portfolio'),
              numeric: true,
              cell: (r) => usd(r.portfolio),
            },
            {
              key: 'markers',
              header: markers,
              numeric: true,
              cell: (r) => usd(r.markers.climate),
            },
            {
              key: 'markersShare',
              header: `${markers}: ${t('common.share')}`,
              numeric: true,
              cell: (r) => share(r.markers.sharePercent),
            },
            {
              key: 'components',
              header: components,
              numeric: true,
              cell: (r) => usd(r.components.climate),
            },
            {
              key: 'componentsShare',
              header: `${components}: ${t('common.share')}`,
              numeric: true,
              cell: (r) => share(r.components.sharePercent),
            },
          ]}
        />
      }
    />
  );
}
