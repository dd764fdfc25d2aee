import { tooltip } from '../../components/charts.ts';
import type { ChartOption } from '../../components/echarts.ts';
import { GRID, MUTED, TEXT } from '../../components/palette.ts';

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
  series: { name: string; values: number[]; color: string }[];
  money: (value: number) => string;
  vertical?: boolean;
}): ChartOption {
  const values = {
    type: 'value' as const,
    splitNumber: 3,
    axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => money(v) },
    splitLine: { lineStyle: { color: GRID } },
  };
  const categories = {
    type: 'category' as const,
    data: names,
    axisTick: { show: false },
    ...(vertical
      ? { axisLabel: { color: MUTED } }
      : { inverse: true, axisLabel: { color: TEXT, width: 160, overflow: 'truncate' as const } }),
  };
  return {
    textStyle: { color: TEXT, fontFamily: 'inherit' },
    animation: false,
    grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
    tooltip: tooltip((name, value, s) => `${s ?? ''}: ${name}<br>${money(value)}`),
    xAxis: vertical ? categories : values,
    yAxis: vertical ? values : categories,
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color, borderRadius: vertical ? [3, 3, 0, 0] : [0, 3, 3, 0] },
      barMaxWidth: 16,
    })),
  };
}
