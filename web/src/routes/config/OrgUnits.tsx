import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_ORG_UNIT, CREATE_ORG_UNIT, ORG_UNITS, UPDATE_ORG_UNIT } from './config-documents';
import { AddButton, FormDialog, useFormDialog, type Target, Field } from './FormDialog';
import { TreePick, buildTree } from './pickers';
import { useSave } from './save';
import { UnitQrButton } from './UnitQr';

type Unit = { id: string; name: string; kind: string; archived: boolean; parent?: { id: string } | null };
interface UnitValues {
  name: string;
  kind: string;
  parentId?: string;
  address?: string;
  phone?: string;
}

/** 组织架构: the unit tree; create under a parent, move by choosing another parent, archive (the API refuses what it must). */
export default function OrgUnits() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(ORG_UNITS, { fetchPolicy: 'network-only' });
  const [create] = useMutation(CREATE_ORG_UNIT);
  const [update] = useMutation(UPDATE_ORG_UNIT);
  const [archive] = useMutation(ARCHIVE_ORG_UNIT);
  const save = useSave();
  const dialog = useFormDialog<Unit>();
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
            onClick={() => dialog.openEdit(u, { name: u.name, kind: u.kind, parentId: u.parent?.id })}
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

  const submit = async (v: UnitValues, target: Target<Unit>) =>
    target.kind === 'new'
      ? (await create({ variables: { input: { ...v, kind: v.kind as never } } })).data?.createOrgUnit.userErrors
      : (
          await update({
            variables: {
              input: { id: target.row.id, name: v.name, parentId: v.parentId, address: v.address, phone: v.phone },
            },
          })
        ).data?.updateOrgUnit.userErrors;

  return (
    <Card size="small" title={t('config.tabs.units')} extra={<AddButton dialog={dialog} />}>
      {tree.length ? (
        <Tree treeData={tree} defaultExpandAll selectable={false} key={rows.length} />
      ) : (
        <Typography.Text>—</Typography.Text>
      )}
      <FormDialog<Unit, UnitValues>
        dialog={dialog}
        title={dialog.target?.kind === 'edit' ? t('config.edit') : t('config.add')}
        onSubmit={submit}
        onSaved={refetch}
      >
        <Field name="name" label={t('config.name')} required>
          <Input />
        </Field>
        <Field name="kind" label={t('config.kind')} required>
          <Select
            disabled={dialog.target?.kind === 'edit'}
            options={['CENTER', 'SUB_CENTER', 'STATION', 'GRID'].map((k) => ({
              value: k,
              label: t(`config.unitKind.${k}`),
            }))}
          />
        </Field>
        <Form.Item name="parentId" label={t('config.parent')}>
          <TreePick treeData={pickTree} />
        </Form.Item>
        <Form.Item name="address" label={t('config.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('config.phone')}>
          <Input />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}
