import { Suspense, type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { chooseTenant, currentTenant, signOut } from './auth';
import { client } from './apollo';
import { LANGUAGES, setLanguage } from './i18n';
import '../routes/board/nav-i18n';

export const ME = graphql(`
  query Me {
    me {
      subject
      username
      roles
      currentTenant {
        id
        code
        name
      }
      tenants {
        id
        code
        name
      }
      staffMember {
        id
        name
        orgUnit {
          id
          name
        }
      }
    }
  }
`);

const UNREAD = graphql(`
  query UnreadCount {
    notifications(first: 1, filter: { unreadOnly: true }) {
      totalCount
    }
  }
`);

/** The header every signed-in screen shares: the areas, the unread count, the center, the person. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const loc = useLocation();
  const { data } = useQuery(ME);
  const { data: unread } = useQuery(UNREAD, { pollInterval: 30_000 });
  const me = data?.me;
  // Several tenants and none chosen: act in the first until the person picks another.
  useEffect(() => {
    if (me && !me.currentTenant && me.tenants.length > 1 && !currentTenant()) {
      chooseTenant(me.tenants[0]!.code);
      void client.resetStore();
    }
  }, [me]);
  const area = '/' + (loc.pathname.split('/')[1] ?? '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[area]}
          style={{ flex: 1, minWidth: 0 }}
          items={[
            { key: '/cases', label: <Link to="/cases">{t('nav.desk')}</Link> },
            { key: '/intake', label: <Link to="/intake">{t('nav.intake')}</Link> },
            { key: '/board', label: <Link to="/board">{t('nav.board')}</Link> },
            { key: '/config', label: <Link to="/config">{t('nav.config')}</Link> },
            {
              key: '/inbox',
              label: (
                <Link to="/inbox">
                  {t('nav.inbox')}
                  <Badge
                    count={unread?.notifications.totalCount ?? 0}
                    size="small"
                    style={{ marginInlineStart: 6 }}
                    title={`${t('inbox.unread')} ${unread?.notifications.totalCount ?? 0}`}
                  />
                </Link>
              ),
            },
          ]}
        />
        <Space>
          {me && me.tenants.length > 1 && (
            <Select
              aria-label={t('nav.tenant')}
              value={me.currentTenant?.code ?? currentTenant() ?? undefined}
              style={{ width: 200 }}
              options={me.tenants.map((x) => ({ value: x.code, label: x.name }))}
              onChange={(code: string) => {
                chooseTenant(code);
                void client.resetStore();
              }}
            />
          )}
          {me && me.tenants.length === 1 && (
            <Typography.Text style={{ color: '#fff' }}>{me.currentTenant?.name}</Typography.Text>
          )}
          <Select
            aria-label={t('nav.language')}
            value={i18n.language}
            style={{ width: 100 }}
            options={LANGUAGES}
            onChange={setLanguage}
          />
          <Typography.Text style={{ color: '#fff' }}>{me?.staffMember?.name ?? me?.username}</Typography.Text>
          <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }} id="main">
        <Suspense fallback={<Spin />}>{children}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
