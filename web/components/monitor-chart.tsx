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

export function chartSvg(options: {
  categories: string[];
  series: ChartSeries[];
  stacked: boolean;
  width: number;
  height: number;
}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: options.height });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 64 },
      legend: { top: 4, textStyle: { color: '#222' } },
      xAxis: {
        type: 'category',
        data: options.categories,
        axisLabel: { color: '#222', rotate: options.categories.length > 12 ? 45 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { color: '#222' } },
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
    const svg = chartSvg({ categories, series, stacked, width: 960, height: 320 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [categories, series, stacked]);
  return (
    <img
      className="monitor-chart"
      src={src}
      alt={t('monitor.chartAlt', { title })}
      width={960}
      height={320}
      data-testid={testId}
    />
  );
}
