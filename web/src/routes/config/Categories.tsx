import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Select, Space, Tag, Tree } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, UPSERT_CATEGORY } from './config-documents';
import { AddButton, FormDialog, useFormDialog, Field } from './FormDialog';
import { TreePick, buildTree } from './pickers';
import { RISKS } from './kinds';

type Cat = {
  id: string;
  code: string;
  name: string;
  defaultRiskLevel: string;
  archived: boolean;
  parent?: { id: string } | null;
};

interface CategoryValues {
  name: string;
  code: string;
  defaultRiskLevel: string;
  parentId?: string;
}

/** 纠纷类别: the category tree with each one's default risk; moving one under its own child is refused by the API. */
export default function Categories() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(CATEGORIES, { fetchPolicy: 'network-only' });
  const [upsert] = useMutation(UPSERT_CATEGORY);
  const dialog = useFormDialog<Cat>();
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
        onClick={() =>
          dialog.openEdit(c, {
            name: c.name,
            code: c.code,
            defaultRiskLevel: c.defaultRiskLevel,
            parentId: c.parent?.id,
          })
        }
      >
        {t('config.edit')}
      </Button>
    </Space>
  ));

  return (
    <Card size="small" title={t('config.tabs.categories')} extra={<AddButton dialog={dialog} />}>
      <Tree treeData={tree} defaultExpandAll selectable={false} key={rows.length} />
      <FormDialog<Cat, CategoryValues>
        dialog={dialog}
        title={dialog.target?.kind === 'edit' ? t('config.edit') : t('config.add')}
        onSubmit={async (v, target) =>
          (
            await upsert({
              variables: {
                input: {
                  ...v,
                  parentId: v.parentId ?? null,
                  defaultRiskLevel: v.defaultRiskLevel as never,
                  id: target.kind === 'edit' ? target.row.id : undefined,
                },
              },
            })
          ).data?.upsertCategory.userErrors
        }
        onSaved={refetch}
      >
        <Field name="name" label={t('config.name')} required>
          <Input />
        </Field>
        <Field name="code" label={t('config.code')} required>
          <Input />
        </Field>
        <Field name="defaultRiskLevel" label={t('config.risk')} required>
          <Select options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))} />
        </Field>
        <Form.Item name="parentId" label={t('config.parent')}>
          <TreePick treeData={pick} />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}
