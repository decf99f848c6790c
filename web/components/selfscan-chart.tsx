// One chart of the self-scan (ECharts, canvas) with the same numbers as an accessible table and a CSV download.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { chartCsv } from '../pages/selfscan-data.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartData {
  /** One category per goal or phase (short label) with its full name for the table. */
  categories: { label: string; name: string }[];
  /** One series per school year; null where that year has no score. */
  series: { name: string; values: (number | null)[] }[];
}

export function SelfscanChart({
  title,
  data,
  filename,
  testId,
}: {
  title: string;
  data: ChartData;
  filename: string;
  testId: string;
}) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const captionId = useId();

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 60 },
      xAxis: {
        type: 'category',
        data: data.categories.map((c) => c.label),
        axisLabel: { rotate: data.categories.length > 8 ? 60 : 0, fontSize: 10 },
      },
      yAxis: { type: 'value', min: 0, max: 10 },
      series: data.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);

  const download = () => {
    const blob = new Blob([chartCsv(data, t('selfscan.chart.category'))], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <figure className="selfscan-chart" data-testid={testId} data-series={data.series.map((s) => s.name).join(',')}>
      <figcaption id={captionId}>{title}</figcaption>
      <div ref={element} className="selfscan-chart__canvas" role="img" aria-labelledby={captionId} />
      <details>
        <summary>{t('selfscan.chart.table')}</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid={`${testId}-table`}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('selfscan.chart.category')}</th>
                {data.series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.categories.map((category, index) => (
                <tr key={category.label}>
                  <th scope="row">
                    {category.label} {category.name}
                  </th>
                  {data.series.map((s) => (
                    <td key={s.name}>{s.values[index] ?? '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <button type="button" className="button button--secondary button--small" onClick={download}>
        {t('selfscan.chart.csv')}
      </button>
    </figure>
  );
}
