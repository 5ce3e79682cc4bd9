import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { ResidentMediatorsDocument, ResidentRequestMediationDocument, type MediationWay } from './gql/graphql';
import { failureText } from './client';
import { usePlace } from './unit-context';
import dayjs from 'dayjs';
import { WAY_WORDS, when } from './words';

/** A mediator's free hours, grouped by day: the day once, then its hours as buttons. */
function Slots(props: { name: string; slots: string[]; value: string | null; onChange: (s: string) => void }) {
  const days = new Map<string, string[]>();
  for (const s of props.slots) {
    const d = dayjs(s).format('M月D日 dddd');
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return (
    <Radio.Group
      aria-label={`${props.name}的可约时间`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as string)}
      optionType="button"
      style={{ display: 'block', marginTop: 8 }}
    >
      {[...days].map(([d, hours]) => (
        <div key={d} style={{ marginBottom: 8 }}>
          <div style={{ fontSize: 14, color: 'rgba(0,0,0,0.65)', marginBottom: 4 }}>{d}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {hours.map((h) => (
              <Radio.Button key={h} value={h} aria-label={when(h)}>
                {dayjs(h).format('HH:mm')}
              </Radio.Button>
            ))}
          </div>
        </div>
      ))}
    </Radio.Group>
  );
}

/** Gold on pale yellow dark enough to read (antd's gold tag is below 4.5:1). */
const GOLD: React.CSSProperties = { color: '#7a5400', background: '#fff7d6', borderColor: '#e0b84a' };

interface Choice {
  mediatorId: string;
  startsAt: string;
}

/**
 * 预约调解: the mediators the center offers for this case (studio, specialties, gold medal,
 * languages, next free hours), one hour chosen, the way to meet; staff confirm or propose another.
 */
export function Book() {
  const { base } = usePlace();
  const { number = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ResidentMediatorsDocument, {
    variables: { caseNumber: number },
    fetchPolicy: 'network-only',
  });
  const [request, sending] = useMutation(ResidentRequestMediationDocument);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [way, setWay] = useState<MediationWay | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const back = `${base}/cases/${encodeURIComponent(number)}`;
  const mediators = data?.residentMediators ?? [];
  const chosen = mediators.find((m) => m.id === choice?.mediatorId);

  const submit = async () => {
    setProblem(null);
    if (!choice || !way) {
      setProblem(!choice ? '请选择调解员和时间' : '请选择调解方式');
      return;
    }
    try {
      const r = (
        await request({
          variables: {
            input: {
              caseNumber: number,
              mediatorId: choice.mediatorId,
              startsAt: choice.startsAt,
              way,
              note: note.trim() || null,
            },
          },
        })
      ).data?.residentRequestMediation;
      if (r?.userErrors.length) {
        setProblem(r.userErrors.map((e) => e.message).join('；'));
        if (r.userErrors.some((e) => e.code === 'SLOT_NOT_FREE')) void refetch();
        return;
      }
      void navigate(back, { replace: true });
    } catch (e) {
      setProblem(failureText(e));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to={back}>‹ 返回案件 {number}</Link>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        预约调解
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        选择您信任的调解员和方便的时间，中心确认后会短信通知您。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={failureText(error)} />}
      {loading && !data ? (
        <Skeleton active />
      ) : mediators.length === 0 && !error ? (
        <Card>
          <Empty description="暂时没有可预约的调解员，中心会主动联系您安排调解。" />
        </Card>
      ) : (
        <>
          <h3 style={{ fontSize: 16, margin: '4px 0 0' }}>1. 选择调解员和时间</h3>
          {mediators.map((m) => (
            <Card
              key={m.id}
              size="small"
              style={
                choice?.mediatorId === m.id ? { borderColor: '#1d4ed8', boxShadow: '0 0 0 1px #1d4ed8' } : undefined
              }
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                <strong style={{ fontSize: 17 }}>{m.name}</strong>
                {m.goldMedal && <Tag style={GOLD}>金牌调解员</Tag>}
              </div>
              {m.studioName && <div>工作室：{m.studioName}</div>}
              {m.specialties.length > 0 && <div>擅长：{m.specialties.join('、')}</div>}
              {m.languages.length > 0 && <div>语言：{m.languages.join('、')}</div>}
              {m.nextFreeSlots.length ? (
                <Slots
                  name={m.name}
                  slots={m.nextFreeSlots.map((x) => x.startsAt)}
                  value={choice?.mediatorId === m.id ? choice.startsAt : null}
                  onChange={(startsAt) => setChoice({ mediatorId: m.id, startsAt })}
                />
              ) : (
                <Typography.Text type="secondary">近两周已约满</Typography.Text>
              )}
            </Card>
          ))}
          <h3 style={{ fontSize: 16, margin: '4px 0 0' }}>2. 选择调解方式</h3>
          <Card size="small">
            <Radio.Group
              aria-label="调解方式"
              value={way}
              onChange={(e) => setWay(e.target.value as MediationWay)}
              style={{ display: 'grid', gap: 8 }}
              options={(chosen?.ways ?? mediators[0]?.ways ?? []).map((w) => ({ value: w, label: WAY_WORDS[w] }))}
            />
          </Card>
          <Form layout="vertical">
            <Form.Item label="给中心的留言（可不填）" htmlFor="booking-note">
              <Input.TextArea
                id="booking-note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Form.Item>
          </Form>
          {choice && chosen && (
            <Typography.Paragraph role="status" style={{ margin: 0 }}>
              已选：{chosen.name}，{when(choice.startsAt)}
              {way ? `，${WAY_WORDS[way]}` : ''}
            </Typography.Paragraph>
          )}
          {problem && <Alert type="error" showIcon title={problem} />}
          <Button type="primary" block size="large" loading={sending.loading} onClick={() => void submit()}>
            提交预约
          </Button>
        </>
      )}
    </Space>
  );
}
