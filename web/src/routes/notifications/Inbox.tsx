import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MARK_READ, NOTIFICATIONS } from './inbox-documents';
import { fmt, WARNING_COLOR } from '../../app/time';

/** 通知: the person's reminders and warnings, newest first, each linking to its case. */
export default function Inbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { data, loading } = useQuery(NOTIFICATIONS, { variables: { unreadOnly } });
  const [mark] = useMutation(MARK_READ, { refetchQueries: ['Inbox', 'UnreadCount'] });
  const rows = data?.notifications.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('inbox.title')}
      </Typography.Title>
      <Card size="small">
        <Space>
          <Switch id="only-unread" checked={unreadOnly} onChange={(v) => setParams(v ? { unread: '1' } : {})} />
          <label htmlFor="only-unread">{t('inbox.onlyUnread')}</label>
          <Button onClick={() => void mark({ variables: { input: { all: true } } })}>{t('inbox.markAllRead')}</Button>
        </Space>
      </Card>
      <List
        loading={loading && !data}
        bordered
        dataSource={rows}
        locale={{ emptyText: t('inbox.empty') }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.case ? (
                <Link key="case" to={`/cases/${n.case.id}`}>
                  {t('inbox.openCase')} {n.case.number}
                </Link>
              ) : null,
              !n.readAt ? (
                <Button key="read" size="small" onClick={() => void mark({ variables: { input: { ids: [n.id] } } })}>
                  {t('inbox.markRead')}
                </Button>
              ) : (
                <Typography.Text key="read" type="secondary">
                  {t('inbox.read')}
                </Typography.Text>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!n.readAt && <Badge status="processing" text={t('inbox.unread')} />}
                  {n.level !== 'INFO' && <Tag color={WARNING_COLOR[n.level]}>{t(`enums.warning.${n.level}`)}</Tag>}
                  <span>{n.title}</span>
                </Space>
              }
              description={fmt(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
