import { useMutation, useQuery } from '@apollo/client/react';
import { Card, Space, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROUTING_RULES, UPSERT_ROUTING_RULE } from './config-documents';
import { AddButton, FormDialog, useFormDialog, Field } from './FormDialog';
import { TreePick, useCategoryTree, useDepartmentOptions, useUnitTree } from './pickers';
import { RISKS, TAG } from './kinds';
import { RoutingPreview } from './RoutingPreview';

interface RuleValues {
  name: string;
  priority: number;
  categoryId?: string;
  orgUnitId?: string;
  riskLevel?: string;
  targetDepartmentId?: string;
  targetOrgUnitId?: string;
}

/** 分流规则: category × area × risk → a department or unit, tried by priority (the API decides which applies). */
export default function Routing() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(ROUTING_RULES, { fetchPolicy: 'network-only' });
  const unitTree = useUnitTree();
  const catTree = useCategoryTree();
  const deptOptions = useDepartmentOptions();
  const [upsert] = useMutation(UPSERT_ROUTING_RULE);
  const dialog = useFormDialog();
  const any = t('config.any');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('config.tabs.routing')} extra={<AddButton dialog={dialog} />}>
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
              render: (_, r) => (r.active ? <Tag color={TAG.ok}>{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
            },
          ]}
        />
        <FormDialog<never, RuleValues>
          dialog={dialog}
          title={t('config.tabs.routing')}
          initialValues={{ priority: 100 }}
          onSubmit={async (v) =>
            (await upsert({ variables: { input: { ...v, riskLevel: (v.riskLevel ?? null) as never } } })).data
              ?.upsertRoutingRule.userErrors
          }
          onSaved={refetch}
        >
          <Field name="name" label={t('config.name')} required>
            <Input />
          </Field>
          <Field name="priority" label={t('config.priority')} required>
            <InputNumber min={0} />
          </Field>
          <Form.Item name="categoryId" label={t('config.category')}>
            <TreePick treeData={catTree} placeholder={any} />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('config.area')}>
            <TreePick treeData={unitTree} placeholder={any} />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('config.riskLevel')}>
            <Select
              allowClear
              placeholder={any}
              options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="targetDepartmentId" label={t('config.targetDepartment')}>
            <Select allowClear showSearch optionFilterProp="label" options={deptOptions} />
          </Form.Item>
          <Form.Item name="targetOrgUnitId" label={t('config.targetUnit')}>
            <TreePick treeData={unitTree} />
          </Form.Item>
        </FormDialog>
      </Card>
      <RoutingPreview />
    </Space>
  );
}
