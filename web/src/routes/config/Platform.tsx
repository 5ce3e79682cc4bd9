import { useQuery } from '@apollo/client/react';
import { Alert, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUEUES } from './config-documents';
import Tenants from './Tenants';

/** 平台管理: tenants and the job queues (platform admins only; others see the API's refusal). */
export default function Platform() {
  const { t } = useTranslation();
  const { data, error } = useQuery(QUEUES, { pollInterval: 10_000, errorPolicy: 'all' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Tenants />
      <Card size="small" title={t('config.queues')}>
        {error && <Alert type="info" showIcon message={t('config.notAllowed')} description={error.message} />}
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={data?.queueStatus ?? []}
          columns={[
            { title: t('config.name'), dataIndex: 'name' },
            { title: t('config.waiting'), dataIndex: 'waiting', align: 'right' },
            { title: t('config.running'), dataIndex: 'active', align: 'right' },
            { title: t('config.delayed'), dataIndex: 'delayed', align: 'right' },
            { title: t('config.failed'), dataIndex: 'failed', align: 'right' },
            { title: '', render: (_, q) => (q.paused ? <Tag>{t('config.paused')}</Tag> : null) },
          ]}
        />
      </Card>
    </Space>
  );
}
