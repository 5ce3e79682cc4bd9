import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
// The server's own rules for ID numbers and phones (one module, pure functions), not a copy.
import { isValidCreditCode, isValidIdNumber, isValidPhone } from '../../../../src/modules/case/personal-data';
import type { ReportCaseMutation } from '../../gql/graphql';
import { DUPLICATE_CANDIDATES, RECEIPT_CENTER, REPORT_CASE } from './intake-documents';
import { useCategoryTree, useUnitTree } from '../../app/lookups';
import { clearDraft, loadDraft, saveDraft } from '../../app/drafts';
import { showUserErrors } from '../../app/user-errors';
import zh from '../../app/locales/zh-CN';

interface PartyValues {
  role: string;
  kind: string;
  name?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
}
interface IntakeValues {
  parties: PartyValues[];
  title?: string;
  description?: string;
  categoryId?: string;
  reportedOrgUnitId?: string;
  location?: string;
  channel: string;
  riskLevel?: string;
  amountInvolved?: string;
  onBehalfOfResident: boolean;
}

const DRAFT = 'intake';
const EMPTY: IntakeValues = {
  parties: [
    { role: 'APPLICANT', kind: 'PERSON' },
    { role: 'RESPONDENT', kind: 'PERSON' },
  ],
  channel: 'WALK_IN',
  onBehalfOfResident: true,
};
const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** 窗口登记: a resident's dispute at the window, checked for duplicates before it is saved. */
export default function Intake() {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const categories = useCategoryTree();
  const units = useUnitTree();
  const [report, { loading }] = useMutation(REPORT_CASE);
  const [check, dupes] = useLazyQuery(DUPLICATE_CANDIDATES);
  const { data: center } = useQuery(RECEIPT_CENTER);
  const [saved, setSaved] = useState<NonNullable<ReportCaseMutation['reportCase']['case']> | null>(null);
  const [loose, setLoose] = useState<string[]>([]);
  const parties = Form.useWatch('parties', form);
  const location = Form.useWatch('location', form);
  const categoryId = Form.useWatch('categoryId', form);

  useEffect(() => {
    const d = loadDraft<IntakeValues>(DRAFT);
    if (d) form.setFieldsValue(d);
  }, [form]);

  // Likely duplicates as the clerk types: the same finder the API flags saved reports with.
  useEffect(() => {
    const phones = (parties ?? []).map((p) => p?.phone).filter((p): p is string => !!p && isValidPhone(p));
    const idNumbers = (parties ?? [])
      .map((p) => p?.idNumber)
      .filter((p): p is string => !!p && isValidIdNumber(p.trim().toUpperCase()));
    if (!phones.length && !idNumbers.length && !(location && categoryId)) return;
    const h = setTimeout(
      () => void check({ variables: { input: { phones, idNumbers, location: blank(location), categoryId } } }),
      400,
    );
    return () => clearTimeout(h);
  }, [parties, location, categoryId, check]);

  const opts = (group: keyof typeof zh.enums) =>
    Object.keys(zh.enums[group]).map((k) => ({ value: k, label: t(`enums.${group}.${k}`) }));

  const submit = async (v: IntakeValues) => {
    setLoose([]);
    try {
      const r = await report({
        variables: {
          input: {
            title: v.title!.trim(),
            description: blank(v.description),
            channel: v.channel as never,
            categoryId: v.categoryId,
            reportedOrgUnitId: v.reportedOrgUnitId,
            location: blank(v.location),
            riskLevel: v.riskLevel as never,
            amountInvolved: blank(v.amountInvolved),
            onBehalfOfResident: v.onBehalfOfResident,
            parties: v.parties.map((p) => ({
              role: p.role as never,
              kind: p.kind as never,
              name: p.name?.trim() ?? '',
              idNumber: p.kind === 'PERSON' ? blank(p.idNumber) : undefined,
              creditCode: p.kind === 'ORGANISATION' ? blank(p.creditCode) : undefined,
              phone: blank(p.phone),
              address: blank(p.address),
            })),
          },
        },
      });
      const payload = r.data!.reportCase;
      if (payload.userErrors.length) {
        setLoose(showUserErrors(form, payload.userErrors));
        return;
      }
      clearDraft(DRAFT);
      setSaved(payload.case!);
    } catch {
      setLoose([t('common.failed')]);
    }
  };

  if (saved) {
    const applicant = saved.parties
      .filter((p) => p.role === 'APPLICANT')
      .map((p) => p.name)
      .join('、');
    return (
      <Card style={{ maxWidth: 720, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          {t('intake.receipt')}
        </Typography.Title>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('intake.receiptCenter')}>{center?.tenant.name}</Descriptions.Item>
          <Descriptions.Item label={t('intake.receiptNumber')}>{saved.number}</Descriptions.Item>
          <Descriptions.Item label={t('intake.caseTitle')}>{saved.title}</Descriptions.Item>
          <Descriptions.Item label={t('intake.receiptApplicant')}>{applicant || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('intake.category')}>{saved.category?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('intake.receiptDate')}>
            {dayjs(saved.reportedAt).format('YYYY年M月D日 HH:mm')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 16 }}>{t('intake.receiptNote')}</Typography.Paragraph>
        <Space className="no-print">
          <Button type="primary" onClick={() => window.print()}>
            {t('common.print')}
          </Button>
          <Link to={`/cases/${saved.id}`}>
            <Button>{t('intake.openCase')}</Button>
          </Link>
          <Button
            onClick={() => {
              setSaved(null);
              form.resetFields();
            }}
          >
            {t('intake.another')}
          </Button>
        </Space>
      </Card>
    );
  }

  const candidates = dupes.data?.duplicateCandidates.filter((d) => d.case) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      {candidates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('intake.duplicates')}
          description={
            <Space direction="vertical">
              <span>{t('intake.duplicatesHint')}</span>
              {candidates.map((d) => (
                <Space key={d.case!.id}>
                  <Typography.Text strong>{d.case!.number}</Typography.Text>
                  <span>{d.case!.title}</span>
                  <span>（{t(`enums.status.${d.case!.status}`)}）</span>
                  <span>{d.reasons.map((r) => t(`enums.duplicateReason.${r}`)).join('、')}</span>
                  <Link to={`/cases/${d.case!.id}`}>{t('intake.sameDispute')}</Link>
                </Space>
              ))}
            </Space>
          }
        />
      )}
      {loose.length > 0 && <Alert type="error" showIcon message={loose.join('；')} />}
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={EMPTY}
        validateTrigger={['onChange', 'onBlur']}
        onValuesChange={(_, all) => saveDraft(DRAFT, all)}
        onFinish={(v) => void submit(v)}
      >
        <Card title={t('intake.parties')} size="small">
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key}>
                    {i > 0 && <Divider style={{ margin: '8px 0 16px' }} />}
                    <Row gutter={12}>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'role']} label={t('intake.partyRole')}>
                          <Select options={opts('partyRole')} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[f.name, 'kind']} label={t('intake.partyKind')}>
                          <Select options={opts('partyKind')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={5}>
                        <Form.Item
                          name={[f.name, 'name']}
                          label={t('intake.name')}
                          rules={[{ required: true, whitespace: true, message: t('errors.parties.name') }]}
                        >
                          <Input autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        {/* A person has a resident ID number; an organisation its credit code. */}
                        {parties?.[f.name]?.kind === 'ORGANISATION' ? (
                          <Form.Item
                            name={[f.name, 'creditCode']}
                            label={t('intake.creditCode')}
                            rules={[
                              {
                                validator: async (_, v?: string) => {
                                  if (v && v.trim() && !isValidCreditCode(v.trim().toUpperCase()))
                                    throw new Error(t('intake.badCreditCode'));
                                },
                              },
                            ]}
                          >
                            <Input autoComplete="off" maxLength={18} />
                          </Form.Item>
                        ) : (
                          <Form.Item
                            name={[f.name, 'idNumber']}
                            label={t('intake.idNumber')}
                            rules={[
                              {
                                validator: async (_, v?: string) => {
                                  if (v && v.trim() && !isValidIdNumber(v.trim().toUpperCase()))
                                    throw new Error(t('intake.badId'));
                                },
                              },
                            ]}
                          >
                            <Input autoComplete="off" maxLength={18} />
                          </Form.Item>
                        )}
                      </Col>
                      <Col xs={24} md={4}>
                        <Form.Item
                          name={[f.name, 'phone']}
                          label={t('intake.phone')}
                          rules={[
                            {
                              validator: async (_, v?: string) => {
                                if (v && v.trim() && !isValidPhone(v.trim())) throw new Error(t('intake.badPhone'));
                              },
                            },
                          ]}
                        >
                          <Input autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={2}>
                        <Form.Item label=" ">
                          <Button danger disabled={fields.length <= 1} onClick={() => remove(f.name)}>
                            {t('intake.removeParty')}
                          </Button>
                        </Form.Item>
                      </Col>
                      <Col xs={24}>
                        <Form.Item name={[f.name, 'address']} label={t('intake.address')}>
                          <Input autoComplete="off" />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button onClick={() => add({ role: 'THIRD_PARTY', kind: 'PERSON' })}>{t('intake.addParty')}</Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('case.basic')} size="small" style={{ marginTop: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label={t('intake.caseTitle')}
                rules={[{ required: true, whitespace: true, message: t('errors.title') }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="channel" label={t('intake.channel')}>
                <Select options={opts('channel')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="riskLevel" label={t('intake.risk')}>
                <Select allowClear options={opts('risk')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="categoryId" label={t('intake.category')}>
                <TreeSelect
                  allowClear
                  showSearch
                  treeNodeFilterProp="title"
                  treeData={categories.tree}
                  onChange={(id?: string) => {
                    const risk = id ? categories.byId.get(id)?.defaultRiskLevel : undefined;
                    if (risk && !form.getFieldValue('riskLevel')) form.setFieldValue('riskLevel', risk);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="reportedOrgUnitId" label={t('intake.unit')}>
                <TreeSelect allowClear treeDefaultExpandAll treeData={units.tree} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="location" label={t('intake.location')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="amountInvolved" label={t('intake.amount')}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="onBehalfOfResident" label={t('intake.onBehalf')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('intake.description')}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={loading} size="large">
            {t('intake.saveCase')}
          </Button>
        </Card>
      </Form>
    </Space>
  );
}
