import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../components/ChartFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { yearlyBars } from '../../components/charts.ts';
import { useFormat } from '../../app/format.ts';

export interface YearSeries {
  name: string;
  color: string;
  /** Value by year. */
  values: ReadonlyMap<number, number>;
}

/** Amounts over the years, one bar per series and year, and the same as a table. */
export function YearChart({
  id,
  title,
  series,
}: {
  id: string;
  title: string;
  series: YearSeries[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const years = useMemo(() => {
    const all = series.flatMap((s) => [...s.values.keys()]);
    if (all.length === 0) return [];
    const first = Math.min(...all);
    const last = Math.max(...all);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }, [series]);
  const option = useMemo(
    () =>
      yearlyBars({
        years,
        series: series.map((s) => ({
          name: s.name,
          color: s.color,
          values: years.map((y) => s.values.get(y) ?? 0),
        })),
        money: format.money,
      }),
    [years, series, format],
  );
  return (
    <ChartFigure
      id={id}
      title={title}
      option={option}
      legend={series.map((s) => ({ name: s.name, color: s.color }))}
      table={
        <DataTable
          caption={title}
          captionHidden
          columns={[
            { key: 'year', header: t('common.year'), cell: (y: number) => y },
            ...series.map((s) => ({
              key: s.name,
              header: s.name,
              numeric: true,
              cell: (y: number) => format.moneyFull(s.values.get(y) ?? 0),
            })),
          ]}
          rows={years}
          rowKey={(y) => String(y)}
          empty={t('common.none')}
        />
      }
    />
  );
}
