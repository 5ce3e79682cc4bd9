import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fmt } from '../../app/time';
import { AddButton, Field, FormDialog, useFormDialog } from './FormDialog';
import { TAG } from './kinds';
import { useSave } from './save';
import { CREATE_WEBHOOK, DELIVERIES, REDELIVER, UPDATE_WEBHOOK, WEBHOOKS } from './settings-documents';

interface WebhookValues {
  url: string;
  eventTypes: string[];
}

const STATUS_COLOR: Record<string, string> = { DELIVERED: TAG.ok, PENDING: TAG.info, DEAD: TAG.bad };

/** Webhooks: where the center's events are posted, the signing secret (shown once), and each delivery with its retries. */
export default function Webhooks() {
  const { t } = useTranslation();
  const subs = useQuery(WEBHOOKS, { fetchPolicy: 'network-only' });
  const [subscriptionId, setSubscriptionId] = useState<string | undefined>();
  const deliveries = useQuery(DELIVERIES, {
    variables: { filter: subscriptionId ? { subscriptionId } : null },
    fetchPolicy: 'network-only',
    pollInterval: 15_000,
  });
  const [create] = useMutation(CREATE_WEBHOOK);
  const [update] = useMutation(UPDATE_WEBHOOK);
  const [redeliver] = useMutation(REDELIVER);
  const save = useSave();
  const dialog = useFormDialog();
  // The secret is in the payload of the create or rotate that made it, and never again.
  const [secret, setSecret] = useState<string | null>(null);
  const rows = subs.data?.webhookSubscriptions.edges.map((e) => e.node) ?? [];

  const change = async (input: { id: string; active?: boolean; rotateSecret?: boolean }) => {
    const ok = await save(async () => {
      const r = (await update({ variables: { input } })).data?.updateWebhookSubscription;
      if (r?.secret) setSecret(r.secret);
      return r?.userErrors;
    });
    // Pausing gives up waiting deliveries (at their next attempt): the list below follows.
    if (ok) await Promise.all([subs.refetch(), deliveries.refetch()]);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('config.webhooks.title')} extra={<AddButton dialog={dialog} />}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('config.webhooks.url'), dataIndex: 'url' },
            { title: t('config.webhooks.events'), render: (_, w) => w.eventTypes.map((e) => <Tag key={e}>{e}</Tag>) },
            {
              title: t('config.active'),
              render: (_, w) => (w.active ? <Tag color={TAG.ok}>{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
            },
            { title: t('config.webhooks.created'), render: (_, w) => fmt(w.createdAt) },
            {
              title: t('config.actions'),
              render: (_, w) => (
                <Space size={0} wrap>
                  <Popconfirm
                    title={t('config.webhooks.rotateConfirm')}
                    onConfirm={() => change({ id: w.id, rotateSecret: true })}
                  >
                    <Button size="small" type="link">
                      {t('config.webhooks.rotate')}
                    </Button>
                  </Popconfirm>
                  <Button size="small" type="link" onClick={() => void change({ id: w.id, active: !w.active })}>
                    {w.active ? t('config.webhooks.pause') : t('config.webhooks.resume')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setSubscriptionId(w.id)}>
                    {t('config.webhooks.deliveries')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('config.webhooks.deliveries')}
        data-testid="webhook-deliveries"
        extra={
          <Select
            aria-label={t('config.webhooks.url')}
            style={{ width: 360 }}
            allowClear
            placeholder={t('common.all')}
            value={subscriptionId}
            onChange={setSubscriptionId}
            options={rows.map((w) => ({ value: w.id, label: w.url }))}
          />
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={deliveries.data?.webhookDeliveries.edges.map((e) => e.node) ?? []}
          columns={[
            { title: t('config.webhooks.created'), render: (_, d) => fmt(d.createdAt), width: 150 },
            { title: t('config.webhooks.event'), dataIndex: 'eventType' },
            { title: t('config.webhooks.url'), render: (_, d) => d.subscription.url },
            {
              title: t('config.webhooks.status'),
              render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`config.webhooks.statuses.${d.status}`)}</Tag>,
            },
            { title: t('config.webhooks.attempts'), dataIndex: 'attempts', align: 'right' },
            {
              title: t('config.webhooks.last'),
              render: (_, d) =>
                [
                  d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : null,
                  d.lastError,
                  d.lastAttemptAt ? fmt(d.lastAttemptAt) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || '—',
            },
            {
              title: t('config.actions'),
              render: (_, d) =>
                // The API takes back only deliveries it gave up on (DEAD); a pending one is still being tried.
                d.status !== 'DEAD' ? null : (
                  <Button
                    size="small"
                    type="link"
                    onClick={async () => {
                      const ok = await save(
                        async () =>
                          (await redeliver({ variables: { input: { id: d.id } } })).data?.redeliverWebhookDelivery
                            .userErrors,
                        undefined,
                        t('config.webhooks.requeued'),
                      );
                      if (ok) await deliveries.refetch();
                    }}
                  >
                    {t('config.webhooks.redeliver')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <FormDialog<never, WebhookValues>
        dialog={dialog}
        title={t('config.webhooks.title')}
        initialValues={{ eventTypes: ['SLA_*'] }}
        onSubmit={async (v) => {
          const r = (await create({ variables: { input: v } })).data?.createWebhookSubscription;
          if (r?.secret) setSecret(r.secret);
          return r?.userErrors;
        }}
        onSaved={subs.refetch}
      >
        <Field name="url" label={t('config.webhooks.url')} required>
          <Input placeholder="https://" />
        </Field>
        <Field name="eventTypes" label={t('config.webhooks.events')} extra={t('config.webhooks.eventsHelp')} required>
          <Select
            mode="tags"
            options={['*', 'SLA_*', 'SLA_RED', 'SLA_YELLOW', 'CASE_*'].map((v) => ({ value: v, label: v }))}
          />
        </Field>
      </FormDialog>
      <Modal
        open={secret !== null}
        title={t('config.webhooks.secretTitle')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>{t('config.webhooks.secretOnce')}</Typography.Paragraph>
        <Typography.Text code copyable data-testid="webhook-secret">
          {secret}
        </Typography.Text>
      </Modal>
    </Space>
  );
}
