import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlParam } from '../app/url.ts';
import { EChart, type ChartClick } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';

/** Which figures show their table instead of their chart, kept in the URL as `tables=a,b`. */
function useTableView(id: string): [boolean, (table: boolean) => void] {
  const [value, setValue] = useUrlParam('tables');
  const ids = new Set((value ?? '').split(',').filter(Boolean));
  const set = (table: boolean) => {
    if (table) ids.add(id);
    else ids.delete(id);
    setValue([...ids].sort().join(','));
  };
  return [ids.has(id), set];
}

/** A chart with its title and its table alternative, one button away. */
export function ChartFigure({
  id,
  title,
  description,
  option,
  drawing,
  table,
  height = 320,
  legend,
  onClick,
  footer,
}: {
  id: string;
  title: string;
  description?: string;
  /** An ECharts option, or a drawing of the page's own (the map). */
  option?: ChartOption;
  drawing?: ReactNode;
  table: ReactNode;
  height?: number;
  onClick?: (click: ChartClick) => void;
  footer?: ReactNode;
  /** Series names with their colours, shown above the chart. */
  legend?: { name: string; color: string }[];
}) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useTableView(id);
  const headingId = `figure-${id}`;
  return (
    <figure className="card figure" aria-labelledby={headingId}>
      <div className="figure-head">
        <h2 id={headingId}>{title}</h2>
        <div className="view-switch" role="group" aria-label={t('charts.view')}>
          <button type="button" aria-pressed={!showTable} onClick={() => setShowTable(false)}>
            {t('charts.chart')}
          </button>
          <button type="button" aria-pressed={showTable} onClick={() => setShowTable(true)}>
            {t('charts.table')}
          </button>
        </div>
      </div>
      {description ? <p className="figure-description">{description}</p> : null}
      {legend && !showTable ? (
        <ul className="legend" aria-hidden="true">
          {legend.map((l) => (
            <li key={l.name}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" rx="2" fill={l.color} />
              </svg>
              {l.name}
            </li>
          ))}
        </ul>
      ) : null}
      {showTable ? (
        table
      ) : drawing ? (
        drawing
      ) : (
        <EChart
          id={id}
          option={option ?? {}}
          label={`${title}. ${t('charts.tableHint')}`}
          height={height}
          {...(onClick ? { onClick } : {})}
        />
      )}
      {footer}
    </figure>
  );
}
