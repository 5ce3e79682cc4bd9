import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_INSTALMENTS, RECORD_PAYMENT } from './instalment-documents';
import { showUserErrors } from '../../app/user-errors';
// The colours strong enough for white text (WCAG AA) the console uses for warnings.
import { WARNING_COLOR } from '../../app/time';
import './instalments-i18n';

/**
 * An agreement's instalments on the case page: what is due when, what arrived, what is late (the
 * API says which are), and a payment recorded as the money comes in.
 */
export function InstalmentPanel({ caseId, onPaid }: { caseId: string; onPaid?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: string }>();
  const [paying, setPaying] = useState<string | null>(null);
  const { data, refetch } = useQuery(CASE_INSTALMENTS, { variables: { id: caseId } });
  const [pay, payingNow] = useMutation(RECORD_PAYMENT);
  const plan = (data?.case?.agreements ?? []).flatMap((a) => a.instalmentPlan);
  if (!plan.length) return null;

  const submit = async ({ amount }: { amount: string }) => {
    const r = await pay({ variables: { input: { instalmentId: paying!, amount: amount.trim() } } });
    const errors = r.data?.recordInstalmentPayment.userErrors ?? [];
    const rest = showUserErrors(form, errors);
    if (errors.length) {
      if (rest.length) message.error(rest.join('；'));
      return;
    }
    message.success(t('instalments.recorded'));
    setPaying(null);
    form.resetFields();
    await refetch();
    onPaid?.();
  };

  return (
    <Card title={t('instalments.title')} size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan}
        columns={[
          { title: t('instalments.seq'), dataIndex: 'seq' },
          { title: t('instalments.dueOn'), dataIndex: 'dueOn' },
          { title: t('instalments.amount'), render: (_, i) => `${i.amount} 元` },
          { title: t('instalments.paid'), render: (_, i) => `${i.paidAmount} 元` },
          {
            title: t('instalments.status'),
            render: (_, i) => (
              <>
                <Tag color={i.status === 'PAID' ? WARNING_COLOR['GREEN'] : undefined}>
                  {t(`instalments.statuses.${i.status}`)}
                </Tag>
                {i.late && <Tag color={WARNING_COLOR['RED']}>{t('instalments.late')}</Tag>}
              </>
            ),
          },
          {
            title: '',
            render: (_, i) =>
              i.status === 'PAID' ? null : (
                <Button size="small" onClick={() => setPaying(i.id)} aria-label={`${t('instalments.pay')} ${i.seq}`}>
                  {t('instalments.pay')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!paying}
        title={t('instalments.pay')}
        okText={t('instalments.pay')}
        confirmLoading={payingNow.loading}
        onOk={() => form.submit()}
        onCancel={() => setPaying(null)}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="amount" label={t('instalments.payAmount')} rules={[{ required: true }]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
