import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, SLA_POLICIES, UPSERT_SLA_POLICY } from './config-documents';
import { buildTree } from './OrgUnits';
import { useSave } from './save';
import { RISKS } from './kinds';
import { durationWords, warningWords } from './sla-words';

const STEPS = ['ACCEPT', 'DISPATCH', 'FIRST_CONTACT', 'RESOLVE', 'FOLLOW_UP'] as const;
const MODES = ['SAME_DAY', 'WORKING', 'CALENDAR'] as const;

/** 办理时限: each policy's deadlines per step in plain words ("受理：当日；办结：15个工作日，黄色提前3天"). */
export default function Sla() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(SLA_POLICIES, { fetchPolicy: 'network-only' });
  const cats = useQuery(CATEGORIES);
  const [upsert] = useMutation(UPSERT_SLA_POLICY);
  const save = useSave();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const catTree = buildTree(
    (cats.data?.categories.edges.map((e) => e.node) ?? []).filter((c) => !c.archived),
    (c) => c.name,
  );

  const submit = async () => {
    const v = (await form.validateFields()) as {
      name: string;
      categoryId?: string;
      riskLevel?: string;
      targets: { step: string; mode: string; amount: number; unit: 'D' | 'H' }[];
      yellowDays: number;
      redDays: number;
    };
    const input = {
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
    };
    if (
      await save(
        async () => (await upsert({ variables: { input } })).data?.upsertSlaPolicy.userErrors,
        form,
        t('common.saved'),
      )
    ) {
      setOpen(false);
      await refetch();
    }
  };

  return (
    <Card
      size="small"
      title={t('config.tabs.sla')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        >
          {t('config.add')}
        </Button>
      }
    >
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
      <Modal
        open={open}
        width={720}
        title={t('config.tabs.sla')}
        okText={t('common.save')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            targets: [
              { step: 'ACCEPT', mode: 'SAME_DAY', amount: 0, unit: 'D' },
              { step: 'RESOLVE', mode: 'WORKING', amount: 15, unit: 'D' },
            ],
            yellowDays: 3,
            redDays: 1,
          }}
        >
          <Form.Item name="name" label={t('config.policy')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="categoryId" label={t('config.category')}>
              <TreeSelect
                style={{ width: 240 }}
                treeData={catTree}
                treeDefaultExpandAll
                allowClear
                placeholder={t('config.any')}
              />
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
                      {t('common.cancel')}
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
        </Form>
      </Modal>
    </Card>
  );
}
