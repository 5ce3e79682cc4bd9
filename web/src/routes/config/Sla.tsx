import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { SLA_POLICIES, UPSERT_SLA_POLICY } from './config-documents';
import { AddButton, FormDialog, useFormDialog, Field } from './FormDialog';
import { TreePick, useCategoryTree } from './pickers';
import { RISKS } from './kinds';
import { durationWords, warningWords } from './sla-words';

const STEPS = ['ACCEPT', 'DISPATCH', 'FIRST_CONTACT', 'RESOLVE', 'FOLLOW_UP'] as const;
const MODES = ['SAME_DAY', 'WORKING', 'CALENDAR'] as const;

interface PolicyValues {
  name: string;
  categoryId?: string;
  riskLevel?: string;
  targets: { step: string; mode: string; amount: number; unit: 'D' | 'H' }[];
  yellowDays: number;
  redDays: number;
}

/** The form's plain numbers as the API's ISO 8601 durations. */
const policyInput = (v: PolicyValues) => ({
  name: v.name,
  categoryId: v.categoryId,
  riskLevel: (v.riskLevel ?? null) as never,
  targets: v.targets.map((x) => ({
    step: x.step as never,
    mode: x.mode as never,
    duration: x.mode === 'SAME_DAY' ? 'P0D' : x.unit === 'H' ? `PT${x.amount}H` : `P${x.amount}D`,
  })),
  yellow: { before: `P${v.yellowDays}D` },
  red: v.redDays ? { before: `P${v.redDays}D` } : { share: 1 },
});

/** 办理时限: each policy's deadlines per step in plain words ("受理：当日；办结：15个工作日，黄色提前3天"). */
export default function Sla() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(SLA_POLICIES, { fetchPolicy: 'network-only' });
  const catTree = useCategoryTree();
  const [upsert] = useMutation(UPSERT_SLA_POLICY);
  const dialog = useFormDialog();

  return (
    <Card size="small" title={t('config.tabs.sla')} extra={<AddButton dialog={dialog} />}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data?.slaPolicies.edges.map((e) => e.node) ?? []}
        columns={[
          { title: t('config.policy'), dataIndex: 'name', width: 200 },
          { title: t('config.category'), width: 140, render: (_, p) => p.category?.name ?? t('config.any') },
          {
            title: t('config.riskLevel'),
            width: 100,
            render: (_, p) => (p.riskLevel ? t(`enums.risk.${p.riskLevel}`) : t('config.any')),
          },
          {
            title: t('config.inWords'),
            render: (_, p) =>
              `${p.targets
                .map((x) => `${t(`config.slaStep.${x.step}`)}：${durationWords(x.duration, x.mode)}`)
                .join('；')}；${t('board.yellow')}${warningWords(p.yellow)}，${t('board.red')}${warningWords(p.red)}`,
          },
        ]}
      />
      <FormDialog<never, PolicyValues>
        dialog={dialog}
        width={720}
        title={t('config.tabs.sla')}
        initialValues={{
          targets: [
            { step: 'ACCEPT', mode: 'SAME_DAY', amount: 0, unit: 'D' },
            { step: 'RESOLVE', mode: 'WORKING', amount: 15, unit: 'D' },
          ],
          yellowDays: 3,
          redDays: 1,
        }}
        onSubmit={async (v) =>
          (await upsert({ variables: { input: policyInput(v) } })).data?.upsertSlaPolicy.userErrors
        }
        onSaved={refetch}
      >
        <Field name="name" label={t('config.policy')} required>
          <Input />
        </Field>
        <Space>
          <Form.Item name="categoryId" label={t('config.category')}>
            <TreePick style={{ width: 240 }} treeData={catTree} placeholder={t('config.any')} />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('config.riskLevel')}>
            <Select
              style={{ width: 120 }}
              allowClear
              placeholder={t('config.any')}
              options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'step']} label={t('config.step')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 120 }}
                      options={STEPS.map((s) => ({ value: s, label: t(`config.slaStep.${s}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'mode']} label={t('config.targetMode')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 110 }}
                      options={MODES.map((s) => ({ value: s, label: t(`config.slaMode.${s}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} label={t('config.duration')}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} label=" ">
                    <Select
                      aria-label={t('config.duration')}
                      style={{ width: 90 }}
                      options={[
                        { value: 'D', label: t('config.days') },
                        { value: 'H', label: t('config.hours') },
                      ]}
                    />
                  </Form.Item>
                  <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>
                    {t('config.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ step: 'DISPATCH', mode: 'SAME_DAY', amount: 0, unit: 'D' })}>
                {t('config.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Form.Item name="yellowDays" label={`${t('config.yellowBefore')}（${t('config.days')}）`}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="redDays" label={`${t('config.redBefore')}（${t('config.days')}）`}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
      </FormDialog>
    </Card>
  );
}
