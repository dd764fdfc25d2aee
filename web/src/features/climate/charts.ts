import {
  barSeries,
  pairedBars,
  TEXT_STYLE,
  tooltip,
  type BarSeries,
} from '../../components/charts.ts';
import type { ChartOption } from '../../components/echarts.ts';
import { GRID, MUTED } from '../../components/palette.ts';

/**
 * The two methods' amounts side by side for each of a few named things: horizontal bars for
 * long names (countries, partners, clusters), vertical ones for years.
 */
export function methodBars({
  names,
  series,
  money,
  vertical = false,
}: {
  names: string[];
  series: BarSeries[];
  money: (value: number) => string;
  vertical?: boolean;
}): ChartOption {
  if (!vertical) return pairedBars({ names, series, format: money });
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
    tooltip: tooltip((name, value, s) => `${s ?? ''}: ${name}<br>${money(value)}`),
    xAxis: {
      type: 'category',
      data: names,
      axisTick: { show: false },
      axisLabel: { color: MUTED },
    },
    yAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => money(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: barSeries(series, { radius: [3, 3, 0, 0], maxWidth: 16 }),
  };
}
