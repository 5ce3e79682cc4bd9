import { useEffect, useRef, useState } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';

/**
 * ECharts is most of the board's code (565 kB of its 580). Loaded when the first chart has mounted,
 * not with the board's module: the board renders and sends its queries first, and the browser
 * parses the charts while the API answers (measured in web/e2e/board-speed.measure.ts).
 */
let echartsModule: Promise<typeof import('./echarts-setup')> | null = null;
const echartsReady = () => (echartsModule ??= import('./echarts-setup'));

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
  const [chart, setChart] = useState<ECharts | null>(null);
  useEffect(() => {
    let c: ECharts | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    void echartsReady().then(({ echarts }) => {
      if (gone || !el.current) return;
      c = echarts.init(el.current);
      const inst = c;
      ro = new ResizeObserver(() => inst.resize());
      ro.observe(el.current);
      setChart(c);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      c?.dispose();
    };
  }, []);
  useEffect(() => {
    if (!chart) return;
    if (ready) {
      chart.on('rendered', () => el.current?.setAttribute('data-drawn', 'true'));
      chart.on('finished', () => el.current?.setAttribute('data-settled', 'true'));
    }
    chart.setOption(option, { notMerge: true });
    return () => {
      chart.off('rendered');
      chart.off('finished');
    };
  }, [chart, option, ready]);
  return <div ref={el} role="img" aria-label={label} data-chart style={{ width: '100%', height }} />;
}
