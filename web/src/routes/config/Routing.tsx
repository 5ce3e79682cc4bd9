import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, DEPARTMENTS, ORG_UNITS, ROUTING_RULES, UPSERT_ROUTING_RULE } from './config-documents';
import { buildTree } from './OrgUnits';
import { useSave } from './save';
import { RISKS } from './kinds';

/** 分流规则: category × area × risk → a department or unit, tried by priority (the API decides which applies). */
export default function Routing() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(ROUTING_RULES, { fetchPolicy: 'network-only' });
  const units = useQuery(ORG_UNITS);
  const depts = useQuery(DEPARTMENTS);
  const cats = useQuery(CATEGORIES);
  const [upsert] = useMutation(UPSERT_ROUTING_RULE);
  const save = useSave();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const unitTree = buildTree(
    units.data?.orgUnits.edges.map((e) => e.node).filter((u) => !u.archived) ?? [],
    (u) => u.name,
  );
  const catTree = buildTree(
    (cats.data?.categories.edges.map((e) => e.node) ?? []).filter((c) => !c.archived),
    (c) => c.name,
  );
  const any = t('config.any');

  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const input = {
      ...v,
      name: v['name'] as string,
      priority: v['priority'] as number,
      riskLevel: (v['riskLevel'] ?? null) as never,
    };
    if (
      await save(
        async () => (await upsert({ variables: { input } })).data?.upsertRoutingRule.userErrors,
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
      title={t('config.tabs.routing')}
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
        dataSource={data?.routingRules.edges.map((e) => e.node) ?? []}
        columns={[
          { title: t('config.priority'), dataIndex: 'priority', width: 80 },
          { title: t('config.name'), dataIndex: 'name' },
          { title: t('config.category'), render: (_, r) => r.category?.name ?? any },
          { title: t('config.area'), render: (_, r) => r.orgUnit?.name ?? any },
          { title: t('config.riskLevel'), render: (_, r) => (r.riskLevel ? t(`enums.risk.${r.riskLevel}`) : any) },
          { title: t('config.targetDepartment'), render: (_, r) => r.targetDepartment?.name ?? '—' },
          { title: t('config.targetUnit'), render: (_, r) => r.targetOrgUnit?.name ?? '—' },
          {
            title: t('config.active'),
            render: (_, r) => (r.active ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('config.tabs.routing')}
        okText={t('common.save')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ priority: 100 }}>
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="priority"
            label={t('config.priority')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('config.category')}>
            <TreeSelect
              treeData={catTree}
              treeDefaultExpandAll
              allowClear
              showSearch
              treeNodeFilterProp="label"
              placeholder={any}
            />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('config.area')}>
            <TreeSelect
              treeData={unitTree}
              treeDefaultExpandAll
              allowClear
              showSearch
              treeNodeFilterProp="label"
              placeholder={any}
            />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('config.riskLevel')}>
            <Select
              allowClear
              placeholder={any}
              options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="targetDepartmentId" label={t('config.targetDepartment')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={depts.data?.departments.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
            />
          </Form.Item>
          <Form.Item name="targetOrgUnitId" label={t('config.targetUnit')}>
            <TreeSelect treeData={unitTree} treeDefaultExpandAll allowClear showSearch treeNodeFilterProp="label" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
