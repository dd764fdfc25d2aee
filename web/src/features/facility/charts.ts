import { escapeHtml } from '../../components/charts.ts';
import type { ChartOption } from '../../components/echarts.ts';
import { GRID, MUTED, TEXT } from '../../components/palette.ts';

/**
 * Two amounts side by side for each of a few named things (pledged and received by
 * contributor, committed and disbursed by country), as horizontal bars for long names.
 */
export function pairedBars({
  names,
  series,
  format,
}: {
  names: string[];
  series: { name: string; values: number[]; color: string }[];
  format: (value: number) => string;
}): ChartOption {
  return {
    textStyle: { color: TEXT, fontFamily: 'inherit' },
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const p = params as { name: string; value: number; seriesName: string };
        return `${escapeHtml(p.seriesName)}: ${escapeHtml(p.name)}<br>${format(Number(p.value))}`;
      },
    },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { color: TEXT, width: 180, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      barMaxWidth: 16,
    })),
  };
}
