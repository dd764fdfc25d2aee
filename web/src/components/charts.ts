import type { ChartOption } from './echarts.ts';
import { GRID, MUTED, TEXT } from './palette.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Tooltips are HTML: names from data are escaped, and no inline styles (the CSP refuses them). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function tooltip(format: (name: string, value: number, series?: string) => string) {
  return {
    trigger: 'item' as const,
    confine: true,
    formatter: (params: unknown) => {
      const p = params as { name: string; value: number | number[]; seriesName?: string };
      const value = Array.isArray(p.value) ? Number(p.value[p.value.length - 1]) : Number(p.value);
      return format(escapeHtml(p.name), value, p.seriesName && escapeHtml(p.seriesName));
    },
  };
}

export const TEXT_STYLE = { color: TEXT, fontFamily: 'inherit' };

/** The axes of horizontal bars: amounts along, long names down the side, first at the top. */
export function horizontalAxes(
  names: string[],
  format: (value: number) => string,
): Pick<ChartOption, 'xAxis' | 'yAxis'> {
  return {
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
  };
}

/** Horizontal bars, largest first at the top: for categories with long names. */
export function horizontalBars({
  names,
  values,
  color,
  money,
  seriesName,
}: {
  names: string[];
  values: number[];
  color: string;
  money: (value: number) => string;
  seriesName: string;
}): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    // Drawn at once: figures are read, not watched, and motion helps no one here.
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: tooltip((name, value) => `${name}<br>${money(value)}`),
    ...horizontalAxes(names, money),
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: values,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          color: MUTED,
          formatter: (p) => money(Number(p.value)),
        },
        cursor: 'pointer',
      },
    ],
  };
}

/** A named, coloured series of amounts. */
export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** Bar series for several amounts side by side, rounded at the end the bars grow towards. */
export function barSeries(
  series: BarSeries[],
  { radius, maxWidth }: { radius?: [number, number, number, number]; maxWidth: number },
) {
  return series.map((s) => ({
    type: 'bar' as const,
    name: s.name,
    data: s.values,
    itemStyle: radius ? { color: s.color, borderRadius: radius } : { color: s.color },
    barMaxWidth: maxWidth,
  }));
}

/** Commitments and disbursements by year, side by side. */
export function yearlyBars({
  years,
  series,
  money,
}: {
  years: number[];
  series: BarSeries[];
  money: (value: number) => string;
}): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    tooltip: tooltip((name, value, s) => `${s ?? ''} ${name}<br>${money(value)}`),
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: { color: MUTED },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: MUTED, formatter: (v: number) => money(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: barSeries(series, { maxWidth: 18 }),
  };
}

/**
 * Two amounts side by side for each of a few named things (pledged and received by
 * contributor, the two climate methods by country), as horizontal bars for long names.
 */
export function pairedBars({
  names,
  series,
  format,
}: {
  names: string[];
  series: BarSeries[];
  format: (value: number) => string;
}): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: tooltip((name, value, seriesName) => `${seriesName}: ${name}<br>${format(value)}`),
    ...horizontalAxes(names, format),
    series: barSeries(series, { radius: [0, 3, 3, 0], maxWidth: 16 }),
  };
}
