import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddButton, Field, FormDialog, useFormDialog } from './FormDialog';
import { TAG } from './kinds';
import { useSave } from './save';
import { CREATE_TENANT, SUSPEND_TENANT, TENANTS } from './settings-documents';

interface TenantValues {
  code: string;
  name: string;
  level: string;
  parentId?: string;
  caseNumberPrefix?: string;
}

/** 租户: every center on the platform; create one, suspend or reactivate it (platform admins only). */
export default function Tenants() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(TENANTS, { fetchPolicy: 'network-only', errorPolicy: 'all' });
  const [create] = useMutation(CREATE_TENANT);
  const [suspend] = useMutation(SUSPEND_TENANT);
  const save = useSave();
  const dialog = useFormDialog();
  const rows = data?.tenants.edges.map((e) => e.node) ?? [];
  const label = (e: string, v: string) => data?.enumLabels.find((l) => l.enum === e && l.value === v)?.label ?? v;
  const levels = (data?.enumLabels ?? []).filter((l) => l.enum === 'TenantLevel');

  return (
    <Card size="small" title={t('config.tenantAdmin.title')} extra={!error && <AddButton dialog={dialog} />}>
      {error && <Alert type="info" showIcon message={t('config.notAllowed')} description={error.message} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('config.code'), dataIndex: 'code' },
          { title: t('config.name'), dataIndex: 'name' },
          { title: t('config.tenantAdmin.level'), render: (_, r) => label('TenantLevel', r.level) },
          { title: t('config.parent'), render: (_, r) => r.parent?.name ?? '—' },
          { title: t('config.tenantAdmin.prefix'), dataIndex: 'caseNumberPrefix' },
          {
            title: t('config.tenantAdmin.status'),
            render: (_, r) => (
              <Tag color={r.status === 'ACTIVE' ? TAG.ok : TAG.bad}>{label('TenantStatus', r.status)}</Tag>
            ),
          },
          {
            title: t('config.actions'),
            render: (_, r) => {
              const suspended = r.status === 'SUSPENDED';
              return (
                <Popconfirm
                  title={suspended ? t('config.tenantAdmin.reactivateConfirm') : t('config.tenantAdmin.suspendConfirm')}
                  onConfirm={async () => {
                    const input = { id: r.id, suspended: !suspended };
                    const ok = await save(
                      async () => (await suspend({ variables: { input } })).data?.suspendTenant.userErrors,
                      undefined,
                      t('common.saved'),
                    );
                    if (ok) await refetch();
                  }}
                >
                  <Button size="small" type="link" danger={!suspended}>
                    {suspended ? t('config.tenantAdmin.reactivate') : t('config.tenantAdmin.suspend')}
                  </Button>
                </Popconfirm>
              );
            },
          },
        ]}
      />
      <FormDialog<never, TenantValues>
        dialog={dialog}
        title={t('config.tenantAdmin.title')}
        onSubmit={async (v) =>
          (await create({ variables: { input: { ...v, level: v.level as never } } })).data?.createTenant.userErrors
        }
        onSaved={refetch}
      >
        <Field name="code" label={t('config.code')} extra={t('config.tenantAdmin.codeHelp')} required>
          <Input />
        </Field>
        <Field name="name" label={t('config.name')} required>
          <Input />
        </Field>
        <Field name="level" label={t('config.tenantAdmin.level')} required>
          <Select options={levels.map((l) => ({ value: l.value, label: l.label }))} />
        </Field>
        <Field name="parentId" label={t('config.parent')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={rows.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Field>
        <Field name="caseNumberPrefix" label={t('config.tenantAdmin.prefix')}>
          <Input placeholder="ZL" />
        </Field>
      </FormDialog>
    </Card>
  );
}
