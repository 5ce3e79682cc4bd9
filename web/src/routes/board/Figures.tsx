import { Card, Col, Row, Statistic, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { WARNING_COLOR } from '../../app/time';
import type { BoardRatioFragment } from '../../gql/graphql';

const KPIS = ['sameDayAcceptance', 'onSiteResolution', 'resolution', 'onTime', 'backflow'] as const;
type Kpi = (typeof KPIS)[number];
type Figs = Partial<Record<Kpi, BoardRatioFragment>> & { reported: number };

const pct = (r: BoardRatioFragment) =>
  r.rate === null || r.rate === undefined ? '—' : `${(r.rate * 100).toFixed(2)}%`;

/** A rate as the API gives it: numerator / denominator on hover, the API's low-confidence mark. */
export function RatioText({ r }: { r: BoardRatioFragment }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('board.ratio', { n: r.numerator, d: r.denominator })}>
      <span tabIndex={0} data-ratio={`${r.numerator}/${r.denominator}`}>
        {pct(r)}
        {r.lowConfidence && (
          <Tooltip title={t('board.lowConfidenceHint')}>
            <Tag style={{ marginInlineStart: 6 }}>{t('board.lowConfidence')}</Tag>
          </Tooltip>
        )}
      </span>
    </Tooltip>
  );
}

export function Figures({ data }: { data: Figs | undefined }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8} xl={4}>
        <Card size="small">
          <Statistic title={t('board.kpi.reportedCount')} value={data?.reported ?? '—'} />
        </Card>
      </Col>
      {KPIS.map((k) => (
        <Col key={k} xs={12} md={8} xl={4}>
          <Card size="small" data-kpi={k}>
            <Statistic title={t(`board.kpi.${k}`)} valueRender={() => (data?.[k] ? <RatioText r={data[k]} /> : '—')} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type Town = {
  tenant: { id: string; name: string };
  metrics: Omit<Figs, 'onTime'> & { openByWarning: { red: number; yellow: number; green: number } };
};

/** A county's towns, one row each: aggregates the API computed inside each town; never a case. */
export function TownTable({ data }: { data: readonly Town[] | undefined | null }) {
  const { t } = useTranslation();
  if (!data?.length) return null;
  const ratio = (k: Exclude<Kpi, 'onTime'>) => ({
    title: t(`board.kpi.${k}`),
    render: (_: unknown, r: Town) => (r.metrics[k] ? <RatioText r={r.metrics[k]} /> : '—'),
  });
  return (
    <Card size="small" title={t('board.towns')} style={{ marginTop: 16 }} data-testid="towns">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.tenant.id}
        dataSource={[...data]}
        columns={[
          { title: t('board.town'), render: (_, r) => r.tenant.name },
          { title: t('board.kpi.reportedCount'), align: 'right', render: (_, r) => r.metrics.reported },
          ratio('sameDayAcceptance'),
          ratio('onSiteResolution'),
          ratio('resolution'),
          ratio('backflow'),
          {
            title: t('board.open'),
            render: (_, r) => (
              <>
                <Tag color={WARNING_COLOR['RED']}>
                  {t('board.red')} {r.metrics.openByWarning.red}
                </Tag>
                <Tag color={WARNING_COLOR['YELLOW']}>
                  {t('board.yellow')} {r.metrics.openByWarning.yellow}
                </Tag>
                <Tag color={WARNING_COLOR['GREEN']}>
                  {t('board.green')} {r.metrics.openByWarning.green}
                </Tag>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
