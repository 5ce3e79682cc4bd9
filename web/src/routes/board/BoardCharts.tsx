import { useMemo } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Empty } from 'antd';
import { Chart } from './Chart';

type Group = { key?: string | null; label?: string | null; reported: number; open: number };
type Day = { from: string; reported: number; resolution: { numerator: number } };

export function Trend({ data }: { data: Record<string, Day | string> | undefined }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const days = Array.from({ length: 7 }, (_, i) => data?.[`d${i}`] as Day | undefined).filter((d): d is Day => !!d);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('board.reported'), t('board.resolved')] },
      grid: { left: 36, right: 12, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: days.map((d) => dayjs(d.from).format('MM-DD')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('board.reported'), type: 'bar', data: days.map((d) => d.reported), itemStyle: { color: '#1d4ed8' } },
        {
          name: t('board.resolved'),
          type: 'line',
          data: days.map((d) => d.resolution.numerator),
          itemStyle: { color: '#15803d' },
        },
      ],
    };
  }, [data, t]);
  return <Chart option={option} height={240} label={t('board.trend')} ready={!!data} />;
}

export function ByCategory({ groups }: { groups: readonly Group[] | undefined }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: ['30%', '55%'],
          data: (groups ?? []).map((g) => ({ name: g.label ?? t('board.none'), value: g.reported })),
          // Category names run to eight characters (商铺续租及装修损失): wrap them rather than cut them
          // to "商..." on a laptop, and drop a label that would overlap another.
          label: { formatter: '{b} {c}', overflow: 'break', width: 84, alignTo: 'edge', edgeDistance: 8 },
          labelLayout: { hideOverlap: true },
        },
      ],
    }),
    [groups, t],
  );
  if (groups && !groups.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 216 }} />;
  return <Chart option={option} height={240} label={t('board.byCategory')} ready={!!groups} />;
}

export function ByChannel({ groups }: { groups: readonly Group[] | undefined }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const g = [...(groups ?? [])].sort((a, b) => a.reported - b.reported);
    const name = (x: Group) =>
      x.key ? t(`enums.channel.${x.key}`, { defaultValue: x.label ?? x.key }) : t('board.none');
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 100, right: 24, top: 12, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: g.map(name) },
      series: [{ type: 'bar', data: g.map((x) => x.reported), itemStyle: { color: '#1d4ed8' } }],
    };
  }, [groups, t]);
  if (groups && !groups.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 216 }} />;
  return <Chart option={option} height={240} label={t('board.byChannel')} ready={!!groups} />;
}
