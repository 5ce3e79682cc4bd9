import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Layout,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import './board-i18n';
import { chooseTenant, currentTenant, signIn, token } from '../../app/auth';
import { client } from '../../app/apollo';
import { ME } from '../../app/Shell';
import { useUnitTree } from '../../app/lookups';
import { fmt, timeLeft, WARNING_COLOR } from '../../app/time';
import { ExportMenu } from '../../app/ExportMenu';
import {
  BOARD_DUTY,
  BOARD_FIGURES,
  BOARD_SUPERVISE,
  BOARD_TOWNS,
  BOARD_TREND,
  BOARD_WARNINGS,
} from './board-documents';
import { useBoardLive } from './live';
import { UnitTreeDocument } from '../../gql/graphql';
import { Figures, TownTable } from './Figures';
import { ByCategory, ByChannel, Trend } from './BoardCharts';
import { DutyPanel } from './DutyPanel';

type Period = 'today' | 'week' | 'month' | 'year';
const periodStart = (p: Period) =>
  p === 'today'
    ? dayjs().startOf('day')
    : p === 'week'
      ? dayjs().startOf('day').subtract(6, 'day')
      : dayjs().startOf(p === 'month' ? 'month' : 'year');

/** The trend's seven local days up to today, as variables (stable within a day). */
function trendDays() {
  const start = dayjs().startOf('day').subtract(6, 'day');
  return Object.fromEntries(
    Array.from({ length: 7 }, (_, i) => [
      `d${i}`,
      { from: start.add(i, 'day').toISOString(), to: start.add(i + 1, 'day').toISOString() },
    ]),
  ) as Record<`d${0 | 1 | 2 | 3 | 4 | 5 | 6}`, { from: string; to: string }>;
}

/**
 * The board's first queries whose variables do not depend on the screen's state go out as its
 * module loads, not after its first render (~400 ms of React and Ant Design on a busy CPU,
 * web/e2e/board-speed.measure.ts); the screen's own requests join them in flight.
 */
function preload(): boolean {
  if (!token() || !currentTenant()) return false;
  void client.query({ query: BOARD_WARNINGS, variables: { orgUnitId: null } }).catch(() => undefined);
  void client.query({ query: BOARD_TREND, variables: { orgUnitId: null, ...trendDays() } }).catch(() => undefined);
  // Who is on duty at the tenant's top unit: the first root of the unit tree, as useUnitTree orders it.
  void client
    .query({ query: UnitTreeDocument })
    .then(({ data }) => {
      const rows = data?.orgUnits.edges.map((e) => e.node) ?? [];
      const ids = new Set(rows.map((r) => r.id));
      const root = rows.find((r) => !r.parent || !ids.has(r.parent.id));
      if (root) return client.query({ query: BOARD_DUTY, variables: { orgUnitId: root.id, at: null } });
    })
    .catch(() => undefined);
  return true;
}
/**
 * True until the first screen has mounted after the preload: that screen takes the preloaded (or
 * in-flight) answers as they are instead of asking again; a later visit in the same session asks.
 */
let preloaded = preload();

/** 指挥大屏: one screen for the command hall, laid out for 1920×1080 and usable on a laptop. */
export default function Board() {
  if (!token()) {
    signIn();
    return <Spin fullscreen />;
  }
  return <BoardScreen />;
}

function BoardScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnitTree();
  const { data: meData } = useQuery(ME);
  const me = meData?.me;
  // As in the shell: several tenants and none chosen, act in the first until the person picks another.
  useEffect(() => {
    if (me && !me.currentTenant && me.tenants.length > 1 && !currentTenant()) {
      chooseTenant(me.tenants[0]!.code);
      void client.resetStore();
    }
  }, [me]);
  const [unit, setUnit] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>('month');
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const range = useMemo(
    () => ({ from: periodStart(period).toISOString(), to: dayjs().add(1, 'minute').toISOString() }),
    [period],
  );
  const days = useMemo(trendDays, []);

  const [first] = useState(() => {
    const p = preloaded;
    preloaded = false;
    return p;
  });
  const fresh = first ? ({ fetchPolicy: 'cache-first', nextFetchPolicy: 'cache-and-network' } as const) : {};
  const warnings = useQuery(BOARD_WARNINGS, {
    variables: { orgUnitId: unit },
    notifyOnNetworkStatusChange: false,
    ...fresh,
  });
  const figures = useQuery(BOARD_FIGURES, { variables: { orgUnitId: unit, range } });
  const trend = useQuery(BOARD_TREND, { variables: { orgUnitId: unit, ...days }, ...fresh });
  const towns = useQuery(BOARD_TOWNS, { variables: { range }, errorPolicy: 'all' });
  const dutyUnit = unit ?? units.tree[0]?.value ?? null;
  // Now unless the leader asks about another moment (who is on the roster next Tuesday morning).
  const [dutyAt, setDutyAt] = useState<Dayjs | null>(null);
  const duty = useQuery(BOARD_DUTY, {
    variables: { orgUnitId: dutyUnit ?? '', at: dutyAt?.toISOString() ?? null },
    skip: !dutyUnit,
    ...fresh,
  });

  const refetchAll = useCallback(async () => {
    // The warnings first: they are what the hall watches; the figures follow.
    await warnings.refetch().catch(() => undefined);
    void Promise.allSettled([figures.refetch(), trend.refetch(), towns.refetch()]);
  }, [warnings, figures, trend, towns]);
  const live = useBoardLive(unit, refetchAll);
  useEffect(() => {
    if (warnings.data) setUpdatedAt(new Date());
  }, [warnings.data]);
  const shownAt = updatedAt;

  const [supervise] = useMutation(BOARD_SUPERVISE);
  const issue = async (caseId: string) => {
    const replyBy = dayjs().add(1, 'day').toISOString();
    const r = await supervise({ variables: { input: { caseId, message: t('board.superviseMessage'), replyBy } } });
    const errs = r.data?.superviseCase.userErrors ?? [];
    if (errs.length) message.error(errs.map((e) => e.message).join('；'));
    else message.success(t('board.supervised'));
  };

  const rows = warnings.data?.warningBoard.entries.edges.map((e) => e.node) ?? [];
  const perUnit = warnings.data?.warningBoard.perUnit ?? [];
  const exportParams = { orgUnitId: unit, warningLevels: ['RED', 'YELLOW'], openOnly: 'true' };

  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, flexWrap: 'wrap', height: 'auto' }}
      >
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 24, margin: 0, whiteSpace: 'nowrap' }}>
          {t('board.title')}
        </Typography.Title>
        {me && me.tenants.length > 1 && (
          <Select
            aria-label={t('nav.tenant')}
            value={me.currentTenant?.code ?? currentTenant() ?? undefined}
            style={{ width: 200 }}
            options={me.tenants.map((x) => ({ value: x.code, label: x.name }))}
            onChange={(code: string) => {
              chooseTenant(code);
              setUnit(null);
              void client.resetStore();
            }}
          />
        )}
        <TreeSelect
          aria-label={t('board.unit')}
          style={{ width: 240 }}
          allowClear
          placeholder={t('board.allUnits')}
          treeData={units.tree}
          treeDefaultExpandAll
          value={unit ?? undefined}
          onChange={(v: string | undefined) => setUnit(v ?? null)}
        />
        <Segmented<Period>
          aria-label={t('board.range')}
          value={period}
          onChange={setPeriod}
          options={(['today', 'week', 'month', 'year'] as const).map((p) => ({ value: p, label: t(`board.${p}`) }))}
        />
        <span style={{ flex: 1 }} />
        <Tag
          color={live === 'live' ? WARNING_COLOR['GREEN'] : live === 'offline' ? WARNING_COLOR['RED'] : 'blue'}
          role="status"
        >
          {t(`board.${live === 'live' ? 'live' : live}`)}
        </Tag>
        <Typography.Text style={{ color: '#fff' }} data-testid="board-updated">
          {t('board.updated')}：{shownAt ? dayjs(shownAt).format('HH:mm:ss') : '—'}
        </Typography.Text>
        <ExportMenu
          choices={[
            { name: 'cases', label: t('board.exportCases'), params: () => exportParams },
            {
              name: 'metrics',
              label: t('board.exportFigures'),
              params: () => ({ orgUnitId: unit, from: range.from, to: range.to, groupBy: 'CATEGORY' }),
            },
          ]}
        />
        <Link to="/cases" style={{ color: '#fff' }}>
          {t('board.exit')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }} id="main">
        <Figures data={figures.data?.figures} />
        <TownTable data={towns.data?.childTenantMetrics?.children} />
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={11}>
            <Card
              size="small"
              data-testid="board-warnings"
              data-ready={warnings.data ? 'true' : undefined}
              title={
                <span>
                  {t('board.warnings')}{' '}
                  <Tag color={WARNING_COLOR['RED']}>
                    {t('board.red')} {figures.data?.figures.openByWarning.red ?? '—'}
                  </Tag>
                  <Tag color={WARNING_COLOR['YELLOW']}>
                    {t('board.yellow')} {figures.data?.figures.openByWarning.yellow ?? '—'}
                  </Tag>
                </span>
              }
            >
              {warnings.error && <Alert type="error" showIcon message={warnings.error.message} />}
              <Table
                size="small"
                rowKey={(r) => r.case.id}
                loading={warnings.loading && !warnings.data}
                dataSource={rows}
                pagination={false}
                scroll={{ y: 560 }}
                locale={{ emptyText: <Empty description={t('board.noWarnings')} /> }}
                rowClassName={(r) => `board-row-${r.case.warningLevel.toLowerCase()}`}
                columns={[
                  {
                    title: t('board.left'),
                    width: 130,
                    render: (_, r) => (
                      <Tag color={WARNING_COLOR[r.case.warningLevel]} data-warning={r.case.warningLevel}>
                        {r.nextDueAt ? timeLeft(r.nextDueAt).text : t(`enums.warning.${r.case.warningLevel}`)}
                      </Tag>
                    ),
                  },
                  {
                    title: t('board.case'),
                    render: (_, r) => (
                      <Space direction="vertical" size={0}>
                        <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>
                        <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                          {r.case.title}
                        </Typography.Text>
                      </Space>
                    ),
                  },
                  {
                    title: t('board.unitCol'),
                    width: 150,
                    render: (_, r) => (r.case.orgUnit ?? r.case.reportedOrgUnit)?.name ?? '—',
                  },
                  {
                    title: '',
                    width: 80,
                    render: (_, r) =>
                      r.case.allowedActions.includes('SUPERVISE') ? (
                        <Popconfirm
                          title={t('board.superviseTitle')}
                          description={
                            <div style={{ maxWidth: 280 }}>
                              <div>{t('board.superviseMessage')}</div>
                              <div>{t('board.superviseReplyBy', { t: fmt(dayjs().add(1, 'day').toISOString()) })}</div>
                            </div>
                          }
                          onConfirm={() => issue(r.case.id)}
                        >
                          <Button size="small" danger={r.case.warningLevel === 'RED'}>
                            {t('board.supervise')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
              {(warnings.data?.warningBoard.entries.totalCount ?? 0) > rows.length && (
                <Link to={`/cases?warning=RED,YELLOW${unit ? `&unit=${unit}` : ''}`}>
                  {t('board.more', { n: warnings.data?.warningBoard.entries.totalCount })}
                </Link>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.trend')}>
                  <Trend data={trend.data} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.perUnit')} data-testid="board-per-unit">
                  <Table
                    size="small"
                    pagination={false}
                    scroll={{ y: 220 }}
                    rowKey={(r) => r.orgUnit?.id ?? '-'}
                    dataSource={perUnit.filter((u) => u.red + u.yellow > 0)}
                    locale={{
                      emptyText: <Empty description={t('board.noWarnings')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
                    }}
                    columns={[
                      { title: t('board.unitCol'), render: (_, r) => r.orgUnit?.name ?? t('board.noUnit') },
                      { title: t('board.red'), dataIndex: 'red', width: 70, align: 'right' },
                      { title: t('board.yellow'), dataIndex: 'yellow', width: 70, align: 'right' },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.byCategory')}>
                  <ByCategory groups={figures.data?.byCategory.groups} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.byChannel')}>
                  <ByChannel groups={figures.data?.byChannel.groups} />
                </Card>
              </Col>
              <Col span={24}>
                <DutyPanel data={duty.data?.onDuty} at={dutyAt} onAtChange={setDutyAt} />
              </Col>
            </Row>
          </Col>
        </Row>
      </Layout.Content>
    </Layout>
  );
}
