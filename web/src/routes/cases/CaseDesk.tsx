import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Card,
  Flex,
  Col,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../app/ExportMenu';
import { CaseDeskDocument } from '../../gql/graphql';
import type { CaseFilter, CaseStatus, Channel, WarningLevel } from '../../gql/graphql';
import { ME } from '../../app/Shell';
import { useCategoryTree, useUnitTree } from '../../app/lookups';
import { fmt, timeLeft, WARNING_COLOR } from '../../app/time';
import zh from '../../app/locales/zh-CN';
import { COUNTED_STATUSES, STATUS_COUNTS } from './status-counts';
import { useCaseChanges } from '../../app/live';

const CASES = CaseDeskDocument;

const PAGE = 20;
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** 案件台: the cases under the filters in the URL (so a link shares the view), newest first. */
export default function CaseDesk() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const categories = useCategoryTree();
  const units = useUnitTree();
  const { data: me } = useQuery(ME);

  const scope = params.get('scope') ?? 'all';
  const base: CaseFilter = useMemo(() => {
    const f: CaseFilter = {};
    if (list(params.get('warning')).length) f.warningLevels = list(params.get('warning')) as WarningLevel[];
    if (list(params.get('channel')).length) f.channels = list(params.get('channel')) as Channel[];
    if (params.get('category')) f.categoryId = params.get('category');
    if (params.get('unit')) f.orgUnitId = params.get('unit');
    if (params.get('q')) f.text = params.get('q');
    const staff = me?.me.staffMember;
    if (scope === 'mine' && staff) f.assigneeId = staff.id;
    if (scope === 'unit' && staff?.orgUnit) f.orgUnitId = staff.orgUnit.id;
    return f;
  }, [params, me, scope]);
  const statuses = list(params.get('status')) as CaseStatus[];
  const filter: CaseFilter = statuses.length ? { ...base, statuses } : base;
  const after = params.get('after');

  const { data, loading, refetch } = useQuery(CASES, { variables: { filter, first: PAGE, after } });
  const counts = useQuery(STATUS_COUNTS, {
    variables: Object.fromEntries(COUNTED_STATUSES.map((s, i) => [`f${i}`, { ...base, statuses: [s] }])) as never,
  });
  // Another desk's step or a deadline changes a case: the list and the counts follow.
  useCaseChanges(() => {
    void refetch();
    void counts.refetch();
  });

  const set = (changes: Record<string, string | string[] | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      const s = Array.isArray(v) ? v.join(',') : v;
      if (s) next.set(k, s);
      else next.delete(k);
    }
    if (!('after' in changes)) {
      next.delete('after');
      setCursors([]);
    }
    setParams(next);
  };

  const rows = data?.cases.edges.map((e) => e.node) ?? [];
  const enumOptions = (group: keyof typeof zh.enums) =>
    Object.keys(zh.enums[group]).map((k) => ({ value: k, label: t(`enums.${group}.${k}`) }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('desk.title')}
        </Typography.Title>
        {/* The list as filtered on screen, every page of it, as a file. */}
        <ExportMenu choices={[{ name: 'cases', label: t('desk.exportCases'), params: () => ({ ...filter }) }]} />
      </Flex>
      <Card size="small" title={t('desk.counts')}>
        <Row gutter={[16, 8]}>
          {COUNTED_STATUSES.map((s, i) => (
            <Col key={s} flex="1 0 100px">
              <Button
                type={statuses.length === 1 && statuses[0] === s ? 'primary' : 'text'}
                style={{ height: 'auto', width: '100%' }}
                onClick={() => set({ status: statuses.length === 1 && statuses[0] === s ? null : s })}
              >
                <Statistic
                  title={t(`enums.status.${s}`)}
                  value={
                    (counts.data as Record<string, { totalCount: number }> | undefined)?.[`s${i}`]?.totalCount ?? '—'
                  }
                />
              </Button>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small">
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.scope')}>
                <Segmented
                  value={scope}
                  onChange={(v) => set({ scope: v === 'all' ? null : String(v) })}
                  options={[
                    { value: 'all', label: t('desk.scopeAll') },
                    { value: 'mine', label: t('desk.scopeMine') },
                    { value: 'unit', label: t('desk.scopeUnit') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.status')} htmlFor="f-status">
                <Select
                  id="f-status"
                  mode="multiple"
                  allowClear
                  value={statuses}
                  options={enumOptions('status')}
                  onChange={(v) => set({ status: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.warning')} htmlFor="f-warning">
                <Select
                  id="f-warning"
                  mode="multiple"
                  allowClear
                  value={list(params.get('warning'))}
                  options={enumOptions('warning')}
                  onChange={(v) => set({ warning: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.channel')} htmlFor="f-channel">
                <Select
                  id="f-channel"
                  mode="multiple"
                  allowClear
                  value={list(params.get('channel'))}
                  options={enumOptions('channel')}
                  onChange={(v) => set({ channel: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.category')} htmlFor="f-category">
                <TreeSelect
                  id="f-category"
                  allowClear
                  treeDefaultExpandAll
                  value={params.get('category') ?? undefined}
                  treeData={categories.tree}
                  onChange={(v?: string) => set({ category: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} lg={6}>
              <Form.Item label={t('desk.unit')} htmlFor="f-unit">
                <TreeSelect
                  id="f-unit"
                  allowClear
                  treeDefaultExpandAll
                  value={params.get('unit') ?? undefined}
                  treeData={units.tree}
                  onChange={(v?: string) => set({ unit: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16} lg={12}>
              <Form.Item label={t('desk.text')} htmlFor="f-text">
                <Input.Search
                  id="f-text"
                  allowClear
                  defaultValue={params.get('q') ?? ''}
                  enterButton={t('common.search')}
                  onSearch={(v) => set({ q: v.trim() })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('desk.empty') }}
        columns={[
          { title: t('desk.number'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link> },
          { title: t('desk.caseTitle'), dataIndex: 'title' },
          { title: t('desk.category'), render: (_, c) => c.category?.name ?? '—' },
          { title: t('desk.status'), render: (_, c) => <Tag>{t(`enums.status.${c.status}`)}</Tag> },
          {
            title: t('desk.warning'),
            render: (_, c) => <Tag color={WARNING_COLOR[c.warningLevel]}>{t(`enums.warning.${c.warningLevel}`)}</Tag>,
          },
          {
            title: t('desk.timeLeft'),
            render: (_, c) => {
              const open = c.deadlines.find((d) => d.status === 'OPEN');
              if (!open) return t('desk.noClock');
              const left = timeLeft(open.dueAt);
              return <Typography.Text type={left.overdue ? 'danger' : undefined}>{left.text}</Typography.Text>;
            },
          },
          { title: t('desk.handler'), render: (_, c) => c.orgUnit?.name ?? '—' },
          { title: t('desk.reportedAt'), render: (_, c) => fmt(c.reportedAt) },
        ]}
      />
      <Space>
        <Button
          disabled={!after}
          onClick={() => {
            const prev = cursors.slice(0, -1);
            setCursors(prev);
            set({ after: prev[prev.length - 1] ?? null });
          }}
        >
          {t('common.prev')}
        </Button>
        <Button
          disabled={!data?.cases.pageInfo.hasNextPage}
          onClick={() => {
            const end = data!.cases.pageInfo.endCursor!;
            setCursors([...cursors, end]);
            set({ after: end });
          }}
        >
          {t('common.next')}
        </Button>
      </Space>
    </Space>
  );
}
