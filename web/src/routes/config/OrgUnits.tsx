import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, Tree, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_ORG_UNIT, CREATE_ORG_UNIT, ORG_UNITS, UPDATE_ORG_UNIT } from './config-documents';
import { useSave } from './save';
import { UnitQrButton } from './UnitQr';

type Unit = { id: string; name: string; kind: string; archived: boolean; parent?: { id: string } | null };
type Node = { key: string; value: string; title: React.ReactNode; label: string; children: Node[] };

export function buildTree<T extends { id: string; name: string; parent?: { id: string } | null }>(
  rows: readonly T[],
  title: (u: T) => React.ReactNode,
): Node[] {
  const nodes = new Map(
    rows.map((r) => [r.id, { key: r.id, value: r.id, label: r.name, title: title(r), children: [] as Node[] }]),
  );
  const roots: Node[] = [];
  for (const r of rows)
    (r.parent && nodes.get(r.parent.id) ? nodes.get(r.parent.id)!.children : roots).push(nodes.get(r.id)!);
  return roots;
}

/** 组织架构: the unit tree; create under a parent, move by choosing another parent, archive (the API refuses what it must). */
export default function OrgUnits() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(ORG_UNITS, { fetchPolicy: 'network-only' });
  const [create] = useMutation(CREATE_ORG_UNIT);
  const [update] = useMutation(UPDATE_ORG_UNIT);
  const [archive] = useMutation(ARCHIVE_ORG_UNIT);
  const save = useSave();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const rows = useMemo(() => data?.orgUnits.edges.map((e) => e.node) ?? [], [data]);
  const live = rows.filter((r) => !r.archived);
  const pickTree = buildTree(live, (u) => u.name);
  const tree = buildTree(rows, (u) => (
    <Space>
      <span>{u.name}</span>
      <Tag>{t(`config.unitKind.${u.kind}`)}</Tag>
      {u.archived ? (
        <Tag>{t('config.archived')}</Tag>
      ) : (
        <>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(u);
              form.setFieldsValue({ name: u.name, kind: u.kind, parentId: u.parent?.id });
            }}
          >
            {t('config.edit')}
          </Button>
          <UnitQrButton unitId={u.id} />
          <Popconfirm
            title={t('config.archiveConfirm')}
            onConfirm={async () => {
              if (
                await save(
                  async () => (await archive({ variables: { input: { id: u.id } } })).data?.archiveOrgUnit.userErrors,
                )
              )
                await refetch();
            }}
          >
            <Button size="small" type="link" danger>
              {t('config.archive')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  ));

  const submit = async () => {
    const v = (await form.validateFields()) as {
      name: string;
      kind: string;
      parentId?: string;
      address?: string;
      phone?: string;
    };
    const ok =
      editing === 'new'
        ? await save(
            async () =>
              (await create({ variables: { input: { ...v, kind: v.kind as never } } })).data?.createOrgUnit.userErrors,
            form,
            t('common.saved'),
          )
        : await save(
            async () =>
              (
                await update({
                  variables: {
                    input: {
                      id: (editing as Unit).id,
                      name: v.name,
                      parentId: v.parentId,
                      address: v.address,
                      phone: v.phone,
                    },
                  },
                })
              ).data?.updateOrgUnit.userErrors,
            form,
            t('common.saved'),
          );
    if (ok) {
      setEditing(null);
      await refetch();
    }
  };

  return (
    <Card
      size="small"
      title={t('config.tabs.units')}
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
      {tree.length ? (
        <Tree treeData={tree} defaultExpandAll selectable={false} key={rows.length} />
      ) : (
        <Typography.Text>—</Typography.Text>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('config.add') : t('config.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('common.save')}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('config.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              disabled={editing !== 'new'}
              options={['CENTER', 'SUB_CENTER', 'STATION', 'GRID'].map((k) => ({
                value: k,
                label: t(`config.unitKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="parentId" label={t('config.parent')}>
            <TreeSelect treeData={pickTree} treeDefaultExpandAll allowClear treeNodeFilterProp="label" showSearch />
          </Form.Item>
          <Form.Item name="address" label={t('config.address')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('config.phone')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
