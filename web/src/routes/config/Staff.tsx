import { useMutation, useQuery } from '@apollo/client/react';
import { Card, Checkbox, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREATE_STAFF, STAFF } from './config-documents';
import { AddButton, FormDialog, useFormDialog, Field } from './FormDialog';
import { TreePick, useCategoryTree, useDepartmentOptions, useUnitTree } from './pickers';

// Not a center's to give its staff: the platform's operators and other systems' accounts.
const NOT_STAFF = new Set(['platform-admin', 'intake-system']);

interface StaffValues {
  name: string;
  roles?: string[];
  orgUnitId?: string;
  departmentId?: string;
  mediator?: boolean;
  specialtyIds?: string[];
  studioName?: string;
  goldMedal?: boolean;
  languages?: string;
  maxConcurrentCases?: number;
}

const staffInput = (v: StaffValues) => ({
  name: v.name,
  roles: v.roles,
  orgUnitId: v.orgUnitId,
  departmentId: v.departmentId,
  mediatorProfile: v.mediator
    ? {
        specialtyIds: v.specialtyIds ?? [],
        studioName: v.studioName,
        goldMedal: v.goldMedal ?? false,
        languages: (v.languages ?? '').split(/[,，、\s]+/).filter(Boolean),
        maxConcurrentCases: v.maxConcurrentCases ?? 10,
      }
    : undefined,
});

/** 人员与调解员: the center's people, and a mediator's profile (specialties, studio, gold medal, languages, capacity). */
export default function Staff() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(STAFF, { fetchPolicy: 'network-only' });
  const unitTree = useUnitTree();
  const catTree = useCategoryTree();
  const deptOptions = useDepartmentOptions();
  const [create] = useMutation(CREATE_STAFF);
  const dialog = useFormDialog();
  const isMediator = Form.useWatch('mediator', dialog.form) as boolean | undefined;
  // Roles as the API lists and words them (受理员, not intake-clerk; the console's own list had drifted).
  const roleLabel = new Map((data?.roleLabels ?? []).map((l) => [l.value, l.label]));

  return (
    <Card size="small" title={t('config.tabs.staff')} extra={<AddButton dialog={dialog} />}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data?.staff.edges.map((e) => e.node) ?? []}
        columns={[
          { title: t('config.name'), dataIndex: 'name' },
          {
            title: t('config.roles'),
            render: (_, s) => s.roles.map((r) => <Tag key={r}>{roleLabel.get(r) ?? r}</Tag>),
          },
          { title: t('config.unit'), render: (_, s) => s.orgUnit?.name ?? '—' },
          { title: t('config.department'), render: (_, s) => s.department?.name ?? '—' },
          {
            title: t('config.mediator'),
            render: (_, s) =>
              s.mediatorProfile ? (
                <>
                  {s.mediatorProfile.goldMedal && <Tag color="#874d00">{t('config.goldMedal')}</Tag>}
                  {s.mediatorProfile.studioName}
                  {s.mediatorProfile.specialties.map((c) => c.name).join('、')}（{t('config.capacity')}{' '}
                  {s.mediatorProfile.maxConcurrentCases}）
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <FormDialog<never, StaffValues>
        dialog={dialog}
        title={t('config.tabs.staff')}
        onSubmit={async (v) =>
          (await create({ variables: { input: staffInput(v) } })).data?.createStaffMember.userErrors
        }
        onSaved={refetch}
      >
        <Field name="name" label={t('config.name')} required>
          <Input />
        </Field>
        <Form.Item name="roles" label={t('config.roles')}>
          <Select
            mode="multiple"
            options={(data?.roleLabels ?? [])
              .filter((l) => !NOT_STAFF.has(l.value))
              .map((l) => ({ value: l.value, label: l.label }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('config.unit')}>
          <TreePick treeData={unitTree} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('config.department')}>
          <Select allowClear options={deptOptions} />
        </Form.Item>
        <Form.Item name="mediator" valuePropName="checked">
          <Checkbox>{t('config.mediator')}</Checkbox>
        </Form.Item>
        {isMediator && (
          <>
            <Form.Item name="specialtyIds" label={t('config.specialties')}>
              <TreePick treeData={catTree} multiple />
            </Form.Item>
            <Form.Item name="studioName" label={t('config.studio')}>
              <Input />
            </Form.Item>
            <Form.Item name="goldMedal" valuePropName="checked">
              <Checkbox>{t('config.goldMedal')}</Checkbox>
            </Form.Item>
            <Form.Item name="languages" label={t('config.languages')}>
              <Input placeholder="普通话、湖州话" />
            </Form.Item>
            <Form.Item name="maxConcurrentCases" label={t('config.capacity')} initialValue={10}>
              <InputNumber min={1} />
            </Form.Item>
          </>
        )}
      </FormDialog>
    </Card>
  );
}
