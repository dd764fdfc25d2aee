// Only the parts of ECharts the pages draw (bars on a grid, tooltips, canvas), so the home page
// stays small; the map is SVG drawn by the page itself.
import { init, use as install, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

install([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption
>;

export { init, type ECharts };
