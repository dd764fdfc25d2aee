import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from '../../app/router.tsx';
import { ChartFigure } from '../../components/ChartFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { horizontalBars } from '../../components/charts.ts';
import { useFormat } from '../../app/format.ts';

export interface AmountRow {
  key: string;
  name: string;
  value: number;
  /** The page the row's name and bar lead to. */
  href?: string;
}

/** Amounts by category as horizontal bars (the largest few), and all of them as a table. */
export function AmountBars({
  id,
  title,
  description,
  rows,
  color,
  valueLabel,
  nameLabel,
  limit = 10,
}: {
  id: string;
  title: string;
  description?: string;
  rows: AmountRow[];
  color: string;
  valueLabel: string;
  nameLabel: string;
  limit?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const shown = rows.slice(0, limit);
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  const option = useMemo(
    () =>
      horizontalBars({
        names: shown.map((r) => r.name),
        values: shown.map((r) => r.value),
        color,
        money: format.money,
        seriesName: valueLabel,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` is derived from rows and limit
    [rows, limit, color, format, valueLabel],
  );
  const others = rows.length - shown.length;
  return (
    <ChartFigure
      id={id}
      title={title}
      {...(description ? { description } : {})}
      option={option}
      height={Math.max(160, shown.length * 34 + 24)}
      onClick={(click) => {
        const href = shown[click.dataIndex]?.href;
        if (href) void navigate(href);
      }}
      footer={others > 0 ? <p className="note">{t('charts.more', { count: others })}</p> : null}
      table={
        <DataTable
          caption={title}
          captionHidden
          columns={[
            {
              key: 'name',
              header: nameLabel,
              cell: (r) => (r.href ? <Link to={r.href}>{r.name}</Link> : r.name),
            },
            {
              key: 'value',
              header: valueLabel,
              numeric: true,
              cell: (r) => format.moneyFull(r.value),
            },
            {
              key: 'share',
              header: t('common.share'),
              numeric: true,
              cell: (r) => format.percent(total ? r.value / total : 0),
            },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
          empty={t('common.none')}
        />
      }
    />
  );
}
