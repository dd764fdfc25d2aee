import { useEffect, useRef, useState } from 'react';
import type { ChartOption, ECharts } from './echarts.ts';

export interface ChartClick {
  name: string;
  dataIndex: number;
  componentType: string;
  seriesName?: string;
}

// Fetched as soon as a page with charts loads, in parallel with the page's data.
const echarts = import('./echarts.ts');

/**
 * One ECharts canvas. ECharts itself is loaded with the first chart, beside the page's own code.
 * When drawn, it sets `data-drawn` and a performance mark (`caravan:drawn:ID`) that the browser
 * tests and the web benchmark wait for.
 */
export function EChart({
  id,
  option,
  label,
  height,
  onClick,
}: {
  id: string;
  option: ChartOption;
  label: string;
  height: number;
  onClick?: (click: ChartClick) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    void echarts.then((lib) => {
      if (disposed || !container.current) return;
      instance = lib.init(container.current, undefined, { renderer: 'canvas' });
      instance.on('click', (params) => clickRef.current?.(params as unknown as ChartClick));
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(container.current);
      setChart(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!chart) return;
    const element = container.current;
    const drawn = () => {
      if (element && !element.dataset['drawn']) {
        element.dataset['drawn'] = 'true';
        performance.mark(`caravan:drawn:${id}`);
      }
    };
    chart.on('finished', drawn);
    chart.setOption(option, true);
    return () => {
      chart.off('finished', drawn);
    };
  }, [chart, option, id]);

  return (
    <div
      ref={container}
      className="echart"
      data-chart={id}
      role="img"
      aria-label={label}
      style={{ height }}
    />
  );
}
