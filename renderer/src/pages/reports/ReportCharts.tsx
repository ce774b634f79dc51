import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { StatisticsReport } from '../../../../domain/statistics/compute-report';
import { uiText } from '../../i18n/zh-CN';

// Only what the two charts use: ECharts builds its charts without eval, and the canvas
// renderer needs no inline <style>, so it runs under the renderer's strict CSP.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const t = uiText.reports;

// ECharts 6 puts the legend at the bottom by default, where it ran into the month labels: both
// charts keep it above the plot, where the grid's top margin leaves room for it.
const LEGEND = { top: 0, data: [t.seriesCases, t.seriesSuccess] };

function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}

/** Cases and successes by category (main rows only) and by month of the period. */
export default function ReportCharts({ report }: { report: StatisticsReport }) {
  const rows = report.categoryRows.filter((r) => !r.sub);
  const casesAt = report.categoryMeasures.findIndex((m) => m.label === '调解案件数');
  const successAt = report.categoryMeasures.findIndex((m) => m.label === '调解成功数');
  const byCategory = useChart({
    tooltip: { trigger: 'axis' },
    legend: LEGEND,
    grid: { left: 40, right: 16, bottom: 90, top: 36 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label.replace('纠纷', '')),
      axisLabel: { rotate: 45, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t.seriesCases, type: 'bar', data: rows.map((r) => r.values[casesAt] ?? 0) },
      { name: t.seriesSuccess, type: 'bar', data: rows.map((r) => r.values[successAt] ?? 0) },
    ],
  });
  const byMonth = useChart({
    tooltip: { trigger: 'axis' },
    legend: LEGEND,
    grid: { left: 40, right: 16, bottom: 40, top: 36 },
    xAxis: { type: 'category', data: report.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t.seriesCases, type: 'bar', data: report.byMonth.map((m) => m.cases) },
      { name: t.seriesSuccess, type: 'line', data: report.byMonth.map((m) => m.success) },
    ],
  });
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 480px' }}>
        <h4>{t.chartCategory}</h4>
        <div ref={byCategory} data-testid="chart-category" style={{ height: 320 }} />
      </div>
      <div style={{ flex: '1 1 360px' }}>
        <h4>{t.chartMonth}</h4>
        <div ref={byMonth} data-testid="chart-month" style={{ height: 320 }} />
      </div>
    </div>
  );
}
