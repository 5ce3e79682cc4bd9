import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Result, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ResidentReportCaseDocument, type ResidentReportCaseMutation } from './gql/graphql';
import { failureText } from './client';
import { placeErrors } from './errors';
import { useSession } from './session';
import { usePlace } from './unit-context';
import { dayAndTime } from './words';

interface ReportForm {
  categoryId: string;
  whatHappened: string;
  location?: string;
  happenedOn?: Dayjs;
  happenedTime?: string;
  otherPartyName?: string;
  contactName: string;
}

type Receipt = NonNullable<ResidentReportCaseMutation['residentReportCase']>;

/**
 * A key for this one report, so a send retried after a lost answer files it once.
 * getRandomValues works on plain-HTTP pages too (randomUUID needs a secure context).
 */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function happenedAt(v: ReportForm): string | null {
  if (!v.happenedOn) return null;
  const [h, m] = /^\d{2}:\d{2}$/.test(v.happenedTime ?? '') ? v.happenedTime!.split(':').map(Number) : [12, 0];
  return v.happenedOn.hour(h!).minute(m!).second(0).millisecond(0).toISOString();
}

function ReceiptCard({ r, again }: { r: Receipt; again: () => void }) {
  const { base, unit } = usePlace();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title="已收到您反映的纠纷"
        subTitle="请记下案件编号，以后可凭本手机号查询进度。"
        style={{ padding: '8px 0' }}
      />
      <Descriptions column={1} styles={{ label: { whiteSpace: 'nowrap' } }} bordered size="small" title="受理回执">
        <Descriptions.Item label="案件编号">
          <strong style={{ fontSize: 18 }}>{r.caseNumber}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">{r.reportedAt ? dayAndTime(r.reportedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="受理单位">{r.case?.unitName ?? unit.name}</Descriptions.Item>
        <Descriptions.Item label="当前状态">{r.case?.statusText ?? '已提交'}</Descriptions.Item>
        {r.case?.nextStep && <Descriptions.Item label="下一步">{r.case.nextStep}</Descriptions.Item>}
      </Descriptions>
      <div style={{ display: 'grid', gap: 8, marginTop: 16 }}>
        <Button
          type="primary"
          block
          size="large"
          onClick={() => void navigate(`${base}/cases/${encodeURIComponent(r.caseNumber ?? '')}`)}
        >
          查看办理进度
        </Button>
        <Button block onClick={again}>
          再反映一件事
        </Button>
      </div>
    </Card>
  );
}

/** 反映纠纷: in plain words, with the channel and the unit taken from the QR code. */
export function Report() {
  const { tenant, unit } = usePlace();
  const session = useSession(tenant);
  const [form] = Form.useForm<ReportForm>();
  const [report, { loading }] = useMutation(ResidentReportCaseDocument);
  const [key, setKey] = useState(newKey);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (receipt)
    return (
      <ReceiptCard
        r={receipt}
        again={() => {
          form.resetFields();
          setKey(newKey());
          setReceipt(null);
        }}
      />
    );

  const submit = async (v: ReportForm) => {
    setProblem(null);
    try {
      const r = (
        await report({
          variables: {
            input: {
              orgUnitId: unit.id,
              channel: 'QR_CODE',
              categoryId: v.categoryId || null,
              whatHappened: v.whatHappened.trim(),
              location: v.location?.trim() || null,
              happenedAt: happenedAt(v),
              otherPartyName: v.otherPartyName?.trim() || null,
              contactName: v.contactName.trim(),
              idempotencyKey: key,
            },
          },
        })
      ).data?.residentReportCase;
      if (!r) return;
      const loose = placeErrors(form, r.userErrors);
      if (loose.length) setProblem(loose.join('；'));
      if (r.caseNumber) {
        setReceipt(r);
        window.scrollTo(0, 0);
      }
    } catch (e) {
      setProblem(failureText(e));
    }
  };

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        反映纠纷
      </Typography.Title>
      <Descriptions column={1} styles={{ label: { whiteSpace: 'nowrap' } }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="受理单位">{unit.name}</Descriptions.Item>
        <Descriptions.Item label="反映方式">扫码反映</Descriptions.Item>
        <Descriptions.Item label="联系电话">{session ? `${session.sentTo}（已验证）` : '—'}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ categoryId: '' }}
        scrollToFirstError
      >
        <Form.Item name="categoryId" label="是什么方面的纠纷？">
          <Radio.Group
            optionType="button"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={[
              ...unit.categories.map((c) => ({ value: c.id, label: c.name })),
              { value: '', label: '说不清 / 其他' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="whatHappened"
          label="发生了什么？"
          rules={[
            { required: true, whitespace: true, message: '请简单说说发生了什么' },
            { max: 2000, message: '请控制在2000字以内' },
          ]}
        >
          <Input.TextArea
            rows={5}
            showCount
            maxLength={2000}
            placeholder="例如：在服装厂打工三个月，老板拖欠工资八千元不给。"
          />
        </Form.Item>
        <Form.Item name="location" label="在哪里发生的？" rules={[{ max: 200, message: '请控制在200字以内' }]}>
          <Input maxLength={200} placeholder="例如：织里镇大河路88号" />
        </Form.Item>
        <Form.Item label="什么时候发生的？" style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="happenedOn" style={{ flex: 3 }}>
              <DatePicker
                aria-label="发生日期"
                inputReadOnly
                placeholder="选择日期"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
            <Form.Item name="happenedTime" style={{ flex: 2 }}>
              <Input type="time" aria-label="大约几点（可不填）" />
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item name="otherPartyName" label="对方是谁？（知道的话）" rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder="姓名或单位名称，可不填" />
        </Form.Item>
        <Form.Item
          name="contactName"
          label="怎么称呼您？"
          rules={[
            { required: true, whitespace: true, message: '请填写您的姓名或称呼' },
            { max: 100, message: '请控制在100字以内' },
          ]}
        >
          <Input maxLength={100} autoComplete="name" placeholder="例如：张先生" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={loading}>
          提交
        </Button>
      </Form>
    </Card>
  );
}
