import { useMutation, useQuery } from '@apollo/client/react';
import { Card, Col, Input, Row, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmt } from '../../app/time';
import { CREATE_DEPARTMENT, DEPARTMENTS, STATION_DEPARTMENT } from './config-documents';
import { AddButton, FormDialog, useFormDialog, Field } from './FormDialog';
import { TreePick, useUnitTree } from './pickers';
import { DEPT_KINDS } from './kinds';

interface DepartmentValues {
  name: string;
  code: string;
  kind: string;
}

interface StationValues {
  departmentId: string;
  orgUnitId: string;
  mode: string;
}

const MODES = ['RESIDENT', 'ROTATING', 'JOINT', 'ON_DEMAND'] as const;

/** 部门进驻: the department catalogue and where each is stationed, with its residency kind. */
export default function Departments() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(DEPARTMENTS, { fetchPolicy: 'network-only' });
  const [createDept] = useMutation(CREATE_DEPARTMENT);
  const [station] = useMutation(STATION_DEPARTMENT);
  const deptDialog = useFormDialog();
  const stationDialog = useFormDialog();
  const depts = data?.departments.edges.map((e) => e.node) ?? [];
  const residencies = data?.residencies.edges.map((e) => e.node) ?? [];
  const unitTree = useUnitTree();

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('config.department')} extra={<AddButton dialog={deptDialog} />}>
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
        <Card size="small" title={t('config.tabs.departments')} extra={<AddButton dialog={stationDialog} />}>
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
      <FormDialog<never, DepartmentValues>
        dialog={deptDialog}
        title={t('config.department')}
        onSubmit={async (v) =>
          (await createDept({ variables: { input: { ...v, kind: v.kind as never } } })).data?.createDepartment
            .userErrors
        }
        onSaved={refetch}
      >
        <Field name="name" label={t('config.name')} required>
          <Input />
        </Field>
        <Field name="code" label={t('config.code')} required>
          <Input />
        </Field>
        <Field name="kind" label={t('config.kind')} required>
          <Select
            showSearch
            optionFilterProp="label"
            options={DEPT_KINDS.map((k) => ({ value: k, label: t(`config.deptKind.${k}`) }))}
          />
        </Field>
      </FormDialog>
      <FormDialog<never, StationValues>
        dialog={stationDialog}
        title={t('config.tabs.departments')}
        onSubmit={async (v) =>
          (await station({ variables: { input: { ...v, mode: v.mode as never } } })).data?.stationDepartment.userErrors
        }
        onSaved={refetch}
      >
        <Field name="departmentId" label={t('config.department')} required>
          <Select showSearch optionFilterProp="label" options={depts.map((d) => ({ value: d.id, label: d.name }))} />
        </Field>
        <Field name="orgUnitId" label={t('config.unit')} required>
          <TreePick treeData={unitTree} />
        </Field>
        <Field name="mode" label={t('config.mode')} required>
          <Select options={MODES.map((m) => ({ value: m, label: t(`board.mode.${m}`) }))} />
        </Field>
      </FormDialog>
    </Row>
  );
}
