import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, SET_SHIFTS, SHIFTS, STAFF } from './config-documents';
import { clearErrorsOnEdit } from '../../app/user-errors';
import { useSave } from './save';

interface WeeklyRow {
  weekday: number;
  start: string;
  end: string;
  staffIds?: string[];
}

/** 轮驻排班: a rotating or joint department's weekly pattern, written as shifts by the API (which refuses overlaps). */
export default function Roster() {
  const { t } = useTranslation();
  const window = useMemo(
    () => ({ from: dayjs().startOf('day').toISOString(), to: dayjs().startOf('day').add(14, 'day').toISOString() }),
    [],
  );
  const [residencyId, setResidencyId] = useState<string | null>(null);
  const list = useQuery(DEPARTMENTS, { fetchPolicy: 'network-only' });
  const picked = list.data?.residencies.edges.find((e) => e.node.id === residencyId)?.node;
  // One residency's shifts at a time: the API prices a list of lists by its page size.
  const { data, error, refetch } = useQuery(SHIFTS, {
    variables: { ...window, filter: { departmentId: picked?.department.id, orgUnitId: picked?.orgUnit.id } },
    skip: !picked,
    fetchPolicy: 'network-only',
    errorPolicy: 'all',
  });
  const staff = useQuery(STAFF);
  const [setShifts] = useMutation(SET_SHIFTS);
  const save = useSave();
  const [form] = Form.useForm();
  const rotating = (list.data?.residencies.edges.map((e) => e.node) ?? []).filter(
    (r) => r.mode === 'ROTATING' || r.mode === 'JOINT',
  );
  const chosen = rotating.find((r) => r.id === residencyId);
  const shifts = data?.residencies.edges.find((e) => e.node.id === residencyId)?.node.shifts ?? [];
  const weekdays = t('config.weekdays', { returnObjects: true }) as string[];

  const submit = async () => {
    const v = (await form.validateFields()) as { range: [Dayjs, Dayjs]; weekly: WeeklyRow[] };
    const ok = await save(
      async () =>
        (
          await setShifts({
            variables: {
              input: {
                residencyId: residencyId!,
                from: v.range[0].startOf('day').toISOString(),
                to: v.range[1].add(1, 'day').startOf('day').toISOString(),
                weekly: v.weekly.map((w) => ({ ...w, weekday: Number(w.weekday), staffIds: w.staffIds ?? [] })),
              },
            },
          })
        ).data?.setRotationShifts.userErrors,
      form,
      t('common.saved'),
    );
    if (ok) await refetch();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('config.tabs.roster')}>
        {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 8 }} />}
        <Select
          aria-label={t('config.rotating')}
          placeholder={t('config.rotating')}
          style={{ width: 360 }}
          showSearch
          optionFilterProp="label"
          value={residencyId ?? undefined}
          onChange={setResidencyId}
          options={rotating.map((r) => ({ value: r.id, label: `${r.department.name} · ${r.orgUnit.name}` }))}
        />
      </Card>
      {chosen && (
        <Card size="small" title={`${t('config.weekly')}：${chosen.department.name}`}>
          <Form
            form={form}
            layout="vertical"
            onValuesChange={clearErrorsOnEdit(form)}
            initialValues={{
              range: [dayjs(), dayjs().add(3, 'month')],
              weekly: [{ weekday: 2, start: '09:00', end: '17:00' }],
            }}
          >
            <Form.Item name="range" label={`${t('config.from')} – ${t('config.to')}`} rules={[{ required: true }]}>
              <DatePicker.RangePicker aria-label={t('config.from')} />
            </Form.Item>
            <Form.List name="weekly">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'weekday']} label={t('config.weekday')} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 100 }}
                          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdays[d] }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'start']} label={t('config.start')} rules={[{ required: true }]}>
                        <Input style={{ width: 90 }} placeholder="09:00" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'end']} label={t('config.end')} rules={[{ required: true }]}>
                        <Input style={{ width: 90 }} placeholder="17:00" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'staffIds']} label={t('config.staffOnShift')}>
                        <Select
                          mode="multiple"
                          style={{ width: 260 }}
                          optionFilterProp="label"
                          options={staff.data?.staff.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
                        />
                      </Form.Item>
                      <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>
                        {t('config.remove')}
                      </Button>
                    </Space>
                  ))}
                  <Space>
                    <Button onClick={() => add({ weekday: 1, start: '09:00', end: '17:00' })}>{t('config.add')}</Button>
                    <Button type="primary" onClick={() => void submit()}>
                      {t('config.saveRoster')}
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        </Card>
      )}
      {chosen && (
        <Card size="small" title={t('config.shifts')}>
          {shifts.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={shifts}
              columns={[
                {
                  title: t('config.weekday'),
                  render: (_, s) =>
                    `${dayjs(s.startsAt).format('MM-DD')} ${weekdays[((dayjs(s.startsAt).day() + 6) % 7) + 1]}`,
                },
                { title: t('config.start'), render: (_, s) => dayjs(s.startsAt).format('HH:mm') },
                { title: t('config.end'), render: (_, s) => dayjs(s.endsAt).format('HH:mm') },
                { title: t('config.staffOnShift'), render: (_, s) => s.staff.map((x) => x.name).join('、') || '—' },
              ]}
            />
          ) : (
            <Typography.Text>—</Typography.Text>
          )}
        </Card>
      )}
    </Space>
  );
}
