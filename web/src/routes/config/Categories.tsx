import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Modal, Select, Space, Tag, Tree, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, UPSERT_CATEGORY } from './config-documents';
import { buildTree } from './OrgUnits';
import { useSave } from './save';
import { RISKS } from './kinds';

type Cat = {
  id: string;
  code: string;
  name: string;
  defaultRiskLevel: string;
  archived: boolean;
  parent?: { id: string } | null;
};

/** 纠纷类别: the category tree with each one's default risk; moving one under its own child is refused by the API. */
export default function Categories() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(CATEGORIES, { fetchPolicy: 'network-only' });
  const [upsert] = useMutation(UPSERT_CATEGORY);
  const save = useSave();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Cat | 'new' | null>(null);
  const rows = data?.categories.edges.map((e) => e.node) ?? [];
  const pick = buildTree(
    rows.filter((r) => !r.archived),
    (c) => c.name,
  );
  const tree = buildTree(rows, (c) => (
    <Space>
      <span>{c.name}</span>
      <Tag>{c.code}</Tag>
      <Tag>
        {t('config.riskLevel')}：{t(`enums.risk.${c.defaultRiskLevel}`)}
      </Tag>
      {c.archived && <Tag>{t('config.archived')}</Tag>}
      <Button
        size="small"
        type="link"
        onClick={() => {
          const cat = c;
          setEditing(cat);
          form.setFieldsValue({
            name: cat.name,
            code: cat.code,
            defaultRiskLevel: cat.defaultRiskLevel,
            parentId: cat.parent?.id,
          });
        }}
      >
        {t('config.edit')}
      </Button>
    </Space>
  ));

  const submit = async () => {
    const v = (await form.validateFields()) as {
      name: string;
      code: string;
      defaultRiskLevel: string;
      parentId?: string;
    };
    const input = {
      ...v,
      parentId: v.parentId ?? null,
      defaultRiskLevel: v.defaultRiskLevel as never,
      id: editing && editing !== 'new' ? editing.id : undefined,
    };
    if (
      await save(
        async () => (await upsert({ variables: { input } })).data?.upsertCategory.userErrors,
        form,
        t('common.saved'),
      )
    ) {
      setEditing(null);
      await refetch();
    }
  };

  return (
    <Card
      size="small"
      title={t('config.tabs.categories')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            setEditing('new');
          }}
        >
          {t('config.add')}
        </Button>
      }
    >
      <Tree treeData={tree} defaultExpandAll selectable={false} key={rows.length} />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('config.add') : t('config.edit')}
        okText={t('common.save')}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('config.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="defaultRiskLevel"
            label={t('config.risk')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('config.parent')}>
            <TreeSelect treeData={pick} treeDefaultExpandAll allowClear showSearch treeNodeFilterProp="label" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
