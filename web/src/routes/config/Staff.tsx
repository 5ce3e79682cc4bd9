import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CREATE_STAFF, DEPARTMENTS, ORG_UNITS, STAFF } from './config-documents';
import { buildTree } from './OrgUnits';
import { useSave } from './save';

const ROLES = ['intake-clerk', 'dispatcher', 'mediator', 'grid-worker', 'leader', 'tenant-admin', 'unit-lead'];

/** 人员与调解员: the center's people, and a mediator's profile (specialties, studio, gold medal, languages, capacity). */
export default function Staff() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(STAFF, { fetchPolicy: 'network-only' });
  const units = useQuery(ORG_UNITS);
  const depts = useQuery(DEPARTMENTS);
  const cats = useQuery(CATEGORIES);
  const [create] = useMutation(CREATE_STAFF);
  const save = useSave();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const isMediator = Form.useWatch('mediator', form) as boolean | undefined;
  const unitTree = buildTree(
    units.data?.orgUnits.edges.map((e) => e.node).filter((u) => !u.archived) ?? [],
    (u) => u.name,
  );
  const catTree = buildTree(
    (cats.data?.categories.edges.map((e) => e.node) ?? []).filter((c) => !c.archived),
    (c) => c.name,
  );

  const submit = async () => {
    const v = (await form.validateFields()) as {
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
    };
    const input = {
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
    };
    const ok = await save(
      async () => (await create({ variables: { input } })).data?.createStaffMember.userErrors,
      form,
      t('common.saved'),
    );
    if (ok) {
      setOpen(false);
      await refetch();
    }
  };

  return (
    <Card
      size="small"
      title={t('config.tabs.staff')}
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
        dataSource={data?.staff.edges.map((e) => e.node) ?? []}
        columns={[
          { title: t('config.name'), dataIndex: 'name' },
          { title: t('config.roles'), render: (_, s) => s.roles.map((r) => <Tag key={r}>{r}</Tag>) },
          { title: t('config.unit'), render: (_, s) => s.orgUnit?.name ?? '—' },
          { title: t('config.department'), render: (_, s) => s.department?.name ?? '—' },
          {
            title: t('config.mediator'),
            render: (_, s) =>
              s.mediatorProfile ? (
                <>
                  {s.mediatorProfile.goldMedal && <Tag color="gold">{t('config.goldMedal')}</Tag>}
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
      <Modal
        open={open}
        title={t('config.tabs.staff')}
        okText={t('common.save')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('config.roles')}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('config.unit')}>
            <TreeSelect treeData={unitTree} treeDefaultExpandAll allowClear showSearch treeNodeFilterProp="label" />
          </Form.Item>
          <Form.Item name="departmentId" label={t('config.department')}>
            <Select
              allowClear
              options={depts.data?.departments.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
            />
          </Form.Item>
          <Form.Item name="mediator" valuePropName="checked">
            <Checkbox>{t('config.mediator')}</Checkbox>
          </Form.Item>
          {isMediator && (
            <>
              <Form.Item name="specialtyIds" label={t('config.specialties')}>
                <TreeSelect treeData={catTree} multiple treeDefaultExpandAll showSearch treeNodeFilterProp="label" />
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
        </Form>
      </Modal>
    </Card>
  );
}
