import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ConsultationOutcome, ConsultationTopic } from '../../gql/graphql';
import { CONSULTATIONS, RECORD_CONSULTATION, TURN_INTO_CASE } from './consultation-documents';
import { showUserErrors } from '../../app/user-errors';
import './consultations-i18n';

const TOPICS = ['LEGAL', 'PSYCHOLOGICAL', 'LABOUR', 'FAMILY', 'POLICY', 'PETITION', 'OTHER'] as const;
const OUTCOMES = ['ANSWERED', 'REFERRED', 'FOLLOW_UP_NEEDED'] as const;

interface Values {
  topic: ConsultationTopic;
  outcome: ConsultationOutcome;
  minutes: number;
  visitorName?: string;
  visitorPhone?: string;
  summary?: string;
  departmentId?: string;
}

/** The window's consultation desk: record a visit that is not a dispute, and turn one into a case. */
export default function Consultations() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [caseForm] = Form.useForm<{ title: string }>();
  const [loose, setLoose] = useState<string[]>([]);
  const [turning, setTurning] = useState<string | null>(null);
  const { data, refetch } = useQuery(CONSULTATIONS, { variables: { first: 50 } });
  const [record, recording] = useMutation(RECORD_CONSULTATION);
  const [turn, turningNow] = useMutation(TURN_INTO_CASE);

  const submit = async (v: Values) => {
    const r = await record({ variables: { input: { ...v, minutes: Number(v.minutes) } } });
    const errors = r.data?.recordConsultation.userErrors ?? [];
    setLoose(showUserErrors(form, errors));
    if (errors.length) return;
    message.success(t('consultations.recorded'));
    form.resetFields();
    await refetch();
  };
  const toCase = async ({ title }: { title: string }) => {
    const r = await turn({ variables: { input: { consultationId: turning!, title } } });
    const errors = r.data?.turnConsultationIntoCase.userErrors ?? [];
    const rest = showUserErrors(caseForm, errors);
    if (errors.length) {
      if (rest.length) message.error(rest.join('；'));
      return;
    }
    message.success(t('consultations.madeCase', { number: r.data?.turnConsultationIntoCase.case?.number }));
    setTurning(null);
    caseForm.resetFields();
    await refetch();
  };

  const rows = data?.consultations.edges.map((e) => e.node) ?? [];
  const departments = (data?.departments.edges ?? []).map((e) => e.node).filter((d) => !d.archived);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card
          title={
            <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
              {t('consultations.title')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary">{t('consultations.hint')}</Typography.Paragraph>
          {loose.length > 0 && <Alert type="error" showIcon message={loose.join('；')} style={{ marginBottom: 12 }} />}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            initialValues={{ outcome: 'ANSWERED', minutes: 15 }}
          >
            <Form.Item name="topic" label={t('consultations.topic')} rules={[{ required: true }]}>
              <Select options={TOPICS.map((v) => ({ value: v, label: t(`consultations.topics.${v}`) }))} />
            </Form.Item>
            <Form.Item name="outcome" label={t('consultations.outcome')} rules={[{ required: true }]}>
              <Select options={OUTCOMES.map((v) => ({ value: v, label: t(`consultations.outcomes.${v}`) }))} />
            </Form.Item>
            <Form.Item name="minutes" label={t('consultations.minutes')} rules={[{ required: true }]}>
              <InputNumber min={1} max={600} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="departmentId" label={t('consultations.department')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="visitorName" label={t('consultations.visitorName')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="visitorPhone" label={t('consultations.visitorPhone')}>
              <Input />
            </Form.Item>
            <Form.Item name="summary" label={t('consultations.summary')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={recording.loading}>
              {t('consultations.record')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={`${t('consultations.list')}（${data?.consultations.totalCount ?? 0}）`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('consultations.occurredAt'), render: (_, k) => dayjs(k.occurredAt).format('MM-DD HH:mm') },
              { title: t('consultations.topic'), render: (_, k) => t(`consultations.topics.${k.topic}`) },
              { title: t('consultations.visitorName'), render: (_, k) => k.visitorName ?? '—' },
              { title: t('consultations.staff'), render: (_, k) => k.staff?.name ?? '—' },
              { title: t('consultations.minutes'), dataIndex: 'minutes' },
              {
                title: t('consultations.outcome'),
                render: (_, k) =>
                  k.case ? (
                    <Link to={`/cases/${k.case.id}`}>{k.case.number}</Link>
                  ) : (
                    <Tag>{t(`consultations.outcomes.${k.outcome}`)}</Tag>
                  ),
              },
              {
                title: '',
                render: (_, k) =>
                  k.case ? null : (
                    <Button size="small" onClick={() => setTurning(k.id)}>
                      {t('consultations.toCase')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={!!turning}
        title={t('consultations.toCase')}
        okText={t('consultations.toCase')}
        confirmLoading={turningNow.loading}
        onOk={() => caseForm.submit()}
        onCancel={() => setTurning(null)}
      >
        <Form form={caseForm} layout="vertical" onFinish={(v) => void toCase(v)}>
          <Form.Item name="title" label={t('consultations.caseTitle')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
