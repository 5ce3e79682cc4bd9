import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Skeleton, Space, Tag, Typography } from 'antd';
import {
  ResidentCaseDocument,
  ResidentRateDocument,
  ResidentRespondToProposalDocument,
  type ResidentCaseFieldsFragment,
} from './gql/graphql';
import { failureText } from './client';
import { BLUE, GREY, ORANGE, StatusTag } from './CaseBits';
import { placeErrors } from './errors';
import { usePlace } from './unit-context';
import { day, dayAndTime, METHOD_WORDS, WAY_WORDS, when } from './words';

type Case = ResidentCaseFieldsFragment;
const RATE_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      {children}
    </Card>
  );
}

function Sessions({ c }: { c: Case }) {
  if (!c.sessions.length) return null;
  return (
    <Section title="调解安排">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
        {c.sessions.map((s) => (
          <li key={s.startsAt}>
            <div style={{ fontWeight: 600 }}>
              {when(s.startsAt)}–{dayAndTime(s.endsAt).slice(-5)}
              {s.status === 'CANCELLED' && <Tag style={{ marginInlineStart: 8 }}>已取消</Tag>}
              {s.status === 'HELD' && <Tag style={{ marginInlineStart: 8 }}>已进行</Tag>}
            </div>
            <div>
              {METHOD_WORDS[s.method]}
              {s.online && s.method !== 'ONLINE' ? '（线上进行）' : ''}
              {!s.online && s.place ? `，地点：${s.place}` : ''}
            </div>
            {s.mediatorNames.length > 0 && <div>调解员：{s.mediatorNames.join('、')}</div>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Requests({ c, onChanged }: { c: Case; onChanged: (m: string | null) => void }) {
  const [respond, { loading }] = useMutation(ResidentRespondToProposalDocument);
  // Confirmed ones are the sessions above; withdrawn ones were the resident's own doing.
  const open = c.mediationRequests.filter((r) => r.status !== 'CONFIRMED' && r.status !== 'WITHDRAWN');
  if (!open.length) return null;
  const answer = async (requestId: string, accept: boolean) => {
    try {
      const r = (await respond({ variables: { input: { requestId, accept } } })).data?.residentRespondToProposal;
      onChanged(r?.userErrors.map((e) => e.message).join('；') || null);
    } catch (e) {
      onChanged(failureText(e));
    }
  };
  return (
    <Section title="我的预约">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
        {open.map((r) => (
          <li key={r.id}>
            <div>
              <Tag style={r.status === 'PROPOSED' ? ORANGE : r.status === 'REQUESTED' ? BLUE : GREY}>
                {r.statusText}
              </Tag>
            </div>
            <div>
              您申请：{when(r.startsAt)}，{r.mediatorName ?? '调解员'}，{WAY_WORDS[r.way]}
            </div>
            {r.status === 'PROPOSED' && r.proposedStartsAt && (
              <>
                <div style={{ marginTop: 4 }}>
                  中心建议改为：<strong>{when(r.proposedStartsAt)}</strong>
                  {r.proposedMediatorName ? `，调解员 ${r.proposedMediatorName}` : ''}
                </div>
                {r.staffMessage && <div>留言：{r.staffMessage}</div>}
                <Space style={{ marginTop: 8 }}>
                  <Button type="primary" loading={loading} onClick={() => void answer(r.id, true)}>
                    接受新时间
                  </Button>
                  <Button loading={loading} onClick={() => void answer(r.id, false)}>
                    不接受，重新预约
                  </Button>
                </Space>
              </>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Agreement({ c }: { c: Case }) {
  if (!c.agreementAmount && !c.instalments.length) return null;
  return (
    <Section title="调解协议">
      {c.agreementAmount && <div>协议金额：{c.agreementAmount} 元</div>}
      {c.instalments.length > 0 && (
        <>
          <div style={{ marginTop: 4 }}>分期履行：</div>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.instalments.map((i) => (
              <li key={i.dueOn}>
                {day(i.dueOn)}前支付 {i.amount} 元
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

function Rating({ c }: { c: Case }) {
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [rate, { loading }] = useMutation(ResidentRateDocument);
  const [problem, setProblem] = useState<string | null>(null);
  if (c.rating)
    return (
      <Section title="我的评价">
        <div>
          <span aria-hidden style={{ color: '#ad6800', fontSize: 20 }}>
            {'★'.repeat(c.rating)}
            {'☆'.repeat(5 - c.rating)}
          </span>
          <span style={{ marginInlineStart: 8 }}>
            {c.rating}星，{RATE_WORDS[c.rating - 1]}
          </span>
        </div>
        {c.ratingComment && (
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>{c.ratingComment}</Typography.Paragraph>
        )}
      </Section>
    );
  if (!c.canRate) return null;
  const submit = async (v: { rating: number; comment?: string }) => {
    setProblem(null);
    try {
      const r = (
        await rate({
          variables: { input: { caseNumber: c.number, rating: v.rating, comment: v.comment?.trim() || null } },
        })
      ).data?.residentRate;
      const loose = r ? placeErrors(form, r.userErrors) : [];
      if (loose.length) setProblem(loose.join('；'));
    } catch (e) {
      setProblem(failureText(e));
    }
  };
  return (
    <Section title="评价办理结果">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="rating" label="您对这次办理满意吗？" rules={[{ required: true, message: '请选择一项' }]}>
          {/* Five worded choices rather than bare stars: plain to read, and each has a name for screen readers. */}
          <Radio.Group
            optionType="button"
            style={{ display: 'grid', gap: 8 }}
            options={[5, 4, 3, 2, 1].map((n) => ({
              value: n,
              label: `${'★'.repeat(n)}${'☆'.repeat(5 - n)}  ${RATE_WORDS[n - 1]}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label="想说的话（可不填）" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={loading}>
          提交评价
        </Button>
      </Form>
    </Section>
  );
}

/** One case as its resident sees it: where it stands, what comes next, sessions, agreement, booking, rating. */
export function CaseDetail() {
  const { base } = usePlace();
  const { number = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ResidentCaseDocument, { variables: { number } });
  const [notice, setNotice] = useState<string | null>(null);
  const c = data?.residentCase;
  if (loading && !data) return <Skeleton active />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={failureText(error)}
        action={<Button onClick={() => void refetch()}>重试</Button>}
      />
    );
  if (!c)
    return (
      <Result
        status="warning"
        title="没有找到这个案件"
        subTitle="只能查询本手机号反映的案件。"
        extra={<Link to={`${base}/cases`}>返回我的案件</Link>}
      />
    );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to={`${base}/cases`}>‹ 我的案件</Link>
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {c.number}
          </Typography.Title>
          <StatusTag status={c.status} text={c.statusText} />
        </div>
        {c.nextStep && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            title={`下一步：${c.nextStep}`}
            description={c.nextStepDue ? `预计：${when(c.nextStepDue)}` : undefined}
          />
        )}
        <Descriptions column={1} styles={{ label: { whiteSpace: 'nowrap' } }} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label="反映时间">{dayAndTime(c.reportedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理单位">{c.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{c.departmentName ?? '待分派'}</Descriptions.Item>
          {c.location && <Descriptions.Item label="发生地点">{c.location}</Descriptions.Item>}
          <Descriptions.Item label="反映内容">
            <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
              {c.whatHappened}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {notice && <Alert type="error" showIcon title={notice} closable onClose={() => setNotice(null)} />}
      <Sessions c={c} />
      <Requests c={c} onChanged={setNotice} />
      {c.canRequestMediation && (
        <Button
          // Once a session is booked, booking another is the exception, not the page's main action.
          type={c.sessions.length ? 'default' : 'primary'}
          block
          size="large"
          onClick={() => void navigate(`${base}/cases/${encodeURIComponent(c.number)}/book`)}
        >
          {c.sessions.length ? '再预约一次调解' : '预约调解（可选调解员）'}
        </Button>
      )}
      <Agreement c={c} />
      <Rating c={c} />
    </Space>
  );
}
