import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  ConfirmResidentBookingDocument,
  ProposeResidentSlotDocument,
  ResidentBookingsDocument,
  type ResidentBookingsQuery,
} from '../../gql/graphql';
import { fmt } from '../../app/time';
import { showUserErrors } from '../../app/user-errors';

type Request = ResidentBookingsQuery['pendingResidentMediationRequests']['edges'][number]['node'];
type Answer = { kind: 'confirm' | 'propose'; request: Request };
type Values = { place?: string; slot?: [Dayjs, Dayjs]; mediatorId?: string; message?: string };

/**
 * 群众预约: a resident asked for a mediator and an hour from their phone; the mediator's desk
 * books it as asked or offers another hour (or mediator), and the resident is told either way.
 * Shown only while a request waits for the center.
 */
export function ResidentBookings({ caseId, onAnswered }: { caseId: string; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(ResidentBookingsDocument, { variables: { caseId } });
  const [confirm, confirming] = useMutation(ConfirmResidentBookingDocument);
  const [propose, proposing] = useMutation(ProposeResidentSlotDocument);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [loose, setLoose] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();

  const requests = data?.pendingResidentMediationRequests.edges.map((e) => e.node) ?? [];
  if (!requests.length) return null;
  const mediators = data?.mediators.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];

  const open = (a: Answer) => {
    form.resetFields();
    setLoose([]);
    setAnswer(a);
  };
  const submit = async () => {
    if (!answer) return;
    const v = await form.validateFields();
    const r =
      answer.kind === 'confirm'
        ? (
            await confirm({
              variables: { input: { requestId: answer.request.id, place: v.place?.trim() || null } },
            })
          ).data?.confirmResidentMediationRequest
        : (
            await propose({
              variables: {
                input: {
                  requestId: answer.request.id,
                  startsAt: v.slot![0].toISOString(),
                  endsAt: v.slot![1].toISOString(),
                  mediatorId: v.mediatorId ?? null,
                  message: v.message?.trim() || null,
                },
              },
            })
          ).data?.proposeResidentMediationSlot;
    if (r?.userErrors.length) {
      // The slot's own refusals (a clash, outside opening hours, off the roster) sit under the picker.
      setLoose(
        showUserErrors(
          form,
          r.userErrors.map((e) => ({ ...e, field: slotField(e.field) })),
        ),
      );
      return;
    }
    setAnswer(null);
    await refetch();
    onAnswered();
  };

  return (
    <Card title={t('bookings.title')} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={requests}
        columns={[
          { title: t('bookings.asked'), render: (_, r) => `${fmt(r.startsAt)} – ${fmt(r.endsAt).slice(11)}` },
          { title: t('case.mediators'), render: (_, r) => r.mediatorName ?? '—' },
          { title: t('bookings.way'), render: (_, r) => t(`bookings.ways.${r.way}`) },
          { title: t('bookings.note'), render: (_, r) => r.note ?? '—' },
          {
            title: t('bookings.status'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag>{r.statusText}</Tag>
                {r.proposedStartsAt && (
                  <span>
                    {t('bookings.offered')}
                    {fmt(r.proposedStartsAt)}
                    {r.proposedMediatorName ? `（${r.proposedMediatorName}）` : ''}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('case.actions'),
            render: (_, r) =>
              r.status === 'REQUESTED' && (
                <Space>
                  <Button type="primary" size="small" onClick={() => open({ kind: 'confirm', request: r })}>
                    {t('bookings.confirm')}
                  </Button>
                  <Button size="small" onClick={() => open({ kind: 'propose', request: r })}>
                    {t('bookings.propose')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!answer}
        title={answer?.kind === 'confirm' ? t('bookings.confirmTitle') : t('bookings.proposeTitle')}
        okText={answer?.kind === 'confirm' ? t('bookings.confirm') : t('bookings.propose')}
        confirmLoading={confirming.loading || proposing.loading}
        onOk={() => void submit()}
        onCancel={() => setAnswer(null)}
        destroyOnHidden
      >
        {answer && (
          <Form form={form} layout="vertical" preserve={false}>
            {loose.map((m) => (
              <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 12 }} />
            ))}
            <p>
              {t('bookings.asked')}：{fmt(answer.request.startsAt)}，{answer.request.mediatorName ?? '—'}，
              {t(`bookings.ways.${answer.request.way}`)}
            </p>
            {answer.kind === 'confirm' ? (
              <Form.Item name="place" label={t('case.place')}>
                <Input maxLength={200} />
              </Form.Item>
            ) : (
              <>
                <Form.Item
                  name="slot"
                  label={t('bookings.newSlot')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <DatePicker.RangePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name="mediatorId" label={t('bookings.otherMediator')}>
                  <Select allowClear showSearch optionFilterProp="label" options={mediators} />
                </Form.Item>
                <Form.Item name="message" label={t('bookings.message')}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              </>
            )}
          </Form>
        )}
      </Modal>
    </Card>
  );
}

/** The API names the slot's start and end separately; the form has one range picker for both. */
function slotField(field: readonly string[] | null | undefined): string[] | null {
  if (!field) return null;
  const last = field[field.length - 1];
  return last === 'startsAt' || last === 'endsAt' ? ['input', 'slot'] : [...field];
}
