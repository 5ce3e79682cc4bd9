import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the chart kinds the board draws are bundled, and only into the board's own chunk.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * A thin ECharts host: one instance per element, options replaced as data changes, resized with its box.
 * `data-drawn` appears with the first frame ECharts draws of the data (not the empty frame before it
 * arrived), `data-settled` when its entry animation has ended: the speed measure
 * (web/e2e/board-speed.measure.ts) times both.
 */
export function Chart({
  option,
  height,
  label,
  ready = true,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
  /** false while the data is still on its way */
  ready?: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    if (ready) {
      c.on('rendered', () => el.current?.setAttribute('data-drawn', 'true'));
      c.on('finished', () => el.current?.setAttribute('data-settled', 'true'));
    }
    c.setOption(option, { notMerge: true });
    return () => {
      c.off('rendered');
      c.off('finished');
    };
  }, [option, ready]);
  return <div ref={el} role="img" aria-label={label} data-chart style={{ width: '100%', height }} />;
}
