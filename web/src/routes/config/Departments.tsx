import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Col, Form, Input, Modal, Row, Select, Table, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fmt } from '../../app/time';
import { CREATE_DEPARTMENT, DEPARTMENTS, ORG_UNITS, STATION_DEPARTMENT } from './config-documents';
import { buildTree } from './OrgUnits';
import { useSave } from './save';
import { DEPT_KINDS } from './kinds';

const MODES = ['RESIDENT', 'ROTATING', 'JOINT', 'ON_DEMAND'] as const;

/** 部门进驻: the department catalogue and where each is stationed, with its residency kind. */
export default function Departments() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(DEPARTMENTS, { fetchPolicy: 'network-only' });
  const units = useQuery(ORG_UNITS);
  const [createDept] = useMutation(CREATE_DEPARTMENT);
  const [station] = useMutation(STATION_DEPARTMENT);
  const save = useSave();
  const [deptForm] = Form.useForm();
  const [stationForm] = Form.useForm();
  const [open, setOpen] = useState<'dept' | 'station' | null>(null);
  const depts = data?.departments.edges.map((e) => e.node) ?? [];
  const residencies = data?.residencies.edges.map((e) => e.node) ?? [];
  const unitTree = buildTree(
    units.data?.orgUnits.edges.map((e) => e.node).filter((u) => !u.archived) ?? [],
    (u) => u.name,
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('config.department')}
          extra={
            <Button
              type="primary"
              onClick={() => {
                deptForm.resetFields();
                setOpen('dept');
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
            dataSource={depts}
            columns={[
              { title: t('config.name'), dataIndex: 'name' },
              { title: t('config.code'), dataIndex: 'code' },
              { title: t('config.kind'), render: (_, d) => t(`config.deptKind.${d.kind}`) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card
          size="small"
          title={t('config.tabs.departments')}
          extra={
            <Button
              type="primary"
              onClick={() => {
                stationForm.resetFields();
                setOpen('station');
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
            dataSource={residencies}
            columns={[
              { title: t('config.department'), render: (_, r) => r.department.name },
              { title: t('config.unit'), render: (_, r) => r.orgUnit.name },
              { title: t('config.mode'), render: (_, r) => <Tag>{t(`board.mode.${r.mode}`)}</Tag> },
              { title: t('config.validFrom'), render: (_, r) => fmt(r.validFrom) },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={open === 'dept'}
        destroyOnHidden
        title={t('config.department')}
        okText={t('common.save')}
        onCancel={() => setOpen(null)}
        onOk={async () => {
          const v = (await deptForm.validateFields()) as { name: string; code: string; kind: string };
          const ok = await save(
            async () =>
              (await createDept({ variables: { input: { ...v, kind: v.kind as never } } })).data?.createDepartment
                .userErrors,
            deptForm,
            t('common.saved'),
          );
          if (ok) {
            setOpen(null);
            await refetch();
          }
        }}
      >
        <Form form={deptForm} layout="vertical">
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('config.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('config.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={DEPT_KINDS.map((k) => ({ value: k, label: t(`config.deptKind.${k}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'station'}
        destroyOnHidden
        title={t('config.tabs.departments')}
        okText={t('common.save')}
        onCancel={() => setOpen(null)}
        onOk={async () => {
          const v = (await stationForm.validateFields()) as { departmentId: string; orgUnitId: string; mode: string };
          const ok = await save(
            async () =>
              (await station({ variables: { input: { ...v, mode: v.mode as never } } })).data?.stationDepartment
                .userErrors,
            stationForm,
            t('common.saved'),
          );
          if (ok) {
            setOpen(null);
            await refetch();
          }
        }}
      >
        <Form form={stationForm} layout="vertical">
          <Form.Item
            name="departmentId"
            label={t('config.department')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select showSearch optionFilterProp="label" options={depts.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('config.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <TreeSelect treeData={unitTree} treeDefaultExpandAll showSearch treeNodeFilterProp="label" />
          </Form.Item>
          <Form.Item name="mode" label={t('config.mode')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={MODES.map((m) => ({ value: m, label: t(`board.mode.${m}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
