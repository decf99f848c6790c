// One chart of the monitor, drawn by ECharts to an SVG string (its server-side renderer, run in the browser) and
// shown as an image: nothing is injected into the page, so the strict CSP (no inline styles) holds. Every chart
// comes with its data as a table and a CSV download (ChartTable).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Colours per official code, readable on white and distinct for common colour-vision deficiencies. */
const CODE_COLOURS: Record<string, string> = {
  B: '#b2182b',
  Z: '#2166ac',
  R: '#5e3c99',
  P: '#e08214',
  H: '#1b7837',
  M: '#8c510a',
  '*': '#404040',
};
const FALLBACK = ['#4d4d4d', '#878787', '#35978f', '#c51b7d'];

export interface ChartSeries {
  name: string;
  /** Code for the colour, or null for a neutral line (e.g. the previous school year). */
  code: string | null;
  kind: 'bar' | 'line';
  values: (number | null)[];
}

/** Axis and legend text in px of the 960 px wide image: still about 12 px when the image is shown 800 px wide. */
const LABEL_SIZE = 14;
/** Bars per row when a chart lies on its side, in px. */
const ROW_HEIGHT = 30;

/** Long category names (rule titles) read better as a horizontal bar chart with the names on the left. */
export function isHorizontal(categories: readonly string[]): boolean {
  return categories.some((category) => category.length > 16);
}

/** The image height: 360 px, or enough rows for a horizontal chart. */
export function chartHeight(categories: readonly string[]): number {
  return isHorizontal(categories) ? Math.max(360, 80 + categories.length * ROW_HEIGHT) : 360;
}

export function chartSvg(options: {
  categories: string[];
  series: ChartSeries[];
  stacked: boolean;
  width: number;
  height: number;
}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: options.height });
  const horizontal = isHorizontal(options.categories);
  const rotated = options.categories.length > 12;
  const categoryAxis = {
    type: 'category' as const,
    data: options.categories,
    inverse: horizontal,
    axisLabel: { color: '#222', fontSize: LABEL_SIZE, width: horizontal ? 320 : undefined, overflow: 'break' as const },
  };
  const valueAxis = { type: 'value' as const, axisLabel: { color: '#222', fontSize: LABEL_SIZE } };
  try {
    chart.setOption({
      animation: false,
      grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
      legend: { top: 4, textStyle: { color: '#222', fontSize: LABEL_SIZE } },
      ...(horizontal
        ? { yAxis: categoryAxis, xAxis: valueAxis }
        : {
            xAxis: { ...categoryAxis, axisLabel: { ...categoryAxis.axisLabel, rotate: rotated ? 45 : 0 } },
            yAxis: valueAxis,
          }),
      series: options.series.map((s, index) => ({
        name: s.name,
        type: s.kind,
        data: s.values,
        stack: s.kind === 'bar' && options.stacked ? 'codes' : undefined,
        itemStyle: { color: s.code ? (CODE_COLOURS[s.code] ?? FALLBACK[index % FALLBACK.length]) : '#111' },
        lineStyle: s.kind === 'line' ? { type: 'dashed', width: 2, color: '#111' } : undefined,
        symbol: 'circle',
        symbolSize: 4,
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function MonitorChart({
  title,
  categories,
  series,
  stacked = true,
  testId,
}: {
  title: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const src = useMemo(() => {
    const svg = chartSvg({ categories, series, stacked, width: 960, height: chartHeight(categories) });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [categories, series, stacked]);
  return (
    <img
      className="monitor-chart"
      src={src}
      alt={t('monitor.chartAlt', { title })}
      width={960}
      height={chartHeight(categories)}
      data-testid={testId}
    />
  );
}
