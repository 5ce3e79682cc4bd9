import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_PAGE, REVEAL } from './case-documents';
import { ActionPanel } from './ActionPanel';
import { ResidentBookings } from './ResidentBookings';
import { InstalmentPanel } from '../instalments/InstalmentPanel';
import { fmt, timeLeft, WARNING_COLOR } from '../../app/time';
import { showUserErrors } from '../../app/user-errors';
import { useCaseChanges } from '../../app/live';

type Revealed = { name: string; idNumber?: string | null; phone?: string | null; address?: string | null };

/** 案件详情: everything about one case, and the steps the API says this person may take. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, refetch } = useQuery(CASE_PAGE, { variables: { id } });
  useCaseChanges(() => void refetch(), id);
  const [revealFor, setRevealFor] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  const [reveal, { loading: revealing }] = useMutation(REVEAL);
  const [revealForm] = Form.useForm<{ reason: string }>();

  if (loading && !data) return <Spin />;
  const c = data?.case;
  const eventLabel = new Map((data?.eventLabels ?? []).map((l) => [l.value, l.label]));
  if (!c) return <Empty description={t('case.notFound')} />;
  const may = new Set<string>(c.allowedActions);
  const names = (xs: { name: string }[]) => xs.map((x) => x.name).join('、') || '—';

  const submitReveal = async () => {
    const v = await revealForm.validateFields();
    const r = await reveal({ variables: { input: { partyId: revealFor!, reason: v.reason } } });
    const p = r.data?.revealParty;
    if (p?.userErrors.length) {
      showUserErrors(revealForm, p.userErrors);
      return;
    }
    if (p?.party) setRevealed({ ...revealed, [p.party.partyId]: p.party });
    setRevealFor(null);
    revealForm.resetFields();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {c.number}
          {'\u3000'}
          {c.title}
        </Typography.Title>
        <Tag>{t(`enums.status.${c.status}`)}</Tag>
        <Tag color={WARNING_COLOR[c.warningLevel]}>
          {t('desk.warning')}：{t(`enums.warning.${c.warningLevel}`)}
        </Tag>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('case.basic')} size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('intake.category')}>{c.category?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('intake.channel')}>{t(`enums.channel.${c.channel}`)}</Descriptions.Item>
                <Descriptions.Item label={t('intake.risk')}>{t(`enums.risk.${c.riskLevel}`)}</Descriptions.Item>
                <Descriptions.Item label={t('desk.reportedAt')}>{fmt(c.reportedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.reportedOrgUnit')}>
                  {c.reportedOrgUnit?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.orgUnit')}>{c.orgUnit?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.department')}>{c.department?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.assignees')}>
                  {c.assignees
                    .map((a) => `${a.staff?.name ?? '—'}${a.isLead ? `（${t('case.lead')}）` : ''}`)
                    .join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.location')}>{c.location ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.amount')}>
                  {c.amountInvolved ? `${c.amountInvolved} 元` : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.description')} span={2}>
                  {c.description || '—'}
                </Descriptions.Item>
                {c.resolution && (
                  <Descriptions.Item label={t('case.resolution')} span={2}>
                    {c.resolution}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title={t('case.parties')} size="small">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.parties}
                locale={{ emptyText: t('common.none') }}
                columns={[
                  { title: t('intake.partyRole'), render: (_, p) => t(`enums.partyRole.${p.role}`) },
                  { title: t('intake.name'), render: (_, p) => p.name },
                  {
                    title: t('intake.idNumber'),
                    render: (_, p) => revealed[p.id]?.idNumber ?? p.idNumber ?? p.creditCode ?? '—',
                  },
                  { title: t('intake.phone'), render: (_, p) => revealed[p.id]?.phone ?? p.phone ?? '—' },
                  { title: t('intake.address'), render: (_, p) => revealed[p.id]?.address ?? p.address ?? '—' },
                  {
                    title: '',
                    render: (_, p) =>
                      revealed[p.id] ? (
                        <Tag color="blue">{t('case.revealed')}</Tag>
                      ) : p.masked && (p.idNumber || p.phone || p.address) ? (
                        <Space>
                          <Tag>{t('case.masked')}</Tag>
                          {may.has('REVEAL_PARTY') && (
                            <Button
                              size="small"
                              onClick={() => setRevealFor(p.id)}
                              aria-label={`${t('case.reveal')}：${p.name}`}
                            >
                              {t('case.reveal')}
                            </Button>
                          )}
                        </Space>
                      ) : null,
                  },
                ]}
              />
              {c.possibleDuplicates.length > 0 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="warning"
                  showIcon
                  message={t('intake.duplicates')}
                  description={c.possibleDuplicates.map((d) =>
                    d.case ? (
                      <div key={d.case.id}>
                        <Link to={`/cases/${d.case.id}`}>{d.case.number}</Link>
                        {'\u3000'}
                        {d.case.title}
                      </div>
                    ) : null,
                  )}
                />
              )}
            </Card>
            <Card title={t('case.deadlines')} size="small">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.deadlines}
                locale={{ emptyText: t('common.none') }}
                columns={[
                  { title: t('form.deadline'), render: (_, d) => t(`enums.step.${d.step}`, { defaultValue: d.step }) },
                  { title: t('case.due'), render: (_, d) => fmt(d.dueAt) },
                  {
                    title: t('desk.timeLeft'),
                    render: (_, d) => {
                      if (d.status !== 'OPEN') return d.metAt ? t('desk.met', { t: fmt(d.metAt) }) : '—';
                      const left = timeLeft(d.dueAt);
                      const now = Date.now();
                      const colour =
                        WARNING_COLOR[
                          now >= new Date(d.redAt).getTime()
                            ? 'RED'
                            : now >= new Date(d.yellowAt).getTime()
                              ? 'YELLOW'
                              : 'GREEN'
                        ];
                      return <Tag color={colour}>{left.text}</Tag>;
                    },
                  },
                ]}
              />
            </Card>
            {may.has('SCHEDULE_MEDIATION') && <ResidentBookings caseId={c.id} onAnswered={() => void refetch()} />}
            {c.mediationSessions.length > 0 && (
              <Card title={t('case.sessions')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.mediationSessions}
                  columns={[
                    { title: t('form.startsAt'), render: (_, s) => fmt(s.startsAt) },
                    { title: t('form.method'), render: (_, s) => t(`enums.method.${s.method}`) },
                    { title: t('case.place'), render: (_, s) => s.place ?? '—' },
                    { title: t('case.mediators'), render: (_, s) => names(s.mediators) },
                    { title: t('form.departments'), render: (_, s) => names(s.departments) },
                    { title: t('case.outcome'), render: (_, s) => (s.outcome ? t(`enums.outcome.${s.outcome}`) : '—') },
                  ]}
                />
              </Card>
            )}
            {c.agreements.length > 0 && (
              <Card title={t('case.agreements')} size="small">
                {c.agreements.map((a) => (
                  <Descriptions key={a.id} size="small" column={1}>
                    <Descriptions.Item label={t('case.terms')}>{a.terms}</Descriptions.Item>
                    <Descriptions.Item label={t('case.amount')}>{a.amount ? `${a.amount} 元` : '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('case.confirmation')}>
                      {t(`enums.confirmation.${a.confirmationStatus}`)}
                    </Descriptions.Item>
                  </Descriptions>
                ))}
              </Card>
            )}
            {c.agreements.length > 0 && <InstalmentPanel caseId={c.id} onPaid={() => void refetch()} />}
            {c.referrals.length > 0 && (
              <Card title={t('case.referrals')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.referrals}
                  columns={[
                    { title: t('form.target'), render: (_, r) => t(`enums.referralTarget.${r.target}`) },
                    { title: t('form.targetName'), dataIndex: 'targetName' },
                    { title: t('form.reason'), render: (_, r) => r.reason ?? '—' },
                    { title: t('desk.reportedAt'), render: (_, r) => fmt(r.referredAt) },
                  ]}
                />
              </Card>
            )}
            {c.followUps.length > 0 && (
              <Card title={t('case.followUps')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.followUps}
                  columns={[
                    { title: t('case.visit'), render: (_, f) => fmt(f.dueAt) },
                    { title: t('form.followUpAssignee'), render: (_, f) => f.assignee?.name ?? '—' },
                    {
                      title: t('form.result'),
                      render: (_, f) => (f.result ? t(`enums.followUpResult.${f.result}`) : '—'),
                    },
                    { title: t('case.satisfaction'), render: (_, f) => f.satisfaction ?? '—' },
                    { title: t('form.note'), render: (_, f) => f.notes ?? '—' },
                  ]}
                />
              </Card>
            )}
            {c.supervisionNotices.length > 0 && (
              <Card title={t('case.supervision')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.supervisionNotices}
                  columns={[
                    { title: t('form.message'), dataIndex: 'message' },
                    { title: t('case.replyBy'), render: (_, n) => fmt(n.replyBy) },
                    { title: t('case.reply'), render: (_, n) => n.reply ?? '—' },
                    { title: '', render: (_, n) => (n.late ? <Tag color="red">{t('case.late')}</Tag> : null) },
                  ]}
                />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <ActionPanel c={c} onDone={() => void refetch()} />
            <Card title={t('case.timeline')} size="small">
              <Timeline
                items={c.timeline.edges.map(({ node: e }) => ({
                  key: e.id,
                  children: (
                    <div>
                      <Typography.Text strong>{eventLabel.get(e.type) ?? e.type}</Typography.Text>
                      <Typography.Text type="secondary">
                        {'\u3000'}
                        {fmt(e.occurredAt)}
                      </Typography.Text>
                      {/* Who did what, with names, places and the legal basis, worded by the server. */}
                      <div>{e.summary}</div>
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <Modal
        open={!!revealFor}
        title={t('case.reveal')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={revealing}
        onOk={() => void submitReveal()}
        onCancel={() => setRevealFor(null)}
      >
        <Form form={revealForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('case.revealReason')}
            extra={t('case.revealReasonHint')}
            rules={[{ required: true, whitespace: true, message: t('errors.reason') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
