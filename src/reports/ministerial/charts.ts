/**
 * Charts as inline SVG, drawn on the server: no script, no external file, presentation
 * attributes only (the page's Content-Security-Policy allows no style attributes), so they
 * print to PDF as they show on screen.
 */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const PALETTE = ['#1f6f8b', '#e07a1f', '#4c9a2a', '#8e44ad', '#c0392b', '#7f8c8d'];

export interface Bar {
  label: string;
  values: number[];
}

export interface ChartOptions {
  /** What the chart shows, for screen readers and as its title. */
  title: string;
  series: string[];
  format: (value: number) => string;
}

const trim = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function legend(series: readonly string[], y: number): string {
  return series
    .map(
      (name, i) =>
        `<rect x="${10 + i * 190}" y="${y}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>` +
        `<text x="${28 + i * 190}" y="${y + 10}" font-size="11">${escapeHtml(trim(name, 28))}</text>`,
    )
    .join('');
}

/** Horizontal bars, one group per label and one bar per series, values written beside them. */
export function barChart(bars: readonly Bar[], options: ChartOptions): string {
  const width = 720;
  const labelWidth = 250;
  const valueWidth = 110;
  const barHeight = 14;
  const groupHeight = options.series.length * barHeight + 8;
  const top = options.series.length > 1 ? 24 : 6;
  const height = top + bars.length * groupHeight + 6;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const scale = (width - labelWidth - valueWidth) / max;
  const rows = bars
    .map((bar, i) => {
      const y = top + i * groupHeight;
      const label = `<text x="${labelWidth - 6}" y="${y + groupHeight / 2}" font-size="11" text-anchor="end" dominant-baseline="middle">${escapeHtml(trim(bar.label, 38))}</text>`;
      const rects = bar.values
        .map((value, s) => {
          const w = Math.max(0, value * scale);
          const by = y + s * barHeight + 2;
          return (
            `<rect x="${labelWidth}" y="${by}" width="${w.toFixed(1)}" height="${barHeight - 3}" fill="${PALETTE[s % PALETTE.length]}"/>` +
            `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${by + barHeight / 2}" font-size="10" dominant-baseline="middle">${escapeHtml(options.format(value))}</text>`
          );
        })
        .join('');
      return label + rects;
    })
    .join('');
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${escapeHtml(options.title)}</title>` +
    (options.series.length > 1 ? legend(options.series, 4) : '') +
    rows +
    '</svg>'
  );
}

/** Vertical columns over time (years), one per series, with a light grid and axis labels. */
export function columnChart(bars: readonly Bar[], options: ChartOptions): string {
  const width = 720;
  const height = 260;
  const left = 70;
  const bottom = 30;
  const top = 28;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const slot = (width - left - 10) / Math.max(1, bars.length);
  const barWidth = Math.max(2, (slot - 4) / options.series.length);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const y = top + plotHeight * (1 - f);
      return (
        `<line x1="${left}" x2="${width - 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#dddddd" stroke-width="1"/>` +
        `<text x="${left - 6}" y="${y.toFixed(1)}" font-size="10" text-anchor="end" dominant-baseline="middle">${escapeHtml(options.format(max * f))}</text>`
      );
    })
    .join('');
  const columns = bars
    .map((bar, i) => {
      const x = left + i * slot + 2;
      const rects = bar.values
        .map((value, s) => {
          const h = (Math.max(0, value) / max) * plotHeight;
          return `<rect x="${(x + s * barWidth).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[s % PALETTE.length]}"/>`;
        })
        .join('');
      const label =
        bars.length <= 16 || i % 2 === 0
          ? `<text x="${(x + slot / 2 - 2).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(bar.label)}</text>`
          : '';
      return rects + label;
    })
    .join('');
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${escapeHtml(options.title)}</title>` +
    legend(options.series, 4) +
    grid +
    columns +
    '</svg>'
  );
}

/** A small filled circle in the status colour, for the scorecard. */
export function statusDot(
  status: 'on_track' | 'at_risk' | 'off_track' | 'no_data',
  label: string,
): string {
  const fill = {
    on_track: '#2e8b57',
    at_risk: '#e0a800',
    off_track: '#c0392b',
    no_data: '#c8c8c8',
  }[status];
  return `<svg class="dot" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 12 12" width="12" height="12"><title>${escapeHtml(label)}</title><circle cx="6" cy="6" r="5" fill="${fill}"/></svg>`;
}
